using Dyad.Actors;

namespace Dyad.Story;

/// <summary>
/// What coding remembers across a document's sentences: its date, the country it is written from, which
/// countries it is about, the actors mentioned most recently (for "it", "the party", "the government"), and the
/// last consultation coded (for "the talks continued").
/// </summary>
internal sealed class DocumentContext
{
    private readonly Dictionary<string, int> _countryMentions = new(StringComparer.Ordinal);
    private readonly List<string> _countryOrder = [];
    // Each head's actors in sentence order: each call names the sentence it is for, so a sentence whose reporting
    // frames are worked out late (see StoryState) still remembers, and finds, as of its own place in the story.
    private readonly Dictionary<string, List<(int Sentence, Actor Actor)>> _byHeadLemma = new(StringComparer.Ordinal);

    // Earlier sentences whose actors are remembered only if a later sentence looks up a head they may name.
    private readonly List<IPendingMentions> _pending = [];

    public DocumentContext(DateOnly? date, string? homeCountry)
    {
        Date = date;
        HomeCountry = homeCountry;
    }

    public DateOnly? Date { get; }

    /// <summary>The country of the agency or dateline the story comes from, if known (Kyodo: JPN).</summary>
    public string? HomeCountry { get; }

    public Actor? LastSubject { get; private set; }

    /// <summary>The participants of the last consultation (root 04) coded in the document.</summary>
    public (Actor Source, Actor? Target)? LastConsultation { get; set; }

    /// <summary>The countries the document mentions.</summary>
    public IReadOnlyCollection<string> Countries => _countryMentions.Keys;

    /// <summary>Counts a mention of an actor's country; the first code the country is named by is kept.</summary>
    public void CountCountry(ActorCode code, int sentence)
    {
        if (code.Country is not { } country)
        {
            return;
        }

        if (!_sentencesNaming.TryGetValue(country, out var sentences))
        {
            _sentencesNaming[country] = sentences = [];
        }

        sentences.Add(sentence);
        NoteArmedOpponent(code, sentence);

        _firstCode.TryAdd(country, code.Value);
        _twoPartiesKnown = false;

        if (_countryMentions.TryGetValue(country, out var count))
        {
            _countryMentions[country] = count + 1;
        }
        else
        {
            _countryMentions[country] = 1;
            _countryOrder.Add(country);
        }
    }

    /// <summary>
    /// The country the document is about so far, when one stands out: mentioned at least twice and more than twice
    /// as often as any other. Null when two or more share the story.
    /// </summary>
    public string? DominantCountry
    {
        get
        {
            string? first = null;
            var most = 0;
            var next = 0;
            foreach (var country in _countryOrder)
            {
                var count = _countryMentions[country];
                if (count > most)
                {
                    next = most;
                    most = count;
                    first = country;
                }
                else if (count > next)
                {
                    next = count;
                }
            }

            return most >= 2 && most > 2 * next ? first : null;
        }
    }

