using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>What an actor code says about the actor's country and roles.</summary>
public sealed class ActorCodeTests
{
    [Theory]
    [InlineData("JPNGOV", "JPN", "GOV")]
    [InlineData("MUS", "MUS", "")]
    [InlineData("IGOUNO", null, "IGO UNO")]
    [InlineData("---REB", null, "--- REB")]
    [InlineData("MED", null, "MED")]
    [InlineData("BUS", null, "BUS")]
    public void Reads_the_country_only_from_a_country_prefix(string value, string? country, string sectors)
    {
        // "MED" is how the Phoenix dictionaries code a news agency ("Reuters"); read as a country, it was counted
        // among a story's countries and guessed as an event's target. "MUS" is Mauritius, not the Muslim role.
        var code = ActorCode.Parse(value);

        Assert.Equal(country, code.Country);
        Assert.Equal(sectors, string.Join(' ', code.Sectors));
    }
}
