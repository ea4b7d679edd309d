using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Places;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Places;

/// <summary>
/// Toponyms and regional descriptions resolved as far as the text allows (place-cases.tsv, written for Dyad):
/// cities and countries, regions such as "northeastern China", and ambiguous names decided by a qualifier
/// ("Paris, Texas") or by the countries the document is about ("Georgia", "Tripoli", "Cambridge").
/// A name in an actor's position ("Tokyo criticised Beijing") is no place.
/// </summary>
public sealed class PlaceResolverTests
{
    private static readonly Lazy<ActorDictionary> Actors = new(ActorDictionary.LoadBuiltIn);
    private static readonly Lazy<PlaceResolver> Resolver = new(() => new PlaceResolver(Gazetteer.Default));

    public static TheoryData<string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Places", "place-cases.tsv")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var f = line.Split('\t');
                data.Add(f[0], f[1], f[2], f[3], f[4]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_the_place_the_sentence_names(string text, string countries, string name, string country, string precision)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var found = Resolver.Value.Find(view, countries.Split('|', StringSplitOptions.RemoveEmptyEntries));

        if (name == "-")
        {
            Assert.DoesNotContain(found, m => m.Place.Precision != "region" || text.Contains("Kenya", StringComparison.Ordinal));
            return;
        }

        var place = Assert.Single(found).Place;
        Assert.Equal((name, country, precision), (place.Name, place.Country, place.Precision));
        Assert.NotNull(place.Lat);
        Assert.NotNull(place.Lon);
    }

