using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Arguments;
using Dyad.Events;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad.Attribution;

/// <summary>A reporting or denying frame of a sentence: who says it, what it covers, and whether it reports or denies.</summary>
/// <remarks>
/// A frame opened by a noun ("despite denials from both countries") has <see cref="Nominal"/> set and an empty scope:
/// it contests the clause it modifies without making that clause's events denials.
/// </remarks>
internal sealed record AttributionFrame(string Status, AttributionSource Source, IReadOnlySet<int> Scope, int Verb)
{
    public bool Nominal { get; init; }
}

/// <summary>
/// A statement that contests what the story said before without restating it. One that denies an accusation
/// (<see cref="OnlyAccounts"/>) bears only on what someone reports, the acts alleged.
/// </summary>
internal sealed record Contest(Dispute Dispute, bool OnlyAccounts)
{
    /// <summary>
    /// Whether the statement restates the account it contests ("CAR authorities said government troops later
    /// recaptured the town, but the rebels said ..."): it then reaches that account's earlier telling, however far back.
    /// </summary>
    public bool Restates { get; init; }
}

/// <summary>
/// Who says an event happened and how the text holds it: reporting frames ("according to X", "X said", "X told
/// reporters", "sources said", "it was learned"), denials ("the government has denied that ..."), speculation
/// ("may have", "is thought to", "apparently"), plans (future, "plans to") and negation ("failed to").
/// </summary>
internal static class AttributionAnalyzer
{
    /// <summary>The verbs that open a frame: the reporting and the denying ones.</summary>
    public static IReadOnlySet<string> FrameVerbs => Syntax.FrameVerbs.All;

