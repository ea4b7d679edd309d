using Dyad.Coding;

namespace Dyad.Storage;

/// <summary>Where coded events live: DuckDB by default, ClickHouse for clusters. Both give the same answers.</summary>
public interface IEventStore : IDisposable
{
    /// <summary>The version of this store's tables, each kind of store numbering its own (what <c>/api/health</c> reports).</summary>
    int SchemaVersion { get; }

    /// <summary>Content hashes of the documents already stored, to skip them.</summary>
    ISet<string> StoredDocumentHashes();

    /// <summary>Stores a batch of coded documents, fusing their events with those already stored (a shared store fuses in its own step).</summary>
    IngestResult Ingest(IReadOnlyList<CodedDocument> batch);

    IReadOnlyList<StoredEvent> Events(EventQuery query);

    long CountEvents(EventQuery query);

    IReadOnlyList<StoredMention> Mentions(string eventId);

    /// <summary>
    /// Events per period between two actors: per "week", per "year", or else per month; every period from the first
    /// with events to the last, the empty ones as zeros (<see cref="TimelinePeriods.FillGaps"/>).
    /// </summary>
    IReadOnlyList<TimelineRow> Timeline(ActorPair dyad, string by);

    IReadOnlyList<DyadRow> Dyads(int limit);

    /// <summary>Where a sentence starts in its document's text, to show evidence offsets within it.</summary>
    int? SentenceStart(string doc, int sentence);
}

/// <summary>
/// A store that several processes write at once (the ClickHouse cluster). Concurrent ingests cannot fuse batch by
/// batch as one DuckDB writer does, so they store mentions and a fusion run makes events of them; a reader sees only
/// committed fusions, and only the newest as of its last <see cref="Refresh"/>.
/// </summary>
public interface ISharedEventStore : IEventStore
{
    /// <summary>Fuses every stored mention into events again: an ingest calls it when it ends, <c>dyad fuse</c> after interrupted ones.</summary>
    void Fuse();

    /// <summary>Starts a new read: a long-lived reader (dyad serve) calls it per request to see what other processes stored since.</summary>
    void Refresh();
}
