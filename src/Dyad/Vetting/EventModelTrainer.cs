namespace Dyad.Vetting;

/// <summary>One candidate event with its features and whether the annotators coded it.</summary>
internal sealed record LabelledCandidate(string Group, IReadOnlyList<string> Features, bool IsEvent);

/// <summary>
/// Trains <see cref="EventModel"/>: L2-regularised logistic regression by stochastic gradient descent over a
/// fixed, seeded order (the same data gives the same model). The keep threshold is the one that maximises F1 of
/// held-out predictions in a cross-validation that never splits one story's candidates across folds.
/// </summary>
internal static class EventModelTrainer
{
    public const int BucketBits = 18;

    public sealed record Report(int Candidates, int Events, int Folds, double Threshold, double Precision, double Recall);

    public static (EventModel Model, Report Report) Train(List<LabelledCandidate> candidates, int folds = 5, int epochs = 12)
    {
        var groups = candidates.Select(c => c.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var foldOf = groups.Select((g, i) => (g, i % folds)).ToDictionary(p => p.g, p => p.Item2, StringComparer.Ordinal);
        var held = new List<(double P, bool Gold)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var model = Fit(candidates.Where(c => foldOf[c.Group] != fold).ToList(), epochs, 0.5);
            held.AddRange(candidates.Where(c => foldOf[c.Group] == fold).Select(c => (model.Probability(c.Features), c.IsEvent)));
        }

        var (threshold, precision, recall) = BestThreshold(held);
        var final = Fit(candidates, epochs, threshold);
        return (final, new Report(candidates.Count, candidates.Count(c => c.IsEvent), folds, threshold, precision, recall));
    }

    private static (double Threshold, double Precision, double Recall) BestThreshold(List<(double P, bool Gold)> held)
    {
        var gold = held.Count(h => h.Gold);
        var best = (Threshold: 0.5, Precision: 0.0, Recall: 0.0, F: -1.0);
        for (var t = 0.05; t < 0.951; t += 0.025)
        {
            var kept = held.Where(h => h.P >= t).ToList();
            var right = kept.Count(h => h.Gold);
            var p = kept.Count == 0 ? 0 : (double)right / kept.Count;
            var r = gold == 0 ? 0 : (double)right / gold;
            var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f > best.F)
            {
                best = (Math.Round(t, 3), p, r, f);
            }
        }

        return (best.Threshold, best.Precision, best.Recall);
    }

    private static EventModel Fit(List<LabelledCandidate> candidates, int epochs, double threshold)
    {
        var weights = new float[1 << BucketBits];
        var shape = new EventModel(BucketBits, weights, threshold);
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        var random = new Random(20261207);
        const double lambda = 1e-4;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = 0.2 / (1 + epoch);
            foreach (var i in order)
            {
                var c = candidates[i];
                var buckets = c.Features.Select(shape.Bucket).ToArray();
                var margin = buckets.Sum(b => (double)weights[b]);
                var gradient = (c.IsEvent ? 1.0 : 0.0) - EventModel.Sigmoid(margin);
                foreach (var b in buckets)
                {
                    weights[b] += (float)(rate * (gradient - (lambda * weights[b])));
                }
            }
        }

        return new EventModel(BucketBits, weights, threshold);
    }
}
