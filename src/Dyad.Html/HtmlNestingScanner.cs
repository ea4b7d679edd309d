namespace Dyad.Html;

/// <summary>
/// Measures how deep a page's elements nest by scanning its tags, without building a tree, in time linear in the page.
/// AngleSharp's tree builder walks its whole stack of open elements for many tags (a &lt;div&gt; looks for an open
/// &lt;p&gt;, an &lt;li&gt; for an open &lt;li&gt;, text rebuilds unclosed &lt;b&gt;s), so a page nested N deep costs N per
/// tag: 100,000 nested &lt;div&gt;s took 55 s. Its tree stops at 512 levels, but its stack does not. Refusing pages
/// deeper than a limit before parsing bounds that cost.
/// </summary>
/// <remarks>
/// The scan follows the HTML tree-construction rules that decide the stack's depth — implied end tags, scopes,
/// tables, formatting elements that reopen after a block closes — closely enough that it never counts much less
/// than the parser's stack holds: where a rule is too costly to follow it counts more, so a page it misjudges is
/// refused, never parsed slowly. Every step is constant time or pops what an earlier step pushed.
/// </remarks>
internal sealed class HtmlNestingScanner
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    };

    // Their content is text up to the matching end tag, so tags written inside them (a script's strings) do not count.
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    // The parser merges these into the one html/head/body it always has.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "html", "head", "body", "frameset" };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // A start tag of one of these first closes an open <p>.
    private static readonly HashSet<string> ClosesP = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext",
        "table", "hr", "xmp",
    };

    // Blocks of the document's structure: a search for an open element stops at them.
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee",
        "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre",
        "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    };

    // Where "is an element in scope" stops looking; the parser also opens a new list of formatting elements here.
    private static readonly HashSet<string> ScopeBoundary = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    private static readonly HashSet<string> TableSections = new(StringComparer.Ordinal) { "tbody", "thead", "tfoot" };

    // HTML tags that end an <svg> or <math>: inside those, anything else written "<x/>" is empty.
    private static readonly HashSet<string> BreaksOutOfForeign = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    };

    /// <summary>An open element and, for each kind of search the parser makes, the nearest element below it (or itself)
    /// that stops that search, so no search walks the stack.</summary>
    private readonly record struct Open(string Name, int Special, int Scope, int ButtonScope, int ListScope, int LiStop, int DdStop, int Markers);

    private readonly List<Open> _stack = [];
    private readonly Dictionary<string, Stack<int>> _positions = new(StringComparer.Ordinal);

    // Formatting elements a closing block popped; the parser reopens them before the next text or inline tag.
    private readonly List<(string Name, int Markers)> _toReopen = [];
    private readonly int _limit;

    private HtmlNestingScanner(int limit)
    {
        _limit = limit;
    }

    /// <summary>True when the page nests deeper than <paramref name="limit"/> elements; the scan stops there.</summary>
    public static bool IsDeeperThan(string html, int limit) => new HtmlNestingScanner(limit).Scan(html);

    private int Depth => _stack.Count + _toReopen.Count;

    private bool Scan(string html)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i && _toReopen.Count > 0)
            {
                // Any character, even a space, reopens the formatting elements a block closed.
                Reopen();
                if (Depth > _limit)
                {
                    return true;
                }
            }

            if (lt < 0)
            {
                return false;
            }

            i = ReadMarkup(html, lt);
            if (Depth > _limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the markup at <paramref name="lt"/> and returns where the text after it starts.</summary>
    private int ReadMarkup(string html, int lt)
    {
        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (next == '!' || next == '?')
        {
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 2, StringComparison.Ordinal);
                return close < 0 ? html.Length : close + 3;
            }

            var end = html.IndexOf('>', lt);
            return end < 0 ? html.Length : end + 1;
        }

        var isEnd = next == '/';
        var nameStart = isEnd ? lt + 2 : lt + 1;
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            // A "<" that opens no tag is text.
            return lt + 1;
        }

        var nameEnd = nameStart;
        while (nameEnd < html.Length && !IsTagNameEnd(html[nameEnd]))
        {
            nameEnd++;
        }

        var name = Name(html.AsSpan(nameStart, nameEnd - nameStart));
        var (tagEnd, selfClosing) = SkipAttributes(html, nameEnd);
        if (isEnd)
        {
            EndTag(name);
            return tagEnd;
        }

        StartTag(name, selfClosing);
        if (RawText.Contains(name) && !InForeign())
        {
            return SkipRawText(html, tagEnd, name);
        }

        return name == "plaintext" ? html.Length : tagEnd;
    }

    private static bool IsTagNameEnd(char c) => c is '>' or '/' || char.IsWhiteSpace(c);

    private static string Name(ReadOnlySpan<char> raw)
    {
        // Not interned: a page's made-up tag names must not outlive the page.
        Span<char> lower = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        return lower.ToString();
    }

    /// <summary>Skips a tag's attributes, honouring quoted values that may hold "&gt;".</summary>
    private static (int End, bool SelfClosing) SkipAttributes(string html, int i)
    {
        var lastSignificant = '\0';
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return (i + 1, lastSignificant == '/');
            }

            if (c == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    if (close < 0)
                    {
                        return (html.Length, false);
                    }

                    i = close + 1;
                    lastSignificant = '"';
                    continue;
                }

                lastSignificant = '=';
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                lastSignificant = c;
            }

            i++;
        }

        return (html.Length, false);
    }

    private static int SkipRawText(string html, int i, string name)
    {
        while (true)
        {
            var close = html.IndexOf("</", i, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            var after = close + 2 + name.Length;
            if (after <= html.Length && html.AsSpan(close + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsTagNameEnd(html[after])))
            {
                // The end tag itself is read as markup, which pops the element.
                return close;
            }

            i = close + 2;
        }
    }

    private void StartTag(string name, bool selfClosing)
    {
        if (Ignored.Contains(name))
        {
            return;
        }

        if (InForeign())
        {
            if (BreaksOutOfForeign.Contains(name))
            {
                PopTo(Math.Max(Nearest("svg"), Nearest("math")));
            }
            else if (selfClosing)
            {
                return;
            }
        }

        if (ClosesP.Contains(name))
        {
            var p = Nearest("p");
            if (p >= 0 && Top.ButtonScope <= p)
            {
                PopTo(p);
            }

            if (Headings.Contains(name) && _stack.Count > 0 && Headings.Contains(Top.Name))
            {
                PopTo(_stack.Count - 1);
            }
        }
        else
        {
            Reopen();
        }

        switch (name)
        {
            case "a" or "nobr":
                // A new link (or nobr) ends one still open, unless a block opened inside it keeps it on the stack.
                var open = Nearest(name);
                if (open >= 0 && Top.Special < open)
                {
                    PopTo(open);
                }

                break;
            case "li":
                CloseIfNotStopped(Nearest("li"), Top.LiStop);
                break;
            case "dd" or "dt":
                CloseIfNotStopped(Math.Max(Nearest("dd"), Nearest("dt")), Top.DdStop);
                break;
            case "option" or "optgroup":
                if (_stack.Count > 0 && Top.Name == "option")
                {
                    PopTo(_stack.Count - 1);
                }

                break;
            case "caption" or "colgroup" or "tbody" or "thead" or "tfoot":
                if (!ClearBackToTable(sectionToo: false))
                {
                    return;
                }

                break;
            case "tr":
                if (!ClearBackToTable(sectionToo: true))
                {
                    return;
                }

                break;
            case "td" or "th":
                if (!ClearBackToRow())
                {
                    return;
                }

                break;
        }

        if (!Void.Contains(name))
        {
            Push(name);
        }
    }

    private void EndTag(string name)
    {
        var at = Nearest(name);
        if (at < 0)
        {
            // A formatting element popped by a block is forgotten, not reopened, once its end tag comes.
            var pending = _toReopen.FindLastIndex(entry => entry.Name == name);
            if (pending >= 0)
            {
                _toReopen.RemoveAt(pending);
            }

            return;
        }

        var top = Top;
        if (Formatting.Contains(name))
        {
            // With a block opened inside it, the parser's adoption agency moves the element rather than closing it:
            // the stack keeps its depth, and so does the count.
            if (top.Scope <= at && top.Special < at)
            {
                PopTo(at);
            }

            return;
        }

        var inScope = name switch
        {
            "p" => top.ButtonScope <= at,
            "li" => top.ListScope <= at,
            "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" or "table" => Nearest("table") <= at,
            _ when Special.Contains(name) => top.Scope <= at,

            // Any other end tag closes the nearest element of its name unless a block is open inside that element.
            _ => top.Special <= at,
        };
        if (inScope)
        {
            PopTo(at);
        }
    }

    private void CloseIfNotStopped(int at, int stop)
    {
        if (at >= 0 && stop <= at)
        {
            PopTo(at);
        }
    }

    /// <summary>Pops what is open inside the innermost table (or its row group); false when no table is open, where
    /// the parser ignores table tags.</summary>
    private bool ClearBackToTable(bool sectionToo)
    {
        var table = Nearest("table");
        if (table < 0)
        {
            return false;
        }

        var keep = table;
        if (sectionToo)
        {
            keep = Math.Max(keep, Math.Max(Nearest("tbody"), Math.Max(Nearest("thead"), Nearest("tfoot"))));
        }

        PopTo(keep + 1);
        if (sectionToo && keep == table)
        {
            // The parser inserts the <tbody> the page left out.
            Push("tbody");
        }

        return true;
    }

    private bool ClearBackToRow()
    {
        var table = Nearest("table");
        if (table < 0)
        {
            return false;
        }

        var row = Nearest("tr");
        if (row > table)
        {
            PopTo(row + 1);
            return true;
        }

        ClearBackToTable(sectionToo: true);
        Push("tr");
        return true;
    }

    private bool InForeign() => Nearest("svg") >= 0 || Nearest("math") >= 0;

    private Open Top => _stack.Count > 0 ? _stack[^1] : new Open("", -1, -1, -1, -1, -1, -1, 0);

    private int Nearest(string name) =>
        _positions.TryGetValue(name, out var positions) && positions.Count > 0 ? positions.Peek() : -1;

    private void Push(string name)
    {
        var below = Top;
        var at = _stack.Count;
        var special = Special.Contains(name);
        var scope = ScopeBoundary.Contains(name);
        _stack.Add(new Open(
            name,
            Special: special ? at : below.Special,
            Scope: scope ? at : below.Scope,
            ButtonScope: scope || name == "button" ? at : below.ButtonScope,
            ListScope: scope || name is "ol" or "ul" ? at : below.ListScope,
            LiStop: special && name is not ("address" or "div" or "p" or "li") ? at : below.LiStop,
            DdStop: special && name is not ("address" or "div" or "p" or "dd" or "dt") ? at : below.DdStop,
            Markers: below.Markers + (scope ? 1 : 0)));
        if (!_positions.TryGetValue(name, out var positions))
        {
            positions = new Stack<int>();
            _positions[name] = positions;
        }

        positions.Push(at);
    }

    /// <summary>Pops the element at <paramref name="at"/> and everything above it.</summary>
    private void PopTo(int at)
    {
        if (at < 0)
        {
            return;
        }

        while (_stack.Count > at)
        {
            var popped = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            _positions[popped.Name].Pop();
            if (Formatting.Contains(popped.Name) && _stack.Count > at)
            {
                // Popped by something closing around it, not by its own end tag: it will be reopened.
                _toReopen.Add((popped.Name, popped.Markers));
            }
        }

        // Leaving a cell, caption or object forgets the formatting elements opened inside it.
        var markers = Top.Markers;
        while (_toReopen.Count > 0 && _toReopen[^1].Markers > markers)
        {
            _toReopen.RemoveAt(_toReopen.Count - 1);
        }
    }

    private void Reopen()
    {
        // Reopened in the order they were opened, which is the reverse of the order they were popped in.
        for (var k = _toReopen.Count - 1; k >= 0; k--)
        {
            Push(_toReopen[k].Name);
        }

        _toReopen.Clear();
    }
}
