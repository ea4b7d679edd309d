using System.Globalization;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Actors;

/// <summary>
/// One dictionary line: a phrase (as lower-case words), its code, and the dates it holds for. A code starting
/// with "~" is an agent (a role added to a country: "~GOV"); ending with "~", a prefix ("NGO~").
/// </summary>
internal sealed record ActorEntry(IReadOnlyList<string> Phrase, string Code, DateOnly? From, DateOnly? To, string Source)
{
    /// <summary>The last word matches as a stem: TABARI's "ARGENTIN" finds "Argentina" and "Argentine".</summary>
    public bool StemLast { get; init; }

    /// <summary>
    /// The phrase's words as written, when the phrase matches only so written ("US", not the pronoun "us");
    /// null when case does not matter.
    /// </summary>
    public IReadOnlyList<string>? WrittenAs { get; init; }

    /// <summary>Other words may stand between the phrase's words (PETRARCH's space, as against "_": "ITHILEN TELEVISION" finds "Ithilen state-run television").</summary>
    public bool Gapped { get; init; }

    /// <summary>Matches only the forms listed, not other inflections of them (PETRARCH's "POLICE {}": no plural).</summary>
    public bool FormsOnly { get; init; }

    /// <summary>A person's entry used outside the dates the dictionary gives (as an elite of the country): a guess.</summary>
    public bool OutsideItsDates { get; init; }

    public bool IsAgent => Code.StartsWith('~') || Code.EndsWith('~');

    public bool IsDated => From is not null || To is not null;

    public bool HoldsOn(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>A phrase of the sentence that the dictionary knows: tokens [Start, End) and every entry for it.</summary>
internal sealed record ActorMatch(int Start, int End, IReadOnlyList<ActorEntry> Entries)
{
    public bool IsAgent => Entries.All(e => e.IsAgent);

    /// <summary>The entry that holds on the date: a dated one covering it, else an undated one, else none.</summary>
    public ActorEntry? On(DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var entry in Entries)
            {
                if (entry.IsDated && entry.HoldsOn(d))
                {
                    return entry;
                }
            }
        }

        foreach (var entry in Entries)
        {
            if (!entry.IsDated)
            {
                return entry;
            }
        }

        // A person known only with dates, outside them: still of that country, as an elite.
        var any = Entries.Count > 0 ? Entries[0] : null;
        return any is { Code.Length: >= 3 } && !any.IsAgent ? any with { Code = any.Code[..3] + "ELI", From = null, To = null, OutsideItsDates = true } : null;
    }
}

/// <summary>
/// Actor phrases in a word trie: countries, organisations, people and role nouns, from Dyad's own dictionaries
/// (resources/dictionaries) and from PETRARCH/TABARI actor and agent files. Lookup is by whole words, ignoring
/// case, trying each word's lemma as well so "officials" finds "official".
/// </summary>
internal sealed class ActorDictionary
{
    private const int MaxGap = 3;
    private readonly Node _root = new();
    private readonly Dictionary<string, List<ActorEntry>> _gapped = new(StringComparer.Ordinal);
    private readonly List<ActorEntry> _entries = [];

    public int Count { get; private set; }

    /// <summary>Whether loading is over: a frozen dictionary is shared by every coding thread and takes no more entries.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Ends loading. Coding reads the dictionary from many threads at once, so nothing may change it after this.</summary>
    public void Freeze() => IsFrozen = true;

