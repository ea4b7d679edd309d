using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dyad.Coding;
using Dyad.Events;

namespace Dyad.Records;

/// <summary>
/// The event record as JSON (docs/record.md): written in the record's field order and read back typed through
/// <see cref="EventRecordJsonContext"/>.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// How a record is written as a line of text. The default encoder escapes everything HTML treats specially
    /// ('+' as \u002B, '&gt;' as \u003E, every non-ASCII letter), which makes rule text and names unreadable and
    /// buys nothing: these lines are never embedded in HTML or script. The relaxed encoder still escapes quotes,
    /// backslashes and every control character (so a record stays one line), and an unpaired surrogate cannot
    /// reach it (the readers refuse such text).
    /// </summary>
    public static JsonWriterOptions LineOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(CodedEvent e) => ToJson(EventRecord.From(e));

    public static string ToJson(EventRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, LineOptions))
        {
            Write(json, record);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter json, EventRecord record)
    {
        json.WriteStartObject();
        WriteProperties(json, record);
        json.WriteEndObject();
    }

    /// <summary>
    /// The record's properties without the braces: the exports and the web write the record and then what they add
    /// to it (counts, mentions) in one object. The top level is written here, field by field, for that reason; the
    /// nested objects by the generated serializer.
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter json, EventRecord record)
    {
        var types = EventRecordJsonContext.Default;
        json.WriteString("id", record.Id);
        json.WriteString("doc", record.Doc);
        json.WriteNumber("sentence", record.Sentence);
        json.WriteString("text", record.Text);
        WriteNested(json, "source", record.Source, types.ActorRecord);
        WriteNested(json, "target", record.Target, types.ActorRecord);
        json.WriteString("cameo", record.Cameo);
        json.WriteString("root", record.Root);
        json.WriteNumber("quad", record.Quad);
        json.WriteNumber("goldstein", record.Goldstein);
        WriteNested(json, "plover", record.Plover, types.PloverCoding);
        WriteNested(json, "date", record.Date, types.DateRecord);
        WriteNested(json, "place", record.Place, types.PlaceRecord);
        WriteNested(json, "attribution", record.Attribution, types.AttributionRecord);
        WriteNested(json, "disputed", record.Disputed, types.IReadOnlyListDisputeRecord);
        json.WriteBoolean("secret", record.Secret);
        json.WriteNumber("confidence", record.Confidence);
        WriteNested(json, "evidence", record.Evidence, types.EvidenceRecord);
        WriteNested(json, "published", record.Published, types.PublishedRecord);
    }

    /// <summary>A nested value (null written as null), through the generated serializer into the same writer and encoder.</summary>
    private static void WriteNested<T>(Utf8JsonWriter json, string name, T value, JsonTypeInfo<T> type)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, value, type);
    }

    /// <summary>
    /// A stored record, typed. A record stored before records carried PLOVER's fields gets them from its CAMEO code and
    /// sentence, as it would have been written, so old stores read like new ones.
    /// </summary>
    public static EventRecord Parse(string json)
    {
        var record = JsonSerializer.Deserialize(json, EventRecordJsonContext.Default.EventRecord) ?? throw new JsonException("an event record is null");
        // A record of an older layout may lack even its code (the stores' migrations keep such rows); it stays as read.
        return record.Plover is null && record.Cameo is { } cameo ? record with { Plover = PloverRefinement.Of(cameo, record.Text ?? string.Empty) } : record;
    }
}

/// <summary>
/// The generated (reflection-free) serializer of the event record. Names are the contract's (camel case of single
/// words: "admin1", "resolution"); an actor's seniority and a dispute's document are left out when absent, as the
/// contract's writer always has; every other absent value is written as null.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class EventRecordJsonContext : JsonSerializerContext;
