using System.Globalization;
using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Evaluation;

/// <summary>A predicate of a factuality set: its word (0-based) and its gold score, −3 (did not happen) to +3 (happened).</summary>
internal sealed record FactualityPredicate(int Word, double Score);

/// <summary>A sentence of a factuality set: its words and its scored predicates; <see cref="Line"/> is where it starts in the file.</summary>
internal sealed record FactualitySentence(int Line, IReadOnlyList<string> Words, IReadOnlyList<FactualityPredicate> Predicates);

/// <summary>
/// Reads the CoNLL form the factuality sets come in: one word a line, tab-separated columns (index from 0, word,
/// factuality score or "_", then tags and a tree this reader does not use), a blank line between sentences.
/// </summary>
internal static class FactualityConll
{
    public static IReadOnlyList<FactualitySentence> Read(TextReader reader, string fileName)
    {
        var sentences = new List<FactualitySentence>();
        var words = new List<string>();
        var predicates = new List<FactualityPredicate>();
        var start = 1;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                Close();
                start = lineNumber + 1;
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3 || !int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index != words.Count || columns[1].Length == 0)
            {
                throw new FormatException($"{fileName}:{lineNumber}: not a factuality CoNLL line (index from 0, word, score or _, ...)");
            }

            if (columns[2] != "_")
            {
                if (!double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || score is < -3 or > 3)
                {
                    throw new FormatException($"{fileName}:{lineNumber}: factuality score '{columns[2]}' is not a number from -3 to 3");
                }

                predicates.Add(new FactualityPredicate(index, score));
            }

            words.Add(columns[1]);
        }

        Close();
        return sentences;

        void Close()
        {
            if (words.Count > 0)
            {
                sentences.Add(new FactualitySentence(start, [.. words], [.. predicates]));
            }

            words.Clear();
            predicates.Clear();
        }
    }
}

/// <summary>One predicate Dyad's attribution got wrong: the sentence with the predicate marked, the gold score and Dyad's status.</summary>
internal sealed record StanceError(int Line, string Sentence, double Score, string GoldClass, string Status);

/// <summary>How Dyad's statuses agree with a factuality set's scores, by class.</summary>
internal sealed record StanceScore(int Sentences, int Predicates, IReadOnlyDictionary<(string Gold, string System), int> Confusion, IReadOnlyDictionary<(string Gold, string Status), int> Statuses, IReadOnlyList<StanceError> Errors)
{
    public int Correct => StanceEvaluator.Classes.Sum(c => Confusion.GetValueOrDefault((c, c)));

    public double Accuracy => Predicates == 0 ? 0 : (double)Correct / Predicates;

    public F1Score For(string stance) => new(
        StanceEvaluator.Classes.Sum(s => Confusion.GetValueOrDefault((stance, s))),
        StanceEvaluator.Classes.Sum(g => Confusion.GetValueOrDefault((g, stance))),
        Confusion.GetValueOrDefault((stance, stance)));
}

/// <summary>
/// Scores attribution on factuality sets: each gold predicate is taken as an event trigger and given the status
/// the Coding stage would give it (its sentence parsed by Dyad from the gold words, its frames found as the coder
/// finds them, no publication date); statuses and scores both become three classes. Scores: at least +1 happened,
/// at most −1 did not, between uncertain. Statuses: asserted and reported happened (the set scores what the text
/// commits to, and a source's report is a commitment to it), negated and denied did not, speculated and planned
/// uncertain.
/// </summary>
internal static class StanceEvaluator
{
    public const string Happened = "happened";
    public const string DidNot = "did not";
    public const string Uncertain = "uncertain";

    public static IReadOnlyList<string> Classes { get; } = [Happened, DidNot, Uncertain];

    public static IReadOnlyList<string> Statuses { get; } =
        [EventAttribution.Asserted, EventAttribution.Reported, EventAttribution.Denied, EventAttribution.Negated, EventAttribution.Speculated, EventAttribution.Planned];

    public static string ClassOf(double score) => score >= 1 ? Happened : score <= -1 ? DidNot : Uncertain;

    public static string ClassOf(string status) => status switch
    {
        EventAttribution.Asserted or EventAttribution.Reported => Happened,
        EventAttribution.Negated or EventAttribution.Denied => DidNot,
        _ => Uncertain,
    };

    public static StanceScore Evaluate(IReadOnlyList<FactualitySentence> gold, SyntaxPipeline syntax, ActorDictionary actors)
    {
        var confusion = new Dictionary<(string, string), int>();
        var statuses = new Dictionary<(string, string), int>();
        var errors = new List<StanceError>();
        var predicates = 0;
        foreach (var sentence in gold)
        {
            if (sentence.Predicates.Count == 0)
            {
                continue;
            }

            var view = new SentenceView(ToSentence(sentence.Words), actors, syntax, mayHaveActorPhrase: true);
            var context = new DocumentContext(null, null);
            var frames = AttributionAnalyzer.MayHaveFrames(view) ? AttributionAnalyzer.Frames(view, context) : [];
            foreach (var predicate in sentence.Predicates)
            {
                var status = AttributionAnalyzer.For(view, predicate.Word, frames, null, null).Status;
                var goldClass = ClassOf(predicate.Score);
                var systemClass = ClassOf(status);
                predicates++;
                confusion[(goldClass, systemClass)] = confusion.GetValueOrDefault((goldClass, systemClass)) + 1;
                statuses[(goldClass, status)] = statuses.GetValueOrDefault((goldClass, status)) + 1;
                if (goldClass != systemClass)
                {
                    var marked = sentence.Words.Select((w, i) => i == predicate.Word ? $"[{w}]" : w);
                    errors.Add(new StanceError(sentence.Line, string.Join(' ', marked), predicate.Score, goldClass, status));
                }
            }
        }

        return new StanceScore(gold.Count, predicates, confusion, statuses, errors);
    }

    /// <summary>The gold words as a sentence, one space apart; the sets' Penn Treebank quotes become plain ones, as our tokenizer writes them.</summary>
    private static Sentence ToSentence(IReadOnlyList<string> words)
    {
        var tokens = new List<Token>(words.Count);
        var offset = 0;
        foreach (var word in words)
        {
            var text = word switch
            {
                "``" or "''" => "\"",
                "-LRB-" => "(",
                "-RRB-" => ")",
                _ => word,
            };
            tokens.Add(new Token(text, new TextSpan(offset, offset + text.Length)));
            offset += text.Length + 1;
        }

        return new Sentence(0, new TextSpan(0, Math.Max(0, offset - 1)), string.Join(' ', tokens.Select(t => t.Text)), tokens);
    }
}