    internal void Add(ActorEntry entry)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException("the actor dictionary is frozen: entries are added only while it is loaded");
        }

        if (entry.Phrase.Count == 0)
        {
            return;
        }

        if (entry.Gapped && entry.Phrase.Count > 1)
        {
            _gappedWords = null;
            if (!_gapped.TryGetValue(entry.Phrase[0], out var list))
            {
                _gapped[entry.Phrase[0]] = list = [];
            }

            list.Add(entry);
        }

        var node = _root;
        var words = entry.StemLast ? entry.Phrase.Take(entry.Phrase.Count - 1) : entry.Phrase;
        foreach (var word in words)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(word, out var next))
            {
                next = new Node();
                node.Children[word] = next;
            }

            node = next;
        }

        if (entry.StemLast)
        {
            node.Stems ??= new StemTable();
            node.Stems.Add(entry.Phrase[^1], entry);
        }
        else
        {
            node.Entries ??= [];
            node.Entries.Add(entry);
        }

        _entries.Add(entry);
        Count++;
    }

    /// <summary>Every entry, in the order it was added (for compiling dictionaries into Dyad's format).</summary>
    internal IReadOnlyList<ActorEntry> Entries => _entries;

    /// <summary>The normalised form a word is looked up by: lower case, straight apostrophes.</summary>
    public static string Key(string word) => WordKey.Of(word);

    /// <summary>Longest matches, left to right, not overlapping.</summary>
    public IReadOnlyList<ActorMatch> FindAll(IReadOnlyList<string> keys, IReadOnlyList<string> lemmaKeys)
    {
        var matches = new List<ActorMatch>();
        var i = 0;
        while (i < keys.Count)
        {
            var (end, entries) = Longest(keys, lemmaKeys, i);
            if (_gapped.Count > 0 && LongestGapped(keys, lemmaKeys, i) is { } gapped && gapped.End > end)
            {
                (end, entries) = gapped;
            }

            if (entries is not null)
            {
                matches.Add(new ActorMatch(i, end, entries));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> whose words may have others between them.</summary>
    private (int End, List<ActorEntry> Entries)? LongestGapped(IReadOnlyList<string> keys, IReadOnlyList<string> lemmaKeys, int start)
    {
        (int End, List<ActorEntry> Entries)? best = null;
        // The word's key, then its lemma key when that differs: FindAll asks at every word, and building a set of
        // the two for each was most of this method's cost (perf, `bench dense`).
        for (var reading = 0; reading < 2; reading++)
        {
            var first = reading == 0 ? keys[start] : lemmaKeys[start];
            if ((reading == 1 && first == keys[start]) || !_gapped.TryGetValue(first, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var at = start;
                var matched = true;
                for (var k = 1; k < entry.Phrase.Count && matched; k++)
                {
                    matched = false;
                    var last = k == entry.Phrase.Count - 1;
                    for (var next = at + 1; next < keys.Count && next <= at + 1 + MaxGap; next++)
                    {
                        var word = entry.Phrase[k];
                        if (keys[next] == word || lemmaKeys[next] == word || (last && entry.StemLast && StemMatches(word, keys[next])))
                        {
                            at = next;
                            matched = true;
                            break;
                        }
                    }
                }

                if (matched && (best is null || at + 1 > best.Value.End))
                {
                    best = (at + 1, [entry]);
                }
            }
        }

        return best;
    }

    private (int End, List<ActorEntry>? Entries) Longest(IReadOnlyList<string> keys, IReadOnlyList<string> lemmaKeys, int start)
    {
        var bestEnd = -1;
        List<ActorEntry>? best = null;
        Walk(_root, start, byLemmaSoFar: false);
        return (bestEnd, best);

        void Walk(Node node, int position, bool byLemmaSoFar)
        {
            if (node.Entries is not null && position > start && position > bestEnd)
            {
                var entries = byLemmaSoFar && node.Entries.Any(e => e.FormsOnly) ? node.Entries.Where(e => !e.FormsOnly).ToList() : node.Entries;
                if (entries.Count > 0)
                {
                    bestEnd = position;
                    best = entries;
                }
            }

            if (position >= keys.Count)
            {
                return;
            }

            Follow(node, keys[position], position, byLemmaSoFar);
            if (lemmaKeys[position] != keys[position] && node.Children?.GetValueOrDefault(lemmaKeys[position]) is { } byLemma)
            {
                Walk(byLemma, position + 1, byLemmaSoFar: true);
            }

            // "Dol_Amroth" written as one token still spells the phrase "DOL AMROTH".
            if (keys[position].Contains('_', StringComparison.Ordinal))
            {
                var parts = keys[position].Split('_', StringSplitOptions.RemoveEmptyEntries);
                Node? joined = node;
                for (var p = 0; p < parts.Length - 1; p++)
                {
                    joined = joined?.Children?.GetValueOrDefault(parts[p]);
                }

                if (joined is not null && parts.Length > 1)
                {
                    Follow(joined, parts[^1], position, byLemmaSoFar);
                }
            }
        }

        // The word at <position> as the next of a phrase: a stem ending one, or the way on to longer ones.
        void Follow(Node node, string word, int position, bool byLemmaSoFar)
        {
            if (position + 1 > bestEnd && node.Stems?.FirstMatch(word) is { } entries)
            {
                bestEnd = position + 1;
                best = entries;
            }

            if (node.Children?.GetValueOrDefault(word) is { } next)
            {
                Walk(next, position + 1, byLemmaSoFar);
            }
        }
    }

    /// <summary>
    /// Whether <see cref="FindAll"/> may find a phrase in a sentence whose words may each be read as any of the
    /// given keys (its form, and every lemma its tags could give it). False means it finds none, whatever the tags.
    /// </summary>
    public bool MayFindAny(IReadOnlyList<string[]> readings)
    {
        for (var i = 0; i < readings.Count; i++)
        {
            foreach (var word in readings[i])
            {
                if (_gapped.ContainsKey(word) || word.Contains('_', StringComparison.Ordinal) || MayContinue(_root, word, readings, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The words a phrase is looked up by (every word of every phrase), or null when some phrase ends in a stem,
    /// which any number of words may match.
    /// </summary>
    public IReadOnlySet<string>? LookupWords()
    {
        var (words, stems) = PhraseWords();
        return stems ? null : words;
    }

    /// <summary>
    /// The words a lemma is compared with, whole, in <see cref="FindAll"/>: every word of every phrase but a last
    /// one that is a stem (stems are matched against words as written only).
    /// </summary>
    public IReadOnlySet<string> WholeWords() => PhraseWords().Words;

    /// <summary>The words of the trie (gapped phrases are in it too, but for a last word that is a stem), and whether it has stems.</summary>
    private (HashSet<string> Words, bool Stems) PhraseWords()
    {
        var words = new HashSet<string>(GappedWords, StringComparer.Ordinal);
        var stems = false;
        var pending = new Stack<Node>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            stems |= node.Stems is { Count: > 0 };
            foreach (var (word, next) in node.Children ?? [])
            {
                words.Add(word);
                pending.Push(next);
            }
        }

        return (words, stems);
    }

    /// <summary>Whether a phrase may begin with this word (as <see cref="MayFindAny"/> reads the first word of one).</summary>
    public bool MayBegin(string word) =>
        _gapped.ContainsKey(word) || word.Contains('_', StringComparison.Ordinal) || _root.Children?.ContainsKey(word) == true
        || _root.Stems?.FirstMatch(word) is not null;

    /// <summary>
    /// Whether <see cref="FindAll"/> may find a phrase that needs one of the risky readings: a sentence whose words
    /// are each read as one of <paramref name="sure"/> and perhaps as one of <paramref name="risky"/> (a lemma some
    /// tag could give). False means the risky readings change nothing it finds. Phrases whose words may have
    /// others between them, stems and joined words are not followed: a risky reading among them counts as needed.
    /// </summary>
    public bool MayFindThrough(IReadOnlyList<string[]> sure, IReadOnlyList<string[]> risky)
    {
        foreach (var readings in risky)
        {
            if (readings.Any(w => GappedWords.Contains(w) || w.Contains('_', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        for (var start = 0; start < sure.Count; start++)
        {
            if (Through(_root, start, false))
            {
                return true;
            }
        }

        return false;

        bool Through(Node node, int position, bool needsRisky)
        {
            if (needsRisky && node.Entries is not null)
            {
                return true;
            }

            if (position >= sure.Count)
            {
                return false;
            }

            return Step(sure[position], needsRisky) || Step(risky[position], true);

            bool Step(string[] words, bool risk)
            {
                foreach (var word in words)
                {
                    if (risk && node.Stems?.FirstMatch(word) is not null)
                    {
                        return true;
                    }

                    if (node.Children?.GetValueOrDefault(word) is { } next && Through(next, position + 1, risk))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    // Every word of the phrases whose words may have others between them; worked out again after an Add.
    private HashSet<string>? _gappedWords;

    private HashSet<string> GappedWords => _gappedWords ??= _gapped.Values.SelectMany(list => list).SelectMany(e => e.Phrase).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a phrase through <paramref name="node"/> may end at or after the word at <paramref name="position"/>, read as <paramref name="word"/>.</summary>
    private static bool MayContinue(Node node, string word, IReadOnlyList<string[]> readings, int position)
    {
        if (node.Stems?.FirstMatch(word) is not null)
        {
            return true;
        }

        if (node.Children?.GetValueOrDefault(word) is not { } next)
        {
            return false;
        }

        if (next.Entries is not null)
        {
            return true;
        }

        return position + 1 < readings.Count && readings[position + 1].Any(w => MayContinue(next, w, readings, position + 1));
    }

    /// <summary>
    /// Whether a word begins with a stem. A stem of one or two letters ("THE_KU") would swallow any word it begins
    /// ("the Kuwait government"): it matches only itself.
    /// </summary>
    private static bool StemMatches(string stem, string word) =>
        stem.Length >= 3 ? word.StartsWith(stem, StringComparison.Ordinal) : word == stem;

    /// <summary>
    /// Reads Dyad's own format: PHRASE&lt;TAB&gt;CODE[&lt;TAB&gt;FROM..TO][&lt;TAB&gt;FLAGS][&lt;TAB&gt;# note]; "#" starts a
    /// comment line. FLAGS is a comma-separated list of <see cref="StemFlag"/>, <see cref="GappedFlag"/>,
    /// <see cref="FormsOnlyFlag"/>, <see cref="CasedFlag"/>.
    /// A malformed line is an error naming the file and line.
    /// </summary>
    public void ReadDyadFormat(TextReader reader, string fileName) => ReadDyadFormat(reader, fileName, keep: null);

    /// <summary>The same, adding only the entries <paramref name="keep"/> accepts.</summary>
    internal void ReadDyadFormat(TextReader reader, string fileName, Func<ActorEntry, bool>? keep)
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

            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Trim().Length == 0)
            {
                throw new DictionaryFormatException(fileName, lineNumber, "expected PHRASE<TAB>CODE");
            }

            var code = fields[1].Trim();
            if (!IsCode(code))
            {
                throw new DictionaryFormatException(fileName, lineNumber, $"'{code}' is not an actor code");
            }

            DateOnly? from = null;
            DateOnly? to = null;
            var flags = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields.Skip(2).Select(f => f.Trim()).TakeWhile(f => !f.StartsWith('#')))
            {
                if (field.Contains("..", StringComparison.Ordinal))
                {
                    // Either end may be open: "..1989-01-20" (until), "2001-01-20.." (from).
                    var parts = field.Split("..");
                    DateOnly f = default, t = default;
                    if (parts.Length != 2 || (parts[0].Length == 0 && parts[1].Length == 0)
                        || (parts[0].Length > 0 && !TryDate(parts[0], out f)) || (parts[1].Length > 0 && !TryDate(parts[1], out t)))
                    {
                        throw new DictionaryFormatException(fileName, lineNumber, $"'{field}' is not a date range YYYY-MM-DD..YYYY-MM-DD (one end may be left open)");
                    }

                    (from, to) = (parts[0].Length > 0 ? f : null, parts[1].Length > 0 ? t : null);
                }
                else if (field.Length > 0)
                {
                    foreach (var flag in field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (flag is not (StemFlag or GappedFlag or FormsOnlyFlag or CasedFlag))
                        {
                            throw new DictionaryFormatException(fileName, lineNumber, $"'{flag}' is not a phrase flag ({StemFlag}, {GappedFlag}, {FormsOnlyFlag}, {CasedFlag})");
                        }

                        flags.Add(flag);
                    }
                }
            }

            var entry = new ActorEntry(PhraseKeys(fields[0]), code, from, to, $"{fileName}:{lineNumber}")
            {
                StemLast = flags.Contains(StemFlag),
                Gapped = flags.Contains(GappedFlag),
                FormsOnly = flags.Contains(FormsOnlyFlag),
                WrittenAs = flags.Contains(CasedFlag) ? Tokenizer.Default.Tokenize(fields[0].Replace('_', ' ').Trim()).Select(t => t.Text).ToArray() : null,
            };
            if (keep is null || keep(entry))
            {
                Add(entry);
            }
        }
    }

    /// <summary>Flags of a line in Dyad's format: the last word is a stem; other words may stand between the phrase's
    /// words; only the listed forms match (no inflections found through the lemma); only written so, case and all.</summary>
    public const string StemFlag = "stem", GappedFlag = "gapped", FormsOnlyFlag = "forms-only", CasedFlag = "cased";

    /// <summary>Splits a phrase into lookup keys with the same tokenizer as the text, so both split alike.</summary>
    public static IReadOnlyList<string> PhraseKeys(string phrase) =>
        Tokenizer.Default.Tokenize(phrase.Replace('_', ' ').Trim()).Select(t => Key(t.Text)).ToArray();

    internal static bool IsCode(string code)
    {
        var core = code.Trim('~');
        return core.Length is >= 3 and <= 30 && core.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// The dictionaries built from sourced facts rather than written by hand (leaders.txt): compiled knowledge
    /// added beside their phrases is kept, not displaced (<see cref="Petrarch.PetrarchDictionaries.LoadKnowledge"/>).
    /// </summary>
    internal const string LeadersFile = "leaders.txt";

    /// <summary>
    /// The dictionaries shipped in resources/dictionaries. leaders.txt (built from the facts in
    /// resources/dictionaries/facts) comes after people.txt and holds none of its phrases, so the hand-checked
    /// entries are the ones a phrase of both would find first.
    /// </summary>
    public static ActorDictionary LoadBuiltIn()
    {
        var dictionary = new ActorDictionary();
        foreach (var file in new[] { "countries.txt", "historical.txt", "organizations.txt", "institutions.txt", "armed-groups.txt", "people.txt", LeadersFile, "roles.txt" })
        {
            using var reader = new StringReader(ResourceFiles.ReadText("dictionaries/" + file));
            dictionary.ReadDyadFormat(reader, file);
        }

        return dictionary;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public List<ActorEntry>? Entries { get; set; }

        public StemTable? Stems { get; set; }
    }

    /// <summary>
    /// The phrases of one trie node whose last word is a stem, by stem. They were a list scanned with
    /// <see cref="StemMatches"/> for every word looked up; the root holds thousands of TABARI stems, and that scan
    /// (and the same search on each Add) was the largest cost of actor matching (perf, `bench dense`). A word is
    /// instead looked up by each of its prefixes of three or more letters (and whole, for shorter stems): the same
    /// matches, found by a few hash lookups.
    /// </summary>
    private sealed class StemTable
    {
        // Stem -> its position in the order stems were first added and the entries that end with it.
        private readonly Dictionary<string, (int Order, List<ActorEntry> Entries)> _byStem = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Order, List<ActorEntry> Entries)>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;

        // No stem is longer than this, so no longer prefix need be looked up (a 200,000-letter token would
        // otherwise hash every one of its prefixes).
        private int _longestStem;

        public StemTable() => _byPrefix = _byStem.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count => _byStem.Count;

        public void Add(string stem, ActorEntry entry)
        {
            if (_byStem.TryGetValue(stem, out var existing))
            {
                existing.Entries.Add(entry);
            }
            else
            {
                _byStem[stem] = (_byStem.Count, [entry]);
                _longestStem = Math.Max(_longestStem, stem.Length);
            }
        }

        /// <summary>
        /// The entries of the stem <paramref name="word"/> matches (<see cref="StemMatches"/>) that was added first,
        /// as a scan of the stems in the order they were added would find; null when it matches none.
        /// </summary>
        public List<ActorEntry>? FirstMatch(string word)
        {
            (int Order, List<ActorEntry> Entries)? first = null;
            if (word.Length < 3 && _byStem.TryGetValue(word, out var whole))
            {
                first = whole;
            }

            for (var length = 3; length <= Math.Min(word.Length, _longestStem); length++)
            {
                if (_byPrefix.TryGetValue(word.AsSpan(0, length), out var found) && (first is null || found.Order < first.Value.Order))
                {
                    first = found;
                }
            }

            return first?.Entries;
        }
    }
}

/// <summary>A dictionary line that cannot be read: names the file and line (or only the file or folder, when the
/// fault is not on one line: Line is then 0).</summary>
internal sealed class DictionaryFormatException : FormatException
{
    public DictionaryFormatException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public DictionaryFormatException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
    }

    public string File { get; }

    public int Line { get; }
}
