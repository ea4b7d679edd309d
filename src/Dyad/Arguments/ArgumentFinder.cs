using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Arguments;

/// <summary>
/// What a pattern says about where its target is: it has none (unary), any object of the verb may be it (no object
/// condition, or one any lemma meets), or it is the first actor after the verb.
/// </summary>
internal readonly record struct TargetShape(bool Unary, bool AnyObject, bool FirstActorAfterVerb);

/// <summary>
/// Finds an event's arguments in the tree and the actors they stand for: the source from the subject (the agent, in
/// the passive; the shared subject of coordinated verbs; the noun a relative clause modifies; the antecedent of a
/// relative pronoun), the target from the pattern's argument, the object, or an argument with a target preposition.
/// </summary>
internal static class ArgumentFinder
{
    // Prepositions that introduce the target of an event when the pattern names none.
    private static readonly FrozenSet<string> TargetPrepositions = new HashSet<string>(StringComparer.Ordinal)
    {
        "with", "against", "on", "to", "toward", "towards", "into", "at", "upon", "between",
    }.ToFrozenSet(StringComparer.Ordinal);

    // On the verb alone: "warned of the Prince", "complained about Japan" (not "the leader of Japan").
    private static readonly FrozenSet<string> VerbTargetPrepositions = new HashSet<string>(StringComparer.Ordinal) { "of", "about" }.ToFrozenSet(StringComparer.Ordinal);


    public static List<Actor> Sources(SentenceView view, int trigger, bool passive, DocumentContext context, List<string> notes)
    {
        var subject = SubjectWord(view, trigger, passive, notes);
        if (subject < 0 && passive)
        {
            // "the accord was reached between Iran and Ghana": with no agent, the parties the act was between.
            var between = view.Children(trigger).FirstOrDefault(c => UdRelation.IsOblique(view.Relation(c)) && view.CaseOf(c) == "between", -1);
            if (between >= 0)
            {
                notes.Add("parties: 'between'");
                return [.. ActorResolver.Resolve(view, between, context)];
            }
        }

        if (subject < 0)
        {
            return [];
        }

        if (view.IsPronoun(subject) && !view.IsRelativePronoun(subject))
        {
            // "Japan and North Korea announced that they had reached ...": the governing clause's subject; else the last subject.
            var governing = GoverningSubject(view, trigger);
            if (governing >= 0 && governing != subject)
            {
                notes.Add($"'{view[subject].Text}' read as the governing clause's subject");
                return [.. ActorResolver.Resolve(view, governing, context)];
            }

            if (context.LastSubject is { } last)
            {
                notes.Add($"'{view[subject].Text}' read as the previous subject");
                return [last];
            }

            return [];
        }

        // "U.S. oil stocks rallied", "Japanese exports rose": a market or an economic quantity named after a country
        // does nothing; the country only says whose it is.
        if (IsEconomicThing(view, subject))
        {
            return [];
        }

        var actors = ActorResolver.Resolve(view, subject, context);
        foreach (var actor in actors)
        {
            context.Remember(view.Sentence.Index, view.Lemma(subject), actor, isSubject: true);
        }

        return [.. actors];
    }

