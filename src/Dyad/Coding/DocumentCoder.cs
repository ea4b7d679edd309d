using System.Collections.Frozen;
using System.Globalization;
using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Places;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;
using Dyad.Triage;
using Dyad.Vetting;

namespace Dyad.Coding;

/// <summary>A document with its layout and coded events, and how many of its sentences coding had to tag and to parse.</summary>
public sealed record CodedDocument(SegmentedDocument Segmented, IReadOnlyList<CodedEvent> Events, int SentencesTagged, int SentencesParsed)
{
    /// <summary>Every actor pair of each coded sentence with the features the pair model reads; kept only by a coder that keeps every candidate (for training).</summary>
    // Internal: only the training tool reads it, and the pair model's types are no API of the core.
    internal IReadOnlyList<(TextSpan Sentence, ActorPair Pair)>? Pairs { get; init; }

    /// <summary>Every word the trigger model may judge in each coded sentence, with its features; kept only by a coder that keeps every candidate (for training).</summary>
    internal IReadOnlyList<(TextSpan Sentence, TextSpan Word, IReadOnlyList<string> Features)>? Words { get; init; }

    public Document Document => Segmented.Document;
}

/// <summary>
/// The whole chain for one document: clean and segment it, parse each sentence, resolve actors and code events,
/// then give each event its identity, codebook entry and (until the attribution, time and place stages run)
/// honest defaults: the publication date, no place, asserted by the writer.
/// </summary>
internal sealed class DocumentCoder
{
    private readonly DocumentSegmenter _segmenter;
    private readonly EventCoder _events;
    private readonly CameoCodebook _codebook;
    private readonly DocumentCleaner _cleaner;

    private readonly PlaceResolver _places;
    private readonly SentenceTriage _triage;
    private readonly EventModel? _model;
    private readonly PairModel? _pairs;
    private readonly TriggerModel? _triggers;

    // Dyad's own conventions, used with its own knowledge; PETRARCH's (and its records') with only outside dictionaries.
    // Under Dyad's, an event where neither side names a country or organisation ("---REB" against "---MIL": "the rebels
    // attacked soldiers"; "protesters" with no target) is left out: it belongs to no dyad, and on real news it was
    // wrong far more often than right (docs/measurements.md).
    private readonly bool _ownConventions;
    private readonly EventDictionary _dictionary;
    private readonly EventDictionary? _moreMeanings;

    public DocumentCoder(DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors, EventDictionary events, CameoCodebook codebook, DocumentCleaner cleaner, DiscardList? discards = null, EventModel? model = null, PairModel? pairs = null, EventDictionary? moreMeanings = null, TriggerModel? triggers = null, bool ownConventions = false)
    {
        // Triage indexes the dictionaries as they are now, and coding threads share them: no more entries.
        actors.Freeze();
        events.Freeze();
        _segmenter = segmenter;
        _events = new EventCoder(events, ownConventions: ownConventions);
        _ownConventions = ownConventions;
        _codebook = codebook;
        _cleaner = cleaner;
        _places = new PlaceResolver(Gazetteer.Default);
        moreMeanings?.Freeze();
        _triage = new SentenceTriage(actors, events, _events, syntax, discards);
        _model = model;
        _pairs = pairs;
        _triggers = triggers;
        _dictionary = events;
        _moreMeanings = moreMeanings;
    }

    /// <summary>The same coder (dictionaries and models shared), to be given other options.</summary>
    public DocumentCoder(DocumentCoder other)
        : this(other, other._triggers)
    {
    }

    /// <summary>The same coder with another trigger model (for training the pair model on held-out trigger judgements).</summary>
    internal DocumentCoder(DocumentCoder other, TriggerModel? triggers)
    {
        _triggers = triggers;
        _ownConventions = other._ownConventions;
        _segmenter = other._segmenter;
        _events = other._events;
        _codebook = other._codebook;
        _cleaner = other._cleaner;
        _places = other._places;
        _triage = other._triage;
        _model = other._model;
        _pairs = other._pairs;
        _dictionary = other._dictionary;
        _moreMeanings = other._moreMeanings;
    }

    /// <summary>Dyad's built-in dictionaries and shipped models.</summary>
    public static DocumentCoder CreateDefault() => Create(null, onlyExternal: false);

    /// <summary>
    /// The shipped models with the built-in dictionaries, plus (or, with <paramref name="onlyExternal"/>, only)
    /// the PETRARCH/TABARI dictionaries in <paramref name="petrarchFolder"/>.
    /// </summary>
    public static DocumentCoder Create(string? petrarchFolder, bool onlyExternal, Action<string>? warn = null) =>
        Create(petrarchFolder, onlyExternal, learnedModels: true, warn);

    /// <summary>The default knowledge without the learned models: what the models are trained on.</summary>
    public static DocumentCoder CreateForTraining() => Create(null, onlyExternal: false, learnedModels: false, warn: null);

