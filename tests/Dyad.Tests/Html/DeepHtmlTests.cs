using System.Text;
using Dyad.Documents;
using Dyad.Html;

namespace Dyad.Tests.Html;

/// <summary>Pages nested absurdly deep are refused with one clear error, cheaply; real pages are read as before.</summary>
public sealed class DeepHtmlTests : IDisposable
{
    private const string TooDeep = "HTML nested deeper than 1,000 elements: not read";

    // Only a guard against a hang: the old extractor took about a minute on these pages.
    private const int HangGuard = 120_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-deep-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    private static DocumentInput ReadOne(string path) => Assert.Single(new DocumentReader(html: new HtmlTextReader()).Read([path]));

    [Fact(Timeout = HangGuard)]
    public async Task A_hundred_thousand_nested_divs_are_refused_with_one_clear_error()
    {
        var path = Write("divs.html", "<html><body>" + Repeat("<div>", 100_000) + "Japan met China." + Repeat("</div>", 100_000));

        var input = await Task.Run(() => ReadOne(path));

        Assert.Null(input.Document);
        Assert.Equal(path, input.Error?.Source);
        Assert.Equal(TooDeep, input.Error?.Message);
    }

    [Theory(Timeout = HangGuard)]
    [InlineData("b")]
    [InlineData("font")]
    [InlineData("span")]
    public async Task A_hundred_and_fifty_thousand_unclosed_inline_tags_are_refused(string tag)
    {
        var path = Write("unclosed.html", "<html><body>" + Repeat($"<{tag}>", 150_000) + "Japan met China.</body></html>");

        var input = await Task.Run(() => ReadOne(path));

        Assert.Equal(TooDeep, input.Error?.Message);
    }

    [Fact(Timeout = HangGuard)]
    public async Task Unclosed_list_items_inside_nested_lists_are_refused()
    {
        // The parser's stack grows by two for each pair even though the list items are never closed.
        var path = Write("lists.html", "<html><body>" + Repeat("<li><ul>", 50_000) + "Japan met China.");

        var input = await Task.Run(() => ReadOne(path));

        Assert.Equal(TooDeep, input.Error?.Message);
    }

    [Fact]
    public void Six_hundred_nested_divs_are_read_past_the_parsers_512_level_tree()
    {
        var path = Write("deep.html", "<html><body>" + Repeat("<div>", 600) + "Japan met China." + Repeat("</div>", 600));

        var input = ReadOne(path);

        Assert.Equal("Japan met China.", input.Document?.Text);
    }

    [Fact]
    public void Tags_the_parser_closes_by_itself_do_not_count_as_nesting()
    {
        // Sloppy but common markup: unclosed paragraphs, list items, links, options and cells, 3,000 of each, and
        // tags quoted inside scripts, comments and attributes.
        var body = new StringBuilder("<html><body><script>var s = '" + Repeat("<div>", 2_000) + "';</script>");
        body.Append("<!-- " + Repeat("<div>", 2_000) + " --><p title='" + Repeat("<div>", 2_000) + "'>Japan met China.");
        body.Append(Repeat("<p>More.", 3_000)).Append("<ul>").Append(Repeat("<li>Item", 3_000)).Append("</ul>");
        body.Append(Repeat("<a href=x>link", 3_000)).Append("<select>").Append(Repeat("<option>o", 3_000)).Append("</select>");
        body.Append("<table>").Append(Repeat("<tr><td>cell<td>cell", 3_000)).Append("</table>");
        body.Append("<svg>").Append(Repeat("<path d='M0 0'/>", 3_000)).Append("</svg><p>The end.");
        var path = Write("sloppy.html", body.ToString());

        var input = ReadOne(path);

        Assert.Null(input.Error);
        Assert.StartsWith("Japan met China.\n\nMore.", input.Document?.Text, StringComparison.Ordinal);
        Assert.EndsWith("The end.", input.Document?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normal_nested_article_extracts_the_same_text_as_before()
    {
        var path = Write("article.html", """
            <!DOCTYPE html>
            <html><head><title>World | Talks</title><meta property="og:title" content="Japan and China talk">
            <meta name="date" content="2016-11-28"></head>
            <body><div class="page"><div class="wrap"><header><nav><ul><li><a href="/">Home</a></li></ul></nav></header>
            <main><div class="col"><div class="story"><h1>Japan and China talk</h1>
            <div class="byline"><span>By <b>A. Writer</b></span></div>
            <section><p>Japanese officials <em>met</em> Chinese officials on <strong>Monday</strong>.
            <p>They discussed:<ul><li>trade<li>fishing <i>rights</i></ul>
            <blockquote><p>"We will meet again," a spokesman said.</p></blockquote>
            <table><tr><td>Tokyo<td>Beijing</table>
            <aside>Read more</aside><p>Talks resume<br>next month.</p></section>
            </div></div></main><footer>Contact</footer></div></div></body></html>
            """);

        var document = ReadOne(path).Document!;

        Assert.Equal(
            "By A. Writer\n\nJapanese officials met Chinese officials on Monday.\n\nThey discussed:\n\ntrade\n\nfishing rights\n\n"
                + "\"We will meet again,\" a spokesman said.\n\nTokyo\n\nBeijing\n\nTalks resume\n\nnext month.",
            document.Text);
        Assert.Equal("Japan and China talk", document.Title);
        Assert.Equal(new DateOnly(2016, 11, 28), document.Date);
    }
}
