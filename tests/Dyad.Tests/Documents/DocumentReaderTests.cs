using System.Diagnostics.CodeAnalysis;
using System.Text;
using Dyad.Documents;

namespace Dyad.Tests.Documents;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_text_file_is_one_document_named_after_the_file()
    {
        var path = Write("tokyo-talks.txt", "Japan met China.");

        var input = Assert.Single(new DocumentReader(new DateOnly(2016, 11, 28)).Read([path]));

        Assert.Equal("tokyo-talks", input.Document?.Id);
        Assert.Equal(new DateOnly(2016, 11, 28), input.Document?.Date);
    }

    [Theory]
    [InlineData("TOKYO, March 12 (Reuters) - Japan's trade ministry said on Thursday it would act.", "1987-06-01", null, "1987-03-12")]
    [InlineData("BEIJING, Nov. 28 Kyodo\nChina and Japan agreed on Monday to resume talks.", null, "2016-12-05", "2016-11-28")]
    [InlineData("BEIJING, Dec. 28 Kyodo\nChina and Japan agreed on Monday to resume talks.", null, "2016-12-05", "2015-12-28")]
    [InlineData("Washington, March 12 (Reuters) - The U.S. said it would act.", null, "2016-12-05", "2016-03-12")]
    [InlineData("Japan met China on March 12 - the talks went well.", "1987-06-01", null, "1987-06-01")]
    [InlineData("Officials, March 12 talks - a story with no dateline.", "1987-06-01", null, "1987-06-01")]
    public void A_text_story_takes_its_date_from_its_dateline_when_the_input_gives_none(string text, string? defaultDate, string? today, string expected)
    {
        // The dateline gives the month and day; --date (or else the run's date, the latest such day not to come) the year.
        var path = Write("wire.txt", text);
        var reader = new DocumentReader(
            defaultDate is null ? null : DateOnly.Parse(defaultDate, System.Globalization.CultureInfo.InvariantCulture),
            today: today is null ? null : DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        var document = Assert.Single(reader.Read([path])).Document!;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), document.Date);
        Assert.Equal(expected != defaultDate, document.DateFromDateline);
    }

    [Fact]
    public void Reads_a_folder_recursively_in_ordinal_order()
    {
        Write("b.txt", "B happened.");
        Write("a/z.txt", "Z happened.");
        Write("a/c.jsonl", "{\"id\":\"c1\",\"text\":\"C happened.\"}\n{\"id\":\"c2\",\"text\":\"D happened.\"}");
        Write("ignored.csv", "x,y");

        var ids = new DocumentReader().Read([_folder]).Select(i => i.Document?.Id).ToList();

        Assert.Equal(["c1", "c2", "z", "b"], ids);
    }

    [Fact]
    public void Reports_a_binary_file_with_the_offset_of_its_first_NUL_byte()
    {
        var path = WriteBytes("image.txt", [0x47, 0x49, 0x46, 0x00, 0x01]);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.NotNull(error);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_invalid_UTF8_with_its_byte_offset()
    {
        var path = WriteBytes("latin1.txt", [.. "Caf"u8.ToArray(), 0xE9, .. " ouvert"u8.ToArray()]);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.NotNull(error);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte offset 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_malformed_JSON_line_by_number_and_reads_the_rest()
    {
        var path = Write("docs.jsonl", "{\"id\":\"a\",\"text\":\"A met B.\"}\n{\"id\": \"b\", \"text\": \n{\"id\":\"c\",\"text\":\"C met D.\"}\n");

        var inputs = new DocumentReader().Read([path]).ToList();

        Assert.Equal(3, inputs.Count);
        Assert.Equal("a", inputs[0].Document?.Id);
        Assert.Equal($"{path}:2", inputs[1].Error?.Source);
        Assert.Contains("malformed JSON", inputs[1].Error?.Message, StringComparison.Ordinal);
        Assert.Equal("c", inputs[2].Document?.Id);
    }

    [Theory]
    [InlineData("{\"text\":\"no id\"}", "\"id\"")]
    [InlineData("{\"id\":\"x\"}", "\"text\"")]
    [InlineData("{\"id\":\"x\",\"text\":\"t\",\"date\":\"yesterday\"}", "ISO date")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"id\":\"x\",\"text\":\"   \"}", "empty document")]
    public void Reports_a_JSON_document_that_breaks_the_contract(string line, string expected)
    {
        var path = Write("bad.jsonl", line);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.Contains(expected, error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_empty_files_and_missing_paths()
    {
        var empty = WriteBytes("empty.txt", []);
        var missing = Path.Combine(_folder, "missing.txt");

        var inputs = new DocumentReader().Read([empty, missing]).ToList();

        Assert.Contains("empty", inputs[0].Error?.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", inputs[1].Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_JSON_Lines_from_standard_input()
    {
        var stdin = new MemoryStream("{\"id\":\"s1\",\"date\":\"2016-11-28\",\"text\":\"Japan met China.\",\"publisher\":\"Kyodo\"}\n"u8.ToArray());

        var document = Assert.Single(new DocumentReader().Read(["-"], stdin)).Document;

        Assert.Equal("s1", document?.Id);
        Assert.Equal("Kyodo", document?.Publisher);
        Assert.Equal(new DateOnly(2016, 11, 28), document?.Date);
    }

    [Fact]
    public void Normalises_text_to_NFC()
    {
        var path = Write("accents.txt", "Jose\u0301 met officials.");

        var document = Assert.Single(new DocumentReader().Read([path])).Document;

        Assert.Equal("José met officials.", document?.Text);
    }

    [Fact]
    public void An_HTML_page_is_read_by_the_HTML_reader_given_and_named_after_the_file()
    {
        var path = Write("page.html", "<p>Japan met China.</p>");
        var html = new OneArticle(new HtmlArticle("Japan met China.", "Talks", "2016-11-28T09:00:00Z", "Example News", "https://example.com/talks"));

        var document = Assert.Single(new DocumentReader(new DateOnly(2020, 1, 1), html).Read([path])).Document!;

        Assert.Equal("<p>Japan met China.</p>", html.Read);
        Assert.Equal("page", document.Id);
        Assert.Equal("Japan met China.", document.Text);
        Assert.Equal("Talks", document.Title);
        Assert.Equal("Example News", document.Publisher);
        Assert.Equal("https://example.com/talks", document.Url);
        Assert.Equal(new DateOnly(2016, 11, 28), document.Date);
    }

    [Fact]
    public void An_HTML_date_that_is_no_date_gives_way_to_the_default_date()
    {
        var path = Write("page.html", "<p>Japan met China.</p>");
        var html = new OneArticle(new HtmlArticle("Japan met China.", null, "last Tuesday", null, null));

        var document = Assert.Single(new DocumentReader(new DateOnly(2020, 1, 1), html).Read([path])).Document!;

        Assert.Equal(new DateOnly(2020, 1, 1), document.Date);
    }

    [Fact]
    public void Without_an_HTML_reader_an_HTML_page_is_reported_and_the_rest_read()
    {
        var page = Write("page.html", "<p>Japan met China.</p>");
        var story = Write("story.txt", "Japan met China.");

        var inputs = new DocumentReader().Read([page, story]).ToList();

        Assert.Equal((page, "HTML not read: no HTML reader was given"), (inputs[0].Error?.Source, inputs[0].Error?.Message));
        Assert.Equal("story", inputs[1].Document?.Id);
    }

    /// <summary>An HTML reader that gives one article whatever the page, so these tests need no HTML parser.</summary>
    private sealed class OneArticle(HtmlArticle article) : IHtmlTextReader
    {
        public string? Read { get; private set; }

        public bool TryRead(string html, [NotNullWhen(true)] out HtmlArticle? read, [NotNullWhen(false)] out string? error)
        {
            Read = html;
            read = article;
            error = null;
            return true;
        }
    }
}