    /// <remarks>
    /// Unless only outside dictionaries are used, the compiled knowledge (resources/knowledge) adds its actors and,
    /// for the pair model's features only (never as patterns that code), the meanings its verb patterns give words.
    /// </remarks>
    private static DocumentCoder Create(string? petrarchFolder, bool onlyExternal, bool learnedModels, Action<string>? warn)
    {
        var actors = onlyExternal ? new ActorDictionary() : ActorDictionary.LoadBuiltIn();
        var events = onlyExternal ? new EventDictionary() : EventDictionary.LoadBuiltIn();
        EventDictionary? meanings = null;
        if (!onlyExternal)
        {
            meanings = new EventDictionary();
            PetrarchDictionaries.LoadKnowledge(actors, meanings);
        }

        DiscardList? discards = null;
        if (petrarchFolder is not null)
        {
            (actors, events, discards) = PetrarchDictionaries.LoadFolder(petrarchFolder, actors, events, warn);
            if (onlyExternal && (actors.Count == 0 || events.Count == 0))
            {
                // Without built-in dictionaries to fall back on, a folder lacking either can code no event at all.
                var missing = events.Count == 0 ? "verb patterns" : "actors";
                throw new DictionaryFormatException(petrarchFolder, $"no usable {missing}, and only these dictionaries are used: nothing could be coded");
            }
        }

        // The event model learned its judgement on candidates from the built-in knowledge; with only outside
        // dictionaries their candidates are theirs to judge.
        var model = onlyExternal || !learnedModels ? null : EventModel.LoadBuiltIn();
        var pairs = onlyExternal || !learnedModels ? null : PairModel.LoadBuiltIn();
        var triggers = pairs is null ? null : TriggerModel.LoadBuiltIn();
        return new(DocumentSegmenter.Default, SyntaxPipeline.Default, actors, events, CameoCodebook.Default, DocumentCleaner.Default, discards, model, pairs, meanings, triggers, ownConventions: !onlyExternal);
    }

    /// <summary>
    /// Parse every sentence, even those that cannot yield an event. Coding gives the same events either way (a
    /// test holds it to that); this is for that test and for inspecting parses.
    /// </summary>
    public bool ParseEverySentence { get; init; }

    /// <summary>
    /// Keep every candidate event with the features the event model reads (<see cref="CodedEvent.ModelFeatures"/>),
    /// whatever the model thinks of it: for training the model.
    /// </summary>
    public bool KeepEveryCandidate { get; init; }

    /// <summary>
    /// A story through the stages: its sentences read (Segmentation, Triage), the story's context set up (Story),
    /// then each sentence in turn either coded or, as triage plans, only passing on what the story carries.
    /// </summary>
    public CodedDocument Code(Document document)
    {
        var segmented = _segmenter.Segment(document);
        var views = segmented.Sentences.Select(sentence => _triage.Read(sentence, parse: ParseEverySentence)).ToList();
        var context = ContextOf(segmented, views);
        var discarded = _triage.Discarded(views);
        var story = new StoryState(segmented, context, _triage.UntaggedWords);
        var events = new List<CodedEvent>();
        var pairs = KeepEveryCandidate ? new List<(TextSpan, ActorPair)>() : null;
        var words = KeepEveryCandidate ? new List<(TextSpan, TextSpan, IReadOnlyList<string>)>() : null;
        var mentions = new StoryMentions();
        var contests = new List<Contest>();

        // The story's surnames and the regions its place names point to, worked out when the first event needs a
        // place (most stories never do).
        var placeContext = new Lazy<PlaceContext>(() => _places.ContextOf(views, context.Countries), LazyThreadSafetyMode.None);
        // The day the story's lead names for its news, worked out when an event told in the past has no time of its own.
        var newsDay = new Lazy<EventDate?>(() => EventDater.NewsDay(LeadOf(segmented, views), document.Date), LazyThreadSafetyMode.None);
        var datelinePlace = new Lazy<EventPlace?>(() => segmented.Layout.Dateline is { Place.Length: > 0 } dateline ? _places.Dateline(dateline.Place) : null, LazyThreadSafetyMode.None);
        for (var i = 0; i < views.Count; i++)
        {
            if (_triage.Plan(views[i], context, discarded[i], codesActorPairs: _pairs is not null || KeepEveryCandidate).IsCoded)
            {
                var setting = story.Enter(views[i]);
                CodeSentence(document, views[i], context, placeContext, datelinePlace, newsDay, mentions, setting, events, pairs);
                contests.AddRange(AttributionAnalyzer.Contests(views[i], setting.Frames, context));
                KeepWords(views[i], words);
                story.Leave(views[i], setting);
            }
            else
            {
                story.PassOn(views[i]);
            }
        }

        return new CodedDocument(segmented, DisputeLinker.Link(events, contests), views.Count(v => v.IsTagged), views.Count(v => v.IsParsed)) { Pairs = pairs, Words = words };
    }

    /// <summary>The sentences of a story's first two paragraphs: its lead and the one that follows it.</summary>
    private static IEnumerable<SentenceView> LeadOf(SegmentedDocument segmented, List<SentenceView> views)
    {
        var body = segmented.Layout.Body;
        if (body.Count == 0)
        {
            return [];
        }

        var end = body[Math.Min(1, body.Count - 1)].End;
        return views.Where(v => v.Sentence.Span.Start >= body[0].Start && v.Sentence.Span.End <= end);
    }

