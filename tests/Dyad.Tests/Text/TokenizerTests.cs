using Dyad.Text;

namespace Dyad.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("North Korea's ruling party", "North|Korea|'s|ruling|party")]
    [InlineData("North Korea’s ruling party", "North|Korea|’s|ruling|party")]
    [InlineData("They don't and can't and won't.", "They|do|n't|and|ca|n't|and|wo|n't|.")]
    [InlineData("We're sure they'll go, I've heard, I'm told, he'd said", "We|'re|sure|they|'ll|go|,|I|'ve|heard|,|I|'m|told|,|he|'d|said")]
    [InlineData("He cannot come", "He|can|not|come")]
    [InlineData("The U.S. and the U.N. met.", "The|U.S.|and|the|U.N.|met|.")]
    [InlineData("Gen. Smith and Lt. Col. Jones", "Gen.|Smith|and|Lt.|Col.|Jones")]
    [InlineData("Acme Inc. said on Jan. 5", "Acme|Inc.|said|on|Jan.|5")]
    [InlineData("It rose to 1,200.5 tonnes, or 3.5%.", "It|rose|to|1,200.5|tonnes|,|or|3.5|%|.")]
    [InlineData("It cost $5 million", "It|cost|$|5|million")]
    [InlineData("See https://example.com/a-b?c=1, then write to jane.doe@example.org.", "See|https://example.com/a-b?c=1|,|then|write|to|jane.doe@example.org|.")]
    [InlineData("a search-engine and e-mail and co-workers", "a|search|-|engine|and|e-mail|and|co-workers")]
    [InlineData("call 713-853-3989 on 11/28/2000", "call|713-853-3989|on|11/28/2000")]
    [InlineData("\"We will not,\" he said.", "\"|We|will|not|,|\"|he|said|.")]
    [InlineData("“We will not.” He left…", "“|We|will|not|.|”|He|left|…")]
    [InlineData("Wait... what?!", "Wait|...|what|?!")]
    [InlineData("(Reuters) - The talks", "(|Reuters|)|-|The|talks")]
    [InlineData("No. 1 and the answer was no.", "No.|1|and|the|answer|was|no|.")]
    [InlineData("J. R. R. Tolkien", "J.|R.|R.|Tolkien")]
    [InlineData("the 1970s and the 20th century", "the|1970s|and|the|20th|century")]
    [InlineData("and/or", "and|/|or")]
    [InlineData("Japan—and China", "Japan|—|and|China")]
    public void Splits_text_into_UD_English_words(string text, string expected)
    {
        var tokens = Tokenizer.Default.Tokenize(text);

        Assert.Equal(expected, string.Join('|', tokens.Select(t => t.Text)));
    }

    [Fact]
    public void Every_token_is_the_text_at_its_offsets()
    {
        const string text = "  “Tokyo’s officials,” said Gen. Smith (ret.), didn't meet U.S. envoys -- yet.\n";

        foreach (var token in Tokenizer.Default.Tokenize(text))
        {
            Assert.Equal(text[token.Start..token.End], token.Text);
        }
    }
}
