using Dyad.Actors;
using Dyad.Events;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Triage;

/// <summary>
/// Whether a pattern may fire in a sentence not yet tagged, whatever its tags turn out to be: each word is read as
/// its form and as every lemma a tag could give it. A sentence where none can is neither tagged nor parsed, even
/// when it names an actor ("Brazil's coffee output is 30 mln bags").
/// </summary>
internal sealed class UntaggedPatternFilter
{
    private const int MaxRemembered = 1_000_000;
    private readonly EventCoder _events;
    private readonly LemmasUnderAnyTag _lemmas;
    private readonly IReadOnlySet<string> _conditionWords;
    private readonly Func<string, bool> _mayLemmatiseToTrigger;
    private readonly Func<string, bool> _mayLemmatiseToConditionWord;

    // Per word: the patterns it may be looked up by, and what it may be read as that a pattern's condition names.
    private readonly BoundedMemo<string, PatternWord> _words = new(MaxRemembered, StringComparer.Ordinal);

    public UntaggedPatternFilter(EventCoder events, EventDictionary dictionary, SyntaxPipeline syntax, LemmasUnderAnyTag? lemmas = null)
    {
        _events = events;
        _lemmas = lemmas ?? new LemmasUnderAnyTag(syntax);
        _conditionWords = dictionary.ConditionWords();
        _mayLemmatiseToTrigger = syntax.Lemmatizer.MayHaveLemmaAmong(dictionary.TriggerWords());
        _mayLemmatiseToConditionWord = syntax.Lemmatizer.MayHaveLemmaAmong(_conditionWords);
    }

    /// <summary>Whether some pattern may fire among these words (as written), under some tagging of them.</summary>
    public bool MayCode(IReadOnlyList<Token> tokens)
    {
        var words = new PatternWord[tokens.Count];
        var any = false;
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = PatternWordOf(tokens[i].Text);
            any |= words[i].Candidates.Length > 0;
        }

        if (!any)
        {
            return false;
        }

        var readings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            readings.UnionWith(word.ConditionReadings);
        }

        // The tokenizer splits "cease-fire" into three tokens; a condition may name the word whole.
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text == "-" && EventCoder.HyphenJoined(ActorDictionary.Key(tokens[i - 1].Text), ActorDictionary.Key(tokens[i + 1].Text)) is var joined && _conditionWords.Contains(joined))
            {
                readings.Add(joined);
            }
        }

        foreach (var word in words)
        {
            if (word.Candidates.Length > 0 && EventCoder.MayCodeUnderAnyTags(word.Candidates, readings))
            {
                return true;
            }
        }

        return false;
    }

    private PatternWord PatternWordOf(string text) => _words.GetOrAdd(text, WorkedOut);

    private PatternWord WorkedOut(string text)
    {
        var key = ActorDictionary.Key(text);
        var trigger = _events.LooksUpAsWritten(key) || _mayLemmatiseToTrigger(text);
        var condition = _mayLemmatiseToConditionWord(text);
        var lemmas = trigger || condition ? _lemmas.KeysOf(text) : [];

        // As the tagged test reads a sentence's words: lemma, form, and the form without a plural "s".
        var readings = new List<string> { key };
        if (key.EndsWith('s'))
        {
            readings.Add(key[..^1]);
        }

        if (condition)
        {
            readings.AddRange(lemmas);
        }

        return new PatternWord(
            trigger ? _events.CandidatesUnderAnyLemma(key, lemmas) : [],
            [.. readings.Where(_conditionWords.Contains).Distinct()]);
    }

    private sealed record PatternWord((string? Particle, EventPattern Pattern)[] Candidates, string[] ConditionReadings);
}
