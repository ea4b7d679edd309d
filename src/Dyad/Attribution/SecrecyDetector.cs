using System.Collections.Frozen;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Attribution;

/// <summary>Whether the text describes a contact as secret, covert, unannounced, back-channel or behind closed doors.</summary>
internal static class SecrecyDetector
{
    private static readonly FrozenSet<string> Adverbs = new[] { "secretly", "covertly", "clandestinely", "quietly", "confidentially", "privately" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "secret", "covert", "clandestine", "unannounced", "undisclosed", "back-channel", "backchannel", "closed-door", "behind-the-scenes", "confidential", "private",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The marker word that makes the event secret, or null.</summary>
    public static string? Marker(SentenceView view, int trigger, int objectWord)
    {
        var clause = ClauseStructure.ClauseHead(view, trigger);
        foreach (var owner in new[] { trigger, clause, objectWord }.Where(w => w >= 0).Distinct())
        {
            foreach (var child in view.Children(owner))
            {
                var lemma = view.Lemma(child);
                var rel = view.Relation(child);
                if (rel == UdRelation.Advmod && Adverbs.Contains(lemma) && lemma is not "privately" and not "quietly")
                {
                    return view[child].Text;
                }

                if (rel is UdRelation.Amod or UdRelation.Compound && Modifiers.Contains(lemma) && lemma is not "private")
                {
                    return view[child].Text;
                }

                // "in secret", "behind closed doors".
                if (UdRelation.IsOblique(rel) && (lemma == "secret" || (lemma == "door" && view.CaseOf(child) == "behind")))
                {
                    return view.TextOf(view.SpanOf(view.Subtree(child, _ => true)[0], child));
                }
            }
        }

        // The back-channel word as part of a hyphenated compound the tokenizer split ("back - channel meetings").
        foreach (var owner in new[] { trigger, objectWord }.Where(w => w >= 0))
        {
            if (view.Children(owner).Any(c => view.Lemma(c) == "channel") && view.Children(owner).Any(c => view.Lemma(c) == "back"))
            {
                return "back-channel";
            }
        }

        return null;
    }
}
