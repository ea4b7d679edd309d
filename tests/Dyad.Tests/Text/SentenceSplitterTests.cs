using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Text;

namespace Dyad.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Gen. Smith arrived. He spoke.", "Gen. Smith arrived.|He spoke.")]
    [InlineData("Lt. Col. Jones met Sen. Brown in St. Louis on Jan. 3. They talked.", "Lt. Col. Jones met Sen. Brown in St. Louis on Jan. 3.|They talked.")]
    [InlineData("The U.S. President spoke. The U.N. listened.", "The U.S. President spoke.|The U.N. listened.")]
    [InlineData("He moved to the U.S. The move was planned.", "He moved to the U.S.|The move was planned.")]
    [InlineData("Earlier, U.S. Officials with Shultz in Peking said so. The talks ended.", "Earlier, U.S. Officials with Shultz in Peking said so.|The talks ended.")]
    [InlineData("The launch took place in the U.K. And West Germany on Monday.", "The launch took place in the U.K. And West Germany on Monday.")]
    [InlineData("Polish exports to the U.S. In the late 1970s averaged 100 mln dlrs.", "Polish exports to the U.S. In the late 1970s averaged 100 mln dlrs.")]
    [InlineData("Aquino visited the U.S. The sources said the loan was approved.", "Aquino visited the U.S.|The sources said the loan was approved.")]
    [InlineData("Tamura said interference by U.S.\nGovernment officials in the deal was inappropriate.", "Tamura said interference by U.S.\nGovernment officials in the deal was inappropriate.")]
    [InlineData("President Reagan warned the U.S.\nCongress against passing the bill.", "President Reagan warned the U.S.\nCongress against passing the bill.")]
    [InlineData("Top U.S.\nTreasury officials had said the same.", "Top U.S.\nTreasury officials had said the same.")]
    [InlineData("Nearly a third went to the U.S.\nMost of the potash is used in fertilizer.", "Nearly a third went to the U.S.|Most of the potash is used in fertilizer.")]
    [InlineData("Talks are under way with the\nU.S.\n\"We want a better system,\" he said.", "Talks are under way with the\nU.S.|\"We want a better system,\" he said.")]
    [InlineData("Shares of Acme Inc. rose 2.5 percent to $3.50. Trading was light.", "Shares of Acme Inc. rose 2.5 percent to $3.50.|Trading was light.")]
    [InlineData("J. K. Rowling wrote it. No. 10 said so.", "J. K. Rowling wrote it.|No. 10 said so.")]
    [InlineData("\"We will not yield.\" The minister left.", "\"We will not yield.\"|The minister left.")]
    [InlineData("“Why?” he asked. Nobody answered.", "“Why?” he asked.|Nobody answered.")]
    [InlineData("It was over... The crowd left.", "It was over...|The crowd left.")]
    [InlineData("He said it (in private). Then he left.", "He said it (in private).|Then he left.")]
    [InlineData("Prices rose 1.5 pct in Feb. The bank said 3.2 mln.", "Prices rose 1.5 pct in Feb.|The bank said 3.2 mln.")]
    [InlineData("Is it true? Yes! It is.", "Is it true?|Yes!|It is.")]
    [InlineData("e.g. this one, i.e. that one.", "e.g. this one, i.e. that one.")]
    [InlineData("TALKS RESUME\nThe talks resumed on Monday.", "TALKS RESUME|The talks resumed on Monday.")]
    [InlineData("Key points:\n• Japan met North Korea\n• China hosted the talks", "Key points:|• Japan met North Korea|• China hosted the talks")]
    public void Splits_a_paragraph_into_sentences(string paragraph, string expected)
    {
        var sentences = DocumentSegmenter.Default.SegmentPlain(paragraph, [new TextSpan(0, paragraph.Length)]);

        Assert.Equal(expected, string.Join('|', sentences.Select(s => s.Text)));
    }

    [Fact]
    public void Never_joins_sentences_across_paragraphs()
    {
        var document = new Document("d", "Talks began.\n\nThe second paragraph has no period\n\nThe third one does.");

        var sentences = DocumentSegmenter.Default.Segment(document).Sentences;

        Assert.Equal(["Talks began.", "The second paragraph has no period", "The third one does."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void Wrapped_wire_lines_stay_one_sentence()
    {
        var document = new Document("d", "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n    Arrivals were 155,221 bags.");

        var sentences = DocumentSegmenter.Default.Segment(document).Sentences;

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("Showers continued", sentences[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("the drought.", sentences[0].Text, StringComparison.Ordinal);
    }
}
