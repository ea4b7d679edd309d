using System.Globalization;
using System.Text;
using Dyad.Events;
using Dyad.Records;

namespace Dyad.Cli;

/// <summary>
/// The human view of events (<c>--format table</c>): one line per event with its date, source -> target, CAMEO code
/// and name, status, place and the start of its sentence. Columns have fixed widths, so a line is written as soon as
/// its event is coded (a long run does not wait for the widest value) and the columns still line up; a value wider
/// than its column is cut with an ellipsis.
/// </summary>
internal static class EventTable
{
    private const int DateWidth = 16;
    private const int DyadWidth = 18;
    private const int CameoWidth = 30;
    private const int StatusWidth = 10;
    private const int PlaceWidth = 16;
    private const int SentenceWidth = 50;

    public const string Name = "table";

    public static string Header { get; } = Line("date", "source -> target", "cameo", "status", "place", "sentence");

    public static string Row(EventRecord e)
    {
        var cameo = CameoCode.TryParse(e.Cameo, out var code) ? $"{e.Cameo} {ShortName(CameoCodebook.Default[code].Name)}" : e.Cameo;
        var dyad = $"{e.Source.Code} -> {e.Target?.Code ?? "-"}";
        var status = e.Disputed.Count > 0 ? e.Attribution.Status + "*" : e.Attribution.Status;
        var place = e.Place is { } p ? p.Country is { } country && country != p.Name ? $"{p.Name}, {country}" : p.Name : "-";
        return Line(Date(e.Date), dyad, cameo, status, place, e.Text);
    }

    /// <summary>
    /// A code's name without the codebook's ", not specified below" (the code's three digits ending in 0 say that
    /// already), so the words that tell codes apart fit the column.
    /// </summary>
    private static string ShortName(string name) =>
        name.EndsWith(", not specified below", StringComparison.Ordinal) ? name[..^", not specified below".Length] : name;

    /// <summary>
    /// The date as briefly as it is known: a day, a whole month (2021-02) or year (2021), or an interval in ISO 8601's
    /// short form (2021-02-01/10). Unknown is "-".
    /// </summary>
    internal static string Date(DateRecord? date)
    {
        if (date is not { Start: var start, End: var end })
        {
            return "-";
        }

        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (start == end)
        {
            return Iso(start);
        }

        if (start.Day == 1 && end == start.AddMonths(1).AddDays(-1))
        {
            return start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        if (start.DayOfYear == 1 && end == start.AddYears(1).AddDays(-1))
        {
            return start.ToString("yyyy", CultureInfo.InvariantCulture);
        }

        var shortEnd = start.Year != end.Year ? Iso(end)
            : start.Month != end.Month ? end.ToString("MM-dd", CultureInfo.InvariantCulture)
            : end.ToString("dd", CultureInfo.InvariantCulture);
        return $"{Iso(start)}/{shortEnd}";
    }

    private static string Line(string date, string dyad, string cameo, string status, string place, string sentence)
    {
        var line = new StringBuilder();
        line.Append(Cell(date, DateWidth)).Append("  ")
            .Append(Cell(dyad, DyadWidth)).Append("  ")
            .Append(Cell(cameo, CameoWidth)).Append("  ")
            .Append(Cell(status, StatusWidth)).Append("  ")
            .Append(Cell(place, PlaceWidth)).Append("  ")
            .Append(Cut(OneLine(sentence), SentenceWidth));
        return line.ToString();
    }

    private static string Cell(string value, int width) => Cut(OneLine(value), width).PadRight(width);

    private static string Cut(string value, int width) => value.Length <= width ? value : value[..(width - 1)].TrimEnd() + "…";

    /// <summary>Line breaks and tabs inside a value (a sentence across lines) would break the table's lines.</summary>
    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\n', '\r', '\t', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