    /// <summary>Nouns of denying: "despite denials from Moscow", "Tehran's denial", "a rebuttal by the army".</summary>
    private static readonly FrozenSet<string> DenialNouns = new[] { "denial", "rebuttal", "refutation" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of speech whose participle after a reporting verb describes the saying ("said ..., accusing Russia").</summary>
    private static readonly FrozenSet<string> SpeechActs = new[]
    {
        "accuse", "blame", "call", "urge", "warn", "cite", "criticize", "criticise", "condemn", "describe", "demand", "ask", "charge",
        "threaten", "vow", "promise", "argue", "praise", "welcome", "appeal", "express", "reiterate", "stress", "insist", "complain", "pledge",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AnonymousHeads = new[]
    {
        "source", "official", "diplomat", "insider", "analyst", "observer", "person", "people", "expert", "report", "media", "aide",
        "spokesman", "spokeswoman", "spokesperson", "witness", "resident", "it",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SpeculationAdverbs = new[]
    {
        "apparently", "possibly", "probably", "perhaps", "allegedly", "likely", "maybe", "presumably", "seemingly", "supposedly", "purportedly",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SpeculationVerbs = new[]
    {
        "think", "believe", "suspect", "rumor", "rumour", "seem", "appear", "speculate", "suppose", "presume", "estimate",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlanVerbs = new[]
    {
        "plan", "intend", "expect", "schedule", "aim", "prepare", "propose", "hope", "want", "seek", "vow", "pledge", "promise", "agree", "decide", "threaten",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs of asking and urging: their infinitive is wanted of someone, not done. Not "try" or "attempt": a party
    /// "attempting to negotiate" is already negotiating.
    /// </summary>
    private static readonly FrozenSet<string> DirectiveVerbs = new[]
    {
        "urge", "ask", "call", "demand", "request", "press", "encourage", "appeal", "invite", "implore",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a sentence has a word that can open a frame ("according", a reporting or denying verb); without one, it has none.</summary>
    public static bool MayHaveFrames(SentenceView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (OpensFrame(view, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"according", or a reporting or denying verb: the words a frame starts from (no parse needed).</summary>
    private static bool OpensFrame(SentenceView view, int i) =>
        view.Keys[i] == "according" || (IsVerb(view, i) && (FrameVerbs.Contains(view.Lemma(i)) || IsPhrasalReporting(view, i)))
        || (view[i].Upos == UdTag.Noun && DenialNouns.Contains(view.Lemma(i)));

    /// <summary>
    /// A verb, or a word the tagger took for a noun that the parse makes the verb of a relative clause with a subject
    /// of its own ("a charge which Moscow firmly denies"). Only a sentence already parsed is asked about the second:
    /// this check runs before triage decides to parse, and must not make it parse.
    /// </summary>
    private static bool IsVerb(SentenceView view, int i) =>
        view[i].Upos == UdTag.Verb
        || (view[i].Upos == UdTag.Noun && view.IsParsed && view.Relation(i) == UdRelation.AclRelcl && view.FirstChild(i, UdRelation.Nsubj) >= 0);

    /// <summary>
    /// A verb that reports only with its particle: "pointed out that ...". Kept apart from <see cref="FrameVerbs"/>
    /// because the bare verb ("pointed to the border") opens no frame and the parse repairs read that list.
    /// </summary>
    private static bool IsPhrasalReporting(SentenceView view, int i) =>
        i + 1 < view.Count && view.Lemma(i) == "point" && view.Keys[i + 1] == "out";

    /// <summary>
    /// Reporting verbs whose object can be the reported event itself: "Ukraine has reported a sharp escalation in
    /// Russian attacks", "officials confirmed the killing". Not "claim" ("claimed responsibility for the attack"
    /// owns the attack) nor "say" ("said nothing").
    /// </summary>
    private static readonly FrozenSet<string> ReportingOfObject = new[] { "report", "confirm", "allege" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The reporting and denying frames of a sentence.</summary>
    public static IReadOnlyList<AttributionFrame> Frames(SentenceView view, DocumentContext context)
    {
        var frames = new List<AttributionFrame>();
        var all = Enumerable.Range(0, view.Count).ToHashSet();
        for (var i = 0; i < view.Count; i++)
        {
            if (!OpensFrame(view, i))
            {
                continue;
            }

            // "according to the sources": the phrase after "according to" is the source, for the whole sentence.
            if (view.Keys[i] == "according" && view.Head(i) is var noun and >= 0)
            {
                var source = view.Relation(i) is UdRelation.Case or UdRelation.Mark ? noun : view.Children(i).FirstOrDefault(c => view[c].Upos is UdTag.Noun or UdTag.Propn or UdTag.Pron, -1);
                if (source >= 0)
                {
                    frames.Add(new AttributionFrame(EventAttribution.Reported, SourceOf(view, source, context), all, i));
                }

                continue;
            }

            if (view.Keys[i] == "according")
            {
                continue; // as the root: no phrase to name a source
            }

            if (view[i].Upos == UdTag.Noun && DenialNouns.Contains(view.Lemma(i)))
            {
                // "denials from both countries", "Moscow's denial": the noun's own phrase names who denies.
                // Only a phrase that names a party ("from Moscow", "from both sides", "from officials"): "a denial from
                // last week" names a time.
                var denier = DenierOf(view, i);
                if (denier >= 0 && SourceOf(view, denier, context, withPreposition: false) is var source
                    && (source.Code is not null || AnonymousHeads.Contains(view.Lemma(denier)) || view.Children(denier).Any(c => view.Lemma(c) == "both")))
                {
                    frames.Add(new AttributionFrame(EventAttribution.Denied, source, new HashSet<int>(), i) { Nominal = true });
                }

                continue;
            }

            var denying = Syntax.FrameVerbs.Denying.Contains(view.Lemma(i));

            var complement = view.Children(i).Where(c => view.Relation(c) is UdRelation.Ccomp or UdRelation.Parataxis).ToList();
            var scope = new HashSet<int>();
            foreach (var c in complement)
            {
                scope.UnionWith(view.Subtree(c, _ => true));
            }

            // "announced last March 27 he would impose the tariffs": a complement with a subject of its own, no
            // conjunction and a finite or bare verb, which the parser took for an adverbial clause.
            if (!denying)
            {
                foreach (var clause in view.Children(i).Where(c => c > i && view.Relation(c) == UdRelation.Advcl && view[c].Xpos is "VB" or "VBD" or "VBP" or "VBZ"
                    && view.FirstChild(c, UdRelation.Nsubj) >= 0 && !view.Children(c).Any(m => view.Relation(m) == UdRelation.Mark || view.IsRelativePronoun(m) || view[m].Xpos == "WRB")))
                {
                    complement.Add(clause);
                    scope.UnionWith(view.Subtree(clause, _ => true));
                }
            }

            // "said on Monday that China had promised": a complement clause the parser hung as a relative clause
            // on the verb's time or place phrase ("Monday that ...", with "that" as no part of the clause).
            if (!denying)
            {
                foreach (var oblique in view.Children(i).Where(c => UdRelation.IsOblique(view.Relation(c)) && c > i))
                {
                    foreach (var clause in view.Children(oblique).Where(c => view.Relation(c) == UdRelation.AclRelcl && IsComplementClause(view, c)))
                    {
                        scope.UnionWith(view.Subtree(clause, _ => true));
                    }
                }
            }

            // "Pyongyang sent members ..., the sources said": the reporting verb hangs off the clause it reports
            // (as parataxis, a complement, or, after a comma with no conjunction, an adverbial clause).
            // Not a participle with no subject of its own: "imposed duties on Japan, alleging that it had violated the
            // pact" imposed them, and alleges only what its own clause says.
            if (!denying && view.Head(i) is var reported and >= 0 && !(view[i].Xpos == "VBG" && view.FirstChild(i, UdRelation.Nsubj) < 0)
                && (view.Relation(i) == UdRelation.Parataxis
                    || (view.Relation(i) == UdRelation.Ccomp && i > reported)
                    || (view.Relation(i) == UdRelation.Advcl && i > reported && !view.Children(i).Any(c => view.Relation(c) == UdRelation.Mark && !IsParentheticalAs(view, c)))))
            {
                var clause = view.Subtree(reported, _ => true).ToHashSet();
                clause.ExceptWith(view.Subtree(i, _ => true));
                scope.UnionWith(clause);
            }

            // "The United States has attacked Japan's policy and warned Tokyo ..., senior U.S. officials said.": a
            // closing "X said" after a comma reports everything before it, whichever clause the parser hung it on.
            if (!denying && ClosingReportStart(view, i) is var start and > 0)
            {
                scope.UnionWith(Enumerable.Range(0, start));
            }

            // "Iran reported launching a new offensive", "admitted firing on the ship": the act is the gerund, as it
            // is in a denial.
            if (!denying)
            {
                foreach (var gerund in view.Children(i).Where(c => view.Relation(c) == UdRelation.Xcomp && view[c].Xpos == "VBG" && c > i))
                {
                    scope.UnionWith(view.Subtree(gerund, _ => true));
                }
            }

            // "said its forces had repulsed the attack, killing thousands": a participle after the reported clause,
            // which the parser hung on the reporting verb, goes with the clause (saying kills no one). A participle of
            // a verb of speech is the saying itself ("said it was a terrorist attack, accusing Russia of ...").
            if (!denying && complement.Count > 0)
            {
                var clauseEnd = complement.Max(c => view.Subtree(c, _ => true).Max());
                foreach (var participle in view.Children(i).Where(c => c > clauseEnd && view.Relation(c) == UdRelation.Advcl && view[c].Xpos == "VBG"
                    && !view.Children(c).Any(m => view.Relation(m) == UdRelation.Mark) && !OpensFrame(view, c) && !SpeechActs.Contains(view.Lemma(c))))
                {
                    scope.UnionWith(view.Subtree(participle, _ => true));
                }
            }

            // "Kyodo reported a MITI official as saying Japan would end the pact", "quoted him as saying": the
            // object and what it is said to say are the report (whatever the tagger made of the object's word).
            if (!denying)
            {
                foreach (var quoted in view.Children(i).Where(c => view.Relation(c) == UdRelation.Obj && c > i && AsSaying(view, c) >= 0))
                {
                    scope.UnionWith(view.Subtree(quoted, _ => true));
                }
            }

            if (!denying && ReportingOfObject.Contains(view.Lemma(i)))
            {
                foreach (var obj in view.Children(i).Where(c => view.Relation(c) == UdRelation.Obj && view[c].Upos == UdTag.Noun))
                {
                    scope.UnionWith(view.Subtree(obj, _ => true));
                }
            }

            // Denials of reports: "denied the report that ...", "denied reports of contact"; and of acts: "denied firing a shell".
            if (denying)
            {
                foreach (var obj in view.Children(i).Where(c => view.Relation(c) == UdRelation.Obj || (view.Relation(c) == UdRelation.Xcomp && view[c].Xpos == "VBG")))
                {
                    scope.UnionWith(view.Subtree(obj, _ => true));
                }
            }

            if (scope.Count == 0)
            {
                continue;
            }

            var subject = view.FirstChild(i, UdRelation.Nsubj);
            // "Iraq said ..., but admitted ...": a verb joined by a conjunction shares the first verb's subject (a bare
            // "conj" with no conjunction is more often a misparse than a shared subject).
            if (subject < 0 && view.Relation(i) == UdRelation.Conj && view.HasPrecedingCoordinator(i) && view.Head(i) is var first and >= 0 && view.FirstChild(i, UdRelation.NsubjPass) < 0)
            {
                subject = view.FirstChild(first, UdRelation.Nsubj);
            }

            // "Speaking late on Friday, Al-Sawarmi Khalid, a military spokesman, said ...": after an opening
            // participle the parser may hang the speaker's name on a comma and leave the verb with no subject.
            if (subject < 0 && view.FirstChild(i, UdRelation.NsubjPass) < 0 && view.FirstChild(i, UdRelation.Expl) < 0)
            {
                subject = StrandedSubject(view, i);
            }

            // "lodged a protest with India, alleging that Indian troops fired ...": a participle of reporting shares the
            // subject of the verb it hangs on.
            if (subject < 0 && view.Relation(i) == UdRelation.Advcl && view[i].Xpos == "VBG" && view.Head(i) is var governor and >= 0 && governor < i
                && view[governor].Upos == UdTag.Verb && !view.Children(i).Any(c => view.Relation(c) == UdRelation.Mark))
            {
                subject = view.FirstChild(governor, UdRelation.Nsubj);
            }

            // "reported a MITI official as saying ...": the one quoted says it.
            if (subject < 0 && view.Head(i) is var quotedSpeaker and >= 0 && AsSaying(view, quotedSpeaker) == i)
            {
                subject = quotedSpeaker;
            }

            // "The agency, received in London, said ...": the parser may give the speaker to the participle set off
            // by commas between it and its verb.
            if (subject < 0 && view.FirstChild(i, UdRelation.NsubjPass) < 0 && view.FirstChild(i, UdRelation.Expl) < 0)
            {
                subject = SubjectOfInsertedParticiple(view, i);
            }

            AttributionSource by;
            if (subject >= 0)
            {
                by = SourceOf(view, subject, context);
            }
            else if (view.FirstChild(i, UdRelation.NsubjPass) >= 0 || view.FirstChild(i, UdRelation.Expl) >= 0)
            {
                by = new AttributionSource(view.TextOf(view.SpanOf(i, i)), null, Anonymous: true); // "it was learned"
            }
            else
            {
                continue;
            }

            frames.Add(new AttributionFrame(denying ? EventAttribution.Denied : EventAttribution.Reported, by, scope, i));
        }

        return frames;
    }

    /// <summary>
    /// Verbs of accusing: what the accused is said to have done rests on the accuser's word ("Ukraine accused Russia
    /// of aiding the insurgents", "blamed Ukraine for attacking civilians", "charged Iran with attacking tankers",
    /// "suspects Iran of supplying arms").
    /// </summary>
    private static readonly FrozenSet<string> AccusingVerbs = new[] { "accuse", "blame", "charge", "suspect" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The accusations of a sentence, each as a report by the accuser of the act it alleges. Kept apart from
    /// <see cref="Frames"/>: an accusation is no account the story goes on with (a later sentence is not the
    /// accuser's word), and the accusation itself is an event the writer states.
    /// </summary>
    public static IReadOnlyList<AttributionFrame> Allegations(SentenceView view, DocumentContext context)
    {
        List<AttributionFrame>? allegations = null;
        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Upos != UdTag.Verb || !AccusingVerbs.Contains(view.Lemma(i)) || view.IsNegated(i))
            {
                continue;
            }

            var scope = AllegedAct(view, i);
            if (scope.Count == 0)
            {
                continue;
            }

            var by = Accuser(view, i) is var accuser and >= 0
                ? SourceOf(view, accuser, context, withPreposition: false) // "with Kiev accusing Russia of ...": Kiev, not "with Kiev"
                : new AttributionSource(view.TextOf(view.SpanOf(i, i)), null, Anonymous: true); // "Russia was accused of ..."
            (allegations ??= []).Add(new AttributionFrame(EventAttribution.Reported, by, scope, i));
        }

        return allegations ?? [];
    }

    /// <summary>
    /// The words of the act an accusing verb alleges: its clause or phrase of "of", "for" or "with" ("accused Russia
    /// of aiding", "of aggression", the parser's "for attacking civilians" as a phrase), a "that" clause ("charged
    /// that Syria had sent troops"), and what is blamed on someone ("blamed the attack on Ukraine"). Not the verb's
    /// time, place or occasion ("accused Russia in a statement after talks in Geneva").
    /// </summary>
    private static HashSet<int> AllegedAct(SentenceView view, int verb)
    {
        var scope = new HashSet<int>();
        var blamedOn = view.Lemma(verb) == "blame" && view.Children(verb).Any(c => c > verb && view.CaseOf(c) == "on");
        foreach (var c in view.Children(verb).Where(c => c > verb))
        {
            var relation = view.Relation(c);
            var marker = view.Children(c).Where(m => view.Relation(m) is UdRelation.Mark or UdRelation.Case).Select(m => view.Keys[m]).FirstOrDefault();
            if ((relation is UdRelation.Advcl or UdRelation.Xcomp && (marker is "of" or "for" or "with" || (marker is null && relation == UdRelation.Xcomp && view[c].Xpos == "VBG")))
                || (UdRelation.IsOblique(relation) && marker is "of" or "for" or "with")
                || (relation == UdRelation.Ccomp && view.Lemma(verb) is "charge" or "accuse"))
            {
                scope.UnionWith(view.Subtree(c, _ => true));
            }
            else if (relation == UdRelation.Obj)
            {
                if (blamedOn)
                {
                    // "blamed the attack on Ukraine": the object is the act; the one blamed stays out of it.
                    scope.UnionWith(view.Subtree(c, _ => true).Except(view.Children(c).Where(n => view.CaseOf(n) == "on").SelectMany(n => view.Subtree(n, _ => true))));
                }
                else
                {
                    // "accused Moscow of aggression", "of sending troops": the parser may hang the act on the accused.
                    foreach (var act in view.Children(c).Where(n => n > c && (UdRelation.IsNominalModifier(view.Relation(n)) || UdRelation.IsAdnominalClause(view.Relation(n)))
                        && view.Children(n).Any(m => view.Relation(m) is UdRelation.Mark or UdRelation.Case && view.Keys[m] is "of" or "for" or "with")))
                    {
                        scope.UnionWith(view.Subtree(act, _ => true));
                    }
                }
            }
        }

        // A clause of its own inside the act ("... of supporting the M23, although both governments deny the
        // allegation") is no part of what is alleged.
        foreach (var clause in scope.Where(w => view.Relation(w) is UdRelation.Advcl or UdRelation.Parataxis && view.FirstChild(w, UdRelation.Nsubj) >= 0).ToList())
        {
            scope.ExceptWith(view.Subtree(clause, _ => true));
        }

        return scope;
    }

    /// <summary>
    /// Who accuses: the verb's subject, the one a verb joined by a conjunction or a participle shares ("said ...,
    /// accusing Russia of ..."), the noun a relative clause is about ("the government, which has accused the
    /// opposition of plotting"), or the agent of a passive ("was accused by Kiev of ..."). -1 when none is named.
    /// </summary>
    private static int Accuser(SentenceView view, int verb)
    {
        if (view.FirstChild(verb, UdRelation.OblAgent) is var agent and >= 0)
        {
            return agent;
        }

        if (view.FirstChild(verb, UdRelation.NsubjPass) >= 0)
        {
            return -1;
        }

        var subject = view.FirstChild(verb, UdRelation.Nsubj);
        if (subject >= 0)
        {
            return view.IsRelativePronoun(subject) && UdRelation.IsAdnominalClause(view.Relation(verb)) ? view.Head(verb) : subject;
        }

        var head = view.Head(verb);
        return head >= 0 && view.Relation(verb) is UdRelation.Conj or UdRelation.Advcl or UdRelation.Xcomp && view[head].Upos is UdTag.Verb
            ? view.FirstChild(head, UdRelation.Nsubj)
            : -1;
    }

    /// <summary>
    /// The head of a noun phrase that ends just before the verb (commas aside) and is no part of anything the verb
    /// governs: a subject the parse left stranded. -1 when there is none, or when the phrase hangs inside a clause of
    /// the verb's own (an opening "After meeting the minister," has its object there, not a subject).
    /// </summary>
    private static int StrandedSubject(SentenceView view, int verb)
    {
        var last = verb - 1;
        while (last >= 0 && view[last].Upos == UdTag.Punct)
        {
            last--;
        }

        if (last < 0 || view[last].Upos is not (UdTag.Noun or UdTag.Propn))
        {
            return -1;
        }

        var head = last;
        while (view.Head(head) is var up and >= 0 && up < verb && view[up].Upos is UdTag.Noun or UdTag.Propn
               && view.Relation(head) is UdRelation.Appos or UdRelation.Flat or UdRelation.FlatName or UdRelation.Compound)
        {
            head = up;
        }

        // Only a phrase the parser left outside every clause: hung on punctuation, on the verb as a clause of its own
        // ("Ahmed Saleh, a spokesman, said": the title as parataxis), or on the opening participle's phrase
        // ("Speaking on Monday, Ahmed Saleh, ...": the name as an apposition of "Monday").
        var above = view.Head(head);
        if (above < 0)
        {
            return -1;
        }

        var opening = view.Children(verb).FirstOrDefault(c => c < head && view.Relation(c) == UdRelation.Advcl && view[c].Xpos == "VBG", -1);
        return view[above].Upos == UdTag.Punct && view[head].Upos == UdTag.Propn
            || (above == verb && view.Relation(head) is UdRelation.Parataxis or UdRelation.Dep)
            || (opening >= 0 && view.Relation(head) == UdRelation.Appos && view[head].Upos == UdTag.Propn && view.Subtree(opening, _ => true).Contains(above))
            ? head : -1;
    }

    /// <summary>
    /// The "as saying" (or "as telling", "as stating") clause a reporting verb's object takes when the report quotes
    /// it ("quoted the minister as saying ..."), or -1.
    /// </summary>
    private static int AsSaying(SentenceView view, int quoted) =>
        view.Children(quoted).FirstOrDefault(c => view.Relation(c) is UdRelation.Advcl or UdRelation.Acl && view[c].Xpos == "VBG" && OpensFrame(view, c)
            && view.Children(c).Any(m => view.Relation(m) == UdRelation.Mark && view.Keys[m] == "as") && view.Head(quoted) is var verb and >= 0
            && view.Relation(quoted) == UdRelation.Obj && Syntax.FrameVerbs.Reporting.Contains(view.Lemma(verb)), -1);

    /// <summary>
    /// The subject the parser gave to a participle inserted between a subject and its verb ("The agency, received in
    /// London, said"; "The minister, speaking on radio, said"): a participle (or a past form the tagger took for a finite verb) hung on the verb, before it, with a comma
    /// on each side and a subject of its own before the first comma. -1 when there is none.
    /// </summary>
    private static int SubjectOfInsertedParticiple(SentenceView view, int verb)
    {
        foreach (var participle in view.Children(verb).Where(c => c < verb && view.Relation(c) == UdRelation.Advcl && view[c].Xpos is "VBN" or "VBG" or "VBD"))
        {
            var subject = view.FirstChild(participle, UdRelation.Nsubj);
            if (subject < 0 || view.Children(participle).Any(c => view.Relation(c) is UdRelation.Mark or UdRelation.Aux or UdRelation.AuxPass))
            {
                continue;
            }

            var subjectWords = view.Subtree(subject, _ => true);
            var subjectEnd = subjectWords.Where(w => view[w].Upos != UdTag.Punct).Max();
            var participleEnd = view.Subtree(participle, _ => true).Where(w => !subjectWords.Contains(w) && view[w].Upos != UdTag.Punct).Max();
            if (subjectEnd < participle && HasCommaBetween(view, subjectEnd, participle) && participleEnd < verb && HasCommaBetween(view, participleEnd, verb))
            {
                return subject;
            }
        }

        return -1;
    }

    private static bool HasCommaBetween(SentenceView view, int first, int last) =>
        Enumerable.Range(first + 1, Math.Max(0, last - first - 1)).Any(w => view.Keys[w] == ",");

    /// <summary>
    /// Whether an "as" that marks a reporting verb opens a parenthesis ("..., as officials said"), and not the second
    /// half of a comparison ("not as dire as it says"): a comma, or nothing, comes before it.
    /// </summary>
    private static bool IsParentheticalAs(SentenceView view, int mark) =>
        view.Keys[mark] == "as" && (mark == 0 || view[mark - 1].Upos == UdTag.Punct);

    /// <summary>
    /// Where a closing report ("..., senior officials said.", "..., the ministry said in a statement.") starts: the
    /// first word of the reporting verb's subject when a comma comes just before it, the verb follows its subject, and
    /// after the verb come only the verb's own time, place, manner or addressee and the final punctuation. -1 otherwise,
    /// and for a verb joined to what comes before by a conjunction ("..., and officials said").
    /// </summary>
    private static int ClosingReportStart(SentenceView view, int verb)
    {
        var subject = view.FirstChild(verb, UdRelation.Nsubj);
        if (subject < 0 || subject > verb || view.HasPrecedingCoordinator(verb) || view.Head(verb) < 0)
        {
            return -1;
        }

        var subjectWords = view.Subtree(subject, _ => true).ToHashSet();
        var start = subjectWords.Min();
        if (start == 0 || view.Keys[start - 1] != "," || Enumerable.Range(start, verb - start).Any(w => !subjectWords.Contains(w)))
        {
            return -1;
        }

        var after = view.Children(verb).Where(c => c > verb).ToList();
        if (after.Any(c => view.Relation(c) is not (UdRelation.Punct or UdRelation.Iobj or UdRelation.Advmod) && !UdRelation.IsOblique(view.Relation(c))))
        {
            return -1;
        }

        var end = after.Count == 0 ? verb : after.Max(c => view.Subtree(c, _ => true).Max());
        for (var w = end + 1; w < view.Count; w++)
        {
            if (view[w].Upos != UdTag.Punct)
            {
                return -1;
            }
        }

        return start;
    }

    /// <summary>A clause the parser took for a relative clause that opens with "that" and has a subject of its own: "that" is a complementizer there.</summary>
    private static bool IsComplementClause(SentenceView view, int clause)
    {
        var first = view.Subtree(clause, _ => true).Min();
        return view.Keys[first] == "that" && view.Relation(first) is not (UdRelation.Nsubj or UdRelation.NsubjPass or UdRelation.Obj)
            && view.Children(clause).Any(c => view.Relation(c) is UdRelation.Nsubj or UdRelation.NsubjPass && c != first);
    }

    private static AttributionSource SourceOf(SentenceView view, int word, DocumentContext context, bool withPreposition = true)
    {
        var phrase = view.Subtree(word, rel => rel is UdRelation.Compound or UdRelation.Amod or UdRelation.Det or UdRelation.NmodPoss or UdRelation.Flat or UdRelation.FlatName or UdRelation.Nmod or UdRelation.Case or UdRelation.Appos or UdRelation.Acl or UdRelation.Nummod);
        // The phrase's own preposition ("from" of "denials from Moscow") is no part of the name. ("According to"
        // stays in the text of the sources it introduces, as records have always given it.)
        if (!withPreposition)
        {
            phrase = [.. phrase.SkipWhile(w => view.Head(w) == word && view.Relation(w) == UdRelation.Case)];
        }

        var span = view.SpanOf(phrase[0], phrase[^1]);
        var actors = ActorResolver.Resolve(view, word, context);
        var actor = actors.Count > 0 ? actors[0] : null;
        // Named by the phrase's head or a name beside it ("Leo Tindemans", "Khalid, a military spokesman"), not by a
        // country or office before it: "senior U.S. officials" and "a U.S. Embassy spokesman" go unnamed, even when
        // the tagger reads a capitalised "Officials" as a name.
        var anonymousHead = AnonymousHeads.Contains(view.Lemma(word)) || (view.Keys[word] is [.., 's'] plural && AnonymousHeads.Contains(plural[..^1]));
        var named = view.Subtree(word, rel => rel is UdRelation.Flat or UdRelation.FlatName or UdRelation.Appos)
            .Any(w => !(w == word && anonymousHead) && view[w].Upos == UdTag.Propn && view.MatchAt[w] is not { IsAgent: true });
        var anonymous = !named && (anonymousHead || view.IsPronoun(word) || actor is null);
        var code = actor?.Code.Value is { } value && !value.StartsWith("---", StringComparison.Ordinal) ? value : null;
        return new AttributionSource(view.TextOf(span), code, anonymous);
    }

    /// <summary>
    /// CAMEO roots of acts done by speaking: public statements (01), appeals (02), intentions to cooperate (03),
    /// demands (10), disapproval (11), rejections (12) and threats (13).
    /// </summary>
    private static readonly FrozenSet<string> SpokenActRoots = new[] { "01", "02", "03", "10", "11", "12", "13" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The status of a coded event: see <see cref="For(SentenceView, int, IReadOnlyList{AttributionFrame}, DateOnly?, EventDate?, int)"/>;
    /// an act done by speaking that its own actor's spokesman reports is done by that very saying, so the writer
    /// states it ("Belgian Foreign Minister Leo Tindemans said Belgium had always opposed ...": the saying is the
    /// opposing; "They said they were disturbed by a draft bill").
    /// </summary>
    public static EventAttribution For(SentenceView view, SentenceEvent e, IReadOnlyList<AttributionFrame> frames, IReadOnlyList<AttributionFrame> allegations, DateOnly? publication, EventDate? date)
    {
        var attribution = For(view, e.Trigger, frames, publication, date, e.ObjectWord);
        if ((attribution is { Status: EventAttribution.Reported, By: not null } && IsFutureInReport(view, e.Trigger))
            || (attribution.Status is EventAttribution.Asserted or EventAttribution.Reported && (IsWhatANounWouldDo(view, e.Trigger) || IsArranged(view, e.Trigger))))
        {
            // The factuality sets differ: UW and MEANTIME score what the text commits to, future included ("said it
            // would press anew", "it is to be held at the California Theater" are happening there); the record's
            // `planned` says the event has not taken place yet. So these rules are the record's, for coded events.
            return attribution with { Status = EventAttribution.Planned };
        }

        if (attribution == EventAttribution.AssertedByWriter && allegations.FirstOrDefault(a => a.Scope.Contains(e.Trigger)) is { } allegation)
        {
            return new EventAttribution(EventAttribution.Reported, allegation.Source);
        }

        return attribution is { Status: EventAttribution.Reported, By: { } speaker } && SpokenActRoots.Contains(e.Pattern.Code.Root) && SpeaksFor(view, speaker, e, frames)
            && !HasModal(view, e.Trigger)
            ? EventAttribution.AssertedByWriter
            : attribution;
    }

    /// <summary>
    /// Whether a reported event's clause tells it as still to come from the time of the report: "would" (not "would
    /// have") under the reporting verb ("The embassy said Japan would complain to GATT", "Reagan said he would veto
    /// the bill").
    /// </summary>
    private static bool IsFutureInReport(SentenceView view, int trigger)
    {
        var clause = ClauseStructure.ClauseHead(view, trigger);
        var helpers = view.Children(clause).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass).ToList();
        if (helpers.Count == 0 && view.Relation(clause) == UdRelation.Conj && view[clause].Xpos == "VB" && view.FirstChild(clause, UdRelation.Nsubj) < 0 && view.Head(clause) is var first and >= 0)
        {
            // "said Japan would complain to GATT ... and seek new talks": the second verb shares the first one's "would"
            // (or is joined to a bare "would" the parser made a clause of: "as it said it would, and seek new talks").
            helpers = [.. view.Children(first).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass), .. view[first].Xpos == "MD" ? [first] : Array.Empty<int>()];
        }

        return helpers.Any(c => view.Keys[c] is "would" or "'d") && !helpers.Any(c => view.Lemma(c) == "have");
    }

    /// <summary>
    /// Whether the event is what a plan, a bill or an agreement "would" do: a clause with "would" (not "would have")
    /// on a noun ("a draft bill that would impose quotas", "the French bank's plan, which would postpone repayment",
    /// "expectations that the Group of Seven would hold talks"). It is to come, if at all.
    /// </summary>
    private static bool IsWhatANounWouldDo(SentenceView view, int trigger)
    {
        var clause = ClauseStructure.ClauseHead(view, trigger);
        if (view.Relation(clause) == UdRelation.Conj && view.Head(clause) is var first and >= 0 && !view.Children(clause).Any(c => view.Relation(c) is UdRelation.Aux or UdRelation.Nsubj))
        {
            clause = first;
        }

        return UdRelation.IsAdnominalClause(view.Relation(clause)) && view.Head(clause) is var noun and >= 0 && view[noun].Upos == UdTag.Noun
            && IsFutureInReport(view, clause);
    }

    /// <summary>
    /// Whether the event's clause has a modal ("said Japan would complain to GATT", "must reject"): what is said then is
    /// to come or wanted, not done by the saying.
    /// </summary>
    private static bool HasModal(SentenceView view, int trigger) =>
        view.Children(ClauseStructure.ClauseHead(view, trigger)).Any(c => view.Relation(c) == UdRelation.Aux && view[c].Xpos == "MD");

    /// <summary>
    /// Whether a speaker speaks for the actor: the actor is a pronoun of the reported clause ("they said they ...",
    /// read as the speaker), or the speaker is named and has the actor's own code, or is a named person of the
    /// country the actor is ("Tindemans said Belgium ..."). Anonymous officials of a country ("senior U.S. officials
    /// said the United States attacked ...") report what their side did; they do not do it by saying so.
    /// </summary>
    private static bool SpeaksFor(SentenceView view, AttributionSource speaker, SentenceEvent e, IReadOnlyList<AttributionFrame> frames)
    {
        // The pronoun must stand in what is reported: the speaker's own "they" ("..., they added") says nothing of
        // who the actor is.
        var actor = e.Source;
        if (actor.Text is "he" or "she" or "they" or "it" or "we" or "He" or "She" or "They" or "It" or "We")
        {
            var word = Enumerable.Range(0, view.Count).FirstOrDefault(w => view.Sentence.Tokens[w].Start == actor.Span.Start, -1);
            return word >= 0 && frames.Any(f => f.Status == EventAttribution.Reported && f.Scope.Contains(e.Trigger) && f.Scope.Contains(word));
        }

        return !speaker.Anonymous && speaker.Code is { } code && actor.Country is { } country && code.StartsWith(country, StringComparison.Ordinal)
            && (code == actor.Code.Value || actor.Code.Value == country);
    }

    /// <summary>The status of an event whose trigger is <paramref name="trigger"/>, and who reports or denies it.</summary>
    /// <param name="eventNoun">The trigger's object as the event pattern read it ("talks" in "held talks", the noun a light verb takes as its event), or -1.</param>
    public static EventAttribution For(SentenceView view, int trigger, IReadOnlyList<AttributionFrame> frames, DateOnly? publication, EventDate? date, int eventNoun = -1)
    {
        var denial = frames.FirstOrDefault(f => f.Status == EventAttribution.Denied && f.Scope.Contains(trigger));
        if (denial is not null)
        {
            return new EventAttribution(EventAttribution.Denied, denial.Source);
        }

        // A reporting verb is no report of itself, unless the pattern took it as the trigger of the act its gerund
        // names ("Iran reported launching an offensive").
        var report = frames.Where(f => f.Status == EventAttribution.Reported && (f.Scope.Contains(trigger) || f.Verb == trigger))
            .FirstOrDefault(f => f.Verb != trigger || view.Children(trigger).Any(c => view.Relation(c) == UdRelation.Xcomp && view[c].Xpos == "VBG" && c > trigger));
        var by = report?.Source;

        var chain = ModalityChain(view, trigger, report?.Verb ?? -1);
        if (IsNegated(view, trigger, eventNoun, chain))
        {
            return new EventAttribution(EventAttribution.Negated, by);
        }

        if (IsSpeculative(view, chain))
        {
            return new EventAttribution(EventAttribution.Speculated, by);
        }

        if (ClauseStructure.TenseAt(view, trigger) == Tense.Future
            || chain.Any(a => view.Relation(a) == UdRelation.Xcomp && view.Head(a) is var h and >= 0 && PlanVerbs.Contains(view.Lemma(h)) && view.Lemma(h) is not "agree" and not "vow" and not "pledge" and not "promise" and not "threaten")
            || chain.Any(a => IsUnfulfilledInfinitive(view, a) || IsDemandedClause(view, a))
            || (publication is { } p && date is { Precision: not "publication" } d && d.Start > p && !IsToldAsDone(view, trigger)))
        {
            return new EventAttribution(EventAttribution.Planned, by);
        }

        return by is not null ? new EventAttribution(EventAttribution.Reported, by) : EventAttribution.AssertedByWriter;
    }

    /// <summary>
    /// Denials later in the same sentence that deny the event without restating it: "held secret talks ..., but a
    /// Taliban spokesman denied they took place" (or "denied it", "denied the report"). The denial's clause must
    /// point back, with a pronoun or a word for a report, or say only that something happened; a denial that names
    /// its own event ("denied that it had attacked the convoy") is about that event, and the event is not inside it.
    /// </summary>
    public static IReadOnlyList<Dispute> SameSentenceDisputes(SentenceView view, int trigger, IReadOnlyList<AttributionFrame> frames, Actor source, Actor? target)
    {
        var disputes = new List<Dispute>();
        foreach (var denial in frames.Where(f => f.Status == EventAttribution.Denied && f.Nominal && Modifies(view, f.Verb, trigger)))
        {
            disputes.AddRange(Deniers(view, denial.Verb, denial.Source, source, target).Select(by => new Dispute(EventAttribution.Denied, by, view.Sentence.Index)));
        }

        foreach (var denial in frames.Where(f => f.Status == EventAttribution.Denied && !f.Nominal && f.Verb > trigger && !f.Scope.Contains(trigger)))
        {
            if (ClauseStructure.Ancestors(view, trigger).Contains(denial.Verb) || !PointsBack(view, denial))
            {
                continue;
            }

            disputes.Add(new Dispute(EventAttribution.Denied, denial.Source, view.Sentence.Index));
        }

        return disputes;
    }

    /// <summary>The phrase of a denial noun that names who denies ("from Moscow", "Moscow's"), or -1.</summary>
    private static int DenierOf(SentenceView view, int noun) =>
        view.Children(noun).FirstOrDefault(c => view.Relation(c) == UdRelation.NmodPoss || (view.Relation(c) == UdRelation.Nmod && view.CaseOf(c) is "from" or "by"), -1);

    /// <summary>
    /// Whether a denial noun bears on the event's clause: the first verb above the noun is the trigger or a verb the
    /// trigger's clause hangs from ("believes X crossed ..., despite denials"), not a clause beside it.
    /// </summary>
    private static bool Modifies(SentenceView view, int noun, int trigger)
    {
        var verb = ClauseStructure.Ancestors(view, noun).Skip(1).FirstOrDefault(w => view[w].Upos is UdTag.Verb or UdTag.Aux || ClauseStructure.IsClauseHead(view, w), -1);
        return verb >= 0 && ClauseStructure.Ancestors(view, trigger).Contains(verb);
    }

    /// <summary>
    /// Who a denial noun's phrase names. "Both countries", "both sides" are the event's two parties (whatever the
    /// resolver made of the plural): each is a denier.
    /// </summary>
    private static IEnumerable<AttributionSource> Deniers(SentenceView view, int noun, AttributionSource denier, Actor source, Actor? target)
    {
        if (view.Children(DenierOf(view, noun)).Any(c => view.Lemma(c) == "both") && source.Country is not null && target?.Country is not null)
        {
            yield return new AttributionSource(denier.Text, source.Code.Value, Anonymous: false);
            yield return new AttributionSource(denier.Text, target.Code.Value, Anonymous: false);

            yield break;
        }

        yield return denier;
    }

    /// <summary>
    /// Statements that contest what the story said before without restating it, for the coder to link to earlier
    /// events: a denial that points back ("Moscow denied the report", "Tehran dismissed it as propaganda") and a
    /// different account ("the rebels, however, gave a different account of the fighting"). Only a party with an actor
    /// code: who contests is what the link needs.
    /// </summary>
    public static IReadOnlyList<Contest> Contests(SentenceView view, IReadOnlyList<AttributionFrame> frames, DocumentContext context)
    {
        var contests = new List<Contest>();
        foreach (var denial in frames.Where(f => f.Status == EventAttribution.Denied && !f.Nominal && f.Source.Code is not null))
        {
            if (PointsBack(view, denial))
            {
                contests.Add(new Contest(new Dispute(EventAttribution.Denied, denial.Source, view.Sentence.Index), OnlyAccounts: false));
            }
            else if (DeniesAccusation(view, denial))
            {
                contests.Add(new Contest(new Dispute(EventAttribution.Denied, denial.Source, view.Sentence.Index), OnlyAccounts: true));
            }
        }

        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Upos == UdTag.Verb && view.Lemma(i) is "give" or "offer" or "provide" or "present" && !view.IsNegated(i)
                && view.Children(i).Any(c => view.Relation(c) == UdRelation.Obj && view.Lemma(c) is "account" or "version"
                    && view.Children(c).Any(m => view.Relation(m) == UdRelation.Amod && view.Lemma(m) is "different" or "conflicting" or "contrasting" or "contradictory" or "opposite"))
                && view.FirstChild(i, UdRelation.Nsubj) is var subject and >= 0
                && SourceOf(view, subject, context) is { Code: not null } source)
            {
                contests.Add(new Contest(new Dispute(EventAttribution.Denied, source, view.Sentence.Index), OnlyAccounts: false));
            }
        }

        // "CAR authorities said government troops later recaptured the town, but the rebels said they withdrew": an
        // account joined by "but" to another party's contests what that party reports, here and before.
        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Upos == UdTag.Verb && Syntax.FrameVerbs.Reporting.Contains(view.Lemma(i)) && view.Relation(i) == UdRelation.Conj && !view.IsNegated(i)
                && view.Head(i) is var first and >= 0 && view[first].Upos == UdTag.Verb && Syntax.FrameVerbs.Reporting.Contains(view.Lemma(first))
                && view.Children(i).Any(c => view.Relation(c) == UdRelation.Cc && view.Keys[c] == "but")
                && view.FirstChild(i, UdRelation.Nsubj) is var secondSpeaker and >= 0 && !view.IsPronoun(secondSpeaker)
                && view.FirstChild(first, UdRelation.Nsubj) is var firstSpeaker and >= 0
                && ContestingParty(view, secondSpeaker, context) is { Code: { } secondCode } second
                && SourceOf(view, firstSpeaker, context) is { } firstSource && firstSource.Code != secondCode)
            {
                contests.Add(new Contest(new Dispute(EventAttribution.Denied, second, view.Sentence.Index), OnlyAccounts: true) { Restates = true });
            }
        }

        return contests;
    }

    /// <summary>
    /// Who contests, with a code: "the rebels" of no country named are, in a story of one country's war, the rebels
    /// the story has named there.
    /// </summary>
    private static AttributionSource ContestingParty(SentenceView view, int speaker, DocumentContext context)
    {
        var source = SourceOf(view, speaker, context);
        if (source.Code is null && ActorResolver.Resolve(view, speaker, context) is [{ Code.Value: ['-', '-', '-', ..] roleOnly }, ..]
            && roleOnly.Length >= 6 && roleOnly[3..6] is "REB" or "INS" or "SEP"
            && context.DominantCountry is { } country && context.ArmedOpponentOf(country, view.Sentence.Index) is { } opponents)
        {
            return source with { Code = opponents };
        }

        return source;
    }

    /// <summary>
    /// A denial of an accusation ("Tokyo has denied the charges", "Moscow rejected the allegation"): it contests what
    /// the accuser says was done, not that the accusation was made nor what the writer states beside it.
    /// </summary>
    private static bool DeniesAccusation(SentenceView view, AttributionFrame denial) =>
        view.Children(denial.Verb).Any(c => view.Relation(c) == UdRelation.Obj && IsAccusationNoun(view, c)
            && !(view.Lemma(denial.Verb) == "dismiss" && view.Lemma(c) == "charge")) // a court dismisses charges without denying what they allege
        // "..., a charge which Moscow firmly denies", "an allegation that Kigali rejects"
        || (UdRelation.IsAdnominalClause(view.Relation(denial.Verb)) && view.Head(denial.Verb) is var noun and >= 0 && IsAccusationNoun(view, noun)
            && !view.Children(denial.Verb).Any(c => view.Relation(c) is UdRelation.Ccomp || (view.Relation(c) == UdRelation.Obj && !view.IsRelativePronoun(c))));

    private static bool IsAccusationNoun(SentenceView view, int word) => view.Lemma(word) is "allegation" or "accusation" or "charge";

    private static bool PointsBack(SentenceView view, AttributionFrame denial)
    {
        foreach (var child in view.Children(denial.Verb))
        {
            var rel = view.Relation(child);
            if (rel == UdRelation.Obj && (view.Keys[child] is "it" or "this" or "that" or "them" || view.Lemma(child) is "report" or "claim" or "account" or "story"))
            {
                return true;
            }

            if (rel is UdRelation.Ccomp)
            {
                var subject = view.FirstChild(child, UdRelation.Nsubj);
                var passive = view.FirstChild(child, UdRelation.NsubjPass);
                if ((subject >= 0 && view.Keys[subject] is "it" or "they" or "this" or "that" or "such")
                    || (passive >= 0 && view.Keys[passive] is "it" or "they" or "this" or "that")
                    || view.Lemma(child) is "happen" or "occur" || (view.Lemma(child) == "take" && view.Children(child).Any(c => view.Lemma(c) == "place")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The words whose negation, modals and verbs of belief or intent bear on the event: the trigger and the words
    /// above it, up to the reporting verb. A relative clause is a statement of its own about its noun ("pressure, which
    /// may grow, forced talks"), so the chain stops at the clause's head and the clause above does not count.
    /// </summary>
    private static List<int> ModalityChain(SentenceView view, int trigger, int reportVerb)
    {
        var chain = new List<int>();
        foreach (var word in ClauseStructure.Ancestors(view, trigger))
        {
            if (word == reportVerb)
            {
                break;
            }

            chain.Add(word);
            if (UdRelation.IsAdnominalClause(view.Relation(word)) && view.Children(word).Any(c => view.IsRelativePronoun(c) && c < word))
            {
                break;
            }
        }

        return chain;
    }

    /// <summary>
    /// Whether the text says the event did not happen: the trigger, or a verb it is the infinitive of, is negated
    /// ("did not meet", "does not want to meet", "never met") or has "no one" or "nobody" as its subject ("no one
    /// attended"); the verb above says the act did not come about (<see cref="IsUndone"/>); the event noun, or the noun a light verb takes as its event ("has no meetings scheduled"), is
    /// quantified by "no". Negation does not reach through a clause the event is only part of ("did not say they
    /// met" says nothing of the meeting), nor from a verb to its object ("did not minimize the challenges").
    /// </summary>
    private static bool IsNegated(SentenceView view, int trigger, int eventNoun, List<int> chain)
    {
        if (HasNoQuantifier(view, trigger) || (eventNoun >= 0 && HasNoQuantifier(view, eventNoun)))
        {
            return true;
        }

        for (var k = 0; k < chain.Count; k++)
        {
            var word = chain[k];
            if (k > 0 && view.Relation(chain[k - 1]) != UdRelation.Xcomp)
            {
                break;
            }

            if (IsNegatedHere(view, word) || (view[word].Upos is UdTag.Verb or UdTag.Aux && view.Children(word).Any(c => view.Relation(c) is UdRelation.Nsubj or UdRelation.NsubjPass && IsNobody(view, c))))
            {
                return true;
            }

            if (view.Head(word) is var head and >= 0 && IsUndone(view, word, head))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"not", "never" on the word, but not "not only" (which adds, and does not deny).</summary>
    private static bool IsNegatedHere(SentenceView view, int word) =>
        view.IsNegated(word) && !view.Children(word).Any(c => view.Keys[c] is "not" && c + 1 < view.Count && view.Keys[c + 1] is "only" or "just" or "merely");

    /// <summary>
    /// Whether the verb above says the act did not come about: "failed/refused/declined to meet" (a "declined" the
    /// tagger read as an adjective included), "forbade them to work"; "prevented the ship from reaching", "decided
    /// against seeking", "without replacing"; "talks were cancelled", "cancelled the visit".
    /// </summary>
    private static bool IsUndone(SentenceView view, int word, int head)
    {
        if (view.IsNegated(head))
        {
            return false; // "did not abandon its pursuit", "did not prevent them from meeting"
        }

        var relation = view.Relation(word);
        var headLemma = view.Lemma(head);
        if (relation == UdRelation.Xcomp && (headLemma is "fail" or "refuse" or "decline" or "neglect" or "forbid" or "prohibit" or "bar" || view.Keys[head] is "declined" or "refused" or "failed"))
        {
            return true;
        }

        if (relation == UdRelation.Advcl && view[word].Xpos == "VBG")
        {
            var mark = view.Children(word).Where(c => view.Relation(c) == UdRelation.Mark).Select(c => view.Keys[c]).FirstOrDefault();
            if (mark == "without" || (mark == "from" && headLemma is "prevent" or "stop" or "bar" or "prohibit" or "block" or "keep" or "deter" or "restrain" or "dissuade" or "ban")
                || (mark == "against" && headLemma is "decide" or "vote" or "choose" or "opt"))
            {
                return true;
            }
        }

        return view[word].Upos is UdTag.Noun && relation is UdRelation.Obj or UdRelation.NsubjPass && headLemma is "cancel" or "scrap" or "abort" or "abandon";
    }

    private static bool IsNobody(SentenceView view, int word) =>
        HasNoQuantifier(view, word) || view.Keys[word] is "nobody" or "nothing" or "none" or "no-one";

    private static bool HasNoQuantifier(SentenceView view, int noun) =>
        view[noun].Upos is UdTag.Noun or UdTag.Propn or UdTag.Pron && view.Children(noun).Any(c => view.Relation(c) == UdRelation.Det && view.Lemma(c) is "no");

    /// <summary>
    /// Whether the event's clause tells it as done, whatever time the sentence names elsewhere: a past form ("made the
    /// recommendation at a meeting", "had visited", "was held"), or a participle after "after" that hangs on a clause
    /// not in the future ("After visiting the U.S., ..., Funaro is now on his way to Tokyo, where he is to arrive on
    /// Sunday"). A date still to come then belongs to another clause and makes no plan of this event.
    /// </summary>
    private static bool IsToldAsDone(SentenceView view, int trigger)
    {
        var clause = ClauseStructure.ClauseHead(view, trigger);
        if (view[clause].Upos is not (UdTag.Verb or UdTag.Aux))
        {
            return false;
        }

        var helpers = view.Children(clause).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass).ToList();
        if (helpers.Any(c => view[c].Xpos == "MD"))
        {
            return false;
        }

        if ((view[clause].Xpos == "VBD" && helpers.Count == 0) || helpers.Any(c => view[c].Xpos == "VBD") || (view[clause].Xpos == "VBN" && helpers.Any(c => view.Lemma(c) == "have")))
        {
            return true;
        }

        return view[clause].Xpos == "VBG" && view.Relation(clause) == UdRelation.Advcl
            && view.Children(clause).Any(c => view.Relation(c) == UdRelation.Mark && view.Keys[c] == "after")
            && view.Head(clause) is var main and >= 0 && ClauseStructure.TenseAt(view, main) != Tense.Future;
    }

    /// <summary>
    /// An infinitive that another party is asked or pressed to carry out: "urged Iran to release", "asked Japan to
    /// help". The request happened; the act has not yet.
    /// </summary>
    private static bool IsUnfulfilledInfinitive(SentenceView view, int word) =>
        view.Head(word) is var head and >= 0 && word > head
        && ((view.Relation(word) == UdRelation.Xcomp && DirectiveVerbs.Contains(view.Lemma(head)))
            || (UdRelation.IsAdnominalClause(view.Relation(word)) && view[head].Upos == UdTag.Noun && IsOrAddressesRequest(view, head)))
        && view.Children(word).Any(c => view.Relation(c) == UdRelation.Mark && view.Keys[c] == "to");

    /// <summary>
    /// Nouns of asking and inviting whose infinitive is wanted, not done: "Reagan's invitation to Gorbachev to visit
    /// the United States", "a call for Iran to release", "a request to meet".
    /// </summary>
    private static readonly FrozenSet<string> RequestNouns = new[]
    {
        "invitation", "call", "request", "appeal", "demand", "plea", "proposal", "order", "ultimatum",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A noun of request, or the one it is addressed to ("invitation to Gorbachev to visit": the parser may hang the
    /// infinitive on the addressee).
    /// </summary>
    private static bool IsOrAddressesRequest(SentenceView view, int noun) =>
        RequestNouns.Contains(view.Lemma(noun))
        || (UdRelation.IsNominalModifier(view.Relation(noun)) && view.CaseOf(noun) is "to" or "for" && view.Head(noun) is var request and >= 0 && RequestNouns.Contains(view.Lemma(request)));

    /// <summary>
    /// "is to visit", "are to be held": an arrangement still to come (a present form of "be" before "to"; "were to"
    /// is a condition).
    /// </summary>
    private static bool IsArranged(SentenceView view, int trigger)
    {
        // A verb is its own clause, whatever the parser hung it on ("even though it had been rejected" taken for a subject).
        var clause = view[trigger].Upos == UdTag.Verb ? trigger : ClauseStructure.ClauseHead(view, trigger);
        var to = view.Children(clause).FirstOrDefault(c => view.Relation(c) == UdRelation.Mark && view.Keys[c] == "to", -1);
        // Not "policy is to oppose these loans": a subject that names an aim says what the aim is.
        return to >= 0 && view.Children(clause).Any(c => c < to && view.Relation(c) is UdRelation.Aux or UdRelation.Cop && view.Lemma(c) == "be" && view[c].Xpos is "VBZ" or "VBP")
            && !view.Children(clause).Any(c => (UdRelation.IsNominalSubject(view.Relation(c)) || view.Relation(c) == UdRelation.NsubjOuter) && AimNouns.Contains(view.Lemma(c)));
    }

    /// <summary>Nouns that name an aim or a task: "the policy is to ...", "our goal is to ...".</summary>
    private static readonly FrozenSet<string> AimNouns = new[]
    {
        "policy", "aim", "goal", "purpose", "plan", "intention", "idea", "task", "job", "role", "objective", "mission", "strategy", "priority", "hope", "intent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs whose "that" clause in the subjunctive says what is wanted of someone: "demanded that Iraq withdraw".</summary>
    private static readonly FrozenSet<string> MandativeVerbs = DirectiveVerbs.Union(["insist", "recommend", "propose", "suggest", "require"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A clause another party is asked or pressed to carry out: "demanded that Iraq withdraw its troops", "urged
    /// that Iran should release". Only a bare verb (the subjunctive) or one under "should": "insisted that Iraq had
    /// withdrawn" reports a deed.
    /// </summary>
    private static bool IsDemandedClause(SentenceView view, int word)
    {
        if (view.Relation(word) != UdRelation.Ccomp || view.Head(word) is not (var head and >= 0) || word < head || !MandativeVerbs.Contains(view.Lemma(head))
            || view[word].Xpos is not ("VB" or "VBP"))
        {
            return false;
        }

        var helpers = view.Children(word).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass).ToList();
        return helpers.All(c => view.Keys[c] is "should" or "be") && !view.Children(word).Any(c => view.Relation(c) == UdRelation.Cop);
    }

    private static bool IsSpeculative(SentenceView view, List<int> chain)
    {
        foreach (var word in chain)
        {
            // "if they lose", "whether it proves right": a condition or an open question.
            if (view.Relation(word) is UdRelation.Advcl or UdRelation.Ccomp && view.Children(word).Any(c => view.Relation(c) == UdRelation.Mark && view.Keys[c] is "if" or "unless" or "whether"))
            {
                return true;
            }

            foreach (var child in view.Children(word))
            {
                var rel = view.Relation(child);
                if (rel == UdRelation.Aux && view.Keys[child] is "may" or "might")
                {
                    return true;
                }

                if (rel == UdRelation.Aux && view.Keys[child] is "could" && view.Children(word).Any(c => view.Lemma(c) == "have"))
                {
                    return true;
                }

                if (rel == UdRelation.Advmod && SpeculationAdverbs.Contains(view.Lemma(child)))
                {
                    return true;
                }
            }

            // "is thought to be", "appears to have": the event sits under a verb of belief or appearance.
            if (view.Relation(word) is UdRelation.Xcomp or UdRelation.Ccomp && view.Head(word) is var head and >= 0 && SpeculationVerbs.Contains(view.Lemma(head))
                && (view.IsPassive(head) || view.Lemma(head) is "seem" or "appear"))
            {
                return true;
            }

            if (SpeculationVerbs.Contains(view.Lemma(word)) && view.IsPassive(word) && word != chain[0])
            {
                return true;
            }
        }

        return false;
    }
}
