using Dyad.Events;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Vetting;

/// <summary>How sure the trigger model is that a word names an event of a CAMEO root: the root's label (0 for none) and its score over none.</summary>
internal readonly record struct TriggerJudgement(int Label, float Lead)
{
    public bool IsTrigger => Label != PairModel.None && Lead > 0;
}

/// <summary>
/// The trigger model: which words of a sentence name an event ("met", "talks", "intercepted", "tariffs") and of which
/// CAMEO root, learned from the trigger words of the annotated sentences (training/events). It sees a word, its
/// neighbours, its place in the parse and what the event dictionaries say it can mean; it does not need the
/// actors, so it learns from every annotated event, even those whose actors Dyad does not find. The pair model reads
/// its judgements of the words between two actors as features.
/// </summary>
internal sealed class TriggerModel
{
    private const int Magic = 0x44595452; // "DYTR"
    private const int Version = 1;
    private readonly LinearModel _weights;

    internal TriggerModel(LinearModel weights) => _weights = weights;

    public TriggerJudgement Judge(IReadOnlyList<string> features)
    {
        Span<float> scores = stackalloc float[PairModel.ClassCount];
        _weights.Score(PairModel.Hash(features), scores);
        var (label, lead) = PairModel.Best(scores);
        return new TriggerJudgement(label, lead);
    }

    /// <summary>A parsed sentence's words, each judged when first asked: the pair model asks only of the words between actors.</summary>
    public SentenceTriggers For(SentenceView view, EventDictionary dictionary, EventDictionary? moreMeanings) => new(this, view, dictionary, moreMeanings);

    /// <summary>Only content words name events; punctuation, names and function words are never judged.</summary>
    public static bool MayTrigger(SentenceView view, int word) => view[word].Upos is UdTag.Verb or UdTag.Noun or UdTag.Adj or UdTag.Adp or UdTag.Adv;

    public static TriggerModel? LoadBuiltIn() => ModelFile.LoadBuiltIn("models/triggers.bin", Read);

    public void Write(Stream stream)
    {
        using var writer = ModelFile.Begin(stream, Magic, Version);
        _weights.Write(writer);
    }

    public static TriggerModel Read(Stream stream)
    {
        using var reader = ModelFile.Open(stream, Magic, Version, "trigger model");
        var weights = LinearModel.Read(reader);
        if (weights.ClassCount != PairModel.ClassCount)
        {
            throw new InvalidDataException($"trigger model: {weights.ClassCount} classes, expected {PairModel.ClassCount}");
        }

        return new TriggerModel(weights);
    }
}

/// <summary>The trigger model's judgements of one sentence's words, worked out once each and only when asked.</summary>
internal sealed class SentenceTriggers(TriggerModel model, SentenceView view, EventDictionary dictionary, EventDictionary? moreMeanings)
{
    private readonly TriggerJudgement?[] _judged = new TriggerJudgement?[view.Count];

    /// <summary>The judgement of a word (none for a word the model never judges, or outside the sentence).</summary>
    public TriggerJudgement this[int word] =>
        word < 0 || word >= _judged.Length ? default
        : _judged[word] ??= TriggerModel.MayTrigger(view, word) ? model.Judge(TriggerFeatures.Of(view, word, dictionary, moreMeanings)) : default;
}

/// <summary>What the trigger model reads of a word.</summary>
internal static class TriggerFeatures
{
    public static List<string> Of(SentenceView view, int word, EventDictionary dictionary, EventDictionary? moreMeanings)
    {
        var lemma = view.Lemma(word);
        var upos = view[word].Upos;
        var features = new List<string>(32)
        {
            "bias",
            "lemma=" + lemma,
            "upos=" + upos,
            "lemma+upos=" + lemma + "|" + upos,
            "relation=" + view.Relation(word),
            "lemma+relation=" + lemma + "|" + view.Relation(word),
            "previous=" + (word > 0 ? view.Lemma(word - 1) : "START"),
            "next=" + (word + 1 < view.Count ? view.Lemma(word + 1) : "END"),
            "lemma+next=" + lemma + "|" + (word + 1 < view.Count ? view.Lemma(word + 1) : "END"),
            "previous+lemma=" + (word > 0 ? view.Lemma(word - 1) : "START") + "|" + lemma,
        };

        var governor = view.Head(word);
        features.Add("governor=" + (governor >= 0 ? view.Lemma(governor) : "ROOT"));
        features.Add("lemma+governor=" + lemma + "|" + (governor >= 0 ? view.Lemma(governor) : "ROOT"));
        foreach (var child in view.Children(word))
        {
            var relation = view.Relation(child);
            features.Add("child=" + relation);
            if (relation is UdRelation.Obj or UdRelation.Compound or UdRelation.Xcomp or UdRelation.CompoundPrt or UdRelation.Case)
            {
                features.Add("lemma+child=" + lemma + "|" + relation + "|" + view.Lemma(child));
            }

            if (view.MatchAt[child] is not null)
            {
                features.Add("child.actor=" + relation);
            }
        }

        if (view.IsNegated(word))
        {
            features.Add("negated");
        }

        foreach (var (name, source) in new[] { ("dyad", dictionary), ("more", moreMeanings) })
        {
            if (source is null)
            {
                continue;
            }

            foreach (var root in source.RootsMeant(lemma))
            {
                features.Add(name + ".root=" + root);
                features.Add(name + ".root+upos=" + root + "|" + upos);
            }
        }

        return features;
    }
}

internal sealed record LabelledWord(string Group, IReadOnlyList<string> Features, int Label);

internal static class TriggerModelTrainer
{
    public sealed record Report(int Words, int Triggers, double Precision, double Recall);

    /// <summary>One model per fold, each trained without its fold's groups (stories), and one on everything; and the folds' held-out precision and recall of trigger and root.</summary>
    public static (TriggerModel Final, Func<string, TriggerModel> ForGroup, Report Report) Train(List<LabelledWord> words, int folds = 5, int epochs = 8)
    {
        var hashed = words.Select(w => PairModel.Hash(w.Features)).ToList();
        var groups = words.Select(w => w.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var foldOf = groups.Select((g, i) => (g, i % folds)).ToDictionary(p => p.g, p => p.Item2, StringComparer.Ordinal);
        var models = new TriggerModel[folds];
        int said = 0, right = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            models[fold] = new TriggerModel(Fit(hashed, words, Enumerable.Range(0, words.Count).Where(i => foldOf[words[i].Group] != fold).ToList(), epochs));
            foreach (var i in Enumerable.Range(0, words.Count).Where(i => foldOf[words[i].Group] == fold))
            {
                var judged = models[fold].Judge(words[i].Features);
                if (judged.IsTrigger)
                {
                    said++;
                    right += judged.Label == words[i].Label ? 1 : 0;
                }
            }
        }

        var triggers = words.Count(w => w.Label != PairModel.None);
        var final = new TriggerModel(Fit(hashed, words, Enumerable.Range(0, words.Count).ToList(), epochs));
        var report = new Report(words.Count, triggers, said == 0 ? 0 : (double)right / said, triggers == 0 ? 0 : (double)right / triggers);
        return (final, group => foldOf.TryGetValue(group, out var fold) ? models[fold] : final, report);
    }

    // A word names one root or none: as a set of roots, one bit or none, which the pair model's trainer fits.
    private static LinearModel Fit(List<ulong[]> hashed, List<LabelledWord> words, List<int> indices, int epochs) =>
        PairModelTrainer.Fit(hashed, words.Select(w => w.Label == PairModel.None ? 0 : 1 << w.Label).ToList(), indices, epochs);
}
