using Dyad.Text;

namespace Dyad.Time;

/// <summary>
/// A time expression found in a sentence: its tokens [Start, End), its text and span, and the interval it
/// resolves to. <see cref="Anaphoric"/> expressions ("that month") resolved against an earlier time.
/// </summary>
internal sealed record TimeExpression(int Start, int End, string Text, TextSpan Span, EventDate Value, bool Anaphoric);
