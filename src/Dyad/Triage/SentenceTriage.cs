using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Triage;

/// <summary>
/// Which of a story's sentences coding tags, parses and codes. Parsing is most of coding's time, and most
/// sentences name no actor or no event: each question is answered from the words as written where they suffice,
/// and from the tags only where they do not, so a sentence is tagged or parsed only when coding needs it to be.
/// </summary>
internal sealed class SentenceTriage
{
    private readonly ActorDictionary _actors;
    private readonly SyntaxPipeline _syntax;
    private readonly EventCoder _events;
    private readonly DiscardList? _discards;
    private readonly ActorPhraseFilter _actorWords;
    private readonly UntaggedPatternFilter _patternWords;

    public SentenceTriage(ActorDictionary actors, EventDictionary patterns, EventCoder events, SyntaxPipeline syntax, DiscardList? discards)
    {
        _actors = actors;
        _syntax = syntax;
        _events = events;
        _discards = discards;
        // The filters ask the same words for their lemmas under every tag: they share what they work out.
        var lemmas = new LemmasUnderAnyTag(syntax);
        _actorWords = new ActorPhraseFilter(actors, syntax, lemmas);
        _patternWords = new UntaggedPatternFilter(events, patterns, syntax, lemmas);
        UntaggedWords = new UntaggedWordTests(_actorWords, syntax.Lemmatizer.MayHaveLemmaAmong(AttributionAnalyzer.FrameVerbs));
    }

    /// <summary>The tests that tell what an untagged sentence's words may be, for the frames of sentences not coded.</summary>
    public UntaggedWordTests UntaggedWords { get; }

    /// <summary>
    /// A sentence with its actor phrases found: untagged when its words as written show it has none, or that its
    /// phrases are the same whatever its tags; else tagged. <paramref name="parse"/> parses it at once.
    /// </summary>
    public SentenceView Read(Sentence sentence, bool parse)
    {
        string[]? untaggedLemmaKeys = null;
        var mayHaveActorPhrase = parse || _actorWords.MayHaveActorPhrase(sentence, out untaggedLemmaKeys);
        var view = new SentenceView(sentence, _actors, _syntax, mayHaveActorPhrase, untaggedLemmaKeys);
        if (parse)
        {
            _ = view.Parse;
        }

        return view;
    }

    /// <summary>For each sentence, whether the discard list sets it aside, alone or with its whole story.</summary>
    public IReadOnlyList<bool> Discarded(IReadOnlyList<SentenceView> views)
    {
        var discarded = new bool[views.Count];
        if (_discards is null)
        {
            return discarded;
        }

        var storyDiscarded = false;
        for (var i = 0; i < views.Count; i++)
        {
            discarded[i] = _discards.Matches(views[i].Keys, out var story);
            storyDiscarded |= discarded[i] && story;
        }

        return storyDiscarded ? Enumerable.Repeat(true, views.Count).ToArray() : discarded;
    }

    /// <summary>
    /// Whether coding codes a sentence, as of its place in the story (a pronoun names a source only after a
    /// subject). The questions are asked cheapest first, and each is asked only if those before it let the
    /// sentence through: the later ones may tag it.
    /// </summary>
    /// <remarks>
    /// With <paramref name="codesActorPairs"/> coding also asks the pair model about every pair of actors a sentence
    /// names: then a sentence that may name a source is parsed whether or not a pattern may fire in it.
    /// </remarks>
    public SentencePlan Plan(SentenceView view, DocumentContext context, bool discarded, bool codesActorPairs = false)
    {
        if (discarded)
        {
            return new SentencePlan(SentenceTreatment.Skip, "the discard list sets it or its story aside");
        }

        if (!codesActorPairs && !view.IsTagged && !_patternWords.MayCode(view.Sentence.Tokens))
        {
            return new SentencePlan(SentenceTreatment.Untagged, "no pattern may fire among its words under any tags");
        }

        if (!MayNameSource(view, context))
        {
            return NotCoded(view, "it can name no source");
        }

        if (!codesActorPairs && !_events.MayCode(view))
        {
            return NotCoded(view, "no pattern may fire among its words as tagged");
        }

        return new SentencePlan(SentenceTreatment.Parse, "a pattern may fire and it may name a source");
    }

    // What triage leaves a sentence at: untagged if neither its actor phrases nor triage needed its tags.
    private static SentencePlan NotCoded(SentenceView view, string reason) =>
        new(view.IsTagged ? SentenceTreatment.Tag : SentenceTreatment.Untagged, reason);

    /// <summary>
    /// Whether a sentence can name an event's source: with a dictionary phrase, a pronoun for the last subject,
    /// "both sides" of a story about two countries, or as the next step of a consultation already coded.
    /// </summary>
    private static bool MayNameSource(SentenceView view, DocumentContext context)
    {
        if (view.HasActorPhrase || context.LastConsultation is not null)
        {
            return true;
        }

        // Asked only of stories with a last subject or two main countries, since it needs the sentence's tags.
        var pronouns = context.LastSubject is not null;
        var pairs = context.TwoParties is not null;
        for (var i = 0; i < view.Count && (pronouns || pairs); i++)
        {
            if ((pronouns && view.IsPronoun(i)) || (pairs && view.Lemma(i) is "both" or "two"))
            {
                return true;
            }
        }

        return false;
    }
}