    private void KeepWords(SentenceView view, List<(TextSpan, TextSpan, IReadOnlyList<string>)>? words)
    {
        if (words is null || !view.IsParsed)
        {
            return;
        }

        for (var i = 0; i < view.Count; i++)
        {
            if (TriggerModel.MayTrigger(view, i))
            {
                words.Add((view.Sentence.Span, view.SpanOf(i, i), TriggerFeatures.Of(view, i, _dictionary, _moreMeanings)));
            }
        }
    }

    /// <summary>The story's date, home country (from byline, dateline or publisher) and the countries its actor phrases name.</summary>
    private DocumentContext ContextOf(SegmentedDocument segmented, List<SentenceView> views)
    {
        var layout = segmented.Layout;
        var document = segmented.Document;
        var home = _cleaner.AgencyCountry(layout.Byline?.Name) ?? _cleaner.AgencyCountry(layout.Dateline?.Agency) ?? _cleaner.AgencyCountry(document.Publisher);
        var context = new DocumentContext(document.Date, home);
        CountCountries(views, context);
        return context;
    }

    private void CodeSentence(Document document, SentenceView view, DocumentContext context, Lazy<PlaceContext> placeContext, Lazy<EventPlace?> datelinePlace, Lazy<EventDate?> newsDay, StoryMentions mentions, SentenceSetting setting, List<CodedEvent> events, List<(TextSpan, ActorPair)>? pairsKept)
    {
        var found = _events.Code(view, context);
        if ((_pairs is not null || pairsKept is not null) && view.HasActorPhrase)
        {
            found = [.. found, .. FromPairs(view, context, mentions, found, pairsKept)];
        }

        if (found.Count == 0)
        {
            return;
        }

        var places = _places.Find(view, placeContext.Value);
        IReadOnlyList<AttributionFrame>? allegations = null;
        var index = 0;
        foreach (var coded in found)
        {
            var (place, placeNote) = EventPlacer.PlaceFor(view, coded.Trigger, coded.ObjectWord, places);
            if (place is null && EventPlacer.SaysHere(view, coded.Trigger) && datelinePlace.Value is { } here)
            {
                // "a visit here this week", "talks here": the place the story was filed from.
                (place, placeNote) = (here with { Text = "here" }, "'here': the dateline's place");
            }

            var located = coded;
            if (coded.TargetFromPlace)
            {
                if (PlaceTarget(view, coded, place, placeNote, context) is { } attacked)
                {
                    located = coded with { Target = attacked, Rule = coded.Rule + $"; place attacked: {attacked.Text}" };
                }
                else if (coded.Target is null && StoryCountryAttacked(view, coded, place, placeNote, context) is { } inStory)
                {
                    located = coded with { Target = inStory, Rule = coded.Rule + "; place attacked: in the country the story is about" };
                }
                else if (coded.Target is null)
                {
                    continue;
                }
            }

            var e = !_ownConventions ? located
                : place?.Country is { } where ? Localised(located, where, "the event's place")
                : StateOnTheOtherSide(located) is { } home ? Localised(located, home, "the country of the state on the other side")
                : StateOfItsOpposition(located) is { } opposed ? Localised(located, opposed, "the state its own opposition faces")
                : ForeignForce(located, context) is { } adversary ? Localised(located, adversary, "the story's other country, using force on this one")
                : context.DominantCountry is { } about && !FacesItsOwnCountry(located, about) ? Localised(located, about, "the country the story is about")
                : located;
            // One phrase read as both sides once placed ("clashes between insurgents and government troops" gave the
            // troops as both): no event.
            if (e.Target is { } other && other.Code == e.Source.Code && other.Text == e.Source.Text)
            {
                continue;
            }

            // A company or a newspaper acting on no one, or on another company or people of no country ("will ask
            // shareholders", "when asked by reporters"), is business or journalism, not an event between political actors.
            if (_ownConventions && !KeepEveryCandidate && ((IsCompanyOrPress(e.Source.Code) && (NoOneInParticular(e.Target) || IsCompanyOrPress(e.Target!.Code)))
                || (NoOneInParticular(e.Source) && NoOneInParticular(e.Target))))
            {
                continue;
            }

            // A firm or traders named as such on either side ("WEDGE Group Inc", "Vendex International <VENN.AS>",
            // "Japanese buyers agreed to postpone sugar deliveries", "prices offered by U.S. suppliers"): business,
            // whichever country's, is not an event between political actors.
            if (_ownConventions && !KeepEveryCandidate && (NamedAsBusiness(e.Source) || (e.Target is { } traded && NamedAsBusiness(traded))))
            {
                continue;
            }

            // A state's organs, civilians or firms of no country on either side once placed ("visited border guards,
            // troops and police", "the State Department" unknown, "attacks on civilians" the story does not locate):
            // such a side says nothing about relations between states, and these events were almost never right.
            // Armed groups and the opposition of no named country ("gunmen abducted two aid workers", "aiding the
            // insurgents") still tell who acted or was acted on.
            if (_ownConventions && !KeepEveryCandidate && (StateOrPeopleOfNoCountry(e.Source) || (e.Target is { } side && StateOrPeopleOfNoCountry(side))))
            {
                continue;
            }

            if (place is null && EventPlacer.Inferred(e.Source, e.Target, e.Pattern.Code.Root is "18" or "19" or "20", datelinePlace.Value, _places.CountryPlace) is { Place: not null } inferred)
            {
                // Only for the record: the actors were coded with the places the sentence names.
                (place, placeNote) = inferred;
            }

            var (date, dateNote) = EventDater.DateFor(view, e.Trigger, e.ObjectWord, setting.Times, document.Date, setting.CarriedTime,
                setting.TimeBeforeInParagraph ? null : () => newsDay.Value);
            if (document.DateFromDateline && date is { Precision: "publication" })
            {
                dateNote += " (from the dateline)";
            }

            allegations ??= AttributionAnalyzer.Allegations(view, context);
            var attribution = AttributionAnalyzer.For(view, e, setting.Frames, allegations, document.Date, date);
            var secret = SecrecyDetector.Marker(view, e.Trigger, e.ObjectWord);
            var features = _model is null && !KeepEveryCandidate ? null : EventFeatures.Of(view, e, attribution);
            var probability = _model is null || features is null ? (double?)null : _model.Probability(features);
            if (!KeepEveryCandidate && probability < _model?.Threshold)
            {
                continue;
            }

            var record = ToRecord(document, view, e, index++) with
            {
                Published = new Publication(document.Date, document.Date is null ? null : document.DateFrom ?? "input", datelinePlace.Value),
                Confidence = probability is { } p ? Math.Round(p, 3) : e.Confidence,
                ModelFeatures = KeepEveryCandidate ? features : null,
                Date = date,
                Place = place,
                Attribution = attribution,
                Secret = secret is not null,
                Disputed = AttributionAnalyzer.SameSentenceDisputes(view, e.Trigger, setting.Frames, e.Source, e.Target),
                Evidence = new Evidence(e.TriggerText, e.TriggerSpan, $"{e.Rule}; date: {dateNote}; place: {placeNote}" + (secret is null ? string.Empty : $"; secret: '{secret}'")),
            };
            events.Add(ThirdCountryMeeting(record));

            // Rebels the story has now named (for a later "the army retook the town").
            context.NoteArmedOpponent(record.Source.Code, view.Sentence.Index);
            if (record.Target is { } target)
            {
                context.NoteArmedOpponent(target.Code, view.Sentence.Index);
            }
        }
    }

