using System.Text;

namespace Dyad.Syntax;

/// <summary>A sentence as the parser sees it: words, hashes of their Penn tags, and (for training) gold heads and labels, 1-based with 0 the root.</summary>
internal sealed record DependencyInput(WordFeatures[] Words, ulong[] Tags, ulong[] Upos, int[]? GoldHeads = null, int[]? GoldLabels = null);

/// <summary>
/// A greedy transition-based dependency parser in the arc-hybrid system (shift; left-arc: the buffer front
/// takes the stack top as a dependent; right-arc: the second stack item takes it), labelled with UD relations,
/// scored by an averaged perceptron and trained with a dynamic oracle (Goldberg and Nivre 2013), which lets it
/// learn to recover from its own mistakes. Non-projective gold trees are learned approximately: the oracle
/// counts the arcs each move makes unreachable.
/// </summary>
internal sealed class ArcHybridParser
{
    private const string Magic = "DYADPAR2";
    private const int MaxFeatures = 100;
    private const int Shift = 0;
    private static readonly ulong CommaHash = FeatureHash.Of(",");

    private readonly string[] _labels;
    private readonly LinearModel[] _models;

    private ArcHybridParser(string[] labels, params LinearModel[] models)
    {
        _labels = labels;
        _models = models;
    }

    /// <summary>
    /// Several parsers trained alike (different shuffles) that decide each move together: a better parser than any
    /// one of them. Their models are averaged into one (scores are linear), so the ensemble parses as fast as one.
    /// </summary>
    public static ArcHybridParser Ensemble(IReadOnlyList<ArcHybridParser> parsers)
    {
        var labels = parsers[0]._labels;
        if (parsers.Any(p => !p._labels.SequenceEqual(labels)))
        {
            throw new ArgumentException("parsers in an ensemble must share their label set", nameof(parsers));
        }

        return new ArcHybridParser(labels, LinearModel.Mean(parsers.SelectMany(p => p._models).ToArray()));
    }

    public int ModelCount => _models.Length;

    public IReadOnlyList<string> Labels => _labels;

    internal int NonZeroWeights => _models.Sum(m => m.NonZero);

    /// <summary>The same parser without its smallest weights (smaller model files; see the syntax benchmark for the cost).</summary>
    internal ArcHybridParser Pruned(float threshold) => new(_labels, _models.Select(m => m.Pruned(threshold)).ToArray());

    /// <summary>The same parser with its hash table folded to fewer buckets (see <see cref="LinearModel.Folded"/>).</summary>
    internal ArcHybridParser Folded(int bits) => new(_labels, _models.Select(m => m.Folded(bits)).ToArray());

    private int ClassCount => 1 + (2 * _labels.Length);

    /// <summary>Parses one sentence; heads are 1-based with 0 for the root, one per word (index 0 unused).</summary>
    internal (int[] Heads, string[] Relations) Parse(DependencyInput input)
    {
        var state = new ParseState(input.Words.Length);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[ClassCount];
        while (!state.IsTerminal)
        {
            var count = ExtractFeatures(state, input, features);
            scores.Clear();
            foreach (var model in _models)
            {
                model.Score(features[..count], scores);
            }

            Apply(state, BestLegal(state, scores, _labels.Length));
        }

        var relations = new string[input.Words.Length + 1];
        for (var d = 1; d <= input.Words.Length; d++)
        {
            relations[d] = state.Heads[d] == 0 ? UdRelation.Root : _labels[state.Labels[d]];
        }

        return (state.Heads, relations);
    }

    private static int BestLegal(ParseState state, ReadOnlySpan<float> scores, int labelCount)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (state.CanShift && scores[Shift] > bestScore)
        {
            best = Shift;
            bestScore = scores[Shift];
        }

        if (state.CanLeft)
        {
            for (var l = 0; l < labelCount; l++)
            {
                if (scores[1 + l] > bestScore)
                {
                    best = 1 + l;
                    bestScore = scores[1 + l];
                }
            }
        }

        if (state.CanRight)
        {
            for (var l = 0; l < labelCount; l++)
            {
                if (scores[1 + labelCount + l] > bestScore)
                {
                    best = 1 + labelCount + l;
                    bestScore = scores[1 + labelCount + l];
                }
            }
        }

