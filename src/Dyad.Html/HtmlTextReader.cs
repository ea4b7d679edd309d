using System.Diagnostics.CodeAnalysis;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dyad.Documents;

namespace Dyad.Html;

/// <summary>
/// Keeps an HTML page's article body — the &lt;article&gt; or &lt;main&gt; element when there is one — and drops
/// scripts, styles, navigation, headers, footers, asides, forms and figure captions. Block elements become
/// paragraphs separated by blank lines, so the cleaner and splitter see the page's structure. Parses with AngleSharp.
/// </summary>
public sealed class HtmlTextReader : IHtmlTextReader
{
    /// <summary>
    /// The deepest element nesting read. Browsers stop building the tree at 512 levels, so no page meant to be read
    /// goes near it; above it the parser's cost per tag grows with the depth (about 0.5 s a megabyte of tags at this
    /// limit, against 2.7 s at 5,000), so deeper pages are refused.
    /// </summary>
    public const int MaxDepth = 1_000;

    private static readonly string[] Dropped =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "figcaption", "figure", "menu", "dialog"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "br", "hr", "address",
    };

    private readonly HtmlParser _parser = new();

    /// <summary>Reads a page's article, or says why it is not read (it nests deeper than <see cref="MaxDepth"/>).</summary>
    public bool TryRead(string html, [NotNullWhen(true)] out HtmlArticle? article, [NotNullWhen(false)] out string? error)
    {
        if (HtmlNestingScanner.IsDeeperThan(html, MaxDepth))
        {
            article = null;
            error = $"HTML nested deeper than {MaxDepth:N0} elements: not read";
            return false;
        }

        article = Extract(html);
        error = null;
        return true;
    }

    private HtmlArticle Extract(string html)
    {
        using var document = _parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("article h1, main h1, h1")?.TextContent.Trim()
            ?? document.Title?.Trim();
        var dateText = Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "dc.date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
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
        return new HtmlArticle(text, string.IsNullOrWhiteSpace(title) ? null : title, dateText?.Trim(), publisher, url);
    }

    private static void AppendText(INode root, StringBuilder builder)
    {
        // An explicit stack, not recursion: a page's depth must not decide whether the thread's stack suffices. A null
        // entry marks the end of a block, where its closing blank line goes.
        var pending = new Stack<INode?>();
        PushChildren(root, pending);
        while (pending.TryPop(out var node))
        {
            if (node is null)
            {
                builder.Append("\n\n");
            }
            else if (node is IText textNode)
            {
                AppendInline(textNode.Data, builder);
            }
            else if (node is IElement element)
            {
                if (Blocks.Contains(element.LocalName))
                {
                    builder.Append("\n\n");
                    pending.Push(null);
                }

                PushChildren(element, pending);
            }
        }
    }

    private static void PushChildren(INode node, Stack<INode?> pending)
    {
        // Last child first, so they pop in document order.
        var children = node.ChildNodes;
        for (var k = children.Length - 1; k >= 0; k--)
        {
            pending.Push(children[k]);
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
