using System.Diagnostics;
using System.Globalization;
using Dyad.Storage.ClickHouse;

namespace Dyad.Storage.Tests;

[CollectionDefinition("clickhouse", DisableParallelization = true)]
public sealed class ClickHouseCollection;

/// <summary>
/// The ClickHouse store on a three-shard cluster that .ci/run starts on loopback (skipped unless DYAD_CLICKHOUSE
/// gives its address and DYAD_CLICKHOUSE_DIR its data folder): the same answers as DuckDB, concurrent ingest,
/// and clear failures with a shard down.
/// </summary>
[Collection("clickhouse")]
public sealed class ClickHouseTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        foreach (var db in _databases)
        {
            try
            {
                using var store = ClickHouseEventStore.Open(db, readOnly: false);
                store.DropDatabase();
            }
            catch (StoreException)
            {
                // The cluster may be partly down after a failed test; the folder is thrown away with it.
            }
        }

        _folder.Dispose();
    }

    private string Cluster()
    {
        var address = Environment.GetEnvironmentVariable("DYAD_CLICKHOUSE");
        Skip.If(string.IsNullOrEmpty(address), "DYAD_CLICKHOUSE is not set: no ClickHouse cluster to test against");
        var database = "dyad_test_" + Guid.NewGuid().ToString("N")[..12];
        var db = address.Replace("/default?", $"/{database}?", StringComparison.Ordinal);
        _databases.Add(db);
        return db;
    }

    private static void Node(string action, int node)
    {
        var folder = Environment.GetEnvironmentVariable("DYAD_CLICKHOUSE_DIR")!;
        var script = Path.Combine(FindRepo(), ".ci", "clickhouse-cluster");
        using var process = Process.Start(new ProcessStartInfo(script) { ArgumentList = { action, folder, node.ToString(CultureInfo.InvariantCulture) }, RedirectStandardOutput = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static string FindRepo()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static string Sorted(string output) => string.Join('\n', output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    [SkippableFact]
    public void Two_concurrent_ingests_into_the_cluster_answer_exactly_as_DuckDB_does()
    {
        var cluster = Cluster();
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 120);
        var duck = _folder.File("same.duckdb");
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", duck).ExitCode);

        using (var first = DyadProcess.Start("ingest", corpus, "--db", cluster, "--batch", "10"))
        using (var second = DyadProcess.Start("ingest", corpus, "--db", cluster, "--batch", "7"))
        {
            var errors = new[] { first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync() };
            first.WaitForExit();
            second.WaitForExit();
            Assert.True(first.ExitCode == 0, errors[0].Result);
            Assert.True(second.ExitCode == 0, errors[1].Result);
        }

        foreach (var args in new[]
        {
            new[] { "events" },
            ["events", "--format", "tsv"],
            ["events", "--dyad", "JPN,CHN", "--format", "gdelt"],
            ["timeline", "JPN", "CHN", "--by", "month"],
            ["timeline", "RUS", "FRA", "--by", "year", "--directed"],
        })
        {
            var fromDuck = DyadProcess.Run([.. args, "--db", duck]);
            var fromCluster = DyadProcess.Run([.. args, "--db", cluster]);
            Assert.Equal(0, fromCluster.ExitCode);
            Assert.NotEmpty(fromDuck.Out.Trim());
            Assert.Equal(Sorted(fromDuck.Out), Sorted(fromCluster.Out));
        }

        using var store = ClickHouseEventStore.Open(cluster, readOnly: true);
        Assert.Equal(120, store.StoredDocumentHashes().Count);
    }

    [SkippableFact]
    public void With_a_shard_down_queries_fail_clearly_or_answer_partially_and_ingest_fails_clearly_losing_nothing()
    {
        var cluster = Cluster();
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 40);
        var more = _folder.File("more.jsonl");
        File.WriteAllLines(more, File.ReadAllLines(Stories.WriteCorpus(_folder.File("all.jsonl"), 60)).Skip(40));
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", cluster).ExitCode);
        var before = DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out;

        Node("stop-node", 3);
        try
        {
            var failed = DyadProcess.Run("events", "--db", cluster);
            Assert.Equal(1, failed.ExitCode);
            Assert.Matches("^dyad: ClickHouse: a shard of cluster 'dyad' is unavailable .*--partial\n$", failed.Error);

            var partial = DyadProcess.Run("events", "--db", cluster, "--partial", "--format", "tsv");
            Assert.Equal(0, partial.ExitCode);
            var partialRows = partial.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            var allRows = before.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(partialRows, 2, allRows - 1);

            var ingest = DyadProcess.Run("ingest", more, "--db", cluster);
            Assert.Equal(1, ingest.ExitCode);
            Assert.Matches("^dyad: ClickHouse: a shard of cluster 'dyad' is unavailable \\(.*\\); the ingest failed 3 times and stopped: .*rerun.*\n$", ingest.Error);
        }
        finally
        {
            Node("start-node", 3);
        }

        // Nothing already written was lost, and a rerun completes the interrupted ingest.
        var after = DyadProcess.Run("events", "--db", cluster, "--format", "tsv");
        Assert.Equal(0, after.ExitCode);
        Assert.True(DyadProcess.Run("ingest", more, "--db", cluster).ExitCode == 0);
        using var store = ClickHouseEventStore.Open(cluster, readOnly: true);
        Assert.Equal(60, store.StoredDocumentHashes().Count);
        var final = DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out;
        foreach (var line in before.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            Assert.Contains(line.Split('\t')[0], final, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void A_fusion_that_stopped_part_way_is_never_read_and_dyad_fuse_gives_the_same_answers_again()
    {
        var cluster = Cluster();
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 30);
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", cluster).ExitCode);
        var before = DyadProcess.Run("events", "--db", cluster, "--format", "tsv");
        Assert.Equal(0, before.ExitCode);
        Assert.True(before.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2);

        // Rows of a newer fusion written to one shard only, with no commit marker: what a fusion leaves when it dies.
        using (var store = ClickHouseEventStore.Open(cluster, readOnly: false))
        {
            store.Execute("""
                INSERT INTO events_local SELECT fusion_version + 1, event_id, source_code, source_country, target_code, target_country, 'XXX', root,
                    quad, goldstein, date_start, date_end, date_precision, place_country, place_name, lat, lon, status, secret, disputed, confidence,
                    num_mentions, num_sources, num_articles, first_doc, record, search_text
                FROM events_local
                """);
        }

        Assert.Equal(before.Out, DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out);

        var fuse = DyadProcess.Run("fuse", "--db", cluster);
        Assert.True(fuse.ExitCode == 0, fuse.Error);
        Assert.Equal(before.Out, DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out);
    }
}
