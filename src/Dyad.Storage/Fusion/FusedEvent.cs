using Dyad.Records;

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
    public static StoredEvent FromFirstMention(StoredMention mention)
    {
        var record = mention.Record;
        var status = record.Attribution.Status;
        return new StoredEvent(
            mention.Id,
            record.Source.Code,
            record.Source.Country,
            record.Target?.Code,
            record.Target?.Country,
            record.Cameo,
            record.Root,
            record.Quad,
            record.Goldstein,
            record.Date?.Start,
            record.Date?.End,
            record.Date?.Precision,
            record.Place?.Country,
            record.Place?.Name,
            record.Place?.Lat,
            record.Place?.Lon,
            status,
            record.Secret,
            record.Disputed.Count > 0 || status == "denied",
            record.Confidence,
            1,
            1,
            1,
            mention.Doc,
            record);
    }

    /// <summary>Whether joining mentions changes the event at all (one mention that is not a denial does not).</summary>
    public static bool NeedsCombining(IReadOnlyList<StoredMention> mentions) => mentions.Count > 1 || mentions.Any(m => m.Status == "denied");

    public static StoredEvent Combine(StoredEvent initial, IReadOnlyList<StoredMention> mentions)
    {
        var representative = mentions.FirstOrDefault(m => m.Status != "denied") ?? mentions[0];
        var disputes = new List<DisputeRecord>();
        foreach (var mention in mentions)
        {
            disputes.AddRange(mention.Record.Disputed.Select(dispute => dispute with { Doc = mention.Doc }));
            if (mention.Status == "denied" && mention != representative)
            {
                disputes.Add(new DisputeRecord("denied", mention.Record.Attribution.By, mention.Sentence, mention.Doc));
            }
        }

        // The most precise date among the mentions: the narrowest interval that is not just the publication date.
        var dated = mentions.Select(m => m.Record.Date).Where(d => d is not null && d.Precision != "publication")
            .OrderBy(d => d!.End.DayNumber - d.Start.DayNumber)
            .FirstOrDefault();
        var record = representative.Record with { Disputed = disputes, Date = dated ?? representative.Record.Date };
        return initial with
        {
            NumMentions = mentions.Count,
            NumSources = mentions.Select(m => m.Publisher ?? m.Doc).Distinct(StringComparer.Ordinal).Count(),
            NumArticles = mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Count(),
            Disputed = disputes.Count > 0,
            Status = representative.Status,
            Record = record,
            DateStart = record.Date?.Start,
            DateEnd = record.Date?.End,
            DatePrecision = record.Date?.Precision,
        };
    }
}
