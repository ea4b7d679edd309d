using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Evaluation;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad eval text|syntax|places</c>: measure a stage against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Measure Dyad's stages against gold data.");
        command.Subcommands.Add(CreateText(context));
        command.Subcommands.Add(CreateSyntax(context));
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
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file");
            }

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
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file");
            }

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

            context.Out.Write(Encoding.UTF8.GetBytes(report.ToString()));
            context.Out.Flush();
            return CliErrors.Success;
        });
        return command;
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
            var paths = parse.GetValue(gold)!;
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    throw new CliException($"{path}: no such file");
                }
            }

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

            context.Out.Write(Encoding.UTF8.GetBytes(report.ToString()));
            context.Out.Flush();
            return CliErrors.Success;
        });
        return command;
    }

    private static void Row(StringBuilder report, string name, F1Score score) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"{name,-22} {score.Gold,7} {score.System,7} {score.Correct,8}  {score.Precision * 100,8:F2}  {score.Recall * 100,6:F2}  {score.F1 * 100,6:F2}");
}
