using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

public sealed class LemmatizerTests
{
    private static readonly Lemmatizer Trained = Lemmatizer.Train(
        [
            ("walked", "VBD", "walk"), ("talked", "VBD", "talk"), ("carried", "VBD", "carry"), ("tried", "VBD", "try"),
            ("meetings", "NNS", "meeting"), ("talks", "NNS", "talk"), ("parties", "NNS", "party"), ("cities", "NNS", "city"),
            ("went", "VBD", "go"), ("Japan", "NNP", "Japan"), ("The", "DT", "the"), ("officials", "NNS", "official"),
        ],
        [("VBD", "held", "hold"), ("NNS", "children", "child")]);

    [Theory]
    [InlineData("jumped", "VBD", "jump")]
    [InlineData("buried", "VBD", "bury")]
    [InlineData("ministries", "NNS", "ministry")]
    [InlineData("sanctions", "NNS", "sanction")]
    [InlineData("went", "VBD", "go")]
    [InlineData("held", "VBD", "hold")]
    [InlineData("children", "NNS", "child")]
    [InlineData("Japan", "NNP", "Japan")]
    [InlineData("The", "DT", "the")]
    public void Applies_learned_suffix_rules_and_exceptions(string form, string xpos, string lemma)
    {
        Assert.Equal(lemma, Trained.Lemmatize(form, xpos));
    }

    [Fact]
    public void Survives_a_write_and_read()
    {
        using var stream = new MemoryStream();
        Trained.Write(stream);
        stream.Position = 0;

        var read = Lemmatizer.Read(stream);

        Assert.Equal("bury", read.Lemmatize("buried", "VBD"));
        Assert.Equal("hold", read.Lemmatize("held", "VBD"));
    }
}
