using Dyad.Storage.ClickHouse;

namespace Dyad.Storage.Tests;

/// <summary>
/// Each store turns an <see cref="EventQuery"/> into its own SQL: DuckDB's only names the query's values, so a value
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
    public void A_query_without_filters_has_no_condition()
    {
        var duck = DuckDbEventSql.From(new EventQuery());
        var clickHouse = ClickHouseEventSql.From(new EventQuery(), fusionVersion: 7);

        Assert.Equal(string.Empty, duck.Where);
        Assert.Empty(duck.Parameters);
        Assert.Equal("fusion_version = 7", clickHouse.Where);
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
