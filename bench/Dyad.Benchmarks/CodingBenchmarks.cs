using BenchmarkDotNet.Attributes;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Benchmarks;

/// <summary><c>dyad code</c> end to end (clean, split, tokenize, tag, parse, resolve actors, code events) over Reuters-21578 stories.</summary>
[MemoryDiagnoser]
public class CodingBenchmarks
{
    private IReadOnlyList<Document> _documents = [];
    private DocumentCoder _coder = null!;

    [Params(1000)]
    public int Documents { get; set; } = 1000;

    public long Sentences { get; private set; }

    public long Events { get; private set; }

    public long SentencesTagged { get; private set; }

    public long SentencesParsed { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = BenchmarkData.ReutersDocuments(Documents);
        _coder = DocumentCoder.CreateDefault();

        // Warmed up on other stories: the coder remembers what it learnt of each word (see DocumentCoder), and the
        // stories timed should bring words it has not met, as a stream of news does.
        foreach (var document in BenchmarkData.ReutersDocuments(Documents, skip: Documents))
        {
            _coder.Code(document);
        }
    }

    [Benchmark]
    public long CodeDocuments()
    {
        (Sentences, Events, SentencesTagged, SentencesParsed) = Tally(_coder, _documents);
        return Events;
    }

    /// <summary>Codes the documents, counting sentences, events, and the sentences coding tagged and parsed.</summary>
    internal static (long Sentences, long Events, long Tagged, long Parsed) Tally(DocumentCoder coder, IEnumerable<Document> documents)
    {
        long sentences = 0, events = 0, tagged = 0, parsed = 0;
        foreach (var document in documents)
        {
            var coded = coder.Code(document);
            sentences += coded.Segmented.Sentences.Count;
            events += coded.Events.Count;
            tagged += coded.SentencesTagged;
            parsed += coded.SentencesParsed;
        }

        return (sentences, events, tagged, parsed);
    }

    /// <summary>
    /// Every distinct sentence of the stories whose words name at least two countries or international organisations
    /// in the built-in dictionaries (matched on the words as written; chosen before timing), each as a story of its own.
    /// </summary>
    internal static List<Document> DenseSentences(IEnumerable<Document> stories)
    {
        var actors = Dyad.Actors.ActorDictionary.LoadBuiltIn();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dense = new List<Document>();
        foreach (var story in stories)
        {
            foreach (var sentence in Dyad.Segmentation.DocumentSegmenter.Default.Segment(story).Sentences)
            {
                var keys = sentence.Tokens.Select(t => Dyad.Actors.ActorDictionary.Key(t.Text)).ToList();
                var named = new HashSet<string>(StringComparer.Ordinal);
                foreach (var match in actors.FindAll(keys, keys))
                {
                    if (match.On(story.Date) is { IsAgent: false } entry && Dyad.Actors.ActorCode.TryParse(entry.Code, out var code))
                    {
                        named.Add(code.Value.StartsWith("IGO", StringComparison.Ordinal) ? code.Value : code.Country ?? code.Value);
                    }
                }

                if (named.Count >= 2 && seen.Add(sentence.Text))
                {
                    dense.Add(new Document($"dense-{dense.Count}", sentence.Text) { Date = story.Date });
                }
            }
        }

        return dense;
    }
}