    [Theory]
    [InlineData("Storms moved from Kentucky into Georgia.", "Georgia", "USA")]
    [InlineData("Officials from Tbilisi met farmers in Georgia.", "Georgia", "GEO")]
    public void Reads_a_name_by_the_other_places_of_its_story(string text, string name, string country)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);
        var context = Resolver.Value.ContextOf([view], []);

        var place = Assert.Single(Resolver.Value.Find(view, context), m => m.Place.Name == name).Place;

        Assert.Equal(country, place.Country);
    }

    /// <summary>
    /// A story's names read together: a local story names its towns bare ("Paris police"), and the other names
    /// of its country and state decide which Paris it is (Paris, Illinois), even though the actor dictionary gives
    /// "Paris" to France's government; "Georgia" becomes the state once the story's other names point to the
    /// United States, and then it points "Gainesville" to Georgia's; so do towns near it the story names without
    /// their state, even across a state line (Phenix City, Alabama, for Columbus, Georgia).
    /// </summary>
    [Theory]
    [InlineData("Paris police arrested two men on Friday.|The men were taken to a hospital in Urbana, Illinois.|Both live in rural Paris.", "Paris", "USA", "Illinois")]
    [InlineData("A sewer line broke in Gainesville on Monday.|Officials in Georgia said the spill was small.", "Gainesville", "USA", "Georgia")]
    [InlineData("The treaty was signed in Paris.|French and German ministers attended.", "Paris", "FRA", "Île-de-France")]
    [InlineData("Schools in northeast Georgia closed on Monday.|Officials in Atlanta and Athens said the storm was severe.", "Georgia", "USA", "Georgia")]
    [InlineData("Lebanon police arrested a man on Friday.|He was taken to the jail in Zionsville, Indiana.", "Lebanon", "USA", "Indiana")]
    [InlineData("Columbus police arrested a man on Friday.|He was taken to a hospital in Phenix City.", "Columbus", "USA", "Georgia")]
    [InlineData("Deputies searched a farm in Boone County.|The Indiana Department of Natural Resources joined the search.", "Boone County", "USA", "Indiana")]
    public void Reads_a_local_story_by_its_other_names(string sentences, string name, string country, string admin1)
    {
        var views = sentences.Split('|')
            .Select(text => DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single())
            .Select(sentence => new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value))
            .ToList();
        var countries = views.SelectMany(v => v.MatchAt).OfType<ActorMatch>()
            .Select(m => m.On(null)).OfType<ActorEntry>().Where(e => !e.IsAgent && e.Code.Length >= 3).Select(e => e.Code[..3]).ToHashSet();
        var context = Resolver.Value.ContextOf(views, countries);

        var places = views.SelectMany(v => Resolver.Value.Toponyms(v, context)).Where(m => m.Place.Name == name).ToList();

        Assert.NotEmpty(places);
        Assert.All(places, m => Assert.Equal((country, admin1), (m.Place.Country, m.Place.Admin1)));
    }

    /// <summary>
    /// Every place name, locative or not: a country, a state or a county at the head of its institutions; no town
    /// inside "European Union"; a county in a list of counties; the country a regional description names beside
    /// the region; a qualifying country spelt as a plural; a country's adjective or people.
    /// </summary>
    [Theory]
    [InlineData("The U.S. Department of Agriculture said so on Monday.", "United States")]
    [InlineData("Ministers of the European Union met on Monday.", "")]
    [InlineData("The Indiana Department of Health said so on Monday.", "Indiana")]
    [InlineData("The Laurel County Sheriff's Office said so on Monday.", "Laurel County")]
    [InlineData("Schools closed in Jackson and Barrow counties on Monday.", "Jackson County|Barrow County")]
    [InlineData("Floods hit northern China on Monday.", "North China|China")]
    [InlineData("Cases were reported in Ohio, United States, on Monday.", "Ohio|United States")]
    [InlineData("Russian troops entered the town on Monday.", "Russia")]
    [InlineData("Tourists from the Americas crossed the Indian Ocean.", "")]
    public void Reads_every_place_name(string text, string names)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var found = Resolver.Value.Toponyms(view, Resolver.Value.ContextOf([view], []));

        Assert.Equal(names.Split('|', StringSplitOptions.RemoveEmptyEntries), found.Select(m => m.Place.Name));
    }

    /// <summary>A name listed among first-level regions is one: "Washington" beside Oregon and Wyoming is the state, not the capital.</summary>
    [Fact]
    public void Reads_a_name_listed_among_states_as_a_state()
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", "Cases were reported in Oregon, Washington and Wyoming.")).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var found = Resolver.Value.Find(view, Resolver.Value.ContextOf([view], []));

        Assert.Equal(["Oregon", "Washington", "Wyoming"], found.Select(m => m.Place.Name));
        Assert.All(found, m => Assert.Equal(("admin1", "USA"), (m.Place.Precision, m.Place.Country)));
    }

    /// <summary>
    /// A country's adjective or people names the country for geoparsing, but never the place of an event: "Russian
    /// troops" act wherever they are.
    /// </summary>
    [Fact]
    public void Reads_a_demonym_as_a_toponym_but_not_as_a_place()
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", "Russian troops shelled Palestinian villages.")).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);
        var context = Resolver.Value.ContextOf([view], ["RUS", "PSE"]);

        var toponyms = Resolver.Value.Toponyms(view, context);

        Assert.Equal([("Russian", "RUS"), ("Palestinian", "PSE")], toponyms.Select(m => (m.Place.Text, m.Place.Country)));
        Assert.Empty(Resolver.Value.Find(view, context));
    }

    [Theory]
    [InlineData("FRANKFURT", "Frankfurt am Main", "DEU")]
    [InlineData("HAVANA", "Havana", "CUB")]
    public void Reads_a_dateline_as_the_city_the_world_knows(string dateline, string name, string country)
    {
        var place = Resolver.Value.Dateline(dateline);

        Assert.NotNull(place);
        Assert.Equal((name, country), (place.Name, place.Country));
    }

    [Fact]
    public void Takes_a_continent_for_a_continent()
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", "The virus spread across Africa and Asia.")).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var found = Resolver.Value.Find(view, []);

        Assert.Equal(["Africa", "Asia"], found.Select(m => m.Place.Name));
        Assert.All(found, m => Assert.Equal(("region", null), (m.Place.Precision, m.Place.Country)));
    }

    /// <summary>
    /// A region whose parts are first-level regions ("Darfur" of North, South and West Darfur) is no surname where
    /// one of its parts is written otherwise than the gazetteer spells it ("South Darfur" for Southern Darfur).
    /// </summary>
    [Fact]
    public void Reads_a_region_of_first_level_regions_after_a_part_of_it()
    {
        var views = new[] { "He visited Nyala, the capital of South Darfur.", "Aid workers returned to Darfur." }
            .Select(text => new SentenceView(SyntaxPipeline.Default.Parse(DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single()), Actors.Value))
            .ToList();
        var context = Resolver.Value.ContextOf(views, []);

        var place = Assert.Single(Resolver.Value.Toponyms(views[1], context)).Place;

        Assert.Equal(("Darfur", "SDN", "region"), (place.Name, place.Country, place.Precision));
    }

    /// <summary>
    /// A continent at the point GeoNames gives its continent feature, which gazetteers and geoparsing corpora share,
    /// not the middle of its countries' land (Africa was at 6.14°N 18.33°E, 340 km away; Asia at 41.68°N 89.87°E).
    /// </summary>
    [Theory]
    [InlineData("The virus spread across Africa.", 7.1881, 21.09375)]
    [InlineData("The virus spread across Asia.", 29.84064, 89.29688)]
    [InlineData("The virus spread across Europe.", 48.69096, 9.14062)]
    [InlineData("The virus spread across South America.", -14.60485, -57.65625)]
    public void Puts_a_continent_at_the_point_of_its_GeoNames_feature(string text, double lat, double lon)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var place = Assert.Single(Resolver.Value.Find(view, [])).Place;

        Assert.True(Dyad.Evaluation.PlaceEvaluator.Kilometres(lat, lon, place.Lat!.Value, place.Lon!.Value) < 1, $"{place.Name} at {place.Lat},{place.Lon}");
    }

    /// <summary>
    /// A country at its conventional point (the Factbook's, which GeoNames gives too), not the middle of its land:
    /// Russia at 60°N 100°E; the United States at the centre of its contiguous states (39°50′N 98°35′W).
    /// </summary>
    [Theory]
    [InlineData("Talks continued in Russia.", 60.0, 100.0)]
    [InlineData("Talks continued in Canada.", 60.0, -95.0)]
    [InlineData("Talks continued in the United States.", 39.8333, -98.5833)]
    public void Puts_a_country_at_its_conventional_point(string text, double lat, double lon)
    {
        var sentence = DocumentSegmenter.Default.Segment(new Document("p", text)).Sentences.Single();
        var view = new SentenceView(SyntaxPipeline.Default.Parse(sentence), Actors.Value);

        var place = Assert.Single(Resolver.Value.Find(view, [])).Place;

        Assert.Equal("country", place.Precision);
        Assert.True(Dyad.Evaluation.PlaceEvaluator.Kilometres(lat, lon, place.Lat!.Value, place.Lon!.Value) < 20, $"{place.Name} at {place.Lat},{place.Lon}");
    }
}
