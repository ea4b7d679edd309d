using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dyad.Tests.Text;

/// <summary>Invariants of the text stages on arbitrary, hostile strings.</summary>
public sealed class TextPropertyTests
{
    // Strings biased towards what breaks tokenizers: punctuation, quotes, abbreviations, surrogate pairs, line breaks.
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\n\n", "\t", "\r\n", ".", "..", "...", "…", ",", "!", "?", "\"", "“", "”", "'", "’", "(", ")", "-", "--", "—", "/",
        "U.S.", "Gen.", "Inc.", "No.", "J.", "e.g.", "n't", "'s", "can't", "1,200.5", "$", "%", "http://x.org/a-b", "a@b.co", "• ",
        "Kyodo", "TOKYO (Reuters) - ", "By Jane Smith", "Subscribe now", "😀", "𝒳", "\uD83D", "\uDE00", "é", "e\u0301", "\u00A0", "\u200B", "\0",
        "The", "talks", "Japan", "said", "A", "b", "7",
    ];

    public static Arbitrary<string> HostileStrings() =>
        Gen.Frequency(
                (3, Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts))),
                (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)))
            .ToArbitrary();

    [Property(Arbitrary = [typeof(TextPropertyTests)], MaxTest = 500)]
    public void Token_offsets_are_in_range_ordered_and_never_split_a_surrogate_pair(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);

        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, previousEnd, text.Length);
            Assert.InRange(token.End, token.Start + 1, text.Length);
            Assert.Equal(text[token.Start..token.End], token.Text);
            Assert.False(token.Start > 0 && char.IsHighSurrogate(text[token.Start - 1]) && char.IsLowSurrogate(text[token.Start]));
            Assert.False(token.End < text.Length && char.IsHighSurrogate(text[token.End - 1]) && char.IsLowSurrogate(text[token.End]));
            previousEnd = token.End;
        }
    }

    [Property(Arbitrary = [typeof(TextPropertyTests)], MaxTest = 500)]
    public void Segmenting_a_document_never_throws_and_sentences_cover_their_tokens(string text)
    {
        var segmented = DocumentSegmenter.Default.Segment(new Document("p", text));

        var previousEnd = 0;
        foreach (var sentence in segmented.Sentences)
        {
            Assert.True(sentence.Span.Start >= previousEnd);
            Assert.Equal(text[sentence.Span.Start..sentence.Span.End], sentence.Text);
            Assert.NotEmpty(sentence.Tokens);
            Assert.Equal(sentence.Span.Start, sentence.Tokens[0].Start);
            Assert.Equal(sentence.Span.End, sentence.Tokens[^1].End);
            previousEnd = sentence.Span.End;
        }

        foreach (var removed in segmented.Layout.Boilerplate)
        {
            Assert.DoesNotContain(segmented.Sentences, s => s.Span.Overlaps(removed.Span));
        }
    }

    [Property(Arbitrary = [typeof(TextPropertyTests)], MaxTest = 300)]
    public void Reading_any_bytes_gives_a_document_or_a_one_line_error(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var (decoded, error) = DocumentReader.DecodeUtf8(bytes);

        Assert.True(decoded is not null ^ error is not null);
        if (error is not null)
        {
            Assert.DoesNotContain('\n', error);
        }
    }
}

/// <summary>Arbitrary bytes, as a file on disk might hold them.</summary>
public sealed class ByteInputPropertyTests
{
    [Property(MaxTest = 500)]
    public void Decoding_arbitrary_bytes_never_throws(byte[] bytes)
    {
        var (decoded, error) = DocumentReader.DecodeUtf8(bytes ?? []);

        Assert.True(decoded is not null ^ error is not null);
    }
}
