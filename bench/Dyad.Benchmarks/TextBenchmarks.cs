using BenchmarkDotNet.Attributes;
using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Text;

namespace Dyad.Benchmarks;

/// <summary>read → clean → split → tokenize over Reuters-21578 (all 19,043 stories per operation).</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private string _jsonLines = string.Empty;

    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _jsonLines = string.Join('\n', BenchmarkData.ReutersLines());
        Bytes = System.Text.Encoding.UTF8.GetByteCount(_jsonLines);
    }

    /// <summary>The whole text stage: parse JSON Lines, clean each document, split and tokenize it. Returns the token count.</summary>
    [Benchmark]
    public long ReadCleanSplitTokenize()
    {
        long tokens = 0;
        var reader = new DocumentReader();
        foreach (var input in reader.ReadJsonLines(new StringReader(_jsonLines), "reuters"))
        {
            if (input.Document is { } document)
            {
                foreach (var sentence in DocumentSegmenter.Default.Segment(document).Sentences)
                {
                    tokens += sentence.Tokens.Count;
                }
            }
        }

        return tokens;
    }
}
