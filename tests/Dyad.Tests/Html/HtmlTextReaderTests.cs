using Dyad.Documents;
using Dyad.Html;

namespace Dyad.Tests.Html;

public sealed class HtmlTextReaderTests
{
    [Fact]
    public void The_core_carries_no_HTML_parser()
    {
        // HTML parsing lives in Dyad.Html; the core sees pages only through IHtmlTextReader.
        var referenced = typeof(DocumentReader).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, name => name!.StartsWith("AngleSharp", StringComparison.Ordinal));
        Assert.Contains("AngleSharp", typeof(HtmlTextReader).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void Keeps_an_HTML_article_body_and_drops_navigation_scripts_and_footers()
    {
        const string Page = """
            <html><head><title>Site | Talks</title><meta property="article:published_time" content="2016-11-28T09:00:00Z">
            <meta property="og:site_name" content="Example News"><script>var x = "Japan met China.";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Japan and China talk</h1><p>Japanese officials met Chinese officials on Monday.</p>
            <figure><img src="x.jpg"><figcaption>Photo: the meeting</figcaption></figure>
            <p>They agreed to meet again.</p></article>
            <footer>About us | Contact</footer></body></html>
            """;

        Assert.True(new HtmlTextReader().TryRead(Page, out var article, out _));

        Assert.Equal("Japanese officials met Chinese officials on Monday.\n\nThey agreed to meet again.", article.Text);
        Assert.Equal("Japan and China talk", article.Title);
        Assert.Equal("Example News", article.Publisher);
        Assert.Equal("2016-11-28T09:00:00Z", article.DateText);
    }
}
