using System.Globalization;
using Dyad.Cli;
using Dyad.Storage;

namespace Dyad.Tests.Cli;

/// <summary>
/// The timeline PNG (<c>dyad timeline A B --png FILE</c>): a date axis whose labels do not overlap however many periods
/// there are, whole-number count ticks. The 50-month chart is written to TestResults/screenshots/ to be looked at.
/// </summary>
public sealed class TimelineChartTests
{
    /// <summary>
    /// Periods from <paramref name="first"/> on, one to four events in each, every seventh empty (no mean score), as
    /// <see cref="TimelinePeriods.FillGaps"/> gives them.
    /// </summary>
    private static List<TimelineRow> Periods(string by, DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var start = by switch { "week" => first.AddDays(7 * i), "year" => first.AddYears(i), _ => first.AddMonths(i) };
            var name = TimelinePeriods.Name(start, by);
            return i % 7 == 3
                ? new TimelineRow(name, 0, 0, 0, 0, null)
                : new TimelineRow(name, i % 3, (i + 1) % 2, i % 4 == 0 ? 1 : 0, i % 5 == 0 ? 2 : 0, (i % 9) - 4.5);
        }).ToList();

    [Theory]
    [InlineData("month", "2020-01-01", 50)]
    [InlineData("week", "2023-01-02", 50)]
    [InlineData("year", "1950-01-01", 50)]
    [InlineData("month", "1978-01-01", 120)]
    [InlineData("week", "1933-01-02", 2800)]
    [InlineData("month", "2024-01-01", 3)]
    public void Date_labels_do_not_overlap_and_name_real_dates_in_order(string by, string first, int count)
    {
        var rows = Periods(by, DateOnly.Parse(first, CultureInfo.InvariantCulture), count);

        var chart = TimelineChart.Create(rows, by, "A – B");

        var labels = chart.Labels;
        Assert.True(labels.Count >= Math.Min(3, count), $"{labels.Count} labels for {count} periods");
        foreach (var (left, right) in labels.Zip(labels.Skip(1)))
        {
            Assert.True(right.Left - left.Right >= TimelineChart.LabelGap, $"'{left.Text}' ends at {left.Right:0.#} px, '{right.Text}' starts at {right.Left:0.#} px");
            Assert.True(right.Period > left.Period);
        }

        Assert.All(labels, l => Assert.InRange(l.Left, 0, chart.Width));
        Assert.All(labels, l => Assert.InRange(l.Right, 0, chart.Width));
        // Each label is a date (a day, a month or a year) within the period it stands under.
        foreach (var label in labels)
        {
            var start = TimelinePeriods.Start(rows[label.Period].Period, by)!.Value;
            var named = label.Text.Length switch { 4 => label.Text + "-01-01", 7 => label.Text + "-01", _ => label.Text };
            var day = DateOnly.ParseExact(named, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(day >= start && day < (by switch { "week" => start.AddDays(7), "year" => start.AddYears(1), _ => start.AddMonths(1) }), $"{label.Text} under {rows[label.Period].Period}");
        }
    }

    [Fact]
    public void A_fifty_month_chart_has_thinned_date_labels_and_whole_number_count_ticks()
    {
        var rows = Periods("month", new DateOnly(2020, 1, 1), 50);

        var chart = TimelineChart.Create(rows, "month", "JPN – KOR, by month");

        Assert.InRange(chart.Labels.Count, 4, 25);
        Assert.Equal(0, chart.CountTicks[0]);
        Assert.True(chart.CountTicks[^1] >= rows.Max(r => r.Total));
        Assert.Single(chart.CountTicks.Zip(chart.CountTicks.Skip(1), (a, b) => b - a).Distinct());
        var folder = Path.Combine(SharedData.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var png = Path.Combine(folder, "4-timeline-50.png");
        chart.SavePng(png);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Theory]
    [InlineData(0, new[] { 0, 1 })]
    [InlineData(3, new[] { 0, 1, 2, 3 })]
    [InlineData(4, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(9, new[] { 0, 2, 4, 6, 8, 10 })]
    [InlineData(37, new[] { 0, 5, 10, 15, 20, 25, 30, 35, 40 })]
    [InlineData(1234, new[] { 0, 200, 400, 600, 800, 1000, 1200, 1400 })]
    public void Count_ticks_are_whole_numbers_from_zero_past_the_tallest_bar(int max, int[] expected)
    {
        Assert.Equal(expected, TimelineChart.CountScale(max));
    }
}
