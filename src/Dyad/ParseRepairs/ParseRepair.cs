using Dyad.Actors;
using Dyad.Syntax;

namespace Dyad.ParseRepairs;

/// <summary>
/// Repairs of the parser's mistakes where it matters who acts, run on each parse before anything reads it: an
/// unknown name read as the sentence's head, subjects split or listed wrongly, a closing reporting clause hung on a
/// noun. They change heads and relations only, never words, so the actor phrases found before them still hold.
/// </summary>
internal static class ParseRepair
{
    /// <summary>The parse with every repair applied, each reading the tree as the one before it left it.</summary>
    public static ParsedSentence Apply(ParsedSentence parse, IReadOnlyList<string> lemmaKeys, IReadOnlyList<ActorMatch?> phrases)
    {
        var repairs = new Repairs(parse, lemmaKeys, phrases);
        parse = repairs.Run(parse, repairs.RepairNounRoot);
        parse = repairs.Run(parse, repairs.RepairSubjects);
        return repairs.Run(parse, repairs.RepairReportingClause);
    }

    // One sentence's repairs, with the tree of the parse as the last repair left it.
    private sealed class Repairs(ParsedSentence parse, IReadOnlyList<string> lemmaKeys, IReadOnlyList<ActorMatch?> phrases)
    {
        private readonly IReadOnlyList<string> _lemmaKeys = lemmaKeys;
        private readonly IReadOnlyList<ActorMatch?> _phrases = phrases;
        private List<int>[] _children = DependencyTree.ChildrenOf(parse);

        public ParsedSentence Run(ParsedSentence parse, Func<ParsedSentence, ParsedSentence> repair)
        {
            var repaired = repair(parse);
            if (!ReferenceEquals(repaired, parse))
            {
                _children = DependencyTree.ChildrenOf(repaired);
            }

            return repaired;
        }

        /// <summary>
        /// Repairs the parser's usual mistakes around a verb's subject, which decide who acts. A verb has one subject:
        /// when the parser gives it two, either the first ends right where the second's phrase begins ("Bree | Prime
        /// Minister Romendacil clashed", an unknown name read as a noun of its own: a compound of the second), or only
        /// commas and a conjunction lie between them (a list: the second is a conjunct of the first). An unknown name
        /// the parser hung on the verb just before the subject is part of it ("Fornost President Umbardacil"), or,
        /// before a comma, the first of a list ("Arnor, Calenardhon and Gondor"). A passive subject without a passive
        /// auxiliary ("it should have acted") is a plain subject.
        /// </summary>
        public ParsedSentence RepairSubjects(ParsedSentence parse)
        {
            List<ParsedWord>? repaired = null;
            for (var head = 0; head < _children.Length; head++)
            {
                var previous = -1;
                foreach (var subject in _children[head])
                {
                    // "it should have acted": a passive subject without a passive auxiliary is a plain subject.
                    if (parse.Words[subject].Relation == UdRelation.NsubjPass && !_children[head].Any(c => parse.Words[c].Relation == UdRelation.AuxPass)
                        && _children[head].Any(c => parse.Words[c].Relation == UdRelation.Aux && parse.Words[c].Lemma == "have"))
                    {
                        repaired ??= [.. parse.Words];
                        repaired[subject] = repaired[subject] with { Relation = UdRelation.Nsubj };
                        continue;
                    }

                    // Children come in word order: past the verb, no subject is misread this way.
                    if (parse.Words[subject].Relation != UdRelation.Nsubj || subject > head)
                    {
                        continue;
                    }

                    var start = DependencyTree.SubtreeSpan(_children, subject).First;
                    var previousEnd = previous >= 0 ? DependencyTree.SubtreeSpan(_children, previous).Last + 1 : -1;
                    if (previous >= 0 && ListBetween(parse, previousEnd, start, head, _children[subject].Any(c => c < subject && parse.Words[c].Relation == UdRelation.Cc)) is { } gap)
                    {
                        // "Mordor, Fornost, and Gondor welcomed": the last of a list read as a second subject.
                        repaired ??= [.. parse.Words];
                        repaired[subject] = repaired[subject] with { Head = previous, Relation = UdRelation.Conj };
                        foreach (var word in gap)
                        {
                            repaired[word] = repaired[word] with { Head = subject, Relation = parse.Words[word].Upos == UdTag.Cconj ? UdRelation.Cc : UdRelation.Punct };
                        }

                        continue;
                    }

                    if (previous >= 0 && previousEnd == start)
                    {
                        repaired ??= [.. parse.Words];
                        repaired[previous] = repaired[previous] with { Head = subject, Relation = UdRelation.Compound };
                    }

                    // "Arnor, Calenardhon and Gondor welcomed": an unknown first name of a list, read as a bare
                    // modifier of the verb, is one more subject.
                    var before = parse.Words[start].Text == "," ? start - 1 : start - 2;
                    if (before >= 0 && parse.Words[before + 1].Text == "," && IsStrayName(parse, before, head))
                    {
                        repaired ??= [.. parse.Words];
                        repaired[before] = repaired[before] with { Head = subject, Relation = UdRelation.Conj };
                        repaired[before + 1] = repaired[before + 1] with { Head = subject, Relation = UdRelation.Punct };
                    }

                    // "Fornost President Umbardacil has appealed": an unknown name before the subject, read as a
                    // modifier of the verb, belongs to the subject's phrase.
                    var modifier = start - 1;
                    if (modifier >= 0 && parse.Words[start].Text != "," && IsStrayName(parse, modifier, head))
                    {
                        repaired ??= [.. parse.Words];
                        repaired[modifier] = repaired[modifier] with { Head = subject, Relation = UdRelation.Compound };
                    }

                    previous = subject;
                }
            }

            return repaired is null ? parse : parse with { Words = repaired };
        }

