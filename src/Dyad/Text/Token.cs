namespace Dyad.Text;

/// <summary>A word in the UD English sense ("do" and "n't" are two), with its place in the document text.</summary>
public readonly record struct Token(string Text, TextSpan Span)
{
    public int Start => Span.Start;

    public int End => Span.End;
}
