using System.Globalization;
using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Places;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;

namespace Dyad.Coding;

/// <summary>A document with its layout, parses and coded events.</summary>
public sealed record CodedDocument(SegmentedDocument Segmented, IReadOnlyList<ParsedSentence> Parses, IReadOnlyList<CodedEvent> Events)
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
    private readonly SyntaxPipeline _syntax;
    private readonly ActorDictionary _actors;
    private readonly EventCoder _events;
    private readonly CameoCodebook _codebook;
    private readonly DocumentCleaner _cleaner;

    private readonly DiscardList? _discards;
    private readonly PlaceResolver _places = new(Gazetteer.Default);

    public DocumentCoder(DocumentSegmenter segmenter, SyntaxPipeline syntax, ActorDictionary actors, EventDictionary events, CameoCodebook codebook, DocumentCleaner cleaner, DiscardList? discards = null)
    {
        _discards = discards;
        _segmenter = segmenter;
        _syntax = syntax;
        _actors = actors;
        _events = new EventCoder(events);
        _codebook = codebook;
        _cleaner = cleaner;
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
        }

        return new(DocumentSegmenter.Default, SyntaxPipeline.Default, actors, events, CameoCodebook.Default, DocumentCleaner.Default, discards);
    }

    public CodedDocument Code(Document document)
    {
        var segmented = _segmenter.Segment(document);
        var parses = new List<ParsedSentence>(segmented.Sentences.Count);
        var views = new List<SentenceView>(segmented.Sentences.Count);
        foreach (var sentence in segmented.Sentences)
        {
            var parse = _syntax.Parse(sentence);
            parses.Add(parse);
            views.Add(new SentenceView(parse, _actors));
        }

        var layout = segmented.Layout;
        var home = _cleaner.AgencyCountry(layout.Byline?.Name) ?? _cleaner.AgencyCountry(layout.Dateline?.Agency) ?? _cleaner.AgencyCountry(document.Publisher);
        var context = new DocumentContext(document.Date, home);
        CountCountries(views, context);

        var events = new List<CodedEvent>();
        var storyDiscarded = false;
        var discarded = new bool[views.Count];
        if (_discards is not null)
        {
            for (var i = 0; i < views.Count; i++)
            {
                discarded[i] = _discards.Matches(views[i].Keys, out var story);
                storyDiscarded |= discarded[i] && story;
            }
        }

        EventDate? lastTime = null;
        var lastTimeParagraph = -1;
        AttributionSource? lastReport = null;
        foreach (var view in views)
        {
            var paragraph = ParagraphOf(layout, view.Sentence);
            var times = EventDater.Find(view, document.Date, lastTime);
            var places = _places.Find(view, context.Countries);
            var frames = AttributionAnalyzer.Frames(view, context).ToList();
            var ownReport = frames.FirstOrDefault(f => f.Status == EventAttribution.Reported)?.Source;
            if (frames.Count == 0 && lastReport is not null && ContinuesNarrative(view, times))
            {
                // "The talks continued ... that month": still the sources' account.
                frames.Add(new AttributionFrame(EventAttribution.Reported, lastReport, Enumerable.Range(0, view.Count).ToHashSet(), -1));
            }

            // A past-tense sentence with no time of its own, in the paragraph of an earlier dated one, continues that time.
            var carried = times.Count == 0 && lastTime is { } previous && paragraph == lastTimeParagraph && document.Date is { } published
                && previous.End < published.AddDays(-7) && ClauseStructure.TenseAt(view, RootOf(view)) == Tense.Past
                ? previous
                : null;

            if (!storyDiscarded && !discarded[view.Sentence.Index])
            {
                var index = 0;
                foreach (var found in _events.Code(view, context))
                {
                    var (date, dateNote) = EventDater.DateFor(view, found.Trigger, found.ObjectWord, times, document.Date, carried);
                    var attribution = AttributionAnalyzer.For(view, found.Trigger, frames, document.Date, date);
                    var secret = SecrecyDetector.Marker(view, found.Trigger, found.ObjectWord);
                    var (place, placeNote) = EventPlacer.PlaceFor(view, found.Trigger, found.ObjectWord, places);
                    var record = ToRecord(document, view, found, index++) with
                    {
                        Date = date,
                        Place = place,
                        Attribution = attribution,
                        Secret = secret is not null,
                        Evidence = new Evidence(found.TriggerText, found.TriggerSpan, $"{found.Rule}; date: {dateNote}; place: {placeNote}" + (secret is null ? string.Empty : $"; secret: '{secret}'")),
                    };
                    record = ThirdCountryMeeting(record);
                    events.Add(record);
                }
            }

            var explicitTime = EventDater.Governing(view, times);
            if (explicitTime is not null)
            {
                lastTime = explicitTime.Value;
                lastTimeParagraph = paragraph;
            }
            else if (carried is not null)
            {
                lastTimeParagraph = paragraph;
            }

            lastReport = ownReport ?? (frames.Count > 0 && frames[0].Verb < 0 ? lastReport : null);
        }

        return new CodedDocument(segmented, parses, DisputeLinker.Link(events));
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

    /// <summary>A sentence that refers back to the story told before: "that month", or "the talks/meeting ..." as its subject.</summary>
    private static bool ContinuesNarrative(SentenceView view, IReadOnlyList<TimeExpression> times)
    {
        if (times.Any(t => t.Anaphoric))
        {
            return true;
        }

        var root = RootOf(view);
        var subject = view.FirstChild(root, "nsubj");
        return subject >= 0 && view.Lemma(subject) is "talk" or "meeting" or "contact" or "negotiation" or "visit" or "summit" or "discussion"
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
