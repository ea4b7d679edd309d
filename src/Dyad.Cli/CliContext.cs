namespace Dyad.Cli;

/// <summary>The program's standard streams, passed in so tests can run commands in-process.</summary>
internal sealed record CliContext(TextReader In, Stream Out, TextWriter Error);
