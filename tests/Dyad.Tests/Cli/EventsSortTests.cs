using System.Globalization;

namespace Dyad.Tests.Cli;

/// <summary>A store of the bundled samples, ingested once by the program.</summary>
public sealed class SampleStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-sample-store-").FullName;

    public SampleStore()
    {
        Path = System.IO.Path.Combine(_folder, "samples.duckdb");
        var result = CliRunner.Run("ingest", Samples, "--date", "2024-01-15", "--db", Path, "--workers", "1", "--quiet");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest failed: {result.Error}");
        }
    }

    public static string Samples { get; } = System.IO.Path.Combine(RepoRoot(), "samples");

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "samples")) && File.Exists(System.IO.Path.Combine(dir.FullName, "README.md")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no repository root above " + AppContext.BaseDirectory);
    }
}

/// <summary><c>dyad events</c> lists the newest events first unless --sort says otherwise.</summary>
public sealed class EventsSortTests(SampleStore store) : IClassFixture<SampleStore>
{
    private IReadOnlyList<string[]> Rows(params string[] more)
    {
        var result = CliRunner.Run(["events", "--db", store.Path, "--format", "tsv", .. more]);
        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.True(lines.Count > 5, result.Out);
        return [.. lines.Skip(1).Select(l => l.Split('\t'))];
    }

    private static DateOnly Start(string[] row) => DateOnly.ParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Newest_first_by_default()
    {
        var starts = Rows().Select(Start).ToList();

        Assert.Equal(starts.OrderByDescending(d => d), starts);
        Assert.NotEqual(starts[0], starts[^1]);
    }

    [Fact]
    public void Oldest_first_when_asked()
    {
        var starts = Rows("--sort", "oldest").Select(Start).ToList();

        Assert.Equal(starts.Order(), starts);
        Assert.NotEqual(starts[0], starts[^1]);
    }

    [Fact]
    public void Most_conflictual_first_by_goldstein()
    {
        var header = CliRunner.Run("events", "--db", store.Path, "--format", "tsv", "--limit", "1").OutLines[0].Split('\t');
        var goldstein = Array.IndexOf(header, "goldstein");
        Assert.True(goldstein >= 0, string.Join(',', header));

        var scores = Rows("--sort", "conflict").Select(r => double.Parse(r[goldstein], CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(scores.Order(), scores);
        Assert.True(scores[0] < 0);
    }

    [Fact]
    public void A_written_file_is_reported_without_the_error_prefix_and_with_the_right_plural()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-events-out-").FullName;
        try
        {
            var one = Path.Combine(folder, "one.parquet");
            var all = Path.Combine(folder, "all.parquet");

            var single = CliRunner.Run("events", "--db", store.Path, "--limit", "1", "--format", "parquet", "--out", one);
            var many = CliRunner.Run("events", "--db", store.Path, "--format", "parquet", "--out", all);

            Assert.Equal(0, single.ExitCode);
            Assert.Equal($"wrote 1 event to {one}", Assert.Single(single.ErrorLines));
            Assert.Matches(@"^wrote \d+ events to ", Assert.Single(many.ErrorLines));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
