namespace Dyad.Syntax;

/// <summary>What training reads: treebank files, and an optional list of documents whose text may not be trained on.</summary>
internal sealed record TrainingCorpus(IReadOnlyList<string> Files, string? LicenceList = null)
{
    /// <summary>
    /// The sentences of all files, leaving out documents the licence list marks as not for commercial use
    /// (GUM's wikiHow, fiction, essays, letters, podcasts); documents the list does not name are kept.
    /// </summary>
    public IReadOnlyList<ConlluSentence> ReadSentences(out int droppedDocuments)
    {
        var excluded = LicenceList is null ? [] : ReadExcluded(LicenceList);
        var sentences = new List<ConlluSentence>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var keep = true;
            foreach (var sentence in Conllu.ReadFile(file))
            {
                if (sentence.NewDoc is { } doc)
                {
                    keep = !excluded.Contains(doc);
                    if (!keep)
                    {
                        dropped.Add(doc);
                    }
                }

                if (keep)
                {
                    sentences.Add(sentence);
                }
            }
        }

        droppedDocuments = dropped.Count;
        return sentences;
    }

    private static HashSet<string> ReadExcluded(string path)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.StartsWith("doc\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length >= 5 && !string.Equals(cols[4].Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            {
                excluded.Add(cols[0]);
            }
        }

        return excluded;
    }
}

/// <summary>Trains the tagger, lemmatiser and parser from treebanks, deterministically for a given seed.</summary>
internal static class SyntaxTraining
{
    public const ulong DefaultSeed = 20161128;

    public static (PerceptronTagger Tagger, Lemmatizer Lemmatizer) TrainTagger(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, string? lexiconFolder, int epochs, ulong seed, Action<string>? log)
    {
        var tagged = train.Select(ToTagged).ToList();
        var tagger = TrainBestTagger(tagged, dev, epochs, seed, log);
        var words = train.SelectMany(s => s.Words).Where(w => w.Xpos is not null && w.Lemma is not null).Select(w => (w.Form, w.Xpos!, w.Lemma!, Misspelt(w)));
        var irregular = lexiconFolder is null ? [] : Lemmatizer.ReadWordNetExceptions(lexiconFolder);
        var lemmatizer = Lemmatizer.Train(words, irregular);
        log?.Invoke($"lemmatizer: {lemmatizer.RuleCount:N0} suffix rules, {lemmatizer.ExceptionCount:N0} exceptions, {lemmatizer.InvariantCount:N0} words with one lemma under every tag");
        return (tagger, lemmatizer);
    }

    /// <summary>A typo ("to" for "the") or a piece of a word split in two (GW: "with" of "with out"): its lemma is the intended word's.</summary>
    internal static bool Misspelt(ConlluWord word) =>
        word.Xpos == "GW" || (word.Feats is not null && word.Feats.Split('|').Contains("Typo=Yes", StringComparer.Ordinal));

    private static PerceptronTagger TrainBestTagger(List<TaggingExample> tagged, IReadOnlyList<ConlluSentence>? dev, int epochs, ulong seed, Action<string>? log)
    {
        var tagger = PerceptronTagger.Train(tagged, epochs, seed, log);
        if (dev is not null)
        {
            log?.Invoke($"tagger dev UPOS {100 * TagAccuracy(tagger, dev):F2}%");
        }

        return tagger;
    }

    public static ArcHybridParser TrainParser(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, int epochs, int tagEpochs, int folds, ulong seed, Action<string>? log)
    {
        // Jackknifing: each fold is tagged by a tagger trained on the other folds, so the parser learns from
        // tags as wrong as the ones it will see.
        var tagged = train.Select(ToTagged).ToList();
        var predicted = new ulong[train.Count][];
        var predictedUpos = new ulong[train.Count][];
        PerceptronTagger? devTagger = null;
        for (var fold = 0; fold < folds; fold++)
        {
            var rest = tagged.Where((_, i) => i % folds != fold).ToList();
            var foldTagger = PerceptronTagger.Train(rest, tagEpochs, seed + (ulong)fold + 1, null, singlePass: true);
            devTagger ??= foldTagger;
            for (var i = fold; i < train.Count; i += folds)
            {
                var tags = foldTagger.Tag(tagged[i].Words);
                predicted[i] = tags.Select(foldTagger.XposHash).ToArray();
                predictedUpos[i] = tags.Select(foldTagger.UposHash).ToArray();
            }

            log?.Invoke($"jackknife fold {fold + 1}/{folds} tagged");
        }

        var labels = train.SelectMany(s => s.Words).Select(w => w.Deprel ?? UdRelation.Dep).Where(l => l != UdRelation.Root)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var labelIds = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var inputs = new List<DependencyInput>();
        for (var i = 0; i < train.Count; i++)
        {
            inputs.Add(ToInput(train[i], predicted[i], predictedUpos[i]));
        }

        // Development sentences are tagged by the first fold's tagger, which has not seen them either.
        List<DependencyInput>? devInputs = null;
        if (dev is not null && devTagger is not null)
        {
            devInputs = [];
            foreach (var sentence in dev)
            {
                var tags = devTagger.Tag(sentence.Words.Select(w => w.Form).ToArray());
                devInputs.Add(ToInput(sentence, tags.Select(devTagger.XposHash).ToArray(), tags.Select(devTagger.UposHash).ToArray()));
            }
        }

        return ArcHybridParser.Train(inputs, labels, epochs, seed, log, devInputs);

        DependencyInput ToInput(ConlluSentence sentence, ulong[] xpos, ulong[] upos)
        {
            var heads = new int[sentence.Words.Count + 1];
            var goldLabels = new int[sentence.Words.Count + 1];
            for (var w = 0; w < sentence.Words.Count; w++)
            {
                heads[w + 1] = Math.Max(0, sentence.Words[w].Head);
                goldLabels[w + 1] = labelIds.GetValueOrDefault(sentence.Words[w].Deprel ?? UdRelation.Dep);
            }

            return new DependencyInput(sentence.Words.Select(w => WordFeatures.Of(w.Form)).ToArray(), xpos, upos, heads, goldLabels);
        }
    }

    private static TaggingExample ToTagged(ConlluSentence sentence) => new(
        sentence.Words.Select(w => w.Form).ToArray(),
        sentence.Words.Select(w => w.Upos ?? UdTag.X).ToArray(),
        sentence.Words.Select(w => w.Xpos ?? "XX").ToArray());

    private static double TagAccuracy(PerceptronTagger tagger, IReadOnlyList<ConlluSentence> gold)
    {
        int correct = 0, total = 0;
        foreach (var sentence in gold)
        {
            var tags = tagger.Tag(sentence.Words.Select(w => w.Form).ToArray());
            for (var i = 0; i < tags.Length; i++)
            {
                total++;
                correct += tagger.Upos(tags[i]) == sentence.Words[i].Upos ? 1 : 0;
            }
        }

        return (double)correct / Math.Max(1, total);
    }
}
