using Dyad.Text;

namespace Dyad.Actors;

/// <summary>
/// Who took part in an event: the resolved CAMEO code, the words that name the actor in the sentence, and how
/// it was resolved (dictionary entry, context). Seniority ("senior", "high-ranking") is kept as an attribute.
/// </summary>
public sealed record Actor(ActorCode Code, string Text, TextSpan Span, string Resolution)
{
    public string? Country => Code.Country;

    public IReadOnlyList<string> Sectors => Code.Sectors;

    /// <summary>Words that mark rank ("senior", "high-ranking", "vice minister"), or null.</summary>
    public string? Seniority { get; init; }
}
