using System.Diagnostics.CodeAnalysis;

namespace Dyad.Documents;

/// <summary>
/// The article text of an HTML page and what its metadata says about it. The date is the page's own text: the
/// document reader parses it as it parses every other input's date.
/// </summary>
public sealed record HtmlArticle(string Text, string? Title, string? DateText, string? Publisher, string? Url);

/// <summary>
/// Reads an HTML page's article. The core reads HTML only through this, so it carries no HTML parser: the program that
/// composes a <see cref="DocumentReader"/> passes the one it uses (Dyad.Html's).
/// </summary>
public interface IHtmlTextReader
{
    /// <summary>Reads a page's article, or says why the page is not read.</summary>
    bool TryRead(string html, [NotNullWhen(true)] out HtmlArticle? article, [NotNullWhen(false)] out string? error);
}
