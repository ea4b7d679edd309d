namespace Dyad.Tests.Cli;

/// <summary><c>dyad eval stance</c>: factuality CoNLL in, per-class agreement out; bad input is one <c>dyad: </c> line.</summary>
public sealed class EvalStanceCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-stance-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes sentences as the factuality sets do: index from 0, word, score or _, tag, head, relation, lemma.</summary>
    private string Write(params (string Word, string Score)[][] sentences)
    {
        var path = Path.Combine(_folder, "set.conll");
        var lines = new List<string>();
        foreach (var sentence in sentences)
        {
            lines.AddRange(sentence.Select((w, i) => $"{i}\t{w.Word}\t{w.Score}\tXX\t0\tdep\t{w.Word.ToLowerInvariant()}"));
            lines.Add(string.Empty);
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    private static (string, string)[] Words(string sentence, string predicate, string score) =>
        sentence.Split(' ').Select(w => (w, w == predicate ? score : "_")).ToArray();

    [Fact]
    public void Scores_each_predicate_as_an_event_trigger_in_three_classes()
    {
        var path = Write(
            Words("Japan met China on Monday .", "met", "3.0"),
            Words("Japan did not meet China .", "meet", "-3.0"),
            Words("Japan may meet China next week .", "meet", "0.4"),
            Words("Officials said Japan may have met China .", "met", "2.6"));

        var result = CliRunner.Run("eval", "stance", "--gold", path, "--errors", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("(4 sentences, 4 predicates;", result.Out, StringComparison.Ordinal);
        Assert.Contains("accuracy: 3/4 = 75.00%", result.Out, StringComparison.Ordinal);
        var happened = result.OutLines.First(l => l.StartsWith("happened ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["happened", "2", "1", "1", "100.00", "50.00", "66.67"], happened);
        var error = Assert.Single(result.OutLines, l => l.StartsWith("  line", StringComparison.Ordinal));
        Assert.Contains("gold +2.6 (happened), Dyad speculated: Officials said Japan may have [met] China .", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_one_error_line_and_a_failure()
    {
        var result = CliRunner.Run("eval", "stance", "--gold", Path.Combine(_folder, "nope.conll"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("dyad: " + Path.Combine(_folder, "nope.conll") + ": no such file", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("0\tJapan\t_\n1\tmet\tsoon\n", ":2: factuality score 'soon' is not a number from -3 to 3")]
    [InlineData("0\tJapan\t_\n2\tmet\t3.0\n", ":2: not a factuality CoNLL line")]
    [InlineData("<doc>Japan met China.</doc>\n", ":1: not a factuality CoNLL line")]
    [InlineData("0\tJapan\t_\n1\tmet\t_\n", ": no scored predicates")]
    public void Malformed_input_is_one_error_line_naming_the_line(string content, string message)
    {
        var path = Path.Combine(_folder, "bad.conll");
        File.WriteAllText(path, content);

        var result = CliRunner.Run("eval", "stance", "--gold", path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("dyad: " + path, line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reads_the_factuality_development_sets_and_scores_every_predicate()
    {
        foreach (var set in new[] { "meantime", "uw" })
        {
            var path = SharedData.Require("eval", "factuality", set, "dev.conll");
            var predicates = File.ReadLines(path).Select(l => l.Split('\t')).Count(c => c.Length > 2 && c[2] != "_");

            var result = CliRunner.Run("eval", "stance", "--gold", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($" {predicates} predicates;", result.Out, StringComparison.Ordinal);
            var gold = result.OutLines.Where(l => l.StartsWith("happened ", StringComparison.Ordinal) || l.StartsWith("did not ", StringComparison.Ordinal) || l.StartsWith("uncertain ", StringComparison.Ordinal))
                .Take(3).Sum(l => int.Parse(l[10..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(predicates, gold);
        }
    }
}
