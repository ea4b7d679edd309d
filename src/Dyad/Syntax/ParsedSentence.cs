using Dyad.Text;

namespace Dyad.Syntax;

/// <summary>A word of a parsed sentence: its token, tags, lemma, and its head (an index into the sentence's words, or -1 for the root).</summary>
internal sealed record ParsedWord(int Index, Token Token, string Upos, string Xpos, string Lemma, int Head, string Relation)
{
    public string Text => Token.Text;

    public bool IsRoot => Head < 0;
}

/// <summary>A sentence tagged and lemmatised, before parsing: its words' heads are -1 and relations "_".</summary>
internal sealed record TaggedSentence(Sentence Sentence, IReadOnlyList<ParsedWord> Words)
{
    internal WordFeatures[] Features { get; init; } = [];

    internal int[] Tags { get; init; } = [];
}

/// <summary>A sentence with its words tagged, lemmatised and attached in a dependency tree.</summary>
internal sealed record ParsedSentence(Sentence Sentence, IReadOnlyList<ParsedWord> Words)
{
    public IEnumerable<ParsedWord> Dependents(int head)
    {
        foreach (var word in Words)
        {
            if (word.Head == head)
            {
                yield return word;
            }
        }
    }

    public IEnumerable<ParsedWord> Dependents(int head, string relation)
    {
        foreach (var word in Words)
        {
            if (word.Head == head && word.Relation == relation)
            {
                yield return word;
            }
        }
    }
}
