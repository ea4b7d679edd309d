using Dyad.Events;

namespace Dyad.Tests.Events;

/// <summary>The codebook's names are what the table view and the docs show beside a code.</summary>
public sealed class CameoCodebookTests
{
    [Theory]
    [InlineData("044", "Meet at a third location")]
    [InlineData("040", "Consult, not specified below")]
    [InlineData("111", "Criticize or denounce")]
    public void A_code_has_its_readable_name(string code, string name) =>
        Assert.Equal(name, CameoCodebook.Default[CameoCode.Parse(code)].Name);
}
