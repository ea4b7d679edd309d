using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
        // On a developer's machine without ClickHouse these tests skip; in CI the cluster is part of the run, so its absence fails.
        Assert.False(string.IsNullOrEmpty(address) && Environment.GetEnvironmentVariable("CI") == "true", "CI=true but DYAD_CLICKHOUSE is not set: .ci/run could not start the cluster");
        Skip.If(string.IsNullOrEmpty(address), "DYAD_CLICKHOUSE is not set: no ClickHouse cluster to test against");
        var database = "dyad_test_" + Guid.NewGuid().ToString("N")[..12];
        var db = address.Replace("/default?", $"/{database}?", StringComparison.Ordinal);
        _databases.Add(db);
        return db;
    }

    private static void Node(string action, int node)
    {
        var folder = Environment.GetEnvironmentVariable("DYAD_CLICKHOUSE_DIR")!;
        var script = Path.Combine(DyadProcess.RepoRoot, ".ci", "clickhouse-cluster");
        using var process = Process.Start(new ProcessStartInfo(script) { ArgumentList = { action, folder, node.ToString(CultureInfo.InvariantCulture) }, RedirectStandardOutput = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
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

            // Every filter, each value reaching the cluster beside the query.
            ["events", "--actor", "JPN", "--cameo", "0", "--quad", "1", "--format", "tsv"],
            ["events", "--dyad", "RUS,FRA", "--directed", "--status", "asserted", "--secret", "false", "--format", "tsv"],
            ["events", "--from", "2020-02-01", "--to", "2020-03-15", "--format", "tsv"],
            ["events", "--text", "Held Talks", "--limit", "5", "--format", "tsv"],
            ["events", "--id", "story-0000:0:0", "--mentions"],
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
    public void The_cluster_fuses_stories_in_the_order_they_arrived_as_DuckDB_does_not_in_the_order_of_their_ids()
    {
        // The same stories, last id first: the first report of an event founds it and names it, so a fusion in id order
        // would name events after other stories than DuckDB does.
        var cluster = Cluster();
        var lines = File.ReadAllLines(Stories.WriteCorpus(_folder.File("corpus.jsonl"), 60));
        var corpus = _folder.File("reversed.jsonl");
        File.WriteAllLines(corpus, lines.Reverse());
        var duck = _folder.File("reversed.duckdb");
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", duck, "--batch", "25").ExitCode);
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", cluster, "--batch", "25").ExitCode);

        var fromDuck = DyadProcess.Run("events", "--db", duck, "--format", "tsv").Out;
        Assert.Contains("\nstory-0059:", fromDuck, StringComparison.Ordinal);
        Assert.Equal(Sorted(fromDuck), Sorted(DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out));
        Assert.Equal(
            Sorted(DyadProcess.Run("events", "--db", duck, "--id", "story-0059:0:0", "--mentions").Out),
            Sorted(DyadProcess.Run("events", "--db", cluster, "--id", "story-0059:0:0", "--mentions").Out));
    }

    [SkippableFact]
    public async Task Dyad_serve_answers_the_same_from_the_cluster_as_from_DuckDB_and_sees_later_ingests()
    {
        var cluster = Cluster();
        var all = Stories.WriteCorpus(_folder.File("all.jsonl"), 60);
        var first = _folder.File("first.jsonl");
        var rest = _folder.File("rest.jsonl");
        File.WriteAllLines(first, File.ReadAllLines(all).Take(40));
        File.WriteAllLines(rest, File.ReadAllLines(all).Skip(40));
        var duck = _folder.File("all.duckdb");
        Assert.Equal(0, DyadProcess.Run("ingest", all, "--db", duck).ExitCode);
        Assert.Equal(0, DyadProcess.Run("ingest", first, "--db", cluster).ExitCode);

        using var fromDuck = await Server.Start(duck);
        using var fromCluster = await Server.Start(cluster);

        // The server on the cluster keeps running while another process stores the rest of the corpus.
        var before = await fromCluster.Get("/api/health");
        Assert.Equal(0, DyadProcess.Run("ingest", rest, "--db", cluster).ExitCode);
        var after = await fromCluster.Get("/api/health");
        Assert.True((int)after["events"]! > (int)before["events"]!, $"{before} then {after}");

        // Each store reports its own schema; the counts agree.
        var duckHealth = await fromDuck.Get("/api/health");
        var clusterHealth = await fromCluster.Get("/api/health");
        Assert.Equal((long)duckHealth["events"]!, (long)clusterHealth["events"]!);
        Assert.Equal(2, (int)duckHealth["schema"]!);
        Assert.Equal(3, (int)clusterHealth["schema"]!);

        foreach (var path in new[]
        {
            "/api/events?limit=500",
            "/api/events?dyad=JPN,CHN&cameo=0&limit=500",
            "/api/events?actor=RUS&sort=-goldstein&limit=500",
            "/api/dyads?limit=50",
            "/api/timeline?a=JPN&b=CHN&by=month",
            "/api/timeline?a=RUS&b=FRA&by=year&directed=true",
        })
        {
            var expected = Canonical(await fromDuck.Get(path));
            Assert.Equal(expected, Canonical(await fromCluster.Get(path)));
        }

        var events = (await fromDuck.Get("/api/events?limit=3"))["events"]!.AsArray();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var id = Uri.EscapeDataString((string)e!["id"]!);
            Assert.Equal(Canonical(await fromDuck.Get($"/api/events/{id}")), Canonical(await fromCluster.Get($"/api/events/{id}")));
        }
    }

    /// <summary>JSON with the elements of every array in a fixed order, so rows tied in the server's sort compare equal.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>A `dyad serve` child process on a free loopback port.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private Server(Process process, HttpClient client)
        {
            _process = process;
            _client = client;
        }

        public static async Task<Server> Start(string db)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var process = DyadProcess.Start("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
            var server = new Server(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
            for (var attempt = 0; attempt < 300; attempt++)
            {
                Assert.False(process.HasExited, "dyad serve stopped: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : ""));
                try
                {
                    using var response = await server._client.GetAsync(new Uri("/api/health", UriKind.Relative));
                    if (response.IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            server.Dispose();
            throw new TimeoutException("dyad serve did not answer within 30 s");
        }

        public async Task<JsonNode> Get(string path)
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body) ?? throw new InvalidDataException($"{path}: the body is JSON null");
        }

        public void Dispose()
        {
            _client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }

    [SkippableFact]
    public void The_cluster_keeps_events_before_1970_and_after_2105_with_their_dates_as_DuckDB_does()
    {
        var cluster = Cluster();
        var ingest = DyadProcess.Run("ingest", Stories.WriteAcrossTheCalendar(_folder.File("calendar.jsonl")), "--db", cluster);
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        CalendarTests.ExpectDatesKept(cluster);
    }

    [SkippableFact]
    public void A_store_made_with_Date_columns_is_refused_to_readers_and_migrated_by_the_next_writer_which_restores_the_dates_it_lost()
    {
        var cluster = Cluster();
        var calendar = Stories.WriteAcrossTheCalendar(_folder.File("calendar.jsonl"));
        Assert.Equal(0, DyadProcess.Run("ingest", Stories.WriteCorpus(_folder.File("corpus.jsonl"), 20), "--db", cluster).ExitCode);
        Assert.Equal(0, DyadProcess.Run("ingest", calendar, "--db", cluster).ExitCode);
        var before = DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out;

        // What schema 1 left: Date columns, where every date before 1970, 1970-01-01 itself and any after 2105 is
        // 0000-00-00 (ClickHouse converts them so, as it stored them); in events_local a part that a fusion's ALTER
        // DELETE emptied; mentions without their place in a batch; and no record of the layout.
        using (var store = ClickHouseEventStore.Open(cluster, readOnly: false))
        {
            for (var node = 0; node < store.NodeCount; node++)
            {
                var events = Regex.Replace(store.Execute("SHOW CREATE TABLE events_local FORMAT TSVRaw", node), @"(date_start|date_end) Nullable\(String\)", "$1 Nullable(Date)");
                store.Execute("RENAME TABLE events_local TO events_schema2", node);
                store.Execute(events, node);
                store.Execute("INSERT INTO events_local SELECT * FROM events_schema2", node);
                store.Execute("INSERT INTO events_local (fusion_version, event_id) VALUES (0, 'of an older fusion')", node);
                store.Execute("ALTER TABLE events_local DELETE WHERE fusion_version = 0", node);
                const string emptied = "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'events_local' AND active AND rows = 0 FORMAT TabSeparated";
                for (var attempt = 0; attempt < 300 && store.Execute(emptied, node).Trim() == "0"; attempt++)
                {
                    Thread.Sleep(100);
                }

                Assert.Equal("1", store.Execute(emptied, node).Trim());
                store.Execute("DROP TABLE events_schema2", node);
                store.Execute("ALTER TABLE events MODIFY COLUMN date_start Nullable(Date), MODIFY COLUMN date_end Nullable(Date)", node);
                store.Execute("ALTER TABLE documents_local MODIFY COLUMN date Nullable(Date)", node);
                store.Execute("ALTER TABLE documents MODIFY COLUMN date Nullable(Date)", node);
                store.Execute("ALTER TABLE mentions_local DROP COLUMN ingest_position", node);
                store.Execute("ALTER TABLE mentions DROP COLUMN ingest_position", node);
                store.Execute("DROP TABLE dyad_schema", node);
            }

            Assert.Equal("6", store.Execute("SELECT count() FROM events WHERE toString(date_start) = '0000-00-00' FORMAT TabSeparated").Trim());
            Assert.Equal("5", store.Execute("SELECT count() FROM documents WHERE toString(date) = '0000-00-00' FORMAT TabSeparated").Trim());
        }

        var refused = DyadProcess.Run("events", "--db", cluster);
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches("^dyad: ClickHouse database 'dyad_test_[0-9a-f]+': schema 1 needs migrating to 3; open it once for writing \\(dyad ingest or dyad fuse\\) first\n$", refused.Error);

        var fuse = DyadProcess.Run("fuse", "--db", cluster);
        Assert.True(fuse.ExitCode == 0, fuse.Error);

        // Every story and event is kept, each event with the dates its mentions' records carry.
        Assert.Equal(before, DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out);
        var early = DyadProcess.Run("events", "--db", cluster, "--to", "1969-12-31", "--format", "tsv").Out;
        Assert.Equal(5, early.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\nyear-1933:0:0\tyear-1933\t0\t1933-01-01\t1933-12-31\t", early, StringComparison.Ordinal);
        using (var store = ClickHouseEventStore.Open(cluster, readOnly: true))
        {
            Assert.Equal(3, store.SchemaVersion);
            Assert.Equal(27, store.StoredDocumentHashes().Count);

            // A document's date that schema 1 lost is unknown now, not a date that never was; the others are as stored.
            Assert.Equal(
                "doc-1965\tNULL\nstory-0003\t2020-01-04\nyear-1933\t1987-03-02\n",
                store.Execute("SELECT doc_id, ifNull(date, 'NULL') FROM documents WHERE doc_id IN ('doc-1965', 'year-1933', 'story-0003') ORDER BY doc_id FORMAT TabSeparated"));
        }

        // A reader opens it now, and a second writer finds nothing to migrate.
        Assert.Equal(0, DyadProcess.Run("ingest", calendar, "--db", cluster).ExitCode);
        Assert.Equal(before, DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out);
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

    [SkippableFact]
    public void A_hostile_filter_value_is_only_ever_a_value_on_the_cluster_too()
    {
        var cluster = Cluster();
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 10);
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", cluster).ExitCode);
        var before = DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out;

        var text = DyadProcess.Run("events", "--db", cluster, "--text", "'; DROP TABLE events; --", "--format", "tsv");
        var id = DyadProcess.Run("events", "--db", cluster, "--id", "x' OR '1'='1");

        Assert.Equal(0, text.ExitCode);
        Assert.Single(text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, id.ExitCode);
        Assert.Equal("dyad: --id x' OR '1'='1: no such event\n", id.Error);
        Assert.Equal(before, DyadProcess.Run("events", "--db", cluster, "--format", "tsv").Out);
    }

    [SkippableFact]
    public void A_second_story_under_a_stored_id_is_reported_and_not_stored_in_the_cluster_either()
    {
        var cluster = Cluster();
        var input = Stories.WriteIdClash(_folder.File("dupx.jsonl"));

        var first = DyadProcess.Run("ingest", input, "--db", cluster);
        var events = DyadProcess.Run("events", "--db", cluster).Out;
        var rerun = DyadProcess.Run("ingest", input, "--db", cluster);

        Assert.Equal(2, first.ExitCode);
        var clash = Assert.Single(first.Error.Split('\n'), line => line.Contains("dupx", StringComparison.Ordinal));
        Assert.Equal($"dyad: {input}:2: document id 'dupx' is already stored with different text; not stored", clash);
        Assert.Contains("Japan and China held talks", events, StringComparison.Ordinal);
        Assert.DoesNotContain("Russia criticised France", events, StringComparison.Ordinal);
        Assert.Equal(2, rerun.ExitCode);
        Assert.Single(rerun.Error.Split('\n'), line => line.Contains("dupx", StringComparison.Ordinal));
        Assert.Equal(events, DyadProcess.Run("events", "--db", cluster).Out);
        using var store = ClickHouseEventStore.Open(cluster, readOnly: true);
        Assert.Equal(2, store.StoredDocumentHashes().Count);
    }
}
