using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Storage;
using ScottPlot;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad timeline A B [--by week|month|year] [--png FILE]</c>: a dyad's relations over time.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "An actor code prefix (JPN)." };
        var b = new Argument<string>("B") { Description = "Another actor code prefix (PRK)." };
        var db = StoreOptions.Db();
        var by = new Option<string>("--by") { Description = "week, month (default) or year.", DefaultValueFactory = _ => "month" };
        OptionValues.OneOf(by, ["week", "month", "year"]);
        var directed = new Option<bool>("--directed") { Description = "Only events from A to B." };
        var png = new Option<string?>("--png") { Description = "Also draw the timeline to this PNG file." };
        var partial = StoreOptions.Partial();
        var command = new Command("timeline", "Events per quad class and mean Goldstein score per period between two actors.\nExample: dyad timeline JPN PRK --by month --png jpn-prk.png")
        {
            a, b, db, by, directed, png, partial,
        };
        command.SetAction(parse =>
        {
            var first = EventsCommand.Code(parse.GetValue(a), "A")!;
            var second = EventsCommand.Code(parse.GetValue(b), "B")!;
            using var store = StoreOptions.Open(parse.GetValue(db)!, readOnly: true, parse.GetValue(partial));
            var rows = store.Timeline(new ActorPair(first, second, parse.GetValue(directed)), parse.GetValue(by)!);
            var table = new StringBuilder();
            table.AppendLine("period\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\ttotal\tmean_goldstein");
            foreach (var row in rows)
            {
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{row.Period}\t{row.VerbalCooperation}\t{row.MaterialCooperation}\t{row.VerbalConflict}\t{row.MaterialConflict}\t{row.Total}\t{row.MeanGoldstein:0.###}");
            }

            context.Out.Write(Encoding.UTF8.GetBytes(table.ToString()));
            context.Out.Flush();
            if (parse.GetValue(png) is { } path)
            {
                Draw(rows, $"{first} – {second}", path);
                context.Error.WriteLine($"dyad: drew {path}");
            }

            return CliErrors.Success;
        });
        return command;
    }

    private static void Draw(IReadOnlyList<TimelineRow> rows, string title, string path)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
        var series = new (string Name, Func<TimelineRow, int> Count, string Color)[]
        {
            ("verbal cooperation", r => r.VerbalCooperation, "#4e79a7"),
            ("material cooperation", r => r.MaterialCooperation, "#59a14f"),
            ("verbal conflict", r => r.VerbalConflict, "#f28e2b"),
            ("material conflict", r => r.MaterialConflict, "#e15759"),
        };
        var bottoms = new double[rows.Count];
        foreach (var (name, count, color) in series)
        {
            var bars = rows.Select((row, i) => new Bar { Position = i, ValueBase = bottoms[i], Value = bottoms[i] + count(row), FillColor = Color.FromHex(color) }).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                bottoms[i] += count(rows[i]);
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = name;
        }

        var goldstein = plot.Add.Scatter(positions, rows.Select(r => r.MeanGoldstein).ToArray());
        goldstein.LegendText = "mean Goldstein";
        goldstein.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "mean Goldstein";
        plot.Axes.Left.Label.Text = "events";
        plot.Axes.Bottom.SetTicks(positions, rows.Select(r => r.Period).ToArray());
        plot.Title(title);
        plot.ShowLegend();
        plot.SavePng(path, 1000, 500);
    }
}
