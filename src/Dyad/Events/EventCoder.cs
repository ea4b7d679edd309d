using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Arguments;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Events;

/// <summary>An event found in one sentence, before document-level attributes (date, place, attribution) are added.</summary>
internal sealed record SentenceEvent(int Trigger, EventPattern Pattern, Actor Source, Actor? Target, TextSpan TriggerSpan, string TriggerText, string Rule, double Confidence)
{
    /// <summary>The word that met the pattern's object condition ("meeting" of "held a meeting"), or -1.</summary>
    public int ObjectWord { get; init; } = -1;

    /// <summary>
    /// Force used on a place or a thing, not on a named actor ("rebels attacked Birao", "jets struck targets in
    /// southern Lebanon"): the target is the country of the place the event happened in, once places are known, and
    /// the event is dropped when none is.
    /// </summary>
    public bool TargetFromPlace { get; init; }
}

/// <summary>
/// Codes "who did what to whom" in a parsed sentence: for each verb (and event noun) the most specific dictionary
/// pattern whose conditions hold, the source from the subject (the agent, in the passive; the shared subject of
/// coordinated verbs; the noun a relative clause modifies), the target from the object or the argument the
/// pattern names, and the actors resolved from those phrases. A negated verb codes nothing.
/// </summary>
internal sealed class EventCoder
{
    private readonly EventDictionary _dictionary;

    // PETRARCH's conventions (and its validation records) code no event without a target unless its pattern is
    // unary, and no event without a named source. Dyad's own conventions keep the source and code of "Japan
    // condemned the launch", and take the authorities as the source of an arrest told in the passive with no agent.
    private readonly bool _ownConventions;

    public EventCoder(EventDictionary dictionary, bool ownConventions = false)
    {
        _dictionary = dictionary;
        _ownConventions = ownConventions;
    }

