using System.CommandLine;
using System.Globalization;
using System.Text;
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

    private static void Row(StringBuilder report, string name, F1Score score) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"{name,-22} {score.Gold,7} {score.System,7} {score.Correct,8}  {score.Precision * 100,8:F2}  {score.Recall * 100,6:F2}  {score.F1 * 100,6:F2}");
}
