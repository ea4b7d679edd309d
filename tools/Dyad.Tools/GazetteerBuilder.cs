using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Tools;

/// <summary>
/// resources/places/gazetteer.tsv: countries (with their other names, a representative point and the extent of
/// their towns), continents (K), first-level regions (a representative point), regions of first-level regions (R) and populated places of 1,000+ people, from
/// ../shared/data/geonames (GeoNames, CC BY 4.0), ../shared/data/countries (mledoze/countries, ODbL) and
/// ../shared/data/naturalearth (public domain); from the tables of facts in resources/places/facts/, the counties of
/// the United States (U.S. Census Bureau, public domain), the continents' points and the second-level regions of the
/// United Kingdom and Ireland (GeoNames).
/// Rows: KIND (C, K, A, R, D, P), id, name, alternative names (|), country (alpha-3), admin-1 code, lat, lon, population,
/// and for countries the latitude and longitude extent of their towns (5th to 95th percentile).
/// </summary>
internal static class GazetteerBuilder
{
    public static void Build(string data, string resources)
    {
        var geonames = Path.Combine(data, "geonames");
        var alpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        var countryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var countryPopulation = new Dictionary<string, long>(StringComparer.Ordinal);
        var continentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(geonames, "countryInfo.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            alpha3[f[0]] = f[1];
            countryNames[f[1]] = f[4];
            continentOf[f[1]] = f[8];
            countryPopulation[f[1]] = long.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        }

        // Kosovo: GeoNames "XK"/"XKX"; Dyad codes it KSV as CAMEO does.
        static string Fix(string code) => code is "XKX" or "UNK" ? "KSV" : code;

        // The names of capitals and first-level seats: another place's old or foreign name that is one of these
        // ("Venice" among Dayton's) is left out, for the name belongs to the seat.
        var seats = File.ReadLines(Path.Combine(geonames, "cities15000.txt"))
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 19 && f[7] is "PPLC" or "PPLA")
            .SelectMany(f => new[] { f[1], f[2] })
            .ToHashSet(StringComparer.Ordinal);
        // Names of countries and first-level regions: a city's other name that is one ("New York" of New York City,
        // "Mexico" of Mexico City) is left out, for the name belongs to the larger place; but the seat of a region
        // keeps its region's name ("Geneva" of Genève).
        var regionNames = File.ReadLines(Path.Combine(geonames, "admin1CodesASCII.txt"))
            .Select(line => line.Split('\t')).Where(f => f.Length >= 3)
            .SelectMany(f => new[] { (Name: f[1], Code: f[0]), (Name: f[2], Code: f[0]) })
            .Concat(countryNames.Values.Select(name => (Name: name, Code: string.Empty)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        bool OtherPlacesName(string name, string[] f) =>
            regionNames.TryGetValue(name, out var codes) && !(f[7] is "PPLA" or "PPLC" && codes.Contains($"{f[8]}.{f[10]}"));
        // English words: every word written in lower case in the English treebanks. Another name all of whose words
        // are English words is a description in English ("White House" of Casablanca, "Big Apple"), which news
        // means otherwise.
        var english = TreebankWords.LowerCase(data);

        bool IsEnglishPhrase(string name) =>
            name.Split(' ', '-') is { Length: >= 2 } words && words.All(w => english.Contains(w.ToLowerInvariant()));

        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(geonames, "cities15000.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 19 || !alpha3.TryGetValue(f[8], out var country))
            {
                continue;
            }

            var population = long.Parse(f[14], CultureInfo.InvariantCulture);
            // A short form the name begins with ("Frankfurt" of "Frankfurt am Main") is what news writes: it goes
            // first, before the other names (in GeoNames' order, mostly foreign spellings) are cut to a few; a city
            // of a million keeps more, for its English name may come late ("Mecca" of Makkah).
            var alternates = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Where(IsUsefulName)
                .Where(a => a != f[1] && a != f[2] && !seats.Contains(a) && !OtherPlacesName(a, f) && !IsEnglishPhrase(a))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(a => f[2].StartsWith(a + " ", StringComparison.Ordinal) || f[1].StartsWith(a + " ", StringComparison.Ordinal) ? 0 : 1)
                .Take(population >= 1_000_000 ? 40 : population >= 100_000 ? 8 : 3)
                .Prepend(f[2] != f[1] ? f[2] : null)
                .Prepend(SaintAbbreviated(f[1]))
                .OfType<string>()
                .ToList();
            places[f[0]] = new Place(f[0], f[1], alternates, Fix(country), $"{f[8]}.{f[10]}", Double(f[4]), Double(f[5]), population, f[7]);
        }

        foreach (var line in File.ReadLines(Path.Combine(geonames, "cities1000.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 9 || places.ContainsKey(f[0]) || !alpha3.TryGetValue(f[3], out var country))
            {
                continue;
            }

            var alternates = new[] { SaintAbbreviated(f[1]), f[2].Length > 0 && f[2] != f[1] && IsUsefulName(f[2]) ? f[2] : null }.OfType<string>().ToList();
            places[f[0]] = new Place(f[0], f[1], alternates, Fix(country), $"{f[3]}.{f[5]}", Double(f[7]), Double(f[8]),
                long.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0, f[4]);
        }

        var output = new StringBuilder();
        output.Append("# Dyad gazetteer. Built by `dotnet run --project tools/Dyad.Tools -- gazetteer` from ../shared/data/geonames\n");
        output.Append("# (GeoNames, geonames.org, CC BY 4.0), ../shared/data/countries (mledoze/countries, ODbL 1.0) and\n");
        output.Append("# ../shared/data/naturalearth (Made with Natural Earth, public domain); US counties from resources/places/facts/us-counties.tsv (U.S. Census Bureau, public domain);\n");
        output.Append("# continents from resources/places/facts/continents.tsv (GeoNames' continent features); British and Irish counties from resources/places/facts/gb-ie-admin2.tsv (GeoNames' admin-2).\n");
        output.Append("# KIND (C country, K continent, A first-level region, R region of first-level regions, D county (US, GB, IE), P populated place)\tid\tname\talternatives\tcountry\tadmin1\tlat\tlon\tpopulation\tlat-extent\tlon-extent\n");

        // Countries: mledoze/countries' point (the CIA World Factbook's geographic coordinates, the conventional
        // point of a country that GeoNames and most references give too), where a reference centre is not
        // known better (Conventional); and where their towns lie.
        using var countriesJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "countries", "countries.json")));
        var points = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        var countrySpellings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var isoCodes = countriesJson.RootElement.EnumerateArray().Select(c => c.GetProperty("cca2").GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var c in countriesJson.RootElement.EnumerateArray())
        {
            var latlng = c.GetProperty("latlng");
            if (latlng.GetArrayLength() == 2)
            {
                points[Fix(c.GetProperty("cca3").GetString()!)] = (latlng[0].GetDouble(), latlng[1].GetDouble());
            }

            // Other names and abbreviations news uses ("UK", "USA", "DRC", "Holland"), but no two-letter ISO code:
            // those stand for US states ("GA", "PA", "CA") and common words ("TV", "AI", "IN", "PM") far more often,
            // save "US", which English prose writes for its country as it writes "UK" (no ISO code) for Britain.
            var name = c.GetProperty("name");
            var spellings = new[] { name.GetProperty("common").GetString(), name.GetProperty("official").GetString() }
                .Concat(c.GetProperty("altSpellings").EnumerateArray().Select(a => a.GetString()))
                .OfType<string>()
                .Where(a => a.Length >= 2 && a.All(ch => char.IsAsciiLetter(ch) || ch is ' ' or '-' or '\'' or '.') && char.IsAsciiLetterUpper(a[0])
                    && !(a.Length == 2 && a != "US" && (isoCodes.Contains(a) || EnglishWords.Contains(a.ToLowerInvariant()))))
                .Distinct(StringComparer.Ordinal);
            countrySpellings[Fix(c.GetProperty("cca3").GetString()!)] = [.. spellings];
        }

        var byCountry = places.Values.GroupBy(p => p.Country).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (code, name) in countryNames.Select(kv => (Fix(kv.Key), kv.Value)).OrderBy(kv => kv.Item1, StringComparer.Ordinal))
        {
            if (!points.TryGetValue(code, out var point))
            {
                continue;
            }

            point = ConventionalCentres.GetValueOrDefault(code, point);

            var towns = byCountry.GetValueOrDefault(code) ?? [];
            var (latLow, latHigh) = Extent(towns.Select(t => t.Lat).ToList(), point.Lat);
            var (lonLow, lonHigh) = Extent(towns.Select(t => t.Lon).ToList(), point.Lon);
            output.Append(CultureInfo.InvariantCulture,
                $"C\t{code}\t{name}\t{string.Join('|', (countrySpellings.GetValueOrDefault(code) ?? []).Where(a => a != name))}\t{code}\t\t{point.Lat:0.####}\t{point.Lon:0.####}\t{countryPopulation.GetValueOrDefault(code)}\t{latLow:0.##}..{latHigh:0.##}\t{lonLow:0.##}..{lonHigh:0.##}\n");
        }

