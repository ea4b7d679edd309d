using System.Text.RegularExpressions;
using Dyad.Cli;

namespace Dyad.Tests.Cli;

/// <summary>
/// Progress of <c>dyad ingest</c> and <c>dyad code</c> on standard error when it is not a terminal: one line per
/// interval (zero here, so one per story), never prefixed like an error, counts with the right plurals.
/// </summary>
public sealed partial class ProgressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Stories(int count)
    {
        var folder = Path.Combine(_folder, "stories");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"story{i}.txt"), $"Japanese officials met Chinese officials in Beijing on Monday about fishing zone {i}.");
        }

        return folder;
    }

    private static CliRunner.Result Run(params string[] args) => CliRunner.RunWithContext(TimeSpan.Zero, args);

    [GeneratedRegex(@"^ingest: (\d+) of 3 stories \(\d+ %\), [\d,]+ events?(, [\d.]+ stories/s(, about .+ left)?)?$")]
    private static partial Regex IngestLine();

    [Fact]
    public void Ingest_off_a_terminal_writes_a_line_per_interval_and_a_summary_without_the_error_prefix()
    {
        var result = Run("ingest", Stories(3), "--date", "2016-11-28", "--db", Path.Combine(_folder, "s.duckdb"), "--workers", "1");

        Assert.Equal(0, result.ExitCode);
        var lines = result.ErrorLines;
        Assert.Equal(4, lines.Count);
        Assert.Equal(["1", "2", "3"], lines.Take(3).Select(l => IngestLine().Match(l)).Select(m => m.Success ? m.Groups[1].Value : m.ToString()));
        Assert.Matches(@"^ingested 3 stories \(0 already stored, 0 failed\), \d+ events? in ", lines[3]);
        Assert.DoesNotContain(lines, l => l.StartsWith("dyad: ", StringComparison.Ordinal));
    }

    [Fact]
    public void One_story_is_a_story_in_the_summary()
    {
        var story = Path.Combine(_folder, "one.txt");
        File.WriteAllText(story, "Japan condemned the launch.");

        var result = Run("ingest", story, "--date", "2016-11-28", "--db", Path.Combine(_folder, "one.duckdb"), "--quiet");
        var again = Run("ingest", story, "--date", "2016-11-28", "--db", Path.Combine(_folder, "one.duckdb"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Matches(@"^ingested 0 stories \(1 already stored, 0 failed\), 0 events in ", Assert.Single(again.ErrorLines));
    }

    [Fact]
    public void Quiet_silences_progress()
    {
        var result = Run("ingest", Stories(3), "--date", "2016-11-28", "--db", Path.Combine(_folder, "q.duckdb"), "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Code_writes_progress_to_standard_error_and_only_events_to_standard_output()
    {
        var result = Run("code", Stories(2), "--date", "2016-11-28", "--format", "tsv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["code: 1 of 2 stories (50 %)", "code: 2 of 2 stories (100 %)"], result.ErrorLines.Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
        Assert.All(result.OutLines.Skip(1), line => Assert.StartsWith("story", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "0 stories")]
    [InlineData(1, "1 story")]
    [InlineData(2, "2 stories")]
    [InlineData(12000, "12,000 stories")]
    public void Counts_have_the_right_plural(long count, string expected) =>
        Assert.Equal(expected, Counts.Of(count, "story", "stories"));
}
