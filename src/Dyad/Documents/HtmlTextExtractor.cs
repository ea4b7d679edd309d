using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Documents;

/// <summary>The article text of an HTML page and what its metadata says about it.</summary>
public sealed record HtmlArticle(string Text, string? Title, DateOnly? Date, string? Publisher, string? Url);

/// <summary>
/// Keeps an HTML page's article body — the &lt;article&gt; or &lt;main&gt; element when there is one — and drops
/// scripts, styles, navigation, headers, footers, asides, forms and figure captions. Block elements become
/// paragraphs separated by blank lines, so the cleaner and splitter see the page's structure.
/// </summary>
public sealed class HtmlTextExtractor
{
    private static readonly string[] Dropped =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "figcaption", "figure", "menu", "dialog"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "br", "hr", "address",
    };

    private readonly HtmlParser _parser = new();

    public HtmlArticle Extract(string html)
    {
        using var document = _parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("article h1, main h1, h1")?.TextContent.Trim()
            ?? document.Title?.Trim();
        var dateText = Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "dc.date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        DateOnly? date = dateText is not null && DocumentReader.TryParseDate(dateText.Trim(), out var parsed) ? parsed : null;
        var publisher = Meta(document, "og:site_name");
        var url = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]")
            ?? (IElement?)document.Body ?? document.DocumentElement;

        // The headline is kept apart from the body text.
        if (title is not null)
        {
            root.QuerySelector("h1")?.Remove();
        }

        var builder = new StringBuilder();
        AppendText(root, builder);
        var text = CollapseBlankLines(builder.ToString());
        return new HtmlArticle(text, string.IsNullOrWhiteSpace(title) ? null : title, date, publisher, url);
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                AppendInline(textNode.Data, builder);
            }
            else if (child is IElement element)
            {
                var isBlock = Blocks.Contains(element.LocalName);
                if (isBlock)
                {
                    builder.Append("\n\n");
                }

                AppendText(element, builder);
                if (isBlock)
                {
                    builder.Append("\n\n");
                }
            }
        }
    }

    private static void AppendInline(string data, StringBuilder builder)
    {
        // Whitespace inside a block collapses to single spaces, as a browser renders it.
        var lastWasSpace = builder.Length == 0 || char.IsWhiteSpace(builder[^1]);
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }
    }

    private static string CollapseBlankLines(string text)
    {
        var paragraphs = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (key is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
            }
        }

        return null;
    }
}
