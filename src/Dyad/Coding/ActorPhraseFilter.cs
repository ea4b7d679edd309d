using Dyad.Actors;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Whether a sentence may have an actor phrase, from its words as written: each word is read as its own form and
/// as every lemma a tag could give it. Most sentences have none, and are then neither tagged nor parsed.
/// </summary>
internal sealed class ActorPhraseFilter(ActorDictionary actors, SyntaxPipeline syntax)
{
    private const int MaxRemembered = 1_000_000;
    private readonly string[] _tags = Enumerable.Range(0, syntax.Tagger.TagCount).Select(syntax.Tagger.Xpos).Distinct().ToArray();

    // Each word's readings, and whether a phrase may begin with one of them, remembered: lemmatising a word
    // under every tag costs more than tagging it once.
    private readonly BoundedMemo<string, (string[] Readings, bool MayBegin)> _words = new(MaxRemembered, StringComparer.Ordinal);

    // Without stems in the dictionary, its words are a finite set, and a cheap test tells the words that cannot
    // be lemmatised into one of them.
    private readonly Func<string, bool>? _mayHaveDictionaryLemma =
        actors.LookupWords() is { } lookupWords && !lookupWords.Any(w => w.Contains('_', StringComparison.Ordinal))
            ? syntax.Lemmatizer.MayHaveLemmaAmong(lookupWords)
            : null;

    public bool MayHaveActorPhrase(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        var any = false;
        for (var i = 0; i < tokens.Count && !any; i++)
        {
            any = ReadingsOf(tokens[i].Text).MayBegin;
        }

        if (!any)
        {
            return false;
        }

        var readings = new string[tokens.Count][];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = ReadingsOf(tokens[i].Text).Readings;
        }

        return actors.MayFindAny(readings);
    }

    private (string[] Readings, bool MayBegin) ReadingsOf(string word) => _words.GetOrAdd(word, ReadingsWorkedOut);

    private (string[] Readings, bool MayBegin) ReadingsWorkedOut(string word)
    {
        // A word none of whose lemmas can be a dictionary word is read only as written; else, a frequent word
        // the tagger always tags one way has that tag's lemma alone.
        var key = ActorDictionary.Key(word);
        string[] readings = _mayHaveDictionaryLemma?.Invoke(word) == false ? [key]
            : syntax.Lemmatizer.LemmasUnderEach(word, syntax.Tagger.FixedTag(word) is { } only ? [syntax.Tagger.Xpos(only)] : _tags)
                .Select(ActorDictionary.Key).Prepend(key).Distinct().ToArray();
        return (readings, readings.Any(actors.MayBegin));
    }
}
