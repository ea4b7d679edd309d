using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Petrarch;

/// <summary>Phrases that mark a sentence (or, with "+", a whole story) as not to be coded: sports, history, ...</summary>
internal sealed class DiscardList
{
    private readonly List<(IReadOnlyList<string> Words, bool Story, bool Exact)> _phrases = [];

    public int Count => _phrases.Count;

    public void Add(IReadOnlyList<string> words, bool story, bool exact) => _phrases.Add((words, story, exact));



    /// <summary>Whether the sentence's words contain a discard phrase; <paramref name="story"/> says if it discards the story.</summary>
    public bool Matches(IReadOnlyList<string> keys, out bool story)
    {
        story = false;
        var found = false;
        foreach (var (words, isStory, exact) in _phrases)
        {
            for (var i = 0; i + words.Count <= keys.Count; i++)
            {
                var ok = true;
                for (var k = 0; k < words.Count && ok; k++)
                {
                    var last = k == words.Count - 1;
                    ok = last && !exact ? keys[i + k].StartsWith(words[k], StringComparison.Ordinal) : keys[i + k] == words[k];
                }

                if (ok)
                {
                    found = true;
                    story |= isStory;
                    break;
                }
            }
        }

        return found;
    }
}

/// <summary>
/// Reads PETRARCH2 / TABARI dictionaries (see PETRARCH's dictionaries.rst): actor files with synonyms and date
/// restrictions, agent files with plurals and substitution markers, verb files with synsets, verb blocks and
/// patterns, and discard lists. Patterns are compiled to Dyad's dependency patterns: a pattern's post-verb noun is
/// the verb's object, "(PREP NOUN)" an argument with that preposition. Pre-verb conditions and transformations
/// ("~" lines) are not used. A line that cannot be read is an error naming file and line.
/// </summary>
internal static partial class PetrarchDictionaries
{
    /// <summary>
    /// Loads every dictionary in <paramref name="folder"/> into the given dictionaries. With a
    /// <paramref name="warn"/> callback each defect — a line that cannot be read, an unknown event code, a file that
    /// is not UTF-8 text or holds nothing usable — is reported naming file and line and skipped; without one the
    /// first defect is an error. A folder that yields nothing at all is an error either way.
    /// </summary>
    public static (ActorDictionary Actors, EventDictionary Events, DiscardList Discards) LoadFolder(
        string folder, ActorDictionary actors, EventDictionary events, Action<string>? warn = null)
    {
        var defects = new Defects(warn);
        var discards = new DiscardList();
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var (actorsBefore, eventsBefore) = (actors.Count, events.Count);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var lower = name.ToLowerInvariant();
            if (lower.EndsWith(".md", StringComparison.Ordinal) || lower.StartsWith("license", StringComparison.Ordinal) || lower.Contains("issue", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = KindOf(name);
            if (kind is null)
            {
                defects.InFile(name, "not a PETRARCH dictionary name (expected *actors*, *agents*, *verbs* or CAMEO*, *discards*); file skipped");
                continue;
            }

            if (ReadLines(file, name, defects) is not { } lines)
            {
                continue;
            }

            var entriesBefore = actors.Count + events.Count + discards.Count;
            switch (kind)
            {
                case "agents":
                    ReadAgents(lines, name, actors, defects);
                    break;
                case "actors":
                    ReadActors(lines, name, actors, defects);
                    break;
                case "discards":
                    ReadDiscards(lines, name, discards);
                    break;
                default:
                    ReadVerbs(lines, name, events, defects);
                    break;
            }

            if (actors.Count + events.Count + discards.Count == entriesBefore)
            {
                defects.InFile(name, $"no usable {kind} entries; file skipped");
            }
        }

        if (actors.Count == actorsBefore && events.Count == eventsBefore && discards.Count == 0)
        {
            throw new DictionaryFormatException(folder, "no usable PETRARCH dictionaries (*actors*, *agents*, *verbs* or CAMEO*, *discards* files with entries)");
        }

        return (actors, events, discards);
    }

    /// <summary>
    /// Adds Dyad's compiled knowledge (resources/knowledge, rebuilt by `dotnet run --project tools/Dyad.Tools --
    /// knowledge`): the Phoenix actors, in Dyad's format, to <paramref name="actors"/>, and their verb patterns, in
    /// PETRARCH's verb syntax, to <paramref name="meanings"/> (coding reads them as what words can mean, not as
    /// patterns that code: docs/measurements.md). The files were checked when compiled, so a defect here is an error.
    /// </summary>
    public static void LoadKnowledge(ActorDictionary actors, EventDictionary meanings)
    {
        const string folder = "knowledge/";

        // Dyad's own dictionaries were written with care for the phrases they hold: where they name a phrase (or its
        // singular: "protesters" is "protester"), the compiled knowledge's reading of it is not added beside it.
        // leaders.txt is no such judgement, only the terms its sources give: Phoenix's other offices of the same
        // person (a finance minister's years, say) are still found, after its lines.
        var own = actors.Entries.Where(e => !e.StemLast && !e.Source.StartsWith(ActorDictionary.LeadersFile + ":", StringComparison.Ordinal))
            .Select(e => string.Join(' ', e.Phrase)).ToHashSet(StringComparer.Ordinal);
        bool NotOwn(ActorEntry entry)
        {
            var phrase = string.Join(' ', entry.Phrase);
            return !own.Contains(phrase) && !(phrase.EndsWith('s') && own.Contains(phrase[..^1]));
        }

        using (var reader = new StringReader(ResourceFiles.ReadText(folder + "phoenix-actors.txt")))
        {
            actors.ReadDyadFormat(reader, "phoenix-actors.txt", NotOwn);
        }

        var verbs = ResourceFiles.ReadText(folder + "phoenix-verbs.txt").TrimEnd('\n').Split('\n');
        ReadVerbs(verbs, "phoenix-verbs.txt", meanings, new Defects(warn: null));
    }

    /// <summary>Which kind of PETRARCH dictionary a file is, by its name: "agents", "actors", "discards", "verbs", or null.</summary>
    internal static string? KindOf(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        return lower.Contains("agents", StringComparison.Ordinal) ? "agents"
            : lower.Contains("actors", StringComparison.Ordinal) ? "actors"
            : lower.Contains("discard", StringComparison.Ordinal) ? "discards"
            : lower.Contains("verbs", StringComparison.Ordinal) || lower.StartsWith("cameo", StringComparison.Ordinal) ? "verbs"
            : null;
    }

    /// <summary>A file's lines, or null (reported) when it cannot be read or is not UTF-8 text.</summary>
    private static string[]? ReadLines(string path, string name, Defects defects)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            defects.InFile(name, $"cannot read: {e.Message}; file skipped");
            return null;
        }

