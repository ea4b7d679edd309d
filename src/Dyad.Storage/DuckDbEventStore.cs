using System.Data.Common;
using System.Globalization;
using System.Text;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Records;
using Dyad.Storage.Fusion;
using DuckDB.NET.Data;

namespace Dyad.Storage;

/// <summary>A store that cannot be opened: locked by another process, corrupt, or not a Dyad store.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The embedded event store: one DuckDB file holding documents, sentences, fused events and their mentions, with a
/// versioned schema that migrates stores made by older versions. Each ingest batch is one transaction, so a
/// killed ingest loses at most the batch in flight.
/// </summary>
public sealed class DuckDbEventStore : IEventStore
{
    /// <summary>The schema this build creates, and migrates older stores to.</summary>
    private const int LatestSchemaVersion = 2;

    private static readonly string[] Migrations =
    [
        // 1: documents, sentences, fused events and their mentions.
        """
        CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, date DATE, publisher VARCHAR, url VARCHAR, title VARCHAR, text VARCHAR, seq BIGINT);
        CREATE TABLE sentences (doc_id VARCHAR, sentence INTEGER, start_offset INTEGER, end_offset INTEGER, text VARCHAR, PRIMARY KEY (doc_id, sentence));
        CREATE TABLE events (event_id VARCHAR PRIMARY KEY, source_code VARCHAR, source_country VARCHAR, target_code VARCHAR, target_country VARCHAR,
            cameo VARCHAR, root VARCHAR, quad INTEGER, goldstein DOUBLE, date_start DATE, date_end DATE, date_precision VARCHAR,
            place_country VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, status VARCHAR, secret BOOLEAN, disputed BOOLEAN,
            confidence DOUBLE, num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, first_doc VARCHAR, record VARCHAR);
        CREATE TABLE mentions (mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, doc_id VARCHAR, sentence INTEGER, publisher VARCHAR,
            status VARCHAR, fusion_reason VARCHAR, record VARCHAR, seq BIGINT);
        INSERT INTO meta VALUES ('application', 'dyad'), ('schema_version', '1');
        """,

        // 2: a lower-case copy of each event's sentence for free-text search.
        """
        ALTER TABLE events ADD COLUMN search_text VARCHAR;
        UPDATE events SET search_text = lower(json_extract_string(record, '$.text'));
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        """,
    ];

    private readonly DuckDBConnection _connection;
    private readonly EventFuser _fuser = new();
    private long _sequence;

