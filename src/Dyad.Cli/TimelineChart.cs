using System.Globalization;
using Dyad.Storage;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Dyad.Cli;

/// <summary>One label of the date axis as drawn: the period it names, its text and its box's left and right pixels.</summary>
internal sealed record AxisLabel(int Period, string Text, double Left, double Right);

/// <summary>
/// A dyad's timeline as a chart: stacked bars of events per quad class on an integer count scale, the mean Goldstein
/// score as a line on its own -10 … +10 scale, a date axis whose labels never overlap (the finest calendar step whose
/// labels fit: every period, every few months, every year, every few years) and the legend below the plot, outside
/// the bars.
/// </summary>
internal sealed class TimelineChart
{
    /// <summary>Space kept free between two neighbouring labels of the date axis, in pixels.</summary>
    public const double LabelGap = 8;

    private static readonly (string Name, Func<TimelineRow, int> Count, string Color)[] Series =
    [
        ("verbal cooperation", r => r.VerbalCooperation, "#4e79a7"),
        ("material cooperation", r => r.MaterialCooperation, "#59a14f"),
        ("verbal conflict", r => r.VerbalConflict, "#f28e2b"),
        ("material conflict", r => r.MaterialConflict, "#e15759"),
    ];

    private readonly Plot _plot;

    private TimelineChart(Plot plot, int width, int height, IReadOnlyList<AxisLabel> labels, IReadOnlyList<int> countTicks)
    {
        _plot = plot;
        Width = width;
        Height = height;
        Labels = labels;
        CountTicks = countTicks;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The date axis's labels where the last render put them.</summary>
    public IReadOnlyList<AxisLabel> Labels { get; }

    /// <summary>The event-count axis's ticks: whole numbers, since counts are whole events.</summary>
    public IReadOnlyList<int> CountTicks { get; }

    public static TimelineChart Create(IReadOnlyList<TimelineRow> rows, string by, string title, int width = 1000, int height = 500)
    {
        var plot = new Plot();
        var bottoms = new double[rows.Count];
        foreach (var (name, count, color) in Series)
        {
            var bars = rows.Select((row, i) => new Bar { Position = i, ValueBase = bottoms[i], Value = bottoms[i] + count(row), FillColor = Color.FromHex(color), LineWidth = 0 }).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                bottoms[i] += count(rows[i]);
            }

            plot.Add.Bars(bars).LegendText = name;
        }

        // The mean Goldstein score as a line through the periods that have events; an empty period breaks it.
        var legendGiven = false;
        foreach (var run in Runs(rows))
        {
            var line = plot.Add.Scatter(run.Select(i => (double)i).ToArray(), run.Select(i => rows[i].MeanGoldstein!.Value).ToArray(), Color.FromHex("#333333"));
            line.Axes.YAxis = plot.Axes.Right;
            line.MarkerSize = 4;
            line.LineWidth = 1.5f;
            if (!legendGiven)
            {
                line.LegendText = "mean Goldstein (right scale)";
                legendGiven = true;
            }
        }

        var countTicks = CountScale(rows.Count == 0 ? 0 : rows.Max(r => r.Total));
        var left = new NumericManual();
        foreach (var tick in countTicks)
        {
            left.AddMajor(tick, tick.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Left.Label.Text = "events";
        var right = new NumericManual();
        foreach (var tick in new[] { -10, -5, 0, 5, 10 })
        {
            right.AddMajor(tick, tick.ToString("+0;-0;0", CultureInfo.InvariantCulture));
        }

        plot.Axes.Right.TickGenerator = right;
        plot.Axes.Right.Label.Text = "mean Goldstein score";
        plot.Axes.SetLimitsX(-0.5, Math.Max(rows.Count, 1) - 0.5);
        plot.Axes.SetLimitsY(0, countTicks[^1] * 1.05, plot.Axes.Left);
        plot.Axes.SetLimitsY(-10.5, 10.5, plot.Axes.Right);
        plot.Title(title);
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Bottom.Label.Text = by;

        // Lay the chart out once to learn where each period falls, then choose the date labels that fit there.
        plot.Axes.Bottom.TickGenerator = new NumericManual();
        plot.RenderInMemory(width, height);
        var choice = ChooseLabels(rows, by, i => plot.GetPixel(new Coordinates(i, 0)).X, text => Measure(plot, text));
        var bottom = new NumericManual();
        var labelled = choice.ToDictionary(c => c.Period, c => c.Text);
        for (var i = 0; i < rows.Count; i++)
        {
            if (labelled.TryGetValue(i, out var text))
            {
                bottom.AddMajor(i, text);
            }
            else
            {
                bottom.AddMinor(i);
            }
        }

        plot.Axes.Bottom.TickGenerator = bottom;
        plot.RenderInMemory(width, height);
        var labels = choice.Select(c =>
        {
            var x = plot.GetPixel(new Coordinates(c.Period, 0)).X;
            var half = Measure(plot, c.Text) / 2;
            return new AxisLabel(c.Period, c.Text, x - half, x + half);
        }).ToList();
        return new TimelineChart(plot, width, height, labels, countTicks);
    }

    public void SavePng(string path) => _plot.SavePng(path, Width, Height);

    /// <summary>
    /// The date labels: the finest of the candidate steps (each period; then calendar months, years, decades …
    /// whose start falls in a period) whose labels, centred on their periods, keep <see cref="LabelGap"/> apart.
    /// </summary>
    internal static IReadOnlyList<(int Period, string Text)> ChooseLabels(IReadOnlyList<TimelineRow> rows, string by, Func<int, double> centre, Func<string, double> width)
    {
        var starts = rows.Select(r => TimelinePeriods.Start(r.Period, by)).ToList();
        if (starts.Any(s => s is null))
        {
            // Periods the chart cannot read as dates: label them all.
            return rows.Select((r, i) => (i, r.Period)).ToList();
        }

        IReadOnlyList<(int, string)> last = [];
        foreach (var candidate in Candidates(by))
        {
            var labels = new List<(int Period, string Text)>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (candidate(i, starts[i]!.Value, Next(starts[i]!.Value, by)) is { } text)
                {
                    labels.Add((i, text));
                }
            }

            if (labels.Count == 0)
            {
                continue;
            }

            last = labels;
            if (Fits(labels, centre, width))
            {
                return labels;
            }
        }

        // Not even the coarsest step fits (a chart too narrow for its span): the first and, if it fits, nothing else.
        return rows.Count == 0 ? [] : last.Count > 0 ? [last[0]] : [(0, rows[0].Period)];
    }

    private static bool Fits(List<(int Period, string Text)> labels, Func<int, double> centre, Func<string, double> width)
    {
        for (var i = 1; i < labels.Count; i++)
        {
            var previousRight = centre(labels[i - 1].Period) + width(labels[i - 1].Text) / 2;
            var left = centre(labels[i].Period) - width(labels[i].Text) / 2;
            if (left - previousRight < LabelGap)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Label candidates from finest to coarsest: each takes a period's index and its first and next period's first
    /// days and names the period, or not.
    /// </summary>
    private static IEnumerable<Func<int, DateOnly, DateOnly, string?>> Candidates(string by)
    {
        if (by == "week")
        {
            foreach (var step in new[] { 1, 2, 4 })
            {
                yield return (i, start, _) => i % step == 0 ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        }

        if (by is "week" or "month")
        {
            foreach (var step in new[] { 1, 2, 3, 6 })
            {
                yield return (_, start, end) => FirstOfMonthIn(start, end) is { } first && (first.Month - 1) % step == 0 ? first.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;
            }
        }

        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 })
        {
            yield return (_, start, end) => FirstOfYearIn(start, end) is { } first && first.Year % step == 0 ? first.ToString("yyyy", CultureInfo.InvariantCulture) : null;
        }
    }

    private static DateOnly? FirstOfMonthIn(DateOnly start, DateOnly end)
    {
        if (start.Day != 1 && start.Year == DateOnly.MaxValue.Year && start.Month == 12)
        {
            return null;
        }

        var first = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        return first < end ? first : null;
    }

    private static DateOnly? FirstOfYearIn(DateOnly start, DateOnly end)
    {
        if (start.DayOfYear != 1 && start.Year == DateOnly.MaxValue.Year)
        {
            return null;
        }

        var first = start.DayOfYear == 1 ? start : new DateOnly(start.Year + 1, 1, 1);
        return first < end ? first : null;
    }

    /// <summary>The first day after a period (the calendar's last day for the last period there is).</summary>
    private static DateOnly Next(DateOnly start, string by) =>
        by switch
        {
            "week" => DateOnly.FromDayNumber(Math.Min(start.DayNumber + 7, DateOnly.MaxValue.DayNumber)),
            "year" => start.Year < DateOnly.MaxValue.Year ? start.AddYears(1) : DateOnly.MaxValue,
            _ => start.Year < DateOnly.MaxValue.Year || start.Month < 12 ? start.AddMonths(1) : DateOnly.MaxValue,
        };

    /// <summary>Whole-number ticks from zero to at least the tallest bar, at most about eight of them.</summary>
    internal static IReadOnlyList<int> CountScale(int max)
    {
        var step = 1;
        foreach (var candidate in new[] { 1, 2, 5 }.SelectMany(f => Enumerable.Range(0, 8).Select(p => f * (int)Math.Pow(10, p))).Order())
        {
            step = candidate;
            if ((max + candidate - 1) / candidate <= 8)
            {
                break;
            }
        }

        var top = Math.Max(1, (max + step - 1) / step) * step;
        return Enumerable.Range(0, top / step + 1).Select(k => k * step).ToList();
    }

    /// <summary>Runs of consecutive periods that have a mean Goldstein score.</summary>
    private static IEnumerable<List<int>> Runs(IReadOnlyList<TimelineRow> rows)
    {
        var run = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].MeanGoldstein is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
            }
            else
            {
                run.Add(i);
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static double Measure(Plot plot, string text)
    {
        var style = plot.Axes.Bottom.TickLabelStyle;
        var probe = new LabelStyle { Text = text, FontName = style.FontName, FontSize = style.FontSize, Bold = style.Bold };
        using var paint = Paint.NewDisposablePaint();
        return probe.Measure(paint).Width;
    }
}
