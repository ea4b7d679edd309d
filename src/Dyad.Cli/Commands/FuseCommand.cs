using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Storage.ClickHouse;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad fuse --db clickhouse://...</c>: fuse all stored mentions again (each ingest does this when it ends).</summary>
internal static class FuseCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOptions.Db();
        var command = new Command("fuse", "ClickHouse: fuse every stored mention into events again (ingest does this when it ends; run it after interrupted ingests).") { db };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            if (StoreOptions.IsFile(path))
            {
                context.Error.WriteLine("dyad: a DuckDB store fuses as it ingests; nothing to do");
                return CliErrors.Success;
            }

            var watch = Stopwatch.StartNew();
            using var store = (ClickHouseEventStore)StoreOptions.Open(path, readOnly: false);
            store.Fuse();
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: fused in {watch.Elapsed.TotalSeconds:F1} s"));
            return CliErrors.Success;
        });
        return command;
    }
}
