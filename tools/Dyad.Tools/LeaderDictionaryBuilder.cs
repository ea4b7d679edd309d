using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dyad.Actors;

namespace Dyad.Tools;

/// <summary>
/// resources/dictionaries/leaders.txt: heads of state and government, effective rulers and foreign and defence
/// ministers of every country, 1979 on, from the fact tables in resources/dictionaries/facts (Archigos 4.1, REIGN,
/// the IfG Ministers Database, Wikidata, the Wikipedia list of foreign ministers; see the NOTICE there). Each term
/// is a full-name line coded CCCGOV, and a surname line where the surname is distinctive. Phrases that Dyad's
/// hand-written dictionaries already hold are left to them. Prints what was written and what was dropped, and why.
/// </summary>
internal static class LeaderDictionaryBuilder
{
    public const string FileName = "leaders.txt";

    // The dictionaries loaded before leaders.txt (ActorDictionary.LoadBuiltIn): a phrase one of them holds is theirs.
    private static readonly string[] Earlier = ["countries.txt", "historical.txt", "organizations.txt", "institutions.txt", "armed-groups.txt", "people.txt", "roles.txt"];

    public static void Build(string data, string resources)
    {
        var dictionaries = Path.Combine(resources, "dictionaries");
        var facts = Path.Combine(dictionaries, "facts");
        // English words: every word written in lower case in the English treebanks (EWT, GUM, PUD) or at least twice
        // in the Reuters corpus ("lynch", "mason", "manning" are words before they are surnames).
        var english = TreebankWords.LowerCase(data);

        // A word of the Reuters text counts when written in lower case at least twice and at least a quarter as often as
        // capitalised: "lusinchi" in an all-lower-case story is still a name.
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(data, "reuters21578", "reuters21578.jsonl")))
        {
            // Only the story's text: the corpus's topic and people lists are written in lower case.
            using var story = System.Text.Json.JsonDocument.Parse(line);
            var text = story.RootElement.TryGetProperty("text", out var value) ? value.GetString() ?? string.Empty : string.Empty;
            foreach (var word in Regex.Split(text, "[^A-Za-z]+").Where(w => w.Length >= 4))
            {
                var counts = word.All(char.IsLower) ? lower : char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower) ? capitalised : null;
                if (counts is not null)
                {
                    var key = word.ToLowerInvariant();
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        english.UnionWith(lower.Where(p => p.Value >= 2 && p.Value * 4 >= capitalised.GetValueOrDefault(p.Key)).Select(p => p.Key));

        var earlier = new Dictionary<string, ActorDictionary>(StringComparer.Ordinal);
        foreach (var file in Earlier)
        {
            var dictionary = new ActorDictionary();
            using var reader = new StreamReader(Path.Combine(dictionaries, file));
            dictionary.ReadDyadFormat(reader, file);
            earlier[file] = dictionary;
        }

        var phoenix = new ActorDictionary();
        using (var reader = new StreamReader(Path.Combine(resources, "knowledge", "phoenix-actors.txt")))
        {
            phoenix.ReadDyadFormat(reader, "phoenix-actors.txt");
        }

        var input = new Input(
            [.. ReadFacts(Path.Combine(facts, "office-holders.tsv")), .. ReadFacts(Path.Combine(facts, "effective-leaders.tsv"))],
            ReadTable(Path.Combine(facts, "aliases.tsv")).Where(r => r["flag"].StartsWith("AMBIGUOUS", StringComparison.Ordinal)).Select(r => r["alias"]).ToList(),
            ReadTable(Path.Combine(facts, "check-review.tsv")).Select(r => new Review(r["country_iso3"], r["name"], r["start"], r["decision"] == "keep", r["reason"])).ToList(),
            earlier,
            english,
            phoenix.Entries.Select(e => e.Phrase).Where(p => p.Count > 1).ToList());
        var result = Compile(input);
        var path = Path.Combine(dictionaries, FileName);
        File.WriteAllText(path, result.Text, new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path}");
        Console.Error.Write(result.Report);
    }

    /// <summary>One row of a fact table: a term of office (dates as the source gives them: day, month or year).</summary>
    internal sealed record Fact(string Country, string Name, string Role, string Start, string End, string Source, string Note, string ArchigosName = "");

    /// <summary>A reviewed row flagged CHECK in the facts: kept or dropped, and why.</summary>
    internal sealed record Review(string Country, string Name, string Start, bool Keep, string Reason);

    /// <summary>
    /// What the builder reads: the facts, the surnames the facts flag as ambiguous, the review of CHECK rows, the
    /// dictionaries loaded before leaders.txt (by file name), the English words (lower case) and other names of
    /// several words (the Phoenix knowledge's: people, firms, groups), whose first words are given names or firms.
    /// </summary>
    internal sealed record Input(
        IReadOnlyList<Fact> Facts,
        IReadOnlyList<string> AmbiguousSurnames,
        IReadOnlyList<Review> Reviews,
        IReadOnlyDictionary<string, ActorDictionary> Earlier,
        IReadOnlySet<string> EnglishWords,
        IReadOnlyList<IReadOnlyList<string>> OtherNames);

    internal sealed record Result(string Text, string Report, int Persons, int Lines, int SurnameLines, IReadOnlyDictionary<string, int> Dropped);

    // A term, cleaned: the name as a phrase, the code's country, inclusive dates and the note of its lines.
    private sealed record Term(string Country, string Name, DateOnly From, DateOnly? To, string Note, string ArchigosName, bool FromHeadOfStateRow);

    private sealed record Line(string Phrase, string Code, DateOnly From, DateOnly? To, string Note, bool Surname);

    private static readonly DateOnly Since = new(1979, 1, 1);

    // After this date a source's "still in office" may still hold: the term is left open. Before it, the term ends
    // on the source's own date.
    private static readonly DateOnly OpenAfter = new(2022, 1, 1);

    // Names written family name first in English, whose last word is no surname ("Deng Xiaoping", "Kim Dae Jung"),
    // and Burmese names, which have none.
    private static readonly HashSet<string> FamilyNameFirst = new(StringComparer.Ordinal) { "CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP", "MMR", "KHM" };

    // Names written in German: wire copy spells "Schröder" "Schroeder" as often as "Schroder".
    private static readonly HashSet<string> GermanNames = new(StringComparer.Ordinal) { "DEU", "DDR", "AUT", "CHE", "LIE" };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "II", "III", "IV", "V", "VI", "Jr.", "Sr.", "Jr", "Sr" };

    /// <summary>Turns the facts into leaders.txt; pure, so a test can give it a few rows.</summary>
    internal static Result Compile(Input input)
    {
        var dropped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Drop(string reason) => dropped[reason] = dropped.GetValueOrDefault(reason) + 1;

        // Phrases held by an earlier dictionary, by their lookup words without diacritics; and the countries Dyad knows.
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, dictionary) in input.Earlier)
        {
            foreach (var entry in dictionary.Entries)
            {
                held.TryAdd(Fold(string.Join(' ', entry.Phrase)), file);
                if (file is "countries.txt" or "historical.txt" && entry.Code.Length == 3)
                {
                    countries.Add(entry.Code);
                }
            }
        }

        var successions = Successions(input.Earlier);
        var reviews = input.Reviews.ToDictionary(r => (r.Country, r.Name, r.Start), r => r);

        // 1. Rows to terms.
        var terms = new List<Term>();
        foreach (var fact in input.Facts)
        {
            if (fact.Note.Contains("CHECK", StringComparison.Ordinal))
            {
                if (!reviews.TryGetValue((fact.Country, fact.Name, fact.Start), out var review))
                {
                    throw new InvalidDataException($"{fact.Country} {fact.Name} {fact.Start}: a CHECK row with no line in check-review.tsv");
                }

                if (!review.Keep)
                {
                    Drop("row: CHECK row whose name is doubtful (check-review.tsv)");
                    continue;
                }
            }

            if (!countries.Contains(fact.Country))
            {
                Drop($"row: country code {fact.Country} unknown to Dyad's dictionaries");
                continue;
            }

            if (PersonalUnion(fact))
            {
                Drop("row: head of state of another country ex officio (Commonwealth realm, co-prince of Andorra)");
                continue;
            }

            var name = CleanName(fact.Name);
            if (name.Length == 0)
            {
                Drop("row: no name");
                continue;
            }

            var from = ParseDate(fact.Start, last: false) ?? throw new InvalidDataException($"{fact.Country} {fact.Name}: no start date");
            var (to, closed) = End(fact);
            if (to < Since)
            {
                Drop("row: term ended before 1979");
                continue;
            }

            if (to < from)
            {
                Drop("row: term ends before it starts");
                continue;
            }

            var note = Note(fact, closed);
            foreach (var (country, start, end) in Split(fact.Country, from, to, successions))
            {
                terms.Add(new Term(country, name, start, end, note, CleanName(fact.ArchigosName), fact.Role == "head_of_state"));
            }
        }

        // 2. One name in office in two countries at once cannot be told apart by name: neither is written.
        var byName = terms.GroupBy(t => Fold(t.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var clashing = new HashSet<Term>();
        foreach (var group in byName.Values)
        {
            foreach (var a in group)
            {
                foreach (var b in group)
                {
                    if (a.Country != b.Country && Overlap(a.From, a.To, b.From, b.To))
                    {
                        clashing.Add(a);
                    }
                }
            }
        }

        if (clashing.Count > 0)
        {
            dropped["row: the same name in office in another country at the same time"] = clashing.Count;
        }

        terms = terms.Where(t => !clashing.Contains(t)).ToList();

        // 3. Surnames: each term's candidates, then those distinctive enough to stand alone.
        var ambiguous = input.AmbiguousSurnames.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var candidates = terms.Select(t => (Term: t, Surnames: SurnameCandidates(t))).ToList();
        var bySurname = new Dictionary<string, List<Term>>(StringComparer.Ordinal);
        foreach (var (term, surnames) in candidates)
        {
            foreach (var surname in surnames)
            {
                if (!bySurname.TryGetValue(Fold(surname), out var list))
                {
                    bySurname[Fold(surname)] = list = [];
                }

                list.Add(term);
            }
        }

        // The first words of names of several words: a surname that begins another name ("Omar al-Bashir", "Campbell
        // Soup Company") is a given name or a firm's as well, unless the rest of that name is the person's own
        // ("Assoumani Azali" for Azali Assoumani, "Mswati III").
        var firstWords = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var phrase in input.OtherNames.Concat(input.Earlier.Values.SelectMany(d => d.Entries).Select(e => e.Phrase)).Concat(terms.Select(t => ActorDictionary.PhraseKeys(t.Name))))
        {
            if (phrase.Count > 1)
            {
                var words = phrase.Select(Fold).ToArray();
                if (!firstWords.TryGetValue(words[0], out var list))
                {
                    firstWords[words[0]] = list = [];
                }

                list.Add(words);
            }
        }

        bool BeginsAnotherName(string surname, Term term)
        {
            var own = ActorDictionary.PhraseKeys(term.Name).Select(Fold).ToHashSet(StringComparer.Ordinal);
            return firstWords.TryGetValue(Fold(surname), out var names) && names.Any(n => n.Skip(1).Any(w => !own.Contains(w) && !Suffixes.Contains(w)));
        }

        var surnameVerdicts = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Refuse(string surname)
        {
            var key = Fold(surname);
            if (surnameVerdicts.TryGetValue(key, out var verdict))
            {
                return verdict;
            }

            var others = bySurname[key];
            verdict = surname.Count(char.IsLetter) < 4 ? "fewer than 4 letters"
                : input.EnglishWords.Contains(key) || input.EnglishWords.Contains(surname.ToLowerInvariant()) ? "an English word"
                : ambiguous.Contains(key) ? "flagged AMBIGUOUS in aliases.tsv"
                : others.Any(a => others.Any(b => a.Country != b.Country && Overlap(a.From, a.To, b.From, b.To))) ? "another country's office holder's surname at the same time"
                : null;
            surnameVerdicts[key] = verdict;
            return verdict;
        }

        // 4. Lines.
        var lines = new List<(Term Term, Line Line)>();
        foreach (var (term, surnames) in candidates)
        {
            var code = term.Country + "GOV";
            if (!IsSingleWord(term.Name))
            {
                foreach (var phrase in Spellings(term.Name, term.Country))
                {
                    lines.Add((term, new Line(phrase, code, term.From, term.To, term.Note, Surname: false)));
                }
            }

            foreach (var surname in surnames)
            {
                if ((Refuse(surname) ?? (BeginsAnotherName(surname, term) ? "the first word of another name (a given name or a firm's)" : null)) is { } why)
                {
                    Drop(IsSingleWord(term.Name) ? $"row: one-word name (a surname alone), {why}" : $"surname: {why} (per term)");
                    continue;
                }

                var note = IsSingleWord(term.Name) ? term.Note : $"surname of {term.Name}; {term.Note}";
                foreach (var phrase in Spellings(surname, term.Country))
                {
                    lines.Add((term, new Line(phrase, code, term.From, term.To, note, Surname: true)));
                }
            }
        }

        // 5. Phrases of the earlier dictionaries stay theirs; a line said twice is written once.
        var written = new List<Line>();
        var seen = new HashSet<(string, string, DateOnly, DateOnly?)>();
        var persons = new HashSet<(string, string)>();
        foreach (var (term, line) in lines
            .OrderBy(l => l.Term.Country, StringComparer.Ordinal)
            .ThenBy(l => l.Term.From)
            .ThenBy(l => l.Term.Name, StringComparer.Ordinal)
            .ThenBy(l => l.Line.Surname)
            .ThenBy(l => l.Line.Phrase, StringComparer.Ordinal))
        {
            var key = Fold(line.Phrase);
            if (held.TryGetValue(key, out var file))
            {
                Drop($"line: phrase already in {file}");
                continue;
            }

            if (!seen.Add((WordKey(line.Phrase), line.Code, line.From, line.To)))
            {
                continue;
            }

            written.Add(line);
            persons.Add((Fold(term.Name), term.Country));
        }

        var text = new StringBuilder();
        text.Append("# Office holders of every country, 1979 on: heads of state and government, effective rulers, foreign and\n");
        text.Append("# defence ministers, each term a line coded as the country's government (CCCGOV), a surname alone where it is\n");
        text.Append("# distinctive. Built by `dotnet run --project tools/Dyad.Tools -- leaders` from the facts in facts/ (Archigos 4.1,\n");
        text.Append("# REIGN, IfG Ministers Database, Wikidata, Wikipedia's list of foreign ministers: see NOTICE). Do not edit: rebuild.\n");
        text.Append("# Phrases people.txt (or another dictionary loaded before this one) holds are left to it.\n");
        text.Append("# Format: PHRASE<TAB>CODE<TAB>FROM..TO<TAB># note (see people.txt).\n");
        foreach (var line in written)
        {
            var range = $"{line.From:yyyy-MM-dd}..{(line.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}";
            text.Append(CultureInfo.InvariantCulture, $"{line.Phrase}\t{line.Code}\t{range}\t# {line.Note}\n");
        }

        var surnameLines = written.Count(l => l.Surname);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{persons.Count} persons, {written.Count} lines ({surnameLines} surname lines)\n");
        foreach (var (reason, count) in dropped)
        {
            report.Append(CultureInfo.InvariantCulture, $"{count,6}  dropped {reason}\n");
        }

        return new Result(text.ToString(), report.ToString(), persons.Count, written.Count, surnameLines, dropped);
    }

    /// <summary>
    /// The historical states of historical.txt whose names countries.txt gives to a successor ("Zaire": ZAR until
    /// 1997, COD in countries.txt): a term of the successor within those dates is coded as the historical state.
    /// </summary>
    private static List<(string Successor, string Code, DateOnly? From, DateOnly? To)> Successions(IReadOnlyDictionary<string, ActorDictionary> earlier)
    {
        var result = new List<(string, string, DateOnly?, DateOnly?)>();
        if (!earlier.TryGetValue("historical.txt", out var historical) || !earlier.TryGetValue("countries.txt", out var countries))
        {
            return result;
        }

        var current = countries.Entries.Where(e => e.Code.Length == 3).GroupBy(e => string.Join(' ', e.Phrase), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        foreach (var entry in historical.Entries.Where(e => e.Code.Length == 3 && e.IsDated))
        {
            if (current.TryGetValue(string.Join(' ', entry.Phrase), out var successor) && successor != entry.Code)
            {
                var succession = (successor, entry.Code, entry.From, entry.To);
                if (!result.Contains(succession))
                {
                    result.Add(succession);
                }
            }
        }

        return result;
    }

    // A term cut where a historical state's dates begin or end: each piece with its code.
    private static IEnumerable<(string Country, DateOnly From, DateOnly? To)> Split(string country, DateOnly from, DateOnly? to, List<(string Successor, string Code, DateOnly? From, DateOnly? To)> successions)
    {
        foreach (var (successor, code, hFrom, hTo) in successions.Where(s => s.Successor == country))
        {
            var start = hFrom ?? DateOnly.MinValue;
            var end = hTo ?? DateOnly.MaxValue;
            if (!Overlap(from, to, start, end))
            {
                continue;
            }

            if (from < start)
            {
                yield return (country, from, start.AddDays(-1));
            }

            yield return (code, from > start ? from : start, to is { } t && t < end ? t : hTo);
            if (hTo is not null && (to is null || to > end))
            {
                yield return (country, end.AddDays(1), to);
            }

            yield break;
        }

        yield return (country, from, to);
    }

    private static bool Overlap(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        (aTo is null || aTo >= bFrom) && (bTo is null || bTo >= aFrom);

    private static bool PersonalUnion(Fact fact)
    {
        if (fact.Role != "head_of_state")
        {
            return false;
        }

        var office = Office(fact.Note) ?? "";
        return office.Contains("co-prince", StringComparison.OrdinalIgnoreCase)
            || (office.StartsWith("monarch of ", StringComparison.Ordinal) && office != "monarch of the United Kingdom");
    }

    private static string? Office(string note)
    {
        var match = Regex.Match(note, "office: ([^;]+)");
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The end of a term: the source's, or for one still in office at the source's date, open after 2022
    /// and that date before (and whether it was so closed).</summary>
    private static (DateOnly? To, DateOnly? ClosedAt) End(Fact fact)
    {
        if (fact.End.Length > 0)
        {
            return (ParseDate(fact.End, last: true), null);
        }

        var asOf = SourceDate(fact);
        return asOf > OpenAfter ? (null, null) : (asOf, asOf);
    }

    // The date a source's "still in office" refers to: from the note where it says, else the source's snapshot.
    private static DateOnly SourceDate(Fact fact)
    {
        if (Regex.Match(fact.Note, @"coverage \((\d{4}-\d{2}(?:-\d{2})?)\)") is { Success: true } coverage)
        {
            return ParseDate(coverage.Groups[1].Value, last: true)!.Value;
        }

        if (Regex.Match(fact.Note, @"snapshot (\d{4}-\d{2}-\d{2})") is { Success: true } snapshot)
        {
            return ParseDate(snapshot.Groups[1].Value, last: true)!.Value;
        }

        if (fact.Note.Contains("(Jan 2023)", StringComparison.Ordinal))
        {
            return new DateOnly(2023, 1, 10);
        }

        if (fact.Source.StartsWith("instituteforgov/", StringComparison.Ordinal))
        {
            return new DateOnly(2026, 6, 19);
        }

        throw new InvalidDataException($"{fact.Country} {fact.Name}: in office, but the source's date is not known");
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: the first day it may mean, or with <paramref name="last"/> the last.</summary>
    internal static DateOnly? ParseDate(string text, bool last)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length == 0 || parts[0].Length != 4)
        {
            return null;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : last ? 12 : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : last ? DateTime.DaysInMonth(year, month) : 1;
        return new DateOnly(year, month, day);
    }

    private static string Note(Fact fact, DateOnly? closedAt)
    {
        var office = fact.Role switch
        {
            "effective_leader" => "effective ruler",
            "head_of_state" => Office(fact.Note) ?? "head of state",
            "head_of_government" => Office(fact.Note) ?? "head of government",
            "foreign_minister" => "foreign minister",
            "defence_minister" => "defence minister",
            _ => fact.Role.Replace('_', ' '),
        };
        var source = fact.Source switch
        {
            _ when fact.Source.StartsWith("archigos", StringComparison.Ordinal) => fact.Note.Contains("REIGN", StringComparison.Ordinal) ? "Archigos 4.1, end from REIGN" : "Archigos 4.1",
            _ when fact.Source.StartsWith("REIGN", StringComparison.Ordinal) => "REIGN",
            _ when fact.Source.StartsWith("instituteforgov/", StringComparison.Ordinal) => "IfG Ministers Database",
            _ when fact.Source.Contains("world-leaders-2021", StringComparison.Ordinal) => "Wikidata, year precision",
            _ when fact.Source.Contains("foreign", StringComparison.Ordinal) => "Wikipedia list of foreign ministers",
            _ => fact.Source,
        };
        var end = closedAt is { } at ? $"; in office at the source's date, {at:yyyy-MM-dd}, and ended there" : fact.End.Length == 0 ? "; in office at the source's date" : "";
        return $"{office} ({source}){end}";
    }

    /// <summary>A name as a phrase: mis-encoded UTF-8 repaired, remarks in brackets and nicknames in quotes dropped,
    /// "Gemayel, Amin" turned round, a title after a comma dropped, "D.Barrow" spaced.</summary>
    internal static string CleanName(string raw)
    {
        var name = raw.Trim();
        if (Regex.IsMatch(name, "[ÃÂÄÅ][\u0080-\u00BF]"))
        {
            try
            {
                name = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Encoding.Latin1.GetBytes(name));
            }
            catch (DecoderFallbackException)
            {
                // Not mis-encoded after all: kept as it is.
            }
        }

        name = Regex.Replace(name, @"\([^)]*\)", " ");
        name = Regex.Replace(name, "\"[^\"]*\"", " ");
        name = Regex.Replace(name, @"\b([A-Z])\.(?=[A-Z][a-z])", "$1. ");
        var comma = name.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0)
        {
            var head = name[..comma].Trim();
            var tail = name[(comma + 2)..].Trim();
            name = Suffixes.Contains(tail) || !IsSingleWord(head) ? head : $"{tail} {head}";
        }

        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsSingleWord(string name) => !name.Contains(' ', StringComparison.Ordinal);

    // The surnames a term may be named by alone: a one-word name itself; else the last word (not a suffix), and
    // Archigos's own spelling of it ("Tudjman" for "Franjo Tuđman"). None for names written family name first.
    private static List<string> SurnameCandidates(Term term)
    {
        if (IsSingleWord(term.Name))
        {
            return [term.Name];
        }

        if (FamilyNameFirst.Contains(term.Country))
        {
            return [];
        }

        // "Fahd of Saudi Arabia" and "Mahathir bin Mohamad" are named by their first word.
        var words = term.Name.Split(' ');
        if (words.Skip(1).Any(w => w is "of" or "bin" or "ibn" or "binti"))
        {
            return [words[0]];
        }

        var last = words.Reverse().FirstOrDefault(w => !Suffixes.Contains(w));
        if (last is null || last.EndsWith('.'))
        {
            return [];
        }

        var result = new List<string> { last };
        if (IsSingleWord(term.ArchigosName) && term.ArchigosName.Length > 0 && Fold(term.ArchigosName) != Fold(last) && Regex.IsMatch(term.ArchigosName, @"^\p{Lu}"))
        {
            result.Add(term.ArchigosName);
        }

        return result;
    }

    // A phrase as written, without diacritics, and (names written in German) with ä, ö, ü as ae, oe, ue; names
    // written family name first with "Doo Hwan" also as "Doo-hwan", and the other way round.
    private static IEnumerable<string> Spellings(string phrase, string country)
    {
        var result = new List<string> { phrase, Fold(phrase, keepCase: true) };
        if (GermanNames.Contains(country))
        {
            result.Add(Fold(phrase.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
                .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal), keepCase: true));
        }

        if (FamilyNameFirst.Contains(country) && country != "MMR")
        {
            var words = phrase.Split(' ');
            if (words.Length == 3 && !phrase.Contains('-', StringComparison.Ordinal))
            {
                result.Add($"{words[0]} {words[1]}-{words[2].ToLowerInvariant()}");
            }
            else if (words.Length == 2 && words[1].Split('-') is [var first, var second])
            {
                result.Add($"{words[0]} {first} {char.ToUpperInvariant(second[0])}{second[1..]}");
            }
        }

        return result.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Lower case (unless <paramref name="keepCase"/>), without diacritics: "Tuđman" is "tudman".</summary>
    internal static string Fold(string text) => Fold(text, keepCase: false);

    private static string Fold(string text, bool keepCase)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c is '\u02BB' or '\u02BC')
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'ð' => "d",
                'Đ' or 'Ð' => "D",
                'ı' => "i",
                'ł' => "l",
                'Ł' => "L",
                'ø' => "o",
                'Ø' => "O",
                'þ' => "th",
                'Þ' => "Th",
                'ß' => "ss",
                'æ' => "ae",
                'Æ' => "Ae",
                _ => c.ToString(),
            });
        }

        var folded = builder.ToString().Normalize(NormalizationForm.FormC);
        return keepCase ? folded : WordKey(folded);
    }

    // The lookup form of a phrase: its words as the actor dictionary splits and keys them.
    private static string WordKey(string phrase) => string.Join(' ', ActorDictionary.PhraseKeys(phrase));

    /// <summary>A fact table: tab-separated, a header row, fields in double quotes where the source needed them.</summary>
    internal static List<Dictionary<string, string>> ReadTable(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t').Select(Unquote).ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Length ? fields[i] : "";
            }

            rows.Add(row);
        }

        return rows;

        static string Unquote(string field) =>
            field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
    }

    internal static IEnumerable<Fact> ReadFacts(string path) =>
        ReadTable(path).Select(r => new Fact(r["country_iso3"], r["name"], r["role"], r["start"], r["end"], r["source"], r["note"], r.GetValueOrDefault("source_name_field") ?? ""));
}
