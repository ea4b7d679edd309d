using Dyad.Records;

namespace Dyad.Tests.Records;

/// <summary>Names beside codes, as the page shows them: CAMEO event codes from the codebook, actor codes part by part.</summary>
public sealed class CodeNamesTests
{
    [Theory]
    [InlineData("---GOV", "government, country unknown")]
    [InlineData("JPN", "Japan")]
    [InlineData("JPNMIL", "Japan, military")]
    [InlineData("PHLGOV", "Philippines, government")]
    [InlineData("USACOPCVL", "United States, police, civilians")]
    [InlineData("IGOUNO", "United Nations")]
    [InlineData("MED", "media")]
    [InlineData("NGO", "non-governmental organisation")]
    [InlineData("KORXYZ", "South Korea, XYZ")]
    public void An_actor_code_is_read_part_by_part(string code, string expected)
    {
        Assert.Equal(expected, CodeNames.Actor(code));
    }

    [Theory]
    [InlineData("111", "Criticize or denounce")]
    [InlineData("040", "Consult, not specified below")]
    public void A_CAMEO_code_has_its_codebook_name(string code, string expected)
    {
        Assert.Equal(expected, CodeNames.Cameo(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9x")]
    public void What_is_no_code_has_no_name(string? code)
    {
        Assert.Null(CodeNames.Cameo(code));
        Assert.Null(CodeNames.Actor(code));
    }
}
