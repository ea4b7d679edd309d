namespace Dyad.Cli;

/// <summary>
/// The program's standard streams, passed in so tests can run commands in-process. Standard input is bytes, as a
/// file is: JSON Lines on it are decoded line by line, so one bad byte spoils one line either way.
/// </summary>
internal sealed record CliContext(Stream In, Stream Out, TextWriter Error);
