using Dyad.Coding;
using Dyad.Documents;
using Dyad.Vetting;

namespace Dyad.Tools;

/// <summary>
/// A developer's view of the pair model at work: for each sentence of the stories in a file, the actor pairs found
/// (source → target, by the words that name them) and what the shipped pair model makes of each. Reading a miss
/// here tells whether the actors were not found, the pair not formed, or the model not sure enough.
/// </summary>
internal static class PairExplainer
{
    public static void Explain(string file, DateOnly? date)
    {
        var coder = new DocumentCoder(DocumentCoder.CreateForTraining()) { KeepEveryCandidate = true };
        var model = PairModel.LoadBuiltIn() ?? throw new InvalidOperationException("no pair model in resources/models");
        foreach (var input in new DocumentReader().ReadFile(file))
        {
            if (input.Document is not { } document)
            {
                continue;
            }

            if (date is { } given && document.Date is null)
            {
                document = document with { Date = given };
            }

            var coded = coder.Code(document);
            foreach (var group in coded.Pairs!.GroupBy(p => p.Sentence))
            {
                Console.WriteLine($"== {document.Text.Substring(group.Key.Start, Math.Min(160, group.Key.Length)).ReplaceLineEndings(" ")}");
                foreach (var (_, pair) in group)
                {
                    var (label, lead) = model.Judge(pair.Features);
                    var kept = lead >= model.MarginFor(label) ? "KEEP" : "    ";
                    Console.WriteLine($"  {kept} {pair.Source.Actor.Code.Value}({pair.Source.Actor.Text}) -> {pair.Target?.Actor.Code.Value ?? "-"}({pair.Target?.Actor.Text}) root {PairModel.RootOf(label)} lead {lead:0.00} margin {model.MarginFor(label):0.00}");
                }
            }

            foreach (var e in coded.Events)
            {
                Console.WriteLine($"  EVENT {e.Cameo.Code.Value} {e.Source.Code.Value} -> {e.Target?.Code.Value ?? "-"} :: {e.Evidence.Rule}");
            }
        }
    }
}
