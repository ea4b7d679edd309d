using Dyad.Records;

namespace Dyad.Storage.Exports;

/// <summary>
/// One way of writing events out, by the name <c>--format</c> takes. A format writes coded events (<c>dyad code</c>),
/// stored events (<c>dyad events</c>, a row at a time or, for Parquet, a whole file), or both.
/// </summary>
/// <param name="Columns">The header line's columns, for the tabular formats.</param>
/// <param name="CodedRow">A coded event's line, before any store (null for an event the format leaves out); null when <c>dyad code</c> does not offer the format.</param>
/// <param name="StoredRow">A stored event's line, given its 1-based row number (GDELT numbers its events); null for an event the format leaves out.</param>
/// <param name="WriteFile">Writes every event to a file at once, for formats that are not lines of text.</param>
internal sealed record EventFormat(
    string Name,
    IReadOnlyList<string>? Columns,
    Func<EventRecord, string?>? CodedRow,
    Func<StoredEvent, long, string?>? StoredRow,
    Func<IReadOnlyList<StoredEvent>, Stream, Task>? WriteFile);

/// <summary>Every output format, in the order <c>--format</c> lists them: the one table <c>dyad code</c>, <c>dyad events</c> and the web write from.</summary>
internal static class EventFormats
{
    public static EventFormat Jsonl { get; } = new("jsonl", null, EventJson.ToJson, (e, _) => EventExports.ToJsonLine(e), null);

    public static IReadOnlyList<EventFormat> All { get; } =
    [
        Jsonl,
        new("tsv", EventExports.TsvColumns, EventExports.ToTsv, (e, _) => EventExports.ToTsv(e), null),
        new("gdelt", EventExports.GdeltColumns, null, EventExports.ToGdelt, null),
        new("icews", EventExports.IcewsColumns, null, (e, _) => EventExports.ToIcews(e), null),
        new("polecat", EventExports.PolecatColumns, EventExports.ToPolecat, (e, _) => EventExports.ToPolecat(e), null),
        new("parquet", null, null, null, EventExports.WriteParquetAsync),
    ];

    /// <summary>The names <c>dyad code --format</c> accepts.</summary>
    public static string[] ForCodedEvents => [.. All.Where(f => f.CodedRow is not null).Select(f => f.Name)];

    /// <summary>The names <c>dyad events --format</c> accepts.</summary>
    public static string[] ForStoredEvents => [.. All.Where(f => f.StoredRow is not null || f.WriteFile is not null).Select(f => f.Name)];

    public static EventFormat Named(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"no output format is called '{name}'", nameof(name));
}
