using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Coding;

/// <summary>
/// A sentence that opens with an unknown name before its subject, which the parser read as the sentence's head with
/// the real verb as a relative clause on it, is read with the verb as its head and the name inside the subject.
/// </summary>
public sealed class NounRootRepairTests
{
    private static readonly Lazy<ActorDictionary> Actors = new(ActorDictionary.LoadBuiltIn);

    [Fact]
    public void A_name_read_as_the_head_of_its_own_sentence_joins_the_subject()
    {
        // Rohan President Umbardacil has appealed to Gondor for help .
        var parse = Parse(
            "Rohan President Umbardacil has appealed to Gondor for help.",
            [(-1, "root"), (2, "compound"), (4, "nsubj"), (4, "aux"), (0, "acl:relcl"), (6, "case"), (4, "obl"), (8, "case"), (4, "obl"), (0, "punct")]);

        var view = new SentenceView(parse, Actors.Value);

        Assert.Equal((-1, "root"), (view.Parse.Words[4].Head, view.Parse.Words[4].Relation));
        Assert.Equal((2, "compound"), (view.Parse.Words[0].Head, view.Parse.Words[0].Relation));
        Assert.Equal(4, view.Parse.Words[9].Head);
        Assert.Equal((0, 2), view.SubtreeSpan(2));
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

    private static ParsedSentence Parse(string text, (int Head, string Relation)[] tree)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("s", text)).Sentences.Single();
        var tagged = SyntaxPipeline.Default.Tag(sentence);
        Assert.Equal(tree.Length, tagged.Words.Count);
        return new ParsedSentence(sentence, tagged.Words.Select((w, i) => w with { Head = tree[i].Head, Relation = tree[i].Relation }).ToList());
    }
}
