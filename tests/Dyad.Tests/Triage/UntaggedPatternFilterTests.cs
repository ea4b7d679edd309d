using Dyad.Actors;
using Dyad.Triage;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Triage;

/// <summary>
/// A sentence in which no pattern may fire under any tagging is not tagged (<see cref="UntaggedPatternFilter"/>).
/// These tests hold that judgement to what the tagged sentence gives: it may let through a sentence no pattern
/// fires in, but never set aside one in which a pattern may.
/// </summary>
public sealed class UntaggedPatternFilterTests
{
    private static readonly Lazy<(EventDictionary Events, ActorDictionary Actors)> BuiltIn = new(() => (EventDictionary.LoadBuiltIn(), ActorDictionary.LoadBuiltIn()));

    [Theory]
    [InlineData("Japan sharply criticised China over the dispute.", true)]
    [InlineData("The two sides held talks in Geneva.", true)]
    [InlineData("Brazil's coffee output is 30 mln bags.", false)]
    [InlineData("Canadian wheat stocks were 2.1 mln tonnes.", false)]
    public void Tells_sentences_a_pattern_may_fire_in_from_their_words_alone(string text, bool mayCode)
    {
        var (events, actors) = BuiltIn.Value;
        var coder = new EventCoder(events);
        var filter = new UntaggedPatternFilter(coder, events, SyntaxPipeline.Default);
        var sentence = Sentence(text);

        Assert.Equal(mayCode, filter.MayCode(sentence.Tokens));
        Assert.Equal(mayCode, coder.MayCode(new SentenceView(sentence, actors, SyntaxPipeline.Default, mayHaveActorPhrase: true)));
    }

    [Fact]
    public void A_light_verb_pattern_needs_its_object_among_the_words()
    {
        var events = new EventDictionary();
        events.ReadDyadFormat(new StringReader("hold obj:talk\t043"), "test.txt");
        var filter = new UntaggedPatternFilter(new EventCoder(events), events, SyntaxPipeline.Default);

        Assert.True(filter.MayCode(Sentence("The ministers held talks.").Tokens));
        Assert.False(filter.MayCode(Sentence("The company held its dividend.").Tokens));
    }

    [SkippableFact]
    public void Never_sets_aside_a_Reuters_sentence_a_pattern_may_fire_in()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var (events, actors) = BuiltIn.Value;
        var setAside = Compare(events, actors, path, 500);

        // Most Reuters sentences are about markets: most have no word a pattern could fire on.
        Assert.True(setAside > 1000, $"{setAside} set aside");
    }

    [SkippableFact]
    public void Never_sets_aside_a_Reuters_sentence_a_Phoenix_pattern_may_fire_in()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var folder = SharedData.Require("data", "phoenix-dictionaries");
        var (actors, events, _) = PetrarchDictionaries.LoadFolder(folder, ActorDictionary.LoadBuiltIn(), EventDictionary.LoadBuiltIn(), _ => { });

        Assert.True(Compare(events, actors, path, 150) > 0);
    }

    private static int Compare(EventDictionary events, ActorDictionary actors, string path, int stories)
    {
        var coder = new EventCoder(events);
        var filter = new UntaggedPatternFilter(coder, events, SyntaxPipeline.Default);
        var lines = string.Join('\n', File.ReadLines(path).Take(stories));
        var setAside = 0;
        foreach (var input in new DocumentReader().ReadJsonLines(new StringReader(lines), "reuters").Where(i => i.Document is not null))
        {
            foreach (var sentence in DocumentSegmenter.Default.Segment(input.Document!).Sentences)
            {
                if (!filter.MayCode(sentence.Tokens))
                {
                    setAside++;
                    Assert.False(coder.MayCode(new SentenceView(sentence, actors, SyntaxPipeline.Default, mayHaveActorPhrase: true)), sentence.Text);
                }
            }
        }

        return setAside;
    }

    private static Sentence Sentence(string text) => DocumentSegmenter.Default.Segment(new Document("s", text)).Sentences.Single();
}
