using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>
/// Phrases whose last word is a stem (TABARI's "ARGENTIN" for "Argentina" and "Argentine"): which words a stem
/// matches, and which stem wins when a word begins with several (the one added first, as the dictionary has always done).
/// </summary>
public sealed class StemMatchingTests
{
    private static ActorDictionary With(params (string Stem, string Code)[] stems)
    {
        var actors = new ActorDictionary();
        foreach (var (stem, code) in stems)
        {
            actors.Add(new ActorEntry([stem], code, null, null, "test.txt") { StemLast = true });
        }

        actors.Freeze();
        return actors;
    }

    private static string? CodeFound(ActorDictionary actors, string text)
    {
        var keys = ActorDictionary.PhraseKeys(text);
        return actors.FindAll(keys, keys) is [var match] ? match.Entries[0].Code : null;
    }

    [Theory]
    [InlineData("Argentina", "ARG")]
    [InlineData("Argentine", "ARG")]
    [InlineData("argentin", "ARG")]
    [InlineData("Argent", null)]
    [InlineData("Brazil", null)]
    public void A_stem_matches_the_words_it_begins(string word, string? code)
    {
        var actors = With(("argentin", "ARG"));

        Assert.Equal(code, CodeFound(actors, word));
        Assert.Equal(code is not null, actors.MayBegin(ActorDictionary.Key(word)));
    }

    [Fact]
    public void Of_two_stems_a_word_begins_with_the_one_added_first_wins()
    {
        Assert.Equal("AAA", CodeFound(With(("argent", "AAA"), ("argentin", "BBB")), "Argentina"));
        Assert.Equal("BBB", CodeFound(With(("argentin", "BBB"), ("argent", "AAA")), "Argentina"));
        Assert.Equal("AAA", CodeFound(With(("argent", "AAA"), ("argentin", "BBB")), "Argentum"));
    }

    [Fact]
    public void A_stem_of_one_or_two_letters_matches_only_itself()
    {
        var actors = With(("ku", "KUU"));

        Assert.Equal("KUU", CodeFound(actors, "ku"));
        Assert.Null(CodeFound(actors, "Kuwait"));
        Assert.False(actors.MayBegin("kuwait"));
    }

    [Fact]
    public void A_stem_after_whole_words_ends_a_longer_phrase()
    {
        var actors = new ActorDictionary();
        actors.Add(new ActorEntry(["republic", "of", "argentin"], "ARG", null, null, "test.txt") { StemLast = true });
        actors.Freeze();

        Assert.Equal("ARG", CodeFound(actors, "Republic of Argentina"));
        Assert.Null(CodeFound(actors, "Republic of Chile"));
    }
}
