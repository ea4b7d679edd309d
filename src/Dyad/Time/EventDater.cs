using System.Collections.Frozen;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Time;

/// <summary>
/// Gives each event its time: the expression of its own clause; else the one that governs the sentence; else one
/// carried over from the sentence before when the narrative continues in the past (same paragraph, past tense);
/// else the publication date, with precision "publication".
/// </summary>
internal static class EventDater
{
    /// <summary>The time expressions of a sentence, resolved against the document's anchor and the last time mentioned.</summary>
    public static IReadOnlyList<TimeExpression> Find(SentenceView view, DateOnly? publication, EventDate? reference) =>
        Find(view, publication, reference, t => TenseForDate(view, t));

    // Verbs whose to-infinitive looks ahead of them: what is decided, agreed, voted or invited comes after.
    private static readonly FrozenSet<string> LookingAhead = new HashSet<string>(StringComparer.Ordinal)
    {
        "invite", "ask", "urge", "decide", "agree", "vote", "plan", "schedule", "promise", "pledge", "threaten", "intend",
        "expect", "prepare", "arrange", "resolve", "set", "due",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Verbs whose own time is that of what they arrange: "has scheduled a news conference Thursday", "planned a
    // demonstration on Saturday" name days still to come.
    private static readonly FrozenSet<string> Arranging = new HashSet<string>(StringComparer.Ordinal)
    {
        "schedule", "plan", "call", "set",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The tense that places a date named at <paramref name="word"/>: its clause's (see <see cref="ClauseStructure.TenseAt"/>),
    /// except that a clause with a present auxiliary or copula and no past one is in the present, and a to-infinitive under a verb of deciding, agreeing, voting or inviting looks ahead, whatever that
    /// verb's tense: "voted to strike on March 24" (written 14 March) and "invited Sarney to speak in Rome October 16"
    /// (written in April) name days still to come.
    /// </summary>
    public static Tense TenseForDate(SentenceSyntax view, int word)
    {
        // "payable Dec. 1", "effective Dec. 7": a date of taking effect is placed as near the publication date
        // as it can be, whatever the tense of the verb ("declared a dividend payable Dec. 1").
        if (word > 0 && view.Keys[word - 1] is "payable" or "effective" or "expiring" or "due")
        {
            return Tense.Present;
        }

        var tense = ClauseStructure.TenseAt(view, word);
        if (tense == Tense.Future)
        {
            return tense;
        }

        var clause = ClauseStructure.ClauseHead(view, word);

        // A present auxiliary or copula with no past one is the present, which clause tense reads as past when the
        // head is a participle or an adjective: "is scheduled for Dec. 15", "is payable Jan. 2".
        var helpers = view.Children(clause).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass or UdRelation.Cop).ToList();
        if (helpers.Any(c => view[c].Xpos is "VBZ" or "VBP")
            && !helpers.Any(c => view[c].Xpos is "VBD" || view.Lemma(c) is "have" || view.Keys[c] is "would" or "could" or "might"))
        {
            return Tense.Present;
        }

        // "would be traveling Thursday", "could come as early as Tuesday": a time looked forward to from the
        // past, as near the publication date as it can be, on either side.
        if (helpers.Any(c => view.Keys[c] is "would" or "could" or "might") && !helpers.Any(c => view.Lemma(c) == "have"))
        {
            return Tense.Present;
        }

        // A time said of a verb of arranging is the time of what it arranges.
        if (Arranging.Contains(view.Lemma(clause)) && view[clause].Upos is UdTag.Verb
            && view.Relation(word) != UdRelation.Obj && view.Children(clause).Any(c => view.Relation(c) == UdRelation.Obj))
        {
            return Tense.Future;
        }

        var head = view.Head(clause);
        var infinitive = view[clause].Xpos == "VB" && view.Children(clause).Any(c => view.Relation(c) == UdRelation.Mark && view.Keys[c] == "to");
        return infinitive && head >= 0 && view.Relation(clause) is UdRelation.Xcomp or UdRelation.Ccomp && LookingAhead.Contains(view.Lemma(head)) ? Tense.Future : tense;
    }

    /// <summary>
    /// The same, with the tense at a token given by <paramref name="tenseAt"/> (asked only for expressions whose
    /// value depends on it: "Monday", "in March"). Which expressions are found does not depend on it, nor on the
    /// reference's value: only on whether there is one.
    /// </summary>
    public static IReadOnlyList<TimeExpression> Find(SentenceView view, DateOnly? publication, EventDate? reference, Func<int, Tense> tenseAt)
    {
        // Without a publication date, only expressions that carry their own year resolve; relative ones are
        // computed against a far-past anchor and dropped.
        var anchor = publication ?? new DateOnly(1000, 6, 15);
        var found = TimeExpressionRecognizer.Find(view.Sentence.Tokens, anchor, tenseAt, reference);
        var result = new List<TimeExpression>(found.Count);
        foreach (var expression in found)
        {
            // Durations and sets ("three days", "weekly") date nothing.
            if (!expression.IsDate || expression.Value.Start.Year < 1500)
            {
                continue;
            }

            result.Add(expression with { Text = view.TextOf(expression.Span), Value = expression.Value with { Text = view.TextOf(expression.Span) } });
        }

        return result;
    }

    // Nouns that name events of their own: a time inside their phrase dates them, not the clause
    // ("the abduction of nationals in the 1970s").
    private static readonly FrozenSet<string> EventNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "abduction", "kidnapping", "attack", "war", "death", "election", "test", "killing", "invasion", "occupation", "crisis",
        "accident", "earthquake", "visit", "meeting", "summit", "talk", "negotiation", "agreement", "accord", "treaty", "coup",
        "bombing", "explosion", "strike", "protest", "revolution", "massacre", "conflict", "battle", "fighting", "ceasefire",
        "birth", "founding", "independence", "referendum", "crash", "disaster", "flood", "famine", "genocide", "arrest", "trial",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The word a time expression dates: the clause head it belongs to, or -1 when it sits in the phrase of an event
    /// noun other than <paramref name="trigger"/> and its object <paramref name="objectWord"/>.
    /// </summary>
    public static int Attachment(SentenceSyntax view, TimeExpression time, int trigger = -1, int objectWord = -1)
    {
        var head = ClauseStructure.HeadOfRange(view, time.Start, time.End);
        var first = true;
        foreach (var word in ClauseStructure.Ancestors(view, head))
        {
            if (!first && (word == trigger || word == objectWord))
            {
                return word;
            }

            if (!first && ClauseStructure.IsClauseHead(view, word))
            {
                return word;
            }

            if (!first && view[word].Upos is UdTag.Noun && EventNouns.Contains(view.Lemma(word)))
            {
                return -1;
            }

            if (first && ClauseStructure.IsClauseHead(view, word) && view.Head(word) >= 0 && view[word].Upos is UdTag.Verb)
            {
                return word;
            }

            first = false;
        }

        return -1;
    }

    /// <summary>
    /// The expression that dates the sentence as a whole: attached to a clause, nearest the root; else (all of them
    /// inside event nouns: "held a meeting ... in early September") the first; or null.
    /// </summary>
    public static TimeExpression? Governing(SentenceSyntax view, IReadOnlyList<TimeExpression> times) =>
        times.Count == 0 ? null : times.Count == 1 ? times[0] : times.Where(t => Attachment(view, t) >= 0)
            .OrderBy(t => ClauseStructure.Ancestors(view, Attachment(view, t)).Count())
            .FirstOrDefault()
        ?? times[0];

    /// <summary>Whether <paramref name="word"/> is a verb its clause tells in the past: "imposed", "has attacked", "was held".</summary>
    private static bool MarkedPast(SentenceSyntax view, int word)
    {
        if (view[word].Xpos is not ("VBD" or "VBN"))
        {
            return false;
        }

        var clause = ClauseStructure.ClauseHead(view, word);
        var helpers = view.Children(clause).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass).ToList();
        return (view[clause].Xpos == "VBD" && helpers.Count == 0)
            || helpers.Any(c => view[c].Xpos == "VBD" || (view.Lemma(c) == "have" && view[clause].Xpos == "VBN"));
    }

