namespace Dyad.Tests.Cli;

/// <summary><c>dyad eval time</c> on TimeML written for the test, and its errors on bad input.</summary>
public sealed class EvalTimeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-eval-time-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Story = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>test</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
        <TEXT>
        The ministers met <TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of talks. They meet <TIMEX3 tid="t3" type="SET" value="P1W">weekly</TIMEX3>, and prices fell <TIMEX3 tid="t4" type="DATE" value="1998-02">this month</TIMEX3>.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void Scores_each_TIMEX3_type_and_all_of_them()
    {
        File.WriteAllText(Path.Combine(_folder, "story.tml"), Story);

        var result = CliRunner.Run("eval", "time", "--gold", _folder, "--errors", "5");

        Assert.Equal(0, result.ExitCode);
        var all = Assert.Single(result.OutLines, l => l.StartsWith("all ", StringComparison.Ordinal));
        // Four gold expressions (the creation time is left out), all found with their values.
        Assert.Matches(@"^all\s+4\s+4 \| 100\.00 100\.00 100\.00 \| 100\.00 100\.00 100\.00 \| 100\.00 100\.00 100\.00 100\.00$", all);
        Assert.Contains(result.OutLines, l => l.StartsWith("DURATION      1       1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_counts_as_its_two_ends_as_TimeML_annotates_them()
    {
        File.WriteAllText(Path.Combine(_folder, "range.tml"), """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>range</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" temporalFunction="false" functionInDocument="CREATION_TIME">11/02/1989</TIMEX3></DCT>
            <TEXT>
            The fund bought shares from <TIMEX3 tid="t1" type="DATE" value="1989-08-26">Aug. 26</TIMEX3> to <TIMEX3 tid="t2" type="DATE" value="1989-10-20">Oct. 20</TIMEX3>.
            </TEXT>
            </TimeML>
            """);

        var result = CliRunner.Run("eval", "time", "--gold", _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^all\s+2\s+2 \|.*100\.00 100\.00 100\.00 100\.00$", Assert.Single(result.OutLines, l => l.StartsWith("all ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_folder_and_malformed_TimeML_are_one_error_line_and_a_failure()
    {
        var missing = CliRunner.Run("eval", "time", "--gold", Path.Combine(_folder, "nope"));
        File.WriteAllText(Path.Combine(_folder, "broken.tml"), "<TimeML><TEXT>unclosed");
        var malformed = CliRunner.Run("eval", "time", "--gold", _folder);

        Assert.Equal(1, missing.ExitCode);
        Assert.Matches("^dyad: .*nope: no such folder$", Assert.Single(missing.ErrorLines));
        Assert.Equal(1, malformed.ExitCode);
        Assert.Matches("^dyad: .*broken\\.tml: not well-formed XML", Assert.Single(malformed.ErrorLines));
    }
}
