using System.Collections.Frozen;
using Dyad.Story;
using Dyad.Actors;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad.Places;

/// <summary>A place named in a sentence: its words [Start, End), the word heading its locative phrase, and where it is.</summary>
internal sealed record PlaceMention(int Start, int End, int Phrase, EventPlace Place)
{
    /// <summary>Whether a qualifier after a comma ("Paris, Texas") is part of the mention.</summary>
    public bool Qualified { get; init; }

    /// <summary>The name's lookup key and every reading the resolver weighed (none for a regional description).</summary>
    public string Key { get; init; } = string.Empty;

    public IReadOnlyList<GazetteerEntry> Readings { get; init; } = [];

    /// <summary>Whether the sentence names it as a location ("in Geneva"), not as an actor or a modifier ("Geneva said").</summary>
    public bool IsLocative { get; init; } = true;
}

/// <summary>
/// Finds places in a sentence and resolves them as far as the text allows: a city or region from the gazetteer
/// ("Stockholm"), disambiguated by a following qualifier ("Paris, Texas"), the countries the document is about
/// and population; a regional description ("northeastern China", "southern China") to a region of the country
/// with a representative point; a country. Only names in locative positions ("in", "at", "near", "-based")
/// count as places: "Tokyo said" names an actor.
/// </summary>
internal sealed class PlaceResolver
{
    private static readonly FrozenSet<string> Locatives = new[]
    {
        "in", "at", "near", "outside", "inside", "within", "across", "throughout", "around", "off", "along", "into", "via",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gatherings a place name can modify to say where they are ("a Washington meeting").</summary>
    internal static readonly FrozenSet<string> EventNouns = new[]
    {
        "meeting", "talk", "talks", "summit", "conference", "negotiation", "negotiations", "session", "gathering", "forum",
        "consultation", "consultations", "visit", "rally", "ceremony", "protest", "demonstration", "convention",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns a place name can modify and still name a place ("the Kharkiv region", "the Gaza border").</summary>
    private static readonly FrozenSet<string> PlaceNouns = new[]
    {
        "city", "town", "village", "region", "province", "state", "district", "county", "parish", "area", "port", "capital",
        "suburb", "suburbs", "outskirts", "border", "coast", "island", "valley", "municipality", "neighbourhood", "neighborhood",
        "prefecture", "governorate", "oblast", "airport", "base", "camp", "prison", "hospital", "square", "enclave", "strip",
        "countryside", "mountains", "highlands", "metro", "downtown",
        "mansion", "hotel", "home", "house", "residence", "palace", "building", "office", "offices", "embassy", "consulate",
        "headquarters", "compound", "stadium", "mosque", "church", "cathedral", "temple", "school", "campus", "hall", "venue",
        "centre", "center", "plant", "factory", "harbour", "harbor", "station", "courthouse", "villa", "castle", "park",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The first words of a state's institutions ("the Indiana Department of ...", "the Texas Highway Patrol"): a region named before them is still named.</summary>
    private static readonly FrozenSet<string> Institutions = new[]
    {
        "department", "dept.", "state", "highway", "public", "national", "gov.", "governor", "division", "council", "association",
        "attorney", "house", "senate", "supreme", "university", "army", "bureau", "board", "commission", "court", "legislature",
        "general", "patrol", "police", "fire", "health", "education", "democratic", "republican", "democrats", "republicans",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that make a name before them another place's ("Guernsey County", "Jordan Lake", "Lebanon Road").</summary>
    private static readonly FrozenSet<string> Features = new[]
    {
        "street", "st.", "road", "rd.", "avenue", "ave.", "drive", "boulevard", "lane", "highway", "parkway", "river", "lake", "creek",
        "township", "twp.", "bay", "mountain", "hill", "hills", "falls", "springs", "heights",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Name, double Angle, bool Central)> Directions = new Dictionary<string, (string, double, bool)>(StringComparer.Ordinal)
    {
        ["north"] = ("North", 90, false), ["northern"] = ("North", 90, false),
        ["south"] = ("South", -90, false), ["southern"] = ("South", -90, false),
        ["east"] = ("East", 0, false), ["eastern"] = ("East", 0, false),
        ["west"] = ("West", 180, false), ["western"] = ("West", 180, false),
        ["northeast"] = ("Northeast", 45, false), ["northeastern"] = ("Northeast", 45, false), ["north-east"] = ("Northeast", 45, false), ["north-eastern"] = ("Northeast", 45, false),
        ["northwest"] = ("Northwest", 135, false), ["northwestern"] = ("Northwest", 135, false), ["north-west"] = ("Northwest", 135, false), ["north-western"] = ("Northwest", 135, false),
        ["southeast"] = ("Southeast", -45, false), ["southeastern"] = ("Southeast", -45, false), ["south-east"] = ("Southeast", -45, false), ["south-eastern"] = ("Southeast", -45, false),
        ["southwest"] = ("Southwest", -135, false), ["southwestern"] = ("Southwest", -135, false), ["south-west"] = ("Southwest", -135, false), ["south-western"] = ("Southwest", -135, false),
        ["central"] = ("Central", 0, true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<Dictionary<(string Country, string Direction), (string Name, string[] Regions)>> Conventional = new(LoadConventional);

    private readonly Gazetteer _gazetteer;

    public PlaceResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
    }

    private static Dictionary<(string, string), (string, string[])> LoadConventional()
    {
        var table = new Dictionary<(string, string), (string, string[])>();
        foreach (var f in ResourceFiles.ReadRows("places/regions.txt"))
        {
            table[(f[0], f[1])] = (f[2], f[3].Split('|'));
        }

        return table;
    }

    /// <summary>The places a sentence names as locations ("in Geneva", "Geneva-based"): where things happen.</summary>
    public IReadOnlyList<PlaceMention> Find(SentenceView view, IReadOnlyCollection<string> documentCountries) =>
        Find(view, new PlaceContext(documentCountries));

    public IReadOnlyList<PlaceMention> Find(SentenceView view, PlaceContext context) =>
        Toponyms(view, context).Where(m => m.IsLocative).ToList();

    /// <summary>
    /// The place a dateline names ("TOKYO, March 12 (Reuters) -", "BEIJING, Nov. 28 Kyodo"): the gazetteer's most
    /// likely reading, or null when the gazetteer has none. Where "here" is in the story.
    /// </summary>
    public EventPlace? Dateline(string name)
    {
        var words = name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var key = Gazetteer.Key(words);
        var readings = _gazetteer.Lookup(key);
        if (readings.Count == 0)
        {
            return null;
        }

        // A wire service files from a city the world knows: the reading before the story is read, not the story's
        // support ("GENEVA" in a story about Americans is still Geneva, Switzerland).
        var best = readings.MaxBy(Prior)!;
        return PlaceOf(name, best);
    }

    /// <summary>A country as a place (its conventional point), given the words that name or imply it; null for a code the gazetteer lacks.</summary>
    public EventPlace? CountryPlace(string alpha3, string text) => _gazetteer.Country(alpha3) is { } country ? PlaceOf(text, country) : null;

    /// <summary>Every place name in a sentence, in a locative position or not ("Tokyo said"), for geoparsing.</summary>
    public IReadOnlyList<PlaceMention> Toponyms(SentenceView view, PlaceContext context)
    {
        var mentions = new List<PlaceMention>();
        var i = 0;
        while (i < view.Count)
        {
            // A longer name wins over a direction: "North Korea", "South Africa", "East Timor".
            var named = Named(view, i, context);
            var found = named is { } n && n.End - n.Start > 1 ? named : Region(view, i, context) ?? named;
            if (found is { } mention)
            {
                mentions.Add(mention with { IsLocative = IsLocative(view, mention.Phrase) });
                i = mention.End;

                // "Krasnodar, Russia": the qualifier names a place too, though not where anything happens.
                if (mention.Qualified && Named(view, mention.End - 1, context) is { } qualifier)
                {
                    mentions.Add(qualifier with { IsLocative = false });
                }

                // "northern China", "southern Sudanese": the region is described by the country the words name,
                // which is a toponym of its own (at its own point), though the region is where things happen.
                if (mention.Place.Precision == "region" && mention.End - mention.Start >= 2
                    && CountryNamed(view, mention.Start + 1, mention.End) is { } described)
                {
                    mentions.Add(new PlaceMention(mention.Start + 1, mention.End, mention.Phrase,
                        PlaceOf(view.TextOf(view.SpanOf(mention.Start + 1, mention.End - 1)), described)) { IsLocative = false });
                }
            }
            else if (Demonym(view, i) is { } people)
            {
                // "Russian officials", "Palestinians": a country's adjective or its people name the country as a
                // toponym, but they say where no event happens ("Russian troops" act anywhere), so they are
                // never locative: only geoparsing sees them.
                mentions.Add(people);
                i = people.End;
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    /// <summary>The country words [start, end) name: a gazetteer country or the country the actor dictionary gives them ("Sudanese").</summary>
    private GazetteerEntry? CountryNamed(SentenceView view, int start, int end) =>
        _gazetteer.Lookup(string.Join(' ', view.Keys.Skip(start).Take(end - start))).FirstOrDefault(e => e.Kind == 'C')
        ?? ActorCountry(view, start, end);

    /// <summary>A country's adjective or people starting at word <paramref name="i"/> ("Russian", "Sri Lankan", "Israelis"), as a non-locative mention of the country.</summary>
    private PlaceMention? Demonym(SentenceView view, int i)
    {
        if (view.MatchAt[i] is not { } match || match.Start != i || view[i].Text is not { Length: > 0 } text || !char.IsUpper(text[0]))
        {
            return null;
        }

        var last = view[match.End - 1];
        if ((last.Upos != UdTag.Adj && last.Xpos is not ("NNPS" or "NNS")) || ActorCountry(view, i, match.End) is not { } country)
        {
            return null;
        }

        // "the Americas" (a plural of a place's name) is no people of America, and "the Indian Ocean" is no place
        // in India.
        var key = string.Join(' ', view.Keys.Skip(i).Take(match.End - i));
        if ((last.Xpos is "NNPS" or "NNS" && view.Lemma(match.End - 1) is var lemma && lemma != view.Keys[match.End - 1] && _gazetteer.Lookup(lemma).Count > 0)
            || (match.End < view.Count && view.Keys[match.End] is "ocean" or "sea" or "gulf" or "peninsula" or "subcontinent"))
        {
            return null;
        }

        return new PlaceMention(i, match.End, ClauseStructure.HeadOfRange(view, i, match.End), PlaceOf(view.TextOf(view.SpanOf(i, match.End - 1)), country))
        {
            IsLocative = false,
            Key = key,
            Readings = [country],
        };
    }

    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "sgt.", "capt.", "col.", "det.", "cpl.", "pvt.", "rev.", "prof.",
        "mr", "mrs", "ms", "dr", "judge", "officer", "mayor", "sheriff", "deputy", "coach", "pastor", "trooper",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// What the story's sentences tell about its places: the surnames it uses (the last
    /// word of a person's name, "Keith Jones", or a word after a title, "Mayor Jones") and, for each region and
    /// country, the names that may lie there, each weighing its readings by how likely they are before the story
    /// is read (so "Paris" points at France, and at Texas only a little).
    /// </summary>
    public PlaceContext ContextOf(IEnumerable<SentenceView> views, IReadOnlyCollection<string> countries)
    {
        // Every sentence is read (tagging those triage left untagged): a surname is learnt where the name is given
        // in full, which need not be a sentence coding reads.
        var tagged = views.ToList();
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in tagged)
        {
            for (var k = 1; k < view.Count; k++)
            {
                if (!IsCapitalisedName(view, k) || k + 1 < view.Count && IsCapitalisedName(view, k + 1))
                {
                    continue;
                }

                var first = k;
                while (first > 0 && IsCapitalisedName(view, first - 1) && k - first < 3)
                {
                    first--;
                }

                var titled = Titles.Contains(view.Keys[first == k ? k - 1 : first]);
                if ((first < k || titled) && _gazetteer.Lookup(string.Join(' ', view.Keys.Skip(first).Take(k - first + 1))).Count == 0
                    && !_gazetteer.Lookup(view.Keys[k]).Any(c => c.Kind is 'C' or 'A' or 'R'))
                {
                    surnames.Add(view.Keys[k]);
                }
            }
        }

        var lowerCase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            for (var k = 0; k < view.Count; k++)
            {
                if (view.Sentence.Tokens[k].Text is { Length: > 0 } text && char.IsLower(text[0]))
                {
                    lowerCase.Add(view.Keys[k]);
                }
            }
        }

        // The names that give the story's actors their countries, so that a name does not support itself.
        var actorNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var view in tagged)
        {
            for (var k = 0; k < view.Count; k++)
            {
                if (view.MatchAt[k] is { } match && match.Start == k && match.On(null) is { IsAgent: false } entry
                    && ActorCode.TryParse(entry.Code, out var code) && code.Country is { } country)
                {
                    if (!actorNames.TryGetValue(country, out var names))
                    {
                        actorNames[country] = names = new(StringComparer.Ordinal);
                    }

                    names.Add(string.Join(' ', view.Keys.Skip(match.Start).Take(match.End - match.Start)));
                }
            }
        }

        var actorKeys = actorNames.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
        PlaceContext With((Dictionary<string, Dictionary<string, double>> Regions, Dictionary<string, Dictionary<string, double>> Countries, Dictionary<string, List<(GazetteerEntry, double)>> Towns) votes) =>
            new(countries, surnames, votes.Regions, votes.Countries) { LowerCaseWords = lowerCase, ActorNames = actorKeys, Towns = votes.Towns };

        // Twice: the names' readings weighed first by their priors alone, then with what the first round says of
        // the story ("Georgia" is the state once "Gainesville" and "Hall County" point to the United States, and
        // then it points "Gainesville" to Georgia's).
        var plain = With((new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)));
        return With(Votes(tagged, With(Votes(tagged, plain))));
    }

    /// <summary>For each region and country, the story's names that may lie there, each weighing its readings by how likely they are in <paramref name="basis"/>.</summary>
    private (Dictionary<string, Dictionary<string, double>> Regions, Dictionary<string, Dictionary<string, double>> Countries, Dictionary<string, List<(GazetteerEntry, double)>> Towns) Votes(List<SentenceView> tagged, PlaceContext basis)
    {
        var towns = new Dictionary<string, List<(GazetteerEntry, double)>>(StringComparer.Ordinal);
        var regions = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var countryVotes = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var view in tagged)
        {
            var i = 0;
            while (i < view.Count)
            {
                if (NameAt(view, i, basis) is not var (length, key, readings))
                {
                    i++;
                    continue;
                }

                i += length;
                var scores = readings.Select(r => Score(view, i, r, readings, key, basis)).ToList();
                var top = scores.Max();
                var weights = scores.Select(x => Math.Pow(10, x - top)).ToList();
                var total = weights.Sum();
                // A name's readings in the same place add up ("Gainesville" points at the United States whichever
                // Gainesville it is); a name said twice counts once.
                var inRegion = new Dictionary<string, double>(StringComparer.Ordinal);
                var inCountry = new Dictionary<string, double>(StringComparer.Ordinal);
                for (var r = 0; r < readings.Count; r++)
                {
                    var reading = readings[r];
                    var weight = weights[r] / total;
                    if ((reading.Kind == 'A' ? reading.Id : reading.Admin1) is { } region)
                    {
                        inRegion[region] = inRegion.GetValueOrDefault(region) + weight;
                    }

                    // Naming a country says nothing about which of its towns another name is: only towns and
                    // regions vote for their country.
                    if (reading.Kind is not ('C' or 'K'))
                    {
                        inCountry[reading.Country] = inCountry.GetValueOrDefault(reading.Country) + weight;
                    }
                }

                foreach (var (region, weight) in inRegion.Where(x => x.Value >= 0.05))
                {
                    Vote(regions, region, key, weight);
                }

                foreach (var (country, weight) in inCountry.Where(x => x.Value >= 0.05))
                {
                    Vote(countryVotes, country, key, weight);
                }

                // The towns (and counties) it may be, for the towns of other names near them.
                towns[key] = readings.Select((r, k) => (Entry: r, Weight: weights[k] / total)).Where(x => x.Entry.Kind is 'P' or 'D')
                    .OrderByDescending(x => x.Weight).Take(30).ToList();
            }
        }

        return (regions, countryVotes, towns);
    }

    private static bool IsCapitalisedName(SentenceView view, int k) =>
        view[k].Upos == UdTag.Propn && view[k].Text.Length > 1 && char.IsUpper(view[k].Text[0]) && !view[k].Text.All(c => !char.IsLower(c));

    private static void Vote(Dictionary<string, Dictionary<string, double>> votes, string place, string key, double weight)
    {
        if (!votes.TryGetValue(place, out var byName))
        {
            votes[place] = byName = new(StringComparer.Ordinal);
        }

        byName[key] = Math.Max(byName.GetValueOrDefault(key), weight);
    }

    /// <summary>"northeastern China": the country's first-level regions that lie that way from its middle.</summary>
    private PlaceMention? Region(SentenceView view, int i, PlaceContext context)
    {
        if (!Directions.TryGetValue(view.Keys[i], out var direction) || i + 1 >= view.Count)
        {
            return null;
        }

        var country = _gazetteer.Lookup(view.Keys[i + 1]).FirstOrDefault(e => e.Kind == 'C')
            ?? (view.MatchAt[i + 1]?.On(null) is { IsAgent: false, Code.Length: 3 } entry ? _gazetteer.Country(entry.Code) : null);
        if (country is null)
        {
            return null;
        }

        // "northeast Georgia" in a story of American places is part of the state, whose point stands for it.
        if (Named(view, i + 1, context) is { Place.Precision: "admin1" } state && state.Place.Country != country.Country)
        {
            return state with { Start = i, Place = state.Place with { Text = view.TextOf(view.SpanOf(i, state.End - 1)) } };
        }

        // "northeastern Central African Republic": the region takes in the country's whole name.
        if (view.MatchAt[i + 1] is { } countryName && countryName.Start == i + 1 && countryName.End > i + 2)
        {
            return RegionOf(view, i, direction, country) is { } wide ? wide with
            {
                End = countryName.End,
                Phrase = ClauseStructure.HeadOfRange(view, i + 1, countryName.End),
                Place = wide.Place with { Text = view.TextOf(view.SpanOf(i, countryName.End - 1)) },
            } : null;
        }

        return RegionOf(view, i, direction, country);
    }

    private PlaceMention? RegionOf(SentenceView view, int i, (string Name, double Angle, bool Central) direction, GazetteerEntry country)
    {

        if (Conventional.Value.TryGetValue((country.Country, direction.Name), out var conventional))
        {
            var named = _gazetteer.Admin1Of(country.Country).Where(r => conventional.Regions.Contains(r.Name, StringComparer.Ordinal)).ToList();
            if (named.Count > 0)
            {
                var weight = named.Sum(r => Math.Max(1.0, r.Population));
                var textSpan = view.SpanOf(i, i + 1);
                return new PlaceMention(i, i + 2, i + 1, new EventPlace(
                    view.TextOf(textSpan), conventional.Name, country.Country, named.Count == 1 ? named[0].Name : null,
                    Math.Round(named.Sum(r => r.Lat * Math.Max(1.0, r.Population)) / weight, 2),
                    Math.Round(named.Sum(r => r.Lon * Math.Max(1.0, r.Population)) / weight, 2),
                    "region"));
            }
        }

        var (latLow, latHigh) = country.LatExtent;
        var (lonLow, lonHigh) = country.LonExtent;
        var midLat = (latLow + latHigh) / 2;
        var midLon = (lonLow + lonHigh) / 2;
        var halfLat = Math.Max(0.5, (latHigh - latLow) / 2);
        var halfLon = Math.Max(0.5, (lonHigh - lonLow) / 2);
        var selected = new List<GazetteerEntry>();
        foreach (var region in _gazetteer.Admin1Of(country.Id))
        {
            var y = (region.Lat - midLat) / halfLat;
            var x = (region.Lon - midLon) / halfLon;
            var distance = Math.Sqrt((x * x) + (y * y));
            if (direction.Central ? distance < 0.35 : distance > 0.5 && AngleDifference(Math.Atan2(y, x) * 180 / Math.PI, direction.Angle) <= (direction.Name.Length > 5 ? 22.5 : 45))
            {
                selected.Add(region);
            }
        }

        double lat, lon;
        if (selected.Count > 0)
        {
            var total = selected.Sum(r => Math.Max(1.0, r.Population));
            lat = selected.Sum(r => r.Lat * Math.Max(1.0, r.Population)) / total;
            lon = selected.Sum(r => r.Lon * Math.Max(1.0, r.Population)) / total;
        }
        else
        {
            var radians = direction.Angle * Math.PI / 180;
            (lat, lon) = direction.Central ? (midLat, midLon) : (midLat + (0.6 * halfLat * Math.Sin(radians)), midLon + (0.6 * halfLon * Math.Cos(radians)));
        }

        var admin1 = selected.Count == 1 ? selected[0].Name : null;
        var name = $"{direction.Name} {country.Name}";
        var span = view.SpanOf(i, i + 1);
        return new PlaceMention(i, i + 2, i + 1, new EventPlace(view.TextOf(span), name, country.Country, admin1, Math.Round(lat, 2), Math.Round(lon, 2), "region"));
    }

    private static double AngleDifference(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    /// <summary>A gazetteer name starting at word <paramref name="i"/>, the longest that matches, best reading chosen.</summary>
    private PlaceMention? Named(SentenceView view, int i, PlaceContext context)
    {
        if (NameAt(view, i, context) is not var (length, key, candidates))
        {
            return null;
        }

        var (best, qualified) = Choose(view, i, i + length, candidates, key, context);
        var end = i + length;
        var phrase = ClauseStructure.HeadOfRange(view, i, end);
        var span = view.SpanOf(i, end - 1);

        // "Alexandria, Virginia": the qualifier belongs to the name.
        if (qualified)
        {
            end += 2;
            span = view.SpanOf(i, end - 1);
        }

        return new PlaceMention(i, end, phrase, PlaceOf(view.TextOf(span), best)) { Qualified = qualified, Key = key, Readings = candidates };
    }

    /// <summary>The longest gazetteer name starting at word <paramref name="i"/> and its readings (reading the tags, not the tree).</summary>
    private (int Length, string Key, List<GazetteerEntry> Readings)? NameAt(SentenceView view, int i, PlaceContext context)
    {
        var word = view[i];
        if (word.Text.Length == 0 || !char.IsUpper(word.Text[0]))
        {
            return null;
        }

        // A name of one word must be a noun; a longer one all capitals may start otherwise ("United States").
        var nominal = word.Upos is UdTag.Propn or UdTag.Noun or UdTag.Adj or UdTag.X;

        // Part of a longer proper name ("Camp David") is not that name's place, nor is the noun of a name an
        // adjective begins ("the European Union", "the Middle East"), unless the adjective starts the sentence.
        if (i > 0 && char.IsUpper(view[i - 1].Text[0])
            && (view[i - 1].Upos == UdTag.Propn || (view[i - 1].Upos == UdTag.Adj && i > 1 && view[i - 1].Text.Any(char.IsLower))))
        {
            return null;
        }

        for (var length = Math.Min(_gazetteer.MaxWords, Math.Min(6, view.Count - i)); length >= 1; length--)
        {
            if (!char.IsUpper(view[i + length - 1].Text[0]) || (length == 1 && !nominal))
            {
                continue;
            }

            var key = string.Join(' ', view.Keys.Skip(i).Take(length));
            var country = ActorCountry(view, i, i + length);

            // "Jackson and Barrow counties": a name in a list that ends in "counties" (or "parishes") is a county.
            if (ListedAs(view, i + length) is { } unit && Readings(view, i, length, $"{key} {unit}", country, context) is { Count: > 0 } listed)
            {
                return (length, $"{key} {unit}", listed);
            }

            var candidates = Readings(view, i, length, key, country, context);
            if (candidates.Count == 0)
            {
                // A name the actor dictionary holds for something else (a person, a party, an organisation)
                // shadows any shorter place name inside it.
                if (IsNonPlaceActor(view, i, i + length))
                {
                    return null;
                }

                continue;
            }

            // A name before another capitalised name is part of it ("Paris Hilton", "York Street"), but a country, a
            // state or a county is still named at the head of its institutions ("the U.S. Department of Agriculture",
            // "the Indiana Department of Workforce Development", "the Laurel County Sheriff's Office").
            if (i + length < view.Count && view[i + length].Upos == UdTag.Propn && char.IsUpper(view[i + length].Text[0])
                && (!HeadsInstitution(candidates, view.Keys[i + length]) || PlaceNouns.Contains(view.Keys[i + length]) || Features.Contains(view.Keys[i + length])))
            {
                continue;
            }

            return (length, key, candidates);
        }

        return null;
    }

    /// <summary>Whether a name of these readings can head an institution whose next word is <paramref name="next"/>: a country or county before any name, a state before an institution's word.</summary>
    private static bool HeadsInstitution(List<GazetteerEntry> candidates, string next) =>
        candidates.Any(c => c.Kind is 'C' or 'D') || (candidates.Any(c => c.Kind == 'A') && Institutions.Contains(next));

    /// <summary>
    /// Whether the name next to the one that starts (<paramref name="step"/> -1) or ends (+1) at word
    /// <paramref name="edge"/>, across a comma, "and" or "or", is most likely a first-level region ("Oregon" before
    /// ", Washington").
    /// </summary>
    private bool ListedBesideRegion(SentenceView view, int edge, int step)
    {
        var k = step < 0 ? edge - 1 : edge;
        if (k < 0 || k >= view.Count || view.Keys[k] is not ("," or "and" or "or"))
        {
            return false;
        }

        k += step;
        if (k >= 0 && k < view.Count && view.Keys[k] == "and")
        {
            k += step;
        }

        for (var length = 3; length >= 1; length--)
        {
            var (from, to) = step < 0 ? (k - length + 1, k + 1) : (k, k + length);
            if (from < 0 || to > view.Count || Enumerable.Range(from, to - from).Any(w => view[w].Text is not { Length: > 0 } t || !char.IsUpper(t[0])))
            {
                continue;
            }

            if (_gazetteer.Lookup(string.Join(' ', view.Keys.Skip(from).Take(to - from))) is { Count: > 0 } readings)
            {
                return readings.MaxBy(Prior)!.Kind == 'A';
            }
        }

        return false;
    }

    /// <summary>
    /// "county" or "parish" when the words from <paramref name="end"/> on continue a list of names that ends in
    /// "counties" or "parishes" ("Becker, Clay, Otter Tail and Wilkin counties"), else null.
    /// </summary>
    private static string? ListedAs(SentenceView view, int end)
    {
        for (var j = end; j < view.Count && j < end + 30; j++)
        {
            switch (view.Keys[j])
            {
                case "counties":
                    return "county";
                case "parishes":
                    return "parish";
                case "," or "and" or "or" or "&":
                    continue;
            }

            if (view[j].Text is not { Length: > 0 } text || !char.IsUpper(text[0]))
            {
                return null;
            }
        }

        return null;
    }

    private EventPlace PlaceOf(string text, GazetteerEntry entry)
    {
        var precision = entry.Kind switch { 'C' => "country", 'A' => "admin1", 'D' => "admin2", 'K' or 'R' => "region", _ => "city" };
        var admin1 = entry.Kind is 'P' or 'D' && entry.Admin1 is { } a ? _gazetteer.Admin1(a)?.Name : entry.Kind == 'A' ? entry.Name : null;
        return new EventPlace(text, entry.Name, entry.Kind == 'K' ? null : entry.Country, admin1, Math.Round(entry.Lat, 4), Math.Round(entry.Lon, 4), precision);
    }

    /// <summary>
    /// The gazetteer's readings of words [i, i+length) that the sentence allows: none for a month or weekday
    /// ("in March"), a country's adjective ("Canadian"), or a name the actor dictionary gives a person or an
    /// organisation ("Obama", "Hamas"); only prominent places for a common word written with a capital
    /// ("Police", "Most"); and the country itself when the actor dictionary names one the gazetteer spells
    /// otherwise ("U.S.", "UK").
    /// </summary>
    private List<GazetteerEntry> Readings(SentenceView view, int i, int length, string key, GazetteerEntry? actorCountry, PlaceContext context)
    {
        if (length == 1 && (TimeExpressionRecognizer.IsCalendarWord(key) || context.Surnames.Contains(key)))
        {
            return [];
        }

        // A country's adjective or its people ("Canadian", "Americans") name no place; but a country's own name
        // read as a plural ("the United States", "the Philippines") is still the country.
        var last = view[i + length - 1];
        var candidates = _gazetteer.Lookup(key).ToList();
        if (actorCountry is not null && (last.Upos == UdTag.Adj || last.Xpos is "NNPS" or "NNS") && !candidates.Contains(actorCountry))
        {
            return [];
        }


        // A word the tagger reads as a common noun, or that the story also writes in lower case ("City officials",
        // "Medical Center", "Man booked"), names a country or a region at most.
        if (length == 1 && (last.Upos != UdTag.Propn || context.LowerCaseWords.Contains(key)))
        {
            candidates.RemoveAll(c => c.Kind == 'P');
        }

        // An acronym ("US", "EU") is no village that happens to be spelt so.
        var acronym = length == 1 && last.Text.Length <= 3 && last.Text.All(char.IsUpper);
        if (acronym || IsNonPlaceActor(view, i, i + length))
        {
            candidates.RemoveAll(c => !IsProminent(c));
        }

        // ... also at the head of an institution's name ("the U.S. Department of Agriculture"), not of another
        // place's ("Georgia Street").
        var beforeName = i + length < view.Count && view[i + length].Text is { Length: > 0 } next && char.IsUpper(next[0])
            && (PlaceNouns.Contains(view.Keys[i + length]) || Features.Contains(view.Keys[i + length]));
        if (actorCountry is not null && !beforeName && !candidates.Contains(actorCountry) && !candidates.Any(IsProminent))
        {
            candidates.Add(actorCountry);
        }

        return candidates;
    }

    /// <summary>A country, a continent, a first-level region, a capital or a city of 100,000 people: a reading worth a capitalised common word.</summary>
    private static bool IsProminent(GazetteerEntry entry) => entry.Kind is 'C' or 'K' or 'A' or 'R' || entry.IsCapital || entry.Population >= 100_000;

    /// <summary>The country the actor dictionary gives exactly words [start, end), if that is all it gives them.</summary>
    private GazetteerEntry? ActorCountry(SentenceView view, int start, int end) =>
        ExactActor(view, start, end) is { IsAgent: false, Code.Length: 3 } entry ? _gazetteer.Country(entry.Code) : null;

    /// <summary>
    /// Whether the actor dictionary gives words [start, end) to a person, group or role, not to a country or its
    /// government: a role ("Police"), or a name whose country has no place so called ("Obama", "Hamas"), where
    /// "Paris" for France's government is still Paris.
    /// </summary>
    private bool IsNonPlaceActor(SentenceView view, int start, int end)
    {
        if (ExactActor(view, start, end) is not { } entry)
        {
            return false;
        }

        if (entry.IsAgent || entry.Code.Length < 3 || _gazetteer.Country(entry.Code[..3]) is null)
        {
            return true;
        }

        if (entry.Code.Length == 3)
        {
            return false;
        }

        var country = entry.Code[..3];
        return !_gazetteer.Lookup(string.Join(' ', view.Keys.Skip(start).Take(end - start))).Any(c => c.Country == country);
    }

    private static ActorEntry? ExactActor(SentenceView view, int start, int end) =>
        view.MatchAt[start] is { } match && match.Start == start && match.End == end ? match.On(null) : null;

    /// <summary>
    /// The reading of a name the context supports. Prominence first: population, a capital or a first-level seat,
    /// a country over a town of its name. A qualifier ("Paris, Texas") beats everything; other places the story
    /// names in the same region or country come next; a country the story's actors belong to counts for about as
    /// much as a sixteenfold population, so "Geneva" in a story about Americans is still Geneva, Switzerland,
    /// but "Tripoli" in a story about Lebanon is Lebanon's.
    /// </summary>
    private (GazetteerEntry Entry, bool Qualified) Choose(SentenceView view, int start, int after, IReadOnlyList<GazetteerEntry> candidates, string key, PlaceContext context)
    {
        // "Washington state", "the state of New York": the first-level region, not its namesake city.
        var state = (after < view.Count && view.Keys[after] == "state") || (start >= 2 && view.Keys[start - 1] == "of" && view.Keys[start - 2] == "state");

        string? qualifier = null; // a region's or country's name or abbreviation after a comma ("Paris, Texas", "Louisville, Ky.")
        if (after + 1 < view.Count && view.Keys[after] == ",")
        {
            qualifier = view.Keys[after + 1];
        }

        bool Qualifies(GazetteerEntry c)
        {
            if (qualifier is null || c.Kind == 'C')
            {
                return false;
            }

            var admin = c.Admin1 is { } code ? _gazetteer.Admin1(code)?.Name : null;
            var country = _gazetteer.Country(c.Country)?.Name;
            return (admin is not null && admin.StartsWith(qualifier, StringComparison.OrdinalIgnoreCase))
                || (country is not null && country.StartsWith(qualifier, StringComparison.OrdinalIgnoreCase))
                || (c.Kind != 'A' && _gazetteer.Lookup(qualifier).Any(q => q.Kind == 'A' && q.Id == c.Admin1));
        }

        // "Oregon, Washington and Wyoming": a name listed beside first-level regions is one too.
        var amongRegions = candidates.Any(c => c.Kind == 'A') && (ListedBesideRegion(view, start, -1) || ListedBesideRegion(view, after, +1));
        var best = candidates.MaxBy(c => Score(view, after, c, candidates, key, context) + (Qualifies(c) ? 20 : 0) + (state && c.Kind == 'A' ? 10 : 0)
            + (amongRegions && c.Kind == 'A' ? 3 : 0))!;
        return (best, Qualifies(best));
    }

    /// <summary>
    /// How likely a reading of the name ending before word <paramref name="after"/> is in the story: its prior and
    /// the story's support. A country named like a town of a local story's own country ("Lebanon", "Palestine" in
    /// a story of Pennsylvania or Texas places) is that town unless something else in the story speaks of the country.
    /// </summary>
    private static double Score(SentenceView view, int after, GazetteerEntry c, IReadOnlyList<GazetteerEntry> candidates, string key, PlaceContext context)
    {
        // A region named like a country ("Georgia") is the region when the story's actors are of its country, or
        // its other place names lie there.
        // The country the actor dictionary reads in these very words ("Georgia" as GEO) is no evidence for itself.
        var countryReading = candidates.Any(r => r.Kind == 'C');
        var self = view.MatchAt[after - 1] is { } match && match.End == after && match.On(null) is { IsAgent: false, Code.Length: 3 } entry ? entry.Code : null;
        return Prior(c) + context.Support(c, key) - (c.Kind == 'C' && c.Country == self && context.Countries.Contains(self) ? 1.2 : 0)
            - (c.Kind == 'C' && candidates.Any(r => r.Kind == 'P' && context.IsHome(r.Country, key)) && !context.Supports(c.Country, key) ? 4 : 0)
            + (countryReading && c.Kind == 'A' && c.Country != self && (context.Countries.Contains(c.Country) || context.NamesIn(c.Country, key) >= 0.5) ? 5 : 0);
    }

    /// <summary>
    /// How likely a reading is before the story is read: its size and rank (a country or continent first, a capital
    /// or first-level seat, then a second-level seat; a section of a city, such as Venice in Los Angeles, below a
    /// town). A first-level region weighs its people as a town does (its population is its towns'), so "Ontario"
    /// is the province of 13 million before a town of 10,000.
    /// </summary>
    internal static double Prior(GazetteerEntry c) =>
        Math.Log10(Math.Max(1, c.Population))
        + c.Kind switch { 'C' or 'K' => 6, _ => 1.5 }
        + (c.IsCapital || c.Feature == "PPLA" ? 1 : c.Feature == "PPLA2" ? 0.5 : c.Feature == "PPLX" ? -1 : 0);

    /// <summary>Whether the phrase headed by <paramref name="word"/> names a location: after "in", "at", "near" ..., or "X-based".</summary>
    private static bool IsLocative(SentenceView view, int word)
    {
        var current = word;
        for (var depth = 0; depth < 4 && current >= 0; depth++)
        {
            var rel = view.Relation(current);
            var preposition = view.CaseOf(current);
            if ((UdRelation.IsOblique(rel) || UdRelation.IsNominalModifier(rel) || rel == UdRelation.Advcl)
                && preposition is not null && Locatives.Contains(preposition))
            {
                return true;
            }

            // A phrase with its own non-locative preposition ("negotiations with Japan") is no place.
            if (preposition is not null && rel is not (UdRelation.Compound or UdRelation.Amod))
            {
                return false;
            }

            if (rel is UdRelation.Compound or UdRelation.Amod && view.Head(current) is var modified and >= 0)
            {
                // "a Portland-based company" says where a firm is, not where anything happens.
                if (view.Children(modified).Any(c => view.Keys[c] is "-based" or "based"))
                {
                    return false;
                }

                // "a Washington meeting", "the Dhaka talks": the place of the gathering.
                if (EventNouns.Contains(view.Lemma(modified)))
                {
                    return true;
                }

                // "the Kharkiv region" is a place as its region is; "the Lombard rate" is no place at all.
                if (!PlaceNouns.Contains(view.Lemma(modified)))
                {
                    return false;
                }
            }

            if (rel is UdRelation.Obj && view.Head(current) is var verb and >= 0 && view.Lemma(verb) is "visit" or "arrive" or "enter" or "leave" or "reach" or "tour")
            {
                return true;
            }

            // "an inland city in northeastern China": a place inside a locative phrase.
            if (rel is UdRelation.Nmod or UdRelation.Conj or UdRelation.Appos or UdRelation.Compound or UdRelation.Amod)
            {
                current = view.Head(current);
                continue;
            }

            return false;
        }

        return false;
    }
}
