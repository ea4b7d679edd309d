using System.Globalization;

namespace Dyad.Storage.ClickHouse;

/// <summary>
/// An <see cref="EventQuery"/> in ClickHouse's SQL, on one fusion's events: a WHERE condition whose values are
/// <see cref="Parameters"/> (sent beside the query, never in its text), the ORDER BY of the query's order, and its
/// LIMIT clause (empty when it reads every event).
/// </summary>
internal sealed record ClickHouseEventSql(string Where, IReadOnlyList<ClickHouseParameter> Parameters, string OrderBy, string Limit)
{
    public static ClickHouseEventSql From(EventQuery query, ulong fusionVersion)
    {
        var clauses = new List<string> { "fusion_version = " + fusionVersion.ToString(CultureInfo.InvariantCulture) };
        var parameters = new List<ClickHouseParameter>();
        string Value(ClickHouseParameter parameter)
        {
            parameters.Add(parameter);
            return parameter.Sql;
        }

        if (query.Id is { } id)
        {
            clauses.Add($"event_id = {Value(ClickHouseParameter.String("id", id))}");
        }

        if (query.Actor is { } actor)
        {
            var code = Value(ClickHouseParameter.String("actor", actor));
            clauses.Add($"(startsWith(source_code, {code}) OR startsWith(ifNull(target_code, ''), {code}))");
        }

        if (query.Dyad is { } dyad)
        {
            var a = Value(ClickHouseParameter.String("dyad_a", dyad.A));
            var b = Value(ClickHouseParameter.String("dyad_b", dyad.B));
            var forward = $"(startsWith(source_code, {a}) AND startsWith(ifNull(target_code, ''), {b}))";
            var backward = $"(startsWith(source_code, {b}) AND startsWith(ifNull(target_code, ''), {a}))";
            clauses.Add(dyad.Directed ? forward : $"({forward} OR {backward})");
        }

        if (query.CameoPrefix is { } cameo)
        {
            clauses.Add($"startsWith(cameo, {Value(ClickHouseParameter.String("cameo", cameo))})");
        }

        if (query.PloverCodes is { } ploverCodes)
        {
            clauses.Add($"cameo IN {Value(ClickHouseParameter.Strings("plover", ploverCodes))}");
        }

        if (query.Quad is { } quad)
        {
            clauses.Add($"quad = {Value(ClickHouseParameter.Int32("quad", quad))}");
        }

        if (query.From is { } from)
        {
            clauses.Add($"date_end >= {Value(ClickHouseParameter.Date("from_date", from))}");
        }

        if (query.To is { } to)
        {
            clauses.Add($"date_start <= {Value(ClickHouseParameter.Date("to_date", to))}");
        }

        if (query.PlaceCountry is { } country)
        {
            clauses.Add($"place_country = {Value(ClickHouseParameter.String("country", country))}");
        }

        if (query.Status is { } status)
        {
            clauses.Add($"status = {Value(ClickHouseParameter.String("status", status))}");
        }

        if (query.Secret is { } secret)
        {
            clauses.Add($"secret = {Value(ClickHouseParameter.Boolean("secret", secret))}");
        }

        if (query.Text is { } text)
        {
            // search_text holds the sentence in lower case, so one lower-casing here makes the match ignore case.
            clauses.Add($"position(search_text, {Value(ClickHouseParameter.String("text", text.ToLowerInvariant()))}) > 0");
        }

        return new ClickHouseEventSql(string.Join(" AND ", clauses), parameters, EventOrderSql.OrderBy(query.Order), LimitOf(query.Limit, query.Offset));
    }

    /// <summary>LIMIT takes only numbers written out (not a subquery); these are integers, so nothing else reaches the text.</summary>
    private static string LimitOf(int limit, int offset)
    {
        var skip = Math.Max(0, offset);
        if (limit != int.MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"LIMIT {skip}, {limit}");
        }

        // Every event after the offset: a LIMIT with an offset needs a count, so the count is the largest there is.
        return offset > 0 ? string.Create(CultureInfo.InvariantCulture, $"LIMIT {offset}, 18446744073709551615") : string.Empty;
    }
}
