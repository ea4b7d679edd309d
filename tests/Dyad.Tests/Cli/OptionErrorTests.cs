namespace Dyad.Tests.Cli;

/// <summary>A command line that does not parse is one error line (no tabs, no second line) and exit code 1.</summary>
public sealed class OptionErrorTests
{
    public static TheoryData<string[], string> BadCommandLines { get; } = new()
    {
        { ["code", "samples", "--format", "xx"], "dyad: --format must be one of table, jsonl, tsv, polecat (got 'xx')" },
        { ["events", "--format", "xx"], "dyad: --format must be one of jsonl, tsv, gdelt, icews, polecat, parquet (got 'xx')" },
        { ["events", "--status", "rumoured"], "dyad: --status must be one of asserted, reported, denied, speculated, planned, negated (got 'rumoured')" },
        { ["events", "--quad", "7"], "dyad: --quad must be one of 1, 2, 3, 4 (got '7')" },
        { ["events", "--secret", "maybe"], "dyad: --secret must be one of true, false (got 'maybe')" },
        { ["events", "--limit", "x"], "dyad: --limit must be a whole number (got 'x')" },
        { ["timeline", "JPN", "PRK", "--by", "day"], "dyad: --by must be one of week, month, year (got 'day')" },
        { ["frob"], "dyad: 'frob' is not a command of dyad (one of code, ingest, events, timeline, serve, fuse, sentences, parse, train, eval)" },
        { ["eval"], "dyad: dyad eval needs a command: one of text, syntax, stance, time, places" },
        { ["code"], "dyad: dyad code needs INPUT (dyad code --help says what it is)" },
        { ["events", "--db"], "dyad: --db needs a value" },
        { ["events", "--db", "/nonexistent/none.duckdb", "--cameo", "4x"], "dyad: --cameo must be a CAMEO code or its prefix, 1 to 4 digits (got '4x')" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void A_bad_command_line_is_one_error_line_and_exit_code_1(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(expected, Assert.Single(result.ErrorLines));
        Assert.DoesNotContain('\t', result.Error);
    }

    [Fact]
    public void No_arguments_print_the_help()
    {
        var result = CliRunner.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }
}
