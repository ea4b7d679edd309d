namespace Dyad.Events;

/// <summary>
/// PLOVER's mode and context where the event's sentence says more than its CAMEO code (resources/lexicon/plover-words.txt):
/// the topics its words name are added to the conversion table's context, and a type the table gives no mode takes
/// the first mode of that type whose words the sentence has. The type is never changed: it stays the table's, so a
/// filter on a type still goes through the CAMEO codes that give it.
/// </summary>
internal sealed class PloverRefinement
{
    private readonly IReadOnlyList<(string Name, WordSet Words)> _contexts;
    private readonly IReadOnlyList<(string Type, string Name, WordSet Words)> _modes;

    private PloverRefinement(IReadOnlyList<(string, WordSet)> contexts, IReadOnlyList<(string, string, WordSet)> modes)
    {
        _contexts = contexts;
        _modes = modes;
    }

    public static PloverRefinement Default { get; } = Load();

    /// <summary>
    /// An event's PLOVER coding: the conversion table's for its CAMEO code, refined by its sentence. The one place a
    /// record's <c>plover</c> is made, for a coded event and for a stored record written before records carried it.
    /// </summary>
    public static PloverCoding? Of(string cameo, string sentence) => Default.Refine(PloverTable.Default.For(cameo), sentence);

    /// <summary>The table's coding with the sentence's mode and topics added; null stays null (no PLOVER event).</summary>
    public PloverCoding? Refine(PloverCoding? coding, string sentence)
    {
        if (coding is null)
        {
            return null;
        }

        var words = Words(sentence);
        var mode = coding.Mode ?? _modes.FirstOrDefault(m => m.Type == coding.Type && m.Words.AnyIn(words)).Name;
        var contexts = new List<string>();
        void Add(string context)
        {
            if (!contexts.Contains(context, StringComparer.Ordinal))
            {
                contexts.Add(context);
            }
        }

        foreach (var context in (coding.Context ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Add(context);
        }

        // The manual ties the modes "cyber" and "misinformation" to the contexts of the same name.
        if (mode is not null && _contexts.Any(c => c.Name == mode))
        {
            Add(mode);
        }

        foreach (var (name, set) in _contexts)
        {
            if (set.AnyIn(words))
            {
                Add(name);
            }
        }

        return coding with { Mode = mode, Context = contexts.Count == 0 ? null : string.Join("; ", contexts) };
    }

    /// <summary>The sentence as lower-case runs of letters and digits.</summary>
    private static string[] Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return [.. words];
    }

    private static PloverRefinement Load()
    {
        var contexts = new List<(string, WordSet)>();
        var modes = new List<(string, string, WordSet)>();
        foreach (var f in ResourceFiles.ReadRows("lexicon/plover-words.txt"))
        {
            switch (f)
            {
                case ["context", var name, var words]:
                    contexts.Add((name, WordSet.Parse(words)));
                    break;
                case ["mode", var type, var name, var words]:
                    modes.Add((type, name, WordSet.Parse(words)));
                    break;
                default:
                    throw new InvalidDataException($"plover-words.txt: not a context or mode line: {string.Join('\t', f)}");
            }
        }

        return new PloverRefinement(contexts, modes);
    }

    /// <summary>Words, prefixes ("econom*") and phrases ("human_rights") of one line.</summary>
    private sealed class WordSet
    {
        private readonly HashSet<string> _words = new(StringComparer.Ordinal);
        private readonly List<string> _prefixes = [];
        private readonly List<string[]> _phrases = [];

        public static WordSet Parse(string text)
        {
            var set = new WordSet();
            foreach (var item in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (item.Contains('_', StringComparison.Ordinal))
                {
                    set._phrases.Add(item.Split('_'));
                }
                else if (item.EndsWith('*'))
                {
                    set._prefixes.Add(item[..^1]);
                }
                else
                {
                    set._words.Add(item);
                }
            }

            return set;
        }

        public bool AnyIn(string[] words)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (Matches(words[i], i == words.Length - 1 ? null : words, i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Matches(string word, string[]? words, int at)
        {
            if (_words.Contains(word) || _prefixes.Exists(p => word.StartsWith(p, StringComparison.Ordinal)))
            {
                return true;
            }

            return words is not null && _phrases.Exists(phrase => PhraseAt(phrase, words, at));
        }

        /// <summary>The phrase's words from <paramref name="at"/>; its last word may be a prefix ("air_strike*").</summary>
        private static bool PhraseAt(string[] phrase, string[] words, int at)
        {
            if (at + phrase.Length > words.Length)
            {
                return false;
            }

            for (var k = 0; k < phrase.Length; k++)
            {
                var part = phrase[k];
                var ok = part.EndsWith('*') ? words[at + k].StartsWith(part[..^1], StringComparison.Ordinal) : words[at + k] == part;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
