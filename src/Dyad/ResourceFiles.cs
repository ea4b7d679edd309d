using System.Reflection;

namespace Dyad;

/// <summary>Reads the files of resources/ that are embedded in this assembly.</summary>
internal static class ResourceFiles
{
    private static readonly Assembly Self = typeof(ResourceFiles).Assembly;

    public static Stream Open(string relativePath)
    {
        var name = "Dyad.Resources." + relativePath.Replace('/', '.');
        return Self.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource '{relativePath}' is not embedded in {Self.GetName().Name}");
    }

    public static bool Exists(string relativePath) =>
        Self.GetManifestResourceInfo("Dyad.Resources." + relativePath.Replace('/', '.')) is not null;

    public static string ReadText(string relativePath)
    {
        using var stream = Open(relativePath);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The tab-separated fields of each line of a table resource, skipping blank lines and "#" comments.</summary>
    public static IEnumerable<string[]> ReadRows(string relativePath) =>
        ReadText(relativePath).Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('\t'));
}
