using System.CommandLine;
using Dyad.Syntax;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad train tagger|parser</c>: rebuild the shipped models from treebanks, bit for bit for a given seed.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("train", "Train Dyad's syntax models from UD treebanks (see resources/README.md for the exact commands that built the shipped ones).");
        command.Subcommands.Add(CreateTagger(context));
        command.Subcommands.Add(CreateParser(context));
        command.Subcommands.Add(CreateEnsemble(context));
        return command;
    }

    private static Command CreateEnsemble(CliContext context)
    {
        var parsers = new Option<string[]>("--parser") { Description = "Parser model files trained alike (repeat).", Required = true, AllowMultipleArgumentsPerToken = true };
        var prune = new Option<float>("--prune") { Description = "Drop weights smaller than this (0 keeps all).", DefaultValueFactory = _ => 0f };
        var fold = new Option<int>("--fold-bits") { Description = "Fold the hash table to this many bits (0 keeps it).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Where to write the combined model.", Required = true };
        var command = new Command("ensemble", "Combine parser models into one that sums their scores at each move, optionally pruning small weights.") { parsers, prune, fold, output };
        command.SetAction(parse =>
        {
            var models = parse.GetValue(parsers)!.Select(path =>
            {
                using var stream = File.Exists(path) ? File.OpenRead(path) : throw new CliException($"{path}: no such file");
                return ArcHybridParser.Read(stream);
            }).ToList();
            var combined = ArcHybridParser.Ensemble(models);
            if (parse.GetValue(prune) is > 0 and var threshold)
            {
                combined = combined.Pruned(threshold);
            }

            if (parse.GetValue(fold) is > 0 and var bits)
            {
                combined = combined.Folded(bits);
            }

            var path = parse.GetValue(output)!;
            WriteAtomically(path, combined.Write);
            context.Error.WriteLine($"wrote {path} ({combined.ModelCount} models, {combined.NonZeroWeights:N0} weights, {new FileInfo(path).Length:N0} bytes)");
            return CliErrors.Success;
        });
        return command;
    }

    private static (Option<string[]> Train, Option<string?> Dev, Option<string> Out, Option<string?> Licences, Option<ulong> Seed) CommonOptions()
    {
        var train = new Option<string[]>("--train") { Description = "Training treebank(s) in CoNLL-U; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string?>("--dev") { Description = "Development treebank, for the accuracy printed after training." };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var licences = new Option<string?>("--licences") { Description = "A TSV (doc, genre, split, licence, commercial_use_ok) whose documents not marked 'yes' are left out of training." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the training shuffle.", DefaultValueFactory = _ => SyntaxTraining.DefaultSeed };
        return (train, dev, output, licences, seed);
    }

    private static Command CreateTagger(CliContext context)
    {
        var (train, dev, output, licences, seed) = CommonOptions();
        var lexicon = new Option<string?>("--lexicon") { Description = "Folder with WordNet's *.exc exception lists for the lemmatiser." };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 8 };
        var command = new Command("tagger", "Train the part-of-speech tagger and lemmatiser (one model file).") { train, dev, output, licences, seed, lexicon, epochs };
        command.SetAction(parse =>
        {
            var corpus = ReadCorpus(parse.GetValue(train)!, parse.GetValue(licences), context);
            var devSentences = ReadOptional(parse.GetValue(dev));
            var (tagger, lemmatizer) = SyntaxTraining.TrainTagger(corpus, devSentences, parse.GetValue(lexicon), parse.GetValue(epochs), parse.GetValue(seed), context.Error.WriteLine);
            var path = parse.GetValue(output)!;
            WriteAtomically(path, stream =>
            {
                tagger.Write(stream);
                lemmatizer.Write(stream);
            });
            context.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return CliErrors.Success;
        });
        return command;
    }

    private static Command CreateParser(CliContext context)
    {
        var (train, dev, output, licences, seed) = CommonOptions();
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 15 };
        var tagEpochs = new Option<int>("--tagger-epochs") { Description = "Training passes of the jackknife taggers.", DefaultValueFactory = _ => 8 };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the training tags.", DefaultValueFactory = _ => 4 };
        var command = new Command("parser", "Train the dependency parser (on jackknifed predicted tags).") { train, dev, output, licences, seed, epochs, tagEpochs, folds };
        command.SetAction(parse =>
        {
            var corpus = ReadCorpus(parse.GetValue(train)!, parse.GetValue(licences), context);
            var parser = SyntaxTraining.TrainParser(corpus, ReadOptional(parse.GetValue(dev)), parse.GetValue(epochs), parse.GetValue(tagEpochs), parse.GetValue(folds), parse.GetValue(seed), context.Error.WriteLine);
            var path = parse.GetValue(output)!;
            WriteAtomically(path, parser.Write);
            context.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return CliErrors.Success;
        });
        return command;
    }

    private static IReadOnlyList<ConlluSentence> ReadCorpus(string[] files, string? licences, CliContext context)
    {
        foreach (var file in files.Append(licences))
        {
            if (file is not null && !File.Exists(file))
            {
                throw new CliException($"{file}: no such file");
            }
        }

        var sentences = new TrainingCorpus(files, licences).ReadSentences(out var dropped);
        context.Error.WriteLine($"training on {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words ({dropped} documents left out by licence)");
        return sentences;
    }

    private static List<ConlluSentence>? ReadOptional(string? path)
    {
        if (path is null)
        {
            return null;
        }

        return File.Exists(path) ? Conllu.ReadFile(path).ToList() : throw new CliException($"{path}: no such file");
    }

    /// <summary>Writes to a temporary file and renames it over the target, so a failed run never leaves half a model.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
