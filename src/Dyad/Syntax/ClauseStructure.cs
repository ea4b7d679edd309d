using System.Collections.Frozen;
namespace Dyad.Syntax;

/// <summary>Clause-level questions over a parse: which clause a word belongs to, its tense, its modality.</summary>
internal static class ClauseStructure
{
    private static readonly FrozenSet<string> ClauseRelations = new HashSet<string>(StringComparer.Ordinal)
    {
        UdRelation.Root, UdRelation.Ccomp, UdRelation.Xcomp, UdRelation.Advcl, UdRelation.Acl, UdRelation.AclRelcl, UdRelation.Parataxis, UdRelation.Csubj, UdRelation.CsubjPass, UdRelation.AdvclRelcl,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The head of the clause a word belongs to: the nearest ancestor (or itself) that heads a clause.</summary>
    public static int ClauseHead(SentenceSyntax view, int word)
    {
        var current = word;
        var guard = 0;
        while (current >= 0 && guard++ < view.Count)
        {
            if (IsClauseHead(view, current))
            {
                return current;
            }

            current = view.Head(current);
        }

        return word;
    }

    public static bool IsClauseHead(SentenceSyntax view, int word)
    {
        var relation = view.Relation(word);
        if (ClauseRelations.Contains(relation))
        {
            return true;
        }

        // A coordinated verb heads its own clause ("... and suspended the probe").
        return relation == UdRelation.Conj && view[word].Upos is UdTag.Verb or UdTag.Aux;
    }

    /// <summary>The tense of the clause a word is in: future with "will"/"shall"/"going to", past with a past form, else present.</summary>
    public static Tense TenseAt(SentenceSyntax view, int word)
    {
        var clause = ClauseHead(view, word);
        var auxiliaries = view.Children(clause).Where(c => view.Relation(c) is UdRelation.Aux or UdRelation.AuxPass).ToList();
        if (auxiliaries.Any(a => view.Lemma(a) is "will" or "shall" || view.Keys[a] is "'ll"))
        {
            return Tense.Future;
        }

        if (auxiliaries.Any(a => view[a].Xpos is "VBD" || view.Lemma(a) is "have" || view.Keys[a] is "would" or "could" or "might"))
        {
            return Tense.Past;
        }

        var xpos = view[clause].Xpos;
        if (xpos is "VBD" or "VBN")
        {
            return Tense.Past;
        }

        // "plans to meet", "is to visit", "is expected to sign": intent about the future.
        var head = view.Head(clause);
        if (view.Relation(clause) == UdRelation.Xcomp && head >= 0 && view.Lemma(head) is "plan" or "intend" or "expect" or "schedule" or "aim" or "hope" or "seek" or "prepare")
        {
            return TenseAt(view, head) == Tense.Past && view[head].Xpos is "VBD" ? Tense.Past : Tense.Future;
        }

        if (auxiliaries.Count == 0 && view.Children(clause).Any(c => view.Relation(c) is UdRelation.Cop && view[c].Xpos is "VBD"))
        {
            return Tense.Past;
        }

        return xpos is "VBZ" or "VBP" || auxiliaries.Any(a => view[a].Xpos is "VBZ" or "VBP") ? Tense.Present : Tense.Past;
    }

    /// <summary>The ancestors of a word, nearest first, itself included.</summary>
    public static IEnumerable<int> Ancestors(SentenceSyntax view, int word)
    {
        var current = word;
        var guard = 0;
        while (current >= 0 && guard++ <= view.Count)
        {
            yield return current;
            current = view.Head(current);
        }
    }

    /// <summary>The word of a token range whose head lies outside it: the range's syntactic head.</summary>
    public static int HeadOfRange(SentenceSyntax view, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var head = view.Head(i);
            if (head < start || head >= end)
            {
                return i;
            }
        }

        return start;
    }
}
