namespace Dyad.Cli;

/// <summary>
/// The program's standard streams, passed in so tests can run commands in-process. Standard input is bytes, as a
/// file is: JSON Lines on it are decoded line by line, so one bad byte spoils one line either way.
/// </summary>
/// <param name="OutIsTerminal">Standard output is a terminal (a person reads it): <c>dyad code</c> then writes a table.</param>
/// <param name="ErrorIsTerminal">Standard error is a terminal: progress is then one line redrawn in place.</param>
internal sealed record CliContext(Stream In, Stream Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    /// <summary>How often progress writes a line when standard error is not a terminal (tests set it to zero: a line per story).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);
}
