using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Tests.Cli;
using Json.Schema;

namespace Dyad.Tests.Documentation;

/// <summary>
/// docs/event.schema.json describes what `dyad code` really writes: every record coded from the samples, the seed
/// story and Reuters copy (with the built-in and the Phoenix dictionaries) validates against it.
/// </summary>
public sealed class RecordSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedData.RepoRoot, "docs", "event.schema.json")));

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AssertEveryRecordValid(CliRunner.Result result)
    {
        Assert.NotEmpty(result.OutLines);
        foreach (var line in result.OutLines)
        {
            var evaluation = Schema.Value.Evaluate(Element(line), new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.True(evaluation.IsValid, $"{string.Join("; ", errors)}\n{line}");
        }
    }

    [Fact]
    public void The_samples_records_match_the_documented_schema()
    {
        AssertEveryRecordValid(CliRunner.Run("code", SharedData.Samples));
    }

    [SkippableFact]
    public void The_seed_story_and_Reuters_records_match_the_documented_schema_with_either_dictionaries()
    {
        var reuters = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var sample = Path.Combine(Directory.CreateTempSubdirectory("dyad-schema-").FullName, "reuters.jsonl");
        File.WriteAllLines(sample, File.ReadLines(reuters).Take(1500));

        AssertEveryRecordValid(CliRunner.Run("code", SharedData.SeedStory, "--date", "2016-11-28"));
        AssertEveryRecordValid(CliRunner.Run("code", sample));
        AssertEveryRecordValid(CliRunner.Run("code", sample, "--dictionaries", SharedData.Require("data", "phoenix-dictionaries")));
        Directory.Delete(Path.GetDirectoryName(sample)!, recursive: true);
    }

    [Fact]
    public void A_record_that_breaks_the_documented_schema_is_caught()
    {
        var line = CliRunner.Run("code", SharedData.Samples).OutLines[0];
        var broken = JsonNode.Parse(line)!.AsObject();
        broken["quad"] = 5;
        broken["attribution"]!["status"] = "rumoured";

        Assert.False(Schema.Value.Evaluate(Element(broken.ToJsonString())).IsValid);
        Assert.True(Schema.Value.Evaluate(Element(line)).IsValid);
    }
}
