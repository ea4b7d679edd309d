namespace Dyad.Text;

/// <summary>A sentence of a document's body: its 0-based index among body sentences, its span and its tokens.</summary>
public sealed record Sentence(int Index, TextSpan Span, string Text, IReadOnlyList<Token> Tokens);
