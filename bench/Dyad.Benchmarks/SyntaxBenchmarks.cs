using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Dyad.Segmentation;
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

    /// <summary>
    /// Tags, lemmatises and parses every sentence of the corpus (`bench syntax`): one warm-up pass, then timed
    /// passes, each printed, then the tagger and the parser alone, so a change to either can be judged on its own.
    /// </summary>
    internal static void WholeCorpus(int passes)
    {
        var load = Stopwatch.StartNew();
        var pipeline = SyntaxPipeline.Default;
        var loadSeconds = load.Elapsed.TotalSeconds;
        var sentences = BenchmarkData.ReutersDocuments()
            .SelectMany(d => DocumentSegmenter.Default.Segment(d).Sentences)
            .ToList();
        var tokens = sentences.Sum(s => (long)s.Tokens.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentences.Count:N0} sentences, {tokens:N0} tokens; model load {loadSeconds * 1000:F0} ms"));
        for (var pass = 0; pass <= passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            var words = 0L;
            foreach (var sentence in sentences)
            {
                words += pipeline.Parse(sentence).Words.Count;
            }

            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pass == 0 ? "warm-up" : $"pass {pass}")}: tag+lemmatise+parse {tokens / seconds:N0} tokens/s ({seconds:F2} s, {words:N0} words parsed)"));
        }

        var tagged = sentences.Select(pipeline.Tag).ToList();
        var tagWatch = Stopwatch.StartNew();
        foreach (var sentence in sentences)
        {
            pipeline.Tag(sentence);
        }

        var tagSeconds = tagWatch.Elapsed.TotalSeconds;
        var parseWatch = Stopwatch.StartNew();
        foreach (var sentence in tagged)
        {
            pipeline.Parse(sentence);
        }

        var parseSeconds = parseWatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  tag+lemmatise alone {tokens / tagSeconds:N0} tokens/s, parse alone {tokens / parseSeconds:N0} tokens/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB with the corpus held"));
    }
}