    /// <summary>The two countries the document mentions most (ties: the first mentioned), for "both sides".</summary>
    public (string First, string Second)? TwoParties
    {
        get
        {
            // Asked for every sentence; the counts change only while the document's countries are counted.
            if (_twoPartiesKnown)
            {
                return _twoParties;
            }

            var top = _countryOrder
                .Select((c, order) => (Country: c, Count: _countryMentions[c], Order: order))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Order)
                .Take(2)
                .ToList();
            _twoParties = top.Count == 2 ? (top[0].Country, top[1].Country) : null;
            _twoPartiesKnown = true;
            return _twoParties;
        }
    }

    private (string First, string Second)? _twoParties;
    private bool _twoPartiesKnown;

    private readonly Dictionary<string, string> _firstCode = new(StringComparer.Ordinal);

    private readonly Dictionary<string, SortedSet<int>> _sentencesNaming = new(StringComparer.Ordinal);

    /// <summary>
    /// The counterpart as the document first named it ("Cirith Ungol" is MORMIL, not just MOR), when the story names
    /// it near <paramref name="sentence"/> (two sentences before to one after): a counterpart the story left
    /// paragraphs ago is more often not the one meant.
    /// </summary>
    public string? CounterpartCodeOf(string? country, int sentence) =>
        CounterpartOf(country) is { } counterpart
        && _sentencesNaming.TryGetValue(counterpart, out var naming) && naming.GetViewBetween(sentence - NearCounterpart, sentence + 1).Count > 0
            ? _firstCode.GetValueOrDefault(counterpart, counterpart)
            : null;

    private const int NearCounterpart = 2;

    // Per country, the first of its rebels, insurgents or opposition the story names, and where.
    private readonly Dictionary<string, (string Code, int Sentence)> _armedOpponents = new(StringComparer.Ordinal);

    /// <summary>Notes rebels, insurgents or an opposition the story names (others are ignored); the first of each country is kept.</summary>
    public void NoteArmedOpponent(ActorCode code, int sentence)
    {
        if (code.OpposesItsState && code.Country is { } country)
        {
            _armedOpponents.TryAdd(country, (code.Value, sentence));
        }
    }

    /// <summary>
    /// The rebels, insurgents or opposition of <paramref name="country"/> the story named first, at or before
    /// <paramref name="sentence"/>: in a story of a country's own war ("the military regained control of the town"),
    /// the state's force falls on them.
    /// </summary>
    public string? ArmedOpponentOf(string country, int sentence) =>
        _armedOpponents.TryGetValue(country, out var opponent) && opponent.Sentence <= sentence ? opponent.Code : null;

    /// <summary>
    /// Whom a state's force in <paramref name="country"/> falls on: the armed opponents the story has named there
    /// (<see cref="ArmedOpponentOf"/>) when <paramref name="source"/> is that country's state and not its rebels; else null.
    /// </summary>
    public ActorCode? OpponentOfItsOwnState(ActorCode source, string country, int sentence) =>
        source.Country == country && !source.OpposesItsState && ArmedOpponentOf(country, sentence) is { } opponent && ActorCode.TryParse(opponent, out var code)
            ? code
            : null;

    /// <summary>The most mentioned country other than <paramref name="country"/> among the two main parties.</summary>
    public string? CounterpartOf(string? country)
    {
        if (country is null || TwoParties is not { } parties)
        {
            return null;
        }

        return parties.First == country ? parties.Second : parties.Second == country ? parties.First : null;
    }

    /// <summary>A sentence whose actors are to be worked out, and remembered, only if a later sentence looks up a head it may name.</summary>
    public void AddPending(IPendingMentions mentions) => _pending.Add(mentions);

    /// <summary>Remembers an actor named by a phrase with this head word in a sentence (its index in the document).</summary>
    public void Remember(int sentence, string headLemma, Actor actor, bool isSubject)
    {
        if (!_byHeadLemma.TryGetValue(headLemma, out var actors))
        {
            _byHeadLemma[headLemma] = actors = [];
        }

        var at = actors.Count;
        while (at > 0 && actors[at - 1].Sentence > sentence)
        {
            at--;
        }

        actors.Insert(at, (sentence, actor));
        if (isSubject)
        {
            LastSubject = actor;
        }
    }

    /// <summary>
    /// The last actor named, up to a sentence (its index in the document), by a phrase with this head word ("party"
    /// for "the party"): sentences before it still pending that may name one by it are worked out first.
    /// </summary>
    public Actor? LastWithHead(int sentence, string headLemma)
    {
        foreach (var earlier in _pending)
        {
            if (earlier.Sentence < sentence && earlier.MayName(headLemma))
            {
                earlier.WorkOut();
            }
        }

        if (_byHeadLemma.TryGetValue(headLemma, out var actors))
        {
            for (var k = actors.Count - 1; k >= 0; k--)
            {
                if (actors[k].Sentence <= sentence)
                {
                    return actors[k].Actor;
                }
            }
        }

        return null;
    }
}
