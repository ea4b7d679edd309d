using Dyad.Text;

namespace Dyad.Documents;

/// <summary>The parts of a document that are not its news body, and the body paragraphs that remain.</summary>
public sealed record DocumentLayout(
    Headline? Headline,
    Byline? Byline,
    Dateline? Dateline,
    IReadOnlyList<Boilerplate> Boilerplate,
    IReadOnlyList<TextSpan> Body);

/// <summary>The story's headline; <see cref="Span"/> is null when it came from the input's title rather than its text.</summary>
public sealed record Headline(string Text, TextSpan? Span);

/// <summary>A byline or agency line ("• Kyodo", "By Jane Smith", "(AP)"): the line, and the name it gives.</summary>
public sealed record Byline(TextSpan Span, string Text, string Name, bool IsAgency);

/// <summary>A dateline ("TOKYO (Reuters) -", "WASHINGTON, March 3 -"); <see cref="Span"/> is null when the input gave it apart.</summary>
public sealed record Dateline(TextSpan? Span, string Text, string Place, string? DateText, string? Agency);

/// <summary>Text removed as not news (a subscription pitch, a copyright line), with the rule that removed it.</summary>
public sealed record Boilerplate(TextSpan Span, string Text, string Reason);
