using System.Text;

namespace Dyad.Tests.Cli;

/// <summary>
/// Defects in the dictionaries given with --dictionaries: each is a warning naming file and line, and the run goes
/// on (exit 0); when nothing usable is left it is one error line and exit 1.
/// </summary>
public sealed class DictionaryDefectsTests : IDisposable
{
    private const string Actors = "GONDOR [GON]\nARNOR [ARN]\n";
    private const string Verbs = "--- CRITICIZE [111] ---\nCRITICIZE\n";

    private readonly string _root = Directory.CreateTempSubdirectory("dyad-dict-defects-").FullName;
    private readonly string _dictionaries;
    private readonly string _story;

    public DictionaryDefectsTests()
    {
        _dictionaries = Directory.CreateDirectory(Path.Combine(_root, "dictionaries")).FullName;
        _story = Path.Combine(_root, "story.txt");
        File.WriteAllText(_story, "Gondor criticized Arnor on Monday.");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dictionaries, name), content, new UTF8Encoding(false));

    private CliRunner.Result Code() => CliRunner.Run("code", _story, "--date", "2016-11-28", "--dictionaries", _dictionaries, "--only-external");

    [Fact]
    public void Unknown_event_codes_are_warnings_naming_file_and_line_and_the_good_patterns_still_code()
    {
        Write("Test.actors.txt", Actors);
        Write("Test.verbs.txt", Verbs + "- * ARNOR [99999]\n--- WARN [ZZZ] ---\nWARN\n");

        var result = Code();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "dyad: warning: Test.verbs.txt:3: unknown CAMEO code [99999] (pattern skipped)",
                "dyad: warning: Test.verbs.txt:4: unknown CAMEO code [ZZZ] (the block's own code skipped)",
            ],
            result.ErrorLines);
        Assert.Contains("\"111\"", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_digits_only_actor_code_is_a_warning_naming_file_and_line()
    {
        Write("Test.actors.txt", Actors + "MORDOR [99999]\n");
        Write("Test.verbs.txt", Verbs);

        var result = Code();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("dyad: warning: Test.actors.txt:3: '99999' is not an actor code (code skipped)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void An_unclosed_brace_is_a_warning_naming_the_line_where_it_opened()
    {
        Write("Test.actors.txt", Actors);
        Write("Test.verbs.txt", Verbs + "- * {FINANCIAL AID  [070]\n- * ARNOR [112]\n");

        var result = Code();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("dyad: warning: Test.verbs.txt:3: '{' opened at column 5 is not closed (line skipped)", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("MORDOR [MO", "'[' opened at column 8 is not closed; the file ends mid-line there (line skipped)")]
    [InlineData("MORD", "'MORD' has no actor code [...]; the file ends mid-line there (actor skipped)")]
    public void An_actors_file_cut_mid_line_is_a_warning_on_that_line(string cut, string message)
    {
        Write("Test.actors.txt", Actors + cut);
        Write("Test.verbs.txt", Verbs);

        var result = Code();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"dyad: warning: Test.actors.txt:3: {message}", Assert.Single(result.ErrorLines));
        Assert.Single(result.OutLines);
    }

    [Fact]
    public void Random_bytes_in_the_verbs_file_are_a_warning_naming_file_and_line_and_the_file_is_skipped()
    {
        Write("Test.actors.txt", Actors);
        File.WriteAllBytes(Path.Combine(_dictionaries, "Extra.verbs.txt"), [.. "--- X [010] ---\nX\n"u8, 0xC3, 0x28, 0xFF, 0x9A, 0x10, 0x80]);
        Write("Test.verbs.txt", Verbs);

        var result = Code();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("dyad: warning: Extra.verbs.txt:3: not valid UTF-8 (byte 0xC3); file skipped", Assert.Single(result.ErrorLines));
        Assert.Single(result.OutLines);
    }

    [Fact]
    public void An_empty_verbs_file_with_only_external_dictionaries_is_an_error()
    {
        Write("Test.actors.txt", Actors);
        Write("Test.verbs.txt", string.Empty);

        var result = Code();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(
            [
                "dyad: warning: Test.verbs.txt: no usable verbs entries; file skipped",
                $"dyad: dictionary error: {_dictionaries}: no usable verb patterns, and only these dictionaries are used: nothing could be coded",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void A_folder_with_no_dictionaries_is_an_error()
    {
        Write("README.md", "# Notes\n");
        Write("LICENSE", "Free.\n");

        var result = CliRunner.Run("code", _story, "--dictionaries", _dictionaries);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"dyad: dictionary error: {_dictionaries}: no usable PETRARCH dictionaries (*actors*, *agents*, *verbs* or CAMEO*, *discards* files with entries)",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_folder_of_garbage_is_warnings_then_one_error()
    {
        Write("notes.txt", "nothing here\n");
        File.WriteAllBytes(Path.Combine(_dictionaries, "Junk.actors.txt"), [0x00, 0x01, 0x02]);

        var result = CliRunner.Run("code", _story, "--dictionaries", _dictionaries);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "dyad: warning: Junk.actors.txt:1: binary data (a NUL byte); file skipped",
                "dyad: warning: notes.txt: not a PETRARCH dictionary name (expected *actors*, *agents*, *verbs* or CAMEO*, *discards*); file skipped",
                $"dyad: dictionary error: {_dictionaries}: no usable PETRARCH dictionaries (*actors*, *agents*, *verbs* or CAMEO*, *discards* files with entries)",
            ],
            result.ErrorLines);
    }
}
