using System.Text;
using Dyad.Text;

namespace Dyad.Syntax;

/// <summary>
/// Lemmas from suffix rules learned per Penn tag ("VBD" + "-ied" → "-y"), the most frequent rule for the longest
/// suffix seen, plus an exception list of the words the rules get wrong (irregular forms from the treebank and
/// WordNet's exception lists). A frequent word the treebank lemmatises one way whatever its tag has that lemma
/// under every tag.
/// </summary>
internal sealed class Lemmatizer
{
    private const string Magic = "DYADLEM3";
    private const int MaxSuffix = 5;

    private readonly Dictionary<string, LemmaRule> _rules;
    private readonly Dictionary<string, string> _exceptions;
    private readonly HashSet<string> _known;

    // A word seen often enough with one lemma whatever its tag ("in", "it", "was"): that lemma under any tag. Under a
    // tag the treebank never gives it, the suffix rules would make one up ("in" as a past participle: "i"), and a
    // rare annotation (a few "it" tagged NNP for "Italian" in GUM) would be its lemma under that tag.
    private readonly Dictionary<string, string> _invariant;

    private Lemmatizer(Dictionary<string, LemmaRule> rules, Dictionary<string, string> exceptions, HashSet<string> known, Dictionary<string, string> invariant)
    {
        _rules = rules;
        _exceptions = exceptions;
        _known = known;
        _invariant = invariant;
        _byTag = new(IndexByTag);
    }

    public int RuleCount => _rules.Count;

    public int ExceptionCount => _exceptions.Count;

    public int InvariantCount => _invariant.Count;

    // Each word's lemma under each tag, remembered: tagging lemmatises every word it tags, and working a lemma out
    // takes a look-up per suffix length, each with a key built for it.
    private readonly BoundedMemo<(string Form, string Xpos), string> _lemmas = new(1_000_000);

    public string Lemmatize(string form, string xpos) => _lemmas.GetOrAdd((form, xpos), word => WorkedOut(word.Form, word.Xpos));

    private string WorkedOut(string form, string xpos)
    {
        var normalised = WordFeatures.NormaliseQuotes(form);
        if (_invariant.TryGetValue(normalised, out var lemma) || _exceptions.TryGetValue(Key(xpos, normalised), out lemma))
        {
            return lemma;
        }

        var lower = normalised.ToLowerInvariant();
        if (!ReferenceEquals(lower, normalised) && lower != normalised && _exceptions.TryGetValue(Key(xpos, lower), out lemma))
        {
            return lemma;
        }

        return ApplyRules(normalised, lower, xpos);
    }

    /// <summary>
    /// The lemmas <see cref="Lemmatize"/> gives the form under each of <paramref name="tags"/>, distinct, worked out
    /// together: the rules and exceptions are looked up once per suffix rather than once per tag and suffix.
    /// </summary>
    public IReadOnlyCollection<string> LemmasUnderEach(string form, IReadOnlyList<string> tags)
    {
        var index = _byTag.Value;
        var normalised = WordFeatures.NormaliseQuotes(form);
        if (_invariant.TryGetValue(normalised, out var invariant))
        {
            return [invariant];
        }

        var lower = normalised.ToLowerInvariant();
        var exceptions = index.Exceptions.GetValueOrDefault(normalised);
        var lowerExceptions = !ReferenceEquals(lower, normalised) && lower != normalised ? index.Exceptions.GetValueOrDefault(lower) : null;
        var longest = Math.Min(MaxSuffix, lower.Length);
        var bySuffix = new LemmaRule?[]?[longest + 1];
        for (var length = longest; length >= 0; length--)
        {
            bySuffix[length] = index.Rules.GetValueOrDefault(lower[^length..]);
        }

        // Many tags share a rule for a suffix ("strip nothing"): each rule's lemma is made once.
        var made = new Dictionary<(int Length, LemmaRule Rule), (string Lemma, bool Known)>();
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!index.Tags.TryGetValue(tag, out var t))
            {
                lemmas.Add(normalised); // no rule or exception names this tag: the form itself
                continue;
            }

            if ((exceptions?[t] ?? lowerExceptions?[t]) is { } exception)
            {
                lemmas.Add(exception);
                continue;
            }

