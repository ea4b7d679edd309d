using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

/// <summary>A tiny training run on the first sentences of UD English EWT (skipped without ../shared): it must be reproducible bit for bit.</summary>
public sealed class TrainingSmokeTests
{
    private static List<ConlluSentence> Sentences()
    {
        var path = SharedData.Require("data", "ud-english-ewt", "en_ewt-ud-train.conllu");
        return Conllu.ReadFile(path).Take(150).ToList();
    }

    private static byte[] TrainTagger(List<ConlluSentence> sentences)
    {
        var (tagger, lemmatizer) = SyntaxTraining.TrainTagger(sentences, null, null, epochs: 2, seed: 7, log: null);
        using var stream = new MemoryStream();
        tagger.Write(stream);
        lemmatizer.Write(stream);
        return stream.ToArray();
    }

    private static byte[] TrainParser(List<ConlluSentence> sentences)
    {
        var parser = SyntaxTraining.TrainParser(sentences, null, epochs: 2, tagEpochs: 1, folds: 2, seed: 7, log: null);
        using var stream = new MemoryStream();
        parser.Write(stream);
        return stream.ToArray();
    }

    [SkippableFact]
    public void Training_twice_with_one_seed_gives_identical_models_that_load_and_parse()
    {
        var sentences = Sentences();

        var tagger = TrainTagger(sentences);
        var parser = TrainParser(sentences);

        Assert.Equal(tagger, TrainTagger(sentences));
        Assert.Equal(parser, TrainParser(sentences));
        var pipeline = SyntaxPipeline.Load(new MemoryStream(tagger), new MemoryStream(parser));
        var (_, _, _, heads, relations) = pipeline.ParseWords(["The", "talks", "continued", "."]);
        Assert.Single(heads, h => h == 0);
        Assert.Equal(4, relations.Length);
    }
}
