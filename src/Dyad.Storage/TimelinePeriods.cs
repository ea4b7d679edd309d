using System.Globalization;

namespace Dyad.Storage;

/// <summary>
/// A timeline's periods named as both stores name them (a week by its Monday, yyyy-MM-dd; a month, yyyy-MM; a year,
/// yyyy), and the empty periods between the first and the last put back: a reader of a table or a chart must see a
/// quiet month as a zero, not as the next month's neighbour.
/// </summary>
public static class TimelinePeriods
{
    /// <summary>
    /// The rows with a zero row (no events, no mean Goldstein) for every period between the first and the last that has
    /// none. Rows whose period cannot be read are returned as they came.
    /// </summary>
    public static IReadOnlyList<TimelineRow> FillGaps(IReadOnlyList<TimelineRow> rows, string by)
    {
        if (rows.Count < 2 || rows.Any(r => Start(r.Period, by) is null))
        {
            return rows;
        }

        var filled = new List<TimelineRow>(rows.Count);
        foreach (var row in rows)
        {
            if (filled.Count > 0)
            {
                var next = Next(Start(filled[^1].Period, by)!.Value, by);
                var start = Start(row.Period, by)!.Value;
                while (next < start)
                {
                    filled.Add(new TimelineRow(Name(next, by), 0, 0, 0, 0, null));
                    next = Next(next, by);
                }
            }

            filled.Add(row);
        }

        return filled;
    }

    /// <summary>The first day of a period from its name, or null when the name is not one of <paramref name="by"/>'s.</summary>
    public static DateOnly? Start(string period, string by)
    {
        var format = Format(by);
        return DateOnly.TryParseExact(format == "yyyy" ? period + "-01-01" : format == "yyyy-MM" ? period + "-01" : period,
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>A period's name from its first day.</summary>
    public static string Name(DateOnly start, string by) => start.ToString(Format(by), CultureInfo.InvariantCulture);

    private static DateOnly Next(DateOnly start, string by) => by switch
    {
        "week" => start.AddDays(7),
        "year" => start.AddYears(1),
        _ => start.AddMonths(1),
    };

    private static string Format(string by) => by switch
    {
        "week" => "yyyy-MM-dd",
        "year" => "yyyy",
        _ => "yyyy-MM",
    };
}
