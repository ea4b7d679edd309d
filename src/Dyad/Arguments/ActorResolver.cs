using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Arguments;

/// <summary>
/// Turns a noun phrase of the parse into actors: the dictionary phrases inside it (a country, a person, an
/// organisation) combined with its role noun ("Japanese officials" = JPN + GOV, "North Korea's ruling party" =
/// PRK + GOV), one actor per conjunct ("Japan and North Korea"), and, for phrases that name no one
/// ("the party", "it", "both sides"), the document's context.
/// </summary>
internal static class ActorResolver
{
    // Relations that stay inside one actor's noun phrase.
    private static readonly FrozenSet<string> PhraseRelations = new[]
    {
        UdRelation.Compound, UdRelation.Amod, UdRelation.NmodPoss, UdRelation.Flat, UdRelation.FlatName, UdRelation.Appos, UdRelation.Det, UdRelation.Nummod, UdRelation.Nmod, UdRelation.NmodDesc, UdRelation.NmodUnmarked, UdRelation.Case, UdRelation.Fixed,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SeniorityWords = new[]
    {
        "senior", "high-ranking", "high-level", "top", "chief", "deputy", "vice", "ranking", "leading", "veteran", "close",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The actors a phrase headed by <paramref name="head"/> names: one per conjunct, possibly none.</summary>
    public static IReadOnlyList<Actor> Resolve(SentenceView view, int head, DocumentContext context)
    {
        var actors = new List<Actor>();
        if (CoordinatedModifiers(view, head, context) is { } split)
        {
            return split;
        }

        // "Lawmakers and officials in Fornost and Gondor": a name after the last conjunct belongs to them all.
        var conjuncts = Conjuncts(view, head, context).ToList();
        var sharedNames = conjuncts.Count > 1 && view.Children(head).Any(c => c > conjuncts[^1]
            && UdRelation.IsNominalModifier(view.Relation(c)) && view.MatchAt[c] is { IsAgent: false });
        foreach (var conjunct in conjuncts)
        {
            if (BothSides(view, conjunct, context) is { } pair)
            {
                actors.AddRange(pair);
                continue;
            }

            if (ResolveOne(view, conjunct, context) is { } actor)
            {
                if (sharedNames && conjunct != head && actor.Code.Country is null && actor.Code.Value.Length > 3 && actors.Count > 0)
                {
                    var role = "~" + actor.Code.Value[3..];
                    foreach (var country in actors.Select(a => a.Code.Country).OfType<string>().Distinct().ToList())
                    {
                        actors.Add(actor with { Code = Combine(ActorCode.Parse(country), role), Resolution = actor.Resolution + " + the name shared by the conjuncts" });
                    }

                    continue;
                }

                // "ties with Mordor, Rohan and Bree": the name found inside the phrase is coordinated; so are its conjuncts.
                foreach (var inner in NamedInside(view, conjunct, actor, context))
                {
                    if (!actors.Any(a => a.Code == inner.Code) && inner.Code != actor.Code)
                    {
                        actors.Add(inner);
                    }
                }

                // PETRARCH dictionaries may give one phrase several actors ("[ELR/GAL]").
                if (actor.Resolution.Contains(" +alternatives ", StringComparison.Ordinal))
                {
                    actors.AddRange(Alternatives(actor));
                }
                else
                {
                    actors.Add(actor);
                }
            }
        }

        return actors;
    }

    /// <summary>
    /// The conjuncts of the dictionary name that an actor phrase was resolved by, when that name lies inside the
    /// phrase rather than at its head ("the resumption of ties with Mordor, Rohan, Fornost and Bree").
    /// </summary>
    private static IEnumerable<Actor> NamedInside(SentenceView view, int head, Actor actor, DocumentContext context)
    {
        if (!actor.Resolution.StartsWith("dictionary", StringComparison.Ordinal) || view.MatchAt[head] is { IsAgent: false })
        {
            yield break;
        }

        var phrase = view.Subtree(head, rel => PhraseRelations.Contains(rel));
        foreach (var word in phrase)
        {
            if (word == head || view.MatchAt[word] is not { IsAgent: false } match || match.Start != word
                || match.On(context.Date)?.Code is not { } code || !actor.Code.Value.StartsWith(code, StringComparison.Ordinal))
            {
                continue;
            }

            // "Lawmakers in Fornost and Gondor": the role the head added to the first name goes to the others too.
            var role = actor.Code.Value.Length > code.Length && code.Length == 3 ? "~" + actor.Code.Value[code.Length..] : null;
            foreach (var conj in view.Children(word, UdRelation.Conj))
            {
                if (view.MatchAt[conj] is { IsAgent: false } && ResolveOne(view, conj, context) is { } other)
                {
                    yield return role is not null && other.Code.Value.Length == 3 ? other with { Code = Combine(other.Code, role), Resolution = other.Resolution + " + agent of the first conjunct" } : other;
                }
            }

            yield break;
        }
    }

    /// <summary>"Japanese and Chinese foreign ministers": one actor per coordinated modifier, each with the head's role.</summary>
    private static List<Actor>? CoordinatedModifiers(SentenceView view, int head, DocumentContext context)
    {
        foreach (var modifier in view.Children(head))
        {
            if (view.Relation(modifier) is not (UdRelation.Amod or UdRelation.Compound or UdRelation.NmodPoss) || view.MatchAt[modifier] is not { IsAgent: false })
            {
                continue;
            }

            var coordinated = view.Children(modifier, UdRelation.Conj).Where(c => view.MatchAt[c] is { IsAgent: false }).ToList();
            if (coordinated.Count == 0)
            {
                continue;
            }

            var role = view.MatchAt[head] is { IsAgent: true } agent ? agent.On(context.Date)?.Code : null;
            var phrase = view.Subtree(head, rel => PhraseRelations.Contains(rel) || rel == UdRelation.Conj || rel == UdRelation.Cc);
            var span = view.SpanOf(phrase[0], phrase[^1]);
            var text = view.TextOf(span);
            var result = new List<Actor>();
            foreach (var word in coordinated.Prepend(modifier))
            {
                if (view.MatchAt[word]!.On(context.Date) is { } entry && ActorCode.TryParse(entry.Code, out var code))
                {
                    var combined = role is not null && code.Value.Length == 3 ? Combine(code, role) : code;
                    result.Add(new Actor(combined, text, span, $"coordinated modifier: dictionary {entry.Source}" + (role is null ? string.Empty : " + agent")));
                }
            }

            return result.Count > 1 ? result : null;
        }

        return null;
    }

    private static IEnumerable<int> Conjuncts(SentenceView view, int head, DocumentContext context)
    {
        yield return head;
        foreach (var conj in view.Children(head, UdRelation.Conj))
        {
            if (view[conj].Upos is UdTag.Noun or UdTag.Propn or UdTag.Pron)
            {
                yield return conj;
            }
        }

        // "Mordor, the awful Fornost, and Gondor": one country is never another's apposition; the parser
        // mistook a list for one.
        string? headCountry = null;
        foreach (var appos in view.Children(head, UdRelation.Appos))
        {
            headCountry ??= CountryNamedAt(view, head, context) ?? view.Children(head, UdRelation.Flat).Select(f => CountryNamedAt(view, f, context)).FirstOrDefault(c => c is not null);
            if (headCountry is not null && CountryNamedAt(view, appos, context) is { } other && other != headCountry)
            {
                yield return appos;
            }
        }
    }

    /// <summary>
    /// Who says the clause a word stands in: the subject of the reporting verb ("said", "told") that the clause hangs
    /// on, before or after it; -1 when the word is not in reported speech or the speaker is only a pronoun.
    /// </summary>
    private static int Speaker(SentenceView view, int word)
    {
        for (var current = word; view.Head(current) is var head and >= 0; current = head)
        {
            if (view.Relation(current) is UdRelation.Ccomp or UdRelation.Parataxis && FrameVerbs.Reporting.Contains(view.Lemma(head)))
            {
                var subject = view.FirstChild(head, UdRelation.Nsubj);
                return subject >= 0 && !view.IsPronoun(subject) ? subject : -1;
            }
        }

        return -1;
    }

    private static string? CountryNamedAt(SentenceView view, int word, DocumentContext context) =>
        view.MatchAt[word] is { IsAgent: false } match && match.On(context.Date)?.Code is { } code
        && ActorCode.TryParse(code, out var parsed) && parsed.Value.Length == 3 ? parsed.Country : null;

    private static Actor? ResolveOne(SentenceView view, int head, DocumentContext context)
    {
        var phrase = view.Subtree(head, rel => PhraseRelations.Contains(rel));
        var span = view.SpanOf(phrase[0], phrase[^1]);
        var text = view.TextOf(span);
        var seniority = Seniority(view, phrase);

        // Dictionary phrases wholly inside this noun phrase.
        ActorMatch? named = null;
        var namedDistance = int.MaxValue;
        ActorMatch? agent = null;
        var agentDistance = int.MaxValue;
        ActorEntry? prefix = null;
        foreach (var word in phrase)
        {
            if (view.MatchAt[word] is not { } match || match.Start < phrase[0] || match.End - 1 > phrase[^1])
            {
                continue;
            }

            var distance = match.Start <= head && head < match.End ? 0 : Math.Min(Math.Abs(match.Start - head), Math.Abs(match.End - 1 - head));
            if (match.IsAgent)
            {
                // "An MSF Arnor diplomat": an organisation's prefix ("NGO~") may stack with the role ("~GOV").
                if (match.Start == word && prefix is null && match.On(context.Date) is { } entry && entry.Code.EndsWith('~'))
                {
                    prefix = entry;
                }

                if (distance < agentDistance || (distance == agentDistance && match.End - match.Start > agent!.End - agent.Start))
                {
                    (agent, agentDistance) = (match, distance);
                }
            }
            else if (Nearer(match, distance))
            {
                (named, namedDistance) = (match, distance);
            }
        }

        // A person's name known only at other dates ("Michael Smith", an Irish minister from 2003, in 1987) gives way
        // to a country the rest of the phrase names ("Deputy U.S. Trade Representative").
        bool Nearer(ActorMatch match, int distance)
        {
            var (candidate, current) = (match.On(context.Date), named?.On(context.Date));
            bool Guess(ActorEntry? e) => e is { OutsideItsDates: true };
            bool OtherCountry() => candidate is { Code.Length: >= 3 } && current is { Code.Length: >= 3 } && candidate.Code[..3] != current.Code[..3];
            if (Guess(candidate) && !Guess(current) && current is not null && OtherCountry())
            {
                return false;
            }

            return distance < namedDistance || (Guess(current) && candidate is not null && !Guess(candidate) && OtherCountry());
        }

        // "Ithilen's minister Calimehtar": whose minister the possessive says outranks whom the name says.
        if (agent is not null && named is not null && view.FirstChild(agent.End - 1, UdRelation.NmodPoss) is var employer and >= 0
            && view.MatchAt[employer] is { IsAgent: false } employerMatch && employerMatch != named && employerMatch.Start >= phrase[0])
        {
            named = employerMatch;
        }

        var date = context.Date;
        var namedEntry = named?.On(date);
        var agentEntry = agent?.On(date);
        var headLemma = view.Lemma(head);

        if (namedEntry is not null && namedEntry.Code.Contains('/', StringComparison.Ordinal))
        {
            var codes = namedEntry.Code.Split('/');
            var first = ActorCode.Parse(codes[0]);
            return new Actor(first, text, span, $"dictionary {namedEntry.Source} +alternatives {string.Join('/', codes)}") { Seniority = seniority };
        }

        if (namedEntry is not null && ActorCode.TryParse(namedEntry.Code, out var namedCode))
        {
            var code = namedCode;
            var rule = $"dictionary {namedEntry.Source}";
            // "protesters in Caracas", "Moscow police": a capital, which countries.txt reads as its government, gives
            // its country to another role (not a person coded as a government: "Agriculture Secretary Richard Lyng").
            var capitalForRole = namedEntry.Source.StartsWith("countries.txt", StringComparison.Ordinal)
                && namedCode.Value.Length == 6 && namedCode.Value.EndsWith("GOV", StringComparison.Ordinal) && namedCode.Country is not null
                && agentEntry is not null && agentEntry.Code.StartsWith('~') && agentEntry.Code != "~GOV";
            if (agentEntry is not null && (namedCode.Value.Length == 3 || capitalForRole))
            {
                code = Combine(namedCode, agentEntry.Code);
                rule += $" + agent {agentEntry.Source}";

                if (!agentEntry.Code.EndsWith('~') && prefix is not null)
                {
                    code = Combine(code, prefix.Code);
                    rule += $" + agent {prefix.Source}";
                }
            }

            // "Opposition leader Raila Odinga": a role the text gives a person the dictionary codes as a government's
            // outranks the office the dictionary's dates give (which may lag behind the news).
            if (namedCode.Value.Length == 6 && namedCode.FirstRole == "GOV" && namedCode.Country is { } personCountry
                && !namedEntry.Source.StartsWith("countries.txt", StringComparison.Ordinal) && agentEntry is { Code: "~OPP" or "~REB" or "~INS" })
            {
                code = Combine(ActorCode.Parse(personCountry), agentEntry.Code);
                rule += $" + agent {agentEntry.Source} (the role the text gives)";
            }

            var actor = new Actor(code, text, span, rule) { Seniority = seniority };
            context.Remember(view.Sentence.Index, headLemma, actor, isSubject: false);
            return actor;
        }

        if (view.IsPronoun(head) && !view.IsRelativePronoun(head))
        {
            return null; // pronouns are resolved by the coder, which knows the clause
        }

        // "Bolivia's government said the country will expel ...": "the country" is the one last named before it in the
        // sentence, else the one the story is about.
        if (headLemma is "country" or "nation" && view.Lemma(phrase[0]) == "the" && phrase.Count == 2)
        {
            for (var k = phrase[0] - 1; k >= 0; k--)
            {
                if (CountryNamedAt(view, k, context) is { } earlierCountry && ActorCode.TryParse(earlierCountry, out var namedCountry))
                {
                    return new Actor(namedCountry, text, span, $"'{text}' read as '{view[k].Text}', the country named before it") { Seniority = seniority };
                }
            }

            if (context.DominantCountry is { } about && ActorCode.TryParse(about, out var aboutCode))
            {
                return new Actor(aboutCode, text, span, $"'{text}' read as the country the story is about") { Seniority = seniority };
            }
        }

        // "its foreign minister": the possessive refers to the nearest actor named before it in the sentence.
        var pronounPossessor = view.FirstChild(head, UdRelation.NmodPoss);
        if (pronounPossessor >= 0 && view.IsPronoun(pronounPossessor) && view.Lemma(pronounPossessor) is "its" or "their" or "it" or "they" && agentEntry is not null)
        {
            for (var k = pronounPossessor - 1; k >= 0; k--)
            {
                if (view.MatchAt[k]?.On(date) is { IsAgent: false } antecedent && ActorCode.TryParse(antecedent.Code, out var antecedentCode) && antecedentCode.Country is { } ownerCountryCode)
                {
                    return new Actor(Combine(ActorCode.Parse(ownerCountryCode), agentEntry.Code), text, span, $"'{view[pronounPossessor].Text}' read as '{view[k].Text}' + agent {agentEntry.Source}") { Seniority = seniority };
                }
            }
        }

        // "'... fresh attacks against our forces,' the spokesman said": a first-person possessive in what someone says
        // is the speaker's own side, the speaker's country with the role the noun names.
        if (pronounPossessor >= 0 && view.IsPronoun(pronounPossessor) && view.Lemma(pronounPossessor) is "we" or "our" && agentEntry is not null
            && Speaker(view, head) is var speaker and >= 0 && ResolveOne(view, speaker, context) is { Code.Country: { } speakerCountry })
        {
            return new Actor(Combine(ActorCode.Parse(speakerCountry), agentEntry.Code), text, span, $"'{view[pronounPossessor].Text}' read as the speaker, '{view[speaker].Text}' + agent {agentEntry.Source}") { Seniority = seniority };
        }

        // "the party's department": whose it is decides who it is.
        var possessor = view.FirstChild(head, UdRelation.NmodPoss);
        if (possessor >= 0 && !view.IsPronoun(possessor) && ResolveOne(view, possessor, context) is { } owner)
        {
            var code = agentEntry is not null && agentDistance == 0 && owner.Code.Country is { } ownerCountry
                ? Combine(ActorCode.Parse(ownerCountry), agentEntry.Code)
                : owner.Code;
            return new Actor(code, text, span, $"possessor '{owner.Text}' ({owner.Resolution})") { Seniority = seniority };
        }

        // A role with no country: a definite description refers back ("the party"), else the home country's ("the government").
        if (agentEntry is not null && IsDefinite(view, head))
        {
            // "European Union foreign ministers ... The ministers also criticised Tehran": an international body's too.
            if (context.LastWithHead(view.Sentence.Index, headLemma) is { } earlier && (earlier.Country is not null || earlier.Code.Value.StartsWith("IGO", StringComparison.Ordinal)))
            {
                return earlier with { Text = text, Span = span, Resolution = $"refers back to '{earlier.Text}'", Seniority = seniority };
            }

            if (context.HomeCountry is { } home && ActorCode.TryParse(home, out var homeCode))
            {
                var actor = new Actor(Combine(homeCode, agentEntry.Code), text, span, $"agent {agentEntry.Source}; country of the story's agency") { Seniority = seniority };
                context.Remember(view.Sentence.Index, headLemma, actor, isSubject: false);
                return actor;
            }
        }

        // "the rebel group fighting in Ethiopia's northern Tigray region": where the role's own clause says it acts.
        if (agentEntry is not null && agentDistance == 0 && agentEntry.Code.StartsWith('~') && CountryWhereItActs(view, head, context) is { } where)
        {
            return new Actor(Combine(ActorCode.Parse(where), agentEntry.Code), text, span, $"agent {agentEntry.Source}; country where its clause says it acts") { Seniority = seniority };
        }

        // A role and nothing to tell whose ("gunmen", "rebels"): the role alone, as PETRARCH codes it ("---REB").
        if (agentEntry is not null && agentDistance == 0 && agentEntry.Code.StartsWith('~') && ActorCode.TryParse("---" + agentEntry.Code[1..], out var roleOnly))
        {
            return new Actor(roleOnly, text, span, $"agent {agentEntry.Source}; no country in the text") { Seniority = seniority };
        }

        return null;
    }

    /// <summary>
    /// The country named as where a role acts, in a clause modifying it: "fighting in Ethiopia's Tigray region",
    /// "operating in Somalia", "based in Mali" (the place word, or its possessor or adjective, names the country).
    /// </summary>
    private static string? CountryWhereItActs(SentenceView view, int head, DocumentContext context)
    {
        foreach (var clause in view.Children(head, UdRelation.Acl))
        {
            foreach (var place in view.Children(clause))
            {
                if (!UdRelation.IsOblique(view.Relation(place)) || view.CaseOf(place) is not ("in" or "across" or "inside"))
                {
                    continue;
                }

                var country = CountryNamedAt(view, place, context)
                    ?? view.Children(place).Where(c => view.Relation(c) is UdRelation.NmodPoss or UdRelation.Amod or UdRelation.Compound)
                        .Select(c => CountryNamedAt(view, c, context)).FirstOrDefault(c => c is not null);
                if (country is not null)
                {
                    return country;
                }
            }
        }

        return null;
    }

    private static IEnumerable<Actor> Alternatives(Actor actor)
    {
        const string marker = " +alternatives ";
        var list = actor.Resolution[(actor.Resolution.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        foreach (var code in list.Split('/'))
        {
            if (ActorCode.TryParse(code, out var parsed))
            {
                yield return actor with { Code = parsed };
            }
        }
    }

    /// <summary>"officials from both sides", "the two countries", "the two presidents": the two countries the document is about.</summary>
    private static IReadOnlyList<Actor>? BothSides(SentenceView view, int head, DocumentContext context)
    {
        var phrase = view.Subtree(head, rel => PhraseRelations.Contains(rel));
        var isPair = phrase.Any(w => view.Lemma(w) is "side" or "country" or "nation" or "government" or "state" or "neighbour" or "neighbor"
                or "president" or "leader" or "premier" or "minister" or "delegation" or "army" or "military"
            && view.Children(w).Any(c => view.Relation(c) is UdRelation.Det or UdRelation.Nummod && view.Lemma(c) is "both" or "two"));
        if (!isPair)
        {
            return null;
        }

        if (context.TwoParties is not { } parties)
        {
            return null;
        }

        var span = view.SpanOf(phrase[0], phrase[^1]);
        var text = view.TextOf(span);
        var role = phrase.Select(w => view.MatchAt[w]).FirstOrDefault(m => m is { IsAgent: true })?.On(context.Date)?.Code ?? "~GOV";
        return
        [
            new Actor(Combine(ActorCode.Parse(parties.First), role), text, span, "both sides: the document's two main countries"),
            new Actor(Combine(ActorCode.Parse(parties.Second), role), text, span, "both sides: the document's two main countries"),
        ];
    }

    private static bool IsDefinite(SentenceView view, int head) =>
        view.Children(head, UdRelation.Det).Any(d => view.Lemma(d) is "the" or "this" or "that" or "these" or "those")
        || view[head].Upos == UdTag.Propn;

    private static string? Seniority(SentenceView view, List<int> phrase)
    {
        var words = phrase.Where(w => SeniorityWords.Contains(view.Lemma(w)) || view.Lemma(w).StartsWith("high-", StringComparison.Ordinal)).ToList();
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => view[w].Text));
    }

    /// <summary>Applies an agent to a code: "~GOV" appends the role, "NGO~" prefixes it.</summary>
    public static ActorCode Combine(ActorCode code, string agent)
    {
        if (agent.StartsWith('~'))
        {
            // A capital already stands for its government; a country takes the role.
            var role = agent[1..];
            var country = code.Country;
            return country is not null && code.Value.Length > 3 && code.Value.EndsWith("GOV", StringComparison.Ordinal) && role != "GOV"
                ? ActorCode.Parse(country + role)
                : code.WithRole(role);
        }

        if (agent.EndsWith('~'))
        {
            return ActorCode.Parse(agent[..^1] + code.Value);
        }

        return code;
    }
}
