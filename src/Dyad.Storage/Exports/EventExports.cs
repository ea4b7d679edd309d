using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Records;
using Parquet.Serialization;

namespace Dyad.Storage.Exports;

/// <summary>
/// Stored events in the formats analysts load elsewhere: JSON Lines (the contract record plus mention counts),
/// TSV (the contract's column order), GDELT 2.0's event table (61 columns, in its order; our values, empty where we
/// have none), ICEWS's event table (20 columns), POLECAT's event table (40 columns, PLOVER's terms) and Parquet.
/// </summary>
public static class EventExports
{
    public static readonly string[] GdeltColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    public static readonly string[] IcewsColumns =
    [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
        "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District", "Province",
        "Country", "Latitude", "Longitude",
    ];

    /// <summary>
    /// The columns of POLECAT's event files on Harvard Dataverse (doi:10.7910/DVN/AJGVIT), in their order
    /// (docs/record.md says which Dyad fills and from what).
    /// </summary>
    public static readonly string[] PolecatColumns =
    [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
        "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
        "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
        "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
        "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
    ];

    /// <summary>
    /// The quad category of each PLOVER type, as the PLOVER manual's section on the type names it (its summary table
    /// puts SANCTION under verbal conflict, its SANCTION section under material conflict: the section is followed).
    /// POLECAT's Quad Code follows from the type, not from the CAMEO root: CONCEDE (from CAMEO's material 08) is verbal.
    /// </summary>
    private static readonly FrozenDictionary<string, string> PloverQuads = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AGREE"] = "VERBAL COOPERATION", ["CONSULT"] = "VERBAL COOPERATION", ["SUPPORT"] = "VERBAL COOPERATION", ["CONCEDE"] = "VERBAL COOPERATION",
        ["COOPERATE"] = "MATERIAL COOPERATION", ["AID"] = "MATERIAL COOPERATION", ["RETREAT"] = "MATERIAL COOPERATION",
        ["REQUEST"] = "VERBAL CONFLICT", ["ACCUSE"] = "VERBAL CONFLICT", ["REJECT"] = "VERBAL CONFLICT", ["THREATEN"] = "VERBAL CONFLICT",
        ["PROTEST"] = "MATERIAL CONFLICT", ["SANCTION"] = "MATERIAL CONFLICT", ["MOBILIZE"] = "MATERIAL CONFLICT", ["COERCE"] = "MATERIAL CONFLICT", ["ASSAULT"] = "MATERIAL CONFLICT",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What POLECAT's Version column says made the row: this program and its version.</summary>
    private static readonly string PolecatVersion = "dyad " + (typeof(EventExports).Assembly.GetName().Version?.ToString(3) ?? "0");

    /// <summary>The TSV columns, in the contract's order: <c>dyad code</c> and <c>dyad events</c> write the same ones.</summary>
    public static readonly string[] TsvColumns =
    [
        "id", "doc", "sentence", "date.start", "date.end", "source.code", "target.code", "cameo", "root", "quad", "goldstein",
        "place.country", "place.lat", "place.lon", "attribution.status", "confidence",
    ];

