using Dyad.Coding;
using Dyad.Documents;
using Dyad.Storage;

namespace Dyad.Web.Tests;

/// <summary>
/// A store of Series/jpn-kor-months.jsonl: short wire stories between Japan and South Korea over 50 months,
/// 2020-01 to 2024-02, five months without a story, for a timeline as long as the issue's.
/// </summary>
public sealed class SeriesStore : IDisposable
{
    public SeriesStore()
    {
        Folder = Directory.CreateTempSubdirectory("dyad-series-").FullName;
        Path = System.IO.Path.Combine(Folder, "series.duckdb");
        var coder = DocumentCoder.CreateDefault();
        var stories = System.IO.Path.Combine(SampleStore.RepoRoot, "tests", "Dyad.Web.Tests", "Series", "jpn-kor-months.jsonl");
        var documents = new DocumentReader(new DateOnly(2024, 3, 1)).Read([stories])
            .Where(i => i.Document is not null)
            .Select(i => coder.Code(i.Document!))
            .ToList();
        using var store = DuckDbEventStore.Open(Path);
        store.Ingest(documents);
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
