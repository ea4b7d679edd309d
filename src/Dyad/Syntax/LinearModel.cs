using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Syntax;

/// <summary>
/// A trained multiclass linear model over hashed features: for each hash bucket, the classes with a non-zero
/// weight. Zero weights are pruned and weights are stored as 16-bit integers with one scale, so the shipped
/// models stay small; they are widened back to floats on load.
/// </summary>
internal sealed class LinearModel
{
    private readonly int[] _rowStart;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly ulong _mask;

    // For scoring, each weight is packed with its class into one int (class in the high 16 bits, the weight as a
    // 16-bit fixed-point number in the low), so a row is one run of memory: scoring is bound by cache misses,
    // and this halves them. The scoring tables live in huge pages (see HugePageArray): parser alone 85,000-95,000
    // -> 100,000-111,000 tokens/s on Reuters.
    private readonly HugePageArray<int> _scoringStart;
    private readonly HugePageArray<int> _packed;
    private readonly float _scale;

    // Rows of frequent features (tags, tag pairs) carry a weight for most classes; adding those one entry at a time
    // dominated the parser's time (`bench throughput`: 43,000 -> 52,000 tokens/s). Long rows are therefore also kept dense, padded
    // to whole vectors, and added with SIMD; their packed row is a marker followed by the dense row's number. A row
    // of 8 or more weights is dense: adding 128 classes in four 512-bit steps costs less than 8 scattered adds
    // (`bench syntax`, within one process: parser 17 % and tagger 10 % faster than from 25 and 16 weights).
    private const int DenseMarker = 0xFFFF;
    private const int DenseFrom = 8;
    private readonly HugePageArray<short> _dense;
    private readonly int _stride;

    public LinearModel(int bucketBits, int classCount, int[] rowStart, ushort[] classes, float[] weights)
    {
        BucketBits = bucketBits;
        ClassCount = classCount;
        _mask = (1UL << bucketBits) - 1;
        _rowStart = rowStart;
        _classes = classes;
        _weights = weights;
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        _scale = max > 0 ? max / short.MaxValue : 1f;
        // Whole vectors of the kind AddDense uses here, so a row is never read past its end.
        var vector = Vector512.IsHardwareAccelerated ? Vector512<short>.Count : Vector<short>.Count;
        _stride = (classCount + vector - 1) / vector * vector;
        var buckets = rowStart.Length - 1;
        var denseRows = 0;
        var packedLength = 0;
        for (var b = 0; b < buckets; b++)
        {
            var length = rowStart[b + 1] - rowStart[b];
            denseRows += length >= DenseFrom ? 1 : 0;
            packedLength += length >= DenseFrom ? 2 : length;
        }

        var dense = new short[denseRows * _stride];
        var packed = new int[packedLength];
        var scoringStart = new int[rowStart.Length];
        var denseIndex = 0;
        var at = 0;
        for (var b = 0; b < buckets; b++)
        {
            scoringStart[b] = at;
            if (rowStart[b + 1] - rowStart[b] >= DenseFrom)
            {
                packed[at++] = DenseMarker << 16;
                packed[at++] = denseIndex;
                for (var j = rowStart[b]; j < rowStart[b + 1]; j++)
                {
                    dense[(denseIndex * _stride) + classes[j]] = Quantise(weights[j]);
                }

                denseIndex++;
                continue;
            }

            for (var j = rowStart[b]; j < rowStart[b + 1]; j++)
            {
                packed[at++] = (classes[j] << 16) | (ushort)Quantise(weights[j]);
            }
        }

        scoringStart[buckets] = at;
        _packed = new HugePageArray<int>(packed);
        _scoringStart = new HugePageArray<int>(scoringStart);
        _dense = new HugePageArray<short>(dense);
    }

    private short Quantise(float weight) => (short)Math.Round(weight / _scale);

    public int BucketBits { get; }

    public int ClassCount { get; }

    public int NonZero => _weights.Length;

    /// <summary>The length of a row of summed weights (<see cref="Accumulate"/>): the class count rounded up to whole vectors.</summary>
    public int Stride => _stride;

    /// <summary>Adds each feature's class weights to <paramref name="scores"/> (which the caller clears).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores) => Score(features, scores, []);

