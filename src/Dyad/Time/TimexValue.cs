using System.Globalization;

namespace Dyad.Time;

/// <summary>
/// The TimeML TIMEX3 value of a resolved interval, for measuring the normaliser against TimeML corpora
/// (TempEval-3). The interval's precision decides the granularity: day → "1998-02-13", month and parts of a month
/// → "1998-02" (TimeML marks "early February" with a modifier, not a narrower value), year and parts of a year →
/// "1998", week and part of a week → ISO week "1998-W07" (a weekend "1998-W07-WE"), quarter → "1998-Q1", half year → "1998-H1",
/// season → "1998-SP|SU|FA|WI", decade → "199", century → "19"; vague spans relative to the anchor → "PAST_REF",
/// "PRESENT_REF" or "FUTURE_REF"; a range → the value of its start at the granularity both ends share.
/// </summary>
internal static class TimexValue
{
    /// <summary>The TIMEX3 value of an expression: its period for a duration or a set, else that of its interval.</summary>
    public static string Of(TimeExpression expression, DateOnly anchor) => expression.Kind switch
    {
        TimeKind.Duration or TimeKind.Set or TimeKind.Span => expression.Period ?? "PX",
        TimeKind.Time => Of(expression.Value, anchor) + "T" + expression.Period,
        _ => Of(expression.Value, anchor),
    };

    public static string Of(EventDate date, DateOnly anchor) => date.Precision switch
    {
        "day" or "publication" => Day(date.Start),
        "month" or "part-of-month" => Month(date.Start),
        "year" or "part-of-year" => Year(date.Start),
        "week" or "part-of-week" => Week(date),
        "quarter" => Year(date.Start) + "-Q" + ((date.Start.Month + 2) / 3).ToString(CultureInfo.InvariantCulture),
        "half-year" => Year(date.Start) + "-H" + (date.Start.Month <= 6 ? "1" : "2"),
        "season" => Year(date.Start) + "-" + date.Start.Month switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" },
        "decade" => Year(date.Start)[..3],
        "century" => Year(date.Start)[..2],
        "clock" => Day(date.Start),
        "present" => "PRESENT_REF",
        "future" => "FUTURE_REF",
        "past" => "PAST_REF",
        "vague" => date.Start >= anchor ? "FUTURE_REF" : "PAST_REF",
        "range" => Range(date),
        _ => Day(date.Start),
    };

    private static string Range(EventDate date)
    {
        if (date.Start is { Month: 1, Day: 1 } && date.End is { Month: 12, Day: 31 })
        {
            return Year(date.Start);
        }

        return date.Start.Day == 1 && date.End.AddDays(1).Day == 1 ? Month(date.Start) : Day(date.Start);
    }

    private static string Week(EventDate date)
    {
        var week = ISOWeek.GetWeekOfYear(date.Start.ToDateTime(TimeOnly.MinValue));
        var year = ISOWeek.GetYear(date.Start.ToDateTime(TimeOnly.MinValue));
        var value = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-W{week:D2}");

        // A weekend is the Saturday and Sunday of an ISO week.
        return date.Start.DayOfWeek == DayOfWeek.Saturday && date.End == date.Start.AddDays(1) ? value + "-WE" : value;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Year(DateOnly date) => date.Year.ToString("D4", CultureInfo.InvariantCulture);
}
