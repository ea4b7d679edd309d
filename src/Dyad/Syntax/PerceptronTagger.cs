using System.Text;
using Dyad.Text;

namespace Dyad.Syntax;

/// <summary>A sentence of words with their gold tags, as the tagger trains on it.</summary>
internal sealed record TaggingExample(string[] Words, string[] Upos, string[] Xpos);

/// <summary>
/// Predicts each word's universal (UPOS) and Penn Treebank (XPOS) tag together, left to right, with an averaged
/// perceptron over the word, its affixes and shape, its neighbours and the two previous tags. Frequent words
/// that the training data always tags one way take that tag without scoring.
/// </summary>
internal sealed class PerceptronTagger
{
    private const string Magic = "DYADTAG2";
    private const int MaxFeatures = 48;
    private const int PreviousStart = -1;
    private const int PreviousStart2 = -2;

    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly LinearModel _first;
    private readonly LinearModel? _second;
    private readonly Dictionary<ulong, int> _fixed;
    private readonly ulong[] _xposHashes;
    private readonly ulong[] _uposHashes;

    private PerceptronTagger(string[] upos, string[] xpos, LinearModel first, LinearModel? second, Dictionary<ulong, int> fixedTags)
    {
        _upos = upos;
        _xpos = xpos;
        _xposHashes = xpos.Select(FeatureHash.Of).ToArray();
        _uposHashes = upos.Select(u => FeatureHash.Of("U:" + u)).ToArray();
        _first = first;
        _second = second;
        _fixed = fixedTags;
    }

    private delegate int Extractor(ReadOnlySpan<WordFeatures> words, int i, int previous, int previous2, ReadOnlySpan<int> guesses, Span<ulong> output);

    public int TagCount => _upos.Length;

    public string Upos(int tag) => _upos[tag];

    public string Xpos(int tag) => _xpos[tag];

    /// <summary>The hash of a tag's Penn tag, which the parser's features use (so parser and tagger need not share tag numbering).</summary>
    internal ulong XposHash(int tag) => _xposHashes[tag];

    internal ulong UposHash(int tag) => _uposHashes[tag];

    /// <summary>The tag a word always takes, whatever its context (a frequent word the training data tags one way), if it has one.</summary>
    public int? FixedTag(string word) => _fixed.TryGetValue(WordFeatures.Of(word).Form, out var tag) ? tag : null;

    /// <summary>Tags the words of one sentence; returns one tag id per word.</summary>
    public int[] Tag(IReadOnlyList<string> words)
    {
        var features = new WordFeatures[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            features[i] = WordFeatures.Of(words[i]);
        }

        var tags = new int[words.Count];
        Tag(features, tags);
        return tags;
    }

    /// <summary>
    /// Two passes: the first tags left to right from the left context; the second sees the first's guesses for the
    /// words to the right as well, which settles most "to"/"that"/noun-or-verb ambiguities.
    /// </summary>
    internal void Tag(ReadOnlySpan<WordFeatures> words, Span<int> tags)
    {
        if (_second is null)
        {
            Pass(_first, FirstPassFeatures, words, [], tags);
            return;
        }

        var guesses = words.Length <= 256 ? stackalloc int[words.Length] : new int[words.Length];
        Pass(_first, FirstPassFeatures, words, [], guesses);
        Pass(_second, SecondPassFeatures, words, guesses, tags);
    }

