using System.Globalization;
using Dyad.Actors;

namespace Dyad.Places;

/// <summary>One gazetteer row: a country (C), a continent (K, no country), a first-level region (A), a region whose parts are first-level regions (R: "Java", "Darfur"), a county (D: of the United States, the United Kingdom or Ireland) or a populated place (P).</summary>
internal sealed record GazetteerEntry(char Kind, string Id, string Name, string Country, string? Admin1, double Lat, double Lon, long Population, string Feature)
{
    /// <summary>For countries: where their towns lie (1st to 99th percentile of latitude and longitude).</summary>
    public (double Low, double High) LatExtent { get; init; }

    public (double Low, double High) LonExtent { get; init; }

    /// <summary>A capital, or the seat of government where that is elsewhere (La Paz).</summary>
    public bool IsCapital => Feature is "PPLC" or "PPLG";
}

/// <summary>
/// The place names Dyad knows (resources/places/gazetteer.tsv, from GeoNames and mledoze/countries): looked up by
/// their words, ignoring case; every reading of a name is kept for disambiguation.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shipped = new(() => Parse(ResourceFiles.ReadText("places/gazetteer.tsv")));

    private readonly Dictionary<string, List<GazetteerEntry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> _admin1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GazetteerEntry>> _admin1ByCountry = new(StringComparer.Ordinal);

    private readonly Lazy<Dictionary<(int, int), List<GazetteerEntry>>> _towns;

    private Gazetteer()
    {
        _towns = new(() =>
        {
            var grid = new Dictionary<(int, int), List<GazetteerEntry>>();
            foreach (var town in _byName.Values.SelectMany(list => list).Where(e => e.Kind == 'P').Distinct())
            {
                var cell = Cell(town.Lat, town.Lon);
                if (!grid.TryGetValue(cell, out var list))
                {
                    grid[cell] = list = [];
                }

                list.Add(town);
            }

            return grid;
        });
    }

    public static Gazetteer Default => Shipped.Value;

    public int Count { get; private set; }

    /// <summary>The longest name a lookup tries, in words.</summary>
    public int MaxWords { get; private set; }

    public IReadOnlyList<GazetteerEntry> Lookup(string key) => _byName.TryGetValue(key, out var list) ? list : [];

    public GazetteerEntry? Country(string alpha3) => _countries.GetValueOrDefault(alpha3);

    public GazetteerEntry? Admin1(string code) => _admin1.GetValueOrDefault(code);

    public IReadOnlyList<GazetteerEntry> Admin1Of(string alpha3) => _admin1ByCountry.GetValueOrDefault(alpha3) ?? [];

    /// <summary>The populated place nearest a point (by a one-degree grid, looking up to five cells away), if any.</summary>
    public GazetteerEntry? NearestTown(double lat, double lon)
    {
        var grid = _towns.Value;
        var (row, column) = Cell(lat, lon);
        GazetteerEntry? best = null;
        var bestDistance = double.MaxValue;
        for (var ring = 0; ring <= 5 && best is null; ring++)
        {
            // One ring further than the first find, since a nearer town may lie in the next cell.
            for (var r = row - ring - 1; r <= row + ring + 1; r++)
            {
                for (var c = column - ring - 1; c <= column + ring + 1; c++)
                {
                    foreach (var town in grid.GetValueOrDefault((r, ((c % 360) + 360) % 360)) ?? [])
                    {
                        var dLat = town.Lat - lat;
                        var dLon = (town.Lon - lon) * Math.Cos(lat * Math.PI / 180);
                        var distance = (dLat * dLat) + (dLon * dLon);
                        if (distance < bestDistance)
                        {
                            (best, bestDistance) = (town, distance);
                        }
                    }
                }
            }
        }

        return best;
    }

    private static (int Row, int Column) Cell(double lat, double lon) => ((int)Math.Floor(lat), (((int)Math.Floor(lon) % 360) + 360) % 360);

    /// <summary>The lookup key of a name: its words as the tokenizer splits them, lower case, joined by spaces.</summary>
    public static string Key(IEnumerable<string> words) => string.Join(' ', words.Select(ActorDictionary.Key));

    public static Gazetteer Parse(string text)
    {
        var gazetteer = new Gazetteer();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            var kind = f[0][0];
            var entry = new GazetteerEntry(kind, f[1], f[2], f[4], f[5].Length > 0 ? f[5] : null, D(f[6]), D(f[7]),
                long.Parse(f[8], CultureInfo.InvariantCulture), kind is 'P' or 'D' ? f[9] : kind == 'C' ? "country" : kind == 'K' ? "continent" : kind == 'R' ? "region" : "admin1");
            if (kind == 'C')
            {
                entry = entry with { LatExtent = Range(f[9]), LonExtent = Range(f[10]) };
                gazetteer._countries[entry.Id] = entry;
            }
            else if (kind == 'A')
            {
                gazetteer._admin1[entry.Id] = entry;
                if (!gazetteer._admin1ByCountry.TryGetValue(entry.Country, out var list))
                {
                    gazetteer._admin1ByCountry[entry.Country] = list = [];
                }

                list.Add(entry);
            }

            gazetteer.AddName(f[2], entry);
            foreach (var alternate in f[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                gazetteer.AddName(alternate, entry);
            }

            gazetteer.Count++;
        }

        return gazetteer;
    }

    private void AddName(string name, GazetteerEntry entry)
    {
        var words = ActorDictionary.PhraseKeys(name);
        if (words.Count == 0)
        {
            return;
        }

        var key = string.Join(' ', words);
        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }

        MaxWords = Math.Max(MaxWords, words.Count);
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static (double, double) Range(string text)
    {
        var parts = text.Split("..");
        return parts.Length == 2 ? (D(parts[0]), D(parts[1])) : (0, 0);
    }
}
