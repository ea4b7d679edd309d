namespace Dyad.Story;

/// <summary>
/// An earlier sentence whose actors are not remembered yet: working them out may need its parse, so it is done only
/// when a later sentence looks up an actor by a head word the sentence may name one by.
/// </summary>
internal interface IPendingMentions
{
    /// <summary>The sentence's index in the story: only sentences before the one looking up are worked out.</summary>
    int Sentence { get; }

    /// <summary>Whether working it out may remember an actor by this head word.</summary>
    bool MayName(string headLemma);

    /// <summary>Works it out, remembering the actors it names as of its own sentence.</summary>
    void WorkOut();
}
