using Dyad.Events;

namespace Dyad.Tests.Events;

/// <summary>Every CAMEO code Dyad can emit has a PLOVER type, except those the PLOVER manual leaves out.</summary>
public sealed class PloverTableTests
{
    /// <summary>
    /// The manual's table has no rows for root 01 (make public statement) or 02 (appeal): PLOVER does not count a
    /// statement as an event, and the table does not say where an appeal goes, so Dyad leaves their PLOVER fields null
    /// rather than guess.
    /// </summary>
    private static bool LeftOutByTheManual(string code) => code.StartsWith("01", StringComparison.Ordinal) || code.StartsWith("02", StringComparison.Ordinal);

    private static IEnumerable<string> ResourceLines(params string[] parts) =>
        File.ReadLines(Path.Combine([SharedData.RepoRoot, "resources", .. parts])).Where(l => l.Length > 0 && l[0] != '#');

    private static List<string> EmittableCodes()
    {
        var codebook = ResourceLines("cameo", "cameo.tsv").Select(l => l.Split('\t')[0]);
        var patterns = ResourceLines("dictionaries", "events.txt").Select(l => l.Split('\t')).Where(f => f.Length > 1).Select(f => f[1].TrimStart('~'));
        return [.. codebook.Concat(patterns).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_code_Dyad_can_emit_has_a_PLOVER_type_unless_the_manual_leaves_its_root_out()
    {
        var codes = EmittableCodes();
        Assert.True(codes.Count > 300, $"only {codes.Count} codes read");
        Assert.All(codes, code => Assert.True(CameoCode.TryParse(code, out _), $"'{code}' is not a CAMEO code"));

        var missing = codes.Where(code => PloverTable.Default.For(code) is null).ToList();
        Assert.DoesNotContain(missing, code => !LeftOutByTheManual(code));

        // The allowance covers no code the table has: every 01 and 02 code is left out, none is coded.
        Assert.Equal(codes.Where(LeftOutByTheManual), missing);
    }

    [Fact]
    public void The_table_has_PLOVERs_sixteen_types_and_each_maps_back_to_the_codes_that_give_it()
    {
        Assert.Equal(16, PloverTable.Default.Types.Count);
        foreach (var type in PloverTable.Default.Types)
        {
            var codes = PloverTable.Default.CodesOf(type);
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.Equal(type, PloverTable.Default.For(code)!.Type));
        }

        Assert.Equal(PloverTable.Default.Count, PloverTable.Default.Types.Sum(t => PloverTable.Default.CodesOf(t).Count));
        Assert.Empty(PloverTable.Default.CodesOf("APPEAL"));
    }

    [Fact]
    public void Blank_fields_are_null_and_given_ones_are_the_tables()
    {
        Assert.Equal(new PloverCoding("CONSULT", "phone", null), PloverTable.Default.For("041"));
        Assert.Equal(new PloverCoding("COERCE", "arrest", "legal"), PloverTable.Default.For("173"));
        Assert.Equal(new PloverCoding("ASSAULT", null, null), PloverTable.Default.For("1823"));
        Assert.Null(PloverTable.Default.For("010"));
    }
}
