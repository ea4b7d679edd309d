using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Dyad.Evaluation;

/// <summary>A TIMEX3 of a TimeML document's text: its characters [Start, End), type (DATE, TIME, DURATION, SET) and value.</summary>
internal sealed record TimexAnnotation(int Start, int End, string Text, string Type, string Value);

/// <summary>
/// A TimeML (.tml) document as TempEval-3 distributes it: the running text of its TEXT element with the markup
/// taken out, its creation time (the TIMEX3 whose functionInDocument is CREATION_TIME), and the TIMEX3s of the text.
/// </summary>
internal sealed record TimeMLDocument(string Name, string Text, DateOnly Created, IReadOnlyList<TimexAnnotation> Timexes)
{
    /// <summary>Reads a .tml file; malformed or incomplete ones throw <see cref="FormatException"/> naming the file, as every evaluation-set reader does.</summary>
    public static TimeMLDocument Read(string path)
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

        var creation = xml.Descendants("TIMEX3").FirstOrDefault(t => (string?)t.Attribute("functionInDocument") == "CREATION_TIME")
            ?? throw new FormatException($"{path}: no TIMEX3 with functionInDocument=\"CREATION_TIME\"");
        var createdValue = (string?)creation.Attribute("value") ?? string.Empty;
        if (createdValue.Length < 10 || !DateOnly.TryParseExact(createdValue[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var created))
        {
            throw new FormatException($"{path}: the creation time '{createdValue}' is not a date");
        }

        var body = xml.Descendants("TEXT").FirstOrDefault() ?? throw new FormatException($"{path}: no TEXT element");
        var text = new StringBuilder();
        var timexes = new List<TimexAnnotation>();
        Collect(body, text, timexes);
        return new TimeMLDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), created, timexes);
    }

    private static void Collect(XElement element, StringBuilder text, List<TimexAnnotation> timexes)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement child:
                    var start = text.Length;
                    Collect(child, text, timexes);
                    if (child.Name.LocalName == "TIMEX3" && text.Length > start && (string?)child.Attribute("functionInDocument") != "CREATION_TIME")
                    {
                        timexes.Add(new TimexAnnotation(start, text.Length, text.ToString(start, text.Length - start),
                            (string?)child.Attribute("type") ?? string.Empty, (string?)child.Attribute("value") ?? string.Empty));
                    }

                    break;
            }
        }
    }
}