        // Continents: GeoNames' continent features (resources/places/facts/continents.tsv), the point the field's
        // gazetteers and geoparsing corpora give a continent, so that "Africa" is Africa and no old name of a Tunisian
        // town; their people are those of the countries GeoNames puts in them.
        foreach (var f in File.ReadLines(Path.Combine(resources, "places", "facts", "continents.tsv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')))
        {
            var population = continentOf.Where(kv => kv.Value == f[0]).Sum(kv => countryPopulation.GetValueOrDefault(kv.Key));
            output.Append(CultureInfo.InvariantCulture, $"K\t{f[0]}\t{f[2]}\t\t\t\t{Double(f[3]):0.####}\t{Double(f[4]):0.####}\t{population}\t\t\n");
        }

        // First-level regions: Natural Earth's point where it has one (states and provinces of the USA, Brazil, Canada,
        // Australia), else the middle of where their towns lie (5th to 95th percentile of latitude and longitude):
        // a region is meant as a whole, not its largest city.
        var regionPoints = RegionPoints(Path.Combine(data, "naturalearth", "ne_50m_admin_1_states_provinces.geojson"));
        var byAdmin1 = places.Values.Where(p => p.Population > 0).GroupBy(p => p.Admin1).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var compassParts = new Dictionary<(string Country, string Name), List<(string Code, double Lat, double Lon, long Population)>>();
        foreach (var line in File.ReadLines(Path.Combine(geonames, "admin1CodesASCII.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 3)
            {
                continue;
            }

            var cc = f[0][..2];
            if (!alpha3.TryGetValue(cc, out var country))
            {
                continue;
            }

            if (!byAdmin1.TryGetValue(f[0], out var towns))
            {
                continue;
            }

            var total = towns.Sum(t => (double)t.Population);
            var (lat, lon) = f.Length > 3 && regionPoints.TryGetValue(f[3], out var known) ? known : (Middle(towns.Select(t => t.Lat)), Middle(towns.Select(t => t.Lon)));
            var alternates = string.Join('|', new[] { f[2] != f[1] ? f[2] : null }.Concat(StateAbbreviations.GetValueOrDefault(f[0]) ?? []).OfType<string>());
            output.Append(CultureInfo.InvariantCulture, $"A\t{f[0]}\t{f[1]}\t{alternates}\t{Fix(country)}\t{f[0]}\t{lat:0.####}\t{lon:0.####}\t{(long)total}\t\t\n");
            foreach (var name in new[] { f[1], f[2] }.Distinct(StringComparer.Ordinal))
            {
                if (name.Split(' ', 2) is [var compass, var rest] && CompassWords.Contains(compass))
                {
                    var key = (Fix(country), rest);
                    (compassParts.TryGetValue(key, out var parts) ? parts : compassParts[key] = []).Add((f[0], lat, lon, (long)total));
                }
            }
        }

        // Regions that first-level regions are parts of, by their names: "Java" of West, Central and East Java,
        // "Darfur" of Northern, Southern, Western, Central and Eastern Darfur, "Sumatra", "Kordofan", "Equatoria".
        // News names the whole; it lies at the middle of its parts' points, with their people. Not where the rest
        // is a word ("Province", "Cape", "Coast"), a country's name ("Upper Austria", "South Australia") or a
        // first-level region's own ("Papua").
        var countryAndRegionNames = countryNames.Values.Concat(countrySpellings.Values.SelectMany(v => v))
            .Concat(File.ReadLines(Path.Combine(geonames, "admin1CodesASCII.txt")).Select(l => l.Split('\t')).Where(f => f.Length >= 3).SelectMany(f => new[] { f[1], f[2] }))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var ((country, name), parts) in compassParts.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal))
        {
            var distinct = parts.DistinctBy(p => p.Code).ToList();
            if (distinct.Count < 2 || countryAndRegionNames.Contains(name) || english.Contains(name.Split(' ')[^1].ToLowerInvariant()))
            {
                continue;
            }

            output.Append(CultureInfo.InvariantCulture,
                $"R\t{country}.{name}\t{name}\t\t{country}\t\t{distinct.Average(p => p.Lat):0.####}\t{distinct.Average(p => p.Lon):0.####}\t{distinct.Sum(p => p.Population)}\t\t\n");
        }

        // Second-level regions of the United States: its counties and their equivalents (parishes, boroughs), at the
        // Census Bureau's internal point, with their people, so that "Laurel County" and "Rapides Parish" are
        // places and a county the story names supports the towns near it. "Co." is how local news shortens them.
        foreach (var line in File.ReadLines(Path.Combine(resources, "places", "facts", "us-counties.tsv")).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split('\t');
            var alternates = f[2].EndsWith(" County", StringComparison.Ordinal) ? f[2][..^"County".Length] + "Co." : string.Empty;
            var population = f[5].Length > 0 ? long.Parse(f[5], CultureInfo.InvariantCulture) : 0;
            output.Append(CultureInfo.InvariantCulture,
                $"D\tUS.{f[1]}\t{f[2]}\t{alternates}\tUSA\tUS.{f[0]}\t{Double(f[3]):0.####}\t{Double(f[4]):0.####}\t{population}\tADM2\t\n");
        }

        // Second-level regions of the United Kingdom and Ireland (GeoNames' admin-2: English counties and unitary
        // authorities, Scottish council areas, Welsh counties, Irish counties), at the middle of their towns, with
        // their towns' people: "Surrey", "Fife", "Cornwall" are places of Britain, not only the towns of Canada and
        // America named after them. One named like a town of its country ("Manchester", "Cork City") is that town's
        // district and is left to the town; "County Durham" and "County Cork" keep the name they are written with.
        var townNames = places.Values.Where(p => p.Country is "GBR" or "IRL").SelectMany(p => new[] { (p.Country, p.Name) }.Concat(p.Alternates.Select(a => (p.Country, a))))
            .ToHashSet();
        var byAdmin2 = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        foreach (var f in File.ReadLines(Path.Combine(geonames, "cities15000.txt")).Select(line => line.Split('\t')).Where(f => f.Length >= 19 && f[8] is "GB" or "IE" && f[11].Length > 0))
        {
            var key = $"{f[8]}.{f[10]}.{f[11]}";
            (byAdmin2.TryGetValue(key, out var list) ? list : byAdmin2[key] = []).Add(places[f[0]]);
        }

        foreach (var f in File.ReadLines(Path.Combine(resources, "places", "facts", "gb-ie-admin2.tsv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')))
        {
            if (!byAdmin2.TryGetValue(f[0], out var towns))
            {
                continue;
            }

            var country = f[0].StartsWith("GB.", StringComparison.Ordinal) ? "GBR" : "IRL";
            var name = ShortRegionName(f[1]);
            if (townNames.Contains((country, name)))
            {
                if (!f[1].StartsWith("County ", StringComparison.Ordinal))
                {
                    continue;
                }

                name = f[1];
            }

            var alternates = string.Join('|', new[] { f[1], f[2] }.Where(a => a != name && !a.Contains("Council", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
            var admin1 = f[0][..f[0].LastIndexOf('.')];
            output.Append(CultureInfo.InvariantCulture,
                $"D\t{f[0]}\t{name}\t{alternates}\t{country}\t{admin1}\t{Middle(towns.Select(t => t.Lat)):0.####}\t{Middle(towns.Select(t => t.Lon)):0.####}\t{towns.Sum(t => t.Population)}\tADM2\t\n");
        }

        foreach (var place in places.Values.OrderBy(p => long.Parse(p.Id, CultureInfo.InvariantCulture)))
        {
            output.Append(CultureInfo.InvariantCulture,
                $"P\t{place.Id}\t{place.Name}\t{string.Join('|', place.Alternates)}\t{place.Country}\t{place.Admin1}\t{place.Lat:0.####}\t{place.Lon:0.####}\t{place.Population}\t{place.Feature}\t\n");
        }

        var path = Path.Combine(resources, "places", "gazetteer.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path} ({places.Count} places, {new FileInfo(path).Length:N0} bytes)");
    }

    /// <summary>
    /// The abbreviations of the states that American news writes after a town ("Louisville, Ky.", "Charleston,
    /// W.Va."): the Associated Press's forms (facts of usage), by GeoNames' admin-1 code. States AP spells out
    /// (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) have none. Australian news shortens two of its states
    /// to forms that are nothing else ("NSW", "Qld"); the others' ("Vic", "Tas", "WA", "SA", "NT", "ACT") are also
    /// names, words or other places' codes, and are left out.
    /// </summary>
    private static readonly Dictionary<string, string[]> StateAbbreviations = new(StringComparer.Ordinal)
    {
        ["US.AL"] = ["Ala."], ["US.AZ"] = ["Ariz."], ["US.AR"] = ["Ark."], ["US.CA"] = ["Calif."], ["US.CO"] = ["Colo."],
        ["US.CT"] = ["Conn."], ["US.DE"] = ["Del."], ["US.DC"] = ["D.C."], ["US.FL"] = ["Fla."], ["US.GA"] = ["Ga."],
        ["US.IL"] = ["Ill."], ["US.IN"] = ["Ind."], ["US.KS"] = ["Kan.", "Kans."], ["US.KY"] = ["Ky."], ["US.LA"] = ["La."],
        ["US.MD"] = ["Md."], ["US.MA"] = ["Mass."], ["US.MI"] = ["Mich."], ["US.MN"] = ["Minn."], ["US.MS"] = ["Miss."],
        ["US.MO"] = ["Mo."], ["US.MT"] = ["Mont."], ["US.NE"] = ["Neb.", "Nebr."], ["US.NV"] = ["Nev."], ["US.NH"] = ["N.H."],
        ["US.NJ"] = ["N.J."], ["US.NM"] = ["N.M."], ["US.NY"] = ["N.Y."], ["US.NC"] = ["N.C."], ["US.ND"] = ["N.D."],
        ["US.OK"] = ["Okla."], ["US.OR"] = ["Ore."], ["US.PA"] = ["Pa."], ["US.RI"] = ["R.I."], ["US.SC"] = ["S.C."],
        ["US.SD"] = ["S.D."], ["US.TN"] = ["Tenn."], ["US.VT"] = ["Vt."], ["US.VA"] = ["Va."], ["US.WA"] = ["Wash."],
        ["US.WV"] = ["W.Va.", "W. Va."], ["US.WI"] = ["Wis."], ["US.WY"] = ["Wyo."],
        ["AU.02"] = ["NSW"], ["AU.04"] = ["Qld"],
    };

    /// <summary>The words that name a part of a region by its direction ("West Java", "Southern Darfur").</summary>
    private static readonly HashSet<string> CompassWords = new(StringComparer.Ordinal)
    {
        "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
        "Northeast", "Northwest", "Southeast", "Southwest", "North-East", "North-West", "South-East", "South-West",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "we",
    };

    private sealed record Place(string Id, string Name, List<string> Alternates, string Country, string Admin1, double Lat, double Lon, long Population, string Feature);

    /// <summary>
    /// "St. Petersburg" of "Saint Petersburg", "St. Paul" of "Saint Paul": English writes a saint's name before a
    /// place's name short ("Ste." for "Sainte"), which GeoNames spells out; null when the name begins otherwise.
    /// </summary>
    private static string? SaintAbbreviated(string name) =>
        name.StartsWith("Saint ", StringComparison.Ordinal) ? "St. " + name["Saint ".Length..]
        : name.StartsWith("Sainte ", StringComparison.Ordinal) ? "Ste. " + name["Sainte ".Length..]
        : null;

    private static bool IsUsefulName(string name) =>
        name.Length >= 4 && char.IsAsciiLetterUpper(name[0]) && name.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '\'')
        && !name.All(char.IsAsciiLetterUpper);

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(int)(sorted.Count * 0.05)] + sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))]) / 2;
    }

    /// <summary>Natural Earth's admin-1 points, by GeoNames id.</summary>
    private static Dictionary<string, (double Lat, double Lon)> RegionPoints(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var points = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            if (p.GetProperty("gn_id").ValueKind == JsonValueKind.Number && p.GetProperty("latitude").ValueKind == JsonValueKind.Number)
            {
                points[p.GetProperty("gn_id").GetInt64().ToString(CultureInfo.InvariantCulture)] = (p.GetProperty("latitude").GetDouble(), p.GetProperty("longitude").GetDouble());
            }
        }

        return points;
    }

