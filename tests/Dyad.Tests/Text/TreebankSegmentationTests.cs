using Dyad.Evaluation;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Text;

/// <summary>Our splitter and tokenizer against UD English EWT test (../shared; skipped when absent).</summary>
public sealed class TreebankSegmentationTests
{
    [SkippableFact]
    public void Agrees_with_EWT_test_on_at_least_99_percent_of_words_and_finds_80_percent_of_sentence_boundaries()
    {
        var path = SharedData.Require("data", "ud-english-ewt", "en_ewt-ud-test.conllu");

        var score = SegmentationEvaluator.Evaluate(Conllu.ReadFile(path), DocumentSegmenter.Default);

        Assert.True(score.Words.F1 >= 0.99, $"word F1 {score.Words.F1:P2}");
        Assert.True(score.SentenceBoundaries.F1 >= 0.80, $"boundary F1 {score.SentenceBoundaries.F1:P2}");
    }
}
