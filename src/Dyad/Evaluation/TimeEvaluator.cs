using Dyad.Actors;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;

namespace Dyad.Evaluation;

/// <summary>
/// Counts for one TIMEX3 type. A matched pair counts toward recall under the gold expression's type and toward
/// precision under the system expression's type, so each row is honest about both sides.
/// </summary>
internal sealed record TimexTypeScore(string Type, int Gold, int System, MatchCounts Strict, MatchCounts Relaxed, MatchCounts Value)
{
    /// <summary>Of the relaxed matches (counted on the gold side), the share whose value is the gold value.</summary>
    public double ValueAccuracy => Relaxed.OfGold == 0 ? 0 : (double)Value.OfGold / Relaxed.OfGold;

    public double Precision(MatchCounts counts) => System == 0 ? 0 : (double)counts.OfSystem / System;

    public double Recall(MatchCounts counts) => Gold == 0 ? 0 : (double)counts.OfGold / Gold;

    public double F1(MatchCounts counts)
    {
        var (p, r) = (Precision(counts), Recall(counts));
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}

/// <summary>Matched pairs counted under the gold expression's type and under the system expression's type.</summary>
internal readonly record struct MatchCounts(int OfGold, int OfSystem);

/// <summary>A gold expression Dyad got wrong: missed, found with a wrong value, or found where the gold has none.</summary>
internal sealed record TimexError(string Kind, string Document, string GoldText, string GoldType, string GoldValue, string SystemText, string SystemValue);

/// <summary>The scores by type (DATE, TIME, DURATION, SET, then all), the number of documents and the errors.</summary>
internal sealed record TimeScore(int Documents, IReadOnlyList<TimexTypeScore> Types, IReadOnlyList<TimexError> Errors);

/// <summary>
/// Measures time expression recognition and normalisation against TimeML documents as TempEval-3 does. Each
/// document's text goes through Dyad's own splitter, tokenizer and recognizer, anchored on the document's creation
/// time, with the tense of each expression's verb and the last time mentioned as coding gives them (see
/// Coding's StoryState). Expressions match by character overlap (relaxed) or exact extent (strict); a value is
/// right when the TIMEX3 value of Dyad's interval (see <see cref="TimexValue"/>) equals the gold value.
/// </summary>
internal static class TimeEvaluator
{
    public static readonly IReadOnlyList<string> TypeOrder = ["DATE", "TIME", "DURATION", "SET"];

    private sealed record SystemTimex(int Start, int End, string Text, string Type, string Value);

    public static TimeScore Evaluate(IEnumerable<TimeMLDocument> documents, DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Row(string type) => counts.TryGetValue(type, out var row) ? row : counts[type] = new int[8];
        var errors = new List<TimexError>();
        var documentCount = 0;
        foreach (var document in documents)
        {
            documentCount++;
            var system = Recognize(document, segmenter, syntax, actors);
            var gold = document.Timexes;
            foreach (var g in gold)
            {
                Row(g.Type)[0]++;
            }

            foreach (var s in system)
            {
                Row(s.Type)[1]++;
            }

            var used = new bool[system.Count];
            foreach (var g in gold)
            {
                var k = Enumerable.Range(0, system.Count).FirstOrDefault(k => !used[k] && system[k].Start < g.End && g.Start < system[k].End, -1);
                if (k < 0)
                {
                    errors.Add(new TimexError("missed", document.Name, g.Text, g.Type, g.Value, string.Empty, string.Empty));
                    continue;
                }

                used[k] = true;
                var s = system[k];
                var strict = s.Start == g.Start && s.End == g.End;
                var right = s.Value == g.Value;
                Row(g.Type)[4]++;
                Row(s.Type)[5]++;
                if (strict)
                {
                    Row(g.Type)[2]++;
                    Row(s.Type)[3]++;
                }

                if (right)
                {
                    Row(g.Type)[6]++;
                    Row(s.Type)[7]++;
                }
                else
                {
                    errors.Add(new TimexError("wrong value", document.Name, g.Text, g.Type, g.Value, s.Text, s.Value));
                }
            }

            for (var k = 0; k < system.Count; k++)
            {
                if (!used[k])
                {
                    errors.Add(new TimexError("not in gold", document.Name, string.Empty, string.Empty, string.Empty, system[k].Text, system[k].Value));
                }
            }
        }

        var types = TypeOrder.Concat(counts.Keys.Where(k => !TypeOrder.Contains(k)).Order(StringComparer.Ordinal)).ToList();
        var scores = types.Select(t => Score(t, Row(t))).ToList();
        var all = new int[8];
        foreach (var row in counts.Values)
        {
            for (var i = 0; i < all.Length; i++)
            {
                all[i] += row[i];
            }
        }

        scores.Add(Score("all", all));
        return new TimeScore(documentCount, scores, errors);
    }