            string? first = null;
            string? chosen = null;
            for (var length = longest; length >= 0 && chosen is null; length--)
            {
                if (bySuffix[length]?[t] is { } rule && rule.Strip <= normalised.Length)
                {
                    if (!made.TryGetValue((length, rule), out var result))
                    {
                        var source = rule.Lowercase ? lower : normalised;
                        var lemma = string.Concat(source.AsSpan(0, source.Length - rule.Strip), rule.Append);
                        made[(length, rule)] = result = (lemma, _known.Count == 0 || _known.Contains(lemma.ToLowerInvariant()));
                    }

                    if (result.Known)
                    {
                        chosen = result.Lemma;
                    }

                    first ??= result.Lemma;
                }
            }

            lemmas.Add(chosen ?? first ?? normalised);
        }

        return lemmas;
    }

    /// <summary>
    /// A test, much cheaper than lemmatising under every tag, of whether a word may have a lemma (lower case, straight
    /// quotes) among <paramref name="words"/>, or with "_", under some tag. False means it has none; true, that it may. A rule makes a
    /// lemma by cutting letters off the word and adding others, so a lemma among the words can only come from a word
    /// that begins with one of them, cut short by what a rule adds and lengthened by what it cuts.
    /// </summary>
    public Func<string, bool> MayHaveLemmaAmong(IReadOnlySet<string> words)
    {
        static string KeyOf(string text) => WordFeatures.NormaliseQuotes(text).ToLowerInvariant();

        var exceptionForms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in _exceptions)
        {
            if (words.Contains(KeyOf(lemma)) || lemma.Contains('_', StringComparison.Ordinal))
            {
                exceptionForms.Add(SplitKey(key).Text);
            }
        }

        // Rules grouped by what they cut and add, each group with the suffixes it applies to.
        var cuts = new Dictionary<(int Strip, string Append), HashSet<string>>();
        foreach (var (key, rule) in _rules)
        {
            var cut = (rule.Strip, KeyOf(rule.Append));
            if (cut.Item2.Contains('_', StringComparison.Ordinal))
            {
                return _ => true; // a lemma with "_" spells a phrase of its own (see ActorDictionary)
            }

            if (!cuts.TryGetValue(cut, out var suffixes))
            {
                cuts[cut] = suffixes = new HashSet<string>(StringComparer.Ordinal);
            }

            suffixes.Add(SplitKey(key).Text);
        }

        // What a word must begin with (and how much longer it must be) to be cut and added to into one of the words.
        var stems = new Dictionary<(string Stem, int Strip), List<HashSet<string>>>();
        foreach (var word in words)
        {
            foreach (var ((strip, append), suffixes) in cuts)
            {
                if (word.EndsWith(append, StringComparison.Ordinal))
                {
                    var stem = (word[..^append.Length], strip);
                    if (!stems.TryGetValue(stem, out var groups))
                    {
                        stems[stem] = groups = [];
                    }

                    groups.Add(suffixes);
                }
            }
        }

        var strips = cuts.Keys.Select(c => c.Strip).Distinct().Order().ToArray();
        return form =>
        {
            var normalised = WordFeatures.NormaliseQuotes(form);
            if (_invariant.TryGetValue(normalised, out var invariant))
            {
                return words.Contains(KeyOf(invariant)) || invariant.Contains('_', StringComparison.Ordinal);
            }

            var lower = normalised.ToLowerInvariant();
            if (exceptionForms.Contains(normalised) || exceptionForms.Contains(lower))
            {
                return true;
            }

            foreach (var strip in strips)
            {
                if (strip > lower.Length || !stems.TryGetValue((lower[..^strip], strip), out var groups))
                {
                    continue;
                }

                // A rule applies to a word that ends with its suffix.
                foreach (var suffixes in groups)
                {
                    for (var length = Math.Min(MaxSuffix, lower.Length); length >= 0; length--)
                    {
                        if (suffixes.Contains(lower[^length..]))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        };
    }

    // The rules and exceptions by suffix or form, each with one slot per tag: built on first use.
    private readonly Lazy<(Dictionary<string, int> Tags, Dictionary<string, LemmaRule?[]> Rules, Dictionary<string, string?[]> Exceptions)> _byTag;

    private (Dictionary<string, int> Tags, Dictionary<string, LemmaRule?[]> Rules, Dictionary<string, string?[]> Exceptions) IndexByTag()
    {
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _rules.Keys.Concat(_exceptions.Keys))
        {
            tags.TryAdd(SplitKey(key).Xpos, tags.Count);
        }

        return (tags, BySlot(_rules, tags, rule => (LemmaRule?)rule), BySlot(_exceptions, tags, lemma => (string?)lemma));
    }

    /// <summary>Entries keyed "XPOS\ttext" as one row per text, with a slot per tag.</summary>
    private static Dictionary<string, T?[]> BySlot<TEntry, T>(Dictionary<string, TEntry> entries, Dictionary<string, int> tags, Func<TEntry, T?> slot)
    {
        var rows = new Dictionary<string, T?[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            var (xpos, text) = SplitKey(key);
            if (!rows.TryGetValue(text, out var row))
            {
                rows[text] = row = new T?[tags.Count];
            }

            row[tags[xpos]] = slot(entry);
        }

        return rows;
    }

    private static (string Xpos, string Text) SplitKey(string key)
    {
        var tab = key.IndexOf('\t', StringComparison.Ordinal);
        return (key[..tab], key[(tab + 1)..]);
    }

    /// <summary>
    /// The rule of the longest suffix context, unless a shorter context's rule gives a lemma the training data
    /// knows and the longer one's does not ("bombed": "bomb", not "bombe").
    /// </summary>
    private string ApplyRules(string form, string lower, string xpos)
    {
        string? first = null;
        for (var length = Math.Min(MaxSuffix, lower.Length); length >= 0; length--)
        {
            if (_rules.TryGetValue(Key(xpos, lower[^length..]), out var rule) && rule.Strip <= form.Length)
            {
                var source = rule.Lowercase ? lower : form;
                var lemma = string.Concat(source.AsSpan(0, source.Length - rule.Strip), rule.Append);
                if (_known.Count == 0 || _known.Contains(lemma.ToLowerInvariant()))
                {
                    return lemma;
                }

                first ??= lemma;
            }
        }

        return first ?? form;
    }

    private static string Key(string xpos, string text) => string.Concat(xpos, "\t", text);

    internal static Lemmatizer Train(IEnumerable<(string Form, string Xpos, string Lemma)> words, IEnumerable<(string Xpos, string Form, string Lemma)> irregular) =>
        Train(words.Select(w => (w.Form, w.Xpos, w.Lemma, false)), irregular);

    /// <summary>
    /// Learns from treebank words; a <c>Misspelt</c> word (a typo, or a piece of a word split in two) has the intended
    /// word's lemma ("to" for "the"): it may still teach an exception for its form under its tag ("u": "you"), but
    /// not whether its form has one lemma whatever its tag.
    /// </summary>
    internal static Lemmatizer Train(IEnumerable<(string Form, string Xpos, string Lemma, bool Misspelt)> words, IEnumerable<(string Xpos, string Form, string Lemma)> irregular)
    {
        var ruleCounts = new Dictionary<string, Dictionary<LemmaRule, int>>();
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>();
        var lemmasOfForm = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (rawForm, xpos, lemma, misspelt) in words)
        {
            var form = WordFeatures.NormaliseQuotes(rawForm);
            var normalisedLemma = WordFeatures.NormaliseQuotes(lemma);
            if (!misspelt)
            {
                if (!lemmasOfForm.TryGetValue(form, out var anyTag))
                {
                    lemmasOfForm[form] = anyTag = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                anyTag[normalisedLemma] = anyTag.GetValueOrDefault(normalisedLemma) + 1;
            }

            var lower = form.ToLowerInvariant();
            var rule = Derive(form, lower, normalisedLemma);

            // A rule is learned only for suffixes that hold all it cuts: learned for a shorter one, it would cut
            // letters it has never seen ("-ing" cut from any word tagged VBG: "Union" to "Un").
            for (var length = Math.Min(rule.Strip, lower.Length + 1); length <= Math.Min(MaxSuffix, lower.Length); length++)
            {
                var key = Key(xpos, lower[^length..]);
                if (!ruleCounts.TryGetValue(key, out var byRule))
                {
                    ruleCounts[key] = byRule = [];
                }

                byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
            }

            var formKey = Key(xpos, form);
            if (!lemmaCounts.TryGetValue(formKey, out var byLemma))
            {
                lemmaCounts[formKey] = byLemma = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            byLemma[normalisedLemma] = byLemma.GetValueOrDefault(normalisedLemma) + 1;
        }

        // Most frequent rule per context; a context seen once is kept only for the shortest suffixes.
        var rules = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (key, byRule) in ruleCounts)
        {
            var total = byRule.Values.Sum();
            var suffixLength = key.Length - key.IndexOf('\t', StringComparison.Ordinal) - 1;
            if (total < 2 && suffixLength > 1)
            {
                continue;
            }

            rules[key] = byRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Strip).ThenBy(kv => kv.Key.Append, StringComparer.Ordinal).First().Key;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var byLemma in lemmaCounts.Values)
        {
            foreach (var lemma in byLemma.Keys)
            {
                known.Add(lemma.ToLowerInvariant());
            }
        }

        var irregularList = irregular.ToList();
        foreach (var (_, _, lemma) in irregularList)
        {
            known.Add(lemma.ToLowerInvariant());
        }

        var lemmatizer = new Lemmatizer(rules, new Dictionary<string, string>(StringComparer.Ordinal), known, new Dictionary<string, string>(StringComparer.Ordinal));
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (xpos, form, lemma) in irregularList)
        {
            var key = Key(xpos, form);
            if (lemmatizer.ApplyRules(form, form.ToLowerInvariant(), xpos) != lemma)
            {
                exceptions[key] = lemma;
            }
        }

        foreach (var (key, byLemma) in lemmaCounts)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var xpos = key[..tab];
            var form = key[(tab + 1)..];
            var best = byLemma.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            if (lemmatizer.ApplyRules(form, form.ToLowerInvariant(), xpos) != best)
            {
                exceptions[key] = best;
            }
            else
            {
                exceptions.Remove(key);
            }
        }

        // As for the tagger's fixed tags: at least 20 occurrences, 99.5 % with one lemma.
        var invariant = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, byLemma) in lemmasOfForm)
        {
            var total = byLemma.Values.Sum();
            var (top, count) = byLemma.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).First();
            if (total >= 20 && count >= total * 0.995)
            {
                invariant[form] = top;
            }
        }

        return new Lemmatizer(rules, exceptions, known, invariant);
    }

    private static LemmaRule Derive(string form, string lower, string lemma)
    {
        var keep = RuleFor(form, lemma, lowercase: false);
        var low = RuleFor(lower, lemma, lowercase: true);
        return low.Strip + low.Append.Length < keep.Strip + keep.Append.Length ? low : keep;
    }

    private static LemmaRule RuleFor(string source, string lemma, bool lowercase)
    {
        var prefix = 0;
        while (prefix < source.Length && prefix < lemma.Length && source[prefix] == lemma[prefix])
        {
            prefix++;
        }

        return new LemmaRule(source.Length - prefix, lemma[prefix..], lowercase);
    }

    /// <summary>Reads WordNet's *.exc lists ("went go") as (Penn tag, form, lemma) for the tags each applies to.</summary>
    internal static IEnumerable<(string Xpos, string Form, string Lemma)> ReadWordNetExceptions(string folder)
    {
        var files = new (string File, string[] Tags)[]
        {
            ("wordnet-verb.exc", ["VBD", "VBN", "VBZ", "VBG", "VBP"]),
            ("wordnet-noun.exc", ["NNS"]),
            ("wordnet-adj.exc", ["JJR", "JJS"]),
            ("wordnet-adv.exc", ["RBR", "RBS"]),
        };
        foreach (var (file, tags) in files)
        {
            var path = Path.Combine(folder, file);
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || parts[0].Contains('_', StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var tag in tags)
                {
                    yield return (tag, parts[0], parts[1]);
                }
            }
        }
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(_rules.Count);
        foreach (var (key, rule) in _rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write7BitEncodedInt(rule.Strip);
            writer.Write(rule.Append);
            writer.Write(rule.Lowercase);
        }

        writer.Write(_exceptions.Count);
        foreach (var (key, lemma) in _exceptions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(lemma);
        }

        writer.Write(_known.Count);
        foreach (var lemma in _known.Order(StringComparer.Ordinal))
        {
            writer.Write(lemma);
        }

        writer.Write(_invariant.Count);
        foreach (var (form, lemma) in _invariant.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(form);
            writer.Write(lemma);
        }
    }

    public static Lemmatizer Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length));
        if (magic is not (Magic or "DYADLEM2" or "DYADLEM1"))
        {
            throw new InvalidDataException("not a Dyad lemmatizer model (bad magic)");
        }

        var version = magic[^1] - '0';

        var rules = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            rules[reader.ReadString()] = new LemmaRule(reader.Read7BitEncodedInt(), reader.ReadString(), reader.ReadBoolean());
        }

        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            exceptions[reader.ReadString()] = reader.ReadString();
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        if (version >= 2)
        {
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                known.Add(reader.ReadString());
            }
        }

        var invariant = new Dictionary<string, string>(StringComparer.Ordinal);
        if (version >= 3)
        {
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                invariant[reader.ReadString()] = reader.ReadString();
            }
        }

        return new Lemmatizer(rules, exceptions, known, invariant);
    }

    private readonly record struct LemmaRule(int Strip, string Append, bool Lowercase);
}
