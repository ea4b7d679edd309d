namespace Dyad.Attribution;

/// <summary>Who says something: the words, the actor code when the source has one, and whether it is anonymous ("sources").</summary>
public sealed record AttributionSource(string Text, string? Code, bool Anonymous);

/// <summary>
/// The event's status in the text — asserted, reported, denied, speculated, planned or negated — and who
/// reports it, when someone does.
/// </summary>
public sealed record EventAttribution(string Status, AttributionSource? By)
{
    public const string Asserted = "asserted";
    public const string Reported = "reported";
    public const string Denied = "denied";
    public const string Speculated = "speculated";
    public const string Planned = "planned";
    public const string Negated = "negated";

    public static EventAttribution AssertedByWriter { get; } = new(Asserted, null);
}

/// <summary>A statement elsewhere in the document that denies or contests the event.</summary>
public sealed record Dispute(string Status, AttributionSource By, int Sentence);