    private void Pass(LinearModel model, Extractor extract, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<int> guesses, Span<int> tags)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<ulong> context = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[_upos.Length];
        var remembered = ReferenceEquals(model, _first) ? _firstOwnWeights : _secondOwnWeights;
        for (var i = 0; i < words.Length; i++)
        {
            if (_fixed.TryGetValue(words[i].Form, out var fixedTag))
            {
                tags[i] = fixedTag;
                continue;
            }

            var count = extract(words, i, i > 0 ? tags[i - 1] : PreviousStart, i > 1 ? tags[i - 2] : PreviousStart2, guesses, features);
            var contextCount = 0;
            for (var f = 0; f < count; f++)
            {
                if (f >= IsOwnFeature.Length || !IsOwnFeature[f])
                {
                    context[contextCount++] = features[f];
                }
            }

            scores.Clear();
            model.Score(context[..contextCount], scores, OwnWeights(model, remembered, words[i], features));
            tags[i] = ArgMax(scores);
        }
    }

    // Some features depend on the word alone (its form, affixes and shape: their places among FirstPassFeatures
    // below), and their rows are the ones least likely to be in cache, one per word form against a few hundred tag
    // contexts. Their summed weights are remembered for each word; weights sum as integers, so the scores are
    // exactly those of looking every feature up.
    private static readonly int[] OwnFeatures = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 32];
    private static readonly bool[] IsOwnFeature = Enumerable.Range(0, OwnFeatures.Max() + 1).Select(OwnFeatures.Contains).ToArray();

    // Found by the hash of the word's form (quick to look up), and checked against all its features, so two
    // words whose forms share a hash never share sums.
    private readonly BoundedMemo<ulong, (WordFeatures Word, int[] Sums)> _firstOwnWeights = new(200_000);
    private readonly BoundedMemo<ulong, (WordFeatures Word, int[] Sums)> _secondOwnWeights = new(200_000);

    private static int[] OwnWeights(LinearModel model, BoundedMemo<ulong, (WordFeatures Word, int[] Sums)> remembered, WordFeatures word, ReadOnlySpan<ulong> features)
    {
        if (remembered.TryGetValue(word.Form, out var found) && found.Word == word)
        {
            return found.Sums;
        }

        return remembered.Add(word.Form, (word, SumOwn(model, features))).Sums;
    }

    private static int[] SumOwn(LinearModel model, ReadOnlySpan<ulong> features)
    {
        Span<ulong> own = stackalloc ulong[OwnFeatures.Length];
        for (var k = 0; k < OwnFeatures.Length; k++)
        {
            own[k] = features[OwnFeatures[k]];
        }

        var sums = new int[model.Stride];
        model.Accumulate(own, sums);
        return sums;
    }

    private static int SecondPassFeatures(ReadOnlySpan<WordFeatures> words, int i, int previous, int previous2, ReadOnlySpan<int> guesses, Span<ulong> output)
    {
        var n = FirstPassFeatures(words, i, previous, previous2, guesses, output);
        var w = words[i];
        output[n++] = FeatureHash.Feature(101, Guess(guesses, i));
        output[n++] = FeatureHash.Feature(102, Guess(guesses, i + 1));
        output[n++] = FeatureHash.Feature(103, Guess(guesses, i + 2));
        output[n++] = FeatureHash.Feature(104, Guess(guesses, i + 1), Guess(guesses, i + 2));
        output[n++] = FeatureHash.Feature(105, Guess(guesses, i + 1), w.Lower);
        output[n++] = FeatureHash.Feature(106, Guess(guesses, i - 1), Guess(guesses, i + 1));
        output[n++] = FeatureHash.Feature(107, Guess(guesses, i), w.Lower);
        output[n++] = FeatureHash.Feature(108, Guess(guesses, i + 1), w.Suffix3);
        return n;
    }

    private static ulong Guess(ReadOnlySpan<int> guesses, int k) => k < 0 ? 1UL : k >= guesses.Length ? 2UL : (ulong)guesses[k] + 3;

    private static int FirstPassFeatures(ReadOnlySpan<WordFeatures> words, int i, int previous, int previous2, ReadOnlySpan<int> guesses, Span<ulong> output)
    {
        var w = words[i];
        var p1 = i > 0 ? words[i - 1] : WordFeatures.Start;
        var p2 = i > 1 ? words[i - 2] : WordFeatures.Start;
        var n1 = i + 1 < words.Length ? words[i + 1] : WordFeatures.End;
        var n2 = i + 2 < words.Length ? words[i + 2] : WordFeatures.End;
        var t1 = (ulong)(previous + 3);
        var t2 = (ulong)(previous2 + 3);
        var n = 0;
        output[n++] = FeatureHash.Feature(1, 0);
        output[n++] = FeatureHash.Feature(2, w.Form);
        output[n++] = FeatureHash.Feature(3, w.Lower);
        output[n++] = FeatureHash.Feature(4, w.Suffix1);
        output[n++] = FeatureHash.Feature(5, w.Suffix2);
        output[n++] = FeatureHash.Feature(6, w.Suffix3);
        output[n++] = FeatureHash.Feature(7, w.Suffix4);
        output[n++] = FeatureHash.Feature(8, w.Prefix1);
        output[n++] = FeatureHash.Feature(9, w.Prefix2);
        output[n++] = FeatureHash.Feature(10, w.Shape);
        output[n++] = FeatureHash.Feature(11, (ulong)w.Flags, i == 0 ? 1UL : 0UL);
        output[n++] = FeatureHash.Feature(12, t1);
        output[n++] = FeatureHash.Feature(13, t2);
        output[n++] = FeatureHash.Feature(14, t1, t2);
        output[n++] = FeatureHash.Feature(15, t1, w.Lower);
        output[n++] = FeatureHash.Feature(16, p1.Lower);
        output[n++] = FeatureHash.Feature(17, p1.Suffix3);
        output[n++] = FeatureHash.Feature(18, p2.Lower);
        output[n++] = FeatureHash.Feature(19, n1.Lower);
        output[n++] = FeatureHash.Feature(20, n1.Suffix3);
        output[n++] = FeatureHash.Feature(21, n2.Lower);
        output[n++] = FeatureHash.Feature(22, w.Lower, n1.Lower);
        output[n++] = FeatureHash.Feature(23, p1.Lower, w.Lower);
        output[n++] = FeatureHash.Feature(24, t1, w.Suffix3);
        output[n++] = FeatureHash.Feature(25, n1.Shape, w.Shape);
        output[n++] = FeatureHash.Feature(26, p1.Lower, n1.Lower);
        output[n++] = FeatureHash.Feature(27, t1, n1.Lower);
        output[n++] = FeatureHash.Feature(28, n1.Prefix1, (ulong)n1.Flags);
        output[n++] = FeatureHash.Feature(29, p1.Form);
        output[n++] = FeatureHash.Feature(30, n1.Form);
        output[n++] = FeatureHash.Feature(31, (ulong)p1.Flags, (ulong)w.Flags, (ulong)n1.Flags);
        output[n++] = FeatureHash.Feature(32, t1, n1.Suffix3);
        output[n++] = FeatureHash.Feature(33, w.Prefix2, w.Suffix3);
        output[n++] = FeatureHash.Feature(34, n2.Suffix3);
        output[n++] = FeatureHash.Feature(35, p1.Shape, w.Shape);
        output[n++] = FeatureHash.Feature(36, t1, p1.Lower);
        return n;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Trains both passes; with <paramref name="singlePass"/>, only the first (quicker, for jackknifing the parser's training tags).</summary>
    internal static PerceptronTagger Train(IReadOnlyList<TaggingExample> sentences, int epochs, ulong seed, Action<string>? log = null, bool singlePass = false)
    {
        // Tag set: UPOS and XPOS predicted together, as the pairs the data has.
        var pairIds = new Dictionary<(string, string), int>();
        var upos = new List<string>();
        var xpos = new List<string>();
        var data = new List<(WordFeatures[] Words, int[] Tags)>();
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var sentence in sentences)
        {
            var tags = new int[sentence.Words.Length];
            var words = new WordFeatures[sentence.Words.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                var key = (sentence.Upos[i], sentence.Xpos[i]);
                if (!pairIds.TryGetValue(key, out var id))
                {
                    id = pairIds.Count;
                    pairIds[key] = id;
                    upos.Add(key.Item1);
                    xpos.Add(key.Item2);
                }

                tags[i] = id;
                words[i] = WordFeatures.Of(sentence.Words[i]);
                if (!counts.TryGetValue(words[i].Form, out var byTag))
                {
                    counts[words[i].Form] = byTag = [];
                }

                byTag[id] = byTag.GetValueOrDefault(id) + 1;
            }

            data.Add((words, tags));
        }

        // Frequent, unambiguous words: at least 20 occurrences, 99.5% with one tag.
        var fixedTags = new Dictionary<ulong, int>();
        foreach (var (form, byTag) in counts)
        {
            var total = byTag.Values.Sum();
            var (tag, count) = byTag.MaxBy(kv => kv.Value);
            if (total >= 20 && count >= total * 0.995)
            {
                fixedTags[form] = tag;
            }
        }

        var first = TrainPass(data, [], FirstPassFeatures, fixedTags, upos.Count, epochs, seed, "first pass", log);
        if (singlePass)
        {
            return new PerceptronTagger(upos.ToArray(), xpos.ToArray(), first, null, fixedTags);
        }

        // The second pass learns from first-pass guesses as wrong as they will be: each fold is guessed by a
        // first pass trained without it.
        const int folds = 4;
        var guesses = new int[data.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var rest = data.Where((_, k) => k % folds != fold).ToList();
            var foldModel = TrainPass(rest, [], FirstPassFeatures, fixedTags, upos.Count, epochs, seed + (ulong)fold + 1, null, null);
            var foldTagger = new PerceptronTagger(upos.ToArray(), xpos.ToArray(), foldModel, null, fixedTags);
            for (var k = fold; k < data.Count; k += folds)
            {
                guesses[k] = new int[data[k].Words.Length];
                foldTagger.Pass(foldModel, FirstPassFeatures, data[k].Words, [], guesses[k]);
            }
        }

        var second = TrainPass(data, guesses, SecondPassFeatures, fixedTags, upos.Count, epochs, seed, "second pass", log);
        return new PerceptronTagger(upos.ToArray(), xpos.ToArray(), first, second, fixedTags);
    }

    private static LinearModel TrainPass(
        List<(WordFeatures[] Words, int[] Tags)> data, int[][] guesses, Extractor extract, Dictionary<ulong, int> fixedTags, int classCount, int epochs, ulong seed, string? name, Action<string>? log)
    {
        var trainer = new PerceptronTrainer(22, classCount);
        var random = new StableRandom(seed);
        var order = Enumerable.Range(0, data.Count).ToList();
        var features = new ulong[MaxFeatures];
        var scores = new float[classCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var index in order)
            {
                var (words, gold) = data[index];
                var predicted = new int[words.Length];
                ReadOnlySpan<int> guess = guesses.Length > 0 ? guesses[index] : [];
                for (var i = 0; i < words.Length; i++)
                {
                    total++;
                    if (fixedTags.TryGetValue(words[i].Form, out var fixedTag))
                    {
                        predicted[i] = fixedTag;
                        correct += fixedTag == gold[i] ? 1 : 0;
                        continue;
                    }

                    var n = extract(words, i, i > 0 ? predicted[i - 1] : PreviousStart, i > 1 ? predicted[i - 2] : PreviousStart2, guess, features);
                    Array.Clear(scores);
                    trainer.Score(features.AsSpan(0, n), scores);
                    var best = ArgMax(scores);
                    trainer.Update(features.AsSpan(0, n), gold[i], best);
                    trainer.NextInstance();
                    predicted[i] = best;
                    correct += best == gold[i] ? 1 : 0;
                }
            }

            if (name is not null)
            {
                log?.Invoke($"tagger {name} epoch {epoch + 1}/{epochs}: training accuracy {100.0 * correct / total:F2}%");
            }
        }

        return trainer.ToModel();
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(_upos.Length);
        for (var i = 0; i < _upos.Length; i++)
        {
            writer.Write(_upos[i]);
            writer.Write(_xpos[i]);
        }

        writer.Write(_fixed.Count);
        foreach (var (form, tag) in _fixed.OrderBy(kv => kv.Key))
        {
            writer.Write(form);
            writer.Write7BitEncodedInt(tag);
        }

        _first.Write(writer);
        writer.Write(_second is not null);
        _second?.Write(writer);
    }

    public static PerceptronTagger Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("not a Dyad tagger model (bad magic)");
        }

        var count = reader.ReadInt32();
        var upos = new string[count];
        var xpos = new string[count];
        for (var i = 0; i < count; i++)
        {
            upos[i] = reader.ReadString();
            xpos[i] = reader.ReadString();
        }

        var fixedCount = reader.ReadInt32();
        var fixedTags = new Dictionary<ulong, int>(fixedCount);
        for (var i = 0; i < fixedCount; i++)
        {
            fixedTags[reader.ReadUInt64()] = reader.Read7BitEncodedInt();
        }

        var first = LinearModel.Read(reader);
        var second = reader.ReadBoolean() ? LinearModel.Read(reader) : null;
        return new PerceptronTagger(upos, xpos, first, second, fixedTags);
    }
}
