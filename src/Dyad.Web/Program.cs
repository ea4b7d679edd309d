using Dyad.Web;

// The web host on its own: `dotnet run --project src/Dyad.Web -- --db dyad.duckdb`. `dyad serve` starts the same host.
var app = DyadWeb.Build(args);
app.Run();

namespace Dyad.Web
{
    /// <summary>The entry point WebApplicationFactory builds the host from.</summary>
    public partial class Program;
}
