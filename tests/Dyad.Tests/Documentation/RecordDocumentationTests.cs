using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dyad.Events;
using Dyad.Storage.Exports;

namespace Dyad.Tests.Documentation;

/// <summary>
/// docs/record.md names every field of the record (as the schema lists them), every value the schema allows for a
/// status or a precision, every column of each export format, and every CAMEO root with its name.
/// </summary>
public sealed class RecordDocumentationTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "record.md")));

    private static readonly Lazy<JsonNode> Schema = new(() => JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "event.schema.json")))!);

    private static List<string> Undocumented(IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Where(name => !Page.Value.Contains($"`{name}`", StringComparison.Ordinal))];

    /// <summary>Every property name and every enum value anywhere in the schema.</summary>
    private static IEnumerable<string> SchemaNames(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "properties" && value is JsonObject properties)
                    {
                        foreach (var (name, _) in properties)
                        {
                            yield return name;
                        }
                    }

                    if (key == "enum" && value is JsonArray allowed)
                    {
                        foreach (var v in allowed)
                        {
                            if (v is JsonValue item && item.TryGetValue<string>(out var text))
                            {
                                yield return text;
                            }
                        }
                    }

                    foreach (var inner in SchemaNames(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in SchemaNames(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    [Fact]
    public void Every_field_and_allowed_value_of_the_schema_is_documented()
    {
        var names = SchemaNames(Schema.Value).ToList();

        Assert.Contains("precision", names);
        Assert.Contains("negated", names);
        Assert.Empty(Undocumented(names));
    }

    [Fact]
    public void Every_column_of_every_export_format_is_documented()
    {
        var parquet = typeof(ParquetEventRow).GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

        Assert.Empty(Undocumented(EventExports.TsvColumns));
        Assert.Empty(Undocumented(EventExports.GdeltColumns));
        Assert.Empty(Undocumented(EventExports.IcewsColumns));
        Assert.Empty(Undocumented(parquet));
    }

    [Fact]
    public void Every_cameo_root_is_in_the_table_with_its_name_and_quad()
    {
        var missing = Enumerable.Range(1, 20)
            .Select(root => CameoCodebook.Default[CameoCode.Parse(root.ToString("00", System.Globalization.CultureInfo.InvariantCulture))])
            .Where(entry => !Page.Value.Contains($"| {entry.Code.Value} | {entry.Name.ToLowerInvariant()} | {entry.Quad} |", StringComparison.Ordinal))
            .Select(entry => entry.Code.Value)
            .ToList();

        Assert.Empty(missing);
    }
}
