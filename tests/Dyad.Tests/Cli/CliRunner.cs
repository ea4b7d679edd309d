using System.Text;
using Dyad.Cli;

namespace Dyad.Tests.Cli;

/// <summary>Runs the dyad program in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result RunWithInput(string stdin, params string[] args) => RunWithBytes(Encoding.UTF8.GetBytes(stdin), args);

    public static Result RunWithBytes(byte[] stdin, params string[] args) => RunAs(stdin, outIsTerminal: false, errorIsTerminal: false, args);

    /// <summary>Runs as if standard output and error were terminals (the program then writes for a person).</summary>
    public static Result RunOnTerminal(params string[] args) => RunAs([], outIsTerminal: true, errorIsTerminal: true, args);

    /// <summary>Runs with progress written every <paramref name="progressInterval"/> (zero: after every story).</summary>
    public static Result RunWithContext(TimeSpan progressInterval, params string[] args) => RunAs([], outIsTerminal: false, errorIsTerminal: false, args, progressInterval);

    private static Result RunAs(byte[] stdin, bool outIsTerminal, bool errorIsTerminal, string[] args, TimeSpan? progressInterval = null)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var context = new CliContext(new MemoryStream(stdin), output, error, outIsTerminal, errorIsTerminal);
        var exit = DyadProgram.Run(args, progressInterval is { } interval ? context with { ProgressInterval = interval } : context);
        return new Result(exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static Result Run(params string[] args) => RunWithInput(string.Empty, args);
}
