using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Actors;
using Dyad.Attribution;

namespace Dyad.Coding;

/// <summary>Writes events as the contract's event record (CONTRACT.md), as JSON or as a TSV row.</summary>
public static class EventJson
{
    /// <summary>The TSV columns, in the contract's order.</summary>
    public static readonly string[] TsvColumns =
    [
        "id", "doc", "sentence", "date.start", "date.end", "source.code", "target.code", "cameo", "root", "quad", "goldstein",
        "place.country", "place.lat", "place.lon", "attribution.status", "confidence",
    ];

    public static void Write(Utf8JsonWriter json, CodedEvent e)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        json.WriteString("doc", e.Doc);
        json.WriteNumber("sentence", e.Sentence);
        json.WriteString("text", e.Text);
        WriteActor(json, "source", e.Source);
        WriteActor(json, "target", e.Target);
        json.WriteString("cameo", e.Cameo.Code.Value);
        json.WriteString("root", e.Cameo.Code.Root);
        json.WriteNumber("quad", e.Cameo.Quad);
        json.WriteNumber("goldstein", e.Cameo.Goldstein);
        if (e.Date is { } date)
        {
            json.WriteStartObject("date");
            json.WriteString("start", Iso(date.Start));
            json.WriteString("end", Iso(date.End));
            json.WriteString("text", date.Text);
            json.WriteString("precision", date.Precision);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("date");
        }

        if (e.Place is { } place)
        {
            json.WriteStartObject("place");
            json.WriteString("text", place.Text);
            json.WriteString("name", place.Name);
            json.WriteString("country", place.Country);
            json.WriteString("admin1", place.Admin1);
            WriteNumberOrNull(json, "lat", place.Lat);
            WriteNumberOrNull(json, "lon", place.Lon);
            json.WriteString("precision", place.Precision);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("place");
        }

        json.WriteStartObject("attribution");
        json.WriteString("status", e.Attribution.Status);
        if (e.Attribution.By is { } by)
        {
            WriteSource(json, "by", by);
        }
        else
        {
            json.WriteNull("by");
        }

        json.WriteEndObject();
        json.WriteStartArray("disputed");
        foreach (var dispute in e.Disputed)
        {
            json.WriteStartObject();
            json.WriteString("status", dispute.Status);
            WriteSource(json, "by", dispute.By);
            json.WriteNumber("sentence", dispute.Sentence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("secret", e.Secret);
        json.WriteNumber("confidence", e.Confidence);
        json.WriteStartObject("evidence");
        json.WriteString("trigger", e.Evidence.Trigger);
        json.WriteNumber("start", e.Evidence.Span.Start);
        json.WriteNumber("end", e.Evidence.Span.End);
        json.WriteString("rule", e.Evidence.Rule);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string ToJson(CodedEvent e)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            Write(json, e);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToTsv(CodedEvent e)
    {
        string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
        var fields = new[]
        {
            e.Id, e.Doc, e.Sentence.ToString(CultureInfo.InvariantCulture), e.Date is { } d ? Iso(d.Start) : string.Empty,
            e.Date is { } d2 ? Iso(d2.End) : string.Empty, e.Source.Code.Value, e.Target?.Code.Value ?? string.Empty,
            e.Cameo.Code.Value, e.Cameo.Code.Root, e.Cameo.Quad.ToString(CultureInfo.InvariantCulture), Number(e.Cameo.Goldstein),
            e.Place?.Country ?? string.Empty, Number(e.Place?.Lat), Number(e.Place?.Lon), e.Attribution.Status, Number(e.Confidence),
        };
        return string.Join('\t', fields.Select(f => f.Replace('\t', ' ').Replace('\n', ' ')));
    }

    private static void WriteActor(Utf8JsonWriter json, string name, Actor? actor)
    {
        if (actor is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("code", actor.Code.Value);
        json.WriteString("country", actor.Country);
        json.WriteStartArray("sectors");
        foreach (var sector in actor.Sectors)
        {
            json.WriteStringValue(sector);
        }

        json.WriteEndArray();
        json.WriteString("text", actor.Text);
        if (actor.Seniority is not null)
        {
            json.WriteString("seniority", actor.Seniority);
        }

        json.WriteString("resolution", actor.Resolution);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, string name, AttributionSource source)
    {
        json.WriteStartObject(name);
        json.WriteString("text", source.Text);
        json.WriteString("code", source.Code);
        json.WriteBoolean("anonymous", source.Anonymous);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
