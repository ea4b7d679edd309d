using Dyad.Tools;

namespace Dyad.Tests.Tools;

/// <summary>The cameo-plover.tsv builder: the manual's table in, one line a code out.</summary>
public sealed class PloverTableBuilderTests
{
    private static string[] Rows(string resource) => [.. resource.Split('\n').Where(l => l.Length > 0 && l[0] != '#')];

    [Fact]
    public void Writes_a_sorted_line_per_code_with_blank_fields_empty_and_the_padding_gone()
    {
        string[] manual =
        [
            "# CAMEO to PLOVER conversion table",
            "",
            "04: CONSULT",
            "041: CONSULT, phone,   # Discuss by telephone",
            "040: CONSULT, ,  # Consult",
            "046: CONSULT,   , diplomatic    # Engage in negotiation",
            "08: CONCEDE",
            "080: CONCEDE,   ,  # Yield",
            "0861: RETREAT, access , peacekeeping # Receive deployment of peacekeepers",
            "08: RETREAT",
            "0813: RETREAT, ,   legal # Ease curfew  21.09.17: \"ease\" is no longer a mode",
            "1121: ACCUSE, allege, crime; corruption # Accuse of crime, corruption",
            "175: ASSAULT, pro_autocracy , military # Use violent repression",
            "175: ASSAULT, pro_autocracy , military # Use tactics of violent repression",
            "~~~~~",
        ];

        Assert.Equal(
            [
                "04\tCONSULT\t\t",
                "040\tCONSULT\t\t",
                "041\tCONSULT\tphone\t",
                "046\tCONSULT\t\tdiplomatic",
                "08\tCONCEDE\t\t",
                "080\tCONCEDE\t\t",
                "0813\tRETREAT\t\tlegal",
                "0861\tRETREAT\taccess\tpeacekeeping",
                "1121\tACCUSE\tallege\tcrime; corruption",
                "175\tASSAULT\tpro_autocracy\tmilitary",
            ],
            Rows(PloverTableBuilder.Convert(manual)));
    }

    [Theory]
    [InlineData("175: ASSAULT, , military", "175: COERCE, , military")]
    [InlineData("08: CONCEDE", "08: RETREAT")]
    [InlineData("04: CONSULT, phone", "041: CONSULT, phone")]
    [InlineData("0A1: CONSULT", "041: CONSULT")]
    [InlineData("041: consult", "040: CONSULT")]
    public void Refuses_a_table_it_cannot_read_as_the_manual_means_it(string first, string second) =>
        Assert.Throws<InvalidDataException>(() => PloverTableBuilder.Convert([first, second]));

    [SkippableFact]
    public void The_shipped_resource_is_what_the_builder_makes_of_the_manual_table()
    {
        var manual = SharedData.Require("eval", "plover", PloverTableBuilder.SourceName);
        var shipped = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "resources", "cameo", "cameo-plover.tsv"));
        Assert.Equal(PloverTableBuilder.Convert(File.ReadLines(manual)), shipped);
    }
}