        /// <summary>
        /// A sentence that opens with an unknown name before its subject ("Fornost President Umbardacil has appealed
        /// ...") may come back from the parser as that name heading the sentence, with the real verb hung on it as a
        /// relative clause whose subject starts right after the name. The verb heads the sentence and the name is a
        /// compound of the subject, as it would be had the parser known it. Only for a proper noun or a dictionary word
        /// ("Reports the minister denied" stays a noun phrase), when what the parser hung on it before it is its own
        /// words (compound, flat, amod, det), and when the subject does not open with a relative word ("Gondor whose
        /// king died").
        /// </summary>
        public ParsedSentence RepairNounRoot(ParsedSentence parse)
        {
            var words = parse.Words;
            var root = DependencyTree.RootOf(words);

            if (root < 0 || (words[root].Upos != UdTag.Propn && _phrases[root] is null)
                || _children[root].Any(c => c < root && words[c].Relation is not (UdRelation.Compound or UdRelation.Flat or UdRelation.Amod or UdRelation.Det)))
            {
                return parse;
            }

            var verb = _children[root].Find(c => c > root && words[c].Relation is UdRelation.AclRelcl or UdRelation.Acl && words[c].Upos is UdTag.Verb or UdTag.Aux);
            if (verb < 0)
            {
                return parse;
            }

            var subject = _children[verb].Find(c => c < verb && UdRelation.IsNominalSubject(words[c].Relation));
            if (subject < 0 || DependencyTree.SubtreeSpan(_children, subject).First != root + 1 || IsWhWord(words[root + 1]))
            {
                return parse;
            }

            // What the parser hung on the name between it and the verb ("... of Nigeria") belongs to the subject's
            // phrase; what comes after the verb (the closing full stop) to the verb.
            var repaired = parse.Words.ToList();
            foreach (var k in _children[root])
            {
                if (k > root && k != verb)
                {
                    repaired[k] = repaired[k] with { Head = k < verb ? subject : verb };
                }
            }

            repaired[verb] = repaired[verb] with { Head = -1, Relation = UdRelation.Root };
            repaired[root] = repaired[root] with { Head = subject, Relation = UdRelation.Compound };
            return parse with { Words = repaired };
        }