    /// <summary>
    /// Whether some pattern could fire in the sentence, judged from its words alone (no parse): a word is looked up
    /// by its lemma, form or stem (alone or with a particle) as a verb or noun, and the pattern's words (object,
    /// preposition, particle) are in the sentence. Without one, <see cref="Code"/> finds nothing.
    /// </summary>
    public bool MayCode(SentenceView view)
    {
        HashSet<string>? words = null;
        for (var i = 0; i < view.Count; i++)
        {
            // As Code tries them: verbs (and nouns tagged as verbs) for verb patterns, nouns for noun patterns.
            var word = view[i];
            var asVerb = word.Upos == UdTag.Verb || (word.Upos == UdTag.Noun && word.Xpos.StartsWith("VB", StringComparison.Ordinal));
            var asNoun = word.Upos == UdTag.Noun;
            if (!asVerb && !asNoun)
            {
                continue;
            }

            foreach (var (particle, pattern) in PatternsLookedUpBy(view.Keys[i], view.Lemma(i)))
            {
                if ((pattern.Nominal ? asNoun : asVerb) && (particle is null || (words ??= WordsOf(view)).Contains(particle)) && MayHold(pattern, words ??= WordsOf(view)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some pattern may fire in a sentence not tagged, whatever its tags: a word is looked up by its form
    /// and by each lemma a tag could give it (<paramref name="candidates"/>, as <see cref="CandidatesUnderAnyLemma"/>
    /// gives them), as a verb or a noun, and the words the pattern's conditions name are among what the sentence's
    /// words may be (<paramref name="words"/>, which need hold only the words conditions name). False means
    /// <see cref="MayCode"/> is false under any tags.
    /// </summary>
    internal static bool MayCodeUnderAnyTags(IEnumerable<(string? Particle, EventPattern Pattern)> candidates, HashSet<string> words)
    {
        foreach (var (particle, pattern) in candidates)
        {
            if ((particle is null || words.Contains(particle)) && MayHold(pattern, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The patterns a word may be looked up by, whichever of <paramref name="lemmas"/> it has.</summary>
    internal (string? Particle, EventPattern Pattern)[] CandidatesUnderAnyLemma(string form, IEnumerable<string> lemmas) =>
        [.. lemmas.SelectMany(lemma => PatternsLookedUpBy(form, lemma)).Distinct()];

    /// <summary>Whether a word as written (its form, or a stem of it) is looked up by some pattern, whatever its lemma.</summary>
    public bool LooksUpAsWritten(string form) => PatternsLookedUpBy(form, form).Length > 0;

    // The patterns each word is looked up by, remembered: most words are looked up by none.
    private readonly BoundedMemo<(string Form, string Lemma), (string? Particle, EventPattern Pattern)[]> _lookedUp = new(1_000_000);

    /// <summary>The patterns a word is looked up by, through its lemma, form or stems, alone or with a particle (then named).</summary>
    private (string? Particle, EventPattern Pattern)[] PatternsLookedUpBy(string form, string lemma) =>
        _lookedUp.GetOrAdd((form, lemma), word => [.. StemsOf(word.Form, word.Lemma).Append(word.Form).Distinct()
            .SelectMany(key => _dictionary.For(key).Select(p => ((string?)null, p)).Concat(_dictionary.WithParticle(key).Select(w => ((string?)w.Particle, w.Pattern))))]);

    /// <summary>What the pattern's conditions can match a word by: every word's lemma and form, and the form without a plural "s".</summary>
    private static HashSet<string> WordsOf(SentenceView view)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < view.Count; i++)
        {
            words.Add(view.Lemma(i));
            words.Add(view.Keys[i]);
            if (i >= 2 && view.Keys[i - 1] == "-")
            {
                words.Add(HyphenJoined(view.Keys[i - 2], view.Keys[i]));
            }

            if (view.Keys[i].EndsWith('s'))
            {
                words.Add(view.Keys[i][..^1]);
            }
        }

        return words;
    }

    /// <summary>Whether the words a pattern's conditions need (<see cref="EventPattern.WordsNeeded"/>) are all among the sentence's.</summary>
    private static bool MayHold(EventPattern pattern, HashSet<string> words) =>
        pattern.WordsNeeded().All(choice => choice.Any(words.Contains));

    public IReadOnlyList<SentenceEvent> Code(SentenceView view, DocumentContext context)
    {
        var events = new List<SentenceEvent>();
        var usedNouns = new HashSet<int>();

        // Verbs first, so a light verb's noun ("held a meeting") is not coded again as a nominal event.
        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Upos is UdTag.Verb || (view[i].Upos == UdTag.Noun && view[i].Xpos.StartsWith("VB", StringComparison.Ordinal)))
            {
                CodeTrigger(view, i, nominal: false, context, events, usedNouns);
            }
        }

        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Upos is UdTag.Noun && !usedNouns.Contains(i))
            {
                CodeTrigger(view, i, nominal: true, context, events, usedNouns);
            }
        }

        // "vowed to expel the ambassador": the intention is the act it announces (coded, planned), not an event of its own.
        events.RemoveAll(e => e.Pattern.Code.Root == "03" && events.Any(other => !ReferenceEquals(other, e)
            && other.Source.Country == e.Source.Country && view.Head(other.Trigger) == e.Trigger && view.Relation(other.Trigger) == UdRelation.Xcomp));

        // "met ... to discuss": one sentence telling the same act twice is one event.
        var seen = new HashSet<(string, string?, string)>();
        return events.Where(e => seen.Add((e.Source.Code.Value, e.Target?.Code.Value, e.Pattern.Code.Root))).ToList();
    }

    private void CodeTrigger(SentenceView view, int trigger, bool nominal, DocumentContext context, List<SentenceEvent> events, HashSet<int> usedNouns)
    {
        var (pattern, objectWord, prepositionWord) = BestPattern(view, trigger, nominal);
        if (pattern is null || pattern.Suppresses || (view.IsNegated(trigger) && pattern.Before is null))
        {
            return;
        }

        // A verb's noun is its event only when the verb codes one: "a mediation attempt launched by Egypt" codes no
        // launch, so the attempt is read as an event of its own.
        var coded = events.Count;
        CodeWithPattern(view, trigger, nominal, context, events, pattern, objectWord, prepositionWord);
        if (objectWord >= 0 && events.Count > coded)
        {
            usedNouns.Add(objectWord);
        }
    }

    private void CodeWithPattern(SentenceView view, int trigger, bool nominal, DocumentContext context, List<SentenceEvent> events, EventPattern pattern, int objectWord, int prepositionWord)
    {
        // "refused to elaborate", "declined to comment": a speaker keeping something back rejects no one.
        if (!nominal && pattern.Code.Root == "12" && view.FirstChild(trigger, UdRelation.Xcomp) is var withheld and >= 0 && WithholdingWords.Contains(view.Lemma(withheld)))
        {
            return;
        }

        // "Japan attacked OECD forecasts": force used on words is criticism.
        if (pattern.Code.Root is "18" or "19" or "20" && AttackedWords(view, trigger, objectWord) is { } words)
        {
            pattern = pattern with { Code = CameoCode.Parse("111"), Rule = pattern.Rule + $"; its object '{view[words].Text}' is words: criticism (111)" };
        }

        var notes = new List<string>();
        var confidence = 0.85;
        var passive = !nominal && view.IsPassive(trigger);

        // Source.
        var sources = nominal ? ArgumentFinder.NominalSources(view, trigger, context) : ArgumentFinder.Sources(view, trigger, passive, context, notes);

        // Target.
        var targets = new List<Actor>();
        var targetWords = 0;
        foreach (var candidate in ArgumentFinder.TargetWords(view, trigger, TargetShapeOf(pattern), objectWord, prepositionWord, passive, nominal))
        {
            targetWords++;
            // "India and China pulled back troops", "withdrew its forces": the troops a side yields with are its
            // own, not whom it yields to.
            var yieldsWithOwn = pattern.Code.Root == "08" && candidate == objectWord;
            targets.AddRange(ActorResolver.Resolve(view, candidate, context).Where(a => !(yieldsWithOwn && a.Country is null)));
            if (targets.Count > 0)
            {
                break;
            }
        }

        // "would meet other existing requirements", "met the deadline": what "meet" has as its object, when it is a
        // thing and no actor, is what was met; no one was consulted (see below).
        var thingMet = !nominal && view.Lemma(trigger) == "meet" && ObjectIsAThing(view, trigger, passive);
        if (sources.Count == 0 && !nominal && pattern.Code.Root == "04" && context.LastConsultation is { } last && !thingMet)
        {
            // "The talks continued ... with contact being made": the participants of the consultation under way.
            sources = [last.Source];
            if (targets.Count == 0 && last.Target is not null)
            {
                targets.Add(last.Target);
            }

            notes.Add("participants carried over from the previous consultation");
            confidence -= 0.2;
        }

        if (_ownConventions && sources.Count == 0 && passive && IsArrestByTheState(pattern.Code))
        {
            // "Two opposition leaders were detained": no agent is named, but arrests, deportations and bans are
            // the authorities' acts; the police of the country (given later, from the place or the story) did it.
            sources = [new Actor(ActorCode.Parse("---COP"), view[trigger].Text, view.SpanOf(trigger, trigger), "passive with no agent: the authorities")];
            notes.Add("no agent: the authorities");
            confidence -= 0.2;
        }

        if (sources.Count == 0)
        {
            return;
        }

        if (sources[0].Country is null && sources[0].Code.Value.StartsWith("---", StringComparison.Ordinal))
        {
            confidence -= 0.15;
        }

        // A thing met takes no participants carried over (above), no target guessed, nor one taken from whose the
        // thing is ("meet the conditions demanded by the rebels") or from a coordinated subject ("push Germany and
        // Japan to meet their commitments"). ("visits that country" names one by anaphora: only "meet" takes such objects.)
        if (thingMet && (targets.Count == 0 || ObjectHasAnAgent(view, trigger, passive)))
        {
            return;
        }

        // An appeal read from what a speaker says another should do needs that other named as the clause's subject:
        // "said the dollar should fall" asks nothing of anyone, and no target is guessed for it.
        if (pattern.ClauseModals is not null && targets.Count == 0)
        {
            return;
        }

        var mutual = false;
        // "Doha and Cairo would continue their mediation efforts": mediators named together mediate together,
        // between others.
        var coMediators = pattern.Code.Value == "045";
        if (targets.Count == 0 && sources.Count >= 2 && !coMediators)
        {
            if (pattern.CompoundSubject)
            {
                // A pattern written for a compound subject ("Gondor and Osgiliath have delayed their meeting"): each acts towards the others.
                mutual = true;
                notes.Add("compound subject: each conjunct towards the others");
            }
            else
            {
                // "Japan and North Korea reached an accord": the first conjunct acts towards the second.
                targets.Add(sources[1]);
                sources = [sources[0]];
                notes.Add("coordinated subject as source and target");
            }
        }

        var targetFromPlace = false;
        if (targets.Count == 0 && !mutual && !pattern.Unary)
        {
            // "The rebels attacked Birao", "jets struck targets in southern Lebanon": force used on a place or a thing
            // falls on the country where it is, which the place stage knows; the document's other country is the
            // fallback when the clause names no place.
            // Likewise a visit names where, not whom: "a visit here by Baldrige", "Garcia's visit to Mexico City".
            targetFromPlace = _ownConventions && !pattern.Reversed
                && ((!nominal && targetWords > 0 && IsForce(pattern.Code)) || pattern.Code.Value is "042" or "043");
            if (InTurnTarget(view, trigger, events) is { } reciprocal)
            {
                targets.Add(reciprocal);
                targetFromPlace = false;
                notes.Add("relative clause answering the main clause: its source is the target");
                confidence -= 0.1;
            }
            else if (!pattern.Reversed && sources[0].Code.FirstRole == "OPP" && sources[0].Country is { } home && !IsForce(pattern.Code)
                && ActorCode.TryParse(home + "GOV", out var ownGovernment))
            {
                // "Opposition leader Raila Odinga has refused to recognise the result": a country's political
                // opposition acts against its own government, not against whatever other country the story names.
                targets.Add(new Actor(ownGovernment, home, sources[0].Span, "the government the opposition opposes"));
                notes.Add("target inferred: the government of the opposition's own country");
                confidence -= 0.25;
            }
            else if (!pattern.Reversed && context.CounterpartCodeOf(sources[0].Country, view.Sentence.Index) is { } counterpart && ActorCode.TryParse(counterpart, out var code)
                && !sources.Any(s => s.Country is { } country && country == code.Country))
            {
                targets.Add(new Actor(code, counterpart, sources[0].Span, "the document's other main country"));

                // A visit's place only stands in for a target no country of the story gives: a place is named by
                // today's borders ("Moscow" in 1987 is the Soviet Union's), the story's countries by the actors'.
                targetFromPlace &= pattern.Code.Root != "04";
                notes.Add(targetFromPlace ? "target: the country of the place, else the document's other main country" : "target inferred: the document's other main country");
                confidence -= 0.25;
            }
            else if (targetFromPlace)
            {
                notes.Add(pattern.Code.Root == "04" ? "target: the country of the place visited" : "target: the country of the place attacked");
                confidence -= 0.15;
            }
            else if (_ownConventions && !pattern.Reversed && MayHaveNoTarget(pattern.Code))
            {
                // "Japan condemned the launch" in a story with no other main country: who condemned and what is known,
                // at whom is not; CAMEO allows that.
                notes.Add("no actor as target");
                confidence -= 0.1;
            }
            else
            {
                return;
            }
        }

        var (spanStart, spanEnd) = (trigger, trigger);
        if (objectWord >= 0)
        {
            (spanStart, spanEnd) = (Math.Min(trigger, objectWord), Math.Max(trigger, objectWord));
        }

        var triggerSpan = view.SpanOf(spanStart, spanEnd);
        var triggerText = view.TextOf(triggerSpan);
        var rule = notes.Count > 0 ? $"{pattern.Rule}; {string.Join("; ", notes)}" : pattern.Rule;

        var pairs = mutual
            ? from source in sources from target in sources where !ReferenceEquals(source, target) select (source, (Actor?)target)
            : from source in sources from target in targets.Count > 0 ? targets.Cast<Actor?>() : [null] select (source, target);
        foreach (var (source, actedOn) in pairs)
        {
            var target = actedOn;
            if (target is not null && IsSelf(source, target))
            {
                // "Syrian troops recaptured Aleppo": a state's force on a place of its own country falls on the
                // rebels the story has named there, else it is no event between two parties.
                if (IsForce(pattern.Code) && !pattern.Reversed && target.Code.Value.Length == 3 && target.Country is { } country
                    && context.OpponentOfItsOwnState(source.Code, country, view.Sentence.Index) is { } opponent)
                {
                    target = new Actor(opponent, opponent.Value, target.Span, "the armed opponents the story names in their own country");
                }
                else
                {
                    continue;
                }
            }

            var (s, t) = pattern.Reversed && target is not null ? (target, source) : (source, target);
            events.Add(new SentenceEvent(trigger, pattern, s, t, triggerSpan, triggerText, rule, Math.Round(confidence, 2)) { ObjectWord = objectWord, TargetFromPlace = targetFromPlace });
            if (pattern.ReverseCode is { } reverse && t is not null)
            {
                events.Add(new SentenceEvent(trigger, pattern with { Code = reverse, ReverseCode = null }, t, s, triggerSpan, triggerText, rule + "; reverse code", Math.Round(confidence, 2)) { ObjectWord = objectWord });
            }
            if (pattern.Code.Root == "04")
            {
                context.LastConsultation = (s, t);
            }
        }
    }

    // What a speaker declines to do when keeping something back from reporters.
    private static readonly FrozenSet<string> WithholdingWords = new[]
    {
        "comment", "elaborate", "say", "disclose", "identify", "name", "specify", "give", "discuss", "reveal", "detail", "confirm", "speculate", "answer",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Words = new[]
    {
        "forecast", "plan", "policy", "decision", "proposal", "report", "idea", "statement", "remark", "comment", "budget",
        "law", "bill", "measure", "move", "stance", "claim", "criticism", "view", "approach", "programme", "program",
        "estimate", "argument", "speech", "record", "handling", "strategy", "reform", "tax", "legislation",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The direct object of an attack verb when it is words or a policy rather than people or places, else null.</summary>
    private static int? AttackedWords(SentenceView view, int trigger, int objectWord)
    {
        var direct = objectWord >= 0 ? objectWord : view.FirstChild(trigger, UdRelation.Obj);
        return direct >= 0 && view.Relation(direct) == UdRelation.Obj && view[direct].Upos == UdTag.Noun && Words.Contains(view.Lemma(direct)) ? direct : null;
    }

    /// <summary>Whether the verb's direct object (the passive's subject) is a common noun that names no actor.</summary>
    private static bool ObjectIsAThing(SentenceView view, int trigger, bool passive)
    {
        var obj = view.ObjectOf(trigger, passive);
        return obj >= 0 && view[obj].Upos == UdTag.Noun && view.MatchAt[obj] is null && !view.IsPronoun(obj);
    }

    /// <summary>Whether the verb's object (the passive's subject) has a clause naming its agent ("conditions demanded by the rebels").</summary>
    private static bool ObjectHasAnAgent(SentenceView view, int trigger, bool passive) =>
        view.ObjectOf(trigger, passive) is var obj and >= 0 && view.Children(obj, UdRelation.Acl).Any(clause => view.FirstChild(clause, UdRelation.OblAgent) >= 0);

    private static bool IsForce(CameoCode code) => code.Root is "18" or "19" or "20";

    /// <summary>
    /// Roots whose events stand without a target actor: statements, appeals, demands, disapproval, rejection,
    /// threats, protests, force posture ("Iran rejected the decision", "the UN called for restraint").
    /// </summary>
    private static bool MayHaveNoTarget(CameoCode code) => code.Root is "01" or "02" or "10" or "11" or "12" or "13" or "14" or "15";

    /// <summary>
    /// An actor acting on itself ("Japan ... with Japan", "Japan ... Japan's prime minister") is no event; a country
    /// and its own rebels or opposition are two actors ("Turkish jets bombed PKK positions").
    /// </summary>
    private static bool IsSelf(Actor source, Actor target) =>
        (source.Code == target.Code && !TwoGroupsOfOneCode(source, target)) || (source.Country is { } country && country == target.Country
            && ((source.Code.Value.Length == 3 && !target.Code.OpposesItsState) || (target.Code.Value.Length == 3 && !source.Code.OpposesItsState)));

    // "The head of the FARC met the leader of the ELN": two rebel groups of one country share a code, yet are two
    // parties when the text names them differently.
    private static bool TwoGroupsOfOneCode(Actor source, Actor target) =>
        source.Code.OpposesItsState && source.Resolution.StartsWith("dictionary", StringComparison.Ordinal) && target.Resolution.StartsWith("dictionary", StringComparison.Ordinal)
        && !string.Equals(source.Text, target.Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Arrest, detention, deportation, bans and curfews (CAMEO 172-175): acts only the authorities take.</summary>
    private static bool IsArrestByTheState(CameoCode code) => code.Value is "172" or "1721" or "1722" or "1723" or "1724" or "173" or "174" or "175";

    /// <summary>The most specific pattern for the trigger whose conditions hold, with the words that met them.</summary>
    private (EventPattern? Pattern, int ObjectWord, int PrepositionWord) BestPattern(SentenceView view, int trigger, bool nominal)
    {
        var lemma = view.Lemma(trigger);
        var particle = view.FirstChild(trigger, UdRelation.CompoundPrt);
        // "pulled back troops": the parser often reads a particle right after its verb as an adverb.
        if (particle < 0 && trigger + 1 < view.Count && view.Head(trigger + 1) == trigger && view.Relation(trigger + 1) == UdRelation.Advmod
            && view.Lemma(trigger + 1) is "back" or "out" or "off" or "up" or "down" or "away")
        {
            particle = trigger + 1;
        }

        var stems = StemsOf(view.Keys[trigger], lemma);

        // A dictionary may give an inflected form its own entry (PETRARCH's "LEFT [032:033]" beside "LEAVE [012]"): the form as written comes first.
        if (view.Keys[trigger] != lemma && _dictionary.For(view.Keys[trigger]).Count > 0)
        {
            stems = [view.Keys[trigger], .. stems.Where(s => s != view.Keys[trigger])];
        }

        var keys = particle >= 0 ? stems.Select(s => s + "_" + view.Lemma(particle)).Concat(stems).ToArray() : stems;
        var passive = !nominal && view.IsPassive(trigger);

        EventPattern? best = null;
        int bestObject = -1, bestPreposition = -1;
        foreach (var key in keys)
        {
            foreach (var pattern in _dictionary.For(key))
            {
                if (pattern.Nominal != nominal || (best is not null && pattern.Specificity <= best.Specificity))
                {
                    continue;
                }

                var objectWord = -1;
                if (pattern.Object is { } constraint)
                {
                    objectWord = FindObject(view, trigger, constraint, passive);
                    if (objectWord < 0 && constraint.Loose is { } loose)
                    {
                        objectWord = FollowedBy(view, trigger, loose);
                    }

                    if (objectWord < 0)
                    {
                        continue;
                    }
                }

                if (pattern.Before is { } before && !PrecededBy(view, trigger, before))
                {
                    continue;
                }

                if (pattern.TriggerModifiers is { } modifiers && !view.Children(trigger).Any(c => view.Relation(c) is UdRelation.Compound or UdRelation.Amod
                    && (modifiers.Contains(view.Lemma(c)) || modifiers.Contains(view.Keys[c]))))
                {
                    continue;
                }

                if (pattern.CompoundSubject && !view.Children(trigger, UdRelation.Nsubj).Any(subject => view.Children(subject, UdRelation.Conj).Any()))
                {
                    continue;
                }

                if (pattern.Particle is { } particleWord && !HasParticle(view, trigger, particleWord))
                {
                    continue;
                }

                var prepositionWord = -1;
                if (pattern.ClauseModals is { } modals)
                {
                    // The subject of the clause the condition names is the target, as a prepositional argument's noun is.
                    prepositionWord = ModalClauseSubject(view, trigger, modals);
                    if (prepositionWord < 0)
                    {
                        continue;
                    }
                }

                if (pattern.Preposition is { } preposition)
                {
                    prepositionWord = FindPrepositional(view, trigger, objectWord, preposition, pattern.PrepositionObject);
                    if (prepositionWord < 0)
                    {
                        continue;
                    }
                }

                (best, bestObject, bestPreposition) = (pattern, objectWord, prepositionWord);
            }

            if (best is not null)
            {
                break;
            }
        }

        return (best, bestObject, bestPreposition);
    }

    private static bool HasParticle(SentenceView view, int trigger, string particle) =>
        view.Children(trigger).Any(c => (view.Relation(c) == UdRelation.CompoundPrt && view.Lemma(c) == particle)
            || ((UdRelation.IsOblique(view.Relation(c)) || view.Relation(c) == UdRelation.Advmod) && (view.CaseOf(c) == particle || view.Lemma(c) == particle)));

    /// <summary>
    /// The lemma, then simple stems of the surface form, so a lemmatiser slip ("bombed" → "bombe") does not hide a
    /// known trigger.
    /// </summary>
    private static string[] StemsOf(string surface, string lemma)
    {
        var stems = new List<string>(4) { lemma };
        void Try(string candidate)
        {
            if (candidate.Length > 2 && !stems.Contains(candidate))
            {
                stems.Add(candidate);
            }
        }

        if (surface.EndsWith("ed", StringComparison.Ordinal))
        {
            Try(surface[..^2]);
            Try(surface[..^1]);
        }
        else if (surface.EndsWith("ing", StringComparison.Ordinal))
        {
            Try(surface[..^3]);
            Try(surface[..^3] + "e");
        }
        else if (surface.EndsWith('s'))
        {
            Try(surface[..^1]);
        }

        return [.. stems];
    }

    private static int FindObject(SentenceView view, int trigger, WordConstraint constraint, bool passive)
    {
        var candidates = view.Children(trigger, UdRelation.Obj).Concat(view.Children(trigger, UdRelation.Iobj));
        if (passive)
        {
            candidates = candidates.Concat(view.Children(trigger, UdRelation.NsubjPass));
        }

        // An object may be coordinated ("talks and consultations") or come as an xcomp noun.
        foreach (var word in candidates)
        {
            if (Satisfies(view, word, constraint))
            {
                return word;
            }

            foreach (var conj in view.Children(word, UdRelation.Conj))
            {
                if (Satisfies(view, conj, constraint))
                {
                    return conj;
                }
            }
        }

        return -1;
    }

    /// <summary>"cease-fire" as one word: the tokenizer splits it, and the parse makes "cease" a compound of "fire".</summary>
    private static string? HyphenatedWith(SentenceView view, int word) =>
        word >= 2 && view.Keys[word - 1] == "-" && view.Head(word - 2) == word ? HyphenJoined(view.Keys[word - 2], view.Keys[word]) : null;

    /// <summary>Two words joined by a hyphen, as a pattern's condition writes them.</summary>
    internal static string HyphenJoined(string before, string after) => before + "-" + after;

    private static bool Satisfies(SentenceView view, int word, WordConstraint constraint)
    {
        var lemmaMatched = constraint.AnyLemma || constraint.Lemmas.Contains(view.Lemma(word)) || constraint.Lemmas.Contains(view.Keys[word])
            || (view.Keys[word].EndsWith('s') && constraint.Lemmas.Contains(view.Keys[word][..^1]))
            || (HyphenatedWith(view, word) is { } whole && (constraint.Lemmas.Contains(whole) || (whole.EndsWith('s') && constraint.Lemmas.Contains(whole[..^1]))));

        // PETRARCH reads "* ARTILLERY" as a word of the object phrase: "fired two artillery shells".
        if (!lemmaMatched && !(constraint.InPhrase && view.Children(word).Any(c => view.Relation(c) is UdRelation.Compound or UdRelation.Amod
            && (constraint.Lemmas.Contains(view.Lemma(c)) || constraint.Lemmas.Contains(view.Keys[c])))))
        {
            return false;
        }

        if (constraint.Sequence is { } sequence)
        {
            return EndsBefore(view, sequence, sequence.Count - 1, word, view.SubtreeSpan(word).First);
        }

        return constraint.Modifiers.Count == 0
            || view.Children(word).Any(c => constraint.Modifiers.Contains(view.Lemma(c)) || constraint.Modifiers.Contains(view.Keys[c]));
    }

    /// <summary>
    /// The words a pattern wants before the verb, within its clause; for a verb under "try to", "want to", or in a
    /// complement clause, the clause of the verb that governs it ("won't try to clash", "indicated it would act").
    /// </summary>
    private static bool PrecededBy(SentenceView view, int trigger, IReadOnlyList<WordSlot> before)
    {
        var clause = trigger;
        while (view.Relation(clause) is UdRelation.Xcomp or UdRelation.Ccomp && view.Head(clause) >= 0)
        {
            clause = view.Head(clause);
        }

        return EndsBefore(view, before, before.Count - 1, trigger, view.SubtreeSpan(clause).First);
    }

    /// <summary>The last of the words <paramref name="slots"/> names after the verb, in order, within the verb's clause; -1 if they are not all there.</summary>
    private static int FollowedBy(SentenceView view, int trigger, IReadOnlyList<WordSlot> slots)
    {
        for (var end = view.SubtreeSpan(trigger).Last; end > trigger; end--)
        {
            foreach (var words in slots[^1].Alternatives)
            {
                var start = end - words.Length + 1;
                if (start > trigger && WordsAt(view, words, start) && EndsBefore(view, slots, slots.Count - 2, start, trigger + 1))
                {
                    return end;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether slots 0..<paramref name="slot"/> occur in order before position <paramref name="next"/> and no earlier
    /// than <paramref name="first"/>, each adjacent slot right before what follows it (trying every placement).
    /// </summary>
    private static bool EndsBefore(SentenceView view, IReadOnlyList<WordSlot> slots, int slot, int next, int first)
    {
        if (slot < 0)
        {
            return true;
        }

        var wanted = slots[slot];
        for (var end = next - 1; end >= first; end--)
        {
            foreach (var words in wanted.Alternatives)
            {
                var start = end - words.Length + 1;
                if (start >= first && WordsAt(view, words, start) && EndsBefore(view, slots, slot - 1, start, first))
                {
                    return true;
                }
            }

            if (wanted.Adjacent)
            {
                break;
            }
        }

        return false;
    }

    private static bool WordsAt(SentenceView view, string[] words, int start)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (view.Keys[start + k] != words[k] && view.Lemma(start + k) != words[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="word"/> is <paramref name="alternatives"/> or one of its "|"-separated words.</summary>
    private static bool IsOneOf(string word, string alternatives)
    {
        foreach (var range in alternatives.AsSpan().Split('|'))
        {
            if (alternatives.AsSpan(range).SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject of a clause the trigger governs whose verb one of these modals governs, when that subject is itself
    /// an actor ("said Japan should open its market", "the two countries must first restore trust, Seoul said"); -1
    /// otherwise. A pronoun subject is most often the speaker itself ("Japan said it should cut tariffs"), no appeal to
    /// anyone; a thing is asked nothing, whoever it names ("its disputes with Greece should be solved", "the Canadian
    /// pacts should serve"); nor is the subject of a passive ("Macao should be returned").
    /// </summary>
    private static int ModalClauseSubject(SentenceView view, int trigger, IReadOnlySet<string> modals)
    {
        foreach (var clause in view.Children(trigger, UdRelation.Ccomp))
        {
            if (view.Children(clause).Any(c => view.Relation(c) == UdRelation.Aux && modals.Contains(view.Keys[c])) && !view.IsPassive(clause)
                && view.FirstChild(clause, UdRelation.Nsubj) is var subject and >= 0 && !view.IsPronoun(subject)
                && (view.MatchAt[subject] is not null || view.Children(subject).Any(c => view.Lemma(c) is "two" or "both")))
            {
                return subject;
            }
        }

        return -1;
    }

    /// <summary>An argument introduced by <paramref name="preposition"/> ("on", or alternatives "on|in"), on the trigger or on its object ("sanctions on North Korea").</summary>
    private static int FindPrepositional(SentenceView view, int trigger, int objectWord, string preposition, WordConstraint? constraint)
    {
        var owners = new List<int> { trigger };
        if (objectWord >= 0)
        {
            owners.Add(objectWord);

            // The object word may be a modifier ("their" in "warned their populations about ..."): its phrase's head counts too.
            if (view.Relation(objectWord) is UdRelation.NmodPoss or UdRelation.Amod or UdRelation.Compound or UdRelation.Det && view.Head(objectWord) is var phraseHead and >= 0 && phraseHead != trigger)
            {
                owners.Add(phraseHead);
            }
        }

        foreach (var owner in owners)
        {
            foreach (var child in view.Children(owner))
            {
                var rel = view.Relation(child);
                if (!(UdRelation.IsOblique(rel) || UdRelation.IsNominalModifier(rel) || rel == UdRelation.Advcl))
                {
                    continue;
                }

                // "fired a missile on Sunday": a phrase of time is when, never what the preposition's pattern asks for.
                if (view.CaseOf(child) is { } found && IsOneOf(found, preposition) && (constraint is null || Satisfies(view, child, constraint)) && !NamesATime(view, child))
                {
                    return child;
                }
            }
        }

        return -1;
    }

    private static bool NamesATime(SentenceView view, int word) =>
        view.Lemma(word).ToLowerInvariant() is var key
        && (Time.TimeExpressionRecognizer.IsCalendarWord(key) || key is "day" or "night" or "weekend" or "morning" or "afternoon" or "evening" or "eve" or "occasion" or "anniversary");

    private static TargetShape TargetShapeOf(EventPattern pattern) =>
        new(pattern.Unary, pattern.Object is null || pattern.Object.AnyLemma, pattern.FirstActorAfterVerb);

    /// <summary>"Japan relaxed its sanctions on North Korea, which in turn promised ...": North Korea answers Japan.</summary>
    private static Actor? InTurnTarget(SentenceView view, int trigger, List<SentenceEvent> events)
    {
        var modified = UdRelation.IsAdnominalClause(view.Relation(trigger)) ? view.Head(trigger) : -1;
        if (modified < 0 && view.FirstChild(trigger, UdRelation.Nsubj) is var subject and >= 0 && view.IsRelativePronoun(subject))
        {
            modified = ArgumentFinder.Antecedent(view, subject);
        }

        if (modified < 0)
        {
            return null;
        }

        var modifiedSpan = view.SpanOf(modified, modified);
        foreach (var earlier in events)
        {
            if (earlier.Target is { } target && target.Span.Contains(modifiedSpan))
            {
                return earlier.Source;
            }
        }

        return null;
    }
}
