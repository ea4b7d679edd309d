using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Storage;
using Dyad.Storage.ClickHouse;

namespace Dyad.Benchmarks;

/// <summary>
/// The clustered store against the embedded one. Part one stores the same coded stories in DuckDB and in the cluster
/// and times the store alone (coding happens before the clock starts, since it costs the same either way). Part two
/// grows the cluster's events table to millions of rows, generated on each node from the events Dyad coded (other
/// actors, days and places; the same records), and times <c>dyad timeline</c> and <c>dyad events</c> over it.
/// Usage: <c>Dyad.Benchmarks clickhouse clickhouse://h1:p1,h2:p2,h3:p3/database?cluster=name [events] [copies]</c>;
/// the database is dropped first, so give it one of its own.
/// </summary>
internal static class ClickHouseBenchmark
{
    private static readonly string[] Countries = StoreBenchmark.Countries;

    private const long BasePerNode = 300;

    public static void Run(string cluster, long events, int copies)
    {
        var coded = CodeCopies(copies);
        var mentions = coded.Sum(c => c.Events.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {coded.Count:N0} stories, {mentions:N0} coded events (coded before timing)"));

        var duckPath = Path.Combine(Path.GetTempPath(), "bench-ingest.duckdb");
        File.Delete(duckPath);
        var duck = TimeIngest(() => DuckDbEventStore.Open(duckPath), coded);
        Report("DuckDB", duck, coded.Count, mentions);

        using (var drop = ClickHouseEventStore.Open(cluster, readOnly: false))
        {
            drop.DropDatabase();
        }

        var clustered = TimeIngest(() => ClickHouseEventStore.Open(cluster, readOnly: false), coded);
        Report("ClickHouse cluster", clustered, coded.Count, mentions);

        using (var store = ClickHouseEventStore.Open(cluster, readOnly: false))
        {
            var watch = Stopwatch.StartNew();
            Generate(store, events);
            store.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cluster: {store.CountEvents(new EventQuery()):N0} events stored after generating on {store.NodeCount} nodes in {watch.Elapsed.TotalSeconds:F1} s"));
        }

        foreach (var args in new[]
        {
            new[] { "timeline", "JPN", "PRK", "--by", "month" },
            ["timeline", "USA", "CHN", "--by", "year", "--directed"],
            ["events", "--dyad", "JPN,PRK", "--cameo", "04", "--limit", "100"],
        })
        {
            var first = StoreBenchmark.Time([.. args, "--db", cluster]);
            var second = StoreBenchmark.Time([.. args, "--db", cluster]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad {string.Join(' ', args)}: {first.Seconds:F2} s cold, {second.Seconds:F2} s warm ({second.Lines:N0} lines), each including process start"));
        }
    }

    /// <summary>The bundled samples and the seed story, each stored <paramref name="copies"/> times under other ids and a varied last line, so each copy is a new story.</summary>
    private static List<CodedDocument> CodeCopies(int copies)
    {
        var coder = DocumentCoder.CreateDefault();
        var reader = new DocumentReader(new DateOnly(2016, 11, 28));
        var inputs = new List<string> { Path.Combine(StoreBenchmark.FindRepo(), "samples") };
        if (BenchmarkData.FindShared("seed", "000_0a52640f911a041c.txt") is { } seed)
        {
            inputs.Add(seed);
        }

        var originals = reader.Read(inputs).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        return Enumerable.Range(0, copies)
            .SelectMany(i => originals.Select(d => d with { Id = $"{d.Id}-{i}", Text = d.Text + $"\n\nFiled as copy {i}." }))
            .AsParallel().AsOrdered()
            .Select(coder.Code)
            .ToList();
    }

    private static TimeSpan TimeIngest(Func<IEventStore> open, List<CodedDocument> coded)
    {
        var watch = Stopwatch.StartNew();
        using var store = open();
        foreach (var batch in coded.Chunk(500))
        {
            store.Ingest(batch);
        }

        (store as ISharedEventStore)?.Fuse();
        return watch.Elapsed;
    }

    private static void Report(string name, TimeSpan elapsed, int stories, int mentions) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest into {name}: {elapsed.TotalSeconds:F1} s, {stories / elapsed.TotalSeconds:N0} stories/s, {mentions / elapsed.TotalSeconds:N0} events/s (batches of 500, fusion included)"));

    /// <summary>
    /// Each node multiplies (up to) <see cref="BasePerNode"/> of its own shard's events, so rows never cross the network;
    /// small blocks keep the cross join's memory (each row carries its full record) in bounds.
    /// </summary>
    private static void Generate(ClickHouseEventStore store, long events)
    {
        var version = store.Execute("SELECT max(fusion_version) FROM events FORMAT TabSeparated").Trim();
        var baseCount = Enumerable.Range(0, store.NodeCount)
            .Sum(node => Math.Min(BasePerNode, long.Parse(store.Execute($"SELECT count() FROM events_local WHERE fusion_version = {version} FORMAT TabSeparated", node).Trim(), CultureInfo.InvariantCulture)));
        var copies = (events + baseCount - 1) / baseCount;
        var list = string.Join(", ", Countries.Select(c => $"'{c}'"));
        Parallel.For(0, store.NodeCount, node => store.Execute($"""
            INSERT INTO events_local
            SELECT e.fusion_version, concat(e.event_id, '#', toString(number)),
                   concat(arrayElement([{list}], 1 + cityHash64(e.event_id, number) % {Countries.Length}) AS c1, substring(e.source_code, 4)), c1,
                   if(isNull(e.target_code), NULL, concat(arrayElement([{list}], 1 + cityHash64(e.root, number * 1000003 + 17) % {Countries.Length}) AS c2,
                       substring(assumeNotNull(e.target_code), 4))),
                   if(isNull(e.target_code), NULL, c2),
                   e.cameo, e.root, e.quad, e.goldstein,
                   toString(toDate('2010-01-01') + cityHash64(number, e.event_id) % 3650) AS day, day, 'day',
                   e.place_country, e.place_name, e.lat + (cityHash64(number) % 100) / 100.0, e.lon + (cityHash64(number) % 100) / 100.0,
                   e.status, e.secret, e.disputed, e.confidence, toInt32(1 + cityHash64(number) % 5), 1, 1, e.first_doc, e.record, e.search_text
            FROM numbers({copies}) CROSS JOIN (SELECT * FROM events_local WHERE fusion_version = {version} AND position(event_id, '#') = 0 ORDER BY event_id LIMIT {BasePerNode}) AS e
            """, node, ("max_block_size", "256")));
    }
}
