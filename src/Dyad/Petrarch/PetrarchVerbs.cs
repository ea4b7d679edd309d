using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Petrarch;

internal static partial class PetrarchDictionaries
{
    private sealed record Verb(string Lemma, string? Particle, string? Code, int Line);

    private sealed record Synset(List<string> Phrases);

    private static void ReadVerbs(string[] lines, string file, EventDictionary dictionary, Defects defects)
    {
        var synsets = new Dictionary<string, Synset>(StringComparer.Ordinal);
        Synset? openSynset = null;
        string? blockCode = null;
        var verbs = new List<Verb>();
        var inBlock = false;

        for (var n = 0; n < lines.Length; n++)
        {
            if (IsSkippable(lines[n]))
            {
                continue;
            }

            var line = StripComment(lines[n]).Trim();
            var lineNumber = n + 1;
            if (line.Length == 0 || (Unclosed(line) is { } unclosed && defects.Bad(file, lineNumber, unclosed)))
            {
                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                var code = Bracket().Match(line);
                blockCode = code.Success ? code.Groups[1].Value.Trim() : "---";
                // An unusable block code leaves its verbs the codes of their own lines and patterns.
                CheckEventCode(blockCode, file, lineNumber, defects, "the block's own code skipped");

                verbs.Clear();
                inBlock = true;
                openSynset = null;
                continue;
            }

            if (line.StartsWith('&'))
            {
                var name = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('_');
                openSynset = new Synset([]);
                synsets[name] = openSynset;
                continue;
            }

            if (line.StartsWith('~'))
            {
                continue; // transformations are not used
            }

            if (line.StartsWith('-'))
            {
                openSynset = null;
                if (!inBlock && defects.Bad(file, lineNumber, "a pattern before any verb block (--- NAME [CODE] ---)"))
                {
                    continue;
                }

                foreach (var pattern in ParsePattern(line[1..], verbs, synsets, file, lineNumber, defects))
                {
                    dictionary.Add(pattern);
                }

                continue;
            }

            if (openSynset is not null && line.StartsWith('+'))
            {
                openSynset.Phrases.Add(line[1..].Trim());
                continue;
            }

            openSynset = null;
            if (!inBlock && defects.Bad(file, lineNumber, $"unexpected line outside a verb block: '{Shorten(line)}'"))
            {
                continue;
            }

            if (ParseVerb(line, lineNumber, file, defects) is not { } verb)
            {
                continue;
            }

            verbs.Add(verb);
            var verbCode = verb.Code ?? blockCode;
            if (verbCode is not null && ToPattern(verb, null, null, null, verbCode, $"{file}:{lineNumber} {Shorten(line)}", file, lineNumber) is { } bare)
            {
                dictionary.Add(bare);
            }
        }
    }

    private static Verb? ParseVerb(string line, int lineNumber, string file, Defects defects)
    {
        var code = Bracket().Match(line);
        if (code.Success)
        {
            // An unusable code leaves the verb the patterns below it; only its own code is dropped, as it always was.
            CheckEventCode(code.Groups[1].Value.Trim(), file, lineNumber, defects, "the verb's own code skipped");
        }

        var text = Braces().Replace(Bracket().Replace(line, string.Empty), string.Empty).Trim();
        var words = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            defects.Bad(file, lineNumber, "a verb line needs a verb");
            return null;
        }

        var phrase = words[0];
        var parts = phrase.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var verbIndex = Array.FindIndex(parts, p => p.StartsWith('+'));
        if (verbIndex < 0)
        {
            verbIndex = 0;
        }

