using System.Text;
using System.Text.Json;

namespace Dyad.Storage.Tests;

/// <summary>
/// Fused events do not depend on how an ingest was split into runs or where it was killed: a store reopened fuses
/// the next stories exactly as one uninterrupted run would have.
/// </summary>
public sealed class ResumedFusionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Countries = ["Japan", "China", "Russia", "France", "Germany", "India", "Brazil", "Turkey", "Iran", "Egypt", "Kenya", "Canada"];

    private const string Filler = "The weather was mild. Prices rose slightly. Markets were calm. The harvest was good. Traffic was heavy. Trains ran late. Schools were open.";

    /// <summary>
    /// Meetings reported by several stories, all published on Thursday 5 March 2020, each meeting between its own two
    /// countries. The stories in the first part leave the fuser holding what only it knows; those in the second part
    /// fuse differently if a reopened store forgot it:
    /// <list type="bullet">
    /// <item>a meeting first dated only by publication (so it may be from 2 to 5 March), then "on March 3" (the fused
    /// event narrows to 3 March), then "on Wednesday" (4 March: it fits the first report, not the narrowed event);</item>
    /// <item>one story with talks on Monday in its third sentence and on Wednesday in its eleventh, then a report dated
    /// only by publication, which fits both and joins the one the run stored first (sentence 2, though "…:10:0" sorts
    /// before "…:2:0");</item>
    /// <item>the same across two stories whose ids sort against their order ("…-10" before "…-9").</item>
    /// </list>
    /// Returns the first part's line count.
    /// </summary>
    private static int WriteMeetings(string path, int meetings)
    {
        var first = new List<object>();
        var second = new List<object>();
        object Story(string id, string text) => new { id, date = "2020-03-05", publisher = "Wire " + id, text };
        var pair = 0;
        for (var m = 0; m < meetings; m++)
        {
            // Distinct pairs, so each meeting fuses only with its own reports.
            string a, b;
            do
            {
                a = Countries[pair / Countries.Length];
                b = Countries[pair % Countries.Length];
                pair++;
            }
            while (string.CompareOrdinal(a, b) >= 0);

            switch (m % 3)
            {
                case 0:
                    first.Add(Story($"undated-{m}", $"{a} and {b} held talks, officials said."));
                    first.Add(Story($"exact-{m}", $"{a} and {b} held talks on March 3, officials said."));
                    second.Add(Story($"wednesday-{m}", $"{a} and {b} held talks on Wednesday, officials said."));
                    break;
                case 1:
                    first.Add(Story($"twice-{m}", $"Markets were quiet. Officials met. {a} and {b} held talks on Monday, officials said. {Filler} {a} and {b} held talks on Wednesday, diplomats said."));
                    second.Add(Story($"later-{m}", $"{a} and {b} held talks, officials said."));
                    break;
                default:
                    first.Add(Story($"talks-{m}-9", $"{a} and {b} held talks on Monday, officials said."));
                    first.Add(Story($"talks-{m}-10", $"{a} and {b} held talks on Wednesday, officials said."));
                    second.Add(Story($"talks-{m}-11", $"{a} and {b} held talks, officials said."));
                    break;
            }
        }

        var lines = new StringBuilder();
        foreach (var story in first.Concat(second))
        {
            lines.Append(JsonSerializer.Serialize(story)).Append('\n');
        }

        File.WriteAllText(path, lines.ToString());
        return first.Count;
    }

    /// <summary>The first stories of a JSON Lines file, as a file of their own.</summary>
    private string Head(string corpus, int stories)
    {
        var path = _folder.File($"head-{stories}.jsonl");
        File.WriteAllLines(path, File.ReadLines(corpus).Take(stories));
        return path;
    }

    private static string Events(string db)
    {
        var result = DyadProcess.Run("events", "--db", db);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    /// <summary>Ingests the first stories, then more, then all of them, into one store; and all of them at once into another.</summary>
    private (string Split, string Whole) IngestSplitAndWhole(string corpus, params int[] parts)
    {
        var whole = _folder.File("whole.duckdb");
        var split = _folder.File("split.duckdb");
        var wholeRun = DyadProcess.Run("ingest", corpus, "--db", whole);
        Assert.True(wholeRun.ExitCode == 0, wholeRun.Error);
        foreach (var input in parts.Select(stories => Head(corpus, stories)).Append(corpus))
        {
            var run = DyadProcess.Run("ingest", input, "--db", split);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        return (split, whole);
    }

    [Fact]
    public void Meetings_ingested_in_two_runs_fuse_exactly_as_in_one()
    {
        var corpus = _folder.File("meetings.jsonl");
        var firstPart = WriteMeetings(corpus, 12);

        var (split, whole) = IngestSplitAndWhole(corpus, firstPart);

        AssertSameFusion(split, whole, fusedMentions: 3);
    }

    /// <summary>The split store holds what the whole one does, and fusion really joined reports (or the test proves nothing).</summary>
    private static void AssertSameFusion(string split, string whole, int fusedMentions)
    {
        var events = Events(whole);
        Assert.Contains($"\"num_mentions\":{fusedMentions}", events, StringComparison.Ordinal);
        Assert.Equal(events, Events(split));
        Assert.Equal(Tables.Dump(whole), Tables.Dump(split));
    }

    [SkippableFact]
    public void Reuters_stories_ingested_in_three_runs_fuse_exactly_as_in_one()
    {
        var reuters = Path.Combine(DyadProcess.RepoRoot, "..", "shared", "data", "reuters21578", "reuters21578.jsonl");
        Skip.IfNot(File.Exists(reuters), $"{reuters} is not available");
        // Story 1,646 (reuters-1777) reports US-Soviet talks that two stored events fit: the first stored
        // (reuters-180) in one run, but reuters-1290 if the store was reopened in between and sorted by id.
        var corpus = Head(reuters, 1700);

        var (split, whole) = IngestSplitAndWhole(corpus, 600, 1500);

        AssertSameFusion(split, whole, fusedMentions: 2);
    }

    [Fact]
    public void An_ingest_killed_three_times_and_rerun_fuses_exactly_as_one_uninterrupted_run()
    {
        // Enough stories (about 100) that a run cannot finish them all while the test is still reading the line that
        // says a batch was committed, even on a loaded machine; with 12 meetings the third run sometimes did.
        var corpus = _folder.File("meetings.jsonl");
        WriteMeetings(corpus, 36);
        var whole = _folder.File("whole.duckdb");
        var killed = _folder.File("killed.duckdb");
        Assert.Equal(0, DyadProcess.Run("ingest", corpus, "--db", whole, "--batch", "2").ExitCode);

        // Kill points drawn once, the same on every run: each rerun resumes from a reopened store and is killed again.
        var random = new Random(20261129);
        var stored = new List<long>();
        for (var kill = 0; kill < 3; kill++)
        {
            var after = random.Next(1, 4);
            using var process = DyadProcess.Start("ingest", corpus, "--db", killed, "--batch", "2", "--verbose");
            var committed = 0;
            while (process.StandardError.ReadLine() is { } line)
            {
                if (line.Contains("committed batch", StringComparison.Ordinal) && ++committed == after)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            process.WaitForExit();
            stored.Add(Tables.Count(killed, "documents"));
        }

        // Every run stored a batch or more before its kill, and the last kill still left stories to store.
        Assert.True(stored[0] > 0 && stored[0] < stored[1] && stored[1] < stored[2] && stored[2] < File.ReadLines(corpus).Count(), string.Join(", ", stored));
        var rerun = DyadProcess.Run("ingest", corpus, "--db", killed, "--batch", "2");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Events(whole), Events(killed));
        Assert.Equal(Tables.Dump(whole), Tables.Dump(killed));
    }
}
