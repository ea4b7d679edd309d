using System.Runtime.InteropServices;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Segmentation;

/// <summary>A document cut into its layout and the sentences of its body.</summary>
public sealed record SegmentedDocument(Document Document, DocumentLayout Layout, IReadOnlyList<Sentence> Sentences);

/// <summary>The text stages in order: clean the layout, tokenize each body paragraph, split it into sentences.</summary>
internal sealed class DocumentSegmenter
{
    private readonly DocumentCleaner _cleaner;
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;

    public DocumentSegmenter(DocumentCleaner cleaner, Tokenizer tokenizer, SentenceSplitter splitter)
    {
        _cleaner = cleaner;
        _tokenizer = tokenizer;
        _splitter = splitter;
    }

    public static DocumentSegmenter Default { get; } = new(DocumentCleaner.Default, Tokenizer.Default, SentenceSplitter.Default);

    public SegmentedDocument Segment(Document document)
    {
        var layout = _cleaner.Clean(document);
        var sentences = new List<Sentence>();
        var tokens = new List<Token>();
        var ranges = new List<Range>();
        foreach (var paragraph in layout.Body)
        {
            tokens.Clear();
            ranges.Clear();
            _tokenizer.Tokenize(document.Text, paragraph, tokens);
            _splitter.Split(document.Text, tokens, ranges);
            foreach (var range in ranges)
            {
                var (offset, length) = range.GetOffsetAndLength(tokens.Count);
                if (length == 0)
                {
                    continue;
                }

                var sentenceTokens = CollectionsMarshal.AsSpan(tokens).Slice(offset, length).ToArray();
                var span = new TextSpan(sentenceTokens[0].Start, sentenceTokens[^1].End);
                sentences.Add(new Sentence(sentences.Count, span, span.Slice(document.Text), sentenceTokens));
            }
        }

        return new SegmentedDocument(document, layout, sentences);
    }

    /// <summary>Splits and tokenizes plain running text with no layout (for evaluation against treebanks).</summary>
    public IReadOnlyList<Sentence> SegmentPlain(string text, IEnumerable<TextSpan> paragraphs)
    {
        var sentences = new List<Sentence>();
        var tokens = new List<Token>();
        var ranges = new List<Range>();
        foreach (var paragraph in paragraphs)
        {
            tokens.Clear();
            ranges.Clear();
            _tokenizer.Tokenize(text, paragraph, tokens);
            _splitter.Split(text, tokens, ranges);
            foreach (var range in ranges)
            {
                var (offset, length) = range.GetOffsetAndLength(tokens.Count);
                if (length > 0)
                {
                    var sentenceTokens = tokens.GetRange(offset, length).ToArray();
                    var span = new TextSpan(sentenceTokens[0].Start, sentenceTokens[^1].End);
                    sentences.Add(new Sentence(sentences.Count, span, span.Slice(text), sentenceTokens));
                }
            }
        }

        return sentences;
    }
}
