using System.Collections.Frozen;
using System.Globalization;
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

    public static string? Code(string? value)
    {
        var upper = value?.Trim().ToUpperInvariant();
        return upper is { Length: > 0 and <= 30 } && upper.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-') ? upper : null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