    /// <summary>
    /// The target of force used on a place or thing, or of a visit to one: the country of the place in the event's
    /// own clause ("attacked Birao", "struck targets in southern Lebanon", "a visit here by Baldrige"), or null when
    /// the clause names none. A country does not attack itself ("Israel struck targets in Israel" is no event of
    /// Israel against Israel), but its army, rebels or police act in their own country's places ("the army regained
    /// control of Birao"); a visit within one's own country is no visit to it.
    /// </summary>
    private static Actor? PlaceTarget(SentenceView view, SentenceEvent e, EventPlace? place, string placeNote, DocumentContext context)
    {
        var visit = e.Pattern.Code.Root == "04";
        if (place?.Country is not { } country || !(InItsOwnClause(placeNote) || placeNote.StartsWith("'here'", StringComparison.Ordinal))
            || !ActorCode.TryParse(country, out var code) || e.Source.Code.Value == country || (visit && e.Source.Country == country))
        {
            return null;
        }

        // "Syrian troops recaptured Palmyra": a state's force in its own country falls on the rebels the story names.
        if (context.OpponentOfItsOwnState(e.Source.Code, country, view.Sentence.Index) is { } opponent)
        {
            return new Actor(opponent, opponent.Value, e.TriggerSpan, "the armed opponents the story names in their own country");
        }

        return new Actor(code, place.Name, e.TriggerSpan, visit ? "the country of the place visited" : "the country of the place attacked");
    }

    /// <summary>
    /// The target of force used on a place or target its clause does not locate ("the rebels attacked Birao", a town
    /// the gazetteer does not know; "shelled the convoy"): the one country the story is about, where such force falls
    /// unless the text says otherwise. Only for a named place or a word for a place or military target (not
    /// "fought corruption"); not when the clause places it in a known country (that was <see cref="PlaceTarget"/>'s
    /// to decide), nor for force the story's own country itself is said to use.
    /// </summary>
    private static Actor? StoryCountryAttacked(SentenceView view, SentenceEvent e, EventPlace? place, string placeNote, DocumentContext context)
    {
        if (e.Pattern.Code.Root == "04" || (place?.Country is not null && InItsOwnClause(placeNote))
            || context.DominantCountry is not { } country || e.Source.Code.Value == country || !ActorCode.TryParse(country, out var code))
        {
            return null;
        }

        // Strikers, farmers or companies do not use force on a country: "a union struck CBS Inc" is a labour strike.
        if (e.Source.Code.FirstRole is { } role && !ArmedRoles.Contains(role))
        {
            return null;
        }

        // The country's own forces in its own war: the force falls on the rebels the story names, not on the country.
        var opponent = context.OpponentOfItsOwnState(e.Source.Code, country, view.Sentence.Index);
        if (e.Source.Country == country && opponent is null)
        {
            return null;
        }

        var attacked = e.ObjectWord >= 0 ? e.ObjectWord
            : view.ObjectOf(e.Trigger, view.IsPassive(e.Trigger));

        // "regained control of the town of Birao": what control is of is what the force was used on.
        if (attacked >= 0 && view.Lemma(attacked) is "control" && view.Children(attacked, UdRelation.Nmod).FirstOrDefault(c => view.CaseOf(c) == "of", -1) is var held and >= 0)
        {
            attacked = held;
        }

        if (attacked < 0 || !(view[attacked].Upos == UdTag.Propn || PlacesAndTargets.Contains(view.Lemma(attacked))))
        {
            return null;
        }

        return opponent is { } armed
            ? new Actor(armed, armed.Value, e.TriggerSpan, "the armed opponents the story names in the country it is about")
            : new Actor(code, country, e.TriggerSpan, "the country the story is about, where the force used fell");
    }

