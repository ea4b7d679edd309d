using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Coding;

/// <summary>
/// A sentence that closes with its reporting clause ("..., a senior official said on Saturday.") is read with that
/// clause as its head, even when the parser hung the clause on a noun before it as a relative clause.
/// </summary>
public sealed class ReportingClauseRepairTests
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

    /// <summary>The sentence's words as our tokenizer and tagger give them, with the heads and relations given (0-based, -1 the root).</summary>
    private static ParsedSentence Parse(string text, (int Head, string Relation)[] tree)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("s", text)).Sentences.Single();
        var tagged = SyntaxPipeline.Default.Tag(sentence);
        Assert.Equal(tree.Length, tagged.Words.Count);
        return new ParsedSentence(sentence, tagged.Words.Select((w, i) => w with { Head = tree[i].Head, Relation = tree[i].Relation }).ToList());
    }
}
