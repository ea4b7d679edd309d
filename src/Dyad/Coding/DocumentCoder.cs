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

namespace Dyad.Coding;

/// <summary>A document with its layout and coded events, and how many of its sentences coding had to tag and to parse.</summary>
public sealed record CodedDocument(SegmentedDocument Segmented, IReadOnlyList<CodedEvent> Events, int SentencesTagged, int SentencesParsed)
{
    public Document Document => Segmented.Document;
}

/// <summary>
/// The whole chain for one document: clean and segment it, parse each sentence, resolve actors and code events,
/// then give each event its identity, codebook entry and (until the attribution, time and place stages run)
/// honest defaults: the publication date, no place, asserted by the writer.
/// </summary>
public sealed class DocumentCoder
{
    private readonly DocumentSegmenter _segmenter;
    private readonly EventCoder _events;
    private readonly CameoCodebook _codebook;
    private readonly DocumentCleaner _cleaner;

    private readonly PlaceResolver _places;
    private readonly SentenceTriage _triage;

    public DocumentCoder(DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors, EventDictionary events, CameoCodebook codebook, DocumentCleaner cleaner, DiscardList? discards = null)
    {
        _segmenter = segmenter;
        _events = new EventCoder(events);
        _codebook = codebook;
        _cleaner = cleaner;
        _places = new PlaceResolver(Gazetteer.Default);
        _triage = new SentenceTriage(actors, events, _events, syntax, discards);
    }

    /// <summary>The same coder (dictionaries and models shared), to be given other options.</summary>
    public DocumentCoder(DocumentCoder other)
    {
        _segmenter = other._segmenter;
        _events = other._events;
        _codebook = other._codebook;
        _cleaner = other._cleaner;
        _places = other._places;
        _triage = other._triage;
    }

    /// <summary>Dyad's built-in dictionaries and shipped models.</summary>
    public static DocumentCoder CreateDefault() => Create(null, onlyExternal: false);

    /// <summary>
    /// The shipped models with the built-in dictionaries, plus (or, with <paramref name="onlyExternal"/>, only)
    /// the PETRARCH/TABARI dictionaries in <paramref name="petrarchFolder"/>.
    /// </summary>
    public static DocumentCoder Create(string? petrarchFolder, bool onlyExternal, Action<string>? warn = null)
    {
        var actors = onlyExternal ? new ActorDictionary() : ActorDictionary.LoadBuiltIn();
        var events = onlyExternal ? new EventDictionary() : EventDictionary.LoadBuiltIn();
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

        return new(DocumentSegmenter.Default, SyntaxPipeline.Default, actors, events, CameoCodebook.Default, DocumentCleaner.Default, discards);
    }

    /// <summary>
    /// Parse every sentence, even those that cannot yield an event. Coding gives the same events either way (a
    /// test holds it to that); this is for that test and for inspecting parses.
    /// </summary>
    public bool ParseEverySentence { get; init; }

    public CodedDocument Code(Document document)
    {
        var segmented = _segmenter.Segment(document);
        var views = new List<SentenceView>(segmented.Sentences.Count);
        foreach (var sentence in segmented.Sentences)
        {
            views.Add(_triage.Read(sentence, parse: ParseEverySentence));
        }

        var layout = segmented.Layout;
        var home = _cleaner.AgencyCountry(layout.Byline?.Name) ?? _cleaner.AgencyCountry(layout.Dateline?.Agency) ?? _cleaner.AgencyCountry(document.Publisher);
        var context = new DocumentContext(document.Date, home);
        CountCountries(views, context);

        var events = new List<CodedEvent>();
        var discarded = _triage.Discarded(views);

        CarriedTime? lastTime = null;
        var lastTimeParagraph = -1;
        var lastReport = ReportCarried.None;

        // Sentences not coded whose reporting frames may name an actor ("Japan's ministry said"): their frames are
        // worked out only when a later sentence looks up an actor they may have named, or asks who reported.
        var uncoded = new List<SentenceFrames>();
        context.BeforeLookup = head =>
        {
            foreach (var earlier in uncoded)
            {
                if (earlier.Sentence < context.Sentence && earlier.MayRemember(head))
                {
                    _ = earlier.Frames;
                }
            }
        };

        for (var i = 0; i < views.Count; i++)
        {
            var view = views[i];
            context.Sentence = i;
            var paragraph = ParagraphOf(layout, view.Sentence);
            IReadOnlyList<TimeExpression> times;
            if (!_triage.Plan(view, context, discarded[i]).IsCoded)
            {
                // Parsing is most of coding's time, and most sentences name no actor or no event. Such a sentence
                // still passes on its time, the actors its reporting frames name, and whether its sources'
                // account goes on: each worked out (parsing the sentence if it needs to) only if a later one asks.
                var tenseAsked = false;
                times = FindTimes(view, document.Date, lastTime, _ =>
                {
                    tenseAsked = true;
                    return Tense.Past;
                });

                // Which expressions there are does not depend on the tense; their values may ("in March"). Near the
                // year 1500, below which an expression is dropped (see EventDater.Find), the tense could decide
                // whether one is kept: those are worked out now.
                if (tenseAsked && document.Date is not { Year: > 1502 })
                {
                    times = FindTimes(view, document.Date, lastTime, t => ClauseStructure.TenseAt(view, t));
                    tenseAsked = false;
                }

                if (times.Count > 0)
                {
                    lastTimeParagraph = paragraph;
                    var reference = lastTime;
                    var found = times;
                    lastTime = times.Count == 1 && !tenseAsked
                        ? CarriedTime.Known(times[0].Value)
                        : CarriedTime.Later(() => EventDater.Governing(view, tenseAsked ? FindTimes(view, document.Date, reference, t => ClauseStructure.TenseAt(view, t)) : found)!.Value);
                }

                var frames = new SentenceFrames(i, view, context, _triage.UntaggedWords);
                if (frames.MayRemember())
                {
                    uncoded.Add(frames);
                }

                lastReport = lastReport.After(frames, times);
            }
            else
            {
                times = FindTimes(view, document.Date, lastTime, t => ClauseStructure.TenseAt(view, t));
                var frames = AttributionAnalyzer.Frames(view, context).ToList();
                var ownReport = frames.FirstOrDefault(f => f.Status == EventAttribution.Reported)?.Source;
                // The account before is worked out only if this sentence continues it (it may need an earlier parse).
                var before = lastReport;
                if (frames.Count == 0 && ContinuesNarrative(view, times) && before.Source is { } previousReport)
                {
                    // "The talks continued ... that month": still the sources' account.
                    frames.Add(new AttributionFrame(EventAttribution.Reported, previousReport, Enumerable.Range(0, view.Count).ToHashSet(), -1));
                }

                // A past-tense sentence with no time of its own, in the paragraph of an earlier dated one, continues that time.
                var carried = times.Count == 0 && lastTime is not null && paragraph == lastTimeParagraph && document.Date is { } published
                    && ClauseStructure.TenseAt(view, RootOf(view)) == Tense.Past && lastTime.Value.End < published.AddDays(-7)
                    ? lastTime.Value
                    : null;
                CodeSentence(document, view, context, times, frames, carried, events);
                lastReport = ownReport is not null ? ReportCarried.Known(ownReport) : frames.Count > 0 && frames[0].Verb < 0 ? before : ReportCarried.None;
                if (EventDater.Governing(view, times) is { } explicitTime)
                {
                    lastTime = CarriedTime.Known(explicitTime.Value);
                    lastTimeParagraph = paragraph;
                }
            }
        }

        return new CodedDocument(segmented, DisputeLinker.Link(events), views.Count(v => v.IsTagged), views.Count(v => v.IsParsed));
    }

