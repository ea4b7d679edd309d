using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Records;
using Dyad.Storage.Fusion;

namespace Dyad.Storage.ClickHouse;

/// <summary>
/// The event store on a ClickHouse cluster. Each node holds MergeTree tables (<c>*_local</c>); Distributed tables over
/// the cluster shard documents and mentions by the document's content hash and events by event id. Any number of
/// <c>dyad ingest</c> processes may write at once: documents and mentions are ReplacingMergeTree tables keyed by
/// content hash and mention id, so a story ingested twice collapses to one, and reads deduplicate by key. Fusion
/// runs when an ingest finishes (or with <c>dyad fuse</c>): it replays every mention in the order the stories arrived
/// (batch by batch, and within a batch in the input's order, as DuckDB fuses) through the same fuser the DuckDB store uses and writes a new version of the events table, committed by a marker on every
/// node once all its rows are stored; queries read the newest committed version, so a fusion never shows half-written.
/// Values reach a query as <see cref="ClickHouseParameter"/>s, beside its text and never in it.
/// Dates are ISO text ('yyyy-MM-dd', <see cref="Iso"/>): ClickHouse 18.16's Date holds only 1970-01-01 to 2105 and
/// turns anything outside (and 1970-01-01 itself, day zero) into 0000-00-00, while a story may date an event to 1933.
/// Four-digit years, which every DateOnly has, make text order date order, so filters and ORDER BY compare it as is.
/// </summary>
public sealed class ClickHouseEventStore : ISharedEventStore
{
    private static readonly string[] LocalTables =
    [
        """
        CREATE TABLE IF NOT EXISTS documents_local (doc_id String, content_hash String, date Nullable(String), publisher Nullable(String),
            url Nullable(String), title Nullable(String), text String, ingest_version UInt64)
        ENGINE = ReplacingMergeTree(ingest_version) ORDER BY content_hash
        """,
        """
        CREATE TABLE IF NOT EXISTS sentences_local (doc_id String, content_hash String, sentence Int32, start_offset Int32, end_offset Int32, text String)
        ENGINE = ReplacingMergeTree() ORDER BY (content_hash, sentence)
        """,
        """
        CREATE TABLE IF NOT EXISTS mentions_local (mention_id String, doc_id String, content_hash String, sentence Int32, idx Int32,
            publisher Nullable(String), status String, record String, ingest_version UInt64, ingest_position UInt32)
        ENGINE = ReplacingMergeTree(ingest_version) ORDER BY mention_id
        """,
        """
        CREATE TABLE IF NOT EXISTS events_local (fusion_version UInt64, event_id String, source_code String, source_country Nullable(String),
            target_code Nullable(String), target_country Nullable(String), cameo String, root String, quad Int32, goldstein Float64,
            date_start Nullable(String), date_end Nullable(String), date_precision Nullable(String), place_country Nullable(String),
            place_name Nullable(String), lat Nullable(Float64), lon Nullable(Float64), status String, secret UInt8, disputed UInt8,
            confidence Float64, num_mentions Int32, num_sources Int32, num_articles Int32, first_doc String, record String, search_text String)
        ENGINE = MergeTree() ORDER BY (fusion_version, event_id) SETTINGS index_granularity = 256
        """,
        """
        CREATE TABLE IF NOT EXISTS fusion_local (fusion_version UInt64, mention_id String, event_id String, reason String)
        ENGINE = MergeTree() ORDER BY (fusion_version, event_id, mention_id)
        """,
        """
        CREATE TABLE IF NOT EXISTS fusion_runs_local (fusion_version UInt64, finished DateTime, events UInt64, mentions UInt64)
        ENGINE = MergeTree() ORDER BY fusion_version
        """,
    ];

    private static readonly (string Table, string Key)[] DistributedTables =
    [
        ("documents", "cityHash64(content_hash)"),
        ("sentences", "cityHash64(content_hash)"),
        ("mentions", "cityHash64(content_hash)"),
        ("events", "cityHash64(event_id)"),
        ("fusion", "cityHash64(event_id)"),
        ("fusion_runs", "rand()"),
    ];

