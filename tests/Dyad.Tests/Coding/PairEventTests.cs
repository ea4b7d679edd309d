using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Tests.Coding;

/// <summary>What the pair model may code, on the seed story: only acts told by a word that can tell one, between actors of one clause.</summary>
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
}
