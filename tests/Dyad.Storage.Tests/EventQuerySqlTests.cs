using System.Text.Json;
using Dyad.Storage.ClickHouse;

namespace Dyad.Storage.Tests;

/// <summary>
/// Each store turns an <see cref="EventQuery"/> into its own SQL, and that SQL only names the query's values: a value
/// written to break out of a string reaches the store as the value it is.
/// </summary>
public sealed class EventQuerySqlTests
{
    /// <summary>Quotes, escapes, comments and each store's parameter syntax, marked so any copy of it in SQL is found.</summary>
    private const string Hostile = "zqx'); DROP TABLE events; -- \\' \" ` $id (SELECT 1) {id:String}";

    private static EventQuery EveryFilter(string value) => new()
    {
        Id = value,
        Actor = value,
        Dyad = new ActorPair(value, value + "B", Directed: true),
        CameoPrefix = value,
        Quad = 3,
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 12, 31),
        PlaceCountry = value,
        Status = value,
        Secret = false,
        Text = value,
        Limit = 10,
        Offset = 5,
        Order = EventOrder.GoldsteinDescending,
    };

    [Fact]
    public void DuckDB_SQL_binds_every_filter_value_as_a_parameter()
    {
        var sql = DuckDbEventSql.From(EveryFilter(Hostile));

        Assert.DoesNotContain("zqx", sql.Where, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            ["id", "actor", "da", "db", "cameo", "quad", "from", "to", "country", "status", "secret", "text"],
            sql.Parameters.Select(p => p.Name));
        Assert.Equal(Hostile, sql.Parameters.Single(p => p.Name == "id").Value);
        Assert.Equal(Hostile.ToLowerInvariant(), sql.Parameters.Single(p => p.Name == "text").Value);
    }

    [Fact]
    public void ClickHouse_SQL_sends_every_filter_value_beside_the_query()
    {
        var sql = ClickHouseEventSql.From(EveryFilter(Hostile), fusionVersion: 42);

        Assert.DoesNotContain("zqx", sql.Where + sql.OrderBy + sql.Limit, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("fusion_version = 42 AND ", sql.Where, StringComparison.Ordinal);
        Assert.Equal(
            ["id", "actor", "dyad_a", "dyad_b", "cameo", "quad", "from_date", "to_date", "country", "status", "secret", "text"],
            sql.Parameters.Select(p => p.Name));
        Assert.Equal("LIMIT 5, 10", sql.Limit);

        // The external table's one row carries each value exactly, typed as its column says.
        var row = JsonDocument.Parse(ClickHouseParameter.Row(sql.Parameters)).RootElement;
        Assert.Equal(Hostile, row.GetProperty("id").GetString());
        Assert.Equal(Hostile + "B", row.GetProperty("dyad_b").GetString());
        Assert.Equal(Hostile.ToLowerInvariant(), row.GetProperty("text").GetString());
        Assert.Equal("2020-01-01", row.GetProperty("from_date").GetString());
        Assert.Equal(3, row.GetProperty("quad").GetInt32());
        Assert.Equal(0, row.GetProperty("secret").GetInt32());
        Assert.Equal(
            "id String, actor String, dyad_a String, dyad_b String, cameo String, quad Int32, from_date String, to_date String, country String, status String, secret UInt8, text String",
            ClickHouseParameter.Structure(sql.Parameters));
    }

    [Fact]
    public void A_list_is_sent_as_one_array_and_read_as_rows_for_IN()
    {
        var ids = ClickHouseParameter.Strings("ids", ["a'b", "c"]);

        Assert.Equal("(SELECT arrayJoin(ids) FROM query_parameters)", ids.Sql);
        Assert.Equal("{\"ids\":[\"a\\u0027b\",\"c\"]}\n", ClickHouseParameter.Row([ids]));
    }

    [Fact]
    public void A_PLOVER_type_is_a_filter_on_the_CAMEO_codes_the_table_gives_it()
    {
        var codes = Dyad.Events.PloverTable.Default.CodesOf("CONSULT");
        var duck = DuckDbEventSql.From(new EventQuery { PloverType = "CONSULT" });
        var clickHouse = ClickHouseEventSql.From(new EventQuery { PloverType = "CONSULT" }, fusionVersion: 1);

        Assert.Contains("040", codes);
        Assert.Equal(codes, duck.Parameters.Select(p => (string)p.Value!));
        Assert.Equal($"WHERE cameo IN ({string.Join(", ", duck.Parameters.Select(p => "$" + p.Name))})", duck.Where);
        Assert.Equal("fusion_version = 1 AND cameo IN (SELECT arrayJoin(plover) FROM query_parameters)", clickHouse.Where);
        Assert.Equal(codes, JsonDocument.Parse(ClickHouseParameter.Row(clickHouse.Parameters)).RootElement.GetProperty("plover").EnumerateArray().Select(c => c.GetString()));

        // A type the table lacks matches nothing rather than everything.
        Assert.Equal("WHERE false", DuckDbEventSql.From(new EventQuery { PloverType = Hostile }).Where);
    }

    [Fact]
    public void A_query_without_filters_has_no_condition_and_no_values()
    {
        var duck = DuckDbEventSql.From(new EventQuery());
        var clickHouse = ClickHouseEventSql.From(new EventQuery(), fusionVersion: 7);

        Assert.Equal(string.Empty, duck.Where);
        Assert.Empty(duck.Parameters);
        Assert.Equal("fusion_version = 7", clickHouse.Where);
        Assert.Empty(clickHouse.Parameters);
        Assert.Equal(string.Empty, clickHouse.Limit);
    }

    [Theory]
    [InlineData(EventOrder.Date, "date_start NULLS LAST, event_id")]
    [InlineData(EventOrder.DateDescending, "date_start DESC NULLS LAST, event_id")]
    [InlineData(EventOrder.Mentions, "num_mentions, event_id")]
    [InlineData(EventOrder.MentionsDescending, "num_mentions DESC, event_id")]
    [InlineData(EventOrder.Goldstein, "goldstein, event_id")]
    [InlineData(EventOrder.GoldsteinDescending, "goldstein DESC, event_id")]
    public void Both_stores_order_alike_and_break_ties_by_event_id(EventOrder order, string orderBy)
    {
        Assert.Equal(orderBy, DuckDbEventSql.From(new EventQuery { Order = order }).OrderBy);
        Assert.Equal(orderBy, ClickHouseEventSql.From(new EventQuery { Order = order }, fusionVersion: 1).OrderBy);
    }

    [Theory]
    [InlineData(int.MaxValue, 0, "")]
    [InlineData(int.MaxValue, 3, "LIMIT 3, 18446744073709551615")]
    [InlineData(100, 0, "LIMIT 0, 100")]
    [InlineData(100, -4, "LIMIT 0, 100")]
    public void ClickHouse_pages_with_numbers_only(int limit, int offset, string clause) =>
        Assert.Equal(clause, ClickHouseEventSql.From(new EventQuery { Limit = limit, Offset = offset }, fusionVersion: 1).Limit);
}
