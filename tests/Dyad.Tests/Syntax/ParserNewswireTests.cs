using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Syntax;

/// <summary>
/// The shipped models on newswire-like sentences written for Dyad: the heads and relations event coding relies on.
/// Each row: sentence, then "dependent>head:relation" triples (words by their text; the first occurrence).
/// </summary>
public sealed class ParserNewswireTests
{
    [Theory]
    [InlineData("Japan imposed sanctions on North Korea.", "Japan>imposed:nsubj", "sanctions>imposed:obj", "on>Korea:case", "Korea>sanctions:nmod", "North>Korea:compound")]
    [InlineData("China gave Pakistan a loan.", "Pakistan>gave:iobj", "loan>gave:obj")]
    [InlineData("The talks were hosted by Sweden.", "talks>hosted:nsubj:pass", "Sweden>hosted:obl:agent", "by>Sweden:case")]
    [InlineData("Russia and China signed the agreement.", "China>Russia:conj", "Russia>signed:nsubj", "agreement>signed:obj")]
    [InlineData("The minister, who arrived on Monday, met the president.", "arrived>minister:acl:relcl", "minister>met:nsubj", "Monday>arrived:obl")]
    [InlineData("The government said that talks would resume.", "resume>said:ccomp", "talks>resume:nsubj")]
    [InlineData("Iran agreed to release the sailors.", "release>agreed:xcomp", "sailors>release:obj")]
    [InlineData("Prime Minister Shinzo Abe met Chinese President Xi Jinping.", "Abe>Shinzo:flat", "Shinzo>met:nsubj", "Xi>met:obj", "Jinping>Xi:flat")]
    [InlineData("Wang Yi, the Chinese foreign minister, visited Seoul on Monday.", "minister>Wang:appos", "Wang>visited:nsubj", "Seoul>visited:obj")]
    [InlineData("North Korea's leader criticised the United States.", "Korea>leader:nmod:poss", "leader>criticised:nsubj")]
    [InlineData("The delegation from Japan met officials of the ruling party.", "Japan>delegation:nmod", "officials>met:obj", "party>officials:nmod")]
    public void Pins_the_relations_event_coding_relies_on(string text, params string[] arcs)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("pin", text)).Sentences.Single();

        var parsed = SyntaxPipeline.Default.Parse(sentence);

        foreach (var arc in arcs)
        {
            var dependent = arc[..arc.IndexOf('>', StringComparison.Ordinal)];
            var rest = arc[(arc.IndexOf('>', StringComparison.Ordinal) + 1)..];
            var head = rest[..rest.IndexOf(':', StringComparison.Ordinal)];
            var relation = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var word = parsed.Words.First(w => w.Text == dependent);
            Assert.True(word.Head >= 0, $"{dependent} is the root, expected under {head}");
            Assert.Equal(head, parsed.Words[word.Head].Text);
            Assert.Equal(relation, word.Relation);
        }
    }

    [Theory]
    [InlineData("Nakasone will visit the United States on Wednesday.", "Nakasone", "PROPN")]
    [InlineData("Nakasone met Reagan.", "Nakasone", "PROPN")]
    [InlineData("Someone met Reagan.", "Someone", "PRON")]
    [InlineData("He said nothing had changed.", "nothing", "PRON")]
    public void A_name_that_ends_like_a_pronoun_is_tagged_as_a_name_and_pronouns_stay_pronouns(string text, string word, string upos)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("tag", text)).Sentences.Single();

        var tagged = SyntaxPipeline.Default.Tag(sentence);

        Assert.Equal(upos, tagged.Words.First(w => w.Text == word).Upos);
    }

    [Fact]
    public void Every_sentence_has_exactly_one_root_and_no_cycles()
    {
        var text = "Japanese officials have been meeting secretly with North Korea's ruling party in recent months, according to sources. "
            + "The talks continued even after North Korea carried out its fifth nuclear test that month.";
        foreach (var sentence in DocumentSegmenter.Default.Segment(new Document("tree", text)).Sentences)
        {
            var parsed = SyntaxPipeline.Default.Parse(sentence);

            Assert.Single(parsed.Words, w => w.IsRoot);
            foreach (var word in parsed.Words)
            {
                var steps = 0;
                for (var at = word; !at.IsRoot; at = parsed.Words[at.Head])
                {
                    Assert.True(++steps <= parsed.Words.Count, "cycle in the tree");
                }
            }
        }
    }
}
