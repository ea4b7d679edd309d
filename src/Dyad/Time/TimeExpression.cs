using Dyad.Text;

namespace Dyad.Time;

/// <summary>Whether the verb a time expression modifies speaks of the past, the present or the future.</summary>
public enum Tense
{
    Past,
    Present,
    Future,
}

/// <summary>
/// A time expression found in a sentence: its tokens [Start, End), its text and span, and the interval it
/// resolves to. <see cref="Anaphoric"/> expressions ("that month") resolved against an earlier time.
/// </summary>
public sealed record TimeExpression(int Start, int End, string Text, TextSpan Span, EventDate Value, bool Anaphoric);
