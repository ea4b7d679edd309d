using Dyad.Story;

namespace Dyad.Triage;

/// <summary>What an untagged sentence's words may turn out to be under any tags: the tests that let coding leave it untagged.</summary>
internal sealed class UntaggedWordTests(ActorPhraseFilter actorWords, Func<string, bool> mayLemmatiseToFrameVerb)
{
    /// <summary>Whether some word may open a reporting frame: "according", or a word that may have a reporting or denying verb as its lemma.</summary>
    public bool MayOpenFrame(SentenceView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view.Keys[i] == "according" || mayLemmatiseToFrameVerb(view.Sentence.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no word can have this lemma (a lower-case key), whatever its tag; false when unsure.</summary>
    public bool NoWordHasLemma(SentenceView view, string lemmaKey) => actorWords.NoWordHasLemmaKey(view.Sentence, lemmaKey);
}
