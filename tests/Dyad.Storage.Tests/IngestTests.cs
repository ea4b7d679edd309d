using System.Security.Cryptography;
using System.Text.Json;

namespace Dyad.Storage.Tests;

/// <summary>Ingest on real DuckDB files: idempotent, resumable after a kill, and harmless to locked or corrupt stores.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ingesting_the_same_stories_twice_adds_nothing()
    {
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 30);
        var db = _folder.File("twice.duckdb");

        var first = DyadProcess.Run("ingest", corpus, "--db", db);
        var afterFirst = Tables.Dump(db);
        var second = DyadProcess.Run("ingest", corpus, "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(30, Tables.Count(db, "documents"));
        Assert.True(Tables.Count(db, "events") > 0);
        Assert.Equal(afterFirst, Tables.Dump(db));
        Assert.Contains("ingested 0 stories (30 already stored", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_killed_ingest_rerun_gives_exactly_the_rows_of_an_uninterrupted_run()
    {
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 400);
        var whole = _folder.File("whole.duckdb");
        var killed = _folder.File("killed.duckdb");
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", whole, "--batch", "10").ExitCode);

        using (var process = DyadProcess.Start("ingest", corpus, "--db", killed, "--batch", "10", "--verbose"))
        {
            // Wait for a few committed batches, then kill it mid-run.
            var committed = 0;
            while (process.StandardError.ReadLine() is { } line)
            {
                if (line.Contains("committed batch", StringComparison.Ordinal) && ++committed == 3)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            process.WaitForExit();
        }

        var partial = Tables.Count(killed, "documents");
        Assert.InRange(partial, 30, 399);

        var rerun = DyadProcess.Run("ingest", corpus, "--db", killed, "--batch", "10");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Tables.Dump(whole), Tables.Dump(killed));
    }

    [Fact]
    public void A_second_story_under_a_stored_id_is_reported_and_not_stored_and_a_rerun_changes_nothing()
    {
        var input = Stories.WriteIdClash(_folder.File("dupx.jsonl"));
        var db = _folder.File("dupx.duckdb");

        var first = DyadProcess.Run("ingest", input, "--db", db);
        var afterFirst = Tables.Dump(db);
        var rerun = DyadProcess.Run("ingest", input, "--db", db);

        Assert.Equal(2, first.ExitCode);
        var clash = Assert.Single(first.Error.Split('\n'), line => line.Contains("dupx", StringComparison.Ordinal));
        Assert.Equal($"dyad: {input}:2: document id 'dupx' is already stored with different text; not stored", clash);
        Assert.Contains("ingested 2 stories (0 already stored, 1 failed)", first.Error, StringComparison.Ordinal);
        Assert.Equal(2, Tables.Count(db, "documents"));
        Assert.Contains("Japan and China held talks", afterFirst, StringComparison.Ordinal);
        Assert.DoesNotContain("Russia criticised France", afterFirst, StringComparison.Ordinal);

        Assert.Equal(2, rerun.ExitCode);
        Assert.Single(rerun.Error.Split('\n'), line => line.Contains("dupx", StringComparison.Ordinal));
        Assert.Equal(afterFirst, Tables.Dump(db));
    }

    [Fact]
    public void The_same_story_under_the_same_id_twice_is_stored_once_without_complaint()
    {
        var line = JsonSerializer.Serialize(new { id = "twice", date = "2020-03-05", text = "Japan and China held talks on Monday, officials said." });
        var input = _folder.File("twice.jsonl");
        File.WriteAllLines(input, [line, line]);
        var db = _folder.File("twice.duckdb");

        var result = DyadProcess.Run("ingest", input, "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ingested 1 story (1 already stored, 0 failed)", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, Tables.Count(db, "documents"));
    }

    [Fact]
    public void A_corrupt_store_is_a_clear_error_and_is_left_unchanged()
    {
        var db = _folder.File("corrupt.duckdb");
        File.WriteAllBytes(db, RandomNumberGenerator.GetBytes(64 * 1024));
        var before = SHA256.HashData(File.ReadAllBytes(db));
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 3);

        var result = DyadProcess.Run("ingest", corpus, "--db", db);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dyad: ", line, StringComparison.Ordinal);
        Assert.Contains("not a DuckDB file", line, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.False(File.Exists(db + ".wal"));
    }

    [Fact]
    public void A_locked_store_is_a_clear_error_and_is_left_unchanged()
    {
        var db = _folder.File("locked.duckdb");
        var corpus = Stories.WriteCorpus(_folder.File("corpus.jsonl"), 5);
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", db).ExitCode);
        var before = Tables.Dump(db);
        var more = Stories.WriteCorpus(_folder.File("more.jsonl"), 8);

        (int ExitCode, string Out, string Error) result;
        using (DuckDbEventStore.Open(db))
        {
            result = DyadProcess.Run("ingest", more, "--db", db);
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^dyad: .*locked by another process.*\n$", result.Error);
        Assert.Equal(before, Tables.Dump(db));
    }

    [Fact]
    public void A_DuckDB_file_of_another_application_is_refused_and_left_unchanged()
    {
        var db = _folder.File("other.duckdb");
        using (var connection = new global::DuckDB.NET.Data.DuckDBConnection($"Data Source={db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)";
            command.ExecuteNonQuery();
        }

        var before = SHA256.HashData(File.ReadAllBytes(db));

        var error = Assert.Throws<StoreException>(() => DuckDbEventStore.Open(db));

        Assert.Contains("not a Dyad store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
    }

    [Fact]
    public void Opening_a_store_made_by_an_older_version_migrates_it_and_keeps_its_data()
    {
        var db = _folder.File("old.duckdb");
        using (var old = DuckDbEventStore.Open(db, migrateTo: 1))
        {
            // What a version-1 Dyad wrote: an event row without the columns later versions added.
            old.Execute("INSERT INTO documents VALUES ('old-1', 'hash', DATE '2016-11-28', 'Wire', NULL, NULL, 'Japan criticised China on Monday.', 1)");
            old.Execute("""
                INSERT INTO events VALUES ('old-1:0:0', 'JPN', 'JPN', 'CHN', 'CHN', '111', '11', 3, -2.0, DATE '2016-11-28', DATE '2016-11-28', 'day',
                    NULL, NULL, NULL, NULL, 'asserted', false, false, 0.85, 1, 1, 1, 'old-1', '{"text": "Japan criticised China on Monday."}')
                """);
            Assert.Equal("1", old.Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'"));
            Assert.Equal(1, old.SchemaVersion);
        }

        using var store = DuckDbEventStore.Open(db);

        Assert.Equal("2", store.Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(2, store.SchemaVersion);
        var e = Assert.Single(store.Events(new EventQuery()));
        Assert.Equal("111", e.Cameo);
        Assert.Single(store.Events(new EventQuery { Text = "criticised china" }));
    }
}
