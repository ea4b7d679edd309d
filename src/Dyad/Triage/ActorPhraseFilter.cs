using Dyad.Actors;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Triage;

/// <summary>
/// Whether a sentence may have an actor phrase, from its words as written: each word is read as its own form and
/// as every lemma a tag could give it. Most sentences have none, and are then neither tagged nor parsed. Of the
/// rest, many find the same phrases whatever their tags; those are matched untagged.
/// </summary>
internal sealed class ActorPhraseFilter
{
    private const int MaxRemembered = 1_000_000;
    private readonly ActorDictionary _actors;
    private readonly LemmasUnderAnyTag _lemmas;

    // Each word's readings, whether a phrase may begin with one of them, and the lemma key that finds what its
    // real one would (null when that depends on its tag), remembered: lemmatising a word under every tag costs
    // more than tagging it once.
    private readonly BoundedMemo<string, WordReadings> _words = new(MaxRemembered, StringComparer.Ordinal);

    // Without stems in the dictionary, its words are a finite set, and a cheap test tells the words that cannot
    // be lemmatised into one of them.
    private readonly IReadOnlySet<string>? _lookupWords;
    private readonly Func<string, bool>? _mayHaveDictionaryLemma;

    // The words a lemma must equal to find a phrase, stems or not: any other lemma finds what the word's form finds.
    private readonly IReadOnlySet<string> _wholeWords;

    public ActorPhraseFilter(ActorDictionary actors, SyntaxPipeline syntax, LemmasUnderAnyTag? lemmas = null)
    {
        _actors = actors;
        _lemmas = lemmas ?? new LemmasUnderAnyTag(syntax);
        _lookupWords = actors.LookupWords() is { } words && !words.Any(w => w.Contains('_', StringComparison.Ordinal)) ? words : null;
        _mayHaveDictionaryLemma = _lookupWords is null ? null : syntax.Lemmatizer.MayHaveLemmaAmong(_lookupWords);
        _wholeWords = actors.WholeWords();
    }

    /// <summary>
    /// Whether a sentence may have an actor phrase, whatever its tags; if so, and its phrases are the same whatever
    /// its tags, <paramref name="untaggedLemmaKeys"/> are lemma keys with which <see cref="ActorDictionary.FindAll"/>
    /// finds exactly the phrases it finds with the lemmas its tags give (else null). A word stands for its lemma when
    /// every tag gives it the same one, and for its own form when none of its lemmas is a dictionary word other than
    /// its form (the dictionary then matches it by its form alone, as it does a word whose lemma is its form). A word
    /// that may have such a lemma ("banks" is "bank" as a plural noun, "banks" as a proper noun) stands for its form
    /// too when no phrase in the sentence could be read through that lemma.
    /// </summary>
    public bool MayHaveActorPhrase(Sentence sentence, out string[]? untaggedLemmaKeys)
    {
        untaggedLemmaKeys = null;
        var tokens = sentence.Tokens;
        var words = new WordReadings[tokens.Count];
        var any = false;
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ReadingsOf(tokens[i].Text);
            any |= words[i].MayBegin;
        }

        if (!any || !_actors.MayFindAny(words.Select(w => w.Readings).ToArray()))
        {
            return false;
        }

        untaggedLemmaKeys = UntaggedLemmaKeys(words);
        return true;
    }

    private string[]? UntaggedLemmaKeys(WordReadings[] words)
    {
        var keys = new string[words.Length];
        var anyRisky = false;
        for (var i = 0; i < words.Length; i++)
        {
            keys[i] = words[i].Untagged ?? words[i].Readings[0];
            anyRisky |= words[i].Untagged is null;
        }

        if (!anyRisky)
        {
            return keys;
        }

        // Readings[0] is the word's form.
        var sure = new string[words.Length][];
        var risky = new string[words.Length][];
        for (var i = 0; i < words.Length; i++)
        {
            sure[i] = keys[i] == words[i].Readings[0] ? [keys[i]] : [words[i].Readings[0], keys[i]];
            risky[i] = words[i].Risky;
        }

        return _actors.MayFindThrough(sure, risky) ? null : keys;
    }

    /// <summary>
    /// Whether no word of an untagged sentence can have this lemma key, whatever its tag; false when that cannot be
    /// told without tags (the key is no dictionary word, and words that cannot have one are read by their form only).
    /// </summary>
    public bool NoWordHasLemmaKey(Sentence sentence, string lemmaKey)
    {
        // A word is read by all its lemmas unless none of them can be a dictionary word.
        if (_lookupWords?.Contains(lemmaKey) == false)
        {
            return false;
        }

        foreach (var token in sentence.Tokens)
        {
            if (Array.IndexOf(ReadingsOf(token.Text).Readings, lemmaKey) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private WordReadings ReadingsOf(string word) => _words.GetOrAdd(word, ReadingsWorkedOut);

    private WordReadings ReadingsWorkedOut(string word)
    {
        // A word none of whose lemmas can be a dictionary word is read only as written; else, a frequent word
        // the tagger always tags one way has that tag's lemma only.
        var key = ActorDictionary.Key(word);
        if (_mayHaveDictionaryLemma?.Invoke(word) == false)
        {
            return new WordReadings([key], _actors.MayBegin(key), key, []);
        }

        var lemmas = _lemmas.KeysOf(word);
        string[] readings = [.. lemmas.Prepend(key).Distinct()];
        // A lemma key that is the word's own key, or no dictionary word, finds what the key alone finds: the
        // word stands for its key when every lemma it may have is such, and for a lemma when it may have only
        // that one. Otherwise its dictionary lemmas are the risky readings a sentence's phrases must not need.
        var untagged = lemmas.Length == 1 ? lemmas[0]
            : lemmas.All(l => l == key || !_wholeWords.Contains(l)) ? key
            : null;
        string[] risky = untagged is null ? [.. lemmas.Where(l => l != key && _wholeWords.Contains(l))] : [];
        return new WordReadings(readings, readings.Any(_actors.MayBegin), untagged, risky);
    }

    private sealed record WordReadings(string[] Readings, bool MayBegin, string? Untagged, string[] Risky);
}
