using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Storage;
using Dyad.Storage.Exports;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad events [--db] [filters]</c>: stored events as JSON Lines, TSV, GDELT or ICEWS rows, or Parquet.</summary>
internal static class EventsCommand
{
    /// <summary>A --plover value, checked against the types of the conversion table (any case accepted).</summary>
    private static string? PloverType(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var types = Dyad.Events.PloverTable.Default.Types;
        var type = value.ToUpperInvariant();
        return types.Contains(type) ? type : throw new CliException(OptionValues.Message("--plover", [.. types], value));
    }

    /// <summary>
    /// The orders --sort names. Newest first is the default: an analyst asks what happened lately, and a wire archive's
    /// oldest records are often its least reliable (a 1933 date read from a history paragraph).
    /// </summary>
    private static readonly (string Name, EventOrder Order)[] Sorts =
    [
        ("newest", EventOrder.DateDescending),
        ("oldest", EventOrder.Date),
        ("mentions", EventOrder.MentionsDescending),
        ("conflict", EventOrder.Goldstein),
        ("cooperation", EventOrder.GoldsteinDescending),
    ];

    public static Command Create(CliContext context)
    {
        var db = StoreOptions.Db();
        var id = new Option<string?>("--id") { Description = "One event by id." };
        var mentions = new Option<bool>("--mentions") { Description = "With --id: every report of the event and why it was fused." };
        var actor = new Option<string?>("--actor") { Description = "An actor code prefix on either side (JPN, PRKGOV)." };
        var dyad = new Option<string?>("--dyad") { Description = "Two actor code prefixes A,B: events between them, either direction." };
        var directed = new Option<bool>("--directed") { Description = "With --dyad: only A → B." };
        var cameo = new Option<string?>("--cameo") { Description = "A CAMEO code prefix (04, 163)." };
        var plover = new Option<string?>("--plover") { Description = "A PLOVER event type (CONSULT, ASSAULT): events whose CAMEO code converts to it." };
        var quad = new Option<int?>("--quad") { Description = "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict." };
        OptionValues.OneOf(quad, ["1", "2", "3", "4"]);
        var from = new Option<string?>("--from") { Description = "Events on or after this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Events on or before this date (YYYY-MM-DD)." };
        var country = new Option<string?>("--country") { Description = "Events that took place in this country (alpha-3)." };
        var status = new Option<string?>("--status") { Description = "asserted, reported, denied, speculated, planned or negated." };
        var secret = new Option<string?>("--secret") { Description = "true: only secret contacts; false: only open ones." };
        OptionValues.OneOf(secret, ["true", "false"]);
        var text = new Option<string?>("--text") { Description = "Events whose sentence contains this text." };
        var limit = new Option<int?>("--limit") { Description = "At most this many events." };
        var sort = new Option<string>("--sort")
        {
            Description = "newest (the default: latest start first), oldest, mentions (most reported first), conflict (lowest Goldstein score first) or cooperation (highest first); events without a date come last.",
            DefaultValueFactory = _ => "newest",
        };
        OptionValues.OneOf(sort, [.. Sorts.Select(s => s.Name)]);
        var format = new Option<string>("--format") { Description = "jsonl (default), tsv, gdelt, icews, polecat or parquet.", DefaultValueFactory = _ => "jsonl" };
        OptionValues.OneOf(format, EventFormats.ForStoredEvents);
        var output = new Option<string?>("--out") { Description = "Write to this file (required for parquet); never the store itself." };
        var force = new Option<bool>("--force") { Description = "With --out: replace the file if it exists." };
        OptionValues.OneOf(status, ["asserted", "reported", "denied", "speculated", "planned", "negated"]);
        var partial = StoreOptions.Partial();
        var command = new Command("events", "Print stored events.\nExample: dyad events --dyad JPN,PRK --cameo 04 --format tsv")
        {
            db, id, mentions, actor, dyad, directed, cameo, plover, quad, from, to, country, status, secret, text, limit, sort, format, output, force, partial,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var query = new EventQuery
            {
                Id = parse.GetValue(id),
                Actor = Code(parse.GetValue(actor), "--actor"),
                Dyad = ParseDyad(parse.GetValue(dyad), parse.GetValue(directed)),
                CameoPrefix = parse.GetValue(cameo) is { } c && c.All(char.IsAsciiDigit) && c.Length <= 4 ? c : parse.GetValue(cameo) is null ? null : throw new CliException($"--cameo must be a CAMEO code or its prefix, 1 to 4 digits (got '{parse.GetValue(cameo)}')"),
                PloverType = PloverType(parse.GetValue(plover)),
                Quad = parse.GetValue(quad),
                From = Date(parse.GetValue(from), "--from"),
                To = Date(parse.GetValue(to), "--to"),
                PlaceCountry = Code(parse.GetValue(country), "--country"),
                Status = parse.GetValue(status),
                Secret = parse.GetValue(secret) is { } s ? s == "true" : null,
                Text = parse.GetValue(text),
                Order = Sorts.First(s => s.Name == parse.GetValue(sort)).Order,
                Limit = parse.GetValue(limit) is { } l && l < 0 ? throw new CliException($"--limit: {l} is not a number of events (0 or more)") : parse.GetValue(limit) ?? int.MaxValue,
            };
            var location = parse.GetValue(db)!;
            var fileName = parse.GetValue(output);
            if (fileName is not null)
            {
                OutputFile.Check(fileName, StoreOptions.IsFile(location) ? location : null, parse.GetValue(force));
            }

            using var store = StoreOptions.Open(location, readOnly: true, parse.GetValue(partial));
            if (parse.GetValue(mentions))
            {
                var eventId = query.Id ?? throw new CliException("--mentions needs --id");
                WriteMentions(store, eventId, context);
                return CliErrors.Success;
            }

            var events = store.Events(query);
            if (query.Id is { } wanted && events.Count == 0)
            {
                throw new CliException($"--id {wanted}: no such event");
            }

            var chosen = EventFormats.Named(parse.GetValue(format)!);
            if (chosen.WriteFile is { } writeFile)
            {
                var path = fileName ?? throw new CliException($"--format {chosen.Name} needs --out FILE");
                await OutputFile.WriteAsync(path, file => writeFile(events, file)).ConfigureAwait(false);
                context.Error.WriteLine($"wrote {Counts.Of(events.Count, "event", "events")} to {path}");
                return CliErrors.Success;
            }

            if (fileName is not null)
            {
                await OutputFile.WriteAsync(fileName, file => WriteRowsAsync(file, events, chosen, cancellation)).ConfigureAwait(false);
                return CliErrors.Success;
            }

            await WriteRowsAsync(context.Out, events, chosen, cancellation).ConfigureAwait(false);
            return CliErrors.Success;
        });
        return command;
    }

    private static async Task WriteRowsAsync(Stream stream, IReadOnlyList<StoredEvent> events, EventFormat chosen, CancellationToken cancellation)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        if (chosen.Columns is { } columns)
        {
            await writer.WriteLineAsync(string.Join('\t', columns)).ConfigureAwait(false);
        }

        var row = chosen.StoredRow!;
        long n = 0;
        foreach (var e in events)
        {
            // GDELT's row numbers count the events written, so a row the format leaves out takes no number.
            if (row(e, n + 1) is { } line)
            {
                n++;
                await writer.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private static void WriteMentions(IEventStore store, string eventId, CliContext context)
    {
        var stored = store.Events(new EventQuery { Id = eventId });
        if (stored.Count == 0)
        {
            throw new CliException($"--id {eventId}: no such event");
        }

        var e = stored[0];
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"event {e.Id}: {e.SourceCode} -> {e.TargetCode ?? "-"} {e.Cameo} {e.DateStart:yyyy-MM-dd}..{e.DateEnd:yyyy-MM-dd} {e.PlaceName ?? "-"}; {e.NumMentions} mentions, {e.NumSources} sources, {e.NumArticles} articles{(e.Disputed ? "; disputed" : string.Empty)}");
        foreach (var mention in store.Mentions(eventId))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {mention.Id} ({mention.Publisher ?? "unknown publisher"}, {mention.Status}): {mention.FusionReason}");
            report.AppendLine(CultureInfo.InvariantCulture, $"    \"{mention.Record.Text}\"");
        }

        context.Out.Write(Encoding.UTF8.GetBytes(report.ToString()));
        context.Out.Flush();
    }

    internal static ActorPair? ParseDyad(string? value, bool directed)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new CliException($"--dyad: '{value}' is not two actor codes A,B");
        }

        return new ActorPair(Code(parts[0], "--dyad")!, Code(parts[1], "--dyad")!, directed);
    }

    /// <summary>Actor codes are capitals, digits and dashes; anything else is refused before it reaches a query.</summary>
    internal static string? Code(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        var upper = value.Trim().ToUpperInvariant();
        return upper.Length is > 0 and <= 30 && upper.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-')
            ? upper
            : throw new CliException($"{option}: '{value}' is not an actor or country code");
    }

    internal static DateOnly? Date(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliException($"{option}: '{value}' is not a date in the form YYYY-MM-DD");
}