    /// <summary>The contract record with GDELT's counts added, as one line.</summary>
    public static string ToJsonLine(StoredEvent e)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, EventJson.LineOptions))
        {
            WriteJson(json, e);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The contract record under the fused event's id, with GDELT's counts added: the JSON Lines export's object and the API's.</summary>
    public static void WriteJson(Utf8JsonWriter json, StoredEvent e, Action<Utf8JsonWriter>? more = null)
    {
        json.WriteStartObject();
        EventJson.WriteProperties(json, e.Record with { Id = e.Id });
        json.WriteNumber("num_mentions", e.NumMentions);
        json.WriteNumber("num_sources", e.NumSources);
        json.WriteNumber("num_articles", e.NumArticles);
        more?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>
    /// A coded event, before any store, as the contract's TSV row. Unlike the stored events' rows it keeps carriage
    /// returns inside values, as <c>dyad code</c> always has: a change to that is for a later issue, not a refactoring.
    /// </summary>
    public static string ToTsv(EventRecord e) => string.Join('\t', new[]
    {
        e.Id, e.Doc, Number(e.Sentence), Iso(e.Date?.Start), Iso(e.Date?.End), e.Source.Code, e.Target?.Code, e.Cameo, e.Root,
        Number(e.Quad), Number(e.Goldstein), e.Place?.Country, Number(e.Place?.Lat), Number(e.Place?.Lon), e.Attribution.Status, Number(e.Confidence),
    }.Select(f => (f ?? string.Empty).Replace('\t', ' ').Replace('\n', ' ')));

    public static string ToTsv(StoredEvent e) => Join(
        e.Id, e.FirstDoc, Number(e.Record.Sentence), Iso(e.DateStart), Iso(e.DateEnd), e.SourceCode, e.TargetCode, e.Cameo, e.Root,
        Number(e.Quad), Number(e.Goldstein), e.PlaceCountry, Number(e.Lat), Number(e.Lon), e.Status, Number(e.Confidence));

    public static string ToGdelt(StoredEvent e, long numericId)
    {
        var record = e.Record;
        var date = e.DateStart;
        string? Types(string? code, string? country, int index)
        {
            if (code is null)
            {
                return null;
            }

            var roles = code.Length > 3 && country is not null ? code[3..] : country is null ? code : string.Empty;
            var parts = Enumerable.Range(0, roles.Length / 3).Select(i => roles.Substring(i * 3, 3)).ToList();
            return index < parts.Count ? parts[index] : null;
        }

        var geoType = e.Lat is null ? null : record.Place?.Precision switch { "country" => "1", "admin1" => "5", "region" => "5", _ => "4" };
        var fields = new List<string?>
        {
            numericId.ToString(CultureInfo.InvariantCulture), date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture), date?.ToString("yyyyMM", CultureInfo.InvariantCulture),
            date?.Year.ToString(CultureInfo.InvariantCulture), date is { } d ? Number(Math.Round(d.Year + ((d.DayOfYear - 1) / 365.0), 4)) : null,
            e.SourceCode, record.Source?.Text, e.SourceCountry, null, null, null, null, Types(e.SourceCode, e.SourceCountry, 0), Types(e.SourceCode, e.SourceCountry, 1), Types(e.SourceCode, e.SourceCountry, 2),
            e.TargetCode, record.Target?.Text, e.TargetCountry, null, null, null, null, Types(e.TargetCode, e.TargetCountry, 0), Types(e.TargetCode, e.TargetCountry, 1), Types(e.TargetCode, e.TargetCountry, 2),
            "1", e.Cameo, e.Cameo.Length > 3 ? e.Cameo[..3] : e.Cameo, e.Root, Number(e.Quad), Number(e.Goldstein),
            Number(e.NumMentions), Number(e.NumSources), Number(e.NumArticles), null,
            null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null,
            geoType, e.PlaceName, e.PlaceCountry, null, null, Number(e.Lat), Number(e.Lon), null,
            null, e.FirstDoc,
        };
        return Join([.. fields]);
    }

    public static string ToIcews(StoredEvent e)
    {
        var record = e.Record;
        static string? Sectors(ActorRecord? actor) => actor?.Sectors is { } sectors ? string.Join(',', sectors) : null;
        var place = record.Place;
        return Join(
            e.Id, Iso(e.DateStart), record.Source?.Text, Sectors(record.Source), e.SourceCountry, record.Text, e.Cameo, Number(e.Goldstein),
            record.Target?.Text, Sectors(record.Target), e.TargetCountry, e.FirstDoc, Number(record.Sentence), null,
            place?.Precision == "city" ? e.PlaceName : null, place?.Precision == "admin2" ? e.PlaceName : null, place?.Admin1, e.PlaceCountry, Number(e.Lat), Number(e.Lon));
    }

    /// <summary>
    /// A coded event as a row of POLECAT's event table, or null for an event PLOVER has no type for (CAMEO roots 01 and
    /// 02): POLECAT's files hold only PLOVER events. Columns Dyad has nothing for (Wikipedia ids, COW codes, story-level
    /// entity lists) are empty.
    /// </summary>
    public static string? ToPolecat(EventRecord e) => PolecatRow(e, e.Id, e.Date?.Start);

    /// <summary>A stored event as a row of POLECAT's event table under the fused event's id and date, or null as above.</summary>
    public static string? ToPolecat(StoredEvent e) => PolecatRow(e.Record, e.Id, e.DateStart);

    private static string? PolecatRow(EventRecord e, string id, DateOnly? date)
    {
        if (e.Plover is not { } plover)
        {
            return null;
        }

        static string? Primary(ActorRecord? actor) => actor?.Sectors is [var first, ..] ? first : null;
        static string? Sectors(ActorRecord? actor) => actor?.Sectors is { Count: > 0 } sectors ? string.Join("; ", sectors) : null;
        var place = e.Place;
        return Join(
            id, Iso(date), plover.Type, plover.Mode, null, PloverQuads.GetValueOrDefault(plover.Type), plover.Context,
            null, e.Source.Country, null, Primary(e.Source), Sectors(e.Source), null, e.Source.Text, null,
            null, e.Target?.Country, null, Primary(e.Target), Sectors(e.Target), null, e.Target?.Text, null,
            place?.Name, place?.Precision == "city" ? place.Name : null, place?.Precision == "admin2" ? place.Name : null, place?.Admin1, place?.Country, Number(place?.Lat), Number(place?.Lon), null, place?.Text, null,
            null, Iso(e.Published?.Date), null, null, null, "en", PolecatVersion);
    }

    /// <summary>Writes events to a Parquet file with typed columns.</summary>
    public static Task WriteParquetAsync(IReadOnlyList<StoredEvent> events, Stream output)
    {
        var rows = events.Select(e => new ParquetEventRow
        {
            Id = e.Id,
            Doc = e.FirstDoc,
            DateStart = e.DateStart?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DateEnd = e.DateEnd?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DatePrecision = e.DatePrecision,
            SourceCode = e.SourceCode,
            SourceCountry = e.SourceCountry,
            TargetCode = e.TargetCode,
            TargetCountry = e.TargetCountry,
            Cameo = e.Cameo,
            Root = e.Root,
            Quad = e.Quad,
            Goldstein = e.Goldstein,
            PlaceCountry = e.PlaceCountry,
            PlaceName = e.PlaceName,
            Lat = e.Lat,
            Lon = e.Lon,
            Status = e.Status,
            Secret = e.Secret,
            Disputed = e.Disputed,
            Confidence = e.Confidence,
            NumMentions = e.NumMentions,
            NumSources = e.NumSources,
            NumArticles = e.NumArticles,
            Text = e.Record.Text,
        }).ToList();
        return ParquetSerializer.SerializeAsync(rows, output);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(params string?[] fields) =>
        string.Join('\t', fields.Select(f => (f ?? string.Empty).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')));
}

/// <summary>One event as a Parquet row (column names in snake case, as DuckDB and pandas users expect).</summary>
internal sealed class ParquetEventRow
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;

    [JsonPropertyName("doc")] public string Doc { get; set; } = string.Empty;

    [JsonPropertyName("date_start")] public DateTime? DateStart { get; set; }

    [JsonPropertyName("date_end")] public DateTime? DateEnd { get; set; }

    [JsonPropertyName("date_precision")] public string? DatePrecision { get; set; }

    [JsonPropertyName("source_code")] public string SourceCode { get; set; } = string.Empty;

    [JsonPropertyName("source_country")] public string? SourceCountry { get; set; }

    [JsonPropertyName("target_code")] public string? TargetCode { get; set; }

    [JsonPropertyName("target_country")] public string? TargetCountry { get; set; }

    [JsonPropertyName("cameo")] public string Cameo { get; set; } = string.Empty;

    [JsonPropertyName("root")] public string Root { get; set; } = string.Empty;

    [JsonPropertyName("quad")] public int Quad { get; set; }

    [JsonPropertyName("goldstein")] public double Goldstein { get; set; }

    [JsonPropertyName("place_country")] public string? PlaceCountry { get; set; }

    [JsonPropertyName("place_name")] public string? PlaceName { get; set; }

    [JsonPropertyName("lat")] public double? Lat { get; set; }

    [JsonPropertyName("lon")] public double? Lon { get; set; }

    [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;

    [JsonPropertyName("secret")] public bool Secret { get; set; }

    [JsonPropertyName("disputed")] public bool Disputed { get; set; }

    [JsonPropertyName("confidence")] public double Confidence { get; set; }

    [JsonPropertyName("num_mentions")] public int NumMentions { get; set; }

    [JsonPropertyName("num_sources")] public int NumSources { get; set; }

    [JsonPropertyName("num_articles")] public int NumArticles { get; set; }

    [JsonPropertyName("text")] public string? Text { get; set; }
}
