using BenchmarkDotNet.Attributes;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Benchmarks;

/// <summary>Tagger + lemmatiser + parser over sentences of Reuters-21578 already split and tokenized.</summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private List<Sentence> _sentences = [];

    public long Tokens { get; private set; }

    internal IReadOnlyList<Sentence> Sentences => _sentences;

    [Params(2000)]
    public int Documents { get; set; } = 2000;

    [GlobalSetup]
    public void Setup()
    {
        _sentences = BenchmarkData.ReutersDocuments(Documents)
            .SelectMany(d => DocumentSegmenter.Default.Segment(d).Sentences)
            .ToList();
        Tokens = _sentences.Sum(s => (long)s.Tokens.Count);
        _ = SyntaxPipeline.Default;
    }

    [Benchmark]
    public int TagAndParse()
    {
        var arcs = 0;
        var syntax = SyntaxPipeline.Default;
        foreach (var sentence in _sentences)
        {
            arcs += syntax.Parse(sentence).Words.Count;
        }

        return arcs;
    }
}
