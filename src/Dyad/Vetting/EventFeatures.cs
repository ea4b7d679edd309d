using System.Globalization;
using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Events;
using Dyad.Story;

namespace Dyad.Vetting;

/// <summary>
/// What the event model reads of one candidate event: how its pattern matched, how its actors were found, where
/// its words stand in the sentence and its parse. Kept as readable strings (hashed only when scored) so that a
/// candidate's features can be printed and a surprising judgement traced to them.
/// </summary>
internal static class EventFeatures
{
    public static IReadOnlyList<string> Of(SentenceView view, SentenceEvent found, EventAttribution attribution)
    {
        var code = found.Pattern.Code.Value;
        var root = code[..2];
        var trigger = found.Trigger;
        var lemma = trigger >= 0 && trigger < view.Count ? view.Lemma(trigger) : found.TriggerText.ToLowerInvariant();
        var features = new List<string>(40)
        {
            "bias",
            "code=" + code,
            "root=" + root,
            "lemma=" + lemma,
            "lemma+root=" + lemma + "|" + root,
            "rule.file=" + RuleFile(found.Rule),
            "status=" + attribution.Status,
            "status+root=" + attribution.Status + "|" + root,
            "source.found=" + Kind(found.Source.Resolution),
            "source.sector=" + Sector(found.Source),
            "source.kind=" + ActorKind(found.Source),
            "target.found=" + (found.Target is null ? "none" : Kind(found.Target.Resolution)),
            "target.sector=" + (found.Target is null ? "none" : Sector(found.Target)),
            "target.kind=" + (found.Target is null ? "none" : ActorKind(found.Target)),
            "pattern.object=" + (found.Pattern.Object is null ? "no" : found.Pattern.Object.AnyLemma ? "any" : "named"),
            "pattern.preposition=" + (found.Pattern.Preposition ?? "none"),
            "pattern.unary=" + found.Pattern.Unary,
            "words=" + Bucket(view.Count, 10, 25, 40, 60),
        };

        if (found.Target is null)
        {
            features.Add("no-target+root=" + root);
        }
        else
        {
            features.Add("target.found+root=" + Kind(found.Target.Resolution) + "|" + root);
            if (found.Target.Country is { } t && t == found.Source.Country)
            {
                features.Add("same-country");
            }
        }

        if (found.Rule.Contains("target inferred", StringComparison.Ordinal))
        {
            features.Add("target-inferred");
        }

        if (trigger >= 0 && trigger < view.Count && view.IsParsed)
        {
            var word = view[trigger];
            features.Add("trigger.tag=" + word.Upos);
            features.Add("trigger.relation=" + view.Relation(trigger));
            features.Add("trigger.relation+root=" + view.Relation(trigger) + "|" + root);
            var head = view.Head(trigger);
            features.Add("trigger.head=" + (head >= 0 ? view.Lemma(head) : "ROOT"));
            if (view.IsNegated(trigger))
            {
                features.Add("trigger.negated");
            }

            if (trigger > 0)
            {
                features.Add("before=" + view.Lemma(trigger - 1));
            }

            if (trigger + 1 < view.Count)
            {
                features.Add("after=" + view.Lemma(trigger + 1));
                features.Add("lemma+after=" + lemma + "|" + view.Lemma(trigger + 1));
            }
        }

        features.Add("source.side=" + Side(found.Source.Span.Start, found.TriggerSpan.Start) + "|" + Distance(found.Source.Span, found.TriggerSpan));
        if (found.Target is not null)
        {
            features.Add("target.side=" + Side(found.Target.Span.Start, found.TriggerSpan.Start) + "|" + Distance(found.Target.Span, found.TriggerSpan));
        }

        return features;
    }

    /// <summary>Where the pattern came from: Dyad's own patterns or the compiled Phoenix ones ("phoenix-verbs.txt:4502 ...").</summary>
    private static string RuleFile(string rule)
    {
        var colon = rule.IndexOf(':', StringComparison.Ordinal);
        var space = rule.IndexOf(' ', StringComparison.Ordinal);
        return colon > 0 && (space < 0 || colon < space) ? rule[..colon] : "other";
    }

    /// <summary>How an actor was found, without the words: "dictionary", "refers back", "possessor", ...</summary>
    private static string Kind(string resolution)
    {
        var cut = resolution.IndexOfAny([' ', '\'', '(', ':']);
        var kind = cut > 0 ? resolution[..cut] : resolution;
        return resolution.Contains("+ ", StringComparison.Ordinal) ? kind + "+" : kind;
    }

    private static string Sector(Actor actor) => actor.Sectors.Count == 0 ? "-" : actor.Sectors[0];

    private static string ActorKind(Actor actor) =>
        actor.Code.Value.StartsWith("IGO", StringComparison.Ordinal) ? "igo"
        : actor.Country is null ? "other"
        : actor.Code.Value.Length == 3 ? "country" : "country+role";

    private static string Side(int actor, int trigger) => actor < trigger ? "before" : "after";

    private static string Distance(Dyad.Text.TextSpan actor, Dyad.Text.TextSpan trigger)
    {
        var gap = actor.End <= trigger.Start ? trigger.Start - actor.End : actor.Start >= trigger.End ? actor.Start - trigger.End : 0;
        return Bucket(gap, 2, 15, 40, 80, 160);
    }

    private static string Bucket(int value, params int[] limits)
    {
        foreach (var limit in limits)
        {
            if (value <= limit)
            {
                return "<=" + limit.ToString(CultureInfo.InvariantCulture);
            }
        }

        return ">" + limits[^1].ToString(CultureInfo.InvariantCulture);
    }
}
