using Dyad.Actors;
using Dyad.Documents;
using Dyad.Places;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Evaluation;

/// <summary>A gold toponym Dyad found but put elsewhere: how far off, and both readings.</summary>
internal sealed record PlaceError(string Article, GoldToponym Gold, string SystemText, EventPlace System, double Kilometres, string Context);

/// <summary>
/// Toponym recognition (a found name counts when its characters overlap a gold toponym's) and, for the gold
/// toponyms found that have a point, resolution: the share within 161 km (100 miles, the usual threshold), the mean
/// and median great-circle error, and how often the country is right.
/// </summary>
internal sealed record PlaceScore(
    int Articles,
    int Gold,
    int System,
    int GoldFound,
    int SystemRight,
    int Resolvable,
    int Within161,
    double MeanKilometres,
    double MedianKilometres,
    int CountryKnown,
    int CountryCorrect,
    IReadOnlyList<PlaceError> Errors,
    IReadOnlyList<(string Text, int Count)> Missed,
    IReadOnlyList<(string Text, int Count)> Spurious,
    IReadOnlyList<string> SpuriousExamples)
{
    /// <summary>The share of found names that overlap a gold toponym.</summary>
    public double Precision => System == 0 ? 0 : (double)SystemRight / System;

    /// <summary>The share of gold toponyms that a found name overlaps.</summary>
    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy161 => Resolvable == 0 ? 0 : (double)Within161 / Resolvable;

    public double CountryAccuracy => CountryKnown == 0 ? 0 : (double)CountryCorrect / CountryKnown;
}

/// <summary>
/// Runs Dyad's own stages over each article of a geoparsing corpus (the news segmenter, tokenizer and splitter,
/// the tagger and parser, the actor dictionaries for the countries the article is about, the place resolver over
/// every sentence) and compares the places it names with the corpus's toponyms by character offsets.
/// </summary>
internal sealed class PlaceEvaluator
{
    private const double EarthRadiusKm = 6371.0088;

    private readonly DocumentSegmenter _segmenter;
    private readonly SyntaxPipeline _syntax;
    private readonly ActorDictionary _actors;
    private readonly PlaceResolver _resolver;
    private readonly Gazetteer _gazetteer;

    public PlaceEvaluator(DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors, Gazetteer gazetteer)
    {
        _segmenter = segmenter;
        _syntax = syntax;
        _actors = actors;
        _gazetteer = gazetteer;
        _resolver = new PlaceResolver(gazetteer);
    }

    public static PlaceEvaluator CreateDefault() => new(DocumentSegmenter.Default, SyntaxPipeline.Default, ActorDictionary.LoadBuiltIn(), Gazetteer.Default);

    /// <summary>The places Dyad names in a text, with their characters.</summary>
    public IReadOnlyList<(TextSpan Span, PlaceMention Mention)> Places(string id, string text)
    {
        var segmented = _segmenter.Segment(new Document(id, text));
        var views = segmented.Sentences.Select(s => new SentenceView(s, _actors, _syntax, mayHaveActorPhrase: true)).ToList();
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            foreach (var match in view.MatchAt)
            {
                if (match?.On(null) is { IsAgent: false } entry && ActorCode.TryParse(entry.Code, out var code) && code.Country is { } country)
                {
                    countries.Add(country);
                }
            }
        }

