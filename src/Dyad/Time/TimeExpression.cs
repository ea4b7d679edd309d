using Dyad.Text;

namespace Dyad.Time;

/// <summary>
/// What a time expression names: a point or period on the calendar (<see cref="Date"/>, or <see cref="Time"/> when
/// it names a part of a day: "Wednesday night"), a length of time (<see cref="Duration"/>: "three days"), or a
/// recurrence (<see cref="Set"/>: "weekly"), or a length of time counted back from the anchor (<see cref="Span"/>:
/// "the past two weeks", "recent months"), which TimeML calls a duration but which dates what happened within it.
/// </summary>
internal enum TimeKind
{
    Date,
    Time,
    Duration,
    Set,
    Span,
}

/// <summary>
/// A time expression found in a sentence: its tokens [Start, End), its text and span, and the interval it
/// resolves to. <see cref="Anaphoric"/> expressions ("that month") resolved against an earlier time. A duration
/// or a set (or a span) carries its length as an ISO 8601 period in <see cref="Period"/> ("P3D", "P1W"; "X" for an unstated
/// number: "PXY" for "years"); its <see cref="Value"/> is then the interval it ends at the anchor, and dates nothing.
/// A time of day carries TimeML's part-of-day code in <see cref="Period"/> ("NI" for night, "MO" for morning), or
/// the hour ("22:00"); a clock time with no day ("10 p.m.") has precision "clock" and dates nothing.
/// </summary>
internal sealed record TimeExpression(int Start, int End, string Text, TextSpan Span, EventDate Value, bool Anaphoric, TimeKind Kind = TimeKind.Date, string? Period = null)
{
    /// <summary>
    /// Whether it names a point or period of the calendar, which can date an event. The vague present, past and
    /// future ("now", "the past", "the future") are found but date nothing: they add nothing to the publication date.
    /// </summary>
    public bool IsDate => Kind is TimeKind.Date or TimeKind.Time or TimeKind.Span && Value.Precision is not ("present" or "past" or "future" or "clock");
}