        var lemma = parts[verbIndex].TrimStart('+').ToLowerInvariant();
        var particle = verbIndex + 1 < parts.Length ? parts[verbIndex + 1].ToLowerInvariant() : null;
        return new Verb(lemma, particle, code.Success ? code.Groups[1].Value.Trim() : null, lineNumber);
    }

    [GeneratedRegex(@"(?<=^|[\s(])[+$^](?=[\s)]|$)")]
    private static partial Regex Markers();

    private static readonly FrozenSet<string> BarePrepositions = new HashSet<string>(StringComparer.Ordinal)
    {
        "about", "across", "after", "against", "at", "between", "by", "for", "from", "in", "into", "of", "on", "over", "through", "to", "toward", "towards", "under", "upon", "with", "near", "around", "behind", "beside", "beyond", "during", "inside", "onto", "outside", "since", "throughout", "within", "without", "among", "amid", "along", "before", "below", "beneath",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"OVER", "ON/IN" or a synset of prepositions ("&amp;PREPOSIT1") as "|"-separated keys; null when it is not one.</summary>
    private static string? Prepositions(string word, Dictionary<string, Synset> synsets)
    {
        var words = word.Split('/', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Phrases(w.Trim('_'), synsets, 0)).ToList();
        return words.Count > 0 && words.All(p => p.Length == 1 && BarePrepositions.Contains(p[0]))
            ? string.Join('|', words.Select(p => p[0]).Distinct())
            : null;
    }

    private static IEnumerable<EventPattern> ParsePattern(string body, List<Verb> verbs, Dictionary<string, Synset> synsets, string file, int lineNumber, Defects defects)
    {
        var code = Bracket().Match(body);
        if (!code.Success)
        {
            defects.Bad(file, lineNumber, "a pattern needs a code in [...]");
            yield break;
        }

        if (!CheckEventCode(code.Groups[1].Value.Trim(), file, lineNumber, defects, "pattern skipped"))
        {
            yield break;
        }

        // PETRARCH's markers for where the target ("+") and source ("$") stand, and "^" (skip a phrase), are not
        // conditions on words: Dyad finds source and target from the parse. Before the verb they are dropped; after
        // it, "WITH +" makes "with" the target's preposition and "AT ^" drops the phrase it skips.
        var raw = body[..code.Index];
        var star = raw.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            defects.Bad(file, lineNumber, "a pattern needs '*' where the verb goes");
            yield break;
        }

        IReadOnlyList<WordSlot>? before = null;
        var beforeText = Markers().Replace(raw[..star], " ").Trim();

        // "+ * IN $ [075]": the subject is the target and the phrase "$" marks the source, so the event runs
        // backwards from the parse's point of view.
        var subjectIsTarget = Markers().Matches(raw[..star]).Any(m => m.Value == "+") && Markers().Matches(raw[(star + 1)..]).Any(m => m.Value == "$");

        // "% HAVE * [191]": "%" asks for a compound subject ("Gondor and Osgiliath have delayed ...").
        var compoundSubject = beforeText.StartsWith('%');
        beforeText = beforeText.TrimStart('%').Trim();
        if (beforeText.Length > 0)
        {
            before = Slots(beforeText, synsets);
            if (before.Any(slot => slot.Alternatives.Count == 0))
            {
                yield break; // an undefined synset before the verb: PETRARCH could never match it either
            }
        }

        string? preposition = null;
        WordConstraint? prepositionObject = null;
        var objectWords = new List<string>();
        var elements = Elements(raw[(star + 1)..]).ToList();
        for (var e = 0; e < elements.Count; e++)
        {
            var element = elements[e];
            if (IsMarker(element))
            {
                continue;
            }

            // "WITH %": the target stands after "with" (a compound one, which Dyad codes conjunct by conjunct).
            if (!element.StartsWith('(') && e + 1 < elements.Count && IsMarker(elements[e + 1]) && Prepositions(element, synsets) is { } marked)
            {
                if ((elements[e + 1] is "+" or "%" || (subjectIsTarget && elements[e + 1] == "$")) && preposition is null)
                {
                    preposition = marked;
                }

                e++;
                continue;
            }

            if (element.StartsWith('('))
            {
                var inner = Markers().Replace(element.Trim('(', ')'), " ").Trim();
                var space = inner.IndexOfAny([' ', '\t']);
                var prepositions = (space < 0 ? inner : inner[..space]).ToLowerInvariant().Split('/')[0].Trim('_');
                preposition = Prepositions(prepositions, synsets) ?? ExpandWord(prepositions, synsets).FirstOrDefault() ?? prepositions;
                prepositionObject = space < 0 ? null : NounConstraint(inner[(space + 1)..], synsets);
            }
            else
            {
                // Bare words make one noun phrase headed by its last word: "DIPLOMATIC TIES", "IMPROVED &TIETYPES RELATIONS".
                objectWords.Add(element);
            }
        }

        // "* OVER EFFORTS" (no parentheses): a bare leading preposition still introduces a prepositional argument,
        // whose synset of phrases stands for each phrase whole ("FOR &ECONSANCT": "total boycott", not "boycott").
        List<WordConstraint?> prepositionObjects = [prepositionObject];
        if (preposition is null && objectWords.Count > 1 && Prepositions(objectWords[0], synsets) is { } bare)
        {
            preposition = bare;
            prepositionObjects = [.. ObjectVariants(objectWords.Skip(1).ToList(), synsets).Select(variant => NounConstraint(variant, synsets))];
            objectWords.Clear();
        }

        // A synset whose members are phrases ("&CURRENCY": "AUSTRIAN FLORIN", "GOLDEN_GOBLIN_GALLEONS") stands for each
        // phrase whole, not for its last word: one pattern per member, the longer phrase the more specific.
        List<WordConstraint?> objects = objectWords.Count == 0 ? [null] : [.. ObjectVariants(objectWords, synsets).Select(variant => NounConstraint(variant, synsets))];
        var rule = $"{file}:{lineNumber} - {Shorten(body.Trim())}";
        foreach (var verb in verbs)
        {
            foreach (var (variant, argument) in from o in objects from a in prepositionObjects select (o, a))
            {
                if (ToPattern(verb, variant, preposition, argument, code.Groups[1].Value.Trim(), rule, file, lineNumber) is { } pattern)
                {
                    yield return pattern with { Before = before, CompoundSubject = compoundSubject, Reversed = pattern.Reversed != subjectIsTarget };
                }
            }
        }
    }

    /// <summary>
    /// Whether a verb dictionary's code can be used: "---" (code nothing), a code of 2 to 4 digits, or two of them
    /// (either may be empty) around ":" for the event and its reverse. Anything else ("[ZZZ]", "[99999]") is a defect.
    /// Digits whose root is no CAMEO root ("[9999]") are used as given, as PETRARCH's own test dictionaries need,
    /// but noted; Phoenix's codes outside the codebook ("1213", "176") have real roots, which the codebook falls back to.
    /// </summary>
    private static bool CheckEventCode(string codeText, string file, int lineNumber, Defects defects, string skipped)
    {
        var parts = codeText.Split(':').Select(p => p.Trim()).ToList();
        if (parts.Count > 2 || parts.All(p => p.Length == 0) || !parts.All(p => p is "" or "---" || CameoCode.TryParse(p, out _)))
        {
            defects.Bad(file, lineNumber, $"unknown CAMEO code [{codeText}]", skipped);
            return false;
        }

        foreach (var part in parts.Where(p => p is not ("" or "---")))
        {
            if (!CameoCodebook.Default.Contains(CameoCode.Parse(part[..2])))
            {
                defects.Note(file, lineNumber, $"code [{part}] has no CAMEO root (used as given)");
            }
        }

        return true;
    }

    /// <summary>A stand-in for a phrase, not a word: target "+", source "$", compound target "%", skipped phrase "^".</summary>
    private static bool IsMarker(string element) => element is "+" or "$" or "^" or "%";

    private static List<string> ObjectVariants(List<string> objectWords, Dictionary<string, Synset> synsets)
    {
        var text = string.Join(' ', objectWords);
        var last = objectWords[^1].Trim('{', '}').Split('_', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        if (!last.StartsWith('&') || !synsets.TryGetValue(last.TrimEnd('_'), out var synset)
            || !synset.Phrases.Any(p => p.Contains(' ', StringComparison.Ordinal) || p.Contains('_', StringComparison.Ordinal)) || synset.Phrases.Count > 64)
        {
            return [text];
        }

        var at = text.LastIndexOf(last, StringComparison.Ordinal);
        return [.. synset.Phrases.Select(member => text[..at] + member + text[(at + last.Length)..])];
    }

    private static EventPattern? ToPattern(Verb verb, WordConstraint? obj, string? preposition, WordConstraint? prepositionObject, string codeText, string rule, string file, int lineNumber)
    {
        // "[036]", "[032:033]" (and the reverse event), "[:020]" (only the reverse), "[---]" (nothing).
        var parts = codeText.Split(':');
        var forward = parts[0].Trim();
        var reverse = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        var suppress = forward is "---" or "" && reverse is "" or "---";
        CameoCode code = default;
        CameoCode? reverseCode = null;
        var reversed = false;
        if (!suppress)
        {
            if (forward is "" or "---")
            {
                if (!CameoCode.TryParse(reverse, out code))
                {
                    return null;
                }

                reversed = true;
            }
            else
            {
                if (!CameoCode.TryParse(forward, out code))
                {
                    // Reported where it was read (see IsEventCode); the pattern is skipped.
                    return null;
                }

                if (reverse.Length > 0 && reverse != "---" && CameoCode.TryParse(reverse, out var second))
                {
                    reverseCode = second;
                }
            }
        }
        else
        {
            code = CameoCode.Parse("01");
        }

        return new EventPattern(verb.Lemma, false, obj, preposition, prepositionObject, code, reversed, Unary: false, rule)
        {
            ReverseCode = reverseCode,
            Suppresses = suppress,
            Particle = verb.Particle,
            FirstActorAfterVerb = true,
        };
    }

    /// <summary>
    /// A pattern noun: "AID", "{FINANCIAL AID}", "&amp;CURRENCY", "NEW_&amp;TIETYPES_RELATIONS" — the last word is the
    /// head, the words before it must precede it in its phrase, in order ("_" joins words that must be adjacent).
    /// </summary>
    private static WordConstraint NounConstraint(string text, Dictionary<string, Synset> synsets)
    {
        var slots = Slots(text.Trim().Trim('{', '}'), synsets);
        if (slots.Count == 0)
        {
            return new WordConstraint(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        }

        // The head and the modifiers by the last word of each alternative (the looser test, and what specificity counts).
        var heads = slots[^1].Alternatives.Select(words => words[^1]).ToHashSet(StringComparer.Ordinal);
        var modifiers = slots.Take(slots.Count - 1).SelectMany(slot => slot.Alternatives.Select(words => words[^1])).ToHashSet(StringComparer.Ordinal);
        return new WordConstraint(heads, modifiers)
        {
            Sequence = slots.Count > 1 ? slots.Take(slots.Count - 1).ToList() : null,
            InPhrase = slots.Count == 1,
            Loose = slots.All(slot => slot.Alternatives.Count > 0) ? slots : null,
        };
    }

    /// <summary>"MOST_CERTAINLY_&amp;NEGATVAUXVRB_EVER" as slots: each word or synset, adjacent to the next where "_" joins them.</summary>
    private static List<WordSlot> Slots(string text, Dictionary<string, Synset> synsets)
    {
        var slots = new List<WordSlot>();
        foreach (var element in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = element.Split('_', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                // "RECENTLY_*": a trailing "_" joins the last word to the verb.
                slots.Add(new WordSlot(Phrases(parts[i], synsets, 0).ToList(), Adjacent: i < parts.Length - 1 || element.EndsWith('_')));
            }
        }

        return slots;
    }

    /// <summary>A word, or a synset's members, as sequences of keys ("WO N'T" is two words, as our tokenizer splits it).</summary>
    private static IEnumerable<string[]> Phrases(string word, Dictionary<string, Synset> synsets, int depth)
    {
        if (!word.StartsWith('&'))
        {
            yield return [ActorDictionary.Key(word.Trim('_'))];
            yield break;
        }

        if (depth > 8 || !synsets.TryGetValue(word.TrimEnd('_'), out var synset))
        {
            yield break;
        }

        foreach (var phrase in synset.Phrases)
        {
            // A member may itself name a synset ("+&TIETYPES"); expand each of its words in turn.
            IEnumerable<string[]> expansions = [[]];
            foreach (var part in phrase.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var options = Phrases(part, synsets, depth + 1).ToList();
                expansions = expansions.SelectMany(prefix => options.Select(option => prefix.Concat(option).ToArray())).ToList();
            }

            foreach (var expansion in expansions)
            {
                if (expansion.Length > 0)
                {
                    yield return expansion;
                }
            }
        }
    }

    /// <summary>A word as lower-case lemma alternatives: a synset expands to its members' heads (and their plurals).</summary>
    private static IEnumerable<string> ExpandWord(string word, Dictionary<string, Synset> synsets) =>
        Phrases(word, synsets, 0).Select(words => words[^1]).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Elements(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var close = text[i] switch { '(' => ')', '{' => '}', _ => '\0' };
            int end;
            if (close != '\0')
            {
                end = text.IndexOf(close, i + 1);
                end = end < 0 ? text.Length : end + 1;
            }
            else
            {
                end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
            }

            yield return text[i..end];
            i = end;
        }
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] : text;
}
