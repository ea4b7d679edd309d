using Dyad.Syntax;

namespace Dyad.Vetting;

/// <summary>
/// The pair model: for an <see cref="ActorPair"/>, which CAMEO root (01–20) the source's act towards the target
/// belongs to, or none. A multi-class averaged perceptron over hashed features, trained from training/events by
/// <see cref="PairModelTrainer"/>; shipped as resources/models/pairs.bin. A pair is coded when the best root beats
/// "none" by at least that root's margin (<see cref="MarginFor"/>).
/// </summary>
internal sealed class PairModel
{
    public const int None = 0;
    private const int Magic = 0x44595041; // "DYPA"
    private const int Version = 2;
    private readonly LinearModel _weights;
    private readonly float[] _margins;

    internal PairModel(LinearModel weights, float[] margins)
    {
        _weights = weights;
        _margins = margins;
    }

    public const int ClassCount = 21;

    /// <summary>How far a root must beat "none" to be coded: each root its own margin, chosen when trained so that
    /// held-out pairs given that root are right at least <see cref="PairModelTrainer.WantedPrecision"/> of the time
    /// (infinite for a root that never got there).</summary>
    public float MarginFor(int label) => _margins[label];

    /// <summary>The class's CAMEO root ("04"), or null for <see cref="None"/>.</summary>
    public static string? RootOf(int label) => label == None ? null : label.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static int LabelOf(string? root) => root is null ? None : int.Parse(root, System.Globalization.CultureInfo.InvariantCulture);

    internal static ulong[] Hash(IReadOnlyList<string> features) => features.Select(FeatureHash.Of).ToArray();

    /// <summary>The best root other than none and by how much it beats none.</summary>
    public (int Label, float Lead) Judge(IReadOnlyList<string> features) => Judge(Hash(features), _weights);

    internal static (int Label, float Lead) Judge(ReadOnlySpan<ulong> hashed, LinearModel weights)
    {
        Span<float> scores = stackalloc float[ClassCount];
        weights.Score(hashed, scores);
        return Best(scores);
    }

    internal static (int Label, float Lead) Best(ReadOnlySpan<float> scores)
    {
        var best = 1;
        for (var k = 2; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return (best, scores[best] - scores[None]);
    }

    public static PairModel? LoadBuiltIn() => ModelFile.LoadBuiltIn("models/pairs.bin", Read);

    public void Write(Stream stream)
    {
        using var writer = ModelFile.Begin(stream, Magic, Version);
        foreach (var margin in _margins)
        {
            writer.Write(margin);
        }

        _weights.Write(writer);
    }

    public static PairModel Read(Stream stream)
    {
        using var reader = ModelFile.Open(stream, Magic, Version, "pair model");
        var margins = new float[ClassCount];
        for (var k = 0; k < ClassCount; k++)
        {
            margins[k] = reader.ReadSingle();
        }

        var weights = LinearModel.Read(reader);
        if (weights.ClassCount != ClassCount)
        {
            throw new InvalidDataException($"pair model: {weights.ClassCount} classes, expected {ClassCount}");
        }

        return new PairModel(weights, margins);
    }
}

/// <summary>An actor pair and the CAMEO roots of the annotated events between its actors (none when empty): a sentence may report more than one act between the same two.</summary>
internal sealed record LabelledPair(string Group, IReadOnlyList<string> Features, IReadOnlyList<string> Roots);

/// <summary>
/// Trains <see cref="PairModel"/> as an averaged perceptron over a seeded order, and picks for each root the smallest
/// margin at which held-out predictions of it are right (the annotated root) at least <see cref="WantedPrecision"/> of
/// the time, in a cross-validation that keeps each story's pairs in one fold: precision first, since an invented
/// event misleads an analyst more than a missed one.
/// </summary>
internal static class PairModelTrainer
{
    public const int BucketBits = 18;

    public const double WantedPrecision = 0.6;

    public const int MinimumPredictions = 5;

    // The lowest margin a root may get: below it the model is more sure there is no event than that there is one.
    public const float MarginFloor = 0f;

    public sealed record Report(int Pairs, int Events, int RootsCoded, double Precision, double Recall);

    public static (PairModel Model, Report Report) Train(List<LabelledPair> pairs, int folds = 5, int epochs = 10)
    {
        var hashed = pairs.Select(p => PairModel.Hash(p.Features)).ToList();
        // Each pair's gold roots as a bit set over the labels (0: no event).
        var labels = pairs.Select(p => p.Roots.Aggregate(0, (set, root) => set | (1 << PairModel.LabelOf(root)))).ToList();
        var groups = pairs.Select(p => p.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var foldOf = groups.Select((g, i) => (g, i % folds)).ToDictionary(p => p.g, p => p.Item2, StringComparer.Ordinal);
        var held = new List<(int Label, float Lead, int Gold)>(); // Gold: the bit set
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, pairs.Count).Where(i => foldOf[pairs[i].Group] != fold).ToList();
            var weights = Fit(hashed, labels, train, epochs);
            foreach (var i in Enumerable.Range(0, pairs.Count).Where(i => foldOf[pairs[i].Group] == fold))
            {
                var (label, lead) = PairModel.Judge(hashed[i], weights);
                held.Add((label, lead, labels[i]));
            }
        }

