using Dyad.Actors;
using Dyad.Attribution;


namespace Dyad.Coding;

/// <summary>
/// Links denials to the events they contest: an event coded inside a denial ("denied that contact was made with
/// North Korea") is matched to the document's other events by event type (CAMEO root), actors (a shared country)
/// and time (the contested event is no more than a year older than the denial); each match gets the denial in its
/// <c>disputed</c> list; an event reported by the denier's own country is not contested by it. A denial that
/// matches nothing stays as an event of its own, with status "denied".
/// Two more kinds of statement contest a reported event without denying a coded one: a denial of responsibility
/// that names no act ("both governments deny the allegation", CAMEO 016) contests what others report of the
/// denier's country; and a counter-accusation ("Azerbaijan claimed that Armenian forces opened fire", then "the
/// Armenian military claimed that Azerbaijan has started attacking", or "Cambodia blamed Thailand") contests the
/// other side's account of what the accuser did to it.
/// </summary>
internal static class DisputeLinker
{
    /// <param name="contests">Statements that contest earlier sentences without an event of their own ("Moscow denied the report").</param>
    public static List<CodedEvent> Link(IReadOnlyList<CodedEvent> events, IReadOnlyList<Contest> contests)
    {
        var denials = events.Where(e => e.Attribution.Status == EventAttribution.Denied && e.Attribution.By is not null).ToList();
        var disputes = new Dictionary<string, List<Dispute>>(StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in events.Where(e => e.Attribution.Status is EventAttribution.Reported or EventAttribution.Asserted))
        {
            foreach (var contest in contests.Where(c => PointsBackTo(c, other, events)))
            {
                Add(disputes, other, contest.Dispute);
            }
        }

        foreach (var other in events.Where(e => e.Attribution.Status == EventAttribution.Reported && CountryOf(e.Attribution.By) is not null))
        {
            foreach (var (by, sentence) in Contesters(other, events))
            {
                Add(disputes, other, new Dispute(EventAttribution.Denied, by, sentence));
            }
        }

        foreach (var denial in denials)
        {
            foreach (var other in events)
            {
                if (other.Attribution.Status == EventAttribution.Denied || other.Id == denial.Id || !Contests(denial, other))
                {
                    continue;
                }

                Add(disputes, other, new Dispute(EventAttribution.Denied, denial.Attribution.By!, denial.Sentence));
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

    /// <summary>
    /// Whether a statement that contests what came before bears on an event the writer or someone reports: the event is in one of the few
    /// sentences before it, involves the contesting party, and is not that party's own account. Within one country
    /// ("the army said the rebels attacked", then "the rebels gave a different account"; "a reporter asked the
    /// President", then "the President dismissed the report") the party is told by its whole code.
    /// </summary>
    private static bool PointsBackTo(Contest statement, CodedEvent reported, IReadOnlyList<CodedEvent> events)
    {
        var contest = statement.Dispute;
        // A denied accusation bears on the acts someone reports, in its own sentence too ("accused Russia of aiding
        // the rebels, a charge Moscow denies"); not on the accusation, which the writer states.
        var ownSentence = statement.OnlyAccounts && reported.Sentence == contest.Sentence && reported.Source.Code.Value != contest.By.Code;
        if ((reported.Sentence >= contest.Sentence && !ownSentence) || (reported.Sentence < contest.Sentence - ContestReach && !Restated()) || contest.By.Code is not { } code
            || (statement.OnlyAccounts && reported.Attribution.Status != EventAttribution.Reported))
        {
            return false;
        }

        var party = CountryOf(contest.By);
        var reporter = reported.Attribution.By?.Code;
        if (reporter == code || party is null)
        {
            return false;
        }

        // Within one country (the reporter's, or every party's), the contester must be one of the event's parties by code.
        // An event of one country on no one of a country ("Ukraine accused Russia of aiding the insurgents", then
        // "Moscow denied the accusation") is no domestic matter: any of that country's voices contests it.
        var domestic = CountryOf(reported.Attribution.By) == party || (reported.Target?.Country is not null && Countries(reported).All(c => c == party));
        return domestic
            ? reported.Source.Code.Value == code || reported.Target?.Code.Value == code
            : Countries(reported).Contains(party);

        // A statement that restates the account it contests reaches that account's first telling, however far back:
        // an act of the same root reported in the statement's own sentence. (Asked only of events beyond the reach.)
        bool Restated() => statement.Restates
            && events.Any(e => e.Sentence == contest.Sentence && e.Id != reported.Id && e.Attribution.Status == EventAttribution.Reported
                && e.Cameo.Code.Root == reported.Cameo.Code.Root && e.Source.Code == reported.Source.Code);
    }

    /// <summary>How many sentences back a denial with no event of its own reaches ("... Khalid said. ... The rebels, however, gave a different account.").</summary>
    private const int ContestReach = 4;

    /// <summary>One entry per contesting sentence: the coder may already have linked a denial in the event's own sentence.</summary>
    private static void Add(Dictionary<string, List<Dispute>> disputes, CodedEvent other, Dispute dispute)
    {
        if (!disputes.TryGetValue(other.Id, out var list))
        {
            disputes[other.Id] = list = [];
        }

        if (!list.Any(d => d.Sentence == dispute.Sentence) && !other.Disputed.Any(d => d.Sentence == dispute.Sentence))
        {
            list.Add(dispute);
        }
    }

    /// <summary>
    /// Who contests an event another country reports, with no denial of their own coded as such: the country the
    /// report concerns, by denying responsibility (CAMEO 016) or, when the report is of its act against the reporter's
    /// side, by accusing that side (CAMEO root 11) or reporting the same kind of act the other way round.
    /// </summary>
    private static IEnumerable<(AttributionSource By, int Sentence)> Contesters(CodedEvent reported, IReadOnlyList<CodedEvent> events)
    {
        var reporter = CountryOf(reported.Attribution.By);
        var actor = reported.Source.Country;
        foreach (var other in events)
        {
            if (other.Id == reported.Id || other.Evidence.Span == reported.Evidence.Span || other.Attribution.Status is EventAttribution.Denied or EventAttribution.Negated)
            {
                continue;
            }

            if (TooOld(reported, other))
            {
                continue;
            }

            // Only a party the statement's sentence names: one read from a pronoun ("It denied ...") may be the wrong side.
            var party = other.Text.Contains(other.Source.Text, StringComparison.Ordinal) ? other.Source.Country : null;
            if (party is not null && party != reporter && other.Cameo.Code.Value == "016" && Countries(reported).Contains(party))
            {
                yield return (SourceOf(other.Source), other.Sentence);
                continue;
            }

            // The counter-accusation: the reported act's author speaks against the side it acted on, the reporter's.
            // Only for a hostile act (verbal or material conflict): an accusation does not contest a report of talks.
            if (actor is null || actor == reporter || reported.Target?.Country != reporter || reported.Cameo.Quad < 3)
            {
                continue;
            }

            if (other.Cameo.Code.Root == "11" && party is not null && party == actor && other.Target?.Country == reporter
                && other.Attribution.Status is EventAttribution.Asserted or EventAttribution.Reported)
            {
                yield return (SourceOf(other.Source), other.Sentence);
            }
            else if (other.Cameo.Code.Root == reported.Cameo.Code.Root && other.Attribution.Status == EventAttribution.Reported
                && CountryOf(other.Attribution.By) == actor && other.Source.Country == reporter && other.Target?.Country == actor)
            {
                yield return (other.Attribution.By!, other.Sentence);
            }
        }
    }

    private static AttributionSource SourceOf(Actor actor) => new(actor.Text, actor.Code.Value, Anonymous: false);

    /// <summary>The contested event is more than a year older than the statement that contests it.</summary>
    private static bool TooOld(CodedEvent contested, CodedEvent statement) =>
        statement.Date is { } when && contested.Date is { } then && then.End.DayNumber < when.Start.DayNumber - 365;

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

        return !TooOld(other, denial);
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
