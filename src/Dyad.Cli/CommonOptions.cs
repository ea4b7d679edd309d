using System.CommandLine;
using System.Globalization;

namespace Dyad.Cli;

/// <summary>Arguments and options that several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Inputs() => new("INPUT")
    {
        Description = "Files (.txt, .html, .json, .jsonl), folders, or - for JSON Lines on standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Date() => new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) for inputs that carry none; a .txt story whose first line is a dateline with a day (\"TOKYO, March 12 (Reuters) -\") takes that day, in this year.",
    };

    public static DateOnly? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"--date: '{value}' is not a date in the form YYYY-MM-DD");
    }
}
