using Dyad.Evaluation;

namespace Dyad.Tests.Evaluation;

/// <summary>
/// <c>dyad eval places</c>: both corpus layouts read with their offsets checked against the words they mark, the
/// scoring of a small corpus written for Dyad worked out by hand, and malformed input refused with its path.
/// </summary>
public sealed class PlaceEvaluatorTests
{
    private static readonly Lazy<PlaceEvaluator> Evaluator = new(PlaceEvaluator.CreateDefault);

    [SkippableFact]
    public void Reads_both_corpora_and_finds_every_toponym_at_its_offsets()
    {
        var lgl = GeoparsingCorpus.Read(SharedData.Require("eval", "geoparsing", "lgl.xml"));
        var geoVirus = GeoparsingCorpus.Read(SharedData.Require("eval", "geoparsing", "GeoVirus.xml"));

        Assert.Equal((588, 5088, 0, 0), (lgl.Articles.Count, lgl.Articles.Sum(a => a.Toponyms.Count), lgl.Realigned, lgl.Unaligned));
        Assert.Equal((229, 2170, 0), (geoVirus.Articles.Count, geoVirus.Articles.Sum(a => a.Toponyms.Count), geoVirus.Unaligned));
        Assert.All(lgl.Articles.Concat(geoVirus.Articles).SelectMany(a => a.Toponyms.Select(t => (a.Text, t))),
            x => Assert.Equal(x.t.Text, x.Text[x.t.Start..x.t.End]));
    }

    [Fact]
    public void Scores_recognition_by_overlap_and_resolution_by_distance()
    {
        // Geneva is found and put right; Paris is found and put in France, not Texas; Lake Nowhere is missed.
        const string text = "The talks were held in Geneva on Monday. A festival opened in Paris near Lake Nowhere.";
        var xml = $"""
            <articles><article><text>{text}</text><locations>
              <location><name>Geneva</name><start>23</start><end>29</end><lat>46.2</lat><lon>6.15</lon></location>
              <location><name>Paris</name><start>62</start><end>67</end><lat>33.66</lat><lon>-95.56</lon></location>
              <location><name>Lake Nowhere</name><start>73</start><end>85</end><lat>10</lat><lon>10</lon></location>
            </locations></article></articles>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"dyad-places-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try
        {
            var score = Evaluator.Value.Evaluate(GeoparsingCorpus.Read(path));

            Assert.Equal((3, 2, 2, 2), (score.Gold, score.System, score.GoldFound, score.SystemRight));
            Assert.Equal((2, 1), (score.Resolvable, score.Within161));
            var error = Assert.Single(score.Errors);
            Assert.Equal(("Paris", "FRA"), (error.SystemText, error.System.Country));
            Assert.InRange(error.Kilometres, 7000, 8500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reads_a_qualifier_by_its_own_mention()
    {
        // "Canada" in "Toronto, Canada" is the qualifier's own toponym (the country), not the town it qualifies.
        const string text = "A hospital wing was closed in Toronto, Canada, on Monday.";
        var xml = $"""
            <articles><article><text>{text}</text><locations>
              <location><name>Toronto</name><start>30</start><end>37</end><lat>43.7</lat><lon>-79.4</lon></location>
              <location><name>Canada</name><start>39</start><end>45</end><lat>60</lat><lon>-95</lon></location>
            </locations></article></articles>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"dyad-places-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try
        {
            var score = Evaluator.Value.Evaluate(GeoparsingCorpus.Read(path));

            Assert.Equal((2, 2, 2), (score.Gold, score.GoldFound, score.Resolvable));
            Assert.Equal(2, score.Within161);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<articles><article><text>x", "not well-formed XML")]
    [InlineData("<root/>", "expected an <articles> root")]
    [InlineData("<articles><article><text>In Paris.</text><toponyms><toponym><start>x</start><end>8</end><phrase>Paris</phrase></toponym></toponyms></article></articles>", "is not a character offset")]
    public void Refuses_malformed_input_naming_the_file(string xml, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyad-places-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try
        {
            var error = Assert.Throws<FormatException>(() => GeoparsingCorpus.Read(path));
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Measures_great_circle_distance()
    {
        // Paris to London is about 344 km; a quarter of the equator about 10,008 km.
        Assert.InRange(PlaceEvaluator.Kilometres(48.8566, 2.3522, 51.5074, -0.1278), 340, 348);
        Assert.InRange(PlaceEvaluator.Kilometres(0, 0, 0, 90), 10000, 10020);
    }
}
