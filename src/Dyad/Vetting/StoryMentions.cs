using Dyad.Actors;
using Dyad.Story;
using Dyad.Syntax;

namespace Dyad.Vetting;

/// <summary>
/// What the pair model's actor finding carries through a story: the people it has named, by surname ("Treasury
/// Secretary James Baker" lets a later "Baker" be found), and the last person and the last other actor named as a
/// subject, which a later "he" or "it" stands for. Wire copy names a minister in full once and then by surname or
/// pronoun, so without this most of a story's sentences have no source.
/// </summary>
internal sealed class StoryMentions
{
    private readonly Dictionary<string, Actor> _bySurname = new(StringComparer.Ordinal);
    private Actor? _lastPerson;
    private Actor? _lastOther;

    /// <summary>The person an earlier sentence named with this surname, if any.</summary>
    internal Actor? PersonBySurname(string word) => _bySurname.GetValueOrDefault(word);

    /// <summary>Who a personal pronoun stands for: the nearest fitting actor named before it in its sentence, else the last one a sentence before named as its subject.</summary>
    internal Actor? Antecedent(SentenceView view, int pronoun, IReadOnlyList<ActorMention> before)
    {
        var wantsPerson = view.Lemma(pronoun) is "he" or "she";
        if (!wantsPerson && view.Lemma(pronoun) is not ("it" or "they"))
        {
            return null; // "we", "I", "you": the speaker of a quotation, who is not known here
        }

        for (var k = before.Count - 1; k >= 0; k--)
        {
            if (before[k].Head < pronoun && IsPerson(view, before[k]) == wantsPerson
                && (wantsPerson || UdRelation.IsNominalSubject(view.Relation(before[k].Head))))
            {
                return before[k].Actor;
            }
        }

        return wantsPerson ? _lastPerson : _lastOther;
    }

    /// <summary>After a sentence: the people it named and its subjects are what later sentences may refer back to.</summary>
    internal void Remember(SentenceView view, IReadOnlyList<ActorMention> mentions)
    {
        Actor? person = null;
        var personIsSubject = false;
        foreach (var mention in mentions)
        {
            var subject = UdRelation.IsNominalSubject(view.Relation(mention.Head));
            if (!IsPerson(view, mention))
            {
                _lastOther = subject ? mention.Actor : _lastOther;
                continue;
            }

            if (!view.IsPronoun(mention.Head))
            {
                _bySurname[Surname(mention.Actor.Text)] = mention.Actor;
            }

            // The person a sentence is about is its subject ("Baker told Miyazawa ... He said"), else the last named.
            if (!personIsSubject)
            {
                person = mention.Actor;
                personIsSubject = subject;
            }
        }

        _lastPerson = person ?? _lastPerson;
    }

    /// <summary>
    /// A person, as far as the dictionaries tell: a proper name that is neither a country (or capital), nor an
    /// organisation, nor a role on a country ("Japanese officials").
    /// </summary>
    internal static bool IsPerson(SentenceView view, ActorMention mention)
    {
        var resolution = mention.Actor.Resolution;
        if (view.IsPronoun(mention.Head))
        {
            return view.Lemma(mention.Head) is "he" or "she";
        }

        return view[mention.Head].Upos == UdTag.Propn
            && !mention.Actor.Code.Value.StartsWith("IGO", StringComparison.Ordinal)
            && !resolution.Contains("countries.txt", StringComparison.Ordinal)
            && !resolution.Contains("historical.txt", StringComparison.Ordinal)
            && !resolution.Contains("organizations.txt", StringComparison.Ordinal)
            && !resolution.Contains("agent", StringComparison.Ordinal)
            && mention.Actor.Text.Any(char.IsLower);
    }

    private static string Surname(string name)
    {
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return last.EndsWith("'s", StringComparison.Ordinal) ? last[..^2] : last;
    }
}
