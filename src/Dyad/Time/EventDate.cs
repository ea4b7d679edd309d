namespace Dyad.Time;

/// <summary>
/// When an event happened, as an inclusive interval of days, the words that said so, and how precise they were
/// ("day", "part-of-month", "month", "year", "publication" when the text gave no time).
/// </summary>
public sealed record EventDate(DateOnly Start, DateOnly End, string? Text, string Precision)
{
    public static EventDate Publication(DateOnly date) => new(date, date, null, "publication");

    public bool Overlaps(EventDate other) => Start <= other.End && other.Start <= End;
}
