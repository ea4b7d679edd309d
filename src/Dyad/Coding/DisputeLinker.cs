using Dyad.Attribution;


namespace Dyad.Coding;

/// <summary>
/// Links denials to the events they contest: an event coded inside a denial ("denied that contact was made with
/// North Korea") is matched to the document's other events by event type (CAMEO root), actors (a shared country)
/// and time (the contested event is no more than a year older than the denial); each match gets the denial in its
/// <c>disputed</c> list; an event reported by the denier's own country is not contested by it. A denial that
/// matches nothing stays as an event of its own, with status "denied".
/// </summary>
internal static class DisputeLinker
{
    public static List<CodedEvent> Link(IReadOnlyList<CodedEvent> events)
    {
        var denials = events.Where(e => e.Attribution.Status == EventAttribution.Denied && e.Attribution.By is not null).ToList();
        if (denials.Count == 0)
        {
            return [.. events];
        }

        var disputes = new Dictionary<string, List<Dispute>>(StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var denial in denials)
        {
            foreach (var other in events)
            {
                if (other.Attribution.Status == EventAttribution.Denied || other.Id == denial.Id || !Contests(denial, other))
                {
                    continue;
                }

                if (!disputes.TryGetValue(other.Id, out var list))
                {
                    disputes[other.Id] = list = [];
                }

                // One entry per denying sentence: the coder may already have linked a denial in the event's own sentence.
                if (!list.Any(d => d.Sentence == denial.Sentence) && !other.Disputed.Any(d => d.Sentence == denial.Sentence))
                {
                    list.Add(new Dispute(EventAttribution.Denied, denial.Attribution.By!, denial.Sentence));
                }

                matched.Add(denial.Id);
            }
        }

        var result = new List<CodedEvent>(events.Count);
        foreach (var e in events)
        {
            if (matched.Contains(e.Id))
            {
                continue;
            }

            result.Add(disputes.TryGetValue(e.Id, out var list) ? e with { Disputed = [.. e.Disputed, .. list] } : e);
        }

        return result;
    }

    private static bool Contests(CodedEvent denial, CodedEvent other)
    {
        if (denial.Cameo.Code.Root != other.Cameo.Code.Root)
        {
            return false;
        }

        // A party does not contest its own account: Russia denying a strike does not dispute what Russia's ministry
        // says its forces struck.
        if (CountryOf(other.Attribution.By) is { } reporter && reporter == CountryOf(denial.Attribution.By))
        {
            return false;
        }

        var denied = Countries(denial);
        if (!Countries(other).Overlaps(denied))
        {
            return false;
        }

        if (denial.Date is { } when && other.Date is { } then && then.End.DayNumber < when.Start.DayNumber - 365)
        {
            return false;
        }

        return true;
    }

    /// <summary>The country part of a source's actor code ("RUS" of "RUSGOV"), or null when it has none.</summary>
    private static string? CountryOf(AttributionSource? source) =>
        source?.Code is { Length: >= 3 } code && char.IsLetter(code[0]) && !code.StartsWith("IGO", StringComparison.Ordinal) ? code[..3] : null;

    private static HashSet<string> Countries(CodedEvent e)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (e.Source.Country is { } s)
        {
            set.Add(s);
        }

        if (e.Target?.Country is { } t)
        {
            set.Add(t);
        }

        return set;
    }
}
