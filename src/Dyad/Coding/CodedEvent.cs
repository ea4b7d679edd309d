using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Events;
using Dyad.Places;
using Dyad.Text;
using Dyad.Time;

namespace Dyad.Coding;

/// <summary>Why an event was coded: the trigger words and their span, the spans of the actors, and the rule that fired.</summary>
public sealed record Evidence(string Trigger, TextSpan Span, string Rule);

/// <summary>
/// When and where the story was published, as far as Dyad knows it: the date and where it came from (see
/// <see cref="Documents.Document.DateFrom"/>), and the place its dateline names ("TOKYO, March 12 (Reuters) -").
/// </summary>
public sealed record Publication(DateOnly? Date, string? DateFrom, EventPlace? Place);

/// <summary>One coded event: the contract's event record (see CONTRACT.md).</summary>
public sealed record CodedEvent(
    string Id,
    string Doc,
    int Sentence,
    string Text,
    Actor Source,
    Actor? Target,
    CameoEntry Cameo,
    EventDate? Date,
    EventPlace? Place,
    EventAttribution Attribution,
    IReadOnlyList<Dispute> Disputed,
    bool Secret,
    double Confidence,
    Evidence Evidence)
{
    /// <summary>The story's publication: the same for every event of a story.</summary>
    public Publication? Published { get; init; }

    /// <summary>What the event model read of this event; kept only by a coder that keeps every candidate (for training).</summary>
    public IReadOnlyList<string>? ModelFeatures { get; init; }
}
