using Dyad.Evaluation;

namespace Dyad.Tests.Evaluation;

/// <summary>
/// The readers of evaluation sets (TimeML, geoparsing XML, factuality CoNLL) refuse malformed input alike: a
/// <see cref="FormatException"/> whose message starts with the file, which the CLI reports as its one error line.
/// </summary>
public sealed class EvaluationSetReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dyad-eval-set-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("<TimeML><TEXT>unclosed", "not well-formed XML")]
    [InlineData("<TimeML><TEXT>No creation time.</TEXT></TimeML>", "no TIMEX3 with functionInDocument=\"CREATION_TIME\"")]
    [InlineData("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"soon\" functionInDocument=\"CREATION_TIME\">soon</TIMEX3></DCT><TEXT>x</TEXT></TimeML>", "is not a date")]
    [InlineData("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-11-02\" functionInDocument=\"CREATION_TIME\">11/02/1989</TIMEX3></DCT></TimeML>", "no TEXT element")]
    public void TimeML_that_cannot_be_read_is_a_format_error_naming_the_file(string xml, string message)
    {
        File.WriteAllText(_path, xml);

        var error = Assert.Throws<FormatException>(() => TimeMLDocument.Read(_path));

        Assert.StartsWith(_path, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_reader_gives_the_same_kind_of_error_for_a_file_that_is_not_its_format()
    {
        File.WriteAllText(_path, "this is neither XML nor CoNLL");

        Assert.StartsWith(_path, Assert.Throws<FormatException>(() => TimeMLDocument.Read(_path)).Message, StringComparison.Ordinal);
        Assert.StartsWith(_path, Assert.Throws<FormatException>(() => GeoparsingCorpus.Read(_path)).Message, StringComparison.Ordinal);
        using var reader = File.OpenText(_path);
        Assert.StartsWith(_path, Assert.Throws<FormatException>(() => FactualityConll.Read(reader, _path)).Message, StringComparison.Ordinal);
    }
}