        // Every view is tagged: finding its actor phrases read its lemmas.
        var context = _resolver.ContextOf(views, countries);
        return views.SelectMany(view => _resolver.Toponyms(view, context).Select(m => (view.SpanOf(m.Start, m.End - 1), m))).ToList();
    }

    public PlaceScore Evaluate(GeoparsingCorpus corpus)
    {
        var found = new IReadOnlyList<(TextSpan Span, PlaceMention Mention)>[corpus.Articles.Count];
        Parallel.For(0, corpus.Articles.Count, k => found[k] = Places(corpus.Articles[k].Id, corpus.Articles[k].Text));

        int gold = 0, system = 0, recalled = 0, precise = 0, resolvable = 0, within = 0, countryKnown = 0, countryCorrect = 0;
        var distances = new List<double>();
        var errors = new List<PlaceError>();
        var missed = new Dictionary<string, int>(StringComparer.Ordinal);
        var spurious = new Dictionary<string, int>(StringComparer.Ordinal);
        var spuriousExamples = new List<string>();
        for (var k = 0; k < corpus.Articles.Count; k++)
        {
            var article = corpus.Articles[k];
            var places = found[k];
            gold += article.Toponyms.Count;
            system += places.Count;
            foreach (var (span, _) in places)
            {
                if (article.Toponyms.Any(t => Overlaps(span, t)))
                {
                    precise++;
                }
                else
                {
                    Count(spurious, span.Slice(article.Text).ToString());
                    var from = Math.Max(0, span.Start - 50);
                    var to = Math.Min(article.Text.Length, span.End + 50);
                    spuriousExamples.Add($"'{span.Slice(article.Text)}' | {article.Text[from..to].ReplaceLineEndings(" ")}");
                }
            }

            foreach (var toponym in article.Toponyms)
            {
                // The found name that shares most characters with the gold one is its reading; of two that share as
                // many, the shorter: "Canada" in "Toronto, Canada" is the qualifier's own mention, not the town's.
                var match = places.Where(p => Overlaps(p.Span, toponym))
                    .OrderByDescending(p => Math.Min(p.Span.End, toponym.End) - Math.Max(p.Span.Start, toponym.Start))
                    .ThenBy(p => p.Span.End - p.Span.Start)
                    .Select(p => ((TextSpan Span, PlaceMention Mention)?)p).FirstOrDefault();
                if (match is not { } m)
                {
                    Count(missed, toponym.Text);
                    continue;
                }

                recalled++;
                var place = m.Mention.Place;
                if (toponym is { Lat: { } lat, Lon: { } lon } && place is { Lat: { } placeLat, Lon: { } placeLon })
                {
                    resolvable++;
                    var km = Kilometres(lat, lon, placeLat, placeLon);
                    distances.Add(km);
                    if (km <= 161)
                    {
                        within++;
                    }
                    else
                    {
                        var from = Math.Max(0, toponym.Start - 60);
                        var to = Math.Min(article.Text.Length, toponym.End + 60);
                        errors.Add(new PlaceError(article.Id, toponym, m.Span.Slice(article.Text).ToString(), place, km, article.Text[from..to].ReplaceLineEndings(" ")));
                    }

                    if (GoldCountry(toponym) is { } country)
                    {
                        countryKnown++;
                        countryCorrect += country == place.Country ? 1 : 0;
                    }
                }
            }
        }

        distances.Sort();
        return new PlaceScore(
            corpus.Articles.Count,
            gold,
            system,
            recalled,
            precise,
            resolvable,
            within,
            distances.Count == 0 ? 0 : distances.Average(),
            distances.Count == 0 ? 0 : Median(distances),
            countryKnown,
            countryCorrect,
            errors,
            Top(missed),
            Top(spurious),
            spuriousExamples);
    }

    private static bool Overlaps(TextSpan span, GoldToponym toponym) => span.Start < toponym.End && toponym.Start < span.End;

    /// <summary>
    /// The gold toponym's country: the one its gazetteer entry names (LGL), else that of the nearest town Dyad's
    /// gazetteer knows to its point (GeoVirus gives only a point and a Wikipedia page).
    /// </summary>
    private string? GoldCountry(GoldToponym toponym)
    {
        if (toponym.CountryName is { } name)
        {
            return _gazetteer.Lookup(Gazetteer.Key(name.Split(' '))).FirstOrDefault(e => e.Kind == 'C')?.Country;
        }

        return toponym is { Lat: { } lat, Lon: { } lon } ? _gazetteer.NearestTown(lat, lon)?.Country : null;
    }

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static void Count(Dictionary<string, int> counts, string text) => counts[text] = counts.GetValueOrDefault(text) + 1;

    private static List<(string, int)> Top(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
}
