using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Tools;

/// <summary>
/// resources/dictionaries/countries.txt: names, official names, alternative spellings, demonyms and capitals of
/// every country in ../shared/data/countries (mledoze/countries, ODbL), each mapped to its ISO alpha-3 code.
/// Capitals are metonyms for governments ("Tokyo said" = the Japanese government said), so they map to CCCGOV.
/// </summary>
internal static class CountryDictionaryBuilder
{
    // Spellings the source lacks that wire copy uses all the time (facts, not prose).
    private static readonly Dictionary<string, string[]> Extra = new(StringComparer.Ordinal)
    {
        ["USA"] = ["U.S.", "U.S.A.", "America", "United States", "the United States"],
        ["GBR"] = ["U.K.", "Britain", "Great Britain", "England", "English", "Briton", "Britons"],
        ["PRK"] = ["D.P.R.K.", "North Korea", "N. Korea"],
        ["KOR"] = ["S. Korea", "ROK"],
        ["RUS"] = ["Soviet Union", "USSR", "Soviet"],
        ["CHN"] = ["PRC", "mainland China"],
        ["ARE"] = ["UAE", "U.A.E.", "Emirates", "Emirati"],
        ["NLD"] = ["Holland", "Dutch"],
        ["CZE"] = ["Czech Republic"],
        ["MMR"] = ["Burma", "Burmese"],
        ["PSE"] = ["Palestinian Authority", "Palestinians", "Gaza", "West Bank"],
        ["COD"] = ["Congo-Kinshasa", "Zaire"],
        ["TUR"] = ["Turkey", "Turkiye"],
        ["VAT"] = ["Holy See", "Vatican"],
        ["IRN"] = ["Persia"],
        ["PHL"] = ["Philippine", "the Philippines"],
        ["KSV"] = ["Kosovar"],
    };

    // Capitals that are also ordinary words or names of other things, left out as metonyms.
    private static readonly HashSet<string> AmbiguousCapitals = new(StringComparer.Ordinal)
    {
        "Male", "Victoria", "Kingston", "Georgetown", "Hamilton", "Washington D.C.", "Nassau", "Praia", "Palikir", "Avarua", "Adamstown",
        "City of Victoria", "Saint John's", "Saint George's", "Saint Peter Port", "Road Town", "Basseterre", "Castries", "Roseau",
        "Kingstown", "Apia", "Funafuti", "Majuro", "Ngerulmud", "South Tarawa", "Yaren", "Alofi", "Mata-Utu", "Papeete", "Nouméa",
        "Plymouth", "Flying Fish Cove", "West Island", "Kingston", "Jamestown", "Stanley", "King Edward Point", "Cockburn Town",
        "The Valley", "Marigot", "Gustavia", "Philipsburg", "Willemstad", "Kralendijk", "Oranjestad", "Charlotte Amalie", "Pago Pago",
        "Hagåtha", "Saipan", "Nuuk", "Tórshavn", "Longyearbyen", "Douglas", "St. Helier", "Gibraltar", "Monaco", "San Marino",
        "Vatican City", "Luxembourg", "Singapore", "Kuwait City", "Djibouti", "Panama City", "Guatemala City", "Mexico City",
        "Brazzaville", "Kinshasa",
    };

