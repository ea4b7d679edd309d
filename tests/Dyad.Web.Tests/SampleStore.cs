using Dyad.Coding;
using Dyad.Documents;
using Dyad.Storage;

namespace Dyad.Web.Tests;

/// <summary>A store ingested once from the bundled samples/ folder, shared by the web tests.</summary>
public sealed class SampleStore : IDisposable
{
    public SampleStore()
    {
        Folder = Directory.CreateTempSubdirectory("dyad-web-").FullName;
        Path = System.IO.Path.Combine(Folder, "samples.duckdb");
        var coder = DocumentCoder.CreateDefault();
        var documents = new DocumentReader(new DateOnly(2024, 1, 15)).Read([System.IO.Path.Combine(RepoRoot, "samples")])
            .Where(i => i.Document is not null)
            .Select(i => coder.Code(i.Document!))
            .ToList();
        using var store = DuckDbEventStore.Open(Path);
        store.Ingest(documents);
        EventCount = store.CountEvents(new EventQuery());
    }

    public string Folder { get; }

    public string Path { get; }

    public long EventCount { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dyad.slnx not found");
    }
}
