using System.Text.Json;

namespace Dyad.Storage.Tests;

/// <summary><c>dyad timeline</c>'s table: every period from the first with events to the last, quiet ones as zeros.</summary>
public sealed class TimelineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Empty_months_between_the_first_and_the_last_are_rows_of_zeros()
    {
        var stories = _folder.File("gaps.jsonl");
        File.WriteAllLines(stories,
        [
            JsonSerializer.Serialize(new { id = "jan", date = "2024-01-17", publisher = "Wire", text = "Japan and China held talks in Geneva on Monday, officials said." }),
            JsonSerializer.Serialize(new { id = "apr", date = "2024-04-18", publisher = "Wire", text = "Japan accused China of spying, state media reported." }),
            JsonSerializer.Serialize(new { id = "jun", date = "2024-06-12", publisher = "Wire", text = "China criticised Japan over its border policy." }),
        ]);
        var db = _folder.File("gaps.duckdb");
        var ingest = DyadProcess.Run("ingest", stories, "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        var png = _folder.File("gaps.png");
        var timeline = DyadProcess.Run("timeline", "JPN", "CHN", "--by", "month", "--db", db, "--png", png);

        Assert.True(timeline.ExitCode == 0, timeline.Error);
        // Saying where the chart went is a summary, not an error: no "dyad: " prefix (which marks errors).
        Assert.Equal($"drew the timeline to {png}", timeline.Error.Trim());
        Assert.True(new FileInfo(png).Length > 0);
        var rows = timeline.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split('\t')).ToArray();
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"], rows.Select(r => r[0]));
        Assert.Equal(["1", "0", "0", "1", "0", "1"], rows.Select(r => r[5]));
        // A month without events has no mean Goldstein score: the cell is empty, not a zero that reads as neutral.
        Assert.Equal(["", "", ""], rows.Where(r => r[5] == "0").Select(r => r[6]));
        Assert.All(rows.Where(r => r[5] == "0"), r => Assert.Equal(["0", "0", "0", "0"], r[1..5]));
    }

    [Theory]
    [InlineData("week", "2024-01-01,2024-01-22", "2024-01-01,2024-01-08,2024-01-15,2024-01-22")]
    [InlineData("month", "2023-11,2024-02", "2023-11,2023-12,2024-01,2024-02")]
    [InlineData("year", "1999,2002,2003", "1999,2000,2001,2002,2003")]
    [InlineData("month", "2024-01,2024-02", "2024-01,2024-02")]
    public void Gaps_are_filled_per_week_month_and_year(string by, string periods, string expected)
    {
        var rows = periods.Split(',').Select(p => new TimelineRow(p, 1, 0, 0, 0, 1.5)).ToList();

        var filled = TimelinePeriods.FillGaps(rows, by);

        Assert.Equal(expected.Split(','), filled.Select(r => r.Period));
        Assert.All(filled.Where(r => !periods.Split(',').Contains(r.Period)), r => Assert.Equal((0, null), (r.Total, r.MeanGoldstein)));
    }
}
