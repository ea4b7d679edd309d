using Dyad.Documents;
using Dyad.Records;

namespace Dyad.Storage;

/// <summary>
/// An event as the store holds it: fused from one or more mentions, with the columns queries filter on, GDELT's
/// counts, and the contract's record of its representative mention (disputes of every mention merged in).
/// </summary>
public sealed record StoredEvent(
    string Id,
    string SourceCode,
    string? SourceCountry,
    string? TargetCode,
    string? TargetCountry,
    string Cameo,
    string Root,
    int Quad,
    double Goldstein,
    DateOnly? DateStart,
    DateOnly? DateEnd,
    string? DatePrecision,
    string? PlaceCountry,
    string? PlaceName,
    double? Lat,
    double? Lon,
    string Status,
    bool Secret,
    bool Disputed,
    double Confidence,
    int NumMentions,
    int NumSources,
    int NumArticles,
    string FirstDoc,
    EventRecord Record);

/// <summary>One report of an event: which document and sentence, its own attribution, and why it joined the event.</summary>
public sealed record StoredMention(string Id, string EventId, string Doc, int Sentence, string? Publisher, string Status, string FusionReason, EventRecord Record);

/// <summary>One period of a dyad's timeline: events per quad class and mean Goldstein score (null: no events in it).</summary>
public sealed record TimelineRow(string Period, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double? MeanGoldstein)
{
    public int Total => VerbalCooperation + MaterialCooperation + VerbalConflict + MaterialConflict;
}

/// <summary>A pair of countries (or international actors) and how much they interact.</summary>
public sealed record DyadRow(string A, string B, int Events, int Mentions, double MeanGoldstein);

/// <summary>
/// What one ingest batch did. <see cref="Clashes"/> are documents refused, not stored: their id is stored already (or
/// earlier in the batch) with different text, and keeping one silently would lose the other.
/// </summary>
public sealed record IngestResult(int Documents, int Skipped, int Events, int NewEvents, IReadOnlyList<Document> Clashes);
