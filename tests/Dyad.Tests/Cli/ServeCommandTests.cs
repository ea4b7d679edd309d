using System.Net;
using System.Net.Sockets;

namespace Dyad.Tests.Cli;

/// <summary><c>dyad serve</c> on a port another program holds: one error line, no stack trace.</summary>
public sealed class ServeCommandTests(SampleStore store) : IClassFixture<SampleStore>
{
    [Fact(Timeout = 120_000)]
    public async Task A_busy_port_is_one_error_line_and_exit_code_1()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

            var result = await Task.Run(() => CliRunner.Run("serve", "--db", store.Path, "--urls", address));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(
                $"dyad: --urls {address}: cannot listen: the address is in use (another server listens there; choose another port with --urls)",
                Assert.Single(result.ErrorLines));
        }
        finally
        {
            listener.Stop();
        }
    }
}
