using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Petrarch;

/// <summary>
/// Compiles a folder of PETRARCH/TABARI dictionaries (the Phoenix set) into Dyad's built-in knowledge: the actors
/// and agents rewritten in Dyad's own actor format, the verb patterns and discards kept in PETRARCH's verb syntax
/// (Dyad's pattern format cannot say what their word sequences say) but with every line Dyad cannot read dropped.
/// Each defect is counted by kind, so the rebuild reports what it fixed or left out.
/// </summary>
internal static partial class KnowledgeCompiler
{
    /// <summary>A stem this short finds unrelated words as well as its own ("PLA" finds "place" and "planned"),
    /// so such a last word is compiled to match only itself.</summary>
    internal const int ShortestStem = 5;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
        "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "may", "me", "might", "more", "most", "must", "my", "no", "not", "now", "of",
        "off", "on", "one", "only", "or", "other", "our", "out", "over", "said", "says", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too",
        "under", "up", "upon", "us", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your",
    };

    internal sealed record CompiledKnowledge(string Actors, string Verbs, string Discards, IReadOnlyDictionary<string, int> Defects, int ActorEntries, int VerbLines);

    /// <summary>
    /// Compiles the dictionaries in <paramref name="folder"/>; <paramref name="source"/> names them in the headers.
    /// <paramref name="commonWords"/> are English words in lower case ("organization", "youth"): a one-word name that is
    /// one is matched only as a name is written, capitalised or in capitals.
    /// </summary>
    internal static CompiledKnowledge Compile(string folder, string source, IReadOnlySet<string>? commonWords = null)
    {
        var defects = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var badLines = new HashSet<(string File, int Line)>();
        void Count(string kind) => defects[kind] = defects.GetValueOrDefault(kind) + 1;

        var actors = new ActorDictionary();
        PetrarchDictionaries.LoadFolder(folder, actors, new EventDictionary(), warning =>
        {
            Count(KindOf(warning));
            if (FileAndLine().Match(warning) is { Success: true } m)
            {
                badLines.Add((m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
            }
        });

        var actorText = new StringBuilder();
        actorText.Append(CultureInfo.InvariantCulture, $"# Actors and agents compiled from {source} by `dotnet run --project tools/Dyad.Tools -- knowledge`.\n");
        actorText.Append("# Format: PHRASE<TAB>CODE<TAB>[FROM..TO]<TAB>[FLAGS]<TAB># origin (see resources/README.md). Do not edit: rebuild.\n");
        var written = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in actors.Entries)
        {
            if (!ActorDictionary.IsCode(entry.Code))
            {
                Count("actor code Dyad does not use (punctuation in it); entry dropped");
                continue;
            }

            if (entry.Phrase.Count == 1 && FunctionWords.Contains(entry.Phrase[0]))
            {
                // Phoenix's upper-case files cannot tell "WHO" (the World Health Organization) from "who", nor "US"
                // from "us"; matching ignores case, so such a name would find the word everywhere.
                Count("one-word name that is an English function word; entry dropped");
                continue;
            }

            var words = entry.Phrase;
            if (words.Contains("("))
            {
                // "AFRICAN_NATIONAL_CONGRESS_(SOUTH_AFRICA)_", "STANKO_TODOROV_(ACTING": a note in brackets (the
                // country, an abbreviation, a role) is no part of the name as news writes it, so the name would never be found.
                words = WithoutBracketedNote(words);
                Count("note in brackets inside a name; note removed");
                if (words.Count == 0 || (words.Count == 1 && FunctionWords.Contains(words[0])))
                {
                    Count("name that is only a note in brackets; entry dropped");
                    continue;
                }
            }

            var stem = entry.StemLast;
            if (stem && words[^1].Length < ShortestStem)
            {
                Count($"stem shorter than {ShortestStem} letters; made an exact word");
                stem = false;
            }

            // Keys are lower case, but the tokenizer reads "B." as an initial only in upper case: write each word
            // capitalised when the lower-case phrase would not read back as the same words.
            var phrase = string.Join(' ', words);
            if (!ReadsBackAs(phrase, words))
            {
                phrase = string.Join(' ', words.Select(Capitalised));
                if (!ReadsBackAs(phrase, words))
                {
                    Count("phrase that does not read back as the same words; entry dropped");
                    continue;
                }
            }

            var range = entry.IsDated ? $"{entry.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{entry.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty;

            // Phoenix's upper-case files name Tanzim "ORGANIZATION" and a French group "YOUTH": matched regardless of case,
            // every organisation and every youth in the news would be those. As a name, the word is written capitalised.
            if (words.Count == 1 && !entry.Code.StartsWith('~') && commonWords?.Contains(words[0]) == true)
            {
                Count("one-word name that is a common English word; matched only capitalised or in capitals");
                foreach (var form in new[] { Capitalised(words[0]), words[0].ToUpperInvariant() })
                {
                    var casedLine = $"{form}\t{entry.Code}\t{range}\t{ActorDictionary.CasedFlag}";
                    if (seen.Add(casedLine))
                    {
                        actorText.Append(casedLine).Append("\t# ").Append(entry.Source).Append('\n');
                        written++;
                    }
                }

                continue;
            }

            var flags = string.Join(',', new[] { stem ? ActorDictionary.StemFlag : null, entry.Gapped ? ActorDictionary.GappedFlag : null, entry.FormsOnly ? ActorDictionary.FormsOnlyFlag : null }.OfType<string>());
            var line = $"{phrase}\t{entry.Code}\t{range}\t{flags}";
            if (!seen.Add(line))
            {
                Count("entry repeated; later copy dropped");
                continue;
            }

            actorText.Append(line).Append("\t# ").Append(entry.Source).Append('\n');
            written++;
        }

        var verbs = KeepReadable(folder, "verbs", badLines, out var verbLines);
        var discards = KeepReadable(folder, "discards", badLines, out _);
        return new CompiledKnowledge(actorText.ToString(), verbs, discards, defects, written, verbLines);
    }

    /// <summary>The file of the given kind with the lines the reader reported dropped (they are counted already).</summary>
    private static string KeepReadable(string folder, string kind, HashSet<(string File, int Line)> badLines, out int kept)
    {
        kept = 0;
        var text = new StringBuilder();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (PetrarchDictionaries.KindOf(name) != kind)
            {
                continue;
            }

            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var n = 0; n < lines.Length; n++)
            {
                if (badLines.Contains((name, n + 1)))
                {
                    continue;
                }

                text.Append(lines[n]).Append('\n');
                kept++;
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The words of a name without what stands between "(" and ")" (or after an unclosed "(").</summary>
    private static List<string> WithoutBracketedNote(IReadOnlyList<string> words)
    {
        var kept = new List<string>(words.Count);
        var depth = 0;
        foreach (var word in words)
        {
            if (word == "(")
            {
                depth++;
            }
            else if (word == ")")
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                kept.Add(word);
            }
        }

        return kept;
    }

    private static bool ReadsBackAs(string phrase, IReadOnlyList<string> keys) =>
        ActorDictionary.PhraseKeys(phrase).SequenceEqual(keys, StringComparer.Ordinal);

    private static string Capitalised(string key) =>
        key.Length > 0 && char.IsLower(key[0]) ? char.ToUpperInvariant(key[0]) + key[1..] : key;

    /// <summary>A warning's kind: its message with the file, line and quoted values taken out, so alike defects count together.</summary>
    private static string KindOf(string warning)
    {
        var message = FileAndLine().Replace(warning, string.Empty, 1);
        return Quoted().Replace(message, "'…'").Trim();
    }

    [GeneratedRegex(@"^([^:\s]+):(\d+):\s*")]
    private static partial Regex FileAndLine();

    [GeneratedRegex(@"'[^']*'|\[[^\]]*\]")]
    private static partial Regex Quoted();
}