    // Whether EventPlacer found the place in the event's own clause (its note says so).
    private static bool InItsOwnClause(string placeNote) => placeNote.StartsWith("place of its own clause", StringComparison.Ordinal);

    // The roles that use force: a state's government, forces and police, and armed groups.
    private static readonly FrozenSet<string> ArmedRoles = new[] { "GOV", "MIL", "COP", "SPY", "REB", "INS", "SEP", "UAF" }.ToFrozenSet(StringComparer.Ordinal);

    // What force is used on, when it names no actor: places and military targets ("attacked the village", "struck
    // positions", "shelled a convoy"), as against things that are not where anyone is ("fought corruption").
    private static readonly FrozenSet<string> PlacesAndTargets = new[]
    {
        "village", "town", "city", "capital", "district", "region", "area", "province", "border", "territory", "zone",
        "base", "position", "target", "camp", "post", "outpost", "checkpoint", "barracks", "headquarters", "garrison",
        "convoy", "patrol", "depot", "airport", "port", "harbour", "harbor", "airfield", "bridge", "road", "highway",
        "hospital", "school", "market", "mosque", "church", "compound", "building", "facility", "installation",
        "ship", "vessel", "boat", "plane", "aircraft", "helicopter", "drone", "tank", "vehicle", "station", "hideout", "stronghold",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the story's country, given to officials named only by role, would set them against that same country
    /// named on the other side ("the ministers criticised Tehran" in a story about Iran): officials who act on a
    /// state are more likely a foreign one's, named before, and no country is guessed. Police, rebels or civilians
    /// facing their own state are the common case and keep it.
    /// </summary>
    private static bool FacesItsOwnCountry(SentenceEvent e, string country)
    {
        // Rebels or the opposition of that country are not its state: "the ELN is in talks with the government".
        return (IsRoleOfficials(e.Source) && e.Target?.Code.Country == country && !e.Target.Code.OpposesItsState)
            || (e.Target is { } target && IsRoleOfficials(target) && e.Source.Code.Country == country && !e.Source.Code.OpposesItsState);

        static bool IsRoleOfficials(Actor actor) =>
            actor.Code.Country is null && actor.Code.Value.StartsWith("---GOV", StringComparison.Ordinal);
    }

    /// <summary>
    /// The country of a state's government, forces, police, courts or intelligence facing people named only by role
    /// in force or coercion ("a Turkish military court jailed a former deputy prime minister", "Sudanese troops
    /// attacked the rebels", "rebels attacked Nigerian troops"), or null for other events. A state uses force and
    /// coercion mostly on its own people and at home: where the sentence names no place, the role-only side is taken
    /// to be of the state's country, before the story's country, which may be another's.
    /// </summary>
    private static string? StateOnTheOtherSide(SentenceEvent e)
    {
        if (e.Target is not { } target || e.Pattern.Code.Root is not ("17" or "18" or "19" or "20"))
        {
            return null;
        }

        // Arrests, jailings and bans fall on anyone but firms and other states' forces; force, at home, on the armed
        // opposition (another country's troops, ships or villages are as likely as one's own).
        var domestic = e.Pattern.Code.Root == "17" ? CoercedAtHome : FoughtAtHome;
        return StateOf(e.Source) is { } fromSource && RoleOnlyAs(target, domestic) ? fromSource
            : StateOf(target) is { } fromTarget && RoleOnlyAs(e.Source, FoughtAtHome) ? fromTarget
            : null;

        static string? StateOf(Actor actor) => actor.Code.Country is { } country && actor.Code.FirstRole is { } role && StateRoles.Contains(role) ? country : null;
    }

    /// <summary>
    /// "Venezuelan opposition parties decried the government's crackdown": a country's opposition or armed groups
    /// facing a government, forces, police or courts named only by role face their own country's.
    /// </summary>
    private static string? StateOfItsOpposition(SentenceEvent e)
    {
        if (e.Target is not { } target)
        {
            return null;
        }

        return Opponents(e.Source) is { } fromSource && RoleOnlyAs(target, StateRoles) ? fromSource
            : Opponents(target) is { } fromTarget && RoleOnlyAs(e.Source, StateRoles) ? fromTarget
            : null;

        static string? Opponents(Actor actor) => actor.Code.Country is { } country && actor.Code.OpposesItsState ? country : null;
    }

    /// <summary>
    /// "Troops killed 1,269 Libyan soldiers" in a story about Chad and Libya: forces named only by role that use force
    /// on one of the story's two main countries are the other's.
    /// </summary>
    private static string? ForeignForce(SentenceEvent e, DocumentContext context)
    {
        // Only on another state's forces or officials: force on a place ("government troops recaptured the town") is
        // as often the country's own.
        if (e.Target is not { } target || e.Pattern.Code.Root is not ("18" or "19" or "20") || target.Code.Country is not { } attacked
            || target.Code.FirstRole is not { } role || !StateRoles.Contains(role)
            || !RoleOnlyAs(e.Source, ArmedRoles))
        {
            return null;
        }

        return context.CounterpartOf(attacked);
    }

    // The organs of a state that use force or coercion.
    private static readonly FrozenSet<string> StateRoles = new[] { "GOV", "MIL", "COP", "JUD", "SPY" }.ToFrozenSet(StringComparer.Ordinal);

    // Whom a state arrests, jails or bans at home, named only by role; and whom it fights at home.
    private static readonly FrozenSet<string> CoercedAtHome = new[]
    {
        "REB", "INS", "SEP", "OPP", "CVL", "GOV", "LEG", "ELI", "PTY", "LAB", "EDU", "MED", "REL", "JUD", "CRM", "HRI", "NGO", "ACT",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FoughtAtHome = new[] { "REB", "INS", "SEP", "OPP" }.ToFrozenSet(StringComparer.Ordinal);

    // No actor, or people of no country named only by role ("---REB").
    private static bool NoOneInParticular(Actor? actor) => actor is null || RoleOnly(actor);

    private static bool RoleOnly(Actor actor) => actor.Code.Value.StartsWith("---", StringComparison.Ordinal);

    // People of no country named only by one of these roles (its first: "---MIL" of "---MILGOV").
    private static bool RoleOnlyAs(Actor actor, FrozenSet<string> roles) =>
        actor.Code.Value.Length >= 6 && RoleOnly(actor) && roles.Contains(actor.Code.Value[3..6]);

    private static bool StateOrPeopleOfNoCountry(Actor actor) => RoleOnly(actor) && !(actor.Code.FirstRole is { } role && ArmedOutsideTheState.Contains(role));

    // Who acts, or is acted on, as an armed group or opposition whatever their country.
    private static readonly FrozenSet<string> ArmedOutsideTheState = new[] { "REB", "INS", "SEP", "UAF", "CRM", "RAD", "OPP" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether an actor's words name a company (a legal form or a stock ticker) or people trading as such.</summary>
    private static bool NamedAsBusiness(Actor actor)
    {
        if (actor.Text.Contains('<', StringComparison.Ordinal) && actor.Text.Contains('>', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var word in actor.Text.Split([' ', '\n', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (CompanyForms.Contains(word.TrimEnd('.')) || TradingPeople.Contains(word.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    // Legal forms of companies, as written ("Inc", "Corp."); and people named by their trade (not "producers" or
    // "exporters", which in oil and trade copy are as often countries).
    private static readonly FrozenSet<string> CompanyForms = new[] { "Inc", "Corp", "Corporation", "Co", "Ltd", "Plc", "PLC", "Holdings", "AG", "NV", "GmbH", "SpA", "Cos" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TradingPeople = new[]
    {
        "investor", "investors", "buyer", "buyers", "supplier", "suppliers", "trader", "traders", "shareholder", "shareholders",
        "stockholder", "stockholders", "dealer", "dealers",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A country's (or no country's) companies and press: not the international bodies coded IGOBUS... (the World Bank).
    private static bool IsCompanyOrPress(ActorCode code) =>
        code.Value.StartsWith("MNC", StringComparison.Ordinal)
        || ((code.Country is not null || code.Value.StartsWith("---", StringComparison.Ordinal)) && code.FirstRole is "BUS" or "MED");

    /// <summary>
    /// An actor the text names only by its role ("rebels", "riot police", "16 women": code "---REB") takes the
    /// country of the place the event happened in ("in South Kordofan"), else of the one country the story is about
    /// (see <see cref="DocumentContext.DominantCountry"/>): people named by role, unless the text says otherwise,
    /// belong where the event happens. The actor's resolution says which.
    /// </summary>
    private static SentenceEvent Localised(SentenceEvent e, string country, string why)
    {
        return e with { Source = LocalActor(e.Source), Target = e.Target is null ? null : LocalActor(e.Target) };

        Actor LocalActor(Actor actor) =>
            actor.Code.Value.StartsWith("---", StringComparison.Ordinal) && actor.Code.Value.Length > 3
                ? actor with { Code = ActorCode.Parse(country + actor.Code.Value[3..]), Resolution = actor.Resolution + $"; country {country}: {why}" }
                : actor;
    }

    /// <summary>
    /// Whether, between a word and the anchor above it, a clause has a subject of its own that is not on the way up and
    /// that <paramref name="isAnother"/> says is someone else ("Thatcher gave notice that the U.K. would fight ...":
    /// her own country's clause is still hers).
    /// </summary>
    private static bool InAnotherSubjectsClause(SentenceView view, int word, int anchor, Func<int, bool> isAnother)
    {
        var below = word;
        for (var w = view.Head(word); w >= 0 && w != anchor; below = w, w = view.Head(w))
        {
            if (view.Children(w).Any(c => c != below && UdRelation.IsNominalSubject(view.Relation(c)) && isAnother(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of two words is the subject of the anchor and the other the subject of another verb.</summary>
    private static bool SubjectOfAnotherClause(SentenceView view, int first, int second, int anchor)
    {
        bool IsSubject(int word) => view.Relation(word).StartsWith(UdRelation.Nsubj, StringComparison.Ordinal);
        return IsSubject(first) && IsSubject(second) && view.Head(first) != view.Head(second)
            && (view.Head(first) == anchor || view.Head(second) == anchor);
    }

    /// <summary>Whether a word is one of three or more coordinated words whose first is not a subject.</summary>
    private static bool InListNotSubject(SentenceView view, int word)
    {
        var first = word;
        while (view.Relation(first) == UdRelation.Conj && view.Head(first) >= 0)
        {
            first = view.Head(first);
        }

        return view.Children(first, UdRelation.Conj).Count() >= 2 && !view.Relation(first).StartsWith(UdRelation.Nsubj, StringComparison.Ordinal);
    }

    /// <summary>
    /// The events the pair model finds among the sentence's actor pairs that the patterns did not already code (the
    /// same source and target countries and root): each coded with its root's general code, its trigger the word
    /// that governs both actors.
    /// </summary>
    private List<SentenceEvent> FromPairs(SentenceView view, DocumentContext context, StoryMentions story, IReadOnlyList<SentenceEvent> coded, List<(TextSpan, ActorPair)>? pairsKept)
    {
        var added = new List<SentenceEvent>();
        var mentions = ActorPairs.Mentions(view, context, story);
        var triggers = _triggers?.For(view, _dictionary, _moreMeanings);
        // Pairs with a target first: an actor alone codes only what no pair of it already coded.
        foreach (var found in ActorPairs.Of(view, mentions, _dictionary, _moreMeanings, triggers).OrderBy(p => p.Target is null))
        {
            // What the patterns made of the same two actors is evidence too (right about a quarter of the time).
            var pair = found with { Features = [.. found.Features, .. ActorPairs.PatternFeatures(found, coded)] };
            pairsKept?.Add((view.Sentence.Span, pair));
            if (_pairs is null)
            {
                continue;
            }

            // As with patterns, a negated act ("did not meet") codes nothing.
            if (view.IsNegated(pair.Anchor))
            {
                continue;
            }

            // The word that governs both actors must be able to tell an act: not a verb of saying ("Brazilian
            // officials said that Putin and Poroshenko would meet": the act is in what was said), not a name ("NEW
            // DELHI: A US delegation ..."), not a noun that names no event ("its Chinese counterpart", "leadership").
            if (!CanTellAnAct(view, pair.Anchor))
            {
                continue;
            }

            // "after visiting the U.S., England, France and Italy", "a tour that has taken him to Iraq, Kuwait and
            // Qatar": a list of places that is not the clause's subject names where someone went, not who acted.
            if (InListNotSubject(view, pair.Source.Head))
            {
                continue;
            }

            // A root that beats "none" by less than three points is too close to call, whatever margin cross-validation
            // chose for it (a root with few examples can come out with a margin near zero: "Malaysia is launching a
            // notes issue" read as force, "would continue their mediation efforts together with the United States"
            // as a threat). Over the Reuters corpus the events between one and three points were mostly not events.
            var judged = _pairs.Judge(pair.Features);
            if (judged.Lead < Math.Max(_pairs.MarginFor(judged.Label), SmallestLead) || PairModel.RootOf(judged.Label) is not { } root)
            {
                continue;
            }

            var (source, target) = (pair.Source.Actor, pair.Target?.Actor);
            // Meetings and cooperation (roots 04-06) read the same either way round: one event, not two.
            var symmetric = CameoCode.IsSymmetricRoot(root);
            bool Same(SentenceEvent e) => e.Pattern.Code.Root == root
                && ((e.Source.Country == source.Country && e.Target?.Country == target?.Country)
                    || (symmetric && e.Source.Country == target?.Country && e.Target?.Country == source.Country));
            if (coded.Any(Same) || added.Any(Same))
            {
                continue;
            }

            // A word a pattern already coded for this source is read in the sense the pattern gave it ("attacked
            // OECD forecasts" is criticism, not an assault); and a word a pattern coded in this root has had its
            // source and target read from the parse ("Mubarak said he urged Israel to resume talks with the
            // Palestinians" is not the Palestinians urging Israel).
            if (coded.Any(e => e.Trigger == pair.Anchor && (e.Source.Country == source.Country || e.Pattern.Code.Root == root)))
            {
                continue;
            }

            // "Chinese vessels rammed a Philippine boat": once the pair codes it, the vessels alone do not again.
            if (target is null && coded.Concat(added).Any(e => e.Pattern.Code.Root == root && e.Source.Country == source.Country))
            {
                continue;
            }

            // Who acts is the verb's subject: a pair whose target is the active subject of its governing verb
            // ("Chinese vessels rammed a Philippine boat" read from the boat) is the wrong way round.
            if (!symmetric && pair.Target is { } t && view.Head(t.Head) == pair.Anchor && view.Relation(t.Head) == UdRelation.Nsubj)
            {
                continue;
            }

            // "After Japan imposed sanctions, North Korea disbanded its team": two subjects of two clauses act
            // each in its own clause, not on each other through the one that governs both.
            if (pair.Target is { } other && SubjectOfAnotherClause(view, pair.Source.Head, other.Head, pair.Anchor))
            {
                continue;
            }

            // "Israel charged that Syria had sent troops into Lebanon": what happens to an actor inside a clause with a
            // subject of its own is that subject's doing, not the speaker's.
            if (pair.Target is { } inner && InAnotherSubjectsClause(view, inner.Head, pair.Anchor, subject =>
                    !view.IsPronoun(subject) && !mentions.Any(m => m.Head == subject && m.Actor.Country is { } c && c == source.Country)))
            {
                continue;
            }

            var code = CameoCode.Parse(root + "0");
            var rule = $"pair model: root {root} ({judged.Lead:0.0} over none) for '{source.Text}'" + (target is null ? string.Empty : $" and '{target.Text}'") + $" through '{view.Sentence.Tokens[pair.Anchor].Text}'";
            var pattern = new EventPattern(view.Lemma(pair.Anchor), Nominal: false, null, null, null, code, Reversed: false, Unary: target is null, rule);
            var span = view.SpanOf(pair.Anchor, pair.Anchor);
            // At its root's margin a pair event is right about as often as the margin was chosen for; further over, more often.
            var confidence = Math.Round(Math.Clamp(0.5 + ((judged.Lead - _pairs.MarginFor(judged.Label)) / 40), 0.5, 0.95), 2);
            added.Add(new SentenceEvent(pair.Anchor, pattern, source, target, span, view.TextOf(span), rule, confidence));
        }

        return added;
    }

    private const double SmallestLead = 3.0;

    private static readonly FrozenSet<string> Saying = new[]
    {
        "say", "tell", "add", "state", "claim", "note", "quote", "write", "explain",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a pair's governing word may itself be the act: a verb other than one of saying, or an event noun of the dictionaries.</summary>
    private bool CanTellAnAct(SentenceView view, int anchor)
    {
        var lemma = view.Lemma(anchor);
        return view[anchor].Upos switch
        {
            UdTag.Verb => !Saying.Contains(lemma),
            UdTag.Noun => _dictionary.For(lemma).Any(p => p.Nominal) || (_moreMeanings?.For(lemma).Any(p => p.Nominal) ?? false),
            UdTag.Propn => false,
            _ => true,
        };
    }

    /// <summary>CAMEO 044: a meeting between two countries held in a third one.</summary>
    private CodedEvent ThirdCountryMeeting(CodedEvent e)
    {
        if (e.Cameo.Code.Value != "040" || e.Place?.Country is not { } where || e.Target is null
            || where == e.Source.Country || where == e.Target.Country || e.Source.Country is null || e.Target.Country is null)
        {
            return e;
        }

        return e with
        {
            Cameo = _codebook[CameoCode.Parse("044")],
            Evidence = e.Evidence with { Rule = e.Evidence.Rule + "; third-country place -> 044" },
        };
    }

    private static void CountCountries(List<SentenceView> views, DocumentContext context)
    {
        foreach (var view in views)
        {
            ActorMatch? previous = null;
            foreach (var match in view.MatchAt)
            {
                if (match is null || ReferenceEquals(match, previous))
                {
                    continue;
                }

                if (match.On(context.Date) is { IsAgent: false } entry && ActorCode.TryParse(entry.Code, out var code))
                {
                    context.CountCountry(code, view.Sentence.Index);
                }
                else if (previous is { } before && before.End == match.Start && match.On(context.Date) is { IsAgent: true } agent
                    && before.On(context.Date) is { IsAgent: false } nation && nation.Code.Length == 3
                    && ActorCode.TryParse(nation.Code + agent.Code.Trim('~'), out var composed) && composed.OpposesItsState)
                {
                    // "Syrian rebels", "Kenyan opposition": the story's armed opponents are named this way more often
                    // than by a group's name. (The country itself was counted already.)
                    context.NoteArmedOpponent(composed, view.Sentence.Index);
                }

                previous = match;
            }
        }
    }

    private CodedEvent ToRecord(Document document, SentenceView view, SentenceEvent found, int index)
    {
        var sentence = view.Sentence;
        return new CodedEvent(
            string.Create(CultureInfo.InvariantCulture, $"{document.Id}:{sentence.Index}:{index}"),
            document.Id,
            sentence.Index,
            sentence.Text,
            found.Source,
            found.Target,
            _codebook[found.Pattern.Code],
            document.Date is { } date ? EventDate.Publication(date) : null,
            null,
            EventAttribution.AssertedByWriter,
            [],
            false,
            found.Confidence,
            new Evidence(found.TriggerText, found.TriggerSpan, found.Rule));
    }
}
