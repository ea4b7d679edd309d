using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Actors;
using Dyad.Evaluation;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad eval text|...</c>: measure a stage against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Measure Dyad's stages against gold data.");
        command.Subcommands.Add(CreateText(context));
        command.Subcommands.Add(CreateSyntax(context));
        command.Subcommands.Add(CreateStance(context));
        command.Subcommands.Add(CreateTime(context));
        command.Subcommands.Add(CreatePlaces(context));
        return command;
    }

    private static Command CreateText(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "A CoNLL-U treebank whose # text lines give the raw text.", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also list this many tokens that disagree with the gold words." };
        var command = new Command("text", "Sentence splitting and tokenization against a treebank's segmentation.\n"
            + "Example: dyad eval text --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu")
        {
            gold,
            errors,
        };
        command.SetAction(parse =>
        {
            var path = ExistingFile(parse.GetValue(gold)!);

            var score = SegmentationEvaluator.Evaluate(Conllu.ReadFile(path), DocumentSegmenter.Default);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"gold: {path} ({score.Documents} documents)");
            report.AppendLine("metric                 gold    system  correct  precision  recall   F1");
            Row(report, "words (tokens)", score.Words);
            Row(report, "surface tokens", score.SurfaceTokens);
            Row(report, "sentences (spans)", score.Sentences);
            Row(report, "sentence boundaries", score.SentenceBoundaries);
            Row(report, "  within paragraphs", score.InnerBoundaries);
            foreach (var error in score.WordErrors.Take(parse.GetValue(errors)))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  token not in gold: {error}");
            }

            var bytes = Encoding.UTF8.GetBytes(report.ToString());
            context.Out.Write(bytes);
            context.Out.Flush();
            return CliErrors.Success;
        });
        return command;
    }

    private static Command CreateSyntax(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "A CoNLL-U treebank.", Required = true };
        var raw = new Option<bool>("--raw") { Description = "Start from the treebank's raw text (# text lines) through our own splitter and tokenizer; words align by character span, as in the CoNLL 2018 shared task." };
        var tagger = new Option<string?>("--tagger") { Description = "A tagger model file instead of the shipped one." };
        var parser = new Option<string?>("--parser") { Description = "A parser model file instead of the shipped one." };
        var confusions = new Option<int>("--confusions") { Description = "Also list this many of the most frequent tag and relation errors." };
        var prune = new Option<float>("--prune") { Description = "Drop parser weights smaller than this before scoring (to measure what smaller models cost)." };
        var command = new Command("syntax", "UPOS, XPOS and lemma accuracy, UAS and LAS (full labels) against a treebank; news documents are also scored apart.\n"
            + "Example: dyad eval syntax --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu")
        {
            gold,
            raw,
            tagger,
            parser,
            confusions,
            prune,
        };
        command.SetAction(parse =>
        {
            var path = ExistingFile(parse.GetValue(gold)!);

            var pipeline = (parse.GetValue(tagger), parse.GetValue(parser)) switch
            {
                (null, null) => SyntaxPipeline.Default,
                (var t, var p) => SyntaxPipeline.Load(t ?? throw new CliException("--parser needs --tagger too"), p ?? throw new CliException("--tagger needs --parser too")),
            };
            if (parse.GetValue(prune) is > 0 and var threshold)
            {
                var before = pipeline.Parser.NonZeroWeights;
                pipeline = new SyntaxPipeline(pipeline.Tagger, pipeline.Lemmatizer, pipeline.Parser.Pruned(threshold));
                context.Error.WriteLine($"pruned parser weights below {threshold}: {before:N0} -> {pipeline.Parser.NonZeroWeights:N0}");
            }

            var sentences = Conllu.ReadFile(path).ToList();
            var scores = parse.GetValue(raw)
                ? SyntaxEvaluator.EvaluateRawText(sentences, pipeline, DocumentSegmenter.Default)
                : SyntaxEvaluator.EvaluateGoldTokens(sentences, pipeline);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"gold: {path} ({(parse.GetValue(raw) ? "raw text, our tokenisation; F1" : "gold tokenisation; accuracy")})");
            report.AppendLine("subset  sentences   words   Words   UPOS    XPOS    Lemma   UAS     LAS");
            foreach (var s in scores)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{s.Name,-7} {s.Sentences,9} {s.Words.Gold,7}  {s.Words.F1 * 100,6:F2}  {s.Upos.F1 * 100,6:F2}  {s.Xpos.F1 * 100,6:F2}  {s.Lemma.F1 * 100,6:F2}  {s.Uas.F1 * 100,6:F2}  {s.Las.F1 * 100,6:F2}");
            }

            foreach (var (confusion, count) in scores[0].Confusions.Take(parse.GetValue(confusions)))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {count,6}  {confusion}");
            }

            return Written(context, report);
        });
        return command;
    }

    private static Command CreateStance(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "A factuality set in CoNLL columns (index, word, score from -3 to 3 or _, ...).", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also list this many predicates whose class Dyad got wrong." };
        var command = new Command("stance", "Attribution status against factuality scores: each scored predicate is taken as an event trigger; scores of 1 or more are happened, -1 or less did not, "
            + "others uncertain; asserted and reported count as happened, negated and denied as did not, speculated and planned as uncertain.\n"
            + "Example: dyad eval stance --gold ../shared/eval/factuality/uw/dev.conll")
        {
            gold,
            errors,
        };
        command.SetAction(parse =>
        {
            var path = ExistingFile(parse.GetValue(gold)!);

            IReadOnlyList<FactualitySentence> sentences;
            try
            {
                using var reader = File.OpenText(path);
                sentences = FactualityConll.Read(reader, path);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }

            if (sentences.Sum(s => s.Predicates.Count) == 0)
            {
                throw new CliException($"{path}: no scored predicates");
            }

            var score = StanceEvaluator.Evaluate(sentences, SyntaxPipeline.Default, ActorDictionary.LoadBuiltIn());
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"gold: {path} ({score.Sentences} sentences, {score.Predicates} predicates; happened >= 1, did not <= -1, else uncertain)");
            report.AppendLine("class          gold  system  correct  precision  recall      F1");
            foreach (var stance in StanceEvaluator.Classes)
            {
                var f = score.For(stance);
                report.AppendLine(CultureInfo.InvariantCulture, $"{stance,-10} {f.Gold,8} {f.System,7} {f.Correct,8}  {f.Precision * 100,9:F2}  {f.Recall * 100,6:F2}  {f.F1 * 100,6:F2}");
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"accuracy: {score.Correct}/{score.Predicates} = {score.Accuracy * 100:F2}%");
            report.AppendLine();
            report.AppendLine("gold \\ Dyad    " + string.Concat(StanceEvaluator.Classes.Select(c => $"{c,10}")) + "  |" + string.Concat(StanceEvaluator.Statuses.Select(s => $"{s,11}")));
            foreach (var g in StanceEvaluator.Classes)
            {
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{g,-14}") + string.Concat(StanceEvaluator.Classes.Select(c => $"{score.Confusion.GetValueOrDefault((g, c)),10}"))
                    + "  |" + string.Concat(StanceEvaluator.Statuses.Select(s => $"{score.Statuses.GetValueOrDefault((g, s)),11}")));
            }

            foreach (var error in score.Errors.Take(parse.GetValue(errors)))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  line {error.Line}: gold {error.Score:+0.0;-0.0;0.0} ({error.GoldClass}), Dyad {error.Status}: {error.Sentence}");
            }

            return Written(context, report);
        });
        return command;
    }

    private static Command CreateTime(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "A folder of TimeML .tml files (searched with its subfolders), such as TempEval-3's TBAQ-cleaned.", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also list this many wrong values, this many missed expressions and this many not in the gold." };
        var command = new Command("time", "Time expression recognition (strict and relaxed extents) and normalisation (TIMEX3 values) against TimeML documents, scored as TempEval-3 does.\n"
            + "Example: dyad eval time --gold ../shared/eval/tempeval3/TBAQ-cleaned")
        {
            gold,
            errors,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(gold)!;
            if (!Directory.Exists(folder))
            {
                throw new CliException($"{folder}: no such folder");
            }

            var files = Directory.GetFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new CliException($"{folder}: no .tml files");
            }

            List<TimeMLDocument> documents;
            try
            {
                documents = files.Select(TimeMLDocument.Read).ToList();
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }

            var score = TimeEvaluator.Evaluate(documents, DocumentSegmenter.Default, SyntaxPipeline.Default, ActorDictionary.LoadBuiltIn());
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"gold: {folder} ({score.Documents} documents; creation times excluded)");
            report.AppendLine("type       gold  system | str. P str. R str.F1 | rel. P rel. R rel.F1 | v. acc val. P val. R val.F1");
            foreach (var t in score.Types)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{t.Type,-9} {t.Gold,5} {t.System,7} | {P(t.Precision(t.Strict))} {P(t.Recall(t.Strict))} {P(t.F1(t.Strict))} | {P(t.Precision(t.Relaxed))} {P(t.Recall(t.Relaxed))} {P(t.F1(t.Relaxed))} | {P(t.ValueAccuracy),6} {P(t.Precision(t.Value))} {P(t.Recall(t.Value))} {P(t.F1(t.Value))}");
            }

            var shown = parse.GetValue(errors);
            foreach (var group in score.Errors.GroupBy(e => e.Kind))
            {
                foreach (var e in group.Take(shown))
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"  {e.Kind,-11} {e.Document}\t{e.GoldText}\t{e.GoldType}\t{e.GoldValue}\t{e.SystemText}\t{e.SystemValue}");
                }
            }

            return Written(context, report);
        });
        return command;

        static string P(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture).PadLeft(6);
    }

    private static Command CreatePlaces(CliContext context)
    {
        var gold = new Option<string[]>("--gold") { Description = "A geoparsing corpus in the LGL or GeoVirus XML layout (the option may be repeated).", Required = true, AllowMultipleArgumentsPerToken = true };
        var errors = new Option<int>("--errors") { Description = "Also list this many toponyms put more than 161 km from the gold point, and the names most often missed and found wrongly." };
        var command = new Command("places", "Toponym recognition (overlapping spans) and resolution (within 161 km, error in km, country) against a geoparsing corpus.\n"
            + "Example: dyad eval places --gold ../shared/eval/geoparsing/lgl.xml --gold ../shared/eval/geoparsing/GeoVirus.xml")
        {
            gold,
            errors,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(gold)!.Select(ExistingFile).ToArray();

            var corpora = paths.Select(path => (Path: path, Corpus: GeoparsingCorpus.Read(path))).ToList();
            var evaluator = PlaceEvaluator.CreateDefault();
            var report = new StringBuilder();
            var listed = parse.GetValue(errors);
            var scores = new List<(string Path, GeoparsingCorpus Corpus, PlaceScore Score)>();
            foreach (var (path, corpus) in corpora)
            {
                scores.Add((path, corpus, evaluator.Evaluate(corpus)));
            }

            report.AppendLine("                  recognition (overlapping spans)                       resolution of the toponyms found, with a gold point");
            report.AppendLine("corpus        articles  gold  found  right  precision  recall   F1      points  <=161km  mean km  median km  country");
            foreach (var (path, _, s) in scores)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(path),-13} {s.Articles,8} {s.Gold,5} {s.System,6} {s.SystemRight,6}  {s.Precision * 100,8:F2}  {s.Recall * 100,6:F2}  {s.F1 * 100,6:F2}  {s.Resolvable,6}  {s.Accuracy161 * 100,6:F2}  {s.MeanKilometres,7:F0}  {s.MedianKilometres,9:F1}  {s.CountryAccuracy * 100,6:F2}");
            }

            foreach (var (path, corpus, s) in scores)
            {
                var countrySource = corpus.Articles.Any(a => a.Toponyms.Any(t => t.CountryName is not null)) ? "as the gold entry names it" : "from the nearest GeoNames town to the gold point";
                var moved = corpus.Realigned + corpus.Unaligned > 0 ? $"; {corpus.Realigned} gold offsets moved by up to 3 characters to the toponym's words, {corpus.Unaligned} not found there" : string.Empty;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(path)}: {s.GoldFound} of {s.Gold} gold toponyms found; country of {s.CountryKnown} points {countrySource}{moved}");
                if (listed <= 0)
                {
                    continue;
                }

                foreach (var e in s.Errors.Take(listed))
                {
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"  {e.Kilometres,7:F0} km  '{e.SystemText}' -> {e.System.Name} ({e.System.Admin1}, {e.System.Country}) {e.System.Lat:F2},{e.System.Lon:F2}  gold: {e.Gold.Name ?? e.Gold.Text} ({e.Gold.CountryName}) {e.Gold.Lat:F2},{e.Gold.Lon:F2}  | {e.Context}");
                }

                report.AppendLine("  most often missed: " + string.Join(", ", s.Missed.Take(listed).Select(m => $"{m.Text} {m.Count}")));
                foreach (var example in s.SpuriousExamples.Take(listed))
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"  not a gold toponym: {example}");
                }

                report.AppendLine("  most often found wrongly: " + string.Join(", ", s.Spurious.Take(listed).Select(m => $"{m.Text} {m.Count}")));
            }

            return Written(context, report);
        });
        return command;
    }

    /// <summary>A gold file the measure reads, or the one-line error that it is missing.</summary>
    private static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new CliException($"{path}: no such file");

    /// <summary>Writes a measure's report to standard output; the measure succeeded.</summary>
    private static int Written(CliContext context, StringBuilder report)
    {
        context.Out.Write(Encoding.UTF8.GetBytes(report.ToString()));
        context.Out.Flush();
        return CliErrors.Success;
    }

    private static void Row(StringBuilder report, string name, F1Score score) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"{name,-22} {score.Gold,7} {score.System,7} {score.Correct,8}  {score.Precision * 100,8:F2}  {score.Recall * 100,6:F2}  {score.F1 * 100,6:F2}");
}
