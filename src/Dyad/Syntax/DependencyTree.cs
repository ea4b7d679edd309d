namespace Dyad.Syntax;

/// <summary>A parse's words as a tree: each word's children in word order, and the span a subtree covers.</summary>
internal static class DependencyTree
{
    public static List<int>[] ChildrenOf(ParsedSentence parse)
    {
        var children = new List<int>[parse.Words.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < children.Length; i++)
        {
            if (parse.Words[i].Head is var head and >= 0)
            {
                children[head].Add(i);
            }
        }

        return children;
    }

    /// <summary>The first and last word of the subtree under <paramref name="head"/>.</summary>
    public static (int First, int Last) SubtreeSpan(IReadOnlyList<List<int>> children, int head)
    {
        var (first, last) = (head, head);
        foreach (var child in children[head])
        {
            var (childFirst, childLast) = SubtreeSpan(children, child);
            (first, last) = (Math.Min(first, childFirst), Math.Max(last, childLast));
        }

        return (first, last);
    }

    /// <summary>The word with no head, or -1.</summary>
    public static int RootOf(IReadOnlyList<ParsedWord> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Head < 0)
            {
                return i;
            }
        }

        return -1;
    }
}
