using Dyad.Attribution;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Time;
using Dyad.Triage;

namespace Dyad.Coding;

// What a sentence that coding does not code still passes on to later ones, worked out only if they ask: the last
// time mentioned, the sources' account, and its reporting frames. Only the story's state holds them.
internal sealed partial class StoryState
{
    /// <summary>The last time a story mentioned: known, or worked out when first asked (it may need a parse).</summary>
    private sealed class CarriedTime
    {
        private TimeToWorkOut? _pending;
        private EventDate? _value;

        private CarriedTime(EventDate? value, TimeToWorkOut? pending)
        {
            _value = value;
            _pending = pending;
        }

        public bool IsKnown => _pending is null;

        public EventDate Value
        {
            get
            {
                if (_pending is { } pending)
                {
                    _pending = null;
                    _value = pending.WorkOut();
                }

                return _value!;
            }
        }

        public static CarriedTime Known(EventDate value) => new(value, null);

        public static CarriedTime Later(TimeToWorkOut time) => new(null, time);
    }

    /// <summary>
    /// The governing time of a sentence not coded, to be worked out if a later sentence asks: from the expressions
    /// found without its tense, or, when their values needed it (<paramref name="NeedsTense"/>), from those found
    /// again with its tense against the time that was carried to it.
    /// </summary>
    private sealed record TimeToWorkOut(SentenceView View, IReadOnlyList<TimeExpression> Found, bool NeedsTense, DateOnly? Published, CarriedTime? Reference)
    {
        public EventDate WorkOut() =>
            EventDater.Governing(View, NeedsTense ? FindTimes(View, Published, Reference, t => EventDater.TenseForDate(View, t)) : Found)!.Value;
    }

    /// <summary>
    /// Who reported the story told so far, for a next sentence with no reporting frame of its own: known after a
    /// sentence that was coded, and worked out on demand after one that was not (which needs its parse).
    /// </summary>
    private sealed class ReportCarried
    {
        // Working out a pending report may ask the one before it, and so on back: past this many pending in a
        // row, the chain is worked out at once, so a long story never recurses deeply.
        private const int MaxPending = 64;

        private readonly int _depth;
        private AccountToWorkOut? _pending;
        private AttributionSource? _source;

        private ReportCarried(AttributionSource? source, AccountToWorkOut? pending, int depth = 0)
        {
            _source = source;
            _pending = pending;
            _depth = depth;
        }

        public static ReportCarried None { get; } = new(null, null);

        public AttributionSource? Source
        {
            get
            {
                if (_pending is { } pending)
                {
                    _pending = null;
                    _source = pending.WorkOut();
                }

                return _source;
            }
        }

        public static ReportCarried Known(AttributionSource? source) => source is null ? None : new(source, null);

        /// <summary>After a sentence not coded: its own report, else the account before it when it continues the narrative or reports with "according to".</summary>
        public ReportCarried After(SentenceFrames sentence, IReadOnlyList<TimeExpression> times)
        {
            // An untagged sentence is left untagged until asked.
            if (ReferenceEquals(this, None) && sentence.View.IsTagged && !sentence.MayHaveFrames)
            {
                return None;
            }

            var before = this;
            if (_depth >= MaxPending)
            {
                before = Known(Source);
            }

            return new(null, new AccountToWorkOut(sentence, times, before), before._depth + 1);
        }
    }

    /// <summary>
    /// Who reported the account after a sentence not coded, to be worked out if a later sentence asks: its own
    /// report, else the account before it when it reports with "according to" or continues the narrative.
    /// </summary>
    private sealed record AccountToWorkOut(SentenceFrames Sentence, IReadOnlyList<TimeExpression> Times, ReportCarried Before)
    {
        public AttributionSource? WorkOut()
        {
            var frames = Sentence.Frames;
            if (frames.FirstOrDefault(f => f.Status == EventAttribution.Reported)?.Source is { } own)
            {
                return own;
            }

            if (frames.Count > 0)
            {
                return frames[0].Verb < 0 ? Before.Source : null;
            }

            return Before.Source is not null && ContinuesNarrative(Sentence.View, Times) ? Before.Source : null;
        }
    }

    /// <summary>
    /// The reporting frames of a sentence not coded, worked out once, when first asked, as of the sentence's own
    /// place in the story (the context is asked as of the view's sentence): the actors they find and remember are
    /// those they would have found and remembered then.
    /// </summary>
    private sealed class SentenceFrames(SentenceView view, DocumentContext context, UntaggedWordTests untagged) : IPendingMentions
    {
        private IReadOnlyList<AttributionFrame>? _frames;

        public int Sentence => view.Sentence.Index;

        public SentenceView View => view;

        private bool? _mayHaveFrames;
        private bool? _mayHaveFramesUntagged;

        /// <summary>Whether it has a word that may open a frame: told exactly from its tags, or, untagged, from what tags could make of its words.</summary>
        public bool MayHaveFrames => view.IsTagged
            ? _mayHaveFrames ??= AttributionAnalyzer.MayHaveFrames(view)
            : _mayHaveFramesUntagged ??= untagged.MayOpenFrame(view);

        public IReadOnlyList<AttributionFrame> Frames => _frames ??= MayHaveFrames ? AttributionAnalyzer.Frames(view, context) : [];

        /// <summary>Whether its frames may remember an actor (they need a dictionary phrase to name one), and still have not.</summary>
        public bool MayRemember() => _frames is null && view.HasActorPhrase && MayHaveFrames;

        /// <summary>Whether its frames may remember an actor by this head word (tagging the sentence only if its words as written cannot tell).</summary>
        public bool MayName(string headLemma) =>
            MayRemember() && (view.IsTagged || !untagged.NoWordHasLemma(view, headLemma)) && view.LemmaKeys.Contains(headLemma);

        /// <summary>Works out its frames, which remember the actors they name.</summary>
        public void WorkOut() => _ = Frames;
    }
}
