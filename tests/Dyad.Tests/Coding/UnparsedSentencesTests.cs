using Dyad.Coding;
using Dyad.Documents;
using Dyad.Records;

namespace Dyad.Tests.Coding;

/// <summary>
/// Coding leaves unparsed the sentences that cannot yield an event (no actor, or no pattern that could fire), and
/// untagged those that cannot have an actor phrase. These tests hold it to giving exactly the events that tagging
/// and parsing every sentence gives, on real stories.
/// </summary>
public sealed class UnparsedSentencesTests
{
    private static readonly Lazy<DocumentCoder> Lazy = new(DocumentCoder.CreateDefault);
    private static readonly Lazy<DocumentCoder> Eager = new(() => new DocumentCoder(DocumentCoder.CreateDefault()) { ParseEverySentence = true });

    [Fact]
    public void A_sentence_without_actors_is_not_parsed_and_the_others_are_coded()
    {
        var document = new Document("mixed", "Share prices rose 3 pct in heavy trading. Japan sharply criticised China over the dispute.")
        {
            Date = new DateOnly(2023, 6, 1),
        };

        var coded = Lazy.Value.Code(document);

        Assert.Equal(2, coded.Segmented.Sentences.Count);
        Assert.Equal(1, coded.SentencesParsed);
        var e = Assert.Single(coded.Events);
        Assert.Equal("JPN", e.Source.Code.Value);
        Assert.Equal("CHN", e.Target?.Code.Value);
    }

    [Fact]
    public void A_report_carried_through_an_unparsed_sentence_still_reaches_the_event()
    {
        // The middle sentence names no actor, so it is parsed only because the last sentence asks whether the
        // sources' account goes on through it ("The talks continued").
        var text = "Japanese officials met North Korean officials in Beijing in early September, according to sources. "
            + "The talks continued into the night. Japan then held talks with North Korea in Dalian.";
        var document = new Document("carried", text) { Date = new DateOnly(2016, 11, 28) };

        AssertSameEvents(document);
    }

    [Fact]
    public void Samples_and_the_seed_story_code_the_same_with_and_without_skipped_parses()
    {
        var reader = new DocumentReader(new DateOnly(2016, 11, 28));
        var inputs = Directory.GetFiles(SharedData.Samples).Order(StringComparer.Ordinal).ToList();
        if (File.Exists(SharedData.SeedStory))
        {
            inputs.Add(SharedData.SeedStory);
        }

        foreach (var input in reader.Read(inputs))
        {
            AssertSameEvents(input.Document!);
        }
    }

    [SkippableFact]
    public void Reuters_stories_code_the_same_with_and_without_skipped_parses()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var lines = string.Join('\n', File.ReadLines(path).Take(400));
        var documents = new DocumentReader().ReadJsonLines(new StringReader(lines), "reuters").Where(i => i.Document is not null).ToList();
        var parsed = 0;
        var tagged = 0;
        var sentences = 0;
        foreach (var input in documents)
        {
            var coded = AssertSameEvents(input.Document!);
            parsed += coded.SentencesParsed;
            tagged += coded.SentencesTagged;
            sentences += coded.Segmented.Sentences.Count;
        }

        // Most Reuters sentences are about markets and companies: skipping their parse (and for many, their
        // tagging) is what makes coding fast. The pair model asks about every sentence that names an actor, so
        // those are parsed too; the rest (about a third) still are not.
        Assert.InRange(parsed, 1, sentences * 7 / 10);
        Assert.InRange(tagged, parsed, sentences - 1);
    }

    [SkippableFact]
    public void Reuters_stories_code_the_same_with_Phoenix_dictionaries()
    {
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var dictionaries = SharedData.Require("data", "phoenix-dictionaries");
        var lazy = DocumentCoder.Create(dictionaries, onlyExternal: false, warn: _ => { });
        var eager = new DocumentCoder(lazy) { ParseEverySentence = true };
        var lines = string.Join('\n', File.ReadLines(path).Take(200));
        foreach (var input in new DocumentReader().ReadJsonLines(new StringReader(lines), "reuters").Where(i => i.Document is not null))
        {
            AssertSameEvents(lazy, eager, input.Document!);
        }
    }

    private static CodedDocument AssertSameEvents(Document document) => AssertSameEvents(Lazy.Value, Eager.Value, document);

    private static CodedDocument AssertSameEvents(DocumentCoder lazyCoder, DocumentCoder eagerCoder, Document document)
    {
        var lazy = lazyCoder.Code(document);
        var eager = eagerCoder.Code(document);
        Assert.Equal(lazy.Segmented.Sentences.Count, eager.SentencesParsed);
        Assert.Equal(eager.Events.Select(EventJson.ToJson), lazy.Events.Select(EventJson.ToJson));
        return lazy;
    }
}