    /// <summary>
    /// The layout this build creates, and migrates older stores to. It counts on its own, not with DuckDB's schema,
    /// because the two stores' tables differ. 1: dates as Date; 2: dates as ISO text (<see cref="MigrateFromDates"/>);
    /// 3: each mention keeps its story's place in its batch (<see cref="AddIngestPosition"/>).
    /// </summary>
    private const int LatestSchemaVersion = 3;

    /// <summary>
    /// Each node's record of the layout its tables have, one row per creation or migration (the highest counts). A
    /// store made before it existed has none: its layout is 1. It has no Distributed table: each node speaks for itself.
    /// </summary>
    private const string SchemaTable = "dyad_schema";

    private readonly ClickHouseConnection _connection;
    private ulong? _version;

    private ClickHouseEventStore(ClickHouseConnection connection) => _connection = connection;

    /// <summary>The layout of the opened store's tables: the latest, since an older one is migrated or refused on opening.</summary>
    public int SchemaVersion { get; private set; } = LatestSchemaVersion;

    /// <summary>How many times an insert is tried before the ingest fails (a shard restarting, a network blip).</summary>
    public int InsertAttempts { get; init; } = 3;

    public static ClickHouseEventStore Open(string db, bool readOnly, bool partial = false)
    {
        var location = ClickHouseLocation.Parse(db);
        var connection = new ClickHouseConnection(location) { Partial = partial, ForReading = readOnly };
        var store = new ClickHouseEventStore(connection);
        try
        {
            store.OpenSchema(readOnly);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>
    /// Checks the stored layout as the DuckDB store does: a newer one is refused, an older one is migrated by a writer
    /// and refused to a reader (which must not change the store), and a writer creates whatever tables are missing.
    /// </summary>
    private void OpenSchema(bool readOnly)
    {
        var tables = StoredTables();
        var stored = tables.Contains(SchemaTable) ? StoredSchemaVersion() : tables.Count > 0 ? 1 : (int?)null;
        var name = $"ClickHouse database '{_connection.Location.Database}'";
        if (stored > LatestSchemaVersion)
        {
            throw new StoreException($"{name}: made by a newer Dyad (schema {stored}; this one knows {LatestSchemaVersion}); nothing was changed");
        }

        if (stored is int older && older < LatestSchemaVersion)
        {
            if (readOnly)
            {
                throw new StoreException($"{name}: schema {older} needs migrating to {LatestSchemaVersion}; open it once for writing (dyad ingest or dyad fuse) first");
            }

            EnsureSchema(older);
        }
        else if (!readOnly && tables.Count < (DistributedTables.Length * 2) + 1)
        {
            // Creating tables needs every node up, so an ingest into a complete store skips it: with a shard down, the
            // ingest then reaches its inserts and fails there, after retries.
            EnsureSchema(LatestSchemaVersion);
        }
    }

    /// <summary>Which of the store's tables the coordinating node has.</summary>
    private HashSet<string> StoredTables()
    {
        var database = ClickHouseParameter.String("database", _connection.Location.Database);
        var names = ClickHouseParameter.Strings("names", DistributedTables.SelectMany(t => new[] { t.Table, t.Table + "_local" }).Append(SchemaTable));
        return _connection.Execute($"SELECT name FROM system.tables WHERE database = {database.Sql} AND name IN {names.Sql} FORMAT TabSeparated", [database, names], "default")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The coordinating node's layout. Every node is migrated before any records the new layout, so the first node
    /// recording it means all have it; none recorded yet (a creation between making the table and its row) means the
    /// latest, since the table is only ever made for the latest layout.
    /// </summary>
    private int StoredSchemaVersion()
    {
        var text = _connection.Execute($"SELECT max(version) FROM {SchemaTable} FORMAT TabSeparated", _connection.Location.Nodes[0]).Trim();
        var version = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return version == 0 ? LatestSchemaVersion : version;
    }

    /// <summary>
    /// Creates what is missing on every node, migrating tables of an older layout first. A store's layout is recorded
    /// before its tables are created when there is nothing to migrate (so a writer starting meanwhile never takes the
    /// tables for schema 1's), and only once all of a migration is done otherwise. Each step may run again: a migration
    /// that stopped part way is finished by the next writer, and two writers migrating at once do the same work twice.
    /// </summary>
    private void EnsureSchema(int from)
    {
        var location = _connection.Location;
        foreach (var node in location.Nodes)
        {
            _connection.Execute($"CREATE DATABASE IF NOT EXISTS {location.Database}", node, null, "default");
            if (from < 2)
            {
                MigrateFromDates(node);
            }

            if (from < 3)
            {
                AddIngestPosition(node);
            }
            else
            {
                RecordSchema(node);
            }

            foreach (var ddl in LocalTables)
            {
                _connection.Execute(ddl, node);
            }

            foreach (var (table, key) in DistributedTables)
            {
                _connection.Execute($"CREATE TABLE IF NOT EXISTS {table} AS {table}_local ENGINE = Distributed({location.Cluster}, {location.Database}, {table}_local, {key})", node);
            }
        }

        if (from < 3)
        {
            // Schema 1's events were dropped (or a migration that stopped part way dropped them): fusion rebuilds them from
            // the mentions, whose records keep the dates the coder gave each event, those before 1970 included. From
            // schema 2 the events are whole, and fusing again only settles them in the order schema 3 replays.
            Fuse();
            foreach (var node in location.Nodes)
            {
                RecordSchema(node);
            }
        }
    }

    private void RecordSchema(Uri node)
    {
        _connection.Execute($"CREATE TABLE IF NOT EXISTS {SchemaTable} (version UInt32, recorded DateTime) ENGINE = MergeTree() ORDER BY version", node);
        _connection.Execute($"INSERT INTO {SchemaTable} FORMAT JSONEachRow", node,
            new JsonObject { ["version"] = LatestSchemaVersion, ["recorded"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }.ToJsonString());
    }

    /// <summary>
    /// Schema 1 to 2 on one node, before the tables are created. 18.16 cannot convert a column in a part that
    /// ALTER ... DELETE emptied, which every fusion leaves in events_local: the conversion stops half done and the table
    /// can no longer be read. So events_local, which holds only fusion's output, is dropped to be created anew and
    /// filled by a fusion; documents_local, never deleted from, is converted in place (ClickHouse writes each stored
    /// date as exactly the text this build writes). A date before 1970, or 1970-01-01 itself, was stored there as
    /// 0000-00-00 and is gone: the document's date becomes unknown (NULL), not a date that never was. Each step
    /// checks the column first, so a migration that stopped part way is finished by running it again.
    /// </summary>
    private void MigrateFromDates(Uri node)
    {
        if (ColumnType(node, "documents_local", "date") == "Nullable(Date)")
        {
            var empty = _connection.Execute(
                "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'documents_local' AND active AND rows = 0 FORMAT TabSeparated", node).Trim();
            if (empty != "0")
            {
                throw new StoreException($"ClickHouse node {node.Authority}: documents_local has an empty part, whose dates ClickHouse 18.16 cannot convert; " +
                    "run OPTIMIZE TABLE documents_local FINAL there, then dyad ingest or dyad fuse again (nothing was changed on that node)");
            }

            _connection.Execute("ALTER TABLE documents_local MODIFY COLUMN date Nullable(String)", node);
        }

        if (ColumnType(node, "documents_local", "date") == "Nullable(String)" &&
            _connection.Execute("SELECT count() FROM documents_local WHERE date = '0000-00-00' FORMAT TabSeparated", node).Trim() != "0")
        {
            _connection.Execute("ALTER TABLE documents_local UPDATE date = NULL WHERE date = '0000-00-00'", node);
        }

        // A Distributed table holds no parts: this changes only what it says its column is.
        if (ColumnType(node, "documents", "date") == "Nullable(Date)")
        {
            _connection.Execute("ALTER TABLE documents MODIFY COLUMN date Nullable(String)", node);
        }

        if (ColumnType(node, "events_local", "date_start") == "Nullable(Date)")
        {
            _connection.Execute("DROP TABLE IF EXISTS events", node);
            _connection.Execute("DROP TABLE IF EXISTS events_local", node);
        }

        AwaitMutations(node, "documents_local");
    }

    /// <summary>
    /// Schema 2 to 3 on one node, before the tables are created: mentions gain their story's place in its batch. Mentions
    /// stored before have none (0), so within one batch they replay in document order, as every fusion did before.
    /// </summary>
    private void AddIngestPosition(Uri node)
    {
        foreach (var table in new[] { "mentions_local", "mentions" })
        {
            if (ColumnType(node, table, "ingest_version").Length > 0 && ColumnType(node, table, "ingest_position").Length == 0)
            {
                _connection.Execute($"ALTER TABLE {table} ADD COLUMN ingest_position UInt32 DEFAULT 0", node);
            }
        }
    }

    /// <summary>A column's type on one node, empty when the table or column is not there.</summary>
    private string ColumnType(Uri node, string table, string column) =>
        _connection.Execute(
            $"SELECT type FROM system.columns WHERE database = currentDatabase() AND table = '{table}' AND name = '{column}' FORMAT TabSeparated", node).Trim();

    /// <summary>Waits until no ALTER ... DELETE or UPDATE is still rewriting the table's parts on this node (they run in the background).</summary>
    private void AwaitMutations(Uri node, string table)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_connection.Execute(
            $"SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = '{table}' AND is_done = 0 FORMAT TabSeparated", node).Trim() != "0")
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new StoreException($"ClickHouse node {node.Authority}: {table} is still being rewritten (system.mutations) after 10 minutes; " +
                    "the migration stopped before recording the new schema, and the next dyad ingest or dyad fuse finishes it");
            }

            Thread.Sleep(100);
        }
    }

