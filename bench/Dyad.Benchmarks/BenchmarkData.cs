using Dyad.Documents;

namespace Dyad.Benchmarks;

/// <summary>The Reuters-21578 corpus from ../shared, read once; benchmarks that need it are skipped when it is absent.</summary>
internal static class BenchmarkData
{
    public static string? FindShared(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine([directory.FullName, "..", "shared", .. parts]);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            directory = directory.Parent;
        }

        return null;
    }

    public static string? ReutersPath => FindShared("data", "reuters21578", "reuters21578.jsonl");

    /// <summary>The corpus's JSON Lines, as bytes would come off disk.</summary>
    public static IReadOnlyList<string> ReutersLines(int limit = int.MaxValue, int skip = 0)
    {
        var path = ReutersPath ?? throw new InvalidOperationException("../shared/data/reuters21578/reuters21578.jsonl is not available");
        return File.ReadLines(path).Skip(skip).Take(limit).ToList();
    }

    public static IReadOnlyList<Document> ReutersDocuments(int limit = int.MaxValue, int skip = 0)
    {
        var reader = new DocumentReader();
        return reader.ReadJsonLines(new StringReader(string.Join('\n', ReutersLines(limit, skip))), "reuters")
            .Where(i => i.Document is not null)
            .Select(i => i.Document!)
            .ToList();
    }
}
