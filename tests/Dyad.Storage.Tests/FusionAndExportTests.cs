using System.Globalization;
using DuckDB.NET.Data;
using Dyad.Records;
using Dyad.Storage.Exports;

namespace Dyad.Storage.Tests;

/// <summary>One meeting reported by three stories becomes one event; exports read back in their formats.</summary>
public sealed class FusionAndExportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DuckDbEventStore StoreWithThreeReports()
    {
        var store = DuckDbEventStore.Open(_folder.File("fusion.duckdb"));
        store.Ingest(
        [
            Stories.Code("wire-a", "2016-11-29", "Wire A", "TOKYO - Japanese and Chinese foreign ministers met in Beijing on Monday to discuss maritime disputes, officials said."),
            Stories.Code("wire-b", "2016-11-29", "Wire B", "Japan's foreign minister held talks with his Chinese counterpart in Beijing on Nov. 28, the ministry said."),
        ]);
        store.Ingest([Stories.Code("wire-c", "2016-11-30", "Wire C", "China denied that its foreign minister met Japanese officials in Beijing on Monday.")]);
        return store;
    }

    [Fact]
    public void One_meeting_reported_three_ways_is_one_event_with_three_mentions_and_disputed()
    {
        using var store = StoreWithThreeReports();

        var meetings = store.Events(new EventQuery { Dyad = new ActorPair("JPN", "CHN"), CameoPrefix = "04" });

        var meeting = Assert.Single(meetings);
        Assert.Equal(3, meeting.NumMentions);
        Assert.Equal(3, meeting.NumArticles);
        Assert.Equal(3, meeting.NumSources);
        Assert.True(meeting.Disputed);
        Assert.Equal(new DateOnly(2016, 11, 28), meeting.DateStart);
        var mentions = store.Mentions(meeting.Id);
        Assert.Equal(["wire-a", "wire-b", "wire-c"], mentions.Select(m => m.Doc).Order(StringComparer.Ordinal));
        Assert.Contains(mentions, m => m.Status == "denied" && m.FusionReason.Contains("dates overlap", StringComparison.Ordinal));
        Assert.Contains("\"status\":\"denied\"", EventJson.ToJson(meeting.Record), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_records_keep_their_PLOVER_coding_and_a_PLOVER_type_finds_the_event()
    {
        using var store = StoreWithThreeReports();

        var meeting = Assert.Single(store.Events(new EventQuery { Dyad = new ActorPair("JPN", "CHN"), PloverType = "CONSULT" }));
        Assert.Equal("CONSULT", meeting.Record.Plover?.Type);
        Assert.All(store.Mentions(meeting.Id), m => Assert.Equal(Dyad.Events.PloverRefinement.Of(m.Record.Cameo, m.Record.Text), m.Record.Plover));
        Assert.Contains("\"plover\":{\"type\":\"CONSULT\"", EventJson.ToJson(meeting.Record), StringComparison.Ordinal);
        Assert.Empty(store.Events(new EventQuery { Dyad = new ActorPair("JPN", "CHN"), PloverType = "ASSAULT" }));
    }

    [Fact]
    public void A_record_stored_before_PLOVER_reads_back_with_its_code_s_PLOVER_coding()
    {
        using var store = StoreWithThreeReports();
        var stored = EventJson.ToJson(store.Events(new EventQuery()).First(e => e.Record.Plover is not null).Record);
        var withoutPlover = System.Text.RegularExpressions.Regex.Replace(stored, "\"plover\":(null|\\{[^}]*\\}),", string.Empty);

        Assert.DoesNotContain("plover", withoutPlover, StringComparison.Ordinal);
        Assert.Equal(stored, EventJson.ToJson(EventJson.Parse(withoutPlover)));
    }

    [Fact]
    public void Events_command_explains_why_mentions_were_fused()
    {
        using (StoreWithThreeReports())
        {
        }

        var db = _folder.File("fusion.duckdb");
        string id;
        using (var store = DuckDbEventStore.Open(db, readOnly: true))
        {
            id = store.Events(new EventQuery { Dyad = new ActorPair("JPN", "CHN") })[0].Id;
        }

        var result = DyadProcess.Run("events", "--db", db, "--id", id, "--mentions");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 mentions, 3 sources, 3 articles; disputed", result.Out, StringComparison.Ordinal);
        Assert.Contains("same actors", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_command_filters_on_a_PLOVER_type_in_any_case_and_refuses_one_PLOVER_lacks()
    {
        using (StoreWithThreeReports())
        {
        }

        var db = _folder.File("fusion.duckdb");
        var consult = DyadProcess.Run("events", "--db", db, "--plover", "consult", "--format", "tsv");
        var appeal = DyadProcess.Run("events", "--db", db, "--plover", "APPEAL");

        Assert.Equal(0, consult.ExitCode);
        var rows = consult.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("CONSULT", Dyad.Events.PloverTable.Default.For(row.Split('\t')[7])?.Type));
        Assert.Equal(1, appeal.ExitCode);
        Assert.Equal(
            "dyad: --plover must be one of ACCUSE, AGREE, AID, ASSAULT, COERCE, CONCEDE, CONSULT, COOPERATE, MOBILIZE, PROTEST, REJECT, REQUEST, RETREAT, SANCTION, SUPPORT, THREATEN (got 'APPEAL')",
            appeal.Error.Trim());
    }

    [Fact]
    public async Task A_Parquet_export_opens_in_DuckDB_with_the_right_rows_and_types()
    {
        using var store = StoreWithThreeReports();
        var events = store.Events(new EventQuery());
        var path = _folder.File("events.parquet");
        await using (var file = File.Create(path))
        {
            await EventExports.WriteParquetAsync(events, file);
        }

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), min(typeof(date_start)), min(typeof(quad)), min(typeof(goldstein)), min(typeof(disputed)), CAST(sum(num_mentions) AS INTEGER) FROM read_parquet('{path}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(events.Count, Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        Assert.StartsWith("TIMESTAMP", reader.GetString(1), StringComparison.Ordinal);
        Assert.Equal("INTEGER", reader.GetString(2));
        Assert.Equal("DOUBLE", reader.GetString(3));
        Assert.Equal("BOOLEAN", reader.GetString(4));
        Assert.Equal(events.Sum(e => e.NumMentions), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GDELT_and_ICEWS_rows_have_their_formats_column_counts()
    {
        using var store = StoreWithThreeReports();
        var events = store.Events(new EventQuery());

        Assert.NotEmpty(events);
        Assert.Equal(61, EventExports.GdeltColumns.Length);
        Assert.Equal(20, EventExports.IcewsColumns.Length);
        foreach (var e in events)
        {
            Assert.Equal(61, EventExports.ToGdelt(e, 1).Split('\t').Length);
            Assert.Equal(20, EventExports.ToIcews(e).Split('\t').Length);
            Assert.Equal(16, EventExports.ToTsv(e).Split('\t').Length);
        }
    }

    [Fact]
    public void A_POLECAT_row_has_its_forty_columns_in_PLOVERs_terms_and_events_PLOVER_leaves_out_have_none()
    {
        using var store = StoreWithThreeReports();
        var meeting = Assert.Single(store.Events(new EventQuery { Dyad = new ActorPair("JPN", "CHN"), CameoPrefix = "04" }));

        var row = EventExports.ToPolecat(meeting)!.Split('\t');
        var column = EventExports.PolecatColumns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => row[c.i]);

        Assert.Equal(40, EventExports.PolecatColumns.Length);
        Assert.Equal(40, row.Length);
        Assert.Equal(meeting.Id, column["Event ID"]);
        Assert.Equal("2016-11-28", column["Event Date"]);
        Assert.Equal("CONSULT", column["Event Type"]);
        Assert.Equal("VERBAL COOPERATION", column["Quad Code"]);
        Assert.Equal(["JPN", "CHN"], new[] { column["Actor Country"], column["Recipient Country"] });
        Assert.Equal("CHN", column["Country"]);
        Assert.Equal("Beijing", column["City"]);

        // A US county is POLECAT's district, not its city.
        var county = EventExports.ToPolecat(meeting.Record with { Place = new Dyad.Records.PlaceRecord("Laurel County", "Laurel County", "USA", "Kentucky", 37.11, -84.12, "admin2") })!.Split('\t');
        Assert.Equal(("Laurel County", "", "Kentucky"), (county[Array.IndexOf(EventExports.PolecatColumns, "District")], county[Array.IndexOf(EventExports.PolecatColumns, "City")], county[Array.IndexOf(EventExports.PolecatColumns, "Province")]));

        // A statement (CAMEO 01) is no PLOVER event, so POLECAT's table has no row for it; a concession (CAMEO 08, a
        // material root) is verbal cooperation in PLOVER, which the quad column follows.
        Assert.Null(EventExports.ToPolecat(meeting.Record with { Cameo = "010", Plover = null }));
        Assert.Equal("VERBAL COOPERATION", EventExports.ToPolecat(meeting.Record with { Cameo = "081", Plover = Dyad.Events.PloverTable.Default.For("081") })!.Split('\t')[5]);
    }

    [Fact]
    public void A_hostile_filter_value_is_only_ever_a_value()
    {
        using var store = StoreWithThreeReports();
        var before = store.CountEvents(new EventQuery());

        var found = store.Events(new EventQuery { Text = "'; DROP TABLE events; --" });

        Assert.Empty(found);
        Assert.Equal(before, store.CountEvents(new EventQuery()));
    }
}