        return best;
    }

    private void Apply(ParseState state, int action) => Apply(state, action, _labels.Length);

    private static void Apply(ParseState state, int action, int labelCount)
    {
        if (action == Shift)
        {
            state.DoShift();
        }
        else if (action <= labelCount)
        {
            state.DoLeft(action - 1);
        }
        else
        {
            state.DoRight(action - 1 - labelCount);
        }
    }

    private static ulong W(DependencyInput input, int position) =>
        position switch { < 0 => 1, 0 => 2, _ => input.Words[position - 1].Lower };

    private static ulong T(DependencyInput input, int position) =>
        position switch { < 0 => 1, 0 => 2, _ => input.Tags[position - 1] };

    private static ulong U(DependencyInput input, int position) =>
        position switch { < 0 => 1, 0 => 2, _ => input.Upos[position - 1] };

    private static ulong Suffix(DependencyInput input, int position) =>
        position switch { < 0 => 1, 0 => 2, _ => input.Words[position - 1].Suffix3 };

    private static ulong L(ParseState state, int position) => position <= 0 ? 1 : (ulong)state.Labels[position] + 2;

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return 0;
        }

        var d = Math.Abs(b - a);
        return d switch { <= 4 => (ulong)d, <= 6 => 5, <= 10 => 6, _ => 7 };
    }

    private static int ExtractFeatures(ParseState state, DependencyInput input, Span<ulong> f)
    {
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var s2 = state.Stack(2);
        var b0 = state.Buffer(0);
        var b1 = state.Buffer(1);
        var b2 = state.Buffer(2);
        var s0l = state.Leftmost(s0);
        var s0l2 = state.Leftmost2(s0);
        var s0r = state.Rightmost(s0);
        var s0r2 = state.Rightmost2(s0);
        var s1l = state.Leftmost(s1);
        var s1r = state.Rightmost(s1);
        var b0l = state.Leftmost(b0);
        var b0l2 = state.Leftmost2(b0);

        ulong s0w = W(input, s0), s0t = T(input, s0), s1w = W(input, s1), s1t = T(input, s1), s2t = T(input, s2);
        ulong b0w = W(input, b0), b0t = T(input, b0), b1w = W(input, b1), b1t = T(input, b1), b2w = W(input, b2), b2t = T(input, b2);
        ulong s0lt = T(input, s0l), s0rt = T(input, s0r), b0lt = T(input, b0l), s1lt = T(input, s1l), s1rt = T(input, s1r);
        ulong s0ll = L(state, s0l), s0rl = L(state, s0r), b0ll = L(state, b0l), s1ll = L(state, s1l), s1rl = L(state, s1r);
        ulong s0l2l = L(state, s0l2), s0r2l = L(state, s0r2), b0l2l = L(state, b0l2);
        var d = Distance(s0, b0);
        ulong s0vl = (ulong)state.LeftCount(s0), s0vr = (ulong)state.RightCount(s0), b0vl = (ulong)state.LeftCount(b0);
        var s0wt = FeatureHash.Feature(0, s0w, s0t);
        var b0wt = FeatureHash.Feature(0, b0w, b0t);

        var n = 0;
        f[n++] = FeatureHash.Feature(1, s0w);
        f[n++] = FeatureHash.Feature(2, s0t);
        f[n++] = FeatureHash.Feature(3, s0wt);
        f[n++] = FeatureHash.Feature(4, s1w);
        f[n++] = FeatureHash.Feature(5, s1t);
        f[n++] = FeatureHash.Feature(6, s1w, s1t);
        f[n++] = FeatureHash.Feature(7, b0w);
        f[n++] = FeatureHash.Feature(8, b0t);
        f[n++] = FeatureHash.Feature(9, b0wt);
        f[n++] = FeatureHash.Feature(10, b1w);
        f[n++] = FeatureHash.Feature(11, b1t);
        f[n++] = FeatureHash.Feature(12, b1w, b1t);
        f[n++] = FeatureHash.Feature(13, b2w);
        f[n++] = FeatureHash.Feature(14, b2t);
        f[n++] = FeatureHash.Feature(15, s2t);
        f[n++] = FeatureHash.Feature(16, s0w, b0w);
        f[n++] = FeatureHash.Feature(17, s0t, b0t);
        f[n++] = FeatureHash.Feature(18, s0wt, b0t);
        f[n++] = FeatureHash.Feature(19, s0t, b0wt);
        f[n++] = FeatureHash.Feature(20, s0w, b0wt);
        f[n++] = FeatureHash.Feature(21, s0wt, b0w);
        f[n++] = FeatureHash.Feature(22, s0wt, b0wt);
        f[n++] = FeatureHash.Feature(23, b0t, b1t);
        f[n++] = FeatureHash.Feature(24, b0t, b1t, b2t);
        f[n++] = FeatureHash.Feature(25, s0t, b0t, b1t);
        f[n++] = FeatureHash.Feature(26, s1t, s0t, b0t);
        f[n++] = FeatureHash.Feature(27, s1t, s0t);
        f[n++] = FeatureHash.Feature(28, s1w, s0w);
        f[n++] = FeatureHash.Feature(29, s2t, s1t, s0t);
        f[n++] = FeatureHash.Feature(30, s0t, s0lt, b0t);
        f[n++] = FeatureHash.Feature(31, s0t, s0rt, b0t);
        f[n++] = FeatureHash.Feature(32, s0t, b0t, b0lt);
        f[n++] = FeatureHash.Feature(33, s1t, s0t, s0lt);
        f[n++] = FeatureHash.Feature(34, s1t, s1rt, s0t);
        f[n++] = FeatureHash.Feature(35, W(input, s0l));
        f[n++] = FeatureHash.Feature(36, s0lt);
        f[n++] = FeatureHash.Feature(37, s0ll);
        f[n++] = FeatureHash.Feature(38, W(input, s0r));
        f[n++] = FeatureHash.Feature(39, s0rt);
        f[n++] = FeatureHash.Feature(40, s0rl);
        f[n++] = FeatureHash.Feature(41, W(input, b0l));
        f[n++] = FeatureHash.Feature(42, b0lt);
        f[n++] = FeatureHash.Feature(43, b0ll);
        f[n++] = FeatureHash.Feature(44, T(input, s0l2));
        f[n++] = FeatureHash.Feature(45, s0l2l);
        f[n++] = FeatureHash.Feature(46, T(input, s0r2));
        f[n++] = FeatureHash.Feature(47, s0r2l);
        f[n++] = FeatureHash.Feature(48, T(input, b0l2));
        f[n++] = FeatureHash.Feature(49, b0l2l);
        f[n++] = FeatureHash.Feature(50, s1lt, s1ll);
        f[n++] = FeatureHash.Feature(51, s1rt, s1rl);
        f[n++] = FeatureHash.Feature(52, s0w, d);
        f[n++] = FeatureHash.Feature(53, s0t, d);
        f[n++] = FeatureHash.Feature(54, b0w, d);
        f[n++] = FeatureHash.Feature(55, b0t, d);
        f[n++] = FeatureHash.Feature(56, s0w, b0w, d);
        f[n++] = FeatureHash.Feature(57, s0t, b0t, d);
        f[n++] = FeatureHash.Feature(58, s0w, s0vr);
        f[n++] = FeatureHash.Feature(59, s0t, s0vr);
        f[n++] = FeatureHash.Feature(60, s0w, s0vl);
        f[n++] = FeatureHash.Feature(61, s0t, s0vl);
        f[n++] = FeatureHash.Feature(62, b0w, b0vl);
        f[n++] = FeatureHash.Feature(63, b0t, b0vl);
        f[n++] = FeatureHash.Feature(64, s0t, s0ll, s0l2l);
        f[n++] = FeatureHash.Feature(65, b0t, b0ll, b0l2l);
        f[n++] = FeatureHash.Feature(66, s0t, s0rl, s0r2l);
        f[n++] = FeatureHash.Feature(67, b0w, b1w);
        f[n++] = FeatureHash.Feature(68, s0w, s1t);
        f[n++] = FeatureHash.Feature(69, s0t, s1w);
        f[n++] = FeatureHash.Feature(70, b0t, b1w);
        f[n++] = FeatureHash.Feature(71, b2w, b1t);
        f[n++] = FeatureHash.Feature(72, s0t, b0t, state.BufferEmpty ? 1UL : 0UL);

        // Universal tags generalise where Penn tags split (NNP/NNPS/NN/NNS all nominal).
        ulong s0u = U(input, s0), s1u = U(input, s1), b0u = U(input, b0), b1u = U(input, b1);
        f[n++] = FeatureHash.Feature(73, s0u, b0u);
        f[n++] = FeatureHash.Feature(74, s1u, s0u, b0u);
        f[n++] = FeatureHash.Feature(75, s0u, b0u, b1u);
        f[n++] = FeatureHash.Feature(76, s0u, b0u, d);
        f[n++] = FeatureHash.Feature(77, s0w, b0u);
        f[n++] = FeatureHash.Feature(78, s0u, b0w);
        f[n++] = FeatureHash.Feature(79, s0u, U(input, s0l), U(input, s0r));
        f[n++] = FeatureHash.Feature(80, b0u, U(input, b0l), s0u);
        f[n++] = FeatureHash.Feature(81, s1u, U(input, s1r), s0u);
        f[n++] = FeatureHash.Feature(82, s0u, s0ll, s0rl);
        f[n++] = FeatureHash.Feature(83, b0u, b0ll, b0vl);
        f[n++] = FeatureHash.Feature(84, U(input, s2), s1u, s0u);

        // Commas between the stack top and its neighbours: a strong cue against attaching across a clause.
        var commasS0B0 = ParseState.CommasBetween(input, s0, b0);
        var commasS1S0 = ParseState.CommasBetween(input, s1, s0);
        var d10 = Distance(s1, s0);
        f[n++] = FeatureHash.Feature(85, s0t, b0t, commasS0B0);
        f[n++] = FeatureHash.Feature(86, s1t, s0t, commasS1S0);
        f[n++] = FeatureHash.Feature(87, s1t, s0t, d10);
        f[n++] = FeatureHash.Feature(88, s1w, s0t, d10);
        f[n++] = FeatureHash.Feature(89, s1t, s0w, d10);
        f[n++] = FeatureHash.Feature(90, Suffix(input, b0), b0t);
        f[n++] = FeatureHash.Feature(91, Suffix(input, s0), s0t);
        f[n++] = FeatureHash.Feature(92, s0u, b0u, (commasS0B0 * 16) + d);
        f[n++] = FeatureHash.Feature(93, s0w, b0w, b1t);
        f[n++] = FeatureHash.Feature(94, s0t, s0rl, s0vr);
        f[n++] = FeatureHash.Feature(95, FeatureHash.Feature(0, s1t, s1rl), s0t, b0t);
        return n;
    }

    /// <summary>How many gold arcs each move would make unreachable (the dynamic oracle's cost), for legal moves.</summary>
    private static void Costs(ParseState state, int[] goldHeads, int[] goldLabels, int labelCount, Span<int> costs)
    {
        costs.Fill(int.MaxValue);
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var b0 = state.Buffer(0);
        var n = state.Length;
        var first = state.BufferStart;

        if (state.CanShift)
        {
            var cost = 0;
            for (var i = 0; i < state.StackSize; i++)
            {
                var k = state.Stack(i);
                if (goldHeads[k] == b0 && k != 0)
                {
                    cost++;
                }

                if (i > 0 && goldHeads[b0] == k)
                {
                    cost++;
                }
            }

            costs[Shift] = cost;
        }

        var childrenInBuffer = 0;
        if (s0 > 0)
        {
            for (var k = first; k <= n; k++)
            {
                if (goldHeads[k] == s0)
                {
                    childrenInBuffer++;
                }
            }
        }

        if (state.CanLeft)
        {
            var head = goldHeads[s0];
            var cost = childrenInBuffer + (head != b0 && (head == s1 || head > b0) ? 1 : 0);
            for (var l = 0; l < labelCount; l++)
            {
                costs[1 + l] = cost + (head == b0 && goldLabels[s0] != l ? 1 : 0);
            }
        }

        if (state.CanRight)
        {
            var head = goldHeads[s0];
            var cost = childrenInBuffer + (head != s1 && head >= first && first <= n ? 1 : 0);
            for (var l = 0; l < labelCount; l++)
            {
                costs[1 + labelCount + l] = cost + (head == s1 && goldLabels[s0] != l && s1 != 0 ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes; with development sentences, keeps the averaged model of the pass
    /// that scores best on them (labelled attachment), so the epoch count is chosen by data, deterministically.
    /// </summary>
    internal static ArcHybridParser Train(
        IReadOnlyList<DependencyInput> sentences, IReadOnlyList<string> labels, int epochs, ulong seed, Action<string>? log = null, IReadOnlyList<DependencyInput>? dev = null)
    {
        ArcHybridParser? chosen = null;
        var bestScore = -1.0;
        var labelCount = labels.Count;
        var classCount = 1 + (2 * labelCount);
        var trainer = new PerceptronTrainer(22, classCount);
        var random = new StableRandom(seed);
        var order = Enumerable.Range(0, sentences.Count).ToList();
        var features = new ulong[MaxFeatures];
        var scores = new float[classCount];
        var costs = new int[classCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            long arcs = 0, correctArcs = 0;
            foreach (var index in order)
            {
                var input = sentences[index];
                var goldHeads = input.GoldHeads!;
                var goldLabels = input.GoldLabels!;
                var state = new ParseState(input.Words.Length);
                while (!state.IsTerminal)
                {
                    var count = ExtractFeatures(state, input, features);
                    Array.Clear(scores);
                    trainer.Score(features.AsSpan(0, count), scores);
                    var predicted = BestLegal(state, scores, labelCount);
                    Costs(state, goldHeads, goldLabels, labelCount, costs);
                    var minimum = int.MaxValue;
                    foreach (var c in costs)
                    {
                        minimum = Math.Min(minimum, c);
                    }

                    var best = -1;
                    for (var k = 0; k < classCount; k++)
                    {
                        if (costs[k] == minimum && (best < 0 || scores[k] > scores[best]))
                        {
                            best = k;
                        }
                    }

                    if (costs[predicted] > minimum)
                    {
                        trainer.Update(features.AsSpan(0, count), best, predicted);
                    }

                    trainer.NextInstance();
                    var explore = epoch > 0 && random.NextDouble() < 0.9;
                    Apply(state, explore ? predicted : best, labelCount);
                }

                for (var d = 1; d <= input.Words.Length; d++)
                {
                    arcs++;
                    if (state.Heads[d] == goldHeads[d])
                    {
                        correctArcs++;
                    }
                }
            }

            var message = $"parser epoch {epoch + 1}/{epochs}: training UAS {100.0 * correctArcs / arcs:F2}";
            if (dev is not null)
            {
                var candidate = new ArcHybridParser(labels.ToArray(), trainer.ToModel());
                var (uas, las) = candidate.Score(dev);
                message += $", dev UAS {uas:F2} LAS {las:F2}";
                if (las > bestScore)
                {
                    bestScore = las;
                    chosen = candidate;
                    message += " (best so far)";
                }
            }

            log?.Invoke(message);
        }

        return chosen ?? new ArcHybridParser(labels.ToArray(), trainer.ToModel());
    }

    /// <summary>Unlabelled and labelled attachment scores on sentences with gold trees.</summary>
    internal (double Uas, double Las) Score(IReadOnlyList<DependencyInput> sentences)
    {
        long total = 0, heads = 0, labelled = 0;
        foreach (var sentence in sentences)
        {
            var (predictedHeads, relations) = Parse(sentence);
            for (var d = 1; d <= sentence.Words.Length; d++)
            {
                total++;
                if (predictedHeads[d] == sentence.GoldHeads![d])
                {
                    heads++;
                    var gold = sentence.GoldHeads[d] == 0 ? UdRelation.Root : _labels[sentence.GoldLabels![d]];
                    labelled += relations[d] == gold ? 1 : 0;
                }
            }
        }

        return (100.0 * heads / total, 100.0 * labelled / total);
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(_labels.Length);
        foreach (var label in _labels)
        {
            writer.Write(label);
        }

        writer.Write(_models.Length);
        foreach (var model in _models)
        {
            model.Write(writer);
        }
    }

    public static ArcHybridParser Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length));
        if (magic is not (Magic or "DYADPAR1"))
        {
            throw new InvalidDataException("not a Dyad parser model (bad magic)");
        }

        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        // Version 1 files hold a single model.
        var count = magic == "DYADPAR1" ? 1 : reader.ReadInt32();
        if (count is < 1 or > 8)
        {
            throw new InvalidDataException($"parser model is corrupt ({count} models)");
        }

        var models = new LinearModel[count];
        for (var i = 0; i < count; i++)
        {
            models[i] = LinearModel.Read(reader);
        }

        return new ArcHybridParser(labels, models);
    }

    /// <summary>The parser's configuration: a stack, the buffer's front, and the arcs made so far (positions 1-based, 0 the root).</summary>
    private sealed class ParseState
    {
        private readonly int[] _stack;
        private readonly int[] _leftmost;
        private readonly int[] _leftmost2;
        private readonly int[] _rightmost;
        private readonly int[] _rightmost2;
        private readonly int[] _leftCount;
        private readonly int[] _rightCount;

        public ParseState(int length)
        {
            Length = length;
            _stack = new int[length + 1];
            Heads = new int[length + 1];
            Labels = new int[length + 1];
            _leftmost = new int[length + 1];
            _leftmost2 = new int[length + 1];
            _rightmost = new int[length + 1];
            _rightmost2 = new int[length + 1];
            _leftCount = new int[length + 1];
            _rightCount = new int[length + 1];
            Array.Fill(Heads, -1);
            Array.Fill(_leftmost, -1);
            Array.Fill(_leftmost2, -1);
            Array.Fill(_rightmost, -1);
            Array.Fill(_rightmost2, -1);
            _stack[0] = 0;
            StackSize = 1;
            BufferStart = 1;
        }

        public int Length { get; }

        public int[] Heads { get; }

        public int[] Labels { get; }

        public int StackSize { get; private set; }

        public int BufferStart { get; private set; }

        public bool BufferEmpty => BufferStart > Length;

        public bool IsTerminal => BufferEmpty && StackSize == 1;

        public bool CanShift => !BufferEmpty;

        public bool CanLeft => !BufferEmpty && StackSize >= 1 && _stack[StackSize - 1] != 0;

        public bool CanRight => StackSize >= 2 && (_stack[StackSize - 2] != 0 || BufferEmpty);

        public int Stack(int depth) => depth < StackSize ? _stack[StackSize - 1 - depth] : -1;

        public int Buffer(int offset) => BufferStart + offset <= Length ? BufferStart + offset : -1;

        public int Leftmost(int position) => position > 0 ? _leftmost[position] : -1;

        public int Leftmost2(int position) => position > 0 ? _leftmost2[position] : -1;

        public int Rightmost(int position) => position > 0 ? _rightmost[position] : -1;

        public int Rightmost2(int position) => position > 0 ? _rightmost2[position] : -1;

        public int LeftCount(int position) => position > 0 ? Math.Min(_leftCount[position], 4) : 0;

        public int RightCount(int position) => position > 0 ? Math.Min(_rightCount[position], 4) : 0;

        /// <summary>How many commas lie strictly between two positions, capped at 2 (0 when either is missing).</summary>
        public static ulong CommasBetween(DependencyInput input, int a, int b)
        {
            if (a <= 0 || b <= 0)
            {
                return 3;
            }

            var (from, to) = a < b ? (a, b) : (b, a);
            var count = 0UL;
            for (var k = from + 1; k < to && count < 2; k++)
            {
                if (input.Words[k - 1].Form == CommaHash)
                {
                    count++;
                }
            }

            return count;
        }

        public void DoShift()
        {
            _stack[StackSize++] = BufferStart++;
        }

        public void DoLeft(int label)
        {
            var dependent = _stack[--StackSize];
            AddArc(BufferStart, dependent, label);
        }

        public void DoRight(int label)
        {
            var dependent = _stack[--StackSize];
            AddArc(_stack[StackSize - 1], dependent, label);
        }

        private void AddArc(int head, int dependent, int label)
        {
            Heads[dependent] = head;
            Labels[dependent] = label;
            if (head == 0)
            {
                return;
            }

            if (dependent < head)
            {
                _leftCount[head]++;
                if (_leftmost[head] < 0 || dependent < _leftmost[head])
                {
                    _leftmost2[head] = _leftmost[head];
                    _leftmost[head] = dependent;
                }
                else if (_leftmost2[head] < 0 || dependent < _leftmost2[head])
                {
                    _leftmost2[head] = dependent;
                }
            }
            else
            {
                _rightCount[head]++;
                if (dependent > _rightmost[head])
                {
                    _rightmost2[head] = _rightmost[head];
                    _rightmost[head] = dependent;
                }
                else if (dependent > _rightmost2[head])
                {
                    _rightmost2[head] = dependent;
                }
            }
        }
    }
}