    /// <summary>
    /// The same, starting from weights already summed by <see cref="Accumulate"/> (empty: from zero). Weights are
    /// summed as integers, so summing some features beforehand gives exactly the same scores.
    /// </summary>
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores, ReadOnlySpan<int> start)
    {
        var accumulated = stackalloc int[_stride];
        var sums = new Span<int>(accumulated, _stride);
        if (start.IsEmpty)
        {
            sums.Clear();
        }
        else
        {
            start.CopyTo(sums);
        }

        Accumulate(features, sums);
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] += accumulated[k] * _scale;
        }
    }

    /// <summary>Adds each feature's class weights, as the stored integers, to <paramref name="sums"/> (<see cref="Stride"/> long).</summary>
    public unsafe void Accumulate(ReadOnlySpan<ulong> features, Span<int> sums)
    {
        var stride = _stride;
        Span<int> buckets = stackalloc int[features.Length];
        fixed (int* accumulated = sums)
        {
            AccumulateInto(features, buckets, accumulated, stride);
        }
    }

    // Compiled optimised at once: every tag and parse move runs it, and until tiering promoted it, its unoptimised
    // versions took 2-3 % of coding the Reuters corpus (and most of a short run).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void AccumulateInto(ReadOnlySpan<ulong> features, Span<int> buckets, int* accumulated, int stride)
    {
        // Three passes so the cache misses of all features overlap instead of queueing: find and prefetch the
        // row offsets, then prefetch the rows, then add them up.
        var starts = _scoringStart.Pointer;
        var rows = _packed.Pointer;
        var dense = _dense.Pointer;
        for (var f = 0; f < features.Length; f++)
        {
            var bucket = (int)(features[f] & _mask);
            buckets[f] = bucket;
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(starts + bucket);
            }
        }

        if (Sse.IsSupported)
        {
            foreach (var bucket in buckets)
            {
                Sse.Prefetch0(rows + starts[bucket]);
            }

            // A dense row's place is known only once its packed row is read: fetch those rows too before adding
            // anything, so their misses also overlap.
            var rowBytes = stride * sizeof(short);
            foreach (var bucket in buckets)
            {
                var j = starts[bucket];
                if (j != starts[bucket + 1] && rows[j] >>> 16 == DenseMarker)
                {
                    var row = (byte*)(dense + ((long)rows[j + 1] * stride));
                    for (var line = 0; line < rowBytes; line += 64)
                    {
                        Sse.Prefetch0(row + line);
                    }
                }
            }
        }

        foreach (var bucket in buckets)
        {
            var j = starts[bucket];
            var end = starts[bucket + 1];
            if (j == end)
            {
                continue;
            }

            if (rows[j] >>> 16 == DenseMarker)
            {
                AddDense(dense + ((long)rows[j + 1] * stride), accumulated, stride);
                continue;
            }

            for (; j < end; j++)
            {
                var entry = rows[j];
                accumulated[entry >>> 16] += (short)(entry & 0xFFFF);
            }
        }

        // The tables are freed by their finalisers; keep them until the last read.
        GC.KeepAlive(_scoringStart);
        GC.KeepAlive(_packed);
        GC.KeepAlive(_dense);
    }

    // 512-bit vectors where the processor has them (`bench syntax`: parser 13 % faster); .NET's Vector<T> stays
    // 256 bits wide unless told otherwise.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddDense(short* row, int* accumulated, int stride)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            for (var k = 0; k < stride; k += Vector512<short>.Count)
            {
                var (low, high) = Vector512.Widen(Vector512.Load(row + k));
                var at = accumulated + k;
                Vector512.Store(Vector512.Load(at) + low, at);
                Vector512.Store(Vector512.Load(at + Vector512<int>.Count) + high, at + Vector512<int>.Count);
            }

            return;
        }

        for (var k = 0; k < stride; k += Vector<short>.Count)
        {
            Vector.Widen(Unsafe.Read<Vector<short>>(row + k), out var low, out var high);
            var lowAt = accumulated + k;
            var highAt = lowAt + Vector<int>.Count;
            Unsafe.Write(lowAt, Unsafe.Read<Vector<int>>(lowAt) + low);
            Unsafe.Write(highAt, Unsafe.Read<Vector<int>>(highAt) + high);
        }
    }

    /// <summary>
    /// The same model with fewer hash buckets: rows whose buckets agree on the low <paramref name="bits"/> bits are
    /// summed, as if those features had collided in training. A smaller table scores faster (fewer cache misses).
    /// </summary>
    public LinearModel Folded(int bits)
    {
        if (bits >= BucketBits)
        {
            return this;
        }

        var buckets = 1 << bits;
        var rows = new SortedDictionary<ushort, float>[buckets];
        for (var b = 0; b < _rowStart.Length - 1; b++)
        {
            for (var j = _rowStart[b]; j < _rowStart[b + 1]; j++)
            {
                var target = rows[b & (buckets - 1)] ??= [];
                target[_classes[j]] = target.GetValueOrDefault(_classes[j]) + _weights[j];
            }
        }

        var rowStart = new int[buckets + 1];
        var classes = new List<ushort>();
        var weights = new List<float>();
        for (var b = 0; b < buckets; b++)
        {
            rowStart[b] = classes.Count;
            foreach (var (cls, w) in rows[b] ?? [])
            {
                if (w != 0)
                {
                    classes.Add(cls);
                    weights.Add(w);
                }
            }
        }

        rowStart[buckets] = classes.Count;
        return new LinearModel(bits, ClassCount, rowStart, classes.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// One model whose weights are the mean of several trained alike (same hashing and classes). Scores are linear
    /// in the weights, so it decides every move as the models would by summing their scores, at the cost of one.
    /// </summary>
    public static LinearModel Mean(IReadOnlyList<LinearModel> models)
    {
        var first = models[0];
        if (models.Any(m => m.BucketBits != first.BucketBits || m.ClassCount != first.ClassCount))
        {
            throw new ArgumentException("models to average must share their hashing and classes", nameof(models));
        }

        var buckets = first._rowStart.Length - 1;
        var rowStart = new int[buckets + 1];
        var classes = new List<ushort>();
        var weights = new List<float>();
        var row = new float[first.ClassCount];
        for (var b = 0; b < buckets; b++)
        {
            rowStart[b] = classes.Count;
            foreach (var model in models)
            {
                for (var j = model._rowStart[b]; j < model._rowStart[b + 1]; j++)
                {
                    row[model._classes[j]] += model._weights[j];
                }
            }

            for (var k = 0; k < row.Length; k++)
            {
                if (row[k] != 0)
                {
                    classes.Add((ushort)k);
                    weights.Add(row[k] / models.Count);
                }

                row[k] = 0;
            }
        }

        rowStart[buckets] = classes.Count;
        return new LinearModel(first.BucketBits, first.ClassCount, rowStart, classes.ToArray(), weights.ToArray());
    }

    /// <summary>A copy without the weights smaller in magnitude than <paramref name="threshold"/>.</summary>
    public LinearModel Pruned(float threshold)
    {
        var rowStart = new int[_rowStart.Length];
        var classes = new List<ushort>();
        var weights = new List<float>();
        for (var b = 0; b < _rowStart.Length - 1; b++)
        {
            rowStart[b] = classes.Count;
            for (var j = _rowStart[b]; j < _rowStart[b + 1]; j++)
            {
                if (Math.Abs(_weights[j]) >= threshold)
                {
                    classes.Add(_classes[j]);
                    weights.Add(_weights[j]);
                }
            }
        }

        rowStart[^1] = classes.Count;
        return new LinearModel(BucketBits, ClassCount, rowStart, classes.ToArray(), weights.ToArray());
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(BucketBits);
        writer.Write(ClassCount);
        writer.Write(_scale);

        // Only non-empty buckets: the gap since the previous one and the row's length, as varints.
        var buckets = _rowStart.Length - 1;
        var nonEmpty = 0;
        for (var b = 0; b < buckets; b++)
        {
            if (_rowStart[b + 1] > _rowStart[b])
            {
                nonEmpty++;
            }
        }

        writer.Write(nonEmpty);
        var previous = -1;
        for (var b = 0; b < buckets; b++)
        {
            var count = _rowStart[b + 1] - _rowStart[b];
            if (count == 0)
            {
                continue;
            }

            writer.Write7BitEncodedInt(b - previous);
            writer.Write7BitEncodedInt(count);
            previous = b;
            for (var j = _rowStart[b]; j < _rowStart[b + 1]; j++)
            {
                writer.Write7BitEncodedInt(_classes[j]);
                writer.Write(Quantise(_weights[j]));
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var classCount = reader.ReadInt32();
        if (bits is < 8 or > 26 || classCount is < 1 or > ushort.MaxValue)
        {
            throw new InvalidDataException($"model header is corrupt (bucket bits {bits}, classes {classCount})");
        }

        var scale = reader.ReadSingle();
        var nonEmpty = reader.ReadInt32();
        var buckets = 1 << bits;
        var rowStart = new int[buckets + 1];
        var classes = new List<ushort>();
        var weights = new List<float>();
        var bucket = -1;
        var filledUpTo = 0;
        for (var r = 0; r < nonEmpty; r++)
        {
            bucket += reader.Read7BitEncodedInt();
            var count = reader.Read7BitEncodedInt();
            for (var b = filledUpTo; b <= bucket; b++)
            {
                rowStart[b] = classes.Count;
            }

            filledUpTo = bucket + 1;
            for (var j = 0; j < count; j++)
            {
                classes.Add((ushort)reader.Read7BitEncodedInt());
                weights.Add(reader.ReadInt16() * scale);
            }
        }

        for (var b = filledUpTo; b <= buckets; b++)
        {
            rowStart[b] = classes.Count;
        }

        return new LinearModel(bits, classCount, rowStart, classes.ToArray(), weights.ToArray());
    }
}

/// <summary>
/// Trains a <see cref="LinearModel"/> as an averaged perceptron: dense weights per hash bucket while training,
/// averaged by the usual trick (keep the sum of instance-stamped updates, subtract its mean at the end).
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly float[] _weights;
    private readonly double[] _stamped;
    private readonly ulong _mask;
    private int _instance = 1;

    public PerceptronTrainer(int bucketBits, int classCount)
    {
        BucketBits = bucketBits;
        ClassCount = classCount;
        _mask = (1UL << bucketBits) - 1;
        _weights = new float[(1L << bucketBits) * classCount];
        _stamped = new double[_weights.Length];
    }

    public int BucketBits { get; }

    public int ClassCount { get; }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var classCount = ClassCount;
        foreach (var feature in features)
        {
            var row = _weights.AsSpan((int)(feature & _mask) * classCount, classCount);
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= classCount - Vector<float>.Count; i += Vector<float>.Count)
                {
                    (new Vector<float>(scores[i..]) + new Vector<float>(row[i..])).CopyTo(scores[i..]);
                }
            }

            for (; i < classCount; i++)
            {
                scores[i] += row[i];
            }
        }
    }

    /// <summary>Moves weight from the predicted class to the correct one for every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (gold == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            var row = (int)(feature & _mask) * ClassCount;
            _weights[row + gold] += 1;
            _stamped[row + gold] += _instance;
            _weights[row + guess] -= 1;
            _stamped[row + guess] -= _instance;
        }
    }

    /// <summary>Marks the end of one training instance (averaging weighs each weight by how long it stood).</summary>
    public void NextInstance() => _instance++;

    /// <summary>The averaged weights, with those smaller than <paramref name="threshold"/> dropped.</summary>
    public LinearModel ToModel(float threshold = 1e-3f)
    {
        var buckets = 1 << BucketBits;
        var rowStart = new int[buckets + 1];
        var classes = new List<ushort>();
        var weights = new List<float>();
        for (var b = 0; b < buckets; b++)
        {
            rowStart[b] = classes.Count;
            var row = b * ClassCount;
            for (var k = 0; k < ClassCount; k++)
            {
                var averaged = (float)(_weights[row + k] - (_stamped[row + k] / _instance));
                if (Math.Abs(averaged) >= threshold)
                {
                    classes.Add((ushort)k);
                    weights.Add(averaged);
                }
            }
        }

        rowStart[buckets] = classes.Count;
        return new LinearModel(BucketBits, ClassCount, rowStart, classes.ToArray(), weights.ToArray());
    }
}