        /// <summary>
        /// A closing reporting clause ("..., a senior official said on Saturday.") that the parser hung on a word before
        /// it as a relative clause is the sentence's head, with the rest as what was said, as in the treebanks: coding
        /// reads its source from it. Only a clause with a subject of its own after a comma, with no relative word, that
        /// runs to the end of the sentence. What the parser hung on it from before the comma goes back to the rest.
        /// </summary>
        public ParsedSentence RepairReportingClause(ParsedSentence parse)
        {
            var words = parse.Words;
            var root = DependencyTree.RootOf(words);

            for (var verb = 0; verb < words.Count && root >= 0; verb++)
            {
                var word = words[verb];
                if (word.Relation is not (UdRelation.AclRelcl or UdRelation.Acl or UdRelation.AdvclRelcl) || word.Upos != UdTag.Verb || word.Head >= verb
                    || !FrameVerbs.All.Contains(_lemmaKeys[verb]))
                {
                    continue;
                }

                var subject = _children[verb].FindLast(k => k < verb && words[k].Relation == UdRelation.Nsubj);
                if (subject < 0)
                {
                    continue;
                }

                // The subject's phrase may have been split, its first part hung on the same word as an apposition
                // ("..., the official news agency | WFNA said"): it goes back to the subject.
                var first = DependencyTree.SubtreeSpan(_children, subject).First;
                var split = -1;
                if (!AfterComma(words, first) && word.Head >= 0)
                {
                    split = _children[word.Head].Find(k => k < first && words[k].Relation == UdRelation.Appos && DependencyTree.SubtreeSpan(_children, k).Last == first - 1);
                    first = split >= 0 ? DependencyTree.SubtreeSpan(_children, split).First : first;
                }

                if (!AfterComma(words, first))
                {
                    continue;
                }

                // What the parser hung on the clause from before the comma goes back to the rest; the clause itself must
                // have no relative word, nor a clause of its own after the verb ("..., they said, failed to ...": a
                // parenthetical before what was said), and run to the end of the sentence.
                var comma = words[first].Token.Text == "," ? first : first - 1;
                var early = _children[verb].FindAll(k => k < comma);
                var last = verb;
                var relative = comma > 0 && IsWhWord(words[comma - 1]); // "... assumptions which, they said, ..."
                var below = new Stack<int>([verb]);
                while (below.TryPop(out var k))
                {
                    foreach (var child in _children[k])
                    {
                        below.Push(child);
                    }

                    if (early.Contains(k))
                    {
                        continue;
                    }

                    last = Math.Max(last, k);
                    relative |= IsWhWord(words[k])
                        || (words[k].Head == verb && (words[k].Relation == UdRelation.Mark
                            || (k > verb && words[k].Relation is UdRelation.Ccomp or UdRelation.Xcomp or UdRelation.Parataxis or UdRelation.Conj or UdRelation.Advcl)));
                }

                if (relative || words.Skip(last + 1).Any(w => w.Upos != UdTag.Punct))
                {
                    continue;
                }

                var repaired = parse.Words.ToList();
                foreach (var k in early)
                {
                    repaired[k] = repaired[k] with { Head = root };
                }

                if (split >= 0)
                {
                    repaired[split] = repaired[split] with { Head = subject, Relation = UdRelation.Appos };
                }

                repaired[verb] = word with { Head = -1, Relation = UdRelation.Root };
                repaired[root] = repaired[root] with { Head = verb, Relation = UdRelation.Ccomp };
                return parse with { Words = repaired };
            }

            return parse;
        }

        /// <summary>Whether a phrase starting at <paramref name="first"/> opens with a comma or follows one (the parser hangs it either way).</summary>
        private static bool AfterComma(IReadOnlyList<ParsedWord> words, int first) =>
            words[first].Token.Text == "," || (first > 0 && words[first - 1].Token.Text == ",");

        private static bool IsWhWord(ParsedWord word) => word.Xpos is "WDT" or "WP" or "WP$" or "WRB";

        /// <summary>The last word of a dictionary name that the parser hung alone on <paramref name="head"/> as a modifier.</summary>
        private bool IsStrayName(ParsedSentence parse, int word, int head) =>
            _phrases[word] is { IsAgent: false } name && name.End - 1 == word && parse.Words[word].Head == head && _children[word].Count == 0
            && parse.Words[word].Relation is UdRelation.Advmod or UdRelation.Amod or UdRelation.OblUnmarked or UdRelation.NmodUnmarked or UdRelation.OblNpmod or UdRelation.Dep or UdRelation.Vocative;

        /// <summary>
        /// The words from <paramref name="from"/> up to <paramref name="to"/> when they are only commas and conjunctions on
        /// <paramref name="head"/>, and a conjunction is among them or already opens the second phrase.
        /// </summary>
        private static List<int>? ListBetween(ParsedSentence parse, int from, int to, int head, bool conjunction)
        {
            var words = new List<int>();
            for (var k = from; k < to; k++)
            {
                var word = parse.Words[k];
                if (word.Head != head || !(word.Upos == UdTag.Cconj || word.Text == ","))
                {
                    return null;
                }

                conjunction |= word.Upos == UdTag.Cconj;
                words.Add(k);
            }

            return conjunction ? words : null;
        }
    }
}
