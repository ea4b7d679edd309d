namespace Dyad.Cli;

/// <summary>Exit codes and the one-line error format every command shares.</summary>
internal static class CliErrors
{
    public const int Success = 0;

    /// <summary>Nothing could be done: bad arguments, no readable input, a store that cannot be opened.</summary>
    public const int Failure = 1;

    /// <summary>The run finished, but some inputs were reported and skipped.</summary>
    public const int Skipped = 2;

    public static void Report(TextWriter error, string message)
    {
        // One line, always: a message with line breaks would be read as several errors.
        var line = message.ReplaceLineEndings(" ").Trim();
        error.WriteLine($"dyad: {line}");
    }

    public static void Report(TextWriter error, string source, string message) => Report(error, $"{source}: {message}");
}

/// <summary>An error that ends a command with a message for the user, not a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
