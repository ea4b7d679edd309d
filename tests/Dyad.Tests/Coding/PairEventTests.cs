using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Tests.Coding;

/// <summary>
/// Words that look like acts but tell none between the story's actors: the pair model on the seed story, and "meet"
/// with a thing as its object.
/// </summary>
public sealed class PairEventTests
{
    private static readonly Lazy<DocumentCoder> Coder = new(DocumentCoder.CreateDefault);

    [SkippableFact]
    public void Two_subjects_of_two_clauses_are_not_coded_as_meeting_through_the_clause_that_governs_both()
    {
        var path = SharedData.Require("seed", "000_0a52640f911a041c.txt");
        var document = new DocumentReader().ReadFile(path).Select(input => input.Document).OfType<Document>().Single() with { Date = new DateOnly(2016, 11, 28) };

        var coded = Coder.Value.Code(document);

        // "After Japan imposed strengthened sanctions ..., North Korea disbanded its investigation team": Japan
        // imposed, North Korea disbanded; neither met the other.
        var sentence = coded.Segmented.Sentences.Single(s => s.Text.StartsWith("After Japan imposed", StringComparison.Ordinal));
        Assert.DoesNotContain(coded.Events, e => e.Sentence == sentence.Index && e.Evidence.Rule.StartsWith("pair model", StringComparison.Ordinal));
        Assert.Contains(coded.Events, e => e.Sentence == sentence.Index && e.Cameo.Code.Value == "163");
    }

    [Fact]
    public void Meeting_requirements_is_no_meeting_with_the_storys_other_country()
    {
        const string text = "The United States and Japan held talks on Monday. "
            + "Only these 18 Japanese branches of foreign-owned brokers would meet other existing requirements to participate.";

        var coded = Coder.Value.Code(new Document("meet", text) { Date = new DateOnly(1987, 3, 18) });

        Assert.Contains(coded.Events, e => e.Sentence == 0 && e.Cameo.Code.Value == "040");
        Assert.DoesNotContain(coded.Events, e => e.Sentence == 1);
    }
}
