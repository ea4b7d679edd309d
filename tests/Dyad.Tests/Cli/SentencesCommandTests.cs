using System.Text.Json;

namespace Dyad.Tests.Cli;

public sealed class SentencesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Prints_a_document_line_then_one_line_per_sentence_with_token_offsets()
    {
        var path = Path.Combine(_folder, "story.txt");
        File.WriteAllText(path, "• Kyodo\n\nJapan met North Korea. Talks went on.\n\nSign up for our newsletter.");

        var result = CliRunner.Run("sentences", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var lines = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("document", lines[0].GetProperty("kind").GetString());
        Assert.Equal("Kyodo", lines[0].GetProperty("byline").GetProperty("name").GetString());
        Assert.Equal("Sign up for our newsletter.", lines[0].GetProperty("boilerplate")[0].GetProperty("text").GetString());
        Assert.Equal("Japan met North Korea.", lines[1].GetProperty("text").GetString());
        Assert.Equal(1, lines[2].GetProperty("index").GetInt32());
        var text = File.ReadAllText(path);
        foreach (var token in lines[2].GetProperty("tokens").EnumerateArray())
        {
            Assert.Equal(token.GetProperty("text").GetString(), text[token.GetProperty("start").GetInt32()..token.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public void A_missing_file_is_one_error_line_and_a_failure()
    {
        var result = CliRunner.Run("sentences", Path.Combine(_folder, "nope.txt"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("dyad: ", line, StringComparison.Ordinal);
        Assert.Contains("nope.txt: no such file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_document_in_a_folder_is_reported_and_skipped_and_the_exit_code_says_so()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "Japan met China.");
        File.WriteAllBytes(Path.Combine(_folder, "b.txt"), [0x00, 0x01, 0x02]);
        File.WriteAllText(Path.Combine(_folder, "c.txt"), "China met Japan.");

        var result = CliRunner.Run("sentences", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(4, result.OutLines.Count);
        var line = Assert.Single(result.ErrorLines);
        Assert.Matches("^dyad: .*b\\.txt: binary file \\(NUL byte at byte offset 0\\)$", line);
    }

    [Fact]
    public void Reads_JSON_Lines_from_standard_input_and_names_a_malformed_line()
    {
        var result = CliRunner.RunWithInput("{\"id\":\"a\",\"text\":\"Japan met China.\"}\n{oops\n", "sentences", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.OutLines.Count);
        Assert.StartsWith("dyad: <stdin>:2: malformed JSON", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_standard_input_is_an_error()
    {
        var result = CliRunner.RunWithInput(string.Empty, "sentences", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("dyad: <stdin>: empty input: no documents", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_bad_option_value_is_one_error_line()
    {
        var path = Path.Combine(_folder, "a.txt");
        File.WriteAllText(path, "Japan met China.");

        var result = CliRunner.Run("sentences", path, "--date", "28/11/2016");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("dyad: --date: '28/11/2016' is not a date", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_commands_and_version_prints_a_version()
    {
        var help = CliRunner.Run("--help");
        var version = CliRunner.Run("--version");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("sentences", help.Out, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
    }
}
