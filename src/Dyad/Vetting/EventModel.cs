using Dyad.Syntax;

namespace Dyad.Vetting;

/// <summary>
/// The event model: a logistic regression over hashed <see cref="EventFeatures"/> that gives the probability that a
/// candidate event is one a careful coder would code (right source country, target country and CAMEO root).
/// Trained from the annotated sentences in training/events (see <see cref="EventModelTrainer"/>); shipped as
/// resources/models/events.bin.
/// </summary>
internal sealed class EventModel
{
    private const int Magic = 0x44594556; // "DYEV"
    private const int Version = 1;
    private readonly float[] _weights;
    private readonly ulong _mask;

    internal EventModel(int bucketBits, float[] weights, double threshold)
    {
        BucketBits = bucketBits;
        _weights = weights;
        _mask = (1UL << bucketBits) - 1;
        Threshold = threshold;
    }

    public int BucketBits { get; }

    /// <summary>The probability at or above which a candidate is kept (chosen when trained, by cross-validation).</summary>
    public double Threshold { get; }

    public double Probability(IReadOnlyList<string> features) => Sigmoid(Margin(features));

    internal double Margin(IReadOnlyList<string> features)
    {
        var sum = 0.0;
        foreach (var feature in features)
        {
            sum += _weights[Bucket(feature)];
        }

        return sum;
    }

    internal int Bucket(string feature) => (int)(FeatureHash.Of(feature) & _mask);

    internal static double Sigmoid(double margin) => 1.0 / (1.0 + Math.Exp(-margin));

    /// <summary>The shipped model, or null when this build has none (coding then keeps every candidate).</summary>
    public static EventModel? LoadBuiltIn()
    {
        if (!ResourceFiles.Exists("models/events.bin"))
        {
            return null;
        }

        using var stream = ResourceFiles.Open("models/events.bin");
        return Read(stream);
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(BucketBits);
        writer.Write(Threshold);
        var nonZero = Enumerable.Range(0, _weights.Length).Where(i => _weights[i] != 0).ToList();
        writer.Write(nonZero.Count);
        foreach (var i in nonZero)
        {
            writer.Write(i);
            writer.Write(_weights[i]);
        }
    }

    public static EventModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("not a Dyad event model (version 1)");
        }

        var bits = reader.ReadInt32();
        if (bits is < 8 or > 24)
        {
            throw new InvalidDataException($"event model: {bits} hash bits is out of range");
        }

        var threshold = reader.ReadDouble();
        var weights = new float[1 << bits];
        var count = reader.ReadInt32();
        for (var n = 0; n < count; n++)
        {
            var i = reader.ReadInt32();
            if ((uint)i >= (uint)weights.Length)
            {
                throw new InvalidDataException("event model: weight index out of range");
            }

            weights[i] = reader.ReadSingle();
        }

        return new EventModel(bits, weights, threshold);
    }
}