    public ISet<string> StoredDocumentHashes() =>
        _connection.Execute("SELECT DISTINCT content_hash FROM documents FORMAT TabSeparated")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Which of these content hashes and document ids are stored: a batch asks only about its own stories, not the whole store.</summary>
    private (HashSet<string> Hashes, HashSet<string> Ids) StoredAmong(IEnumerable<string> hashes, IEnumerable<string> ids)
    {
        var storedHashes = new HashSet<string>(StringComparer.Ordinal);
        var storedIds = new HashSet<string>(StringComparer.Ordinal);
        var hashList = hashes.Distinct(StringComparer.Ordinal).ToList();
        if (hashList.Count == 0)
        {
            return (storedHashes, storedIds);
        }

        var hashValues = ClickHouseParameter.Strings("hashes", hashList);
        var idValues = ClickHouseParameter.Strings("ids", ids.Distinct(StringComparer.Ordinal));
        foreach (var row in Query($"SELECT DISTINCT content_hash, doc_id FROM documents WHERE content_hash IN {hashValues.Sql} OR doc_id IN {idValues.Sql}", hashValues, idValues))
        {
            storedHashes.Add((string)row["content_hash"]!);
            storedIds.Add((string)row["doc_id"]!);
        }

        return (storedHashes, storedIds);
    }

