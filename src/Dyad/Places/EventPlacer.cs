using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Places;

/// <summary>Gives each event the place of its own clause, else the sentence's place, else none.</summary>
internal static class EventPlacer
{
    /// <summary>Whether the event's clause says it happened "here" (the place the story was filed from).</summary>
    public static bool SaysHere(SentenceView view, int trigger)
    {
        var clause = ClauseStructure.ClauseHead(view, trigger);
        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Text == "here" && view.Relation(i) == UdRelation.Advmod && (view.Head(i) == trigger || ClauseStructure.ClauseHead(view, i) == clause))
            {
                return true;
            }
        }

        return false;
    }

    public static (EventPlace? Place, string Note) PlaceFor(SentenceView view, int trigger, int objectWord, IReadOnlyList<PlaceMention> mentions)
    {
        if (mentions.Count == 0)
        {
            return (null, "no place");
        }

        var clause = ClauseStructure.ClauseHead(view, trigger);
        foreach (var mention in mentions)
        {
            foreach (var ancestor in ClauseStructure.Ancestors(view, mention.Phrase).Skip(1))
            {
                if (ancestor == trigger || ancestor == objectWord || ancestor == clause)
                {
                    return (mention.Place with { Text = LocativeText(view, mention, ancestor) }, "place of its own clause");
                }

                if (ClauseStructure.IsClauseHead(view, ancestor) && !SharesPlace(view, ancestor))
                {
                    break;
                }
            }
        }

        // The place that governs the sentence: one attached to its main clause.
        foreach (var mention in mentions)
        {
            foreach (var ancestor in ClauseStructure.Ancestors(view, mention.Phrase).Skip(1))
            {
                if (view.Head(ancestor) < 0)
                {
                    return (mention.Place, "place of the sentence");
                }

                if (ClauseStructure.IsClauseHead(view, ancestor))
                {
                    break;
                }
            }
        }

        return (null, "no place in its clause or the main clause");
    }

    /// <summary>
    /// The place of an event whose sentence names none, as far as the story tells: the country of both its actors
    /// when they share one (a country's army and its rebels fight at home: "the army repulsed a rebel attack"), else
    /// the country of the dateline when the event happens there: force (<paramref name="force"/>) lands on its
    /// target's ground ("a Ukrainian shell hit a town" in a story filed from Moscow), anything else is done where its
    /// source is (a ministry summoning an ambassador in a story filed from Baghdad; "Cuba is now hosting" in one filed
    /// from Havana). Only the country: the sentence does not say where in it. Null when neither holds.
    /// </summary>
    public static (EventPlace? Place, string Note) Inferred(Actor source, Actor? target, bool force, EventPlace? dateline, Func<string, string, EventPlace?> countryPlace)
    {
        if (source.Country is { } home && target?.Country == home && countryPlace(home, source.Text) is { } shared)
        {
            return (shared, "none in the sentence; the country of both actors");
        }

        var where = force ? target?.Country : source.Country;
        if (dateline?.Country is { } filed && where == filed && countryPlace(filed, dateline.Text) is { } filedFrom)
        {
            return (filedFrom, force ? "none in the sentence; the dateline's country, the target's" : "none in the sentence; the dateline's country, the source's");
        }

        return (null, "no place");
    }

    private static readonly FrozenSet<string> Hosting = new[] { "hold", "host", "convene", "organise", "organize", "stage", "chair", "sponsor" }.ToFrozenSet(StringComparer.Ordinal);

    // Being somewhere as one acts: "speaking in Istanbul", "visiting Doha"; not "forcing Hadi into exile in Saudi Arabia".
    private static readonly FrozenSet<string> Present = new[]
    {
        "speak", "talk", "address", "tell", "write", "visit", "attend", "meet", "travel", "arrive", "stop", "tour", "stand", "sit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A clause whose place is its head's: a participle saying where a gathering is ("talks held in Addis Ababa",
    /// "a meeting hosted in Doha"), or one saying where the subject is as it acts ("speaking in Istanbul, Erdogan
    /// urged ...", "while visiting Doha").
    /// </summary>
    private static bool SharesPlace(SentenceView view, int clause)
    {
        var relation = view.Relation(clause);
        var head = view.Head(clause);
        if (relation == UdRelation.Acl && head >= 0)
        {
            return Hosting.Contains(view.Lemma(clause)) || PlaceResolver.EventNouns.Contains(view.Lemma(head));
        }

        if (relation == UdRelation.Advcl && view[clause].Xpos is "VBG" or "VBN" && Present.Contains(view.Lemma(clause)))
        {
            return view.Children(clause, UdRelation.Mark).All(m => view.Keys[m] is "while" or "when" or "as");
        }

        return false;
    }

    /// <summary>The words of the locative phrase, without its preposition: "an inland city in northeastern China".</summary>
    private static string LocativeText(SentenceView view, PlaceMention mention, int attachment)
    {
        var top = mention.Phrase;
        while (view.Head(top) is var head and >= 0 && head != attachment && view[head].Upos is UdTag.Noun or UdTag.Propn)
        {
            top = head;
        }

        var words = view.Subtree(top, rel => rel is not (UdRelation.Case or UdRelation.Punct or UdRelation.Acl or UdRelation.AclRelcl or UdRelation.Conj or UdRelation.Cc)).ToList();
        words.RemoveAll(w => (view.Relation(w) == UdRelation.Case && view.Head(w) == top) || w >= mention.End);
        if (words.Count == 0)
        {
            return mention.Place.Text;
        }

        return view.TextOf(view.SpanOf(words[0], words[^1]));
    }
}
