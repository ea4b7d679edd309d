using System.Text;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Evaluation;

/// <summary>Precision, recall and F1 of one kind of unit.</summary>
internal readonly record struct F1Score(int Gold, int System, int Correct)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How our splitter and tokenizer agree with a treebank's segmentation of the same running text.</summary>
internal sealed record SegmentationScore(
    int Documents,
    F1Score Words,
    F1Score SurfaceTokens,
    F1Score Sentences,
    F1Score SentenceBoundaries,
    F1Score InnerBoundaries,
    IReadOnlyList<string> WordErrors);

/// <summary>
/// Rebuilds each treebank document's running text from its sentences (a space between sentences of a paragraph,
/// a blank line between paragraphs), segments it with our own stages, and compares spans as the CoNLL 2018
/// shared task does: a unit counts when its character span matches exactly.
/// </summary>
internal static class SegmentationEvaluator
{
    public static SegmentationScore Evaluate(IEnumerable<ConlluSentence> gold, DocumentSegmenter segmenter)
    {
        var documents = 0;
        int wordGold = 0, wordSystem = 0, wordCorrect = 0;
        int tokenGold = 0, tokenSystem = 0, tokenCorrect = 0;
        int sentGold = 0, sentSystem = 0, sentCorrect = 0;
        int boundGold = 0, boundSystem = 0, boundCorrect = 0;
        int innerGold = 0, innerSystem = 0, innerCorrect = 0;
        var errors = new List<string>();

        foreach (var document in GroupDocuments(gold))
        {
            documents++;
            var built = Build(document);
            var system = segmenter.SegmentPlain(built.Text, built.Paragraphs);

            var systemWords = new HashSet<(int, int)>();
            foreach (var sentence in system)
            {
                foreach (var token in sentence.Tokens)
                {
                    systemWords.Add((token.Start, token.End));
                }
            }

            Count(built.Words, systemWords, ref wordGold, ref wordSystem, ref wordCorrect);
            foreach (var (start, end) in systemWords.Where(w => !built.Words.Contains(w)).Order())
            {
                var from = Math.Max(0, start - 20);
                var to = Math.Min(built.Text.Length, end + 20);
                errors.Add($"+{built.Text[start..end]}\t{built.Text[from..to].ReplaceLineEndings(" ")}");
            }

            foreach (var (start, end) in built.Words.Where(w => !systemWords.Contains(w) && w.Item1 >= 0 && w.Item2 <= built.Text.Length).Order())
            {
                var from = Math.Max(0, start - 20);
                var to = Math.Min(built.Text.Length, Math.Max(start, end) + 20);
                errors.Add($"-{built.Text[start..Math.Min(end, built.Text.Length)]}\t{built.Text[from..to].ReplaceLineEndings(" ")}");
            }

            Count(built.SurfaceTokens, systemWords, ref tokenGold, ref tokenSystem, ref tokenCorrect);
            var systemSentences = system.Select(s => (s.Span.Start, s.Span.End)).ToHashSet();
            Count(built.Sentences, systemSentences, ref sentGold, ref sentSystem, ref sentCorrect);
            var goldEnds = built.Sentences.Select(s => s.Item2).ToHashSet();
            var systemEnds = system.Select(s => s.Span.End).ToHashSet();
            Count(goldEnds, systemEnds, ref boundGold, ref boundSystem, ref boundCorrect);
            var paragraphEnds = built.Paragraphs.Select(p => p.End).ToHashSet();
            Count(goldEnds.Where(e => !paragraphEnds.Contains(e)).ToHashSet(), systemEnds.Where(e => !paragraphEnds.Contains(e)).ToHashSet(), ref innerGold, ref innerSystem, ref innerCorrect);
        }

        return new SegmentationScore(
            documents,
            new F1Score(wordGold, wordSystem, wordCorrect),
            new F1Score(tokenGold, tokenSystem, tokenCorrect),
            new F1Score(sentGold, sentSystem, sentCorrect),
            new F1Score(boundGold, boundSystem, boundCorrect),
            new F1Score(innerGold, innerSystem, innerCorrect),
            errors);
    }

    private static void Count<T>(HashSet<T> gold, HashSet<T> system, ref int goldCount, ref int systemCount, ref int correct)
    {
        goldCount += gold.Count;
        systemCount += system.Count;
        foreach (var item in system)
        {
            if (gold.Contains(item))
            {
                correct++;
            }
        }
    }

