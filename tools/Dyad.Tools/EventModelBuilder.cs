using System.Text.Json;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Text;
using Dyad.Vetting;

namespace Dyad.Tools;

/// <summary>
/// resources/models/events.bin: the event model, trained on the sentences annotated in training/events/annotations
/// (see training/events/GUIDELINES.md). Each annotated story is read from the Reuters-21578 copy in the shared
/// data, coded with the built-in knowledge keeping every candidate event, and each candidate is labelled by whether
/// an annotated event of its sentence has its source country, target country (or none) and CAMEO root.
/// </summary>
internal static class EventModelBuilder
{
    private sealed record AnnotatedEvent(string Source, string? Target, string Root, bool Optional, string? SourceText, string? TargetText, string? TriggerText);

    private sealed record AnnotatedSentence(int Start, int End, IReadOnlyList<AnnotatedEvent> Events);

    public static void Build(string data, string resources)
    {
        var annotations = Path.Combine(Path.GetDirectoryName(resources)!, "training", "events", "annotations");
        var byStory = ReadAnnotations(annotations);
        var stories = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var input in new DocumentReader().ReadFile(Path.Combine(data, "reuters21578", "reuters21578.jsonl")))
        {
            if (input.Document is { } document && byStory.ContainsKey(document.Id))
            {
                stories[document.Id] = document;
            }
        }