    // Stands for a reference time not worked out yet: which expressions a sentence has depends only on whether
    // there is a reference, and an expression whose value depends on it ("that month") is marked anaphoric.
    private static readonly EventDate Placeholder = new(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), null, "day");

    /// <summary>The sentence's time expressions; the last time mentioned is worked out only if one of them refers back to it.</summary>
    private static IReadOnlyList<TimeExpression> FindTimes(SentenceView view, DateOnly? publication, CarriedTime? last, Func<int, Tense> tenseAt)
    {
        if (last is null || last.IsKnown)
        {
            return EventDater.Find(view, publication, last?.Value, tenseAt);
        }

        var times = EventDater.Find(view, publication, Placeholder, tenseAt);
        return times.Any(t => t.Anaphoric) ? EventDater.Find(view, publication, last.Value, tenseAt) : times;
    }

    private void CodeSentence(Document document, SentenceView view, DocumentContext context, IReadOnlyList<TimeExpression> times, List<AttributionFrame> frames, EventDate? carried, List<CodedEvent> events)
    {
        var found = _events.Code(view, context);
        if (found.Count == 0)
        {
            return;
        }

        var places = _places.Find(view, context.Countries);
        var index = 0;
        foreach (var e in found)
        {
            var (date, dateNote) = EventDater.DateFor(view, e.Trigger, e.ObjectWord, times, document.Date, carried);
            var attribution = AttributionAnalyzer.For(view, e.Trigger, frames, document.Date, date);
            var secret = SecrecyDetector.Marker(view, e.Trigger, e.ObjectWord);
            var (place, placeNote) = EventPlacer.PlaceFor(view, e.Trigger, e.ObjectWord, places);
            var record = ToRecord(document, view, e, index++) with
            {
                Date = date,
                Place = place,
                Attribution = attribution,
                Secret = secret is not null,
                Evidence = new Evidence(e.TriggerText, e.TriggerSpan, $"{e.Rule}; date: {dateNote}; place: {placeNote}" + (secret is null ? string.Empty : $"; secret: '{secret}'")),
            };
            events.Add(ThirdCountryMeeting(record));
        }
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

    private static int ParagraphOf(DocumentLayout layout, Sentence sentence)
    {
        for (var p = 0; p < layout.Body.Count; p++)
        {
            if (layout.Body[p].Contains(sentence.Span) || layout.Body[p].Overlaps(sentence.Span))
            {
                return p;
            }
        }

        return -1;
    }

    private static int RootOf(SentenceView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view.Head(i) < 0)
            {
                return i;
            }
        }

        return 0;
    }

    private static readonly HashSet<string> NarrativeSubjects = new(StringComparer.Ordinal) { "talk", "meeting", "contact", "negotiation", "visit", "summit", "discussion" };

    /// <summary>A sentence that refers back to the story told before: "that month", or "the talks/meeting ..." as its subject.</summary>
    internal static bool ContinuesNarrative(SentenceView view, IReadOnlyList<TimeExpression> times)
    {
        if (times.Any(t => t.Anaphoric))
        {
            return true;
        }

        if (!Enumerable.Range(0, view.Count).Any(i => NarrativeSubjects.Contains(view.Lemma(i))))
        {
            return false;
        }

        var root = RootOf(view);
        var subject = view.FirstChild(root, "nsubj");
        return subject >= 0 && NarrativeSubjects.Contains(view.Lemma(subject))
            && view.Children(subject, "det").Any(d => view.Lemma(d) is "the" or "these" or "those");
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

                previous = match;
                if (match.On(context.Date) is { IsAgent: false } entry && ActorCode.TryParse(entry.Code, out var code))
                {
                    context.CountCountry(code);
                }
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
