namespace Dyad.Events;

/// <summary>A required word: its lemma is one of <see cref="Lemmas"/> (empty = any), with a dependent among <see cref="Modifiers"/> if given.</summary>
internal sealed record WordConstraint(IReadOnlySet<string> Lemmas, IReadOnlySet<string> Modifiers)
{
    public bool AnyLemma => Lemmas.Count == 0;

    /// <summary>
    /// Words that must come before the head, in this order, inside its phrase (PETRARCH's "IMPROVED &amp;TIETYPES
    /// RELATIONS"); when given, it replaces the looser <see cref="Modifiers"/> test.
    /// </summary>
    public IReadOnlyList<WordSlot>? Sequence { get; init; }

    /// <summary>A single word that may also be a modifier of the phrase's head, not only its head (PETRARCH's reading).</summary>
    public bool InPhrase { get; init; }

    /// <summary>
    /// All the pattern's words, head last: when the parse offers no object that fits, PETRARCH's reading of them as
    /// words that follow the verb in its clause ("allowed that Mordor isn't a REALLY PLEASANT place").
    /// </summary>
    public IReadOnlyList<WordSlot>? Loose { get; init; }
}

/// <summary>
/// One position of a word sequence: any of <see cref="Alternatives"/> (each one or more words in a row, as keys).
/// <see cref="Adjacent"/>: nothing may come between it and what follows (PETRARCH joins such words with "_").
/// </summary>
internal sealed record WordSlot(IReadOnlyList<string[]> Alternatives, bool Adjacent);

/// <summary>
/// A verb or noun pattern over a dependency parse: the trigger's lemma (with its particle, "carry_out"), an optional
/// object (in the passive, the subject), an optional argument introduced by a preposition, and the CAMEO code it
/// yields. <see cref="Reversed"/> codes the event from the target to the source ("draw criticism");
/// <see cref="Unary"/> events need no target ("conduct a nuclear test").
/// </summary>
internal sealed record EventPattern(
    string Trigger,
    bool Nominal,
    WordConstraint? Object,
    string? Preposition,
    WordConstraint? PrepositionObject,
    CameoCode Code,
    bool Reversed,
    bool Unary,
    string Rule)
{
    /// <summary>A second event coded from the target to the source (PETRARCH's "[032:033]": a visit, and its hosting).</summary>
    public CameoCode? ReverseCode { get; init; }

    /// <summary>
    /// Words one of which must modify the trigger noun as a compound or adjective ("noun:air|drone+strike": an air
    /// strike, not a labour strike), or null.
    /// </summary>
    public IReadOnlySet<string>? TriggerModifiers { get; init; }

    /// <summary>A pattern that matches but codes nothing (PETRARCH's "[---]"), so a general pattern does not fire.</summary>
    public bool Suppresses { get; init; }

    /// <summary>The verb must come with this particle or preposition (PETRARCH's multi-word verbs, "+MEET_WITH").</summary>
    public string? Particle { get; init; }

    /// <summary>
    /// Words that must come before the verb in its clause (PETRARCH's "&amp;NEGATVAUXVRB * OVER EFFORTS"). A pattern
    /// with them describes the negation or modality it names, so a negated verb still codes by it.
    /// </summary>
    public IReadOnlyList<WordSlot>? Before { get; init; }

    /// <summary>
    /// The subject must be coordinated (PETRARCH's "%"); with no other target, each conjunct then acts towards the others.
    /// </summary>
    public bool CompoundSubject { get; init; }

    /// <summary>
    /// The verb must govern a clause (ccomp) whose verb has one of these modal auxiliaries: "said the United States
    /// should act", what the speaker says another party should do. The clause's subject is then the target.
    /// </summary>
    public IReadOnlySet<string>? ClauseModals { get; init; }

    /// <summary>
    /// Read from a PETRARCH verb dictionary: with nothing else naming a target, the first actor named in a
    /// phrase after the verb is one, as PETRARCH takes the first actor of the verb phrase.
    /// </summary>
    public bool FirstActorAfterVerb { get; init; }

    /// <summary>
    /// The words a sentence must hold for the pattern to match: from each set, one word (as a lemma or form). They
    /// are the object's and the prepositional argument's lemmas, the particle and the preposition. Triage reads
    /// only this to skip sentences without tagging or parsing them, so a new condition that needs a word says so here.
    /// </summary>
    public IEnumerable<IReadOnlyCollection<string>> WordsNeeded()
    {
        if (Object is { AnyLemma: false, Loose: null } needsObject)
        {
            yield return needsObject.Lemmas;
        }

        if (PrepositionObject is { AnyLemma: false, Loose: null } needsArgument)
        {
            yield return needsArgument.Lemmas;
        }

        if (Particle is { } particle)
        {
            yield return [particle];
        }

        if (TriggerModifiers is { } modifiers)
        {
            yield return (IReadOnlyCollection<string>)modifiers;
        }

        if (Preposition is { } preposition)
        {
            yield return preposition.Split('|');
        }

        if (ClauseModals is { } modals)
        {
            yield return (IReadOnlyCollection<string>)modals;
        }
    }

    /// <summary>More conditions make a more specific pattern, which wins over a general one.</summary>
    public int Specificity =>
        (Object is null ? 0 : Object.AnyLemma ? 1 : 2) + (Object?.Sequence?.Count ?? (Object?.Modifiers.Count > 0 ? 1 : 0))
        + (Preposition is null ? 0 : 1) + (PrepositionObject is null ? 0 : 2) + (Particle is null ? 0 : 1) + (Before?.Count ?? 0) + (CompoundSubject ? 1 : 0) + (TriggerModifiers is null ? 0 : 1)
        + (ClauseModals is null ? 0 : 2);
}
