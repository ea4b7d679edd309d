using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Coding;

/// <summary>
/// Coding repairs shapes the parser gets wrong where it matters who acts. A sentence that closes with its reporting
/// clause ("..., a senior official said on Saturday.") is read with that clause as its head, even when the parser
/// hung the clause on a noun before it as a relative clause. A sentence that opens with an unknown name before its
/// subject, which the parser read as the sentence's head with the real verb as a relative clause on it, is read
/// with the verb as its head and the name inside the subject.
/// </summary>
public sealed class ParseRepairTests
{
    private static readonly Lazy<ActorDictionary> Actors = new(ActorDictionary.LoadBuiltIn);

    [Fact]
    public void A_closing_reporting_clause_hung_on_a_noun_heads_the_sentence()
    {
        // Arnor will abandon the treaty with Gondor after five years , a senior official said on Saturday .
        var parse = Parse(
            "Arnor will abandon the treaty with Gondor after five years, a senior official said on Saturday.",
            [(2, "nsubj"), (2, "aux"), (-1, "root"), (4, "det"), (2, "obj"), (6, "case"), (4, "nmod"), (9, "case"), (9, "nummod"),
             (14, "obl"), (13, "punct"), (13, "det"), (13, "amod"), (14, "nsubj"), (4, "acl:relcl"), (16, "case"), (14, "obl"), (2, "punct")]);

        var view = new SentenceView(parse, Actors.Value);

        Assert.Equal((-1, "root"), (view.Parse.Words[14].Head, view.Parse.Words[14].Relation));
        Assert.Equal((14, "ccomp"), (view.Parse.Words[2].Head, view.Parse.Words[2].Relation));
        Assert.Equal(14, view.Parse.Words[13].Head);

        // "after five years", hung on "said" from before the comma, belongs to what was said.
        Assert.Equal(2, view.Parse.Words[9].Head);
    }

    [Fact]
    public void A_parenthetical_inside_a_relative_clause_is_left_alone()
    {
        // Kenyan officials criticised Uganda over rules which , they said , failed last year .
        var parse = Parse(
            "Kenyan officials criticised Uganda over rules which, they said, failed last year.",
            [(1, "amod"), (2, "nsubj"), (-1, "root"), (2, "obj"), (5, "case"), (2, "obl"), (11, "nsubj"), (9, "punct"), (9, "nsubj"),
             (5, "acl:relcl"), (9, "punct"), (9, "ccomp"), (13, "amod"), (11, "obl:tmod"), (2, "punct")]);

        var view = new SentenceView(parse, Actors.Value);

        Assert.Equal(parse.Words.Select(w => w.Head), view.Parse.Words.Select(w => w.Head));
    }

    [Fact]
    public void A_name_read_as_the_head_of_its_own_sentence_joins_the_subject()
    {
        // Rohan President Umbardacil of Rohan has appealed to Gondor for help .
        var parse = Parse(
            "Rohan President Umbardacil of Rohan has appealed to Gondor for help.",
            [(-1, "root"), (2, "compound"), (6, "nsubj"), (4, "case"), (0, "nmod"), (6, "aux"), (0, "acl:relcl"), (8, "case"), (6, "obl"),
             (10, "case"), (6, "obl"), (0, "punct")]);

        var view = new SentenceView(parse, Actors.Value);

        Assert.Equal((-1, "root"), (view.Parse.Words[6].Head, view.Parse.Words[6].Relation));
        Assert.Equal((2, "compound"), (view.Parse.Words[0].Head, view.Parse.Words[0].Relation));
        Assert.Equal(6, view.Parse.Words[11].Head);

        // "of Rohan", hung on the name, stays in the subject's phrase.
        Assert.Equal(2, view.Parse.Words[4].Head);
        Assert.Equal((0, 4), view.SubtreeSpan(2));
    }

    [Theory]
    [InlineData("Reports the minister denied.", new[] { -1, 2, 3, 0, 0 }, new[] { "root", "det", "nsubj", "acl:relcl", "punct" })]
    [InlineData("Gondor whose king died.", new[] { -1, 2, 3, 0, 0 }, new[] { "root", "nmod:poss", "nsubj", "acl:relcl", "punct" })]
    public void A_noun_phrase_with_a_real_relative_clause_is_left_alone(string text, int[] heads, string[] relations)
    {
        var parse = Parse(text, heads.Zip(relations).ToArray());

        var view = new SentenceView(parse, Actors.Value);

        Assert.Equal(heads, view.Parse.Words.Select(w => w.Head));
    }

    /// <summary>The sentence's words as our tokenizer and tagger give them, with the heads and relations given (0-based, -1 the root).</summary>
    private static ParsedSentence Parse(string text, (int Head, string Relation)[] tree)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("s", text)).Sentences.Single();
        var tagged = SyntaxPipeline.Default.Tag(sentence);
        Assert.Equal(tree.Length, tagged.Words.Count);
        return new ParsedSentence(sentence, tagged.Words.Select((w, i) => w with { Head = tree[i].Head, Relation = tree[i].Relation }).ToList());
    }
}
