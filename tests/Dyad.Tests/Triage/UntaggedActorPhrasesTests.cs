using Dyad.Actors;
using Dyad.Coding;
using Dyad.Triage;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Records;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Triage;

/// <summary>
/// A sentence whose actor phrases are the same whatever its tags is matched untagged (<see cref="ActorPhraseFilter.MayHaveActorPhrase"/>),
/// and tagged only if something else needs its tags. These tests hold the untagged match to the tagged one.
/// </summary>
public sealed class UntaggedActorPhrasesTests
{
    private static readonly Lazy<ActorDictionary> BuiltIn = new(ActorDictionary.LoadBuiltIn);

    [Fact]
    public void A_phrase_read_through_a_lemma_only_some_tags_give_needs_the_tags()
    {
        var actors = Dictionary("BLUE ARMY\tXYZMIL");

        // "armies" may be "army" (NNS) or stay "armies" (NNP): only the tag tells whether "blue armies" is the phrase.
        Assert.True(actors.MayFindThrough([["blue"], ["armies"]], [[], ["army"]]));

        // Read through its form or a lemma every tag gives, the phrase needs no tag.
        Assert.False(actors.MayFindThrough([["blue"], ["armies", "army"]], [[], []]));

        // A lemma no phrase of the sentence can be read through changes nothing.
        Assert.False(actors.MayFindThrough([["red"], ["armies"]], [[], ["army"]]));
    }

    [Fact]
    public void A_risky_reading_that_ends_a_phrase_of_its_own_needs_the_tags()
    {
        var actors = Dictionary("ARMY\tXYZMIL\nBLUE ARMY\tXYZMIL");

        Assert.True(actors.MayFindThrough([["red"], ["armies"]], [[], ["army"]]));
    }

    [Fact]
    public void A_country_name_among_words_whose_lemmas_no_phrase_needs_is_matched_untagged()
    {
        var filter = new ActorPhraseFilter(BuiltIn.Value, SyntaxPipeline.Default);
        var sentence = Sentence("Brazil's coffee output is 30 mln bags.");

        Assert.True(filter.MayHaveActorPhrase(sentence, out var untagged));
        Assert.NotNull(untagged);
        Assert.Equal(Phrases(BuiltIn.Value, sentence, Tagged(sentence)), Phrases(BuiltIn.Value, sentence, untagged));
        Assert.Contains(Phrases(BuiltIn.Value, sentence, untagged), p => p.StartsWith("0-1:", StringComparison.Ordinal));
    }

    [Theory]
    // Frequent words the lemmatiser once gave made-up lemmas under tags they never take ("it" as NNP: "Italian";
    // "in" as VBN: "i"; "Union" as VBG: "Un"), each a dictionary word: such a sentence had to be tagged to rule them out.
    [InlineData("It said the Soviet Union bought wheat from Canada in March.")]
    [InlineData("Brazil's central bank said it was under no pressure to act.")]
    public void Frequent_words_with_one_lemma_do_not_need_tags(string text)
    {
        var filter = new ActorPhraseFilter(BuiltIn.Value, SyntaxPipeline.Default);
        var sentence = Sentence(text);

        Assert.True(filter.MayHaveActorPhrase(sentence, out var untagged));
        Assert.NotNull(untagged);
        Assert.Equal(Phrases(BuiltIn.Value, sentence, Tagged(sentence)), Phrases(BuiltIn.Value, sentence, untagged));
    }

    [Fact]
    public void A_story_whose_actor_sentences_cannot_be_coded_is_not_tagged_and_codes_the_same()
    {
        var document = new Document("untagged", "Brazil's coffee output is 30 mln bags. Canadian wheat stocks were 2.1 mln tonnes.") { Date = new DateOnly(1987, 4, 1) };
        // Without the pair model (which asks about every sentence naming an actor, and so parses them), only
        // patterns can code a sentence: these two have none that could fire.
        var patternsOnly = new DocumentCoder(DocumentSegmenter.Default, SyntaxPipeline.Default, ActorDictionary.LoadBuiltIn(), EventDictionary.LoadBuiltIn(), CameoCodebook.Default, DocumentCleaner.Default);
        var lazy = patternsOnly.Code(document);
        var eager = new DocumentCoder(patternsOnly) { ParseEverySentence = true }.Code(document);

        Assert.Equal(0, lazy.SentencesTagged);
        Assert.Equal(eager.Events.Select(EventJson.ToJson), lazy.Events.Select(EventJson.ToJson));
    }

    [SkippableFact]
    public void Reuters_sentences_matched_untagged_find_what_their_tags_find()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var (untagged, checkedSentences) = CompareOnReuters(BuiltIn.Value, path, 600);

        // Most sentences that may name an actor are matched untagged with the built-in dictionaries.
        Assert.InRange(untagged, checkedSentences / 5, checkedSentences);
    }

    [SkippableFact]
    public void Reuters_sentences_matched_untagged_with_Phoenix_dictionaries_find_what_their_tags_find()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var folder = SharedData.Require("data", "phoenix-dictionaries");
        var (actors, _, _) = PetrarchDictionaries.LoadFolder(folder, ActorDictionary.LoadBuiltIn(), new Dyad.Events.EventDictionary(), _ => { });

        var (untagged, checkedSentences) = CompareOnReuters(actors, path, 200);

        // Phoenix's many more phrase words leave fewer sentences whose phrases cannot turn on a tag.
        Assert.InRange(untagged, 1, checkedSentences);
    }

    private static (int Untagged, int Checked) CompareOnReuters(ActorDictionary actors, string path, int stories)
    {
        var filter = new ActorPhraseFilter(actors, SyntaxPipeline.Default);
        var lines = string.Join('\n', File.ReadLines(path).Take(stories));
        int untaggedCount = 0, checkedCount = 0;
        foreach (var input in new DocumentReader().ReadJsonLines(new StringReader(lines), "reuters").Where(i => i.Document is not null))
        {
            foreach (var sentence in DocumentSegmenter.Default.Segment(input.Document!).Sentences)
            {
                if (!filter.MayHaveActorPhrase(sentence, out var untagged))
                {
                    continue;
                }

                checkedCount++;
                if (untagged is not null)
                {
                    untaggedCount++;
                    Assert.Equal(Phrases(actors, sentence, Tagged(sentence)), Phrases(actors, sentence, untagged));
                }
            }
        }

        return (untaggedCount, checkedCount);
    }

    private static string[] Tagged(Sentence sentence) =>
        SyntaxPipeline.Default.Tag(sentence).Words.Select(w => ActorDictionary.Key(w.Lemma)).ToArray();

    private static List<string> Phrases(ActorDictionary actors, Sentence sentence, string[] lemmaKeys)
    {
        var keys = sentence.Tokens.Select(t => ActorDictionary.Key(t.Text)).ToArray();
        return actors.FindAll(keys, lemmaKeys).Select(m => $"{m.Start}-{m.End}:{string.Join(",", m.Entries.Select(e => e.Source))}").ToList();
    }

    private static Sentence Sentence(string text) => DocumentSegmenter.Default.Segment(new Document("s", text)).Sentences.Single();

    private static ActorDictionary Dictionary(string lines)
    {
        var actors = new ActorDictionary();
        actors.ReadDyadFormat(new StringReader(lines), "test.txt");
        return actors;
    }
}
