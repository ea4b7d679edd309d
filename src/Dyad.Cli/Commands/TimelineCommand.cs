using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Storage;

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
                TimelineChart.Create(rows, parse.GetValue(by)!, $"{first} – {second}, by {parse.GetValue(by)}").SavePng(path);
                // A summary, not an error: no "dyad: " prefix.
                context.Error.WriteLine($"drew the timeline to {path}");
            }

            return CliErrors.Success;
        });
        return command;
    }
}
