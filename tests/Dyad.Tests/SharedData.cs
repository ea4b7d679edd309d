namespace Dyad.Tests;

/// <summary>Finds the repository and ../shared (seed story, treebanks, evaluation sets); tests that need it skip when it is absent.</summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SeedStory => Path.Combine(Root, "seed", "000_0a52640f911a041c.txt");

    /// <summary>The path of a file under ../shared, or a skip when it is not there.</summary>
    public static string Require(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is not available");
        return path;
    }

    public static string Samples => Path.Combine(RepoRoot, "samples");

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dyad.slnx not found above the test binaries");
    }
}
