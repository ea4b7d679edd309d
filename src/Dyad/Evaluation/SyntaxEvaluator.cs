using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Evaluation;

/// <summary>Accuracy figures of tagging, lemmatisation and parsing over one set of words.</summary>
internal sealed record SyntaxScore(string Name, int Sentences, F1Score Words, F1Score Upos, F1Score Xpos, F1Score Lemma, F1Score Uas, F1Score Las)
{
    /// <summary>The most frequent UPOS confusions ("NOUN→PROPN") and relation confusions, with counts.</summary>
    public IReadOnlyList<(string Confusion, int Count)> Confusions { get; init; } = [];

    /// <summary>Accumulates counts; with gold tokenisation gold = system = words, so F1 is plain accuracy.</summary>
    internal sealed class Builder(string name)
    {
        private int _sentences;
        private int _gold;
        private int _system;
        private int _aligned;
        private int _upos;
        private int _xpos;
        private int _lemma;
        private int _uas;
        private int _las;
        private readonly Dictionary<string, int> _confusions = new(StringComparer.Ordinal);

        public void Sentence() => _sentences++;

        public void Confusion(string kind, string? gold, string system)
        {
            if (gold != system)
            {
                var key = $"{kind} {gold}→{system}";
                _confusions[key] = _confusions.GetValueOrDefault(key) + 1;
            }
        }

        public void Counts(int gold, int system) => (_gold, _system) = (_gold + gold, _system + system);

        public void Word(bool upos, bool xpos, bool lemma, bool head, bool label)
        {
            _aligned++;
            _upos += upos ? 1 : 0;
            _xpos += xpos ? 1 : 0;
            _lemma += lemma ? 1 : 0;
            _uas += head ? 1 : 0;
            _las += head && label ? 1 : 0;
        }

        public SyntaxScore Build() => new(
            name,
            _sentences,
            new F1Score(_gold, _system, _aligned),
            new F1Score(_gold, _system, _upos),
            new F1Score(_gold, _system, _xpos),
            new F1Score(_gold, _system, _lemma),
            new F1Score(_gold, _system, _uas),
            new F1Score(_gold, _system, _las))
        {
            Confusions = _confusions.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList(),
        };
    }
}

/// <summary>
/// Scores the syntax pipeline against a CoNLL-U treebank, either on its gold words or, as the CoNLL 2018 shared
/// task does, from its raw text through our own splitter and tokenizer, aligning words by character span.
/// LAS compares full relation labels (with subtypes such as nsubj:pass).
/// </summary>
internal static class SyntaxEvaluator
{
    /// <summary>Documents whose ids mark them as news (UD PUD "n...", GUM "GUM_news_...") are also scored apart.</summary>
    public static bool IsNewsDocument(string? id) =>
        id is not null && (id.StartsWith("GUM_news", StringComparison.Ordinal) || (id.Length > 1 && id[0] == 'n' && char.IsDigit(id[1])));

    public static IReadOnlyList<SyntaxScore> EvaluateGoldTokens(IReadOnlyList<ConlluSentence> gold, SyntaxPipeline pipeline)
    {
        var all = new SyntaxScore.Builder("all");
        var news = new SyntaxScore.Builder("news");
        var isNews = false;
        foreach (var sentence in gold)
        {
            if (sentence.NewDoc is { } doc)
            {
                isNews = IsNewsDocument(doc);
            }

            var forms = sentence.Words.Select(w => w.Form).ToArray();
            var (upos, xpos, lemmas, heads, relations) = pipeline.ParseWords(forms);
            foreach (var builder in isNews ? new[] { all, news } : [all])
            {
                builder.Sentence();
                builder.Counts(forms.Length, forms.Length);
                for (var i = 0; i < forms.Length; i++)
                {
                    var g = sentence.Words[i];
                    var headOk = heads[i] == g.Head;
                    builder.Word(upos[i] == g.Upos, xpos[i] == g.Xpos, lemmas[i] == g.Lemma, headOk, relations[i] == g.Deprel);
                    builder.Confusion("pos", g.Upos, upos[i]);
                    builder.Confusion(headOk ? "rel" : "head", g.Deprel, headOk ? relations[i] : "wrong head");
                }
            }
        }

        return Result(all, news);
    }

    public static IReadOnlyList<SyntaxScore> EvaluateRawText(IReadOnlyList<ConlluSentence> gold, SyntaxPipeline pipeline, DocumentSegmenter segmenter)
    {
        var all = new SyntaxScore.Builder("all");
        var news = new SyntaxScore.Builder("news");
        foreach (var document in SegmentationEvaluator.GroupDocuments(gold))
        {
            var isNews = IsNewsDocument(document[0].NewDoc);
            var built = SegmentationEvaluator.Build(document);

            // Gold words by span, with their gold head's span.
            var goldBySpan = new Dictionary<(int, int), (ConlluWord Word, (int, int)? HeadSpan)>();
            foreach (var (sentence, spans) in built.WordSpans)
            {
                for (var i = 0; i < sentence.Words.Count; i++)
                {
                    var head = sentence.Words[i].Head;
                    goldBySpan[spans[i]] = (sentence.Words[i], head > 0 ? spans[head - 1] : null);
                }
            }

            var goldCount = built.WordSpans.Sum(s => s.Sentence.Words.Count);
            var systemCount = 0;
            var scored = new List<(bool, bool, bool, bool, bool)>();
            foreach (var sentence in segmenter.SegmentPlain(built.Text, built.Paragraphs))
            {
                var parsed = pipeline.Parse(sentence);
                systemCount += parsed.Words.Count;
                foreach (var word in parsed.Words)
                {
                    if (!goldBySpan.TryGetValue((word.Token.Start, word.Token.End), out var g))
                    {
                        continue;
                    }

                    (int, int)? systemHead = word.Head >= 0 ? (parsed.Words[word.Head].Token.Start, parsed.Words[word.Head].Token.End) : null;
                    var headOk = systemHead == g.HeadSpan;
                    scored.Add((word.Upos == g.Word.Upos, word.Xpos == g.Word.Xpos, word.Lemma == g.Word.Lemma, headOk, word.Relation == g.Word.Deprel));
                }
            }

            foreach (var builder in isNews ? new[] { all, news } : [all])
            {
                builder.Counts(goldCount, systemCount);
                foreach (var (upos, xpos, lemma, head, label) in scored)
                {
                    builder.Word(upos, xpos, lemma, head, label);
                }

                foreach (var _ in document)
                {
                    builder.Sentence();
                }
            }
        }

        return Result(all, news);
    }

    private static List<SyntaxScore> Result(SyntaxScore.Builder all, SyntaxScore.Builder news)
    {
        var result = new List<SyntaxScore> { all.Build() };
        var newsScore = news.Build();
        if (newsScore.Sentences > 0)
        {
            result.Add(newsScore);
        }

        return result;
    }
}
