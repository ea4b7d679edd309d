using Dyad.Petrarch;

namespace Dyad.Tools;

/// <summary>
/// resources/knowledge/: the Phoenix dictionaries (PETRARCH2's real-world set, MIT) compiled into Dyad's built-in
/// knowledge. Prints how many defects of each kind were fixed or dropped.
/// </summary>
internal static class KnowledgeBuilder
{
    public static void Build(string data, string resources)
    {
        var folder = Path.Combine(data, "phoenix-dictionaries");
        var compiled = KnowledgeCompiler.Compile(folder, "the Phoenix dictionaries (openeventdata/phoenix_pipeline via PETRARCH2, MIT)", TreebankWords.MostlyLowerCase(data));
        var output = Path.Combine(resources, "knowledge");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "phoenix-actors.txt"), compiled.Actors);
        File.WriteAllText(Path.Combine(output, "phoenix-verbs.txt"), compiled.Verbs);
        File.WriteAllText(Path.Combine(output, "phoenix-discards.txt"), compiled.Discards);
        Console.WriteLine($"{compiled.ActorEntries} actor and agent entries, {compiled.VerbLines} verb-file lines kept");
        foreach (var (kind, count) in compiled.Defects)
        {
            Console.WriteLine($"{count,6}  {kind}");
        }
    }
}
