using Dyad.Tools;

namespace Dyad.Tests.Tools;

/// <summary>The gazetteer builder: the shipped gazetteer.tsv is what it writes from ../shared/data and the repository's tables of facts (counties, continents).</summary>
public sealed class GazetteerBuilderTests
{
    [SkippableFact]
    public void Rebuilds_the_shipped_gazetteer_byte_for_byte()
    {
        var data = SharedData.Require("data", "geonames");
        var resources = Path.Combine(Path.GetTempPath(), $"dyad-gazetteer-{Guid.NewGuid():N}");
        var facts = Path.Combine(resources, "places", "facts");
        Directory.CreateDirectory(facts);
        try
        {
            foreach (var table in Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "resources", "places", "facts")))
            {
                File.Copy(table, Path.Combine(facts, Path.GetFileName(table)));
            }

            GazetteerBuilder.Build(Path.GetDirectoryName(data)!, resources);

            var built = File.ReadAllBytes(Path.Combine(resources, "places", "gazetteer.tsv"));
            var shipped = File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "resources", "places", "gazetteer.tsv"));
            Assert.True(built.AsSpan().SequenceEqual(shipped), $"the rebuilt gazetteer ({built.Length:N0} bytes) differs from the shipped one ({shipped.Length:N0} bytes)");
        }
        finally
        {
            Directory.Delete(resources, recursive: true);
        }
    }
}
