using System.Net;
using System.Net.Sockets;
using Dyad.Tests.Shared;

namespace Dyad.Storage.Tests;

/// <summary>
/// <c>dyad serve</c> as its own process on a port another program holds: everything it writes is the one error
/// line (in-process tests cannot see the host's console logging, which printed the stack trace).
/// </summary>
public sealed class ServeProcessTests
{
    [Fact]
    public void A_busy_port_prints_one_line_and_no_stack_trace()
    {
        using var folder = new TempFolder();
        var store = folder.File("serve.duckdb");
        var ingest = DyadProcess.Run("ingest", System.IO.Path.Combine(DyadProcess.RepoRoot, "samples", "seoul-talks.txt"), "--date", "2024-01-15", "--db", store, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

            var result = ChildRun.Run(null, null, "serve", "--db", store, "--urls", address);

            Assert.False(result.Hung);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal(string.Empty, result.Out);
            Assert.Equal($"dyad: --urls {address}: cannot listen: the address is in use (another server listens there; choose another port with --urls)", Assert.Single(result.ErrorLines));
        }
        finally
        {
            listener.Stop();
        }
    }
}
