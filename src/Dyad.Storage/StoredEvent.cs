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

/// <summary>What <c>dyad events</c> and the API filter on.</summary>
public sealed record EventQuery
{
    public string? Id { get; init; }

    /// <summary>An actor code prefix on either side ("JPN", "PRKGOV").</summary>
    public string? Actor { get; init; }

    /// <summary>Two actor code prefixes; <see cref="Directed"/> keeps only A → B.</summary>
    public (string A, string B)? Dyad { get; init; }

    public bool Directed { get; init; }

    public string? CameoPrefix { get; init; }

    public int? Quad { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? PlaceCountry { get; init; }

    public string? Status { get; init; }

    public bool? Secret { get; init; }

    public string? Text { get; init; }

    public int Limit { get; init; } = int.MaxValue;

    public int Offset { get; init; }

    /// <summary>"date" (default), "-date", "mentions", "-mentions", "goldstein", "-goldstein".</summary>
    public string Sort { get; init; } = "date";

    /// <summary>The ORDER BY clause for <see cref="Sort"/>, in SQL both stores accept; event_id breaks ties so pages are stable.</summary>
    public string OrderByClause() => Sort switch
    {
        "-date" => "date_start DESC NULLS LAST, event_id",
        "mentions" => "num_mentions, event_id",
        "-mentions" => "num_mentions DESC, event_id",
        "goldstein" => "goldstein, event_id",
        "-goldstein" => "goldstein DESC, event_id",
        _ => "date_start NULLS LAST, event_id",
    };
}

/// <summary>One period of a dyad's timeline: events per quad class and mean Goldstein score.</summary>
public sealed record TimelineRow(string Period, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double MeanGoldstein)
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
