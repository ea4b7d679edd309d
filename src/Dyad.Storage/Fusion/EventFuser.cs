using System.Collections.Frozen;
using System.Globalization;
using Dyad.Records;

namespace Dyad.Storage.Fusion;

/// <summary>What fusion knows of a stored event: its actors, root, dates (widened where only the publication date is known) and place.</summary>
public sealed record FusionEntry(string EventId, string Root, string SourceKey, string TargetKey, DateOnly? Start, DateOnly? End, string? PlaceCountry)
{
    /// <summary>The documents that already report the event: a story's own sentences describe different events.</summary>
    public HashSet<string> Documents { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Decides whether a newly coded event reports one already stored (GDELT's mentions of one event): same actors
/// (by country; either direction for consultation and cooperation, roots 04–06), same CAMEO root, overlapping
/// dates (an event dated only by its story's publication may have happened up to three days before), and
/// compatible places (the same country, or one unknown). Every decision carries its reason, for
/// <c>dyad events --id X --mentions</c>.
/// </summary>
public sealed class EventFuser
{
    private static readonly FrozenSet<string> SymmetricRoots = new HashSet<string>(StringComparer.Ordinal) { "04", "05", "06" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<(string Root, string A, string B), List<FusionEntry>> _index = [];

    public int Count { get; private set; }

    public static string ActorKey(string? country, string? code) => country ?? code ?? string.Empty;

    /// <summary>
    /// The entry of an event from its record: at ingest the mention's own, and on reopening the record of the event's
    /// first mention, whatever later reports changed in the fused event, so a store reopened fuses exactly as the run
    /// that stored it would have gone on fusing.
    /// </summary>
    public static FusionEntry EntryFor(string eventId, string doc, EventRecord record) => Widen(new FusionEntry(
        eventId,
        record.Root,
        ActorKey(record.Source.Country, record.Source.Code),
        ActorKey(record.Target?.Country, record.Target?.Code),
        record.Date?.Start,
        record.Date?.End,
        record.Place?.Country) { Documents = { doc } }, record.Date?.Precision);

    /// <summary>A date known only from publication: the event may be up to three days older (but not before year 1).</summary>
    public static FusionEntry Widen(FusionEntry entry, string? precision) =>
        precision == "publication" && entry.Start is { } start
            ? entry with { Start = DateOnly.FromDayNumber(Math.Max(0, start.DayNumber - 3)) }
            : entry;

    public void Add(FusionEntry entry)
    {
        var key = Key(entry.Root, entry.SourceKey, entry.TargetKey);
        if (!_index.TryGetValue(key, out var list))
        {
            _index[key] = list = [];
        }

        list.Add(entry);
        Count++;
    }

    /// <summary>The stored event this one reports, and why; or null when it is new.</summary>
    public (FusionEntry Event, string Reason)? Match(FusionEntry candidate)
    {
        if (!_index.TryGetValue(Key(candidate.Root, candidate.SourceKey, candidate.TargetKey), out var list))
        {
            return null;
        }

        foreach (var entry in list)
        {
            if (entry.Documents.Overlaps(candidate.Documents))
            {
                continue;
            }

            // Vague spans ("in recent months") fuse only with the same span, not with every event inside them.
            var datesOverlap = entry.Start is null || candidate.Start is null
                || (entry.Start <= candidate.End && candidate.Start <= entry.End
                    && ((Days(entry) <= 31 && Days(candidate) <= 31) || (entry.Start == candidate.Start && entry.End == candidate.End)));
            var placesCompatible = entry.PlaceCountry is null || candidate.PlaceCountry is null || entry.PlaceCountry == candidate.PlaceCountry;
            if (datesOverlap && placesCompatible)
            {
                var direction = SymmetricRoots.Contains(candidate.Root) ? "either direction" : "same direction";
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"same actors {candidate.SourceKey}/{candidate.TargetKey} ({direction}), root {candidate.Root}, dates overlap ({Range(candidate)} with {Range(entry)}), places compatible ({candidate.PlaceCountry ?? "none"} / {entry.PlaceCountry ?? "none"})");
                return (entry, reason);
            }
        }

        return null;
    }

    private static int Days(FusionEntry e) => e.Start is { } s && e.End is { } end ? end.DayNumber - s.DayNumber + 1 : 0;

    private static string Range(FusionEntry e) => e.Start is { } s && e.End is { } end ? $"{s:yyyy-MM-dd}..{end:yyyy-MM-dd}" : "undated";

    private static (string, string, string) Key(string root, string a, string b) =>
        SymmetricRoots.Contains(root) && string.CompareOrdinal(a, b) > 0 ? (root, b, a) : (root, a, b);
}