    internal static List<List<ConlluSentence>> GroupDocuments(IEnumerable<ConlluSentence> sentences)
    {
        var documents = new List<List<ConlluSentence>>();
        foreach (var sentence in sentences)
        {
            if (documents.Count == 0 || sentence.NewDoc is not null)
            {
                documents.Add([]);
            }

            documents[^1].Add(sentence);
        }

        return documents;
    }

    internal sealed record BuiltDocument(
        string Text,
        List<TextSpan> Paragraphs,
        HashSet<(int, int)> Sentences,
        HashSet<(int, int)> Words,
        HashSet<(int, int)> SurfaceTokens,
        List<(ConlluSentence Sentence, (int, int)[] Spans)> WordSpans);

    internal static BuiltDocument Build(List<ConlluSentence> sentences)
    {
        var text = new StringBuilder();
        var paragraphs = new List<TextSpan>();
        var sentenceSpans = new HashSet<(int, int)>();
        var words = new HashSet<(int, int)>();
        var surface = new HashSet<(int, int)>();
        var wordSpans = new List<(ConlluSentence, (int, int)[])>();
        var paragraphStart = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (s > 0)
            {
                if (sentence.NewPar)
                {
                    paragraphs.Add(new TextSpan(paragraphStart, text.Length));
                    text.Append("\n\n");
                    paragraphStart = text.Length;
                }
                else
                {
                    text.Append(' ');
                }
            }

            var sentenceText = sentence.Text ?? string.Join(' ', sentence.Words.Select(w => w.Form));
            var offset = text.Length;
            text.Append(sentenceText);
            sentenceSpans.Add((offset, offset + sentenceText.Length));
            var spans = AlignWords(sentence, sentenceText, offset, surface);
            foreach (var span in spans)
            {
                words.Add(span);
            }

            wordSpans.Add((sentence, spans));
        }

        paragraphs.Add(new TextSpan(paragraphStart, text.Length));
        return new BuiltDocument(text.ToString(), paragraphs, sentenceSpans, words, surface, wordSpans);
    }

    /// <summary>Each gold word's character span in the document (words of a multiword token that do not spell it out get an impossible span).</summary>
    private static (int, int)[] AlignWords(ConlluSentence sentence, string text, int offset, HashSet<(int, int)> surface)
    {
        var words = new (int, int)[sentence.Words.Count];
        var position = 0;
        var w = 0;
        var multiwordIndex = 0;
        while (w < sentence.Words.Count)
        {
            var word = sentence.Words[w];
            ConlluMultiword? mwt = multiwordIndex < sentence.Multiwords.Count && sentence.Multiwords[multiwordIndex].First == word.Id
                ? sentence.Multiwords[multiwordIndex++]
                : null;
            var form = mwt?.Form ?? word.Form;
            var found = text.IndexOf(form, position, StringComparison.Ordinal);
            if (found < 0)
            {
                // The form is not in the text as written (rare normalisations): no span can match it.
                var skip = mwt is null ? 1 : mwt.Last - mwt.First + 1;
                for (var k = 0; k < skip && w + k < words.Length; k++)
                {
                    words[w + k] = (-1 - w - k, -1);
                }

                w += skip;
                continue;
            }

            var start = found;
            var end = found + form.Length;
            position = end;
            surface.Add((offset + start, offset + end));
            if (mwt is null)
            {
                words[w] = (offset + start, offset + end);
                w++;
                continue;
            }

            // A multiword token's words get character spans when their forms spell it out ("do" + "n't").
            var parts = sentence.Words.Skip(w).Take(mwt.Last - mwt.First + 1).ToList();
            if (string.Concat(parts.Select(p => p.Form)) == form)
            {
                var at = start;
                for (var k = 0; k < parts.Count; k++)
                {
                    words[w + k] = (offset + at, offset + at + parts[k].Form.Length);
                    at += parts[k].Form.Length;
                }
            }
            else
            {
                for (var k = 0; k < parts.Count; k++)
                {
                    words[w + k] = (offset + start, offset + end + parts[k].Id);
                }
            }

            w += parts.Count;
        }

        return words;
    }
}
