using Dyad.Actors;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Triage;

/// <summary>
/// Every lemma key some tag could give a word (only its one tag's, for a word the tagger always tags alike),
/// remembered: the filters that keep coding from tagging a sentence ask it of the same words, and lemmatising a
/// word under every tag costs more than tagging it once.
/// </summary>
internal sealed class LemmasUnderAnyTag(SyntaxPipeline syntax)
{
    private const int MaxRemembered = 1_000_000;
    private readonly string[] _tags = Enumerable.Range(0, syntax.Tagger.TagCount).Select(syntax.Tagger.Xpos).Distinct().ToArray();
    private readonly BoundedMemo<string, string[]> _keys = new(MaxRemembered, StringComparer.Ordinal);

    public string[] KeysOf(string word) => _keys.GetOrAdd(word, WorkedOut);

    private string[] WorkedOut(string word) =>
        [.. syntax.Lemmatizer.LemmasUnderEach(word, syntax.Tagger.FixedTag(word) is { } only ? [syntax.Tagger.Xpos(only)] : _tags).Select(ActorDictionary.Key).Distinct()];
}
