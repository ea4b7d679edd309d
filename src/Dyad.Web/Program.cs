using Dyad.Storage;
using Dyad.Storage.ClickHouse;
using Dyad.Web;

// The web host on its own: `dotnet run --project src/Dyad.Web -- --db dyad.duckdb`. `dyad serve` starts the same host.
// This is where the standalone host is composed, so the choice of store is made here, as `dyad` makes it.
var app = DyadWeb.Build(args, (db, partial) =>
    ClickHouseLocation.IsClusterAddress(db) ? ClickHouseEventStore.Open(db, readOnly: true, partial) : DuckDbEventStore.Open(db, readOnly: true));
app.Run();

namespace Dyad.Web
{
    /// <summary>The entry point WebApplicationFactory builds the host from.</summary>
    internal partial class Program;
}
