using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Dyad.Benchmarks;

// `-- store [EVENTS]` builds a store of a million generated events and times dyad and timeline queries over it;
// `dotnet run -c Release --project bench/Dyad.Benchmarks -- --filter '*'` runs BenchmarkDotNet;
// `-- clickhouse URL [EVENTS] [COPIES]` compares ingest into DuckDB and a ClickHouse cluster, then times queries over EVENTS (10 million) on the cluster;
// `-- throughput` prints a quick single-core throughput figure for each stage (one warm-up, then timed passes);
// `-- syntax [PASSES]` tags, lemmatises and parses every Reuters sentence, PASSES times after a warm-up pass;
// `-- corpus` codes every Reuters story once, in one thread, as `dyad code` would: coding speed over a whole stream;
// `-- dense` codes, once each, every Reuters sentence that names at least two countries or international organisations
// (political copy, where most sentences must be tagged and parsed), each as a one-sentence story of its story's date.
if (args.Length > 0 && args[0] == "dense")
{
    if (BenchmarkData.ReutersPath is null)
    {
        Console.Error.WriteLine("dense: ../shared/data/reuters21578 is not available; skipped");
        return 0;
    }

    var dense = CodingBenchmarks.DenseSentences(BenchmarkData.ReutersDocuments());
    var watch = Stopwatch.StartNew();
    var coder = Dyad.Coding.DocumentCoder.CreateDefault();
    var load = watch.Elapsed.TotalSeconds;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var (sentences, events, tagged, parsed) = CodingBenchmarks.Tally(coder, dense);

    var seconds = watch.Elapsed.TotalSeconds;
    var coding = seconds - load;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"code (dense: {dense.Count:N0} sentences naming two or more countries or organisations, once, 1 thread): {sentences / coding:N0} sentences/s after {load:F1} s of model load ({sentences / seconds:N0} with it), {events:N0} events; {tagged:N0} tagged, {parsed:N0} parsed; {sentences / cpu:N0} sentences per CPU second of coding ({cpu:F1} s, with the runtime's own threads); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
    return 0;
}

if (args.Length > 0 && args[0] == "corpus")
{
    if (BenchmarkData.ReutersPath is null)
    {
        Console.Error.WriteLine("corpus: ../shared/data/reuters21578 is not available; skipped");
        return 0;
    }

    var documents = BenchmarkData.ReutersDocuments();
    var watch = Stopwatch.StartNew();
    var coder = Dyad.Coding.DocumentCoder.CreateDefault();
    var load = watch.Elapsed.TotalSeconds;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var (sentences, events, tagged, parsed) = CodingBenchmarks.Tally(coder, documents);

    var seconds = watch.Elapsed.TotalSeconds;
    // CPU time as well as wall-clock: on a shared machine, waiting for a core inflates the one and not the other.
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"code (whole corpus, once, 1 thread): {sentences / seconds:N0} sentences/s, {events / seconds:N0} events/s ({documents.Count:N0} stories, {sentences:N0} sentences, {events:N0} events in {seconds:F1} s with {load:F1} s of model load; {tagged:N0} tagged, {parsed:N0} parsed); {sentences / cpu:N0} sentences per CPU second of coding ({cpu:F1} s, with the runtime's own threads); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
    return 0;
}

if (args.Length > 0 && args[0] == "syntax")
{
    if (BenchmarkData.ReutersPath is null)
    {
        Console.Error.WriteLine("syntax: ../shared/data/reuters21578 is not available; skipped");
        return 0;
    }

    SyntaxBenchmarks.WholeCorpus(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
    return 0;
}

if (args.Length > 0 && args[0] == "store")
{
    StoreBenchmark.Run(Path.GetTempPath(), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}

if (args.Length > 1 && args[0] == "clickhouse")
{
    ClickHouseBenchmark.Run(
        args[1],
        args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 10_000_000,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200);
    return 0;
}

if (args.Length > 0 && args[0] == "throughput")
{
    if (BenchmarkData.ReutersPath is null)
    {
        Console.Error.WriteLine("throughput: ../shared/data/reuters21578 is not available; skipped");
        return 0;
    }

    var text = new TextBenchmarks();
    text.Setup();
    text.ReadCleanSplitTokenize();
    var watch = Stopwatch.StartNew();
    long tokens = 0;
    const int passes = 3;
    for (var i = 0; i < passes; i++)
    {
        tokens = text.ReadCleanSplitTokenize();
    }

    var seconds = watch.Elapsed.TotalSeconds / passes;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"text (read+clean+split+tokenize), 1 thread: {text.Bytes / seconds / 1e6:F1} MB/s, {tokens / seconds:N0} tokens/s ({text.Bytes:N0} bytes, {tokens:N0} tokens, {seconds:F2} s per pass)"));

    var load = Stopwatch.StartNew();
    _ = Dyad.Syntax.SyntaxPipeline.Default;
    var loadSeconds = load.Elapsed.TotalSeconds;
    var syntax = new SyntaxBenchmarks();
    syntax.Setup();
    syntax.TagAndParse();
    watch.Restart();
    syntax.TagAndParse();
    var parseSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"syntax (tag+lemmatise+parse), 1 thread: {syntax.Tokens / parseSeconds:N0} tokens/s ({syntax.Tokens:N0} tokens of {syntax.Documents:N0} stories in {parseSeconds:F2} s); model load {loadSeconds * 1000:F0} ms"));
    // Where the time goes: tagging alone, lemmatising alone.
    var pipeline = Dyad.Syntax.SyntaxPipeline.Default;
    var sentences = syntax.Sentences;
    watch.Restart();
    foreach (var s in sentences)
    {
        pipeline.Tagger.Tag(s.Tokens.Select(t => t.Text).ToArray());
    }

    var tagSeconds = watch.Elapsed.TotalSeconds;
    watch.Restart();
    foreach (var s in sentences)
    {
        foreach (var t in s.Tokens)
        {
            pipeline.Lemmatizer.Lemmatize(t.Text, "NN");
        }
    }

    var lemmaSeconds = watch.Elapsed.TotalSeconds;

    // The parser alone, on words already tagged (one warm-up pass, then one timed).
    var tagged = sentences.Select(s =>
    {
        var words = s.Tokens.Select(t => Dyad.Syntax.WordFeatures.Of(t.Text)).ToArray();
        var tags = new int[words.Length];
        pipeline.Tagger.Tag(words, tags);
        return new Dyad.Syntax.DependencyInput(words, tags.Select(pipeline.Tagger.XposHash).ToArray(), tags.Select(pipeline.Tagger.UposHash).ToArray());
    }).ToList();
    foreach (var input in tagged)
    {
        pipeline.Parser.Parse(input);
    }

    watch.Restart();
    foreach (var input in tagged)
    {
        pipeline.Parser.Parse(input);
    }

    var parserSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  of which: tagging {syntax.Tokens / tagSeconds:N0} tokens/s, lemmatising {syntax.Tokens / lemmaSeconds:N0} tokens/s, parsing tagged words {syntax.Tokens / parserSeconds:N0} tokens/s"));
    var coding = new CodingBenchmarks();
    coding.Setup();
    watch.Restart();
    coding.CodeDocuments();
    var codingSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"code (whole pipeline), 1 thread: {coding.Sentences / codingSeconds:N0} sentences/s, {coding.Events / codingSeconds:N0} events/s ({coding.Sentences:N0} sentences, {coding.Events:N0} events of {coding.Documents:N0} stories in {codingSeconds:F2} s; {coding.SentencesTagged:N0} tagged, {coding.SentencesParsed:N0} parsed)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(TextBenchmarks).Assembly).Run(args);
return 0;