        var missing = byStory.Keys.Where(id => !stories.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"annotated stories not in the Reuters corpus: {string.Join(", ", missing.Take(5))}");
        }

        var coder = new DocumentCoder(DocumentCoder.CreateForTraining()) { KeepEveryCandidate = true };
        var candidates = new List<LabelledCandidate>();
        var pairs = new List<LabelledPair>();
        var covered = new HashSet<AnnotatedEvent>(ReferenceEqualityComparer.Instance);
        var unplaced = 0;
        // The countries each annotated sentence's actor pairs name.
        var found = new Dictionary<AnnotatedSentence, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var firstPass = new Dictionary<string, CodedDocument>(StringComparer.Ordinal);
        var words = new List<LabelledWord>();
        foreach (var (id, sentences) in byStory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Each story is coded once without a trigger model: its candidate events label the filter, its words the trigger model.
            var coded = firstPass[id] = coder.Code(stories[id]);
            foreach (var e in coded.Events)
            {
                var sentence = sentences.FirstOrDefault(s => e.Evidence.Span.Start >= s.Start && e.Evidence.Span.Start < s.End);
                if (sentence is null)
                {
                    unplaced++;
                    continue;
                }

                candidates.Add(new LabelledCandidate(id, e.ModelFeatures!, sentence.Events.Any(a => Fits(e, a))));
            }

            words.AddRange(LabelWords(id, coded, sentences));
        }

        var (triggerModel, triggersFor, triggerReport) = TriggerModelTrainer.Train(words);
        using (var stream = File.Create(Path.Combine(resources, "models", "triggers.bin")))
        {
            triggerModel.Write(stream);
        }

        Console.WriteLine($"trigger model: {triggerReport.Words} words ({triggerReport.Triggers} annotated triggers); cross-validated: precision {triggerReport.Precision:0.00}, recall {triggerReport.Recall:0.00} (root right)");

        foreach (var (id, sentences) in byStory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Coded again with the trigger model that did not learn from this story, so the pair model learns from
            // trigger judgements as good as those it will get on new stories.
            var coded = new DocumentCoder(coder, triggersFor(id)) { KeepEveryCandidate = true }.Code(stories[id]);
            var text = stories[id].Text;
            foreach (var sentencePairs in coded.Pairs!.GroupBy(p => p.Sentence))
            {
                var span = sentencePairs.Key;
                if (sentences.FirstOrDefault(s => span.Start < s.End && s.Start < span.End) is not { } sentence)
                {
                    continue;
                }

                var mentions = sentencePairs.SelectMany(p => new[] { p.Pair.Source, p.Pair.Target }).OfType<ActorMention>().ToList();
                foreach (var (_, pair) in sentencePairs)
                {
                    var source = Country(pair.Source.Actor.Code.Value);
                    var target = pair.Target is null ? null : Country(pair.Target.Actor.Code.Value);
                    var fits = sentence.Events.Where(a => SameActors(source, target, a, CameoCode.IsSymmetricRoot(a.Root))).OrderBy(a => a.Optional).ToList();
                    // A pair between the right countries but not by the annotated words ("Japanese" in "Japanese cars"
                    // when "Tokyo" acted) teaches nothing either way: it is left out of training.
                    var named = fits.Where(a => Names(pair, a, mentions, text, sentence)).ToList();
                    if (fits.Count > 0 && named.Count == 0)
                    {
                        covered.UnionWith(fits);
                        continue;
                    }
                    covered.UnionWith(fits);
                    if (!found.TryGetValue(sentence, out var countries))
                    {
                        found[sentence] = countries = new HashSet<string>(StringComparer.Ordinal);
                    }

                    countries.UnionWith(new[] { source, target }.OfType<string>());
                    pairs.Add(new LabelledPair(id, pair.Features, fits.Select(a => a.Root).Distinct().ToList()));
                }
            }
        }

        // Why the others have none: which side's actor was never found in the sentence (or both were, but not paired).
        var why = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in byStory.Values.SelectMany(s => s))
        {
            var named = found.GetValueOrDefault(sentence) ?? [];
            foreach (var a in sentence.Events.Where(a => !covered.Contains(a) && !a.Optional))
            {
                var reason = !named.Contains(a.Source) ? "source not found" : a.Target is not null && !named.Contains(a.Target) ? "target not found" : "both found, not paired";
                why[reason] = why.GetValueOrDefault(reason) + 1;
            }
        }

        Console.WriteLine($"annotated events with a pair of their countries among the candidates: {covered.Count} of {byStory.Values.Sum(s => s.Sum(x => x.Events.Count))}; required ones without: {string.Join(", ", why.Select(p => $"{p.Key} {p.Value}"))}");
        if (Environment.GetEnvironmentVariable("DYAD_PAIR_DUMP") is { } dump)
        {
            File.WriteAllLines(dump, pairs.Select(p => p.Group + "\t" + string.Join(",", p.Roots) + "\t" + string.Join(FeatureSeparator, p.Features)));
        }

        var (pairModel, pairReport) = PairModelTrainer.Train(pairs);
        using (var stream = File.Create(Path.Combine(resources, "models", "pairs.bin")))
        {
            pairModel.Write(stream);
        }

        Console.WriteLine($"pair model: {pairReport.Pairs} actor pairs ({pairReport.Events} with an annotated event); cross-validated with {pairReport.RootsCoded} roots coded at their own margins: precision {pairReport.Precision:0.00}, recall {pairReport.Recall:0.00} (root right)");

        var (model, report) = EventModelTrainer.Train(candidates);
        // The candidate filter is measured but not shipped (docs/measurements.md): written beside the build, not into resources.
        var output = Path.Combine(Path.GetTempPath(), "dyad-events.bin");
        using (var stream = File.Create(output))
        {
            model.Write(stream);
        }

        Console.WriteLine($"{byStory.Count} stories, {byStory.Values.Sum(s => s.Count)} sentences, {byStory.Values.Sum(s => s.Sum(x => x.Events.Count))} annotated events");
        Console.WriteLine($"{report.Candidates} candidate events ({report.Events} right, {unplaced} outside annotated sentences)");
        Console.WriteLine($"{report.Folds}-fold cross-validation: threshold {report.Threshold:0.###}, precision {report.Precision:0.00}, recall of right candidates {report.Recall:0.00}");
    }

    /// <summary>
    /// The words of a story's annotated sentences, each labelled with the root of the annotated event whose trigger it
    /// is (the verb of the trigger's words, else its noun, else its first judged word), or none.
    /// </summary>
    private static IEnumerable<LabelledWord> LabelWords(string id, CodedDocument coded, IReadOnlyList<AnnotatedSentence> sentences)
    {
        var text = coded.Document.Text;
        foreach (var sentenceWords in coded.Words!.GroupBy(w => w.Sentence))
        {
            var span = sentenceWords.Key;
            if (sentences.FirstOrDefault(s => span.Start < s.End && s.Start < span.End) is not { } sentence)
            {
                continue;
            }

            var labels = new Dictionary<TextSpan, int>();
            foreach (var a in sentence.Events.Where(a => a.TriggerText is { Length: > 0 }).OrderBy(a => a.Optional))
            {
                if (Occurrences(text, sentence, a.TriggerText!).FirstOrDefault() is not { Length: > 0 } occurrence)
                {
                    continue;
                }

                var inside = sentenceWords.Where(w => w.Word.Start < occurrence.End && occurrence.Start < w.Word.End).ToList();
                var chosen = inside.FirstOrDefault(w => w.Features.Contains("upos=VERB"));
                chosen = chosen.Features is null ? inside.FirstOrDefault(w => w.Features.Contains("upos=NOUN")) : chosen;
                chosen = chosen.Features is null ? inside.FirstOrDefault() : chosen;
                if (chosen.Features is not null)
                {
                    labels.TryAdd(chosen.Word, PairModel.LabelOf(a.Root));
                }
            }

            foreach (var w in sentenceWords)
            {
                yield return new LabelledWord(id, w.Features, labels.GetValueOrDefault(w.Word));
            }
        }
    }

    // The pairs DYAD_PAIR_DUMP writes, one a line: story, roots (comma-separated), features joined by U+0001.
    private const string FeatureSeparator = "\u0001";

    /// <summary>The labelled pairs a run with DYAD_PAIR_DUMP wrote, for the pair-experiment command.</summary>
    public static List<LabelledPair> ReadDumpedPairs(string file) =>
        File.ReadLines(file).Select(l => l.Split('\t'))
            .Select(f => new LabelledPair(f[0], f[2].Split(FeatureSeparator), f[1].Length == 0 ? [] : f[1].Split(','))).ToList();

    private static bool Fits(CodedEvent e, AnnotatedEvent a)
    {
        var root = e.Cameo.Code.Root;
        var (source, target) = (Country(e.Source.Code.Value), e.Target is null ? null : Country(e.Target.Code.Value));
        return root == a.Root && SameActors(source, target, a, CameoCode.IsSymmetricRoot(root));
    }

    /// <summary>Whether an annotated event is between these countries (either way round for a symmetric root).</summary>
    private static bool SameActors(string? source, string? target, AnnotatedEvent a, bool symmetric) =>
        (source == a.Source && target == a.Target) || (symmetric && source == a.Target && target == a.Source);

    /// <summary>
    /// Whether the pair's mentions are the words the annotation names its actors by: of the sentence's mentions of
    /// an actor's country, those inside the annotated words ("Tokyo's" rather than "Japanese" in "Japanese cars");
    /// all of them when none is (the annotator named a pronoun or a phrase Dyad read otherwise).
    /// </summary>
    private static bool Names(ActorPair pair, AnnotatedEvent a, List<ActorMention> mentions, string text, AnnotatedSentence sentence)
    {
        var symmetric = CameoCode.IsSymmetricRoot(a.Root);
        bool Side(ActorMention? mention, string? country, string? words)
        {
            if (mention is null || country is null || words is null)
            {
                return true;
            }

            var occurrences = Occurrences(text, sentence, words).ToList();
            bool Inside(ActorMention m) => occurrences.Any(o => m.Actor.Span.Start < o.End && o.Start < m.Actor.Span.End);
            var sameCountry = mentions.Where(m => Country(m.Actor.Code.Value) == country).ToList();
            return !sameCountry.Any(Inside) || Inside(mention);
        }

        var (source, target) = (Country(pair.Source.Actor.Code.Value), pair.Target is null ? null : Country(pair.Target.Actor.Code.Value));
        var forward = source == a.Source && target == a.Target && Side(pair.Source, a.Source, a.SourceText) && Side(pair.Target, a.Target, a.TargetText);
        var backward = symmetric && source == a.Target && target == a.Source && Side(pair.Source, a.Target, a.TargetText) && Side(pair.Target, a.Source, a.SourceText);
        return forward || backward;
    }

    private static IEnumerable<TextSpan> Occurrences(string text, AnnotatedSentence sentence, string words)
    {
        var at = sentence.Start;
        while (at < sentence.End && text.IndexOf(words, at, Math.Min(sentence.End, text.Length) - at, StringComparison.Ordinal) is var found and >= 0)
        {
            yield return new TextSpan(found, found + words.Length);
            at = found + 1;
        }
    }

    private static string? TextOf(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Country(string code) => code.StartsWith("IGO", StringComparison.Ordinal) ? "IGO" : code.Length >= 3 ? code[..3] : null;

    private static Dictionary<string, List<AnnotatedSentence>> ReadAnnotations(string folder)
    {
        var byStory = new Dictionary<string, List<AnnotatedSentence>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var events = root.GetProperty("events").EnumerateArray().Select(e => new AnnotatedEvent(
                    e.GetProperty("source").GetString()!,
                    e.GetProperty("target").ValueKind == JsonValueKind.Null ? null : e.GetProperty("target").GetString(),
                    e.GetProperty("cameo").GetString()![..2],
                    e.TryGetProperty("optional", out var optional) && optional.GetBoolean(),
                    TextOf(e, "source_text"),
                    TextOf(e, "target_text"),
                    TextOf(e, "trigger"))).ToList();
                var doc = root.GetProperty("doc").GetString()!;
                if (!byStory.TryGetValue(doc, out var list))
                {
                    byStory[doc] = list = [];
                }

                list.Add(new AnnotatedSentence(root.GetProperty("start").GetInt32(), root.GetProperty("end").GetInt32(), events));
            }
        }

        return byStory;
    }
}
