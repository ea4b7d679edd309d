using Dyad.Attribution;
using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;
using Dyad.Triage;

namespace Dyad.Coding;

/// <summary>
/// What a coded sentence starts from: its time expressions, its reporting frames (or the account it continues), the
/// time it continues, and whether its paragraph named a time before it (its events then do not take the story's news day).
/// </summary>
internal sealed record SentenceSetting(IReadOnlyList<TimeExpression> Times, IReadOnlyList<AttributionFrame> Frames, EventDate? CarriedTime, bool TimeBeforeInParagraph = false);

/// <summary>
/// What a story carries from sentence to sentence as coding goes through it: the last time mentioned (and in which
/// paragraph), who reported the account told so far, and the reporting frames of sentences not coded. A sentence
/// not coded passes these on worked out only if a later sentence asks, since working them out may need its parse.
/// </summary>
internal sealed partial class StoryState
{
    private readonly DocumentContext _context;
    private readonly DocumentLayout _layout;
    private readonly DateOnly? _published;
    private readonly UntaggedWordTests _untagged;

    private CarriedTime? _lastTime;
    private int _lastTimeParagraph = -1;
    private ReportCarried _lastReport = ReportCarried.None;

    public StoryState(SegmentedDocument story, DocumentContext context, UntaggedWordTests untagged)
    {
        _context = context;
        _layout = story.Layout;
        _published = story.Document.Date;
        _untagged = untagged;
    }

    /// <summary>
    /// A sentence not coded still passes on its time, the actors its reporting frames name, and whether its
    /// sources' account goes on: each worked out (parsing the sentence if it needs to) only if a later one asks.
    /// </summary>
    public void PassOn(SentenceView view)
    {
        var paragraph = ParagraphOf(view.Sentence);
        var tenseAsked = false;
        var times = FindTimes(view, _lastTime, _ =>
        {
            tenseAsked = true;
            return Tense.Past;
        });

        // Which expressions there are does not depend on the tense; their values may ("in March"). Near the
        // year 1500, below which an expression is dropped (see EventDater.Find), the tense could decide
        // whether one is kept: those are worked out now.
        if (tenseAsked && _published is not { Year: > 1502 })
        {
            times = FindTimes(view, _lastTime, t => EventDater.TenseForDate(view, t));
            tenseAsked = false;
        }

        if (times.Count > 0)
        {
            _lastTimeParagraph = paragraph;
            _lastTime = times.Count == 1 && !tenseAsked
                ? CarriedTime.Known(times[0].Value)
                : CarriedTime.Later(new TimeToWorkOut(view, times, tenseAsked, _published, _lastTime));
        }

        // Its reporting frames may name an actor ("Japan's ministry said"): they are worked out only when a later
        // sentence looks up an actor they may have named (the context holds them till then), or asks who reported.
        var frames = new SentenceFrames(view, _context, _untagged);
        if (frames.MayRemember())
        {
            _context.AddPending(frames);
        }

        _lastReport = _lastReport.After(frames, times);
    }

    /// <summary>What a sentence to be coded starts from, given what the story carries to it.</summary>
    public SentenceSetting Enter(SentenceView view)
    {
        var paragraph = ParagraphOf(view.Sentence);
        var times = FindTimes(view, _lastTime, t => EventDater.TenseForDate(view, t));
        var frames = AttributionAnalyzer.Frames(view, _context).ToList();
        // The account before is worked out only if this sentence continues it (it may need an earlier parse).
        if (frames.Count == 0 && ContinuesNarrative(view, times) && _lastReport.Source is { } previousReport)
        {
            // "The talks continued ... that month": still the sources' account.
            frames.Add(new AttributionFrame(EventAttribution.Reported, previousReport, Enumerable.Range(0, view.Count).ToHashSet(), -1));
        }

        // A past-tense sentence with no time of its own, in the paragraph of an earlier dated one, continues that time.
        var carried = times.Count == 0 && _lastTime is not null && paragraph == _lastTimeParagraph && _published is { } published
            && ClauseStructure.TenseAt(view, RootOf(view)) == Tense.Past && _lastTime.Value.End.DayNumber < published.DayNumber - 7
            ? _lastTime.Value
            : null;
        return new SentenceSetting(times, frames, carried, _lastTime is not null && paragraph == _lastTimeParagraph);
    }

    /// <summary>After a sentence is coded: its own report and time (if any) are what it passes on.</summary>
    public void Leave(SentenceView view, SentenceSetting setting)
    {
        var frames = setting.Frames;
        var ownReport = frames.FirstOrDefault(f => f.Status == EventAttribution.Reported)?.Source;
        _lastReport = ownReport is not null ? ReportCarried.Known(ownReport) : frames.Count > 0 && frames[0].Verb < 0 ? _lastReport : ReportCarried.None;
        if (EventDater.Governing(view, setting.Times) is { } explicitTime)
        {
            _lastTime = CarriedTime.Known(explicitTime.Value);
            _lastTimeParagraph = ParagraphOf(view.Sentence);
        }
    }

    private IReadOnlyList<TimeExpression> FindTimes(SentenceView view, CarriedTime? last, Func<int, Tense> tenseAt) =>
        FindTimes(view, _published, last, tenseAt);

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

    private int ParagraphOf(Sentence sentence)
    {
        for (var p = 0; p < _layout.Body.Count; p++)
        {
            if (_layout.Body[p].Contains(sentence.Span) || _layout.Body[p].Overlaps(sentence.Span))
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
    private static bool ContinuesNarrative(SentenceView view, IReadOnlyList<TimeExpression> times)
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
        var subject = view.FirstChild(root, UdRelation.Nsubj);
        return subject >= 0 && NarrativeSubjects.Contains(view.Lemma(subject))
            && view.Children(subject, UdRelation.Det).Any(d => view.Lemma(d) is "the" or "these" or "those");
    }
}