    /// <summary>
    /// The day a story's news happened, when its lead says so: the first single day named in the sentences of
    /// <paramref name="lead"/> (a story's first two paragraphs) that falls in the week up to publication ("Clashes
    /// have erupted ...", then "the latest violence, which took place on Thursday"). Wire stories name the day of
    /// their news there; what they tell later in the past without a time of its own is of that day.
    /// </summary>
    public static EventDate? NewsDay(IEnumerable<SentenceView> lead, DateOnly? publication)
    {
        if (publication is not { } published)
        {
            return null;
        }

        foreach (var view in lead)
        {
            foreach (var time in Find(view, published, null))
            {
                if (time.Value.Precision == "day" && time.Value.Start <= published && time.Value.Start.DayNumber >= published.DayNumber - 7)
                {
                    return time.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an event is told in the past: its verb, or for a noun ("Clashes have erupted") the verb of its
    /// clause, and for a participle ("had repulsed an attack, killing 32") the verb it hangs from.
    /// </summary>
    private static bool ToldInPast(SentenceSyntax view, int trigger)
    {
        var word = view[trigger].Upos is UdTag.Verb ? trigger : ClauseStructure.ClauseHead(view, trigger);
        if (view[word].Xpos == "VBG" && view.Relation(word) is UdRelation.Advcl or UdRelation.Xcomp && view.Head(word) >= 0)
        {
            word = view.Head(word);
        }

        // "has regularly accused", "had long objected": what is told as happening again and again is no news of a day.
        return view[word].Upos is UdTag.Verb && MarkedPast(view, word)
            && !view.Children(word).Any(c => view.Relation(c) == UdRelation.Advmod && Repeated.Contains(view.Keys[c]));
    }

    private static readonly FrozenSet<string> Repeated = new HashSet<string>(StringComparer.Ordinal)
    {
        "regularly", "repeatedly", "often", "frequently", "always", "long", "never", "consistently", "routinely", "previously", "usually",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static (EventDate? Date, string Note) DateFor(SentenceView view, int trigger, int objectWord, IReadOnlyList<TimeExpression> times, DateOnly? publication, EventDate? carried) =>
        DateFor(view, trigger, objectWord, times, publication, carried, null);

    /// <summary>
    /// The date of an event: see the type's summary; an event its clause tells in the past with no time of its
    /// own, of its sentence or carried over, happened on the story's <paramref name="newsDay"/> when the lead gives one.
    /// </summary>
    public static (EventDate? Date, string Note) DateFor(SentenceView view, int trigger, int objectWord, IReadOnlyList<TimeExpression> times, DateOnly? publication, EventDate? carried, Func<EventDate?>? newsDay)
    {
        if (times.Count > 0)
        {
            var clause = ClauseStructure.ClauseHead(view, trigger);

            // Its own clause (or, for an event noun, its own phrase: "the summit in 2004").
            foreach (var time in times)
            {
                var attached = Attachment(view, time, trigger, objectWord);
                if (attached >= 0 && (attached == clause || attached == trigger || attached == objectWord))
                {
                    return (time.Value, "time of its own clause");
                }
            }

            // A time still to come, in another clause, does not date what its own clause tells as past ("imposed
            // tariffs ... Nakasone leaves on Wednesday"; "approved proposals to extend the program through fiscal 1990").
            if (Governing(view, times) is { } governing
                && !(publication is { } published && governing.Value.Start > published && MarkedPast(view, trigger)))
            {
                return (governing.Value, "time of the sentence");
            }
        }

        if (carried is not null)
        {
            return (carried, "time carried over from the previous sentence");
        }

        if (newsDay is not null && ToldInPast(view, trigger) && newsDay() is { } day)
        {
            return (day, "the story's news day (from its lead)");
        }

        return publication is { } date ? (EventDate.Publication(date), "publication date") : (null, "no date");
    }
}
