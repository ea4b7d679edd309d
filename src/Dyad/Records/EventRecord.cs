using System.Text.Json.Serialization;
using Dyad.Coding;
using Dyad.Events;

namespace Dyad.Records;

/// <summary>
/// The contract's event record (CONTRACT.md) as data: what <c>dyad code</c> writes, what the stores keep for each
/// mention and fused event, and what fusion, the exports and the web read back. Property order is the JSON's order.
/// </summary>
public sealed record EventRecord(
    string Id,
    string Doc,
    int Sentence,
    string Text,
    ActorRecord Source,
    ActorRecord? Target,
    string Cameo,
    string Root,
    int Quad,
    double Goldstein,
    PloverCoding? Plover,
    DateRecord? Date,
    PlaceRecord? Place,
    AttributionRecord Attribution,
    IReadOnlyList<DisputeRecord> Disputed,
    bool Secret,
    double Confidence,
    EvidenceRecord Evidence,
    PublishedRecord? Published = null)
{
    /// <summary>The record of a coded event, as the coder resolved it.</summary>
    public static EventRecord From(CodedEvent e) => new(
        e.Id,
        e.Doc,
        e.Sentence,
        e.Text,
        ActorRecord.From(e.Source),
        e.Target is { } target ? ActorRecord.From(target) : null,
        e.Cameo.Code.Value,
        e.Cameo.Code.Root,
        e.Cameo.Quad,
        e.Cameo.Goldstein,
        PloverRefinement.Of(e.Cameo.Code.Value, e.Text),
        e.Date is { } date ? new DateRecord(date.Start, date.End, date.Text, date.Precision) : null,
        e.Place is { } place ? PlaceRecord.From(place) : null,
        new AttributionRecord(e.Attribution.Status, e.Attribution.By is { } by ? SourceRecord.From(by) : null),
        [.. e.Disputed.Select(d => new DisputeRecord(d.Status, SourceRecord.From(d.By), d.Sentence))],
        e.Secret,
        e.Confidence,
        new EvidenceRecord(e.Evidence.Trigger, e.Evidence.Span.Start, e.Evidence.Span.End, e.Evidence.Rule),
        e.Published is { } published
            ? new PublishedRecord(published.Date, published.DateFrom, published.Place is { } at ? PlaceRecord.From(at) : null)
            : null);
}

/// <summary>When and where the story was published: its date, where that date came from, and its dateline's place.</summary>
public sealed record PublishedRecord(DateOnly? Date, string? DateFrom, PlaceRecord? Place);

/// <summary>An actor: its CAMEO code, country and sectors, the words naming it, rank words if any, and how it was resolved.</summary>
public sealed record ActorRecord(
    string Code,
    string? Country,
    IReadOnlyList<string> Sectors,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Seniority,
    string Resolution)
{
    public static ActorRecord From(Actors.Actor actor) =>
        new(actor.Code.Value, actor.Country, [.. actor.Sectors], actor.Text, actor.Seniority, actor.Resolution);
}

/// <summary>When the event happened: an interval of days, the words that said so, and how precise they were.</summary>
public sealed record DateRecord(DateOnly Start, DateOnly End, string? Text, string Precision);

/// <summary>Where the event happened, with coordinates when the gazetteer has them.</summary>
public sealed record PlaceRecord(string Text, string Name, string? Country, string? Admin1, double? Lat, double? Lon, string Precision)
{
    public static PlaceRecord From(Places.EventPlace place) =>
        new(place.Text, place.Name, place.Country, place.Admin1, place.Lat, place.Lon, place.Precision);
}

/// <summary>The event's status in the text and who reports it, when someone does.</summary>
public sealed record AttributionRecord(string Status, SourceRecord? By);

/// <summary>Who says something: the words, the actor code when the source has one, and whether it is anonymous.</summary>
public sealed record SourceRecord(string Text, string? Code, bool Anonymous)
{
    public static SourceRecord From(Attribution.AttributionSource source) => new(source.Text, source.Code, source.Anonymous);
}

/// <summary>
/// A statement that denies or contests the event. In a fused event's record each dispute names the document it came
/// from (<see cref="Doc"/>), and a denying mention's own source may be unknown (<see cref="By"/> null).
/// </summary>
public sealed record DisputeRecord(string Status, SourceRecord? By, int Sentence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Doc = null);

/// <summary>Why the event was coded: the trigger words, their span in the document, and the rule that fired.</summary>
public sealed record EvidenceRecord(string Trigger, int Start, int End, string Rule);