    private static TimexTypeScore Score(string type, int[] c) =>
        new(type, c[0], c[1], new MatchCounts(c[2], c[3]), new MatchCounts(c[4], c[5]), new MatchCounts(c[6], c[7]));

    /// <summary>Dyad's time expressions in a document, with their TIMEX3 types and values.</summary>
    private static List<SystemTimex> Recognize(TimeMLDocument document, DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors)
    {
        var result = new List<SystemTimex>();
        var anchor = document.Created;
        EventDate? reference = null;
        foreach (var sentence in segmenter.SegmentPlain(document.Text, Paragraphs(document.Text)))
        {
            var view = new SentenceView(sentence, actors, syntax, mayHaveActorPhrase: true);
            var found = TimeExpressionRecognizer.Find(sentence.Tokens, anchor, t => EventDater.TenseForDate(view, t), reference);
            foreach (var expression in found.SelectMany(e => EndsOfRange(sentence.Tokens, e, anchor, view, reference)))
            {
                var span = new TextSpan(sentence.Tokens[expression.Start].Start, sentence.Tokens[expression.End - 1].End);
                result.Add(new SystemTimex(span.Start, span.End, document.Text[span.Start..span.End], TypeOf(expression), TimexValue.Of(expression, anchor)));
            }

            // As coding does: the time a sentence passes on is the one that governs it.
            var dates = found.Where(e => e.IsDate).ToList();
            if (EventDater.Governing(view, dates) is { } governing)
            {
                reference = governing.Value;
            }
        }

        return result;
    }

    /// <summary>
    /// A range ("from Aug. 26 to Oct. 20", "between 1991 and 1997") as TimeML annotates it: its two ends, each an
    /// expression of its own, found in the range's words after "from" or "between"; anything else as it is.
    /// </summary>
    private static IEnumerable<TimeExpression> EndsOfRange(IReadOnlyList<Token> tokens, TimeExpression expression, DateOnly anchor, SentenceView view, EventDate? reference)
    {
        if (expression.Value.Precision != "range")
        {
            return [expression];
        }

        var first = expression.Start + 1;
        var words = tokens.Skip(first).Take(expression.End - first).ToList();
        var ends = TimeExpressionRecognizer.Find(words, anchor, t => EventDater.TenseForDate(view, t + first), reference);
        return ends.Count == 2 ? ends.Select(e => e with { Start = e.Start + first, End = e.End + first }) : [expression];
    }

    private static string TypeOf(TimeExpression expression) => expression.Kind switch
    {
        TimeKind.Time => "TIME",
        TimeKind.Duration or TimeKind.Span => "DURATION",
        TimeKind.Set => "SET",
        _ => "DATE",
    };

    /// <summary>Paragraphs are separated by a blank line.</summary>
    private static List<TextSpan> Paragraphs(string text)
    {
        var paragraphs = new List<TextSpan>();
        var start = 0;
        while (start < text.Length)
        {
            var blank = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            var end = blank < 0 ? text.Length : blank;
            if (!string.IsNullOrWhiteSpace(text[start..end]))
            {
                paragraphs.Add(new TextSpan(start, end));
            }

            start = end + 2;
        }

        return paragraphs;
    }
}
