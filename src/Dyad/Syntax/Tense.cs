namespace Dyad.Syntax;

/// <summary>Whether the verb a time expression modifies speaks of the past, the present or the future.</summary>
internal enum Tense
{
    Past,
    Present,
    Future,
}
