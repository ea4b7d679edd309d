namespace Dyad.Storage.Tests;

/// <summary>
/// Events dated far from today (before 1970, after 2105) keep their dates in a store: listed, ordered, filtered and put
/// on timelines by them. The same checks run on the ClickHouse cluster (<see cref="ClickHouseTests"/>).
/// </summary>
public sealed class CalendarTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DuckDB_keeps_events_before_1970_and_after_2105_with_their_dates()
    {
        var db = _folder.File("calendar.duckdb");
        var ingest = DyadProcess.Run("ingest", Stories.WriteAcrossTheCalendar(_folder.File("calendar.jsonl")), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        ExpectDatesKept(db);
    }

    [Fact]
    public void A_story_dated_in_the_first_days_of_year_1_is_stored_with_its_date()
    {
        // Fusion widens a publication date three days back; from 0001-01-02 that reached before the calendar and
        // failed the ingest.
        var story = _folder.File("year-1.txt");
        File.WriteAllText(story, "Japan met China in Beijing on Monday. Last month Japan accused China of spying.\n");
        var db = _folder.File("year-1.duckdb");

        var ingest = DyadProcess.Run("ingest", story, "--date", "0001-01-02", "--db", db);

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("year-1:0:0 0001-01-02 0001-01-02", Events(db));
    }

    /// <summary>What a store holding <see cref="Stories.WriteAcrossTheCalendar"/> must answer, whichever store it is.</summary>
    internal static void ExpectDatesKept(string db)
    {
        // In date order, each with the dates the coder gave it.
        Assert.Equal(
            [
                "doc-1066:0:0 1066-10-14 1066-10-14",
                "year-1933:0:0 1933-01-01 1933-12-31",
                "doc-1965:0:0 1965-06-14 1965-06-14",
                "doc-1969:0:0 1969-12-31 1969-12-31",
                "doc-1970:0:0 1970-01-01 1970-01-01",
                "doc-2020:0:0 2020-03-05 2020-03-05",
                "doc-2150:0:0 2150-06-29 2150-06-29",
            ],
            Events(db));

        // A filter keeps an event whose span meets its range, and only those.
        Assert.Equal(["doc-1066:0:0", "year-1933:0:0", "doc-1965:0:0", "doc-1969:0:0"], Ids(Events(db, "--to", "1969-12-31")));
        Assert.Equal(["year-1933:0:0", "doc-1965:0:0"], Ids(Events(db, "--from", "1933-12-31", "--to", "1965-06-14")));
        Assert.Equal(["doc-1970:0:0", "doc-2020:0:0", "doc-2150:0:0"], Ids(Events(db, "--from", "1970-01-01")));
        Assert.Equal(["doc-2150:0:0"], Ids(Events(db, "--from", "2106-01-01")));
        Assert.Empty(Events(db, "--from", "1934-01-01", "--to", "1965-06-13"));

        // Timelines put each event in its own period, 1066 as much as 1933, and every period between them is there
        // as a zero: 867 years of months less nine, and the weeks of Mondays from 1066-10-08 to 1932-12-26.
        Assert.Equal(["1066-10-08", "1932-12-26"], Periods(db, "week", withEvents: true));
        Assert.Equal(["1066-10", "1933-01"], Periods(db, "month", withEvents: true));
        Assert.Equal(["1066", "1933"], Periods(db, "year", withEvents: true));
        Assert.Equal(868, Periods(db, "year").Length);
        Assert.Equal(867 * 12 - 9 + 1, Periods(db, "month").Length);
        Assert.Equal((new DateOnly(1932, 12, 26).DayNumber - new DateOnly(1066, 10, 8).DayNumber) / 7 + 1, Periods(db, "week").Length);
    }

    /// <summary>Each listed event as "id start end".</summary>
    private static string[] Events(string db, params string[] filters)
    {
        var listed = DyadProcess.Run(["events", "--db", db, "--format", "tsv", "--sort", "oldest", .. filters]);
        Assert.True(listed.ExitCode == 0, listed.Error);
        return listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => $"{f[0]} {f[3]} {f[4]}")
            .ToArray();
    }

    private static string[] Ids(string[] events) => events.Select(e => e.Split(' ')[0]).ToArray();

    /// <summary>The timeline's periods, all of them or only those with events (a total above zero).</summary>
    private static string[] Periods(string db, string by, bool withEvents = false)
    {
        var timeline = DyadProcess.Run("timeline", "FRA", "DEU", "--by", by, "--db", db);
        Assert.True(timeline.ExitCode == 0, timeline.Error);
        return timeline.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => !withEvents || f[5] != "0")
            .Select(f => f[0])
            .ToArray();
    }
}