    /// <summary>
    /// Where a country's conventional centre is not the Factbook's point: the geographic centre of the contiguous
    /// United States (39°50′N 98°35′W, near Lebanon, Kansas; U.S. Coast and Geodetic Survey, 1918), which GeoNames
    /// and Wikipedia give for the country, where the Factbook gives 38°N 97°W.
    /// </summary>
    private static readonly Dictionary<string, (double Lat, double Lon)> ConventionalCentres = new(StringComparer.Ordinal)
    {
        ["USA"] = (39.8333, -98.5833),
    };

    /// <summary>The name news gives a British or Irish second-level region: "Stockport" of "Borough of Stockport", "Powys" of "Sir Powys", "Tipperary" of "County Tipperary", "Mayo" of "Mayo County".</summary>
    private static string ShortRegionName(string name)
    {
        foreach (var prefix in (string[])["City and Borough of ", "City and County of ", "Metropolitan Borough of ", "Royal Borough of ", "Borough of ", "City of ", "County of ", "District of ", "County ", "Sir "])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in (string[])[" City and County Council", " Council", " County Borough", " county borough", " City", " County"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static (double Low, double High) Extent(List<double> values, double fallback)
    {
        if (values.Count < 5)
        {
            return (fallback - 1, fallback + 1);
        }

        values.Sort();
        return (values[(int)(values.Count * 0.01)], values[(int)(values.Count * 0.99)]);
    }
}
