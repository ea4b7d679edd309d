using System.Globalization;
using System.Text.Json.Nodes;

namespace Dyad.Storage.Fusion;

/// <summary>
/// What a fused event becomes from its mentions, the same in every store: the representative record (the first
/// mention that is not a denial), every mention's disputes plus the denials among the mentions, GDELT's counts
/// (mentions; sources by publisher; articles), the status of the representative and the most precise date.
/// </summary>
public static class FusedEvent
{
    /// <summary>
    /// The event as first stored from its first mention, before any other report joins it.
    /// </summary>
    public static StoredEvent FromFirstMention(StoredMention mention, JsonObject record)
    {
        var source = record["source"]!.AsObject();
        var target = record["target"] as JsonObject;
        var date = record["date"] as JsonObject;
        var place = record["place"] as JsonObject;
        var status = (string)record["attribution"]!["status"]!;
        return new StoredEvent(
            mention.Id,
            (string)source["code"]!,
            (string?)source["country"],
            (string?)target?["code"],
            (string?)target?["country"],
            (string)record["cameo"]!,
            (string)record["root"]!,
            (int)record["quad"]!,
            (double)record["goldstein"]!,
            Date(date?["start"]),
            Date(date?["end"]),
            (string?)date?["precision"],
            (string?)place?["country"],
            (string?)place?["name"],
            (double?)place?["lat"],
            (double?)place?["lon"],
            status,
            (bool)record["secret"]!,
            record["disputed"]!.AsArray().Count > 0 || status == "denied",
            (double)record["confidence"]!,
            1,
            1,
            1,
            mention.Doc,
            mention.Record);
    }

    /// <summary>Whether joining mentions changes the event at all (one mention that is not a denial does not).</summary>
    public static bool NeedsCombining(IReadOnlyList<StoredMention> mentions) => mentions.Count > 1 || mentions.Any(m => m.Status == "denied");

    public static StoredEvent Combine(StoredEvent initial, IReadOnlyList<StoredMention> mentions)
    {
        var representative = mentions.FirstOrDefault(m => m.Status != "denied") ?? mentions[0];
        var record = JsonNode.Parse(representative.Record)!.AsObject();
        var disputes = new JsonArray();
        foreach (var mention in mentions)
        {
            var node = JsonNode.Parse(mention.Record)!.AsObject();
            foreach (var dispute in node["disputed"]!.AsArray())
            {
                var copy = dispute!.DeepClone().AsObject();
                copy["doc"] = mention.Doc;
                disputes.Add(copy);
            }

            if (mention.Status == "denied" && mention != representative)
            {
                disputes.Add(new JsonObject
                {
                    ["status"] = "denied",
                    ["by"] = node["attribution"]!["by"]?.DeepClone(),
                    ["sentence"] = mention.Sentence,
                    ["doc"] = mention.Doc,
                });
            }
        }

        record["disputed"] = disputes;

        // The most precise date among the mentions: the narrowest interval that is not just the publication date.
        var dated = mentions.Select(m => JsonNode.Parse(m.Record)!["date"]).Where(d => d is not null && (string?)d["precision"] != "publication")
            .OrderBy(d => Date(d!["end"])!.Value.DayNumber - Date(d!["start"])!.Value.DayNumber)
            .FirstOrDefault();
        if (dated is not null)
        {
            record["date"] = dated.DeepClone();
        }

        var date = record["date"];
        return initial with
        {
            NumMentions = mentions.Count,
            NumSources = mentions.Select(m => m.Publisher ?? m.Doc).Distinct(StringComparer.Ordinal).Count(),
            NumArticles = mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Count(),
            Disputed = disputes.Count > 0,
            Status = representative.Status,
            Record = record.ToJsonString(),
            DateStart = Date(date?["start"]),
            DateEnd = Date(date?["end"]),
            DatePrecision = (string?)date?["precision"],
        };
    }

    private static DateOnly? Date(JsonNode? node) =>
        node is null ? null : DateOnly.Parse((string)node!, CultureInfo.InvariantCulture);
}
