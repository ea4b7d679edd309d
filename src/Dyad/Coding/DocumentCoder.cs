using System.Globalization;
using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Petrarch;
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

        foreach (var view in views)
        {
            if (storyDiscarded || discarded[view.Sentence.Index])
            {
                continue;
            }

            var index = 0;
            foreach (var found in _events.Code(view, context))
            {
                events.Add(ToRecord(document, view, found, index++));
            }
        }

        return new CodedDocument(segmented, parses, events);
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
                if (match.On(context.Date) is { IsAgent: false } entry && ActorCode.TryParse(entry.Code, out var code) && code.Country is { } country)
                {
                    context.CountCountry(country);
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
