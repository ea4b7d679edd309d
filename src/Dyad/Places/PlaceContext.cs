namespace Dyad.Places;

/// <summary>
/// What a story tells the place resolver beyond the sentence at hand: the countries its actors belong to, the
/// surnames of the people it names ("Jones" after "Keith Jones" is no town), and, for each first-level region and
/// country, which of its place names point there ("Shreveport" and "Louisiana" make "Alexandria" Louisiana's).
/// </summary>
internal sealed class PlaceContext
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    private readonly Dictionary<string, Dictionary<string, double>> _regionVotes;
    private readonly Dictionary<string, Dictionary<string, double>> _countryVotes;

    public PlaceContext(IReadOnlyCollection<string> countries)
        : this(countries, None, new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    public PlaceContext(IReadOnlyCollection<string> countries, IReadOnlySet<string> surnames, Dictionary<string, Dictionary<string, double>> regionVotes, Dictionary<string, Dictionary<string, double>> countryVotes)
    {
        Countries = countries;
        Surnames = surnames;
        _regionVotes = regionVotes;
        _countryVotes = countryVotes;
    }

    /// <summary>The countries the story's actors belong to (alpha-3).</summary>
    public IReadOnlyCollection<string> Countries { get; }

    /// <summary>The lookup keys of words the story also writes in lower case (so they are common words to it).</summary>
    public IReadOnlySet<string> LowerCaseWords { get; init; } = None;

    /// <summary>The lookup keys of words the story uses as surnames.</summary>
    public IReadOnlySet<string> Surnames { get; }

    /// <summary>
    /// For each country the story's actor phrases name, the lookup keys of those phrases ("paris" for France's
    /// government): a name is no evidence for its own reading ("Paris" as FRAGOV does not make "Paris" Paris, France).
    /// Countries not listed here (the story's home from its dateline or publisher) count whatever the name.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ActorNames { get; init; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>
    /// How much the story supports a reading of the name <paramref name="key"/>: the story's actors being of its
    /// country, and the other names of the
    /// story that may lie in its region or country.
    /// </summary>
    public double Support(GazetteerEntry reading, string key)
    {
        // The capital of a country the story is about is that capital ("Washington" in a story about the United
        // States and Britain is not the English town).
        var actors = ActorCountry(reading.Country, key) ? (reading.IsCapital ? 4.5 : 1.2) : 0;
        var names = 0.0;
        var region = reading.Kind == 'A' ? reading.Id : reading.Admin1;
        if (region is not null && _regionVotes.TryGetValue(region, out var inRegion))
        {
            names += 2 * Math.Min(3, Others(inRegion, key));
        }

        if (_countryVotes.TryGetValue(reading.Country, out var inCountry))
        {
            names += 1.0 * Math.Min(3, Others(inCountry, key));
        }

        // Other names of the story that may be towns or counties near this one ("Oakwood" and "Flowery Branch"
        // beside Gainesville, Georgia; "Hall County"): a local story's places lie together, whether or not it names
        // their state.
        if (reading.Kind is 'P' or 'D')
        {
            names += 1.5 * Math.Min(3, Near(reading, key));
        }

        // However many names point somewhere, they outweigh at most a population a million times larger.
        return actors + Math.Min(6, names) + (reading.Kind is 'P' or 'A' or 'D' && HomeCountry(key) == reading.Country ? 2 : 0);
    }

    /// <summary>For each name of the story, the towns and counties it may be and how likely each is.</summary>
    public IReadOnlyDictionary<string, List<(GazetteerEntry Entry, double Weight)>> Towns { get; init; } = new Dictionary<string, List<(GazetteerEntry, double)>>(StringComparer.Ordinal);

    /// <summary>How many of the story's other names may be a town or county within 80 km of <paramref name="reading"/>, each as likely as its nearest such reading (at least one over its number of readings).</summary>
    private double Near(GazetteerEntry reading, string key)
    {
        var near = 0.0;
        foreach (var (other, towns) in Towns)
        {
            if (other == key || key.Contains(other, StringComparison.Ordinal) || other.Contains(key, StringComparison.Ordinal))
            {
                continue;
            }

            var best = 0.0;
            foreach (var (town, weight) in towns)
            {
                if (!ReferenceEquals(town, reading) && Kilometres(town, reading) <= 80)
                {
                    best = Math.Max(best, Math.Max(weight, 1.0 / towns.Count));
                }
            }

            near += best;
        }

        return near;
    }

    private static double Kilometres(GazetteerEntry a, GazetteerEntry b)
    {
        var dLat = a.Lat - b.Lat;
        var dLon = (a.Lon - b.Lon) * Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180);
        return 111.2 * Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }

    /// <summary>Whether a country is the one a local story is set in, by its names other than <paramref name="key"/>.</summary>
    public bool IsHome(string country, string key) => HomeCountry(key) == country;

    /// <summary>Whether anything in the story besides the name <paramref name="key"/> speaks of a country: an actor of it, or another place name there.</summary>
    public bool Supports(string country, string key) => ActorCountry(country, key) || NamesIn(country, key) >= 0.5;

    /// <summary>Whether the story's actors are of a country, by a phrase other than the name <paramref name="key"/>.</summary>
    private bool ActorCountry(string country, string key) =>
        Countries.Contains(country) && (!ActorNames.TryGetValue(country, out var names) || names.Any(n => n != key));

    /// <summary>
    /// The one country a local story is set in, as far as its other names tell (besides <paramref name="key"/>):
    /// at least one other place name, four fifths of their weight in that country, and no actor of another country.
    /// A local paper names its towns without their state or country ("Paris police", "of rural Paris"); a big city
    /// abroad comes with that country's people or places around it.
    /// </summary>
    private string? HomeCountry(string key)
    {
        var shares = _countryVotes.Select(kv => (Country: kv.Key, Weight: Others(kv.Value, key))).Where(x => x.Weight > 0).ToList();
        var total = shares.Sum(x => x.Weight);
        if (total < 1)
        {
            return null;
        }

        var (home, weight) = shares.MaxBy(x => x.Weight);
        return weight >= 0.8 * total && Countries.All(c => c == home || !ActorCountry(c, key)) ? home : null;
    }

    /// <summary>How many of the story's other place names (weighed by how likely each reading is) lie in a country.</summary>
    public double NamesIn(string country, string key) => _countryVotes.TryGetValue(country, out var votes) ? Others(votes, key) : 0;

    private static double Others(Dictionary<string, double> votes, string key) => votes.Where(v => v.Key != key).Sum(v => v.Value);
}