    /// <summary>
    /// Stores a batch, retrying the whole batch when a node fails: every row is keyed (content hash, mention id), so
    /// rows a failed attempt did write collapse with the retry's.
    /// </summary>
    public IngestResult Ingest(IReadOnlyList<CodedDocument> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return IngestOnce(batch);
            }
            catch (StoreException) when (attempt < InsertAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500 * attempt));
            }
            catch (StoreException e)
            {
                throw new StoreException($"{e.Message}; the ingest failed {attempt} times and stopped: stories stored before are kept, and a rerun stores the rest", e);
            }
        }
    }

    private IngestResult IngestOnce(IReadOnlyList<CodedDocument> batch)
    {
        var (known, knownIds) = StoredAmong(batch.Select(c => c.Document.ContentHash), batch.Select(c => c.Document.Id));
        var clashes = new List<Document>();
        var version = (ulong)DateTime.UtcNow.Ticks;
        var documents = new StringBuilder();
        var sentences = new StringBuilder();
        var mentions = new StringBuilder();
        int stored = 0, skipped = 0, events = 0;
        var position = 0;
        foreach (var coded in batch)
        {
            var document = coded.Document;
            var hash = document.ContentHash;
            if (known.Contains(hash))
            {
                skipped++;
                continue;
            }

            // The same id with other text is another story, not this one again: refused, never silently dropped (and
            // its mentions, keyed by document id, would otherwise collapse with the stored story's).
            if (!knownIds.Add(document.Id))
            {
                clashes.Add(document);
                continue;
            }

            known.Add(hash);

            stored++;
            Row(documents, new JsonObject
            {
                ["doc_id"] = document.Id, ["content_hash"] = hash, ["date"] = Iso(document.Date), ["publisher"] = document.Publisher, ["url"] = document.Url,
                ["title"] = document.Title ?? coded.Segmented.Layout.Headline?.Text, ["text"] = document.Text, ["ingest_version"] = version,
            });
            foreach (var sentence in coded.Segmented.Sentences)
            {
                Row(sentences, new JsonObject
                {
                    ["doc_id"] = document.Id, ["content_hash"] = hash, ["sentence"] = sentence.Index, ["start_offset"] = sentence.Span.Start,
                    ["end_offset"] = sentence.Span.End, ["text"] = sentence.Text,
                });
            }

            position++;
            var index = 0;
            foreach (var e in coded.Events)
            {
                events++;
                Row(mentions, new JsonObject
                {
                    ["mention_id"] = e.Id, ["doc_id"] = e.Doc, ["content_hash"] = hash, ["sentence"] = e.Sentence, ["idx"] = index++,
                    ["publisher"] = document.Publisher ?? coded.Segmented.Layout.Byline?.Name, ["status"] = e.Attribution.Status,
                    ["record"] = EventJson.ToJson(e), ["ingest_version"] = FirstWriteWins(version), ["ingest_position"] = position,
                });
            }
        }

        // Mentions before documents: a document row is what marks a story as stored, so it goes last.
        Insert("sentences", sentences);
        Insert("mentions", mentions);
        Insert("documents", documents);
        return new IngestResult(stored, skipped, events, 0, clashes);
    }

    /// <summary>
    /// A mention's version, counting down from the end of time: ReplacingMergeTree keeps a key's highest version, so a
    /// story two ingests stored at once keeps its first write, and with it the place it arrived in. Versions written
    /// before schema 3 counted up (the last write kept); both are told apart by the top bit, since ticks never set it.
    /// </summary>
    private static ulong FirstWriteWins(ulong ticks) => ~ticks;

    private void Insert(string table, StringBuilder rows)
    {
        if (rows.Length == 0)
        {
            return;
        }

        _connection.Execute($"INSERT INTO {table} FORMAT JSONEachRow", body: rows.ToString(), settings: ("insert_distributed_sync", "1"));
    }

    private static void Row(StringBuilder rows, JsonObject row) => rows.Append(row.ToJsonString()).Append('\n');

    /// <summary>
    /// Replays every stored mention through the fuser in the order the stories arrived, and writes a new version of the
    /// events. A match takes the first entry that fits, so the order decides which report founds an event: batch by
    /// batch, then the story's place in its batch, then sentence and event, as the DuckDB store fuses one ingest. A story
    /// that two ingests stored at once counts from its first write (<see cref="FirstWriteWins"/>), so two ingests of
    /// one corpus replay it in the corpus's order, as one ingest into DuckDB stores it.
    /// </summary>
    public void Fuse()
    {
        var version = (ulong)DateTime.UtcNow.Ticks;
        var rows = Query("""
            SELECT mention_id, doc, sentence, idx, publisher, status, record FROM (
                SELECT mention_id, any(doc_id) AS doc, any(sentence) AS sentence, any(idx) AS idx, any(publisher) AS publisher,
                       any(status) AS status, any(record) AS record, max(ingest_version) AS kept,
                       argMax(ingest_position, ingest_version) AS position
                FROM mentions GROUP BY mention_id)
            ORDER BY if(kept >= 9223372036854775808, bitNot(kept), kept), position, doc, sentence, idx
            """);
        var fuser = new EventFuser();
        var byEvent = new Dictionary<string, List<StoredMention>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            var mentionId = (string)row["mention_id"]!;
            var doc = (string)row["doc"]!;
            var record = EventJson.Parse((string)row["record"]!);
            var entry = EventFuser.EntryFor(mentionId, doc, record);
            string eventId;
            string reason;
            if (fuser.Match(entry) is { } match)
            {
                match.Event.Documents.Add(doc);
                eventId = match.Event.EventId;
                reason = match.Reason;
            }
            else
            {
                fuser.Add(entry);
                eventId = mentionId;
                reason = "first report of this event";
                byEvent[eventId] = [];
                order.Add(eventId);
            }

            byEvent[eventId].Add(new StoredMention(mentionId, eventId, doc, (int)row["sentence"]!, (string?)row["publisher"], (string)row["status"]!, reason, record));
        }

        var events = new StringBuilder();
        var fusion = new StringBuilder();
        foreach (var eventId in order)
        {
            var mentions = byEvent[eventId];
            var stored = FusedEvent.FromFirstMention(mentions[0]);
            if (FusedEvent.NeedsCombining(mentions))
            {
                stored = FusedEvent.Combine(stored, mentions);
            }

            Row(events, new JsonObject
            {
                ["fusion_version"] = version, ["event_id"] = stored.Id, ["source_code"] = stored.SourceCode, ["source_country"] = stored.SourceCountry,
                ["target_code"] = stored.TargetCode, ["target_country"] = stored.TargetCountry, ["cameo"] = stored.Cameo, ["root"] = stored.Root,
                ["quad"] = stored.Quad, ["goldstein"] = stored.Goldstein, ["date_start"] = Iso(stored.DateStart), ["date_end"] = Iso(stored.DateEnd),
                ["date_precision"] = stored.DatePrecision, ["place_country"] = stored.PlaceCountry, ["place_name"] = stored.PlaceName,
                ["lat"] = stored.Lat, ["lon"] = stored.Lon, ["status"] = stored.Status, ["secret"] = stored.Secret ? 1 : 0,
                ["disputed"] = stored.Disputed ? 1 : 0, ["confidence"] = stored.Confidence, ["num_mentions"] = stored.NumMentions,
                ["num_sources"] = stored.NumSources, ["num_articles"] = stored.NumArticles, ["first_doc"] = stored.FirstDoc, ["record"] = EventJson.ToJson(stored.Record),
                ["search_text"] = (mentions[0].Record.Text ?? string.Empty).ToLowerInvariant(),
            });
            foreach (var mention in mentions)
            {
                Row(fusion, new JsonObject { ["fusion_version"] = version, ["mention_id"] = mention.Id, ["event_id"] = eventId, ["reason"] = mention.FusionReason });
            }
        }

        Insert("events", events);
        Insert("fusion", fusion);

        // The commit: a fusion becomes visible only once all its rows are on every shard, by a marker on every node
        // (so a query answering from the live shards still finds it). A fusion that failed part way is never read.
        var marker = new JsonObject
        {
            ["fusion_version"] = version, ["finished"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["events"] = order.Count, ["mentions"] = rows.Count,
        }.ToJsonString();
        foreach (var node in _connection.Location.Nodes)
        {
            _connection.Execute("INSERT INTO fusion_runs_local FORMAT JSONEachRow", node, marker);
        }

        // Older versions are no longer read; drop them shard by shard (a newer fusion finished first keeps its rows).
        foreach (var node in _connection.Location.Nodes)
        {
            foreach (var table in new[] { "events_local", "fusion_local" })
            {
                _connection.Execute($"ALTER TABLE {table} DELETE WHERE fusion_version < {version}", node);
            }
        }

        _version = null;
    }

    /// <summary>The newest finished fusion's version, read once per store object (a later fusion is seen by a new one).</summary>
    private ulong Version()
    {
        if (_version is null)
        {
            var text = _connection.Execute("SELECT max(fusion_version) FROM fusion_runs FORMAT TabSeparated").Trim();
            _version = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }

        return _version.Value;
    }

    /// <summary>Pages up to this size are read in two steps (ids, then records by primary key); bigger reads scan once.</summary>
    private const int PagedLimit = 10_000;

    public IReadOnlyList<StoredEvent> Events(EventQuery query)
    {
        var sql = ClickHouseEventSql.From(query, Version());

        const string columns = """
            event_id, source_code, source_country, target_code, target_country, cameo, root, quad, goldstein, date_start, date_end,
            date_precision, place_country, place_name, lat, lon, status, secret, disputed, confidence, num_mentions, num_sources, num_articles,
            first_doc, record
            """;
        List<JsonObject> rows;
        if (query.Limit <= PagedLimit)
        {
            // A page is found from the small columns first, then its records are read by primary key: otherwise every
            // granule holding a match would have its records decompressed, and matches are spread over all of them.
            var ids = Query($"SELECT event_id FROM events WHERE {sql.Where} ORDER BY {sql.OrderBy} {sql.Limit}", sql.Parameters).Select(r => (string)r["event_id"]!).ToList();
            if (ids.Count == 0)
            {
                return [];
            }

            var rank = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var page = ClickHouseParameter.Strings("page", ids);
            rows = Query($"SELECT {columns} FROM events WHERE fusion_version = {Version()} AND event_id IN {page.Sql}", page)
                .OrderBy(r => rank[(string)r["event_id"]!])
                .ToList();
        }
        else
        {
            rows = Query($"SELECT {columns} FROM events WHERE {sql.Where} ORDER BY {sql.OrderBy} {sql.Limit}", sql.Parameters);
        }

        return rows.Select(r => new StoredEvent(
            (string)r["event_id"]!, (string)r["source_code"]!, (string?)r["source_country"], (string?)r["target_code"], (string?)r["target_country"],
            (string)r["cameo"]!, (string)r["root"]!, (int)r["quad"]!, (double)r["goldstein"]!, Date(r["date_start"]), Date(r["date_end"]),
            (string?)r["date_precision"], (string?)r["place_country"], (string?)r["place_name"], (double?)r["lat"], (double?)r["lon"],
            (string)r["status"]!, (int)r["secret"]! != 0, (int)r["disputed"]! != 0, (double)r["confidence"]!, (int)r["num_mentions"]!,
            (int)r["num_sources"]!, (int)r["num_articles"]!, (string)r["first_doc"]!, EventJson.Parse((string)r["record"]!))).ToList();
    }

    public long CountEvents(EventQuery query)
    {
        var sql = ClickHouseEventSql.From(query, Version());
        return long.Parse(_connection.Execute($"SELECT count() FROM events WHERE {sql.Where} FORMAT TabSeparated", sql.Parameters).Trim(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<StoredMention> Mentions(string eventId)
    {
        var id = ClickHouseParameter.String("event_id", eventId);
        var reasons = Query($"SELECT mention_id, reason FROM fusion WHERE fusion_version = {Version()} AND event_id = {id.Sql}", id)
            .ToDictionary(r => (string)r["mention_id"]!, r => (string)r["reason"]!, StringComparer.Ordinal);
        if (reasons.Count == 0)
        {
            return [];
        }

        var ids = ClickHouseParameter.Strings("mention_ids", reasons.Keys);
        return Query($"""
                SELECT mention_id, any(doc_id) AS doc, any(sentence) AS sentence, any(idx) AS idx, any(publisher) AS publisher, any(status) AS status,
                    any(record) AS record
                FROM mentions WHERE mention_id IN {ids.Sql} GROUP BY mention_id ORDER BY doc, sentence, idx
                """, ids)
            .Select(r => new StoredMention((string)r["mention_id"]!, eventId, (string)r["doc"]!, (int)r["sentence"]!, (string?)r["publisher"],
                (string)r["status"]!, reasons[(string)r["mention_id"]!], EventJson.Parse((string)r["record"]!)))
            .ToList();
    }

    /// <summary>
    /// The cluster sums each day's events, and the days are gathered into periods here: dates are text, and 18.16 has
    /// no date type to find a date's Monday with before 1970. A dyad has at most a row per day it was active.
    /// </summary>
    public IReadOnlyList<TimelineRow> Timeline(ActorPair dyad, string by)
    {
        var sql = ClickHouseEventSql.From(new EventQuery { Dyad = dyad }, Version());
        var days = Query($"""
            SELECT date_start AS day, countIf(quad = 1) AS q1, countIf(quad = 2) AS q2, countIf(quad = 3) AS q3, countIf(quad = 4) AS q4,
                count() AS events, sum(goldstein) AS goldstein
            FROM events WHERE {sql.Where} AND isNotNull(date_start)
            GROUP BY day
            """, sql.Parameters);
        var rows = days
            .GroupBy(r => Period(Date(r["day"])!.Value, by), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineRow(
                g.Key, g.Sum(r => Count(r["q1"])), g.Sum(r => Count(r["q2"])), g.Sum(r => Count(r["q3"])), g.Sum(r => Count(r["q4"])),
                (double?)Math.Round(g.Sum(r => (double)r["goldstein"]!) / g.Sum(r => Count(r["events"])), 3)))
            .ToList();
        return TimelinePeriods.FillGaps(rows, by is "week" or "year" ? by : "month");
    }

    /// <summary>A day's period as the DuckDB store names it: its week's Monday, its month, or its year (ISO text sorts as time).</summary>
    private static string Period(DateOnly day, string by) => by switch
    {
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "year" => day.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<DyadRow> Dyads(int limit)
    {
        var rows = Query($"""
            SELECT if(sk < tk, sk, tk) AS a, if(sk < tk, tk, sk) AS b, count() AS events, sum(num_mentions) AS mentions, avg(goldstein) AS goldstein
            FROM (SELECT ifNull(source_country, source_code) AS sk, ifNull(ifNull(target_country, target_code), '') AS tk, num_mentions, goldstein
                  FROM events WHERE fusion_version = {Version()} AND isNotNull(target_code))
            GROUP BY a, b ORDER BY events DESC, a, b LIMIT {Math.Clamp(limit, 1, 10_000)}
            """);
        return rows.Select(r => new DyadRow((string)r["a"]!, (string)r["b"]!, Count(r["events"]), Count(r["mentions"]), Math.Round((double)r["goldstein"]!, 3))).ToList();
    }

    public int? SentenceStart(string doc, int sentence)
    {
        var docId = ClickHouseParameter.String("doc_id", doc);
        var index = ClickHouseParameter.Int32("sentence", sentence);
        var text = _connection.Execute($"SELECT any(start_offset) FROM sentences WHERE doc_id = {docId.Sql} AND sentence = {index.Sql} FORMAT TabSeparated", [docId, index]).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && text.Length > 0 ? start : null;
    }

    /// <summary>Runs SQL on one node, the coordinating one by default (benchmarks generate data with it; user input never reaches it).</summary>
    internal string Execute(string sql, int node = 0, params (string Name, string Value)[] settings) =>
        _connection.Execute(sql, _connection.Location.Nodes[node], null, settings);

    internal int NodeCount => _connection.Location.Nodes.Count;

    public void Refresh() => _version = null;

    /// <summary>Drops the store's database on every node (tests clean up with it).</summary>
    internal void DropDatabase()
    {
        foreach (var node in _connection.Location.Nodes)
        {
            _connection.Execute($"DROP DATABASE IF EXISTS {_connection.Location.Database}", node, null, "default");
        }
    }

    private List<JsonObject> Query(string sql, params IReadOnlyList<ClickHouseParameter> parameters) =>
        _connection.Execute(sql + " FORMAT JSONEachRow", parameters, settings: ("output_format_json_quote_64bit_integers", "0"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();

    private static int Count(JsonNode? node) => node is null ? 0 : (int)node.GetValue<JsonElement>().GetInt64();

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(JsonNode? node) =>
        node is null || node.GetValueKind() == JsonValueKind.Null ? null : DateOnly.Parse((string)node!, CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