        static bool Right(int label, int gold) => (gold & (1 << label)) != 0;
        var gold = held.Count(h => h.Gold != 0);
        var margins = new float[PairModel.ClassCount];
        margins[PairModel.None] = float.PositiveInfinity;
        for (var label = 1; label < PairModel.ClassCount; label++)
        {
            // The smallest margin at which this root's held-out predictions are right often enough (and at least
            // a few of them are made): a root the model cannot tell well is coded rarely or never.
            var said = held.Where(h => h.Label == label).OrderByDescending(h => h.Lead).ToList();
            margins[label] = float.PositiveInfinity;
            var right = 0;
            for (var n = 0; n < said.Count; n++)
            {
                right += Right(said[n].Label, said[n].Gold) ? 1 : 0;
                // Never below zero: a root that does not beat "none" is not the model's answer.
                if (n + 1 >= MinimumPredictions && (double)right / (n + 1) >= WantedPrecision)
                {
                    margins[label] = Math.Max(MarginFloor, said[n].Lead);
                }
            }
        }

        var kept = held.Where(h => h.Lead >= margins[h.Label]).ToList();
        if (Environment.GetEnvironmentVariable("DYAD_PAIR_DIAG") is not null)
        {
            var fp = kept.Where(h => !Right(h.Label, h.Gold)).ToList();
            Console.WriteLine($"diag: kept {kept.Count}, right {kept.Count(h => Right(h.Label, h.Gold))}, wrong root but an event {fp.Count(h => h.Gold != 0)}, no event {fp.Count(h => h.Gold == 0)}");
            var missed = held.Where(h => h.Gold != 0 && !(h.Lead >= margins[h.Label] && Right(h.Label, h.Gold))).ToList();
            Console.WriteLine($"diag: missed {missed.Count}: right root below margin {missed.Count(h => Right(h.Label, h.Gold))}, wrong root {missed.Count(h => !Right(h.Label, h.Gold))}");
            foreach (var g in missed.Where(h => !Right(h.Label, h.Gold)).GroupBy(h => (System.Numerics.BitOperations.TrailingZeroCount(h.Gold), h.Label)).OrderByDescending(g => g.Count()).Take(15))
            {
                Console.WriteLine($"diag: confused gold {g.Key.Item1:00} said {g.Key.Label:00}: {g.Count()} (mean lead {g.Average(h => h.Lead):0.0})");
            }

            foreach (var label in Enumerable.Range(1, PairModel.ClassCount - 1))
            {
                Console.WriteLine($"diag: root {label:00} gold {held.Count(h => Right(label, h.Gold))} kept {kept.Count(h => h.Label == label)} right {kept.Count(h => h.Label == label && Right(label, h.Gold))} margin {margins[label]:0.0}");
            }
        }

        var hits = kept.Count(h => Right(h.Label, h.Gold));
        var precision = kept.Count == 0 ? 0 : (double)hits / kept.Count;
        var recall = gold == 0 ? 0 : (double)hits / gold;

        var final = Fit(hashed, labels, Enumerable.Range(0, pairs.Count).ToList(), epochs);
        return (new PairModel(final, margins), new Report(pairs.Count, gold, margins.Count(float.IsFinite), precision, recall));
    }

    /// <summary>An averaged perceptron over the instances, each with the set of its right labels as bits (0: none).</summary>
    // A perceptron's weights depend on the order it sees its examples in, so one more pair in the corpus reshuffles
    // them all and moves individual judgements; the mean of models trained in several orders moves less. With three
    // orders a retraining after a small change of the patterns moved the development sets by two or three events
    // either way; nine cost about 40 s more training and average more of the order away.
    private static readonly int[] ShuffleSeeds = [20261207, 2, 3, 4, 5, 6, 7, 8, 9];

    internal static LinearModel Fit(List<ulong[]> hashed, List<int> labels, List<int> indices, int epochs) =>
        LinearModel.Mean([.. ShuffleSeeds.Select(seed => FitInOrder(hashed, labels, indices, epochs, seed))]);

    private static LinearModel FitInOrder(List<ulong[]> hashed, List<int> labels, List<int> indices, int epochs, int seed)
    {
        var trainer = new PerceptronTrainer(BucketBits, PairModel.ClassCount);
        var order = indices.ToArray();
        var random = new Random(seed);
        Span<float> scores = stackalloc float[PairModel.ClassCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                scores.Clear();
                trainer.Score(hashed[i], scores);
                var guess = 0;
                for (var k = 1; k < scores.Length; k++)
                {
                    if (scores[k] > scores[guess])
                    {
                        guess = k;
                    }
                }

                // Any of the pair's roots is right; when the guess is none of them, the one scored best is taught.
                var gold = PairModel.None;
                if (labels[i] != 0)
                {
                    gold = -1;
                    for (var k = 1; k < scores.Length; k++)
                    {
                        if ((labels[i] & (1 << k)) != 0 && (gold < 0 || scores[k] > scores[gold]))
                        {
                            gold = k;
                        }
                    }

                    gold = (labels[i] & (1 << guess)) != 0 ? guess : gold;
                }

                trainer.Update(hashed[i], gold, guess);
                trainer.NextInstance();
            }
        }

        return trainer.ToModel();
    }
}
