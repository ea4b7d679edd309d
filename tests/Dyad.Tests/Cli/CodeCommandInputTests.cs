namespace Dyad.Tests.Cli;

/// <summary>How <c>dyad code</c> reports inputs it will not read.</summary>
public sealed class CodeCommandInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-code-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string DeepPage() =>
        Write("page.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Japan met China.");

    [Fact(Timeout = 120_000)]
    public async Task A_deeply_nested_page_alone_is_one_error_line_and_a_failure()
    {
        var page = DeepPage();

        var result = await Task.Run(() => CliRunner.Run("code", page));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"dyad: {page}: HTML nested deeper than 1,000 elements: not read", Assert.Single(result.ErrorLines));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_deeply_nested_page_beside_a_good_story_is_skipped_and_the_story_coded()
    {
        var page = DeepPage();
        var story = Write("story.txt", "Japanese officials met Chinese officials in Beijing on Monday.");

        var result = await Task.Run(() => CliRunner.Run("code", page, story, "--date", "2016-11-28"));

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.OutLines);
        Assert.Equal($"dyad: {page}: HTML nested deeper than 1,000 elements: not read", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_file_that_is_not_a_story_alone_is_one_notice_and_a_failure()
    {
        var readme = Write("README.md", "# Notes\n\nJapanese officials met Chinese officials in Beijing on Monday.");

        var result = CliRunner.Run("code", readme, "--date", "2016-11-28");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"dyad: {readme}: not a story file (.txt, .html, .htm, .json, .jsonl); skipped", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_file_that_is_not_a_story_beside_a_story_is_skipped_and_the_story_coded()
    {
        var readme = Write("README.md", "# Notes");
        var story = Write("story.txt", "Japanese officials met Chinese officials in Beijing on Monday.");

        var result = CliRunner.Run("code", readme, story, "--date", "2016-11-28");

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.OutLines);
        Assert.Equal($"dyad: {readme}: not a story file (.txt, .html, .htm, .json, .jsonl); skipped", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_folder_of_stories_with_a_readme_inside_is_coded_without_a_word()
    {
        Write("README.md", "# Notes: Japanese officials met Chinese officials in Beijing on Monday.");
        Write("story.txt", "Japanese officials met Chinese officials in Beijing on Monday.");

        var result = CliRunner.Run("code", _folder, "--date", "2016-11-28", "--format", "tsv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.All(result.OutLines.Skip(1), line => Assert.Equal("story", line.Split('\t')[1]));
    }
}
