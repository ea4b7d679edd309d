using System.Collections.Frozen;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Places;

/// <summary>A place named in a sentence: its words [Start, End), the word heading its locative phrase, and where it is.</summary>
internal sealed record PlaceMention(int Start, int End, int Phrase, EventPlace Place)
{
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
        foreach (var line in ResourceFiles.ReadText("places/regions.txt").Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            table[(f[0], f[1])] = (f[2], f[3].Split('|'));
        }

        return table;
    }

    /// <summary>The places a sentence names as locations ("in Geneva", "Geneva-based"): where things happen.</summary>
    public IReadOnlyList<PlaceMention> Find(SentenceView view, IReadOnlyCollection<string> documentCountries) =>
        Toponyms(view, documentCountries).Where(m => m.IsLocative).ToList();

    /// <summary>Every place name in a sentence, in a locative position or not ("Tokyo said"), for geoparsing.</summary>
    public IReadOnlyList<PlaceMention> Toponyms(SentenceView view, IReadOnlyCollection<string> documentCountries)
    {
        var mentions = new List<PlaceMention>();
        var i = 0;
        while (i < view.Count)
        {
            // A longer name wins over a direction: "North Korea", "South Africa", "East Timor".
            var named = Named(view, i, documentCountries);
            var found = named is { } n && n.End - n.Start > 1 ? named : Region(view, i) ?? named;
            if (found is { } mention)
            {
                mentions.Add(mention with { IsLocative = IsLocative(view, mention.Phrase) });
                i = mention.End;
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    /// <summary>"northeastern China": the country's first-level regions that lie that way from its middle.</summary>
    private PlaceMention? Region(SentenceView view, int i)
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
    private PlaceMention? Named(SentenceView view, int i, IReadOnlyCollection<string> documentCountries)
    {
        var word = view[i];
        if (word.Text.Length == 0 || !char.IsUpper(word.Text[0]) || word.Upos is not (UdTag.Propn or UdTag.Noun or UdTag.Adj or UdTag.X))
        {
            return null;
        }

        // Part of a longer proper name ("Camp David") is not that name's place.
        if (i > 0 && view[i - 1].Upos == UdTag.Propn && char.IsUpper(view[i - 1].Text[0]))
        {
            return null;
        }

        for (var length = Math.Min(_gazetteer.MaxWords, Math.Min(6, view.Count - i)); length >= 1; length--)
        {
            if (!char.IsUpper(view[i + length - 1].Text[0]))
            {
                continue;
            }

            var key = string.Join(' ', view.Keys.Skip(i).Take(length));
            var candidates = _gazetteer.Lookup(key);
            if (candidates.Count == 0)
            {
                continue;
            }

            if (i + length < view.Count && view[i + length].Upos == UdTag.Propn && char.IsUpper(view[i + length].Text[0]))
            {
                continue;
            }

            var (best, qualified) = Choose(view, i + length, candidates, documentCountries);
            var end = i + length;
            var phrase = ClauseStructure.HeadOfRange(view, i, end);
            var precision = best.Kind switch { 'C' => "country", 'A' => "admin1", _ => "city" };
            var admin1 = best.Kind == 'P' && best.Admin1 is { } a ? _gazetteer.Admin1(a)?.Name : best.Kind == 'A' ? best.Name : null;
            var span = view.SpanOf(i, end - 1);

            // "Alexandria, Virginia": the qualifier belongs to the name.
            if (qualified)
            {
                end += 2;
                span = view.SpanOf(i, end - 1);
            }

            return new PlaceMention(i, end, phrase, new EventPlace(view.TextOf(span), best.Name, best.Country, admin1, Math.Round(best.Lat, 4), Math.Round(best.Lon, 4), precision));
        }

        return null;
    }

    /// <summary>The reading of a name the context supports: a qualifier ("Paris, Texas"), the document's countries, size.</summary>
    private (GazetteerEntry Entry, bool Qualified) Choose(SentenceView view, int after, IReadOnlyList<GazetteerEntry> candidates, IReadOnlyCollection<string> documentCountries)
    {
        string? qualifier = null;
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
                || (country is not null && country.StartsWith(qualifier, StringComparison.OrdinalIgnoreCase));
        }

        // Size decides among equals; a city beats a region of its name; the document's countries beat size; a
        // qualifier beats everything.
        var best = candidates.MaxBy(c =>
        {
            var score = Math.Log10(Math.Max(1, c.Population));
            score += c.Kind switch { 'C' => 6, 'A' => 0, _ => 1.5 };
            score += c.IsCapital ? 1 : 0;
            score += documentCountries.Contains(c.Country) ? 7 : 0;
            score += Qualifies(c) ? 20 : 0;
            return score;
        })!;
        return (best, Qualifies(best));
    }

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

            if (rel is UdRelation.Compound or UdRelation.Amod && view.Children(view.Head(current)).Any(c => view.Keys[c] is "-based" or "based"))
            {
                return true;
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
