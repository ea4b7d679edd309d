using Dyad.Actors;
using Dyad.Events;
using Dyad.Petrarch;
using Dyad.Vetting;

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

    /// <summary>
    /// Every code Dyad can put in a record: the codebook's (the coder's own fixed codes, 044 and 111, are in it), every
    /// code and reverse code of its event patterns as loaded (events.txt) and of the compiled Phoenix verb patterns
    /// (resources/knowledge, which also code when Phoenix's dictionaries are given with --dictionaries, and include
    /// codes outside the codebook such as 176 and 1952), and the root codes the pair model writes ("190").
    /// </summary>
    private static List<string> EmittableCodes()
    {
        var codebook = ResourceLines("cameo", "cameo.tsv").Select(l => l.Split('\t')[0]);
        var phoenix = new EventDictionary();
        PetrarchDictionaries.LoadKnowledge(new ActorDictionary(), phoenix);
        var patterns = EventDictionary.LoadBuiltIn().Patterns.Concat(phoenix.Patterns)
            .Where(p => !p.Suppresses)
            .SelectMany(p => p.ReverseCode is { } reverse ? new[] { p.Code.Value, reverse.Value } : [p.Code.Value]);
        var pairModel = Enumerable.Range(1, PairModel.ClassCount - 1).Select(label => PairModel.RootOf(label) + "0");
        return [.. codebook.Concat(patterns).Concat(pairModel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
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

        // The Phoenix codes outside CAMEO's codebook are among them, with the types of their CAMEO parents.
        Assert.Contains("176", codes);
        Assert.Contains("1952", codes);
        Assert.Contains("190", codes);
    }

    [Fact]
    public void The_codes_the_manuals_table_lacks_take_their_parents_type_and_a_mode_PLOVER_has_for_it()
    {
        Assert.Equal(new PloverCoding("COERCE", "cyber", "cyber"), PloverTable.Default.For("176"));
        Assert.Equal(new PloverCoding("ASSAULT", "drone", "military"), PloverTable.Default.For("1952"));
        Assert.Equal(PloverTable.Default.For("17")!.Type, PloverTable.Default.For("176")!.Type);
        Assert.Equal(PloverTable.Default.For("195")!.Type, PloverTable.Default.For("1952")!.Type);

        // A filter on the type finds them, and a code no dictionary of Dyad's gives still has no coding.
        Assert.Contains("176", PloverTable.Default.CodesOf("COERCE"));
        Assert.Contains("1952", PloverTable.Default.CodesOf("ASSAULT"));
        Assert.Null(PloverTable.Default.For("1959"));
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