    private static bool IsLatin(char c) => c < 0x250 || c is '\u2019';

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static void Build(string data, string resources)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "countries", "countries.json")));
        var entries = new SortedDictionary<string, (string Code, string Note)>(StringComparer.Ordinal);
        void Add(string phrase, string code, string note)
        {
            var clean = string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (clean.Length < 2 || !clean.All(IsLatin))
            {
                return;
            }

            entries.TryAdd(clean, (code, note));

            // "Türkiye" is also written "Turkiye", "Curaçao" "Curacao".
            var folded = Fold(clean);
            if (folded != clean)
            {
                entries.TryAdd(folded, (code, note + ", without diacritics"));
            }
        }

        // Independent countries first: "French" is France's demonym before it is the French Southern Territories'.
        var countries = json.RootElement.EnumerateArray()
            .OrderByDescending(c => c.TryGetProperty("independent", out var i) && i.ValueKind == JsonValueKind.True)
            .ThenBy(c => c.GetProperty("cca3").GetString(), StringComparer.Ordinal)
            .ToList();
        var englishWords = TreebankWords.LowerCase(data);
        foreach (var country in countries)
        {
            // CAMEO and the Phoenix dictionaries code Kosovo KSV; ISO has no code and the source uses "UNK".
            var code = country.GetProperty("cca3").GetString() is "UNK" ? "KSV" : country.GetProperty("cca3").GetString()!;
            var name = country.GetProperty("name");
            Add(name.GetProperty("common").GetString()!, code, "name");
            Add(name.GetProperty("official").GetString()!, code, "official name");
            foreach (var alt in country.GetProperty("altSpellings").EnumerateArray())
            {
                var spelling = alt.GetString()!;

                // Two-letter ISO codes ("CN", "JP") are too ambiguous in text; other short all-capital forms (DPRK, USA) are kept.
                // A spelling that is an English word ("Island", Iceland's own name) would read "the islands" as Iceland.
                if (spelling.Length > 2 && !spelling.Contains(',', StringComparison.Ordinal) && !englishWords.Contains(spelling.ToLowerInvariant()))
                {
                    Add(spelling, code, "alternative spelling");
                }
            }

            if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
            {
                foreach (var form in new[] { english.GetProperty("m").GetString(), english.GetProperty("f").GetString() })
                {
                    if (string.IsNullOrEmpty(form))
                    {
                        continue;
                    }

                    Add(form, code, "demonym");
                    if (form.EndsWith('n') || form.EndsWith('i'))
                    {
                        Add(form + "s", code, "demonym, plural");
                    }
                }
            }

            var independent = country.TryGetProperty("independent", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (independent && country.TryGetProperty("capital", out var capitals))
            {
                foreach (var capital in capitals.EnumerateArray())
                {
                    var city = capital.GetString()!;
                    if (!AmbiguousCapitals.Contains(city))
                    {
                        Add(city, code + "GOV", "capital, as its government");
                    }
                }
            }

            if (Extra.TryGetValue(country.GetProperty("cca3").GetString()!, out var extra))
            {
                foreach (var phrase in extra)
                {
                    Add(phrase, code, "common usage");
                }
            }
        }

        Add("Washington", "USAGOV", "capital, as its government");

        // Two-letter forms news writes all the time, matched only in capitals ("US officials", not "told us").
        // "CAR" is the Central African Republic in news ("the CAR military"); in capitals only, so "car" stays a car.
        var cased = new HashSet<string>(StringComparer.Ordinal) { "US", "UK", "CAR" };
        Add("US", "USA", "common usage, only in capitals");
        Add("UK", "GBR", "common usage, only in capitals");
        Add("CAR", "CAF", "common usage, only in capitals");

        var output = new StringBuilder();
        output.Append("# Countries: names, official names, alternative spellings, demonyms, capitals (as governments).\n");
        output.Append("# Built by `dotnet run --project tools/Dyad.Tools -- countries` from ../shared/data/countries\n");
        output.Append("# (mledoze/countries, Open Database License 1.0; this file is a derived database under the same licence).\n");
        output.Append("# Format: PHRASE<TAB>CODE<TAB>[cased<TAB>]# note. Phrases match whole words, ignoring case unless marked cased.\n");
        foreach (var (phrase, (code, note)) in entries)
        {
            output.Append(CultureInfo.InvariantCulture, $"{phrase}\t{code}\t{(cased.Contains(phrase) ? "cased\t" : string.Empty)}# {note}\n");
        }

        var path = Path.Combine(resources, "dictionaries", "countries.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path} ({entries.Count} phrases)");
    }
}
