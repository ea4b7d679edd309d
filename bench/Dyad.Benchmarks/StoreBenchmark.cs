using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Storage;

namespace Dyad.Benchmarks;

/// <summary>
/// A store of a million events, made by varying the actors, dates and places of events Dyad coded from the bundled
/// samples and the seed story (not by copying text), and the time dyad and timeline queries take over it.
/// </summary>
internal static class StoreBenchmark
{
    internal static readonly string[] Countries =
    [
        "JPN", "PRK", "KOR", "CHN", "USA", "RUS", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "IRQ", "ISR", "PSE", "EGY", "TUR", "SYR", "SAU", "UKR",
        "POL", "ITA", "ESP", "BRA", "ARG", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "AFG", "NGA", "ZAF", "KEN", "ETH", "SDN", "LBY",
    ];

    public static void Run(string folder, int events)
    {
        var path = Path.Combine(folder, "bench-store.duckdb");
        File.Delete(path);
        var coder = DocumentCoder.CreateDefault();
        var reader = new DocumentReader(new DateOnly(2016, 11, 28));
        var repo = FindRepo();
        var inputs = new List<string> { Path.Combine(repo, "samples") };
        if (BenchmarkData.FindShared("seed", "000_0a52640f911a041c.txt") is { } seed)
        {
            inputs.Add(seed);
        }

        var coded = reader.Read(inputs).Where(i => i.Document is not null).Select(i => coder.Code(i.Document!)).ToList();
        var watch = Stopwatch.StartNew();
        using (var store = DuckDbEventStore.Open(path))
        {
            store.Ingest(coded);
            var baseCount = store.CountEvents(new EventQuery());
            var list = string.Join(", ", Countries.Select(c => $"'{c}'"));
            var copies = (events + (int)baseCount - 1) / (int)baseCount;

            // Each copy moves the base events to another pair of countries, another day (within ten years) and a
            // jittered place; the coded record (text, evidence) stays that of the base event.
            store.Execute($"""
                INSERT INTO events
                SELECT e.event_id || '#' || g.i,
                       c1 || substr(e.source_code, 4), c1, CASE WHEN e.target_code IS NULL THEN NULL ELSE c2 || substr(e.target_code, 4) END,
                       CASE WHEN e.target_code IS NULL THEN NULL ELSE c2 END,
                       e.cameo, e.root, e.quad, e.goldstein,
                       DATE '2010-01-01' + CAST(hash(g.i, e.event_id) % 3650 AS INTEGER),
                       DATE '2010-01-01' + CAST(hash(g.i, e.event_id) % 3650 AS INTEGER),
                       'day', e.place_country, e.place_name, e.lat + (hash(g.i) % 100) / 100.0, e.lon + (hash(g.i) % 100) / 100.0,
                       e.status, e.secret, e.disputed, e.confidence, 1 + CAST(hash(g.i) % 5 AS INTEGER), 1, 1, e.first_doc, e.record, e.search_text
                FROM events e, generate_series(1, {copies}) AS g(i),
                     LATERAL (SELECT [{list}][1 + CAST(hash(e.event_id || ':' || g.i) % {Countries.Length} AS INTEGER)] AS c1,
                                     [{list}][1 + CAST(hash(g.i * 1000003 + 17, e.root) % {Countries.Length} AS INTEGER)] AS c2)
                WHERE position('#' IN e.event_id) = 0
                """);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store: {store.CountEvents(new EventQuery()):N0} events generated from {baseCount} coded ones in {watch.Elapsed.TotalSeconds:F1} s ({path})"));
        }

        var dyad = Time("events", "--db", path, "--dyad", "JPN,PRK");
        var directed = Time("events", "--db", path, "--dyad", "JPN,PRK", "--directed", "--cameo", "04");
        var timeline = Time("timeline", "JPN", "PRK", "--db", path, "--by", "month");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dyad events --dyad JPN,PRK: {dyad.Seconds:F2} s ({dyad.Lines:N0} events); --directed --cameo 04: {directed.Seconds:F2} s ({directed.Lines:N0}); dyad timeline JPN PRK --by month: {timeline.Seconds:F2} s ({timeline.Lines - 1:N0} months), each including process start"));
    }

    internal static (double Seconds, int Lines) Time(params string[] args)
    {
        var program = Path.Combine(FindRepo(), "src", "Dyad.Cli", "bin", "Release", "net10.0", "linux-x64", "dyad.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (watch.Elapsed.TotalSeconds, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    internal static string FindRepo()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dyad.slnx not found");
    }
}
