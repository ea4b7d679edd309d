using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dyad.Evaluation;

/// <summary>A toponym a geoparsing corpus marks: its characters [Start, End), its words, and where it is if resolved.</summary>
internal sealed record GoldToponym(int Start, int End, string Text, string? Name, double? Lat, double? Lon, string? CountryName);

/// <summary>One article of a geoparsing corpus with its toponyms.</summary>
internal sealed record GeoparsedArticle(string Id, string Text, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>A geoparsing corpus and how many of its offsets had to be moved to find the toponym's words.</summary>
internal sealed record GeoparsingCorpus(IReadOnlyList<GeoparsedArticle> Articles, int Realigned, int Unaligned)
{
    /// <summary>
    /// Reads either of the two XML layouts in use: LGL (Lieberman, Samet &amp; Sankaranarayanan 2010;
    /// <c>article/toponyms/toponym</c> with start, end, phrase and a GeoNames <c>gaztag</c> giving name, lat, lon,
    /// country) and GeoVirus (Gritta, Pilehvar &amp; Collier 2018; <c>article/locations/location</c> with name, start,
    /// end, lat, lon). An offset that does not point at the toponym's words is looked for a few characters either
    /// side (GeoVirus's are one too far): the corpus's words are what it marks.
    /// </summary>
    public static GeoparsingCorpus Read(string path)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new FormatException($"{path}: not well-formed XML ({e.Message})", e);
        }

        if (xml.Root?.Name.LocalName != "articles")
        {
            throw new FormatException($"{path}: expected an <articles> root (LGL or GeoVirus layout), found <{xml.Root?.Name.LocalName}>");
        }

        var articles = new List<GeoparsedArticle>();
        int realigned = 0, unaligned = 0;
        foreach (var article in xml.Root.Elements("article"))
        {
            var number = articles.Count + 1;
            var text = article.Element("text")?.Value ?? throw new FormatException($"{path}: article {number} has no <text>");
            var id = (string?)article.Attribute("docid") ?? (string?)article.Element("source") ?? number.ToString(CultureInfo.InvariantCulture);
            var toponyms = new List<GoldToponym>();
            foreach (var marked in article.Descendants().Where(e => e.Name.LocalName is "toponym" or "location"))
            {
                var words = (string?)marked.Element("phrase") ?? (string?)marked.Element("name")
                    ?? throw new FormatException($"{path}: article {number}: a toponym without <phrase> or <name>");
                var start = Int(path, number, marked, "start");
                var end = Int(path, number, marked, "end");
                var shift = Alignment(text, start, words);
                if (shift is { } s && s != 0)
                {
                    realigned++;
                    start += s;
                    end += s;
                }
                else if (shift is null)
                {
                    unaligned++;
                }

                var place = marked.Element("gaztag") ?? marked;
                toponyms.Add(new GoldToponym(start, end, words, (string?)place.Element("name"), Coordinate(place, "lat"), Coordinate(place, "lon"), (string?)place.Element("country")));
            }

            articles.Add(new GeoparsedArticle(id, text, toponyms));
        }

        if (articles.Count == 0)
        {
            throw new FormatException($"{path}: no <article> elements");
        }

        return new GeoparsingCorpus(articles, realigned, unaligned);
    }

    private static int? Alignment(string text, int start, string words)
    {
        foreach (var shift in new[] { 0, -1, 1, -2, 2, -3, 3 })
        {
            var from = start + shift;
            if (from >= 0 && from + words.Length <= text.Length && string.CompareOrdinal(text, from, words, 0, words.Length) == 0)
            {
                return shift;
            }
        }

        return null;
    }

    private static int Int(string path, int article, XElement toponym, string name) =>
        int.TryParse((string?)toponym.Element(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new FormatException($"{path}: article {article}: a toponym's <{name}> is not a character offset");

    private static double? Coordinate(XElement place, string name) =>
        double.TryParse((string?)place.Element(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
