using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Tests.Syntax;

/// <summary>
/// Coding decides whether a sentence can hold an actor phrase from every lemma its words could take, before
/// tagging it; the shortcut that works those lemmas out together must give exactly what lemmatising under each tag gives.
/// </summary>
public sealed class LemmasUnderEachTagTests
{
    [Fact]
    public void Every_tag_gives_the_lemma_the_lemmatiser_gives_under_it()
    {
        var syntax = SyntaxPipeline.Default;
        var tags = Enumerable.Range(0, syntax.Tagger.TagCount).Select(syntax.Tagger.Xpos).Distinct().ToArray();
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "It", "it", "went", "U.S.", "banks", "Banks", "criticised", "studies", "better", "Dol_Amroth", "O'Neil", "’s", "'s", "mice", "ran", "x", "",
        };
        foreach (var input in new DocumentReader(new DateOnly(2020, 1, 1)).Read(Directory.GetFiles(SharedData.Samples)))
        {
            foreach (var sentence in DocumentSegmenter.Default.Segment(input.Document!).Sentences)
            {
                words.UnionWith(sentence.Tokens.Select(t => t.Text));
            }
        }

        // The EWT test set's words too, when ../shared is there.
        var ewt = Path.Combine(SharedData.Root, "data", "ud-english-ewt", "en_ewt-ud-test.conllu");
        if (File.Exists(ewt))
        {
            words.UnionWith(File.ReadLines(ewt).Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')[1]));
        }

        Assert.True(words.Count > 100);
        var dictionaryWords = Dyad.Actors.ActorDictionary.LoadBuiltIn().LookupWords()!;
        var mayHaveDictionaryLemma = syntax.Lemmatizer.MayHaveLemmaAmong(dictionaryWords);
        var some = 0;
        foreach (var word in words)
        {
            var expected = tags.Select(tag => syntax.Lemmatizer.Lemmatize(word, tag)).ToHashSet(StringComparer.Ordinal);
            Assert.True(expected.SetEquals(syntax.Lemmatizer.LemmasUnderEach(word, tags)), $"'{word}'");

            // The cheap test never dismisses a word that has a dictionary word among its lemmas.
            if (expected.Any(l => dictionaryWords.Contains(Dyad.Actors.ActorDictionary.Key(l))))
            {
                some++;
                Assert.True(mayHaveDictionaryLemma(word), $"'{word}' has a dictionary lemma");
            }
        }

        Assert.True(some > 10);
    }
}
