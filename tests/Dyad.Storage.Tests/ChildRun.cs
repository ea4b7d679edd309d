using System.Diagnostics;
using System.Text;

namespace Dyad.Storage.Tests;

/// <summary>
/// The dyad program as a child process fed bytes on standard input, in a chosen folder, with a hang guard: a run
/// that has not ended after the guard is killed and reported as hung, so a hang fails the test instead of stalling it.
/// </summary>
internal static class ChildRun
{
    public sealed record Result(int ExitCode, string Out, string Error, bool Hung)
    {
        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static Result Run(string? workingDirectory, byte[]? stdin, params string[] args) =>
        Run(new ProcessStartInfo("dotnet"), workingDirectory, stdin, args);

    /// <summary>Runs with extra environment variables (a .NET setting such as a heap limit, say).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Run(start, workingDirectory, null, args);
    }

    /// <summary>Runs through a shell command line, for redirections the process API cannot express (a closed descriptor).</summary>
    public static Result RunShell(string workingDirectory, string shellTail, params string[] args)
    {
        var command = new StringBuilder("exec dotnet ").Append(Quote(DyadProcess.ProgramPath));
        foreach (var arg in args)
        {
            command.Append(' ').Append(Quote(arg));
        }

        command.Append(' ').Append(shellTail);
        var start = new ProcessStartInfo("bash") { ArgumentList = { "-c", command.ToString() } };
        return Run(start, workingDirectory, null, [], programInArguments: false);
    }

    /// <summary>Runs as an unprivileged user (nobody), so folder permissions apply even when the tests run as root.</summary>
    public static Result RunAsNobody(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("setpriv");
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Path.GetTempPath();
        return Run(start, workingDirectory, null, args);
    }

    public static bool IsRoot => Environment.UserName == "root";

    private static Result Run(ProcessStartInfo start, string? workingDirectory, byte[]? stdin, string[] args, bool programInArguments = true)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = stdin is not null;
        start.UseShellExecute = false;
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        if (programInArguments)
        {
            start.ArgumentList.Add(DyadProcess.ProgramPath);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            var feed = Task.Run(() =>
            {
                try
                {
                    process.StandardInput.BaseStream.Write(stdin);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The program stopped reading (it ended); what it said is in its output.
                }
            });
            feed.Wait(HangGuard);
        }

        var ended = process.WaitForExit(HangGuard);
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new Result(ended ? process.ExitCode : -1, output.Result, error.Result, !ended);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
