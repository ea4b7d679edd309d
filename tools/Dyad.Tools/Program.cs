using Dyad.Tools;

// Builders of resources/: each reads ../shared/data and writes one file deterministically.
// Usage: dotnet run --project tools/Dyad.Tools -- <builder> [SHARED_DATA_DIR]
var builders = new Dictionary<string, Action<string, string>>(StringComparer.Ordinal)
{
    ["cameo"] = CameoBuilder.Build,
    ["knowledge"] = KnowledgeBuilder.Build,
    ["event-model"] = EventModelBuilder.Build,
    ["countries"] = CountryDictionaryBuilder.Build,
    ["leaders"] = LeaderDictionaryBuilder.Build,
    ["gazetteer"] = GazetteerBuilder.Build,
    ["shapes"] = ShapesBuilder.Build,
    ["plover"] = PloverTableBuilder.Build,
};

// A developer's view, not a builder: dotnet run --project tools/Dyad.Tools -- explain-pairs FILE [YYYY-MM-DD]
if (args.Length >= 2 && args[0] == "explain-pairs")
{
    PairExplainer.Explain(args[1], args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
    return 0;
}

// A developer's experiment: the pair model alone, retrained and cross-validated from pairs that event-model wrote with
// DYAD_PAIR_DUMP set (one line each: story, roots, features joined by U+0001); written to a file only when one is named.
// dotnet run --project tools/Dyad.Tools -- pair-experiment PAIRS.tsv [PAIRS.bin]
if (args.Length >= 2 && args[0] == "pair-experiment")
{
    var (trained, report) = Dyad.Vetting.PairModelTrainer.Train(EventModelBuilder.ReadDumpedPairs(args[1]));
    if (args.Length > 2)
    {
        using var output = File.Create(args[2]);
        trained.Write(output);
    }

    Console.WriteLine($"pair model: {report.Pairs} pairs ({report.Events} with an event); cross-validated: precision {report.Precision:0.000}, recall {report.Recall:0.000}");
    return 0;
}

if (args.Length == 0 || !builders.TryGetValue(args[0], out var build))
{
    Console.Error.WriteLine($"usage: Dyad.Tools <{string.Join('|', builders.Keys)}> [SHARED_DATA_DIR]");
    return 1;
}

var data = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data"));
var resources = Path.GetFullPath("resources");
if (!Directory.Exists(resources))
{
    Console.Error.WriteLine("run from the repository root (resources/ not found)");
    return 1;
}

build(data, resources);
return 0;
