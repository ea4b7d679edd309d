using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Tests.Actors;

/// <summary>leaders.txt: office holders of every country from sourced facts, loaded after the hand-checked people.txt.</summary>
public sealed class LeaderDictionaryTests
{
    private static readonly Lazy<DocumentCoder> Coder = new(DocumentCoder.CreateDefault);

    private static readonly Lazy<ActorDictionary> BuiltIn = new(ActorDictionary.LoadBuiltIn);

    private static List<string> Sources(string text, DateOnly date) =>
        Coder.Value.Code(new Document("leaders", text) { Date = date }).Events.Select(e => e.Source.Code.Value).ToList();

    [Fact]
    public void A_foreign_minister_named_by_his_surname_is_his_government_only_within_his_term()
    {
        // Geoffrey Howe, Foreign Secretary 1983-06-11..1989-07-24 (IfG Ministers Database). people.txt has his full
        // name but not "Howe", and neither has the Phoenix knowledge: only leaders.txt knows the surname.
        Assert.Contains("GBRGOV", Sources("Howe met Shevardnadze in Moscow.", new DateOnly(1987, 2, 16)));
        var later = Sources("Howe met Shevardnadze in Moscow.", new DateOnly(1995, 2, 16));
        Assert.DoesNotContain("GBRGOV", later);
        Assert.Contains("GBRELI", later);
    }

    [Theory]
    [InlineData("Yasuhiro Nakasone", "1987-03-01", "JPNGOV")]
    [InlineData("Nakasone", "1987-03-01", "JPNGOV")]
    [InlineData("Nakasone", "1988-03-01", "JPNELI")]
    [InlineData("Mobutu Sese Seko", "1987-03-01", "ZARGOV")]
    public void An_effective_ruler_is_his_government_on_the_dates_of_his_term(string phrase, string date, string code)
    {
        var keys = ActorDictionary.PhraseKeys(phrase);
        var match = Assert.Single(BuiltIn.Value.FindAll(keys, keys));
        Assert.Equal(code, match.On(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Code);
    }

    [Fact]
    public void People_txt_keeps_the_phrases_it_holds()
    {
        var keys = ActorDictionary.PhraseKeys("Helmut Kohl");
        var match = Assert.Single(BuiltIn.Value.FindAll(keys, keys));
        Assert.All(match.Entries, e => Assert.StartsWith("people.txt:", e.Source, StringComparison.Ordinal));
        Assert.Contains(BuiltIn.Value.Entries, e => e.Source.StartsWith("leaders.txt:", StringComparison.Ordinal));
    }
}