    private DuckDbEventStore(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The schema of the opened file: the latest, unless it was opened at an older one (as tests of migration do).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Opens (creating if absent) a store and migrates it to the current schema. A store locked by another process,
    /// a corrupt file, or a database that is not a Dyad store is a <see cref="StoreException"/>, and nothing is changed.
    /// </summary>
    public static DuckDbEventStore Open(string path, bool readOnly = false, int? migrateTo = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(full);
        if (!exists && readOnly)
        {
            throw new StoreException($"{path}: no such store");
        }

        if (exists)
        {
            CheckHeader(full, path);
        }

        DuckDBConnection connection;
        try
        {
            connection = new DuckDBConnection($"Data Source={full}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : string.Empty)}");
            connection.Open();
        }
        catch (Exception e) when (e is DuckDBException or DbException)
        {
            throw Describe(path, e);
        }

        var store = new DuckDbEventStore(connection, full);
        try
        {
            store.Migrate(exists, readOnly, migrateTo ?? LatestSchemaVersion);
            if (!readOnly)
            {
                store.LoadFusionIndex();
            }
        }
        catch (Exception e) when (e is DuckDBException or DbException)
        {
            connection.Dispose();
            throw Describe(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return store;
    }

    private static void CheckHeader(string full, string path)
    {
        // A DuckDB file carries "DUCK" at byte 8; anything else is not a store, and DuckDB must not touch it.
        using var stream = File.OpenRead(full);
        var header = new byte[12];
        var read = stream.Read(header, 0, header.Length);
        if (read < 12 || Encoding.ASCII.GetString(header, 8, 4) != "DUCK")
        {
            throw new StoreException($"{path}: not a DuckDB file (corrupt, or something else): refusing to open it");
        }
    }

    private static StoreException Describe(string path, Exception e)
    {
        var message = e.Message;
        if (message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreException($"{path}: the store is locked by another process (one ingest or serve at a time); nothing was changed", e);
        }

        var firstLine = message.Split('\n')[0].Trim();
        return new StoreException($"{path}: cannot open the store ({firstLine}); nothing was changed", e);
    }

    private void Migrate(bool existed, bool readOnly, int target)
    {
        var version = 0;
        if (existed)
        {
            var tables = Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'");
            if (tables == 0)
            {
                var any = Scalar<long>("SELECT count(*) FROM information_schema.tables");
                if (any > 0)
                {
                    throw new StoreException($"{Path}: a DuckDB database, but not a Dyad store (no meta table); nothing was changed");
                }
            }
            else
            {
                var application = Scalar<string>("SELECT value FROM meta WHERE key = 'application'");
                if (application != "dyad")
                {
                    throw new StoreException($"{Path}: a DuckDB database, but not a Dyad store; nothing was changed");
                }

                version = int.Parse(Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'") ?? "0", CultureInfo.InvariantCulture);
            }
        }

        if (version > LatestSchemaVersion)
        {
            throw new StoreException($"{Path}: made by a newer Dyad (schema {version}; this one knows {LatestSchemaVersion}); nothing was changed");
        }

        if (version >= target)
        {
            SchemaVersion = version;
            return;
        }

        if (readOnly)
        {
            throw new StoreException($"{Path}: schema {version} needs migrating to {target}; open it once for writing (dyad ingest) first");
        }

        using var transaction = _connection.BeginTransaction();
        for (var v = version; v < target; v++)
        {
            Execute(Migrations[v]);
        }

        transaction.Commit();
        SchemaVersion = target;
    }

    /// <summary>
    /// Rebuilds the fuser exactly as the run that stored the events left it, so a resumed, split or killed ingest fuses
    /// as one uninterrupted run would. Each entry comes from its event's first mention, not the event row: the row's
    /// dates were narrowed by later reports, which the run's fuser never saw. Entries go in in the order the run added
    /// them (document, sentence, event within the sentence), because a match takes the first entry that fits.
    /// </summary>
    private void LoadFusionIndex()
    {
        var entries = new List<(long Seq, int Sentence, int Index, FusionEntry Entry)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = """
                SELECT e.event_id, m.doc_id, m.seq, m.sentence, m.record,
                    (SELECT string_agg(DISTINCT o.doc_id, '|') FROM mentions o WHERE o.event_id = e.event_id),
                    e.root, e.source_country, e.source_code, e.target_country, e.target_code, e.date_start, e.date_end, e.date_precision, e.place_country
                FROM events e LEFT JOIN mentions m ON m.mention_id = e.event_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var eventId = reader.GetString(0);
                var documents = (NullableString(reader, 5) ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries);
                if (NullableString(reader, 4) is { } record)
                {
                    var entry = EventFuser.EntryFor(eventId, reader.GetString(1), EventJson.Parse(record));
                    entry.Documents.UnionWith(documents);
                    entries.Add((reader.IsDBNull(2) ? 0 : reader.GetInt64(2), reader.GetInt32(3), IndexInSentence(eventId), entry));
                    continue;
                }

                // An event without its first mention was not stored by an ingest (a migrated or hand-made row): fuse
                // with what its row says, after every event an ingest stored.
                var fallback = new FusionEntry(
                    eventId,
                    reader.GetString(6),
                    EventFuser.ActorKey(NullableString(reader, 7), NullableString(reader, 8)),
                    EventFuser.ActorKey(NullableString(reader, 9), NullableString(reader, 10)),
                    NullableDate(reader, 11),
                    NullableDate(reader, 12),
                    NullableString(reader, 14)) { Documents = [.. documents] };
                entries.Add((long.MaxValue, 0, 0, EventFuser.Widen(fallback, NullableString(reader, 13))));
            }
        }

        // Numbers compare as numbers ("doc:10:0" comes after "doc:9:0"); the id settles only what nothing else does.
        foreach (var (_, _, _, entry) in entries
            .OrderBy(e => e.Seq).ThenBy(e => e.Sentence).ThenBy(e => e.Index).ThenBy(e => e.Entry.EventId, StringComparer.Ordinal))
        {
            _fuser.Add(entry);
        }

        _sequence = Scalar<long?>("SELECT max(seq) FROM documents") ?? 0;
    }

    /// <summary>The event's index within its sentence: the last part of an id "doc:sentence:index" (a document id may hold colons).</summary>
    private static int IndexInSentence(string eventId) =>
        int.TryParse(eventId.AsSpan(eventId.LastIndexOf(':') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;

    public ISet<string> StoredDocumentHashes()
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM documents";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    public IngestResult Ingest(IReadOnlyList<CodedDocument> batch)
    {
        var documents = 0;
        var skipped = 0;
        var eventCount = 0;
        var newEvents = 0;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<FusionEntry>();
        using var transaction = _connection.BeginTransaction();
        var hashes = batch.Select(c => c.Document.ContentHash).ToList();
        var (storedHashes, storedIds) = StoredAmong(hashes, batch.Select(c => c.Document.Id));
        var clashes = new List<Document>();
        var documentRows = new List<object?[]>();
        var sentenceRows = new List<object?[]>();
        var mentionRows = new List<object?[]>();
        var eventRows = new List<object?[]>();
        for (var i = 0; i < batch.Count; i++)
        {
            var coded = batch[i];
            var document = coded.Document;
            var hash = hashes[i];
            if (storedHashes.Contains(hash))
            {
                skipped++;
                continue;
            }

            // The same id with other text is another story, not this one again: refused, never silently dropped.
            if (!storedIds.Add(document.Id))
            {
                clashes.Add(document);
                continue;
            }

            storedHashes.Add(hash);

            documents++;
            _sequence++;
            documentRows.Add([document.Id, hash, document.Date, document.Publisher, document.Url, document.Title ?? coded.Segmented.Layout.Headline?.Text, document.Text, _sequence]);
            foreach (var sentence in coded.Segmented.Sentences)
            {
                sentenceRows.Add([document.Id, sentence.Index, sentence.Span.Start, sentence.Span.End, sentence.Text]);
            }

            foreach (var e in coded.Events)
            {
                eventCount++;
                var record = EventRecord.From(e);
                var entry = EventFuser.EntryFor(e.Id, e.Doc, record);
                var publisher = document.Publisher ?? coded.Segmented.Layout.Byline?.Name;
                var json = EventJson.ToJson(record);
                if (_fuser.Match(entry) is { } match)
                {
                    match.Event.Documents.Add(e.Doc);
                    mentionRows.Add([e.Id, match.Event.EventId, e.Doc, e.Sentence, publisher, e.Attribution.Status, match.Reason, json, _sequence]);
                    touched.Add(match.Event.EventId);
                    continue;
                }

                newEvents++;
                _fuser.Add(entry);
                added.Add(entry);
                mentionRows.Add([e.Id, e.Id, e.Doc, e.Sentence, publisher, e.Attribution.Status, "first report of this event", json, _sequence]);
                eventRows.Add([
                    e.Id, e.Source.Code.Value, e.Source.Country, e.Target?.Code.Value, e.Target?.Country, e.Cameo.Code.Value, e.Cameo.Code.Root,
                    e.Cameo.Quad, e.Cameo.Goldstein, e.Date?.Start, e.Date?.End, e.Date?.Precision, e.Place?.Country, e.Place?.Name,
                    e.Place?.Lat, e.Place?.Lon, e.Attribution.Status, e.Secret, e.Disputed.Count > 0 || e.Attribution.Status == "denied",
                    e.Confidence, 1, 1, 1, e.Doc, json, e.Text.ToLowerInvariant()]);
                touched.Add(e.Id);
            }
        }

        // The fuser matched in memory, so rows can go in together; fusion below reads them back within the transaction.
        InsertRows("documents", documentRows);
        InsertRows("sentences", sentenceRows);
        InsertRows("events", eventRows);
        InsertRows("mentions", mentionRows);
        foreach (var eventId in touched.Order(StringComparer.Ordinal))
        {
            Refuse(eventId);
        }

        transaction.Commit();
        return new IngestResult(documents, skipped, eventCount, newEvents, clashes);
    }

    /// <summary>Which of a batch's content hashes and document ids are stored already: one query per batch.</summary>
    private (HashSet<string> Hashes, HashSet<string> Ids) StoredAmong(IEnumerable<string> hashes, IEnumerable<string> ids)
    {
        var storedHashes = new HashSet<string>(StringComparer.Ordinal);
        var storedIds = new HashSet<string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT content_hash, doc_id FROM documents WHERE content_hash IN (SELECT unnest($hashes)) OR doc_id IN (SELECT unnest($ids))";
        command.Parameters.Add(new DuckDBParameter("hashes", hashes.ToArray()));
        command.Parameters.Add(new DuckDBParameter("ids", ids.ToArray()));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            storedHashes.Add(reader.GetString(0));
            storedIds.Add(reader.GetString(1));
        }

        return (storedHashes, storedIds);
    }

    /// <summary>
    /// Many rows in few statements: DuckDB spends far more per statement than per row, and sentences are most of an
    /// ingest's rows. Still inside the batch's transaction.
    /// </summary>
    private void InsertRows(string table, List<object?[]> rows)
    {
        const int rowsPerStatement = 256;
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var chunk = rows.GetRange(start, Math.Min(rowsPerStatement, rows.Count - start));
            using var command = _connection.CreateCommand();
            var sql = new StringBuilder($"INSERT INTO {table} VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < chunk[r].Length; c++)
                {
                    var name = "p" + n++.ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? "$" : ", $").Append(name);
                    command.Parameters.Add(new DuckDBParameter(name, chunk[r][c]));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Recomputes a fused event from its mentions: counts, disputes, status, the most precise date.</summary>
    private void Refuse(string eventId)
    {
        var mentions = MentionsOf(eventId);
        if (!FusedEvent.NeedsCombining(mentions))
        {
            return;
        }

        var initial = Events(new EventQuery { Id = eventId, Limit = 1 })[0];
        var fused = FusedEvent.Combine(initial, mentions);
        Execute(
            """
            UPDATE events SET num_mentions = $m, num_sources = $s, num_articles = $a, disputed = $d, status = $status, record = $record,
                date_start = $ds, date_end = $de, date_precision = $dp
            WHERE event_id = $id
            """,
            ("m", fused.NumMentions), ("s", fused.NumSources), ("a", fused.NumArticles), ("d", fused.Disputed), ("status", fused.Status),
            ("record", EventJson.ToJson(fused.Record)), ("id", eventId), ("ds", (object?)fused.DateStart), ("de", (object?)fused.DateEnd), ("dp", fused.DatePrecision));
    }

    private List<StoredMention> MentionsOf(string eventId)
    {
        var list = new List<StoredMention>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT mention_id, event_id, doc_id, sentence, publisher, status, fusion_reason, record FROM mentions WHERE event_id = $id ORDER BY seq, mention_id";
        command.Parameters.Add(new DuckDBParameter("id", eventId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new StoredMention(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), NullableString(reader, 4),
                reader.GetString(5), reader.GetString(6), EventJson.Parse(reader.GetString(7))));
        }

        return list;
    }

    public IReadOnlyList<StoredMention> Mentions(string eventId) => MentionsOf(eventId);

    /// <summary>Where a sentence starts in its document's text, so evidence offsets can be shown within the sentence.</summary>
    public int? SentenceStart(string doc, int sentence) =>
        Scalar<int?>("SELECT start_offset FROM sentences WHERE doc_id = $doc AND sentence = $n", ("doc", doc), ("n", sentence));

    public IReadOnlyList<StoredEvent> Events(EventQuery query)
    {
        var sql = DuckDbEventSql.From(query);
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT event_id, source_code, source_country, target_code, target_country, cameo, root, quad, goldstein, date_start, date_end,
                date_precision, place_country, place_name, lat, lon, status, secret, disputed, confidence, num_mentions, num_sources, num_articles,
                first_doc, record
            FROM events {sql.Where} ORDER BY {sql.OrderBy} LIMIT $limit OFFSET $offset
            """;
        foreach (var (name, value) in sql.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        command.Parameters.Add(new DuckDBParameter("limit", query.Limit));
        command.Parameters.Add(new DuckDBParameter("offset", Math.Max(0, query.Offset)));

        var events = new List<StoredEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new StoredEvent(
                reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetDouble(8), NullableDate(reader, 9), NullableDate(reader, 10),
                NullableString(reader, 11), NullableString(reader, 12), NullableString(reader, 13), NullableDouble(reader, 14), NullableDouble(reader, 15),
                reader.GetString(16), reader.GetBoolean(17), reader.GetBoolean(18), reader.GetDouble(19), reader.GetInt32(20), reader.GetInt32(21),
                reader.GetInt32(22), reader.GetString(23), EventJson.Parse(reader.GetString(24))));
        }

        return events;
    }

    public long CountEvents(EventQuery query)
    {
        var sql = DuckDbEventSql.From(query);
        return Scalar<long>($"SELECT count(*) FROM events {sql.Where}", [.. sql.Parameters]);
    }

    public IReadOnlyList<TimelineRow> Timeline(ActorPair dyad, string by)
    {
        var unit = by switch { "week" => "week", "year" => "year", _ => "month" };
        var format = unit switch { "week" => "%Y-%m-%d", "year" => "%Y", _ => "%Y-%m" };
        // A dyad always makes a WHERE clause, so the date's condition joins it.
        var sql = DuckDbEventSql.From(new EventQuery { Dyad = dyad });
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT strftime(date_trunc('{unit}', date_start), '{format}') AS period,
                count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2), count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4),
                avg(goldstein)
            FROM events {sql.Where} AND date_start IS NOT NULL
            GROUP BY period ORDER BY period
            """;
        foreach (var (name, value) in sql.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        var rows = new List<TimelineRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new TimelineRow(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), Math.Round(reader.GetDouble(5), 3)));
        }

        return TimelinePeriods.FillGaps(rows, unit);
    }

    public IReadOnlyList<DyadRow> Dyads(int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT least(coalesce(source_country, source_code), coalesce(target_country, target_code)) AS a,
                   greatest(coalesce(source_country, source_code), coalesce(target_country, target_code)) AS b,
                   count(*), CAST(sum(num_mentions) AS BIGINT), avg(goldstein)
            FROM events WHERE target_code IS NOT NULL
            GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT {Math.Clamp(limit, 1, 10_000)}
            """;
        var rows = new List<DyadRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new DyadRow(reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), Math.Round(reader.GetDouble(4), 3)));
        }

        return rows;
    }

    /// <summary>Runs SQL against the store (benchmarks and migrations tests use it; user input never reaches it).</summary>
    internal void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        command.ExecuteNonQuery();
    }

    internal T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        var result = command.ExecuteScalar();
        if (result is null or DBNull)
        {
            return default;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(result, type, CultureInfo.InvariantCulture);
    }

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static double? NullableDouble(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    private static DateOnly? NullableDate(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : DateOnly.FromDateTime(reader.GetDateTime(i));

    public void Dispose() => _connection.Dispose();
}
