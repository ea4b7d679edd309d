using Dyad.Actors;
using Dyad.ParseRepairs;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Story;

/// <summary>
/// A sentence of a story as the later stages read it: its syntax (see <see cref="SentenceSyntax"/>), the actor
/// phrases among its words, and its tree with the parse repairs applied, which read those phrases.
/// </summary>
internal sealed class SentenceView : SentenceSyntax
{
    /// <summary>A parsed sentence.</summary>
    public SentenceView(ParsedSentence parse, ActorDictionary actors)
        : base(parse)
    {
        MatchAt = ActorPhrasesIn(actors, LemmaKeys);
        EnsureParsed();
    }

    /// <summary>
    /// A sentence tagged when first asked for its words' tags or lemmas, and parsed when first asked for its tree.
    /// Its actor phrases are found at once, tagging it only when <paramref name="mayHaveActorPhrase"/> (triage's
    /// judgement from the words as written) allows that it has one, and <paramref name="untaggedLemmaKeys"/> (lemma
    /// keys that find the same phrases as the tagged ones would) are not given.
    /// </summary>
    public SentenceView(Sentence sentence, ActorDictionary actors, SyntaxPipeline syntax, bool mayHaveActorPhrase, string[]? untaggedLemmaKeys = null)
        : base(sentence, syntax)
    {
        MatchAt = mayHaveActorPhrase ? ActorPhrasesIn(actors, untaggedLemmaKeys ?? LemmaKeys) : new ActorMatch?[Count];
    }

    /// <summary>For each word, the dictionary phrase that covers it, if any.</summary>
    public ActorMatch?[] MatchAt { get; }

    /// <summary>Whether any word lies in a dictionary actor phrase (a name or a role).</summary>
    public bool HasActorPhrase { get; private set; }

    protected override ParsedSentence Repaired(ParsedSentence parse) => ParseRepair.Apply(parse, LemmaKeys, MatchAt);

    private ActorMatch?[] ActorPhrasesIn(ActorDictionary actors, string[] lemmaKeys)
    {
        var matchAt = new ActorMatch?[Count];
        foreach (var found in actors.FindAll(Keys, lemmaKeys))
        {
            var match = found;
            if (match.Entries.Any(e => e.WrittenAs is not null))
            {
                // "US officials" is the United States; "told us" is not: such entries hold only as written.
                var written = match.Entries.Where(e => e.WrittenAs is not { } form || IsWritten(form, match.Start)).ToList();
                if (written.Count == 0)
                {
                    continue;
                }

                match = match with { Entries = written };
            }

            HasActorPhrase = true;
            for (var k = match.Start; k < match.End; k++)
            {
                matchAt[k] = match;
            }
        }

        return matchAt;

        bool IsWritten(IReadOnlyList<string> form, int start) =>
            start + form.Count <= Count && form.Select((word, k) => Sentence.Tokens[start + k].Text == word).All(same => same);
    }
}