        var offset = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var nul = bytes.AsSpan(offset).IndexOf((byte)0);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes.AsSpan(offset), chars, out var read, out var written, replaceInvalidSequences: false);
        var bad = status == OperationStatus.Done ? nul : nul >= 0 ? Math.Min(nul, read) : read;
        if (bad >= 0)
        {
            // A dictionary is text: one bad byte means the file is damaged or binary, and no line of it can be trusted.
            var line = bytes.AsSpan(offset, bad).Count((byte)'\n') + 1;
            var what = bytes[offset + bad] == 0 ? "binary data (a NUL byte)" : $"not valid UTF-8 (byte 0x{bytes[offset + bad]:X2})";
            defects.InFile($"{name}:{line}", $"{what}; file skipped");
            return null;
        }

        var text = new string(chars, 0, written);
        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
        else
        {
            // The last line has no line break: the file may have been cut off there.
            defects.EndsMidLine(name, lines.Length);
        }

        return [.. lines.Select(l => l.TrimEnd('\r'))];
    }

    /// <summary>
    /// Where a dictionary's defects go: with a warning callback each is reported and skipped; without one the
    /// first is an error. Passed to each reader rather than kept in a static, so loads on different threads (or
    /// a load that throws) never report through another load's callback.
    /// </summary>
    private sealed class Defects(Action<string>? warn)
    {
        private (string File, int Line) _cut;

        public bool Warns => warn is not null;

        public void EndsMidLine(string file, int line) => _cut = (file, line);

        /// <summary>Reports a bad line; returns true (skip it) or, without a callback, throws.</summary>
        public bool Bad(string file, int line, string message, string skipped = "line skipped")
        {
            var cut = _cut == (file, line) ? "; the file ends mid-line there" : string.Empty;
            var error = new DictionaryFormatException(file, line, message + cut);
            if (warn is null)
            {
                throw error;
            }

            warn($"{error.Message} ({skipped})");
            return true;
        }

        /// <summary>Reports a defect already raised as an exception, or rethrows it without a callback.</summary>
        public void Skip(DictionaryFormatException error, string skipped)
        {
            if (warn is null)
            {
                throw error;
            }

            warn($"{error.Message} ({skipped})");
        }

        /// <summary>A defect of a whole file (or of one line, named in <paramref name="where"/>).</summary>
        public void InFile(string where, string message)
        {
            var error = new DictionaryFormatException(where, message);
            if (warn is null)
            {
                throw error;
            }

            warn(error.Message);
        }

        /// <summary>Something worth knowing that is not an error: reported only when there is a callback.</summary>
        public void Note(string file, int line, string message) => warn?.Invoke($"{file}:{line}: {message}");
    }

    private static string StripComment(string line)
    {
        var inBracket = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '[':
                    inBracket = true;
                    break;
                case ']':
                    inBracket = false;
                    break;
                case '#' when !inBracket:
                    return line[..i];
            }
        }

        return line;
    }

    /// <summary>Why a line's "[" or "{" is never closed, or null. A line cut off inside a code or a phrase is
    /// not read as something shorter.</summary>
    private static string? Unclosed(string line) =>
        line.LastIndexOf('[') > line.LastIndexOf(']') ? $"'[' opened at column {line.LastIndexOf('[') + 1} is not closed"
        : UnclosedBrace(line);

    // The agents file has "[~ENV}" for "[~ENV]", which its reader has always accepted; only "{" is checked there.
    private static string? UnclosedBrace(string line) =>
        line.LastIndexOf('{') > line.LastIndexOf('}') ? $"'{{' opened at column {line.LastIndexOf('{') + 1} is not closed" : null;

    private static bool IsSkippable(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("<!--", StringComparison.Ordinal) || trimmed.StartsWith("-->", StringComparison.Ordinal);
    }

    /// <summary>Lookup keys for a PETRARCH phrase ("ARNOR_", "CARAS GALADHON"); a trailing "_" makes the last word exact.</summary>
    private static (IReadOnlyList<string> Keys, bool Stem) Phrase(string phrase)
    {
        var text = phrase.Trim();
        var exact = text.EndsWith('_');
        var keys = ActorDictionary.PhraseKeys(text.Trim('_'));
        return (keys, !exact);
    }

    // ---- actors ----

    private static void ReadActors(string[] lines, string file, ActorDictionary dictionary, Defects defects)
    {
        var group = new List<(string Phrase, int Line)>();
        string? groupCode = null;
        var restrictions = new List<(string Code, DateOnly? From, DateOnly? To, int Line)>();
        var codeReported = false;

        void Flush(bool atEnd = false)
        {
            if (group.Count == 0)
            {
                return;
            }

            if (atEnd && groupCode is null && restrictions.Count == 0 && !codeReported)
            {
                // The file ends before the phrase's code: it was cut short. (Codeless phrases before another phrase
                // are PETRARCH's way of sharing the restriction lines that follow; this reader does not join them.)
                defects.Bad(file, group[0].Line, $"'{Shorten(group[0].Phrase)}' has no actor code [...]", "actor skipped");
                group.Clear();
                return;
            }

            foreach (var (phrase, line) in group)
            {
                var (keys, stem) = Phrase(phrase);
                if (keys.Count == 0)
                {
                    continue;
                }

                // Words joined by spaces only ("ITHILEN TELEVISION") may have others between them; "_" joins them.
                var gapped = keys.Count > 1 && !phrase.Trim().Trim('_').Contains('_', StringComparison.Ordinal);
                foreach (var (code, from, to, _) in restrictions)
                {
                    dictionary.Add(new ActorEntry(keys, code, from, to, $"{file}:{line}") { StemLast = stem, Gapped = gapped });
                }

                if (groupCode is not null)
                {
                    dictionary.Add(new ActorEntry(keys, groupCode, null, null, $"{file}:{line}") { StemLast = stem, Gapped = gapped });
                }
            }

            group.Clear();
            restrictions.Clear();
            groupCode = null;
            codeReported = false;
        }

        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            if (IsSkippable(raw))
            {
                continue;
            }

            var line = StripComment(raw).TrimEnd();
            if (line.Trim().Length == 0 || (Unclosed(line) is { } unclosed && defects.Bad(file, n + 1, unclosed)))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && line.TrimStart().StartsWith('['))
            {
                // A date restriction for the group above: [CODE], [CODE <date], [CODE >date], [CODE date-date].
                foreach (Match m in Bracket().Matches(line))
                {
                    try
                    {
                        restrictions.Add(ParseRestriction(m.Groups[1].Value, file, n + 1));
                    }
                    catch (DictionaryFormatException e)
                    {
                        defects.Skip(e, "restriction skipped");
                    }
                }

                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.StartsWith('+'))
            {
                var synonym = Bracket().Replace(trimmed[1..], string.Empty);
                group.Add((synonym, n + 1));
                continue;
            }

            Flush();
            var codes = Bracket().Matches(trimmed);
            var phrase = Bracket().Replace(trimmed, string.Empty).Trim().Trim(';').Trim();
            if (phrase.Length == 0 && defects.Bad(file, n + 1, "an actor line needs a phrase"))
            {
                continue;
            }

            group.Add((phrase, n + 1));
            foreach (Match code in codes)
            {
                (string Code, DateOnly? From, DateOnly? To, int Line) restriction;
                try
                {
                    restriction = ParseRestriction(code.Groups[1].Value, file, n + 1);
                }
                catch (DictionaryFormatException e)
                {
                    defects.Skip(e, "code skipped");
                    codeReported = true;
                    continue;
                }

                if (restriction.From is null && restriction.To is null)
                {
                    groupCode = restriction.Code;
                }
                else
                {
                    restrictions.Add(restriction);
                }
            }
        }

        Flush(atEnd: true);
    }

    private static (string Code, DateOnly? From, DateOnly? To, int Line) ParseRestriction(string content, string file, int line)
    {
        var parts = content.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new DictionaryFormatException(file, line, "empty code in [...]");
        }

        var code = parts[0].ToUpperInvariant();
        // Actor codes are letters (country, organisation and role codes, "USAGOV"), with some digits among them
        // in the Phoenix files ("USA214"); a code of digits alone is an event code put in the wrong file.
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '~' or '-' or '!' or '/' or '+' or '#')
            || (code.All(char.IsAsciiDigit)))
        {
            throw new DictionaryFormatException(file, line, $"'{parts[0]}' is not an actor code");
        }

        if (parts.Length == 1)
        {
            return (code, null, null, line);
        }

        var range = string.Concat(parts[1..]);
        if (range.StartsWith('<'))
        {
            return (code, null, ParseDate(range[1..], file, line), line);
        }

        if (range.StartsWith('>'))
        {
            return (code, ParseDate(range[1..], file, line), null, line);
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            throw new DictionaryFormatException(file, line, $"'{range}' is not a date restriction (<date, >date or date-date)");
        }

        return (code, ParseDate(range[..dash], file, line), ParseDate(range[(dash + 1)..], file, line), line);
    }

    private static DateOnly ParseDate(string text, string file, int line)
    {
        text = text.Trim();
        if (text.Length == 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            // TABARI's YYMMDD: years below 30 are 20YY.
            var year = int.Parse(text[..2], CultureInfo.InvariantCulture);
            text = (year < 30 ? "20" : "19") + text;
        }

        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new DictionaryFormatException(file, line, $"'{text}' is not a date (YYYYMMDD or YYMMDD)");
    }

    // ---- agents ----

    private static void ReadAgents(string[] lines, string file, ActorDictionary dictionary, Defects defects)
    {
        var markers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var n = 0; n < lines.Length; n++)
        {
            if (IsSkippable(lines[n]))
            {
                continue;
            }

            var line = StripComment(lines[n]).Trim();
            if (line.Length == 0 || (UnclosedBrace(line) is { } unclosed && defects.Bad(file, n + 1, unclosed)))
            {
                continue;
            }

            if (line.StartsWith('!') && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                markers[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }

            var codeMatch = AgentCode().Match(line);
            if (!codeMatch.Success && defects.Bad(file, n + 1, "an agent line needs a code such as [~GOV] or [NGO~]"))
            {
                continue;
            }

            var code = codeMatch.Groups[1].Value.Trim().ToUpperInvariant();
            var head = line[..codeMatch.Index];
            string[]? plurals = null;
            var brace = Braces().Match(head);
            if (brace.Success)
            {
                plurals = brace.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                head = head.Remove(brace.Index, brace.Length);
            }

            foreach (var phrase in ExpandMarkers(head.Trim(), markers))
            {
                var forms = new List<string> { phrase };
                if (plurals is null)
                {
                    forms.Add(RegularPlural(phrase));
                }
                else
                {
                    forms.AddRange(plurals);
                }

                foreach (var form in forms)
                {
                    var keys = ActorDictionary.PhraseKeys(form.Trim('_'));
                    if (keys.Count > 0)
                    {
                        dictionary.Add(new ActorEntry(keys, code, null, null, $"{file}:{n + 1}") { FormsOnly = plurals is not null });
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ExpandMarkers(string phrase, Dictionary<string, string[]> markers)
    {
        foreach (var (marker, values) in markers)
        {
            if (phrase.Contains(marker, StringComparison.Ordinal))
            {
                return values.SelectMany(v => ExpandMarkers(phrase.Replace(marker, v, StringComparison.Ordinal), markers)).ToList();
            }
        }

        return [phrase];
    }

    /// <summary>TABARI's regular plural: +S, Y → IES, SS → +ES.</summary>
    private static string RegularPlural(string phrase)
    {
        var trimmed = phrase.TrimEnd('_');
        return trimmed.EndsWith("SS", StringComparison.OrdinalIgnoreCase) ? trimmed + "ES"
            : trimmed.EndsWith('Y') || trimmed.EndsWith('y') ? trimmed[..^1] + "IES"
            : trimmed + "S";
    }

    // ---- discards ----

    private static void ReadDiscards(string[] lines, string file, DiscardList discards)
    {
        for (var n = 0; n < lines.Length; n++)
        {
            if (IsSkippable(lines[n]))
            {
                continue;
            }

            var line = StripComment(lines[n]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var story = line.StartsWith('+');
            var phrase = story ? line[1..].Trim() : line;
            var exact = phrase.EndsWith('_');
            var keys = ActorDictionary.PhraseKeys(phrase.Trim('_'));
            if (keys.Count > 0)
            {
                discards.Add(keys, story, exact);
            }
        }
    }

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\[\s*([~A-Za-z0-9]+~?)\s*[\]}]")]
    private static partial Regex AgentCode();

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Braces();
}
