using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>
/// The shipped countries file: a country's own spelling that is also an English word is left out ("Island", Iceland's
/// name in Icelandic, would make "the islands" Iceland), while its English names still match.
/// </summary>
public sealed class CountryNameTests
{
    private static readonly Lazy<ActorDictionary> BuiltIn = new(ActorDictionary.LoadBuiltIn);

    private static List<string> CodesIn(string phrase)
    {
        var keys = ActorDictionary.PhraseKeys(phrase);
        return BuiltIn.Value.FindAll(keys, keys).Select(m => m.Entries[0].Code).ToList();
    }

    [Theory]
    [InlineData("troops left the islands")]
    [InlineData("an island in the Aegean")]
    public void An_English_word_spelt_like_a_country_names_no_country(string phrase) =>
        Assert.DoesNotContain(CodesIn(phrase), code => code.StartsWith("ISL", StringComparison.Ordinal));

    [Theory]
    [InlineData("Iceland", "ISL")]
    [InlineData("an Icelander", "ISL")]
    [InlineData("Thai troops", "THA")]
    public void A_country_is_still_found_by_its_English_names(string phrase, string code) => Assert.Contains(code, CodesIn(phrase));
}
