using System.Text.Json;

namespace Dyad.Tests.Cli;

/// <summary>What <c>dyad code</c> writes for a reader: JSON without needless escapes.</summary>
public sealed class CodeOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-code-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Json_lines_keep_plus_and_arrows_and_accents_as_they_are_and_stay_one_line_each()
    {
        // A rule's text always holds "->" (and an actor resolved through an agent "+"); the sentence holds a quote
        // and an accented name, which must round-trip.
        var story = Write("talks.txt", "Chinese foreign ministers met South Korean officials in Seoul on Tuesday, the \"José\" channel said.");

        var result = CliRunner.Run("code", story, "--date", "2024-01-15", "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.OutLines);
        Assert.DoesNotContain("\\u002B", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003E", result.Out, StringComparison.Ordinal);
        Assert.Contains(" -> ", result.Out, StringComparison.Ordinal);
        foreach (var line in result.OutLines)
        {
            using var record = JsonDocument.Parse(line);
            Assert.Contains("\"José\"", record.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_line_separator_in_a_sentence_is_escaped_so_a_record_stays_one_line()
    {
        var story = Write("separator.txt", "Chinese foreign ministers met South Korean officials in Seoul on Tuesday.\u2028Officials said so.");

        var result = CliRunner.Run("code", story, "--date", "2024-01-15", "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.OutLines);
        Assert.DoesNotContain('\u2028', result.Out);
        Assert.All(result.OutLines, line => JsonDocument.Parse(line).Dispose());
    }

    [Fact]
    public void A_terminal_gets_a_table_and_a_pipe_gets_json_lines()
    {
        var story = Write("talks.txt", "Japan condemned the launch.");

        var terminal = CliRunner.RunOnTerminal("code", story, "--date", "2024-01-15");
        var piped = CliRunner.Run("code", story, "--date", "2024-01-15");

        Assert.Equal(0, terminal.ExitCode);
        Assert.Equal(2, terminal.OutLines.Count);
        Assert.StartsWith("date ", terminal.OutLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^2024-01-15 +JPN -> - +111 Criticize or denounce +asserted +- +Japan condemned the launch\.$", terminal.OutLines[1]);
        Assert.Equal("JPN", JsonDocument.Parse(Assert.Single(piped.OutLines)).RootElement.GetProperty("source").GetProperty("code").GetString());
    }

    [Fact]
    public void A_table_cuts_long_values_and_keeps_its_columns_in_line()
    {
        var story = Write("long.txt", "Chinese foreign ministers met South Korean officials in Seoul on Tuesday to discuss trade, security, fishing rights and the future of the peninsula.");

        var result = CliRunner.Run("code", story, "--date", "2024-01-15", "--format", "table");

        Assert.Equal(0, result.ExitCode);
        var header = result.OutLines[0];
        foreach (var line in result.OutLines.Skip(1))
        {
            // Every column starts where its header does, and the sentence is cut with an ellipsis.
            foreach (var column in new[] { "source -> target", "cameo", "status", "place", "sentence" })
            {
                var at = header.IndexOf(column, StringComparison.Ordinal);
                Assert.True(line[at - 1] == ' ' && line[at] != ' ', $"column {column} out of line: {line}");
            }

            Assert.EndsWith("…", line, StringComparison.Ordinal);
        }
    }
}
