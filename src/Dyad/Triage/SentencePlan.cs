namespace Dyad.Triage;

/// <summary>What coding does with a sentence, from least work to most.</summary>
internal enum SentenceTreatment
{
    /// <summary>Discarded by the discard list: not coded.</summary>
    Skip,

    /// <summary>Not coded, and triage told so without its tags: it stays untagged unless a later sentence asks for them.</summary>
    Untagged,

    /// <summary>Not coded, told from its tags (which its actor phrases or triage needed): it stays unparsed unless a later sentence asks.</summary>
    Tag,

    /// <summary>Coded: parsed when coding first asks for its tree.</summary>
    Parse,
}

/// <summary>
/// Triage's judgement of one sentence and why. A sentence not coded still passes on its time, its reporting
/// frames and its sources' account to later sentences (see the story's carried state in Coding).
/// </summary>
internal sealed record SentencePlan(SentenceTreatment Treatment, string Reason)
{
    public bool IsCoded => Treatment == SentenceTreatment.Parse;
}
