using System.Collections.Concurrent;
using Dyad.Actors;

namespace Dyad.Events;

/// <summary>
/// Event patterns by trigger lemma: Dyad's own (resources/dictionaries/events.txt) and those read from PETRARCH
/// verb dictionaries. The most specific pattern whose conditions a trigger meets is the one that fires.
/// </summary>
internal sealed class EventDictionary
{
    private readonly Dictionary<string, List<EventPattern>> _byTrigger = new(StringComparer.Ordinal);

    // Particle triggers ("carry_out") by their verb ("carry"), which a word's stem is looked up by with its particle.
    private readonly Dictionary<string, List<(string Particle, EventPattern Pattern)>> _byParticleVerb = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Whether loading is over: a frozen dictionary is shared by every coding thread and takes no more patterns.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Ends loading. Coding reads the dictionary from many threads at once, so nothing may change it after this.</summary>
    public void Freeze() => IsFrozen = true;

    internal void Add(EventPattern pattern)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException("the event dictionary is frozen: patterns are added only while it is loaded");
        }

        if (!_byTrigger.TryGetValue(pattern.Trigger, out var list))
        {
            _byTrigger[pattern.Trigger] = list = [];
        }

        list.Add(pattern);
        if (pattern.Trigger.IndexOf('_', StringComparison.Ordinal) is var underscore and > 0)
        {
            var verb = pattern.Trigger[..underscore];
            if (!_byParticleVerb.TryGetValue(verb, out var withParticle))
            {
                _byParticleVerb[verb] = withParticle = [];
            }

            withParticle.Add((pattern.Trigger[(underscore + 1)..], pattern));
        }

        Count++;
    }

    /// <summary>Every pattern, in no particular order: what the dictionary can code, for checks over all of it.</summary>
    public IEnumerable<EventPattern> Patterns => _byTrigger.Values.SelectMany(list => list);

    public IReadOnlyList<EventPattern> For(string trigger) =>
        _byTrigger.TryGetValue(trigger, out var list) ? list : [];

    public bool Knows(string trigger) => _byTrigger.ContainsKey(trigger);

    // The roots each trigger may mean, worked out once per trigger of a frozen dictionary. The pair and trigger
    // models ask this of most words between two actors, and a common verb ("say", "meet") has hundreds of patterns
    // in the compiled knowledge: filtering them on every ask was 5 % of coding political copy (perf, `bench dense`).
    private readonly ConcurrentDictionary<string, string[]> _rootsMeant = new(StringComparer.Ordinal);

    /// <summary>The CAMEO roots of the patterns a trigger starts that do not suppress coding, each once, in the order the patterns were added.</summary>
    public IReadOnlyList<string> RootsMeant(string trigger)
    {
        if (!_byTrigger.ContainsKey(trigger))
        {
            // Nothing kept for other words, so the cache stays as small as the dictionary however long a run is.
            return [];
        }

        if (!IsFrozen)
        {
            return WorkOutRootsMeant(trigger);
        }

        return _rootsMeant.TryGetValue(trigger, out var roots) ? roots : _rootsMeant.GetOrAdd(trigger, WorkOutRootsMeant(trigger));
    }

    private string[] WorkOutRootsMeant(string trigger) => [.. For(trigger).Where(p => !p.Suppresses).Select(p => p.Code.Root).Distinct()];

    /// <summary>
    /// The words a pattern's conditions name (objects' lemmas, prepositions and their objects' lemmas, particles):
    /// whether a pattern's conditions may hold in a sentence turns on these words alone.
    /// </summary>
    public IReadOnlySet<string> ConditionWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in _byTrigger.Values.SelectMany(list => list))
        {
            words.UnionWith(pattern.WordsNeeded().SelectMany(choice => choice));
        }

        words.UnionWith(_byParticleVerb.Values.SelectMany(list => list).Select(p => p.Particle));
        return words;
    }

    /// <summary>The words patterns are looked up by: triggers, and the verbs of particle triggers.</summary>
    public IReadOnlySet<string> TriggerWords() => _byTrigger.Keys.Concat(_byParticleVerb.Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>The patterns looked up by a word with a particle ("carry" for "carry_out"), with the particle each needs.</summary>
    public IReadOnlyList<(string Particle, EventPattern Pattern)> WithParticle(string verb) =>
        _byParticleVerb.TryGetValue(verb, out var list) ? list : [];

    /// <summary>
    /// Reads Dyad's format, one pattern per line: PATTERN&lt;TAB&gt;CODE[&lt;TAB&gt;FLAGS][&lt;TAB&gt;# note].
    /// PATTERN is a trigger lemma ("meet", "carry_out", "noun:summit", or "noun:air|drone+strike" for a noun with one of
    /// those words before it) followed by conditions:
    /// "obj:talk|meeting" (the object's lemma; "obj:nuclear+test" also needs the modifier; "obj:*" any object),
    /// "prep:with" (an argument with that preposition; "prep:on:sanction" constrains its noun), "that:should|must" (a
    /// clause the verb governs whose verb has one of these modals).
    /// CODE is a CAMEO code; "~CODE" swaps source and target. FLAGS: "unary" (no target needed).
    /// </summary>
    public void ReadDyadFormat(TextReader reader, string fileName)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t', StringSplitOptions.TrimEntries);
            if (fields.Length < 2)
            {
                throw new DictionaryFormatException(fileName, lineNumber, "expected PATTERN<TAB>CODE");
            }

            var words = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var trigger = words[0].ToLowerInvariant();
            var nominal = trigger.StartsWith("noun:", StringComparison.Ordinal);
            HashSet<string>? triggerModifiers = null;
            if (nominal)
            {
                trigger = trigger[5..];
                if (trigger.Split('+') is [var modifiers, var noun])
                {
                    // "noun:air|drone+strike": the noun with one of these words before it.
                    (triggerModifiers, trigger) = (modifiers.Split('|').ToHashSet(StringComparer.Ordinal), noun);
                }
            }

            WordConstraint? obj = null;
            string? preposition = null;
            WordConstraint? prepositionObject = null;
            HashSet<string>? clauseModals = null;
            foreach (var condition in words.Skip(1))
            {
                if (condition.StartsWith("obj:", StringComparison.Ordinal))
                {
                    obj = ParseWord(condition[4..]);
                }
                else if (condition.StartsWith("prep:", StringComparison.Ordinal))
                {
                    var parts = condition[5..].Split(':', 2);
                    preposition = parts[0].ToLowerInvariant();
                    prepositionObject = parts.Length > 1 ? ParseWord(parts[1]) : null;
                }
                else if (condition.StartsWith("that:", StringComparison.Ordinal) && condition.Length > 5)
                {
                    clauseModals = condition[5..].ToLowerInvariant().Split('|').ToHashSet(StringComparer.Ordinal);
                }
                else
                {
                    throw new DictionaryFormatException(fileName, lineNumber, $"unknown condition '{condition}' (expected obj:..., prep:... or that:...)");
                }
            }

            var codeText = fields[1];
            var reversed = codeText.StartsWith('~');
            if (!CameoCode.TryParse(reversed ? codeText[1..] : codeText, out var code))
            {
                throw new DictionaryFormatException(fileName, lineNumber, $"'{codeText}' is not a CAMEO code");
            }

            var flags = fields.Length > 2 && !fields[2].StartsWith('#') ? fields[2] : string.Empty;
            if (flags.Length > 0 && flags != "unary")
            {
                throw new DictionaryFormatException(fileName, lineNumber, $"unknown flag '{flags}' (expected unary)");
            }

            Add(new EventPattern(trigger, nominal, obj, preposition, prepositionObject, code, reversed, flags == "unary", $"{fileName}:{lineNumber} {fields[0]} -> {codeText}") { TriggerModifiers = triggerModifiers, ClauseModals = clauseModals });
        }
    }

    private static WordConstraint ParseWord(string text)
    {
        var parts = text.ToLowerInvariant().Split('+');
        var lemma = parts[^1];
        var lemmas = lemma == "*" ? new HashSet<string>(StringComparer.Ordinal) : lemma.Split('|').ToHashSet(StringComparer.Ordinal);
        var modifiers = parts.Length > 1 ? parts[0].Split('|').ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        return new WordConstraint(lemmas, modifiers);
    }

    public static EventDictionary LoadBuiltIn()
    {
        var dictionary = new EventDictionary();
        using var reader = new StringReader(ResourceFiles.ReadText("dictionaries/events.txt"));
        dictionary.ReadDyadFormat(reader, "events.txt");
        return dictionary;
    }
}
