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
    public void A_frequent_word_with_one_lemma_keeps_it_under_any_tag()
    {
        // "in" is always "in"; under a tag the treebank never gives it, the past-participle rule ("shown": "show")
        // would cut it to "i". One "in" that is a typo for "if" does not count against it.
        var words = Enumerable.Repeat(("in", "IN", "in", false), 30)
            .Append(("in", "IN", "if", true))
            .Concat([("shown", "VBN", "show", false), ("known", "VBN", "know", false), ("blown", "VBN", "blow", false), ("i", "PRP", "I", false)])
            .Concat(Enumerable.Repeat(("it", "PRP", "it", false), 300))
            .Append(("it", "NNP", "Italian", false))
            .Append(("saw", "VBD", "see", false)).Append(("saw", "NN", "saw", false));
        var lemmatizer = Lemmatizer.Train(words, []);

        Assert.Equal("in", lemmatizer.Lemmatize("in", "VBN"));
        Assert.Equal("in", lemmatizer.Lemmatize("in", "IN"));
        Assert.Equal(["in"], lemmatizer.LemmasUnderEach("in", ["IN", "VBN", "PRP"]));

        // One "it" in three hundred annotated as an abbreviation of "Italian" is not the lemma of every "it" tagged NNP.
        Assert.Equal("it", lemmatizer.Lemmatize("it", "NNP"));

        // A rare word keeps a lemma per tag, and a rule applies to a word it was not seen with.
        Assert.Equal("see", lemmatizer.Lemmatize("saw", "VBD"));
        Assert.Equal("saw", lemmatizer.Lemmatize("saw", "NN"));
        Assert.Equal("blow", lemmatizer.Lemmatize("blown", "VBN"));
    }

    [Fact]
    public void A_rule_cuts_only_letters_it_was_learned_to_cut()
    {
        var lemmatizer = Lemmatizer.Train(
            [("meeting", "VBG", "meet"), ("talking", "VBG", "talk"), ("holding", "VBG", "hold"), ("signing", "VBG", "sign"), ("is", "VBZ", "be"), ("meets", "VBZ", "meet")],
            []);

        Assert.Equal("visit", lemmatizer.Lemmatize("visiting", "VBG"));
        Assert.Equal("visit", lemmatizer.Lemmatize("visits", "VBZ"));

        // Learned from "-ing" words, the VBG rule cuts three letters; it does not cut them from a word without "-ing",
        // nor does the rule of "is" ("be" for two letters) apply to any word of two letters.
        Assert.Equal("Union", lemmatizer.Lemmatize("Union", "VBG"));
        Assert.Equal("EC", lemmatizer.Lemmatize("EC", "VBZ"));
    }

    [Theory]
    [InlineData("it", "NNP", "it")]
    [InlineData("in", "VBN", "in")]
    [InlineData("to", "DT", "to")]
    [InlineData("was", "NNS", "be")]
    [InlineData("banks", "NNS", "bank")]
    [InlineData("Banks", "NNP", "Banks")]
    [InlineData("Union", "VBG", "Union")]
    [InlineData("mln", "NNS", "mln")]
    [InlineData("Avg", "VBZ", "Avg")]
    public void The_shipped_lemmatiser_does_not_make_up_lemmas_for_frequent_words_under_tags_they_never_take(string form, string xpos, string lemma)
    {
        Assert.Equal(lemma, SyntaxPipeline.Default.Lemmatizer.Lemmatize(form, xpos));
    }

    [Fact]
    public void Survives_a_write_and_read()
    {
        var read = WrittenAndRead(Trained);

        Assert.Equal("bury", read.Lemmatize("buried", "VBD"));
        Assert.Equal("hold", read.Lemmatize("held", "VBD"));

        var invariant = Lemmatizer.Train(Enumerable.Repeat(("in", "IN", "in"), 25).Append(("shown", "VBN", "show")), []);
        Assert.Equal("in", WrittenAndRead(invariant).Lemmatize("in", "VBN"));
    }

    private static Lemmatizer WrittenAndRead(Lemmatizer lemmatizer)
    {
        using var stream = new MemoryStream();
        lemmatizer.Write(stream);
        stream.Position = 0;
        return Lemmatizer.Read(stream);
    }
}
