using System.Collections.Frozen;
using System.Globalization;
using Dyad.Events;
using Dyad.Storage;

namespace Dyad.Web;

/// <summary>The API's query filters, validated: codes are capitals and digits, dates ISO, numbers bounded.</summary>
internal static class Filters
{
    private static readonly FrozenSet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "asserted", "reported", "denied", "speculated", "planned", "negated" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The API's sort names, in the order an error lists them.</summary>
    private static readonly (string Name, EventOrder Order)[] SortNames =
    [
        ("date", EventOrder.Date),
        ("-date", EventOrder.DateDescending),
        ("mentions", EventOrder.Mentions),
        ("-mentions", EventOrder.MentionsDescending),
        ("goldstein", EventOrder.Goldstein),
        ("-goldstein", EventOrder.GoldsteinDescending),
    ];

    private static readonly FrozenDictionary<string, EventOrder> Sorts = SortNames.ToFrozenDictionary(s => s.Name, s => s.Order, StringComparer.Ordinal);

    internal sealed record Parsed(EventQuery Query);

    public static Parsed? Parse(IQueryCollection q)
    {
        var errors = Errors(q);
        if (errors.Count > 0)
        {
            return null;
        }

        ActorPair? dyad = null;
        if (q["dyad"].ToString() is { Length: > 0 } pair)
        {
            var parts = pair.Split(',');
            dyad = new ActorPair(Code(parts[0])!, Code(parts[1])!, q["directed"] == "true");
        }

        return new Parsed(new EventQuery
        {
            Actor = Code(q["actor"]),
            Dyad = dyad,
            CameoPrefix = Text(q["cameo"]),
            PloverType = Plover(q["plover"]),
            Quad = int.TryParse(q["quad"], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) ? quad : null,
            From = Date(q["from"]),
            To = Date(q["to"]),
            PlaceCountry = Code(q["country"]),
            Status = Text(q["status"]),
            Secret = q["secret"].ToString() switch { "true" => true, "false" => false, _ => null },
            Text = Text(q["text"]),
            Limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, DyadWeb.MaxPageSize) : 100,
            Offset = int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? Math.Max(0, offset) : 0,
            Order = Text(q["sort"]) is { } sort ? Sorts[sort] : EventOrder.Date,
        });
    }

    public static IResult Problem(IQueryCollection q) =>
        Results.ValidationProblem(Errors(q), title: "Bad filter", detail: "One or more filters are not valid.");

    private static Dictionary<string, string[]> Errors(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string key, bool ok, string message)
        {
            if (q.ContainsKey(key) && q[key].ToString().Length > 0 && !ok)
            {
                errors[key] = [message];
            }
        }

        Check("actor", Code(q["actor"]) is not null, "an actor code: capitals and digits");
        Check("country", Code(q["country"]) is not null, "a country code: capitals");
        var dyad = q["dyad"].ToString().Split(',');
        Check("dyad", dyad.Length == 2 && Code(dyad[0]) is not null && Code(dyad[1]) is not null, "two actor codes A,B");
        Check("cameo", q["cameo"].ToString() is { Length: <= 4 } c && c.All(char.IsAsciiDigit), "a CAMEO code prefix: digits");
        Check("plover", Plover(q["plover"]) is not null, "a PLOVER event type: " + string.Join(", ", PloverTable.Default.Types));
        Check("quad", q["quad"].ToString() is "1" or "2" or "3" or "4", "1, 2, 3 or 4");
        Check("from", Date(q["from"]) is not null, "a date YYYY-MM-DD");
        Check("to", Date(q["to"]) is not null, "a date YYYY-MM-DD");
        Check("status", Statuses.Contains(q["status"].ToString()), "asserted, reported, denied, speculated, planned or negated");
        Check("secret", q["secret"].ToString() is "true" or "false", "true or false");
        Check("text", q["text"].ToString().Length <= 200, "at most 200 characters");
        Check("limit", int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out _), "a number");
        Check("offset", int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out _), "a number");
        Check("sort", Sorts.ContainsKey(q["sort"].ToString()), string.Join(", ", SortNames.Select(s => s.Name)));
        return errors;
    }

    /// <summary>A timeline request's problem: no dyad (as a and b, or as dyad=A,B), or a bad by or directed; null when it is well formed.</summary>
    public static IResult? TimelineProblem(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pair = q["dyad"].ToString();
        var dyad = pair.Split(',');
        if (pair.Length > 0 && (q.ContainsKey("a") || q.ContainsKey("b")))
        {
            errors["dyad"] = ["give the dyad once: a=A&b=B or dyad=A,B"];
        }
        else if (pair.Length > 0)
        {
            if (!(dyad.Length == 2 && Code(dyad[0]) is not null && Code(dyad[1]) is not null))
            {
                errors["dyad"] = ["two actor codes A,B (capitals, digits)"];
            }
        }
        else if (Code(q["a"]) is null || Code(q["b"]) is null)
        {
            errors[Code(q["a"]) is null ? "a" : "b"] = ["expected a=A&b=B or dyad=A,B: two actor codes (capitals, digits)"];
        }

        if (q.ContainsKey("by") && q["by"].ToString() is not ("week" or "month" or "year"))
        {
            errors["by"] = ["week, month or year"];
        }

        if (q.ContainsKey("directed") && q["directed"].ToString() is not ("true" or "false"))
        {
            errors["directed"] = ["true or false"];
        }

        return errors.Count == 0 ? null
            : Results.ValidationProblem(errors, title: "Bad timeline request", detail: "A timeline takes a dyad as a=A&b=B or dyad=A,B, and optionally by=week|month|year and directed=true|false.");
    }

    /// <summary>A well-formed timeline request's dyad and period (see <see cref="TimelineProblem"/>).</summary>
    public static (ActorPair Pair, string By) Timeline(IQueryCollection q)
    {
        var directed = q["directed"] == "true";
        var pair = q["dyad"].ToString() is { Length: > 0 } dyad
            ? new ActorPair(Code(dyad.Split(',')[0])!, Code(dyad.Split(',')[1])!, directed)
            : new ActorPair(Code(q["a"])!, Code(q["b"])!, directed);
        return (pair, q["by"].ToString() is { Length: > 0 } by ? by : "month");
    }

    /// <summary>A PLOVER event type (any case) as the conversion table names it, or null.</summary>
    private static string? Plover(string? value)
    {
        var upper = value?.Trim().ToUpperInvariant();
        return upper is { Length: > 0 } && PloverTable.Default.Types.Contains(upper, StringComparer.Ordinal) ? upper : null;
    }

    public static string? Code(string? value)
    {
        var upper = value?.Trim().ToUpperInvariant();
        return upper is { Length: > 0 and <= 30 } && upper.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-') ? upper : null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
