using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Storage;

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

            // Only a shared store fuses apart from its ingests. A file is not opened to find out, since opening a
            // missing one for writing would create a store.
            if (!StoreOptions.IsFile(path))
            {
                var watch = Stopwatch.StartNew();
                using var store = StoreOptions.Open(path, readOnly: false);
                if (store is ISharedEventStore shared)
                {
                    shared.Fuse();
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fused in {watch.Elapsed.TotalSeconds:F1} s"));
                    return CliErrors.Success;
                }
            }

            context.Error.WriteLine("a DuckDB store fuses as it ingests; nothing to do");
            return CliErrors.Success;
        });
        return command;
    }
}
