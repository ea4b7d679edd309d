using System.Diagnostics;

namespace Dyad.Storage.Tests;

/// <summary>
/// The CI entry point on a machine where the services cannot be installed: it must retry, then count each missing
/// service as a failure; a run that cannot test the cluster or the browser is never green.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CiScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_service_that_cannot_be_installed_is_retried_and_then_fails_the_run()
    {
        // A PATH with the shell's tools only, and an apt-get that always fails (as when another installer holds the lock).
        var bin = Directory.CreateDirectory(_folder.File("bin")).FullName;
        foreach (var tool in (string[])["bash", "sleep", "mktemp", "sed", "grep", "head", "rm", "dirname", "cat"])
        {
            var found = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(bin, tool), found);
        }

        var calls = _folder.File("apt-calls");
        File.WriteAllText(Path.Combine(bin, "apt-get"), $"#!/bin/bash\necho \"$*\" >> '{calls}'\nexit 100\n");
        File.SetUnixFileMode(Path.Combine(bin, "apt-get"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo(Path.Combine(bin, "bash"))
        {
            ArgumentList = { Path.Combine(DyadProcess.RepoRoot, ".ci", "run") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DyadProcess.RepoRoot,
        };
        start.Environment["PATH"] = bin;
        start.Environment["CI"] = "true";
        start.Environment["DYAD_CI_SETUP_ONLY"] = "1";
        start.Environment["DYAD_CI_RETRY_PAUSE"] = "0";
        using var process = Process.Start(start)!;
        var outputRead = process.StandardOutput.ReadToEndAsync();
        var errorRead = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the CI script hung");
        var output = await outputRead;
        var error = await errorRead;

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal("0 passed, 2 failed", output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Contains("could not install chromium", output, StringComparison.Ordinal);
        Assert.Contains("could not install clickhouse-server", output, StringComparison.Ordinal);
        Assert.DoesNotContain("skip", output, StringComparison.Ordinal);
        // Three attempts for each of the two services (each attempt stops at its failed update).
        Assert.Equal(6, File.ReadAllLines(calls).Length);
        Assert.Contains("attempt 3 of 3", error, StringComparison.Ordinal);
    }
}
