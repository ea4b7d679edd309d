using Dyad.Actors;
using Dyad.Arguments;
using Dyad.Events;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Vetting;

/// <summary>An actor named in a sentence: the head word of its phrase and the actor it resolves to.</summary>
internal sealed record ActorMention(int Head, Actor Actor);

/// <summary>A source and (or no) target among a sentence's actor mentions, with what the pair model reads of them.</summary>
internal sealed record ActorPair(ActorMention Source, ActorMention? Target, int Anchor, IReadOnlyList<string> Features);

/// <summary>
/// Every ordered pair of actors a parsed sentence names, and each actor alone, as candidates for the pair model: it
/// reads the dependency path between the two (the words and relations that say what one did to the other), the
/// word that governs both, and what the event dictionaries say that word can mean.
/// </summary>
internal static class ActorPairs
{
    private const int LongestPath = 7;

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal)
    {
        "franc", "dollar", "dlr", "yen", "mark", "pound", "sterling", "lira", "peso", "rupee", "rouble", "ruble", "yuan", "won",
        "krona", "krone", "guilder", "schilling", "escudo", "peseta", "drachma", "rand", "riyal", "dinar", "shekel", "euro", "ecu",
    };

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "inside", "outside", "across", "throughout", "around", "within" };

    public static IReadOnlyList<ActorMention> Mentions(SentenceView view, DocumentContext context, StoryMentions? story = null)
    {
        var heads = new SortedSet<int>();
        ActorMatch? previous = null;
        for (var i = 0; i < view.Count; i++)
        {
            if (view.MatchAt[i] is not { } match || ReferenceEquals(match, previous))
            {
                continue;
            }

            previous = match;
            // A name spelt like a function word ("WHO" as "who", "US" as "us") is that word when tagged as one.
            if (match.End - match.Start == 1 && view[match.Start].Upos is UdTag.Pron or UdTag.Det or UdTag.Adp or UdTag.Aux or UdTag.Sconj or UdTag.Cconj or UdTag.Part or UdTag.Adv)
            {
                continue;
            }

            // "a Swiss franc notes issue", "the U.S. dollar": a currency's country is no party to anything.
            if (IsCurrency(view, view.Head(match.End - 1)) || (match.End < view.Count && IsCurrency(view, match.End)))
            {
                continue;
            }

            heads.Add(PhraseHead(view, match.Start, match.End));
        }

        for (var i = 0; i < view.Count; i++)
        {
            // A personal pronoun may stand for an actor named earlier ("it", "he"); the resolver knows which.
            if (view.IsPronoun(i) && !view.IsRelativePronoun(i) && UdRelation.IsNominalSubject(view.Relation(i)))
            {
                heads.Add(i);
            }
        }

        // A surname alone ("Baker said") names the person an earlier sentence named in full. The tagger may read a
        // surname that is also a word as a noun ("Baker", "Howe"), so a capitalised noun counts too.
        var bySurname = new Dictionary<int, Actor>();
        for (var i = 0; story is not null && i < view.Count; i++)
        {
            if (view.MatchAt[i] is null && view[i].Upos is UdTag.Propn or UdTag.Noun && char.IsUpper(view.Sentence.Tokens[i].Text[0])
                && story.PersonBySurname(view.Sentence.Tokens[i].Text) is { } person)
            {
                var head = PhraseHead(view, i, i + 1);
                if (view.MatchAt[head] is null && heads.Add(head))
                {
                    var span = view.SpanOf(i, i);
                    bySurname[head] = person with { Text = view.TextOf(span), Span = span, Resolution = $"refers back to '{person.Text}'" };
                }
            }
        }

        var mentions = new List<ActorMention>();
        foreach (var head in heads)
        {
            if (bySurname.TryGetValue(head, out var named))
            {
                mentions.Add(new ActorMention(head, named));
                continue;
            }

            if (view.IsPronoun(head))
            {
                if (story?.Antecedent(view, head, mentions) is { } antecedent)
                {
                    var span = view.SpanOf(head, head);
                    mentions.Add(new ActorMention(head, antecedent with { Text = view.TextOf(span), Span = span, Resolution = $"'{view.TextOf(span)}' read as '{antecedent.Text}'" }));
                }

                continue;
            }

            // "talks in Brussels", "a plant in central Japan": a name after a preposition of place is where, not who.
            if (view.CaseOf(head) is { } preposition && PlacePrepositions.Contains(preposition))
            {
                continue;
            }

            // "summoned the leaders of Serbia and Kosovo to Brussels", "invited Putin to Washington": where a verb
            // moves an actor it acts on, "to" names the destination, not a party.
            if (IsDestinationOfAnActor(view, head))
            {
                continue;
            }

            // "U.S. oil stocks rallied": a market or an economic quantity is nobody, whoever's it is.
            if (ArgumentFinder.IsEconomicThing(view, head) && UdRelation.IsNominalSubject(view.Relation(head)))
            {
                continue;
            }

            foreach (var actor in ActorResolver.Resolve(view, head, context))
            {
                // An actor with no country ("---GOV": "the governor") can be no side of a dyad.
                if (actor.Country is null && !actor.Code.Value.StartsWith("IGO", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!mentions.Any(m => m.Actor.Code == actor.Code && m.Head == head))
                {
                    mentions.Add(new ActorMention(head, actor));
                }
            }
        }

        story?.Remember(view, mentions);
        return mentions;
    }

    /// <summary>Whether a word is the "to" phrase of a verb that summons, invites or brings an actor its direct object names: where that actor goes.</summary>
    private static bool IsDestinationOfAnActor(SentenceView view, int word)
    {
        // Only verbs that move whom they act on: "sent a delegation to Moscow" sends it to a party.
        if (view.CaseOf(word) != "to" || view.Head(word) is var verb && (verb < 0 || view.Lemma(verb) is not ("summon" or "invite" or "bring")))
        {
            return false;
        }

        var obj = view.ObjectOf(verb, passive: false);
        if (obj < 0 || obj > word)
        {
            return false;
        }

        var (first, last) = view.SubtreeSpan(obj);
        return Enumerable.Range(first, last - first + 1).Any(i => view.MatchAt[i] is not null);
    }

    // A noun, not a verb of the same spelling ("Japan marks the anniversary").
    private static bool IsCurrency(SentenceView view, int word) =>
        word >= 0 && view[word].Upos is UdTag.Noun or UdTag.Propn && Currencies.Contains(view.Lemma(word).ToLowerInvariant());

    /// <summary>The word heading the noun phrase that holds words [start, end): up through the phrase's own relations.</summary>
    private static int PhraseHead(SentenceView view, int start, int end)
    {
        var head = start;
        for (var i = start; i < end; i++)
        {
            var up = view.Head(i);
            if (up < start || up >= end)
            {
                head = i;
            }
        }

        for (var steps = 0; steps < 4; steps++)
        {
            var up = view.Head(head);
            var relation = view.Relation(head);
            if (up < 0 || relation is not (UdRelation.Compound or UdRelation.Amod or UdRelation.NmodPoss or UdRelation.Flat or UdRelation.FlatName))
            {
                break;
            }

            head = up;
        }

        return head;
    }

    public static IReadOnlyList<ActorPair> Of(SentenceView view, IReadOnlyList<ActorMention> mentions, EventDictionary dictionary, EventDictionary? moreMeanings, SentenceTriggers? triggers = null)
    {
        var pairs = new List<ActorPair>();
        foreach (var source in mentions)
        {
            pairs.Add(Alone(view, source, dictionary, moreMeanings, triggers));
            foreach (var target in mentions)
            {
                // Actors listed together ("the U.S., Britain and France") do nothing to one another by being listed.
                // Nor does an actor named inside another's phrase ("Chinese" in "Japanese and Chinese ministers").
                // A firm's ordinary business with another firm is no political event.
                if (IsBusiness(source.Actor) && IsBusiness(target.Actor))
                {
                    continue;
                }

                if (target.Head != source.Head && target.Actor.Code != source.Actor.Code && CoordinationOf(view, target.Head) != CoordinationOf(view, source.Head)
                    && !source.Actor.Span.Overlaps(target.Actor.Span))
                {
                    pairs.Add(Between(view, source, target, dictionary, moreMeanings, triggers));
                }
            }
        }

        return pairs;
    }

    private static ActorPair Alone(SentenceView view, ActorMention source, EventDictionary dictionary, EventDictionary? moreMeanings, SentenceTriggers? triggers)
    {
        var features = Common(view, source, null);
        var governor = view.Head(source.Head);
        var anchor = governor >= 0 ? governor : source.Head;
        features.Add("alone.relation=" + view.Relation(source.Head));
        features.Add("alone.governor=" + (governor >= 0 ? view.Lemma(governor) : "ROOT"));
        if (governor >= 0)
        {
            features.Add("alone.governor+relation=" + view.Lemma(governor) + "|" + view.Relation(source.Head));
            foreach (var child in view.Children(governor))
            {
                if (child != source.Head && view.Relation(child) is UdRelation.Obj or UdRelation.Xcomp)
                {
                    features.Add("alone.governor+" + view.Relation(child) + "=" + view.Lemma(governor) + "|" + view.Lemma(child));
                }
            }

            Meanings(view, governor, dictionary, moreMeanings, "alone.", features);
            Triggered(view, governor, triggers, "alone.trigger", features);
            foreach (var child in view.Children(governor).Where(c => view.Relation(c) is UdRelation.Obj or UdRelation.Xcomp or UdRelation.Ccomp))
            {
                Triggered(view, child, triggers, "alone.trigger.below", features);
            }
        }

        return new ActorPair(source, null, anchor, features);
    }

    private static ActorPair Between(SentenceView view, ActorMention source, ActorMention target, EventDictionary dictionary, EventDictionary? moreMeanings, SentenceTriggers? triggers)
    {
        var features = Common(view, source, target);
        var up = PathUp(view, source.Head);
        var down = PathUp(view, target.Head);
        var common = up.FirstOrDefault(down.Contains, -1);
        var anchor = common >= 0 ? common : source.Head;
        features.Add("order=" + (source.Head < target.Head ? "source-first" : "target-first"));
        if (common < 0)
        {
            features.Add("path=none");
        }
        else
        {
            var fromSource = up.TakeWhile(w => w != common).ToList();
            var fromTarget = down.TakeWhile(w => w != common).ToList();
            var length = fromSource.Count + fromTarget.Count;
            features.Add("path.length=" + Math.Min(length, LongestPath));
            var sourceSide = string.Join('<', fromSource.Select(w => view.Relation(w)));
            var targetSide = string.Join('>', fromTarget.Select(w => view.Relation(w)));
            features.Add("path.relations=" + sourceSide + "^" + targetSide);
            features.Add("path.top=" + view.Lemma(common) + "|" + sourceSide + "^" + targetSide);
            features.Add("top=" + view.Lemma(common));
            features.Add("top.tag=" + view[common].Upos);
            features.Add("top+source=" + view.Lemma(common) + "|" + (fromSource.Count > 0 ? view.Relation(fromSource[^1]) : "self"));
            features.Add("top+target=" + view.Lemma(common) + "|" + (fromTarget.Count > 0 ? view.Relation(fromTarget[^1]) : "self"));
            if (fromTarget.Count > 0 && view.CaseOf(fromTarget[^1]) is { } preposition)
            {
                features.Add("top+preposition=" + view.Lemma(common) + "|" + preposition);
            }

            foreach (var word in fromSource.Skip(1).Concat(fromTarget.Skip(1)))
            {
                features.Add("on-path=" + view.Lemma(word));
            }

            if (view.IsNegated(common))
            {
                features.Add("top.negated");
            }

            Meanings(view, common, dictionary, moreMeanings, string.Empty, features);
            Triggered(view, common, triggers, "trigger.top", features);
            // The word that governs both with the roles the two play under it ("attack|nsubj|obj"), and the same for
            // the root the trigger model reads in it: who does what to whom.
            var roles = (fromSource.Count > 0 ? view.Relation(fromSource[^1]) : "self") + "|" + (fromTarget.Count > 0 ? view.Relation(fromTarget[^1]) : "self");
            features.Add("top+roles=" + view.Lemma(common) + "|" + roles);
            if (triggers?[common] is { Label: not PairModel.None, Lead: > -10 } top)
            {
                features.Add("trigger.top+roles=" + PairModel.RootOf(top.Label) + "|" + roles);
            }
            foreach (var word in fromSource.Skip(1).Concat(fromTarget.Skip(1)))
            {
                Triggered(view, word, triggers, "trigger.path", features);
            }

            foreach (var child in view.Children(common).Where(c => view.Relation(c) is UdRelation.Obj or UdRelation.Xcomp or UdRelation.Ccomp && !fromSource.Contains(c) && !fromTarget.Contains(c)))
            {
                Triggered(view, child, triggers, "trigger.below", features);
                // What the governing verb acts on tells its sense: "launched an attack" is force, "launched a
                // mediation effort" is not; "held talks", "signed an accord".
                if (view.Relation(child) is UdRelation.Obj or UdRelation.Xcomp)
                {
                    features.Add("top+" + view.Relation(child) + "=" + view.Lemma(common) + "|" + view.Lemma(child));
                }
            }
            foreach (var word in fromTarget.Skip(1).Where(w => view[w].Upos is UdTag.Noun or UdTag.Verb))
            {
                Meanings(view, word, dictionary, moreMeanings, "inner.", features);
            }
        }

        var (first, last) = (Math.Min(source.Head, target.Head), Math.Max(source.Head, target.Head));
        for (var i = first + 1; i < last && i < first + 12; i++)
        {
            if (view[i].Upos is UdTag.Verb or UdTag.Noun or UdTag.Adp)
            {
                features.Add("between=" + view.Lemma(i));
            }
        }

        return new ActorPair(source, target, anchor, features);
    }

    private static List<string> Common(SentenceView view, ActorMention source, ActorMention? target)
    {
        var features = new List<string>(48)
        {
            "bias",
            "source.kind=" + Kind(source.Actor),
            "source.relation=" + view.Relation(source.Head),
            "target.kind=" + (target is null ? "none" : Kind(target.Actor)),
        };

        if (target is not null)
        {
            features.Add("target.relation=" + view.Relation(target.Head));
            features.Add("kinds=" + Kind(source.Actor) + "|" + Kind(target.Actor));
            if (source.Actor.Country is { } country && country == target.Actor.Country)
            {
                features.Add("same-country");
            }
        }

        return features;
    }

    /// <summary>What the trigger model makes of a word: the root it names (how surely), or none.</summary>
    private static void Triggered(SentenceView view, int word, SentenceTriggers? triggers, string name, List<string> features)
    {
        if (triggers is null || word < 0)
        {
            return;
        }

        // The judgement in bands of its lead over none: the pair model learns how far to trust each.
        var judged = triggers[word];
        var band = judged.Lead switch { > 10 => "sure", > 0 => "likely", > -10 => "possible", _ => "unlikely" };
        if (judged.Label == PairModel.None)
        {
            features.Add(name + "=none");
            return;
        }

        var root = PairModel.RootOf(judged.Label);
        features.Add(name + ".band=" + band);
        features.Add(name + "=" + root + "|" + band);
        if (judged.Lead > -10)
        {
            features.Add(name + "=" + root);
        }

        if (view.IsNegated(word))
        {
            features.Add(name + ".negated");
        }
    }

    /// <summary>What the event dictionaries say a word can mean: the CAMEO roots of the patterns it triggers.</summary>
    private static void Meanings(SentenceView view, int word, EventDictionary dictionary, EventDictionary? moreMeanings, string prefix, List<string> features)
    {
        foreach (var (name, source) in new[] { ("dyad", dictionary), ("more", moreMeanings) })
        {
            if (source is null)
            {
                continue;
            }

            foreach (var root in source.RootsMeant(view.Lemma(word)))
            {
                features.Add(prefix + name + ".root=" + root);
            }
        }
    }

    /// <summary>What the pattern coder coded between the pair's two actors (by country), as features.</summary>
    public static IEnumerable<string> PatternFeatures(ActorPair pair, IReadOnlyList<SentenceEvent> coded)
    {
        var source = pair.Source.Actor.Country ?? pair.Source.Actor.Code.Value;
        var target = pair.Target is null ? null : pair.Target.Actor.Country ?? pair.Target.Actor.Code.Value;
        var any = false;
        foreach (var e in coded)
        {
            var (s, t) = (e.Source.Country ?? e.Source.Code.Value, e.Target is null ? null : e.Target.Country ?? e.Target.Code.Value);
            if (s == source && t == target)
            {
                any = true;
                yield return "pattern.root=" + e.Pattern.Code.Root;
            }
            else if (s == target && t == source)
            {
                yield return "pattern.reverse.root=" + e.Pattern.Code.Root;
            }
        }

        yield return any ? "pattern.coded" : "pattern.none";
    }

    private static bool IsBusiness(Actor actor) => actor.Sectors.Count > 0 && actor.Sectors[0] == "BUS";

    /// <summary>The first conjunct of the coordination a word belongs to (the word itself when it is in none).</summary>
    private static int CoordinationOf(SentenceView view, int word)
    {
        while (view.Relation(word) == UdRelation.Conj && view.Head(word) >= 0)
        {
            word = view.Head(word);
        }

        return word;
    }

    private static List<int> PathUp(SentenceView view, int word)
    {
        var path = new List<int>();
        for (var at = word; at >= 0 && path.Count < 12; at = view.Head(at))
        {
            path.Add(at);
        }

        return path;
    }

    private static string Kind(Actor actor) =>
        actor.Code.Value.StartsWith("IGO", StringComparison.Ordinal) ? "igo"
        : actor.Country is null ? "other:" + (actor.Code.Value.Length >= 3 ? actor.Code.Value[..3] : actor.Code.Value)
        : actor.Code.Value.Length == 3 ? "country" : "role:" + actor.Code.Value[3..Math.Min(6, actor.Code.Value.Length)];
}
