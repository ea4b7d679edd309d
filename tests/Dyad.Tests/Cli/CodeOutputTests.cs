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
}
