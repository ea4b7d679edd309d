using System.Text.Json;

namespace Dyad.Tests.Cli;

/// <summary>
/// Each record says when and where its story was published and where that date came from: the input's metadata, the
/// run's --date, or the story's own dateline (its year from --date, else the latest that is not in the future).
/// </summary>
public sealed class PublishedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-published").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement FirstPublished(CliRunner.Result result)
    {
        Assert.Equal(0, result.ExitCode);
        using var record = JsonDocument.Parse(result.OutLines[0]);
        return record.RootElement.GetProperty("published").Clone();
    }

    [Fact]
    public void A_text_story_with_a_dateline_is_published_where_and_when_its_dateline_says()
    {
        var story = Path.Combine(_folder, "tokyo.txt");
        File.WriteAllText(story, "TOKYO, March 12 (Reuters) - Japan sharply criticised China over the dispute on Monday.\n");

        var withYear = FirstPublished(CliRunner.Run("code", story, "--date", "1987-03-20", "--format", "jsonl"));
        var withoutYear = FirstPublished(CliRunner.Run("code", story, "--format", "jsonl"));

        Assert.Equal("1987-03-12", withYear.GetProperty("date").GetString());
        Assert.Equal("dateline", withYear.GetProperty("dateFrom").GetString());
        Assert.Equal("JPN", withYear.GetProperty("place").GetProperty("country").GetString());
        Assert.Equal("TOKYO", withYear.GetProperty("place").GetProperty("text").GetString());
        Assert.Equal("dateline, latest year", withoutYear.GetProperty("dateFrom").GetString());
        Assert.True(DateOnly.Parse(withoutYear.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= DateOnly.FromDateTime(DateTime.Today.AddDays(1)));
    }

    [Fact]
    public void A_json_story_takes_its_own_date_and_the_place_of_a_dateline_given_apart()
    {
        const string line = "{\"id\":\"ny\",\"date\":\"1987-02-26\",\"dateline\":\"GENEVA, Feb 26 -\",\"text\":\"Japan sharply criticised China over the dispute on Monday.\"}\n";

        var published = FirstPublished(CliRunner.RunWithInput(line, "code", "-", "--date", "2000-01-01", "--format", "jsonl"));

        Assert.Equal("1987-02-26", published.GetProperty("date").GetString());
        Assert.Equal("input", published.GetProperty("dateFrom").GetString());
        // The dateline's city as the world knows it, not a small town of the story's countries' name.
        Assert.Equal("CHE", published.GetProperty("place").GetProperty("country").GetString());
    }

    [Fact]
    public void A_story_without_a_date_is_dated_by_the_run_and_says_so()
    {
        const string line = "{\"id\":\"plain\",\"text\":\"Japan sharply criticised China over the dispute on Monday.\"}\n";

        var published = FirstPublished(CliRunner.RunWithInput(line, "code", "-", "--date", "2023-06-01", "--format", "jsonl"));

        Assert.Equal("2023-06-01", published.GetProperty("date").GetString());
        Assert.Equal("--date", published.GetProperty("dateFrom").GetString());
        Assert.Equal(JsonValueKind.Null, published.GetProperty("place").ValueKind);
    }
}