    private static readonly FrozenSet<string> EconomicThings = new[]
    {
        "stock", "share", "price", "bond", "market", "future", "index", "dollar", "yen", "currency", "rate", "economy",
        "export", "import", "output", "production", "reserve", "crude", "oil", "gold", "deficit", "surplus", "inflation",
        "growth", "demand", "supply", "sale", "earnings", "profit", "figure", "data", "yield", "spending", "revenue",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A noun phrase headed by a market or an economic quantity ("oil stocks", "bond prices"), which names no actor, only whose it is.</summary>
    public static bool IsEconomicThing(SentenceView view, int head) =>
        view[head].Upos is UdTag.Noun or UdTag.Propn && view.MatchAt[head] is null && EconomicThings.Contains(view.Lemma(head).ToLowerInvariant());

    /// <summary>The word that names who acts: the subject, the passive's agent, or one inherited from the clause this one depends on.</summary>
    private static int SubjectWord(SentenceView view, int trigger, bool passive, List<string> notes)
    {
        if (passive)
        {
            var agent = view.FirstChild(trigger, UdRelation.OblAgent);
            if (agent < 0)
            {
                agent = view.Children(trigger, UdRelation.Obl).FirstOrDefault(o => view.CaseOf(o) == "by", -1);
            }

            return agent;
        }

        var subject = view.FirstChild(trigger, UdRelation.Nsubj);
        var relation = view.Relation(trigger);
        var head = view.Head(trigger);
        if (subject >= 0)
        {
            if (view.IsRelativePronoun(subject) && UdRelation.IsAdnominalClause(relation) && head >= 0)
            {
                notes.Add("relative clause: its subject is the noun it modifies");
                return head;
            }

            if (view.IsRelativePronoun(subject) && Antecedent(view, subject) is var antecedent and >= 0)
            {
                notes.Add("relative pronoun read as the noun before it");
                return antecedent;
            }

            return subject;
        }

        if (head < 0)
        {
            return -1;
        }

        switch (relation)
        {
            case UdRelation.Conj:
                notes.Add("coordinated verb shares its subject");
                return SubjectWord(view, head, view.IsPassive(head), notes);
            case UdRelation.Xcomp when view.IsPassive(head) && view.FirstChild(head, UdRelation.NsubjPass) is var raised and >= 0:
                // "Gollum was seen to break into the parade": the one seen is the one breaking in.
                notes.Add("subject of the passive verb governing it");
                return raised;
            case UdRelation.Xcomp or UdRelation.Advcl when ControlledByObject(view, trigger, head):
                // "France urged Iran to release ...", "Ukraine accused Russia of aiding ...": the one urged or accused
                // is the one who would act, not the speaker.
                notes.Add("subject: the object of the governing verb");
                return view.FirstChild(head, UdRelation.Obj);
            case UdRelation.Xcomp:
            case UdRelation.Advcl when view[trigger].Xpos is "VBG" or "VBN":
                notes.Add("subject taken from the governing verb");
                return SubjectWord(view, head, view.IsPassive(head), notes);
            case UdRelation.AclRelcl:
            case UdRelation.Acl:
                notes.Add("relative clause: its subject is the noun it modifies");
                return head;
            default:
                return -1;
        }
    }

    /// <summary>
    /// Whether the governing verb's object is who acts in the clause under it: an infinitive after an object ("urged
    /// Iran to release"), or a gerund after "of", "for" or "against" ("accused Russia of aiding", "blamed Kyiv for shelling").
    /// </summary>
    private static bool ControlledByObject(SentenceView view, int clause, int head)
    {
        if (view.IsPassive(head) || view.FirstChild(head, UdRelation.Obj) < 0)
        {
            return false;
        }

        if (view.Relation(clause) == UdRelation.Xcomp)
        {
            return true;
        }

        return view[clause].Xpos == "VBG" && view.FirstChild(clause, UdRelation.Mark) is var mark and >= 0 && view.Lemma(mark) is "of" or "for" or "against";
    }

    /// <summary>The noun a relative pronoun follows ("North Korea, which ..."), when the parse did not attach the clause to it.</summary>
    public static int Antecedent(SentenceView view, int pronoun)
    {
        for (var k = pronoun - 1; k >= 0; k--)
        {
            if (view[k].Upos == UdTag.Punct)
            {
                continue;
            }

            if (view[k].Upos is not (UdTag.Noun or UdTag.Propn))
            {
                return -1;
            }

            var word = k;
            while (view.Relation(word) is UdRelation.Compound or UdRelation.Flat or UdRelation.FlatName && view.Head(word) > word)
            {
                word = view.Head(word);
            }

            return word;
        }

        return -1;
    }

    private static int GoverningSubject(SentenceView view, int trigger)
    {
        var current = trigger;
        while (view.Head(current) is var head && head >= 0)
        {
            if (view.Relation(current) is UdRelation.Ccomp or UdRelation.Advcl or UdRelation.Xcomp or UdRelation.Conj)
            {
                var subject = view.FirstChild(head, UdRelation.Nsubj);
                if (subject >= 0 && !view.IsPronoun(subject))
                {
                    return subject;
                }
            }

            current = head;
        }

        return -1;
    }

    /// <summary>
    /// Verbs whose object event goes on or takes place ("resumed talks", "made progress in talks", "launched
    /// attacks"), as against those that call it off or refuse it ("boycotted talks", "suspended negotiations").
    /// </summary>
    private static readonly FrozenSet<string> CarriesOn = new[]
    {
        "resume", "begin", "start", "open", "continue", "conduct", "launch", "stage", "mount", "join", "attend",
        "complete", "conclude", "make", "wrap", "carry", "step", "intensify", "escalate", "renew", "restart",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Verbs whose object is usually someone else's act: a possessive pronoun on it points back to that someone.
    private static readonly FrozenSet<string> AnswersAnotherAct = new HashSet<string>(StringComparer.Ordinal)
    {
        "condemn", "criticize", "criticise", "denounce", "deplore", "welcome", "praise", "hail", "reject", "oppose",
        "protest", "support", "back", "endorse", "investigate", "blame", "accept", "answer", "respond", "report", "confirm",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A verb's own subject; for a simple past the parser hung on the noun before it ("commanders made/acl progress
    /// ..., officials said"), that noun.
    /// </summary>
    private static int OwnSubject(SentenceView view, int verb)
    {
        var subject = view.FirstChild(verb, UdRelation.Nsubj);
        return subject >= 0 ? subject
            : view.Relation(verb) == UdRelation.Acl && view[verb].Xpos == "VBD" ? view.Head(verb)
            : -1;
    }

    public static List<Actor> NominalSources(SentenceView view, int noun, DocumentContext context)
    {
        // "the summit between Koizumi and Kim": the first party; "Japan's talks with China": the possessor.
        foreach (var child in view.Children(noun))
        {
            if (UdRelation.IsNominalModifier(view.Relation(child)) && view.CaseOf(child) == "between")
            {
                return [.. ActorResolver.Resolve(view, child, context)];
            }
        }

        // "clashes have erupted between the army and rebels": the parties hang on the verb the event is the subject of.
        var governor = view.Head(noun);
        if (governor >= 0 && view.Relation(noun) == UdRelation.Nsubj)
        {
            foreach (var child in view.Children(governor))
            {
                if (UdRelation.IsOblique(view.Relation(child)) && view.CaseOf(child) == "between")
                {
                    return [.. ActorResolver.Resolve(view, child, context)];
                }
            }
        }

        var possessor = view.FirstChild(noun, UdRelation.NmodPoss);
        if (possessor >= 0 && !view.IsPronoun(possessor))
        {
            return [.. ActorResolver.Resolve(view, possessor, context)];
        }

        // "the ministry reiterated its call on Turkey", "Israel stepped up its strikes": a possessive pronoun on the
        // verb's object is, most often, the verb's own subject; not on a verb that answers another's act ("Japan
        // condemned its launch": whose launch, an earlier sentence says).
        if (possessor >= 0 && view.Relation(noun) == UdRelation.Obj && view.Head(noun) is var owner and >= 0 && view[owner].Upos == UdTag.Verb
            && !AnswersAnotherAct.Contains(view.Lemma(owner))
            && OwnSubject(view, owner) is var ownerSubject and >= 0 && !view.IsPronoun(ownerSubject))
        {
            return [.. ActorResolver.Resolve(view, ownerSubject, context)];
        }

        // "Nakasone leaves on his visit to the United States", "Nakasone said his trip to Washington was a success":
        // the pronoun on a noun in the verb's phrases, or heading what the verb said, is the verb's subject.
        // "Iran announced that its offensive against Iraq had ended": the same for a country or body's "its" or "their".
        if (possessor >= 0 && view.IsPronoun(possessor) && view.Lemma(possessor) is "his" or "her" or "he" or "she" or "its" or "their" or "it" or "they" && view.Head(noun) is var clause and >= 0)
        {
            var speaker = UdRelation.IsOblique(view.Relation(noun)) && view[clause].Upos == UdTag.Verb ? OwnSubject(view, clause)
                : view.Relation(noun) == UdRelation.Nsubj && view.Relation(clause) == UdRelation.Ccomp && view.Head(clause) is var saying and >= 0 ? OwnSubject(view, saying)
                : -1;
            if (speaker >= 0 && !view.IsPronoun(speaker) && ActorResolver.Resolve(view, speaker, context) is { Count: > 0 } speakers)
            {
                return [.. speakers];
            }
        }

        var agent = view.Children(noun, UdRelation.Nmod).FirstOrDefault(c => view.CaseOf(c) == "by", -1);

        // "follows a visit here this week by Baldrige": the parser hangs the noun's "by" on the active verb whose
        // object the noun is; an active verb's "by" after its object is no agent of its own.
        var governing = view.Head(noun);
        if (agent < 0 && governing >= 0 && view.Relation(noun) == UdRelation.Obj && !view.IsPassive(governing))
        {
            agent = view.Children(governing).FirstOrDefault(c => c > noun && UdRelation.IsOblique(view.Relation(c)) && view.CaseOf(c) == "by", -1);
        }

        // "a mediation attempt launched by Egypt", "attacks carried out by the rebels": the agent of a participle
        // that describes the event noun.
        if (agent < 0)
        {
            foreach (var described in view.Children(noun, UdRelation.Acl))
            {
                if (view[described].Xpos == "VBN" && view.Children(described).FirstOrDefault(c => UdRelation.IsOblique(view.Relation(c)) && view.CaseOf(c) == "by", -1) is var by and >= 0)
                {
                    agent = by;
                    break;
                }
            }
        }

        // "shelling from Israel", "rocket fire from Gaza", "a request from Iran": where the act came from is who acted.
        if (agent < 0)
        {
            agent = view.Children(noun, UdRelation.Nmod).FirstOrDefault(c => view.CaseOf(c) == "from" && view.MatchAt[c] is not null, -1);
        }

        if (agent >= 0)
        {
            return [.. ActorResolver.Resolve(view, agent, context)];
        }

        // "an Israeli airstrike", "the Iraqi offensive": a nationality adjective on the event noun names who acted.
        foreach (var child in view.Children(noun, UdRelation.Amod))
        {
            if (view.MatchAt[child] is { IsAgent: false } && ActorResolver.Resolve(view, child, context) is { Count: > 0 } nationals && nationals[0].Country is not null)
            {
                return [.. nationals];
            }
        }

        // "the ELN is already in talks with the government": the subject of the clause the event noun is the predicate of.
        var predicateSubject = view.FirstChild(noun, UdRelation.Nsubj);
        // Only "in": "Japan is under attack" names the target.
        if (predicateSubject >= 0 && view.FirstChild(noun, UdRelation.Cop) >= 0 && view.CaseOf(noun) == "in" && !view.IsPronoun(predicateSubject))
        {
            return [.. ActorResolver.Resolve(view, predicateSubject, context)];
        }

        // "the department has become involved in negotiations with Japan": the subject of the verb the noun completes;
        // "commanders made progress in talks", "the two sides resumed talks": the subject of the verb whose object
        // the noun is, or modifies, when that verb carries the event on rather than calling it off.
        var verb = view.Head(noun);
        // Only a verb with its own subject: "accused Ukraine of carrying out attacks" is no attack by the accuser.
        var carrier = view.Relation(noun) is UdRelation.Obj ? verb
            : verb >= 0 && view.Relation(noun) is UdRelation.Nmod && view.Relation(verb) is UdRelation.Obj && view[verb].Upos == UdTag.Noun ? view.Head(verb)
            : -1;
        if (carrier >= 0 && view[carrier].Upos == UdTag.Verb && CarriesOn.Contains(view.Lemma(carrier)) && !view.IsNegated(carrier)
            && OwnSubject(view, carrier) is var carrierSubject and >= 0 && !view.IsPronoun(carrierSubject))
        {
            return [.. ActorResolver.Resolve(view, carrierSubject, context)];
        }

        if (verb >= 0 && view[verb].Upos is UdTag.Verb or UdTag.Adj && view.Relation(noun) is UdRelation.Obl)
        {
            var subject = SubjectWord(view, verb, view.IsPassive(verb), []);
            if (subject >= 0 && !view.IsPronoun(subject))
            {
                return [.. ActorResolver.Resolve(view, subject, context)];
            }
        }

        return [];
    }

    /// <summary>Words that may name the target, best first: the pattern's argument, the object, then arguments with a target preposition.</summary>
    public static IEnumerable<int> TargetWords(SentenceView view, int trigger, TargetShape shape, int objectWord, int prepositionWord, bool passive, bool nominal)
    {
        if (prepositionWord >= 0)
        {
            yield return prepositionWord;
        }

        if (!nominal && !shape.Unary && shape.AnyObject)
        {
            var obj = view.ObjectOf(trigger, passive);
            if (obj >= 0)
            {
                yield return obj;
            }

            var iobj = view.FirstChild(trigger, UdRelation.Iobj);
            if (iobj >= 0)
            {
                yield return iobj;
            }
        }

        // "summoned the Turkish ambassador to Baghdad": an object the pattern names that names someone of a country
        // ("the Turkish ambassador", "Russia's envoy", "the ambassador of Turkey") is the target before any argument
        // of the verb ("to Baghdad" is where); a bare role ("shared intelligence with Australia") is not.
        var objectNamesSomeone = objectWord >= 0 && !shape.Unary && view.MatchAt[objectWord] is not null
            && view.Children(objectWord).Any(child => view.MatchAt[child] is not null && !view.IsPronoun(child));
        if (objectNamesSomeone)
        {
            yield return objectWord;
        }

        // An argument with a target preposition, on the trigger or on its object noun; a possessor of the object.
        foreach (var owner in objectWord >= 0 ? new[] { trigger, objectWord } : [trigger])
        {
            foreach (var child in view.Children(owner))
            {
                var rel = view.Relation(child);
                if ((UdRelation.IsOblique(rel) || UdRelation.IsNominalModifier(rel))
                    && view.CaseOf(child) is { } preposition
                    && IntroducesTarget(preposition, onVerb: owner == trigger && !nominal && UdRelation.IsOblique(rel))
                    && !(nominal && preposition == "between"))
                {
                    yield return child;
                }
            }
        }

        if (objectWord >= 0 && view.FirstChild(objectWord, UdRelation.NmodPoss) is var possessor and >= 0 && !view.IsPronoun(possessor))
        {
            yield return possessor;
        }

        // "expelled the ambassador": the object the pattern names may itself be the target, when it names someone
        // (not "held a meeting in ... China", whose phrase merely mentions a place).
        if (!objectNamesSomeone && objectWord >= 0 && !shape.Unary && view.MatchAt[objectWord] is not null)
        {
            yield return objectWord;
        }


        // "overcame the animosity of the Morgul Orcs": whose the object is, when nothing else names a target.
        var objectPhrase = objectWord >= 0 ? objectWord : nominal ? -1 : view.ObjectOf(trigger, passive);
        if (objectPhrase >= 0)
        {
            foreach (var child in view.Children(objectPhrase))
            {
                if (view.Relation(child) == UdRelation.Nmod && view.CaseOf(child) == "of" && !view.IsPronoun(child))
                {
                    yield return child;
                }

                // "approved a loan to Indonesia", "disbursed aid for Ethiopia": what is given goes to someone.
                if (view.Relation(child) == UdRelation.Nmod && view.CaseOf(child) is "to" or "for" && GivenThings.Contains(view.Lemma(objectPhrase)) && !view.IsPronoun(child))
                {
                    yield return child;
                }
            }

            // "dismissed arguments made by senior U.S. officials": whose the object is, by its clause's agent.
            foreach (var clause in view.Children(objectPhrase, UdRelation.Acl))
            {
                if (view.FirstChild(clause, UdRelation.OblAgent) is var agent and >= 0 && !view.IsPronoun(agent))
                {
                    yield return agent;
                }
            }

            // "boycotted the parade supporting Gondor": whom the object's own clause is about.
            foreach (var clause in view.Children(objectPhrase, UdRelation.Acl))
            {
                if (view.FirstChild(clause, UdRelation.Obj) is var clauseObject and >= 0 && !view.IsPronoun(clauseObject))
                {
                    yield return clauseObject;
                }
            }
        }

        if (nominal)
        {
            // "between A and B": B is the target.
            foreach (var child in view.Children(trigger))
            {
                if (view.CaseOf(child) == "between")
                {
                    var conj = view.FirstChild(child, UdRelation.Conj);
                    if (conj >= 0)
                    {
                        yield return conj;
                    }
                }
            }
        }
        else if (view.FirstChild(trigger, UdRelation.Ccomp) is var clause && clause > trigger
            && view.FirstChild(clause, UdRelation.Nsubj) is var clauseSubject && clauseSubject > trigger && !view.IsPronoun(clauseSubject)
            && !IsClosingReport(view, clause, clauseSubject))
        {
            // "Arnor believes Dagolath and Osgiliath can cope": whom the clause the verb governs is about.
            yield return clauseSubject;
        }

        if (shape.FirstActorAfterVerb && !nominal)
        {
            // "appealed for peace in Ithilen": PETRARCH's last resort, the first actor named after the verb in its phrases.
            foreach (var child in view.Children(trigger))
            {
                if (child > trigger && UdRelation.IsOblique(view.Relation(child)) && view.Relation(child) != UdRelation.OblAgent
                    && FirstNameIn(view, child) is var name and >= 0)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// The first name of an actor in the phrase under <paramref name="phrase"/>, as the head of the phrase it heads or
    /// modifies ("Ithilen state-run television"); -1 when there is none.
    /// </summary>
    private static int FirstNameIn(SentenceView view, int phrase)
    {
        var (first, last) = view.SubtreeSpan(phrase);
        for (var w = first; w <= last; w++)
        {
            if (view.MatchAt[w] is { IsAgent: false } match && match.Start == w)
            {
                var word = match.End - 1;
                while (view.Relation(word) is UdRelation.Compound or UdRelation.Flat or UdRelation.Amod && view.Head(word) is var up and >= 0 && up <= last)
                {
                    word = up;
                }

                return word;
            }
        }

        return -1;
    }

    /// <summary>
    /// A reporting verb after the clause it reports, that the parser hung on it as its complement ('... regained
    /// control of the town," CAR government spokesman Fidele Ngouandjika said'): its subject is who says so, not whom
    /// the act concerns. Told by a comma (or a comma and a closing quote) just before the subject's phrase.
    /// </summary>
    private static bool IsClosingReport(SentenceView view, int clause, int subject)
    {
        if (!FrameVerbs.All.Contains(view.Lemma(clause)))
        {
            return false;
        }

        var first = view.SubtreeSpan(subject).First;
        var before = first - 1;
        while (before >= 0 && view.Sentence.Tokens[before].Text is "\"" or "\u201d" or "''" or "'")
        {
            before--;
        }

        return before >= 0 && view.Sentence.Tokens[before].Text == ",";
    }

    // What is given to someone: its "to" or "for" names the receiver.
    private static readonly FrozenSet<string> GivenThings = new[]
    {
        "loan", "credit", "grant", "aid", "assistance", "financing", "fund", "funding", "tranche", "help", "support", "weapon", "arm",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IntroducesTarget(string preposition, bool onVerb) =>
        TargetPrepositions.Contains(preposition) || (onVerb && VerbTargetPrepositions.Contains(preposition));
}
