using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Text;

namespace Dyad.Tests.Text;

/// <summary>The seed story in ../shared: the text stages must find exactly its body.</summary>
public sealed class SeedStoryTests
{
    private static SegmentedDocument Segment()
    {
        var path = SharedData.Require("seed", "000_0a52640f911a041c.txt");
        var document = Assert.Single(new DocumentReader().Read([path])).Document!;
        return DocumentSegmenter.Default.Segment(document);
    }

    [SkippableFact]
    public void Yields_the_fifteen_body_sentences()
    {
        var segmented = Segment();

        Assert.Equal(15, segmented.Sentences.Count);
        Assert.StartsWith("Japanese officials have been meeting secretly", segmented.Sentences[0].Text, StringComparison.Ordinal);
        Assert.Equal("Tokyo and Pyongyang have no diplomatic ties.", segmented.Sentences[4].Text);
        Assert.StartsWith("According to the sources, officials from both sides held a meeting", segmented.Sentences[7].Text, StringComparison.Ordinal);
        Assert.EndsWith("suspended the probe.", segmented.Sentences[14].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Recognises_the_Kyodo_byline_and_removes_both_lines_of_the_pitch()
    {
        var layout = Segment().Layout;

        Assert.Equal("Kyodo", layout.Byline?.Name);
        Assert.True(layout.Byline?.IsAgency);
        Assert.Equal(2, layout.Boilerplate.Count);
        Assert.StartsWith("In a time of both misinformation", layout.Boilerplate[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("By subscribing", layout.Boilerplate[1].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_sentence_and_token_is_the_original_text_at_its_offsets()
    {
        var segmented = Segment();
        var text = segmented.Document.Text;

        foreach (var sentence in segmented.Sentences)
        {
            Assert.Equal(sentence.Text, text[sentence.Span.Start..sentence.Span.End]);
            foreach (var token in sentence.Tokens)
            {
                Assert.Equal(token.Text, text[token.Start..token.End]);
            }
        }
    }
}
