using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Dyad.Web;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad serve [--db PATH] [--urls URL]</c>: the HTTP API and the web page, read-only on the store.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var partial = StoreOptions.Partial();
        var command = new Command("serve", "Serve the HTTP API (/api/events, /api/events/{id}, /api/dyads, /api/timeline, /api/health, /openapi/v1.json) and the page.\n"
            + "Example: dyad serve --db dyad.duckdb --urls http://127.0.0.1:8080")
        {
            db,
            urls,
            partial,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(db)!;

            // Open once here so a missing, locked or corrupt store is a one-line error before the server starts.
            StoreOptions.Open(path, readOnly: true, parse.GetValue(partial)).Dispose();
            var address = parse.GetValue(urls)!;
            await using var app = DyadWeb.Build(
                // The host logs a failed start (a busy port) with its whole stack trace before throwing; the exception
                // is reported below in one line, so that log is not wanted.
                ["--db", path, "--urls", address, "--partial", parse.GetValue(partial) ? "true" : "false", "--Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host", "None"],
                (store, partialAnswers) => StoreOptions.OpenStore(store, readOnly: true, partialAnswers));
            try
            {
                await app.StartAsync(cancellation).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                var reason = e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                    ? "the address is in use (another server listens there; choose another port with --urls)"
                    : e.Message;
                throw new CliException($"--urls {address}: cannot listen: {reason}");
            }

            context.Error.WriteLine($"serving {path} at {address} (Ctrl+C stops)");
            await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            return CliErrors.Success;
        });
        return command;
    }
}
