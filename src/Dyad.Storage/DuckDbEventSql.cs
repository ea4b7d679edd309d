namespace Dyad.Storage;

/// <summary>
/// An <see cref="EventQuery"/> in DuckDB's SQL: a WHERE clause (empty when nothing is filtered) that names every value
/// as a parameter, the values to bind to those names, and the ORDER BY of the query's order.
/// </summary>
internal sealed record DuckDbEventSql(string Where, IReadOnlyList<(string Name, object? Value)> Parameters, string OrderBy)
{
    public static DuckDbEventSql From(EventQuery query)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, params (string, object?)[] values)
        {
            clauses.Add(clause);
            parameters.AddRange(values);
        }

        if (query.Id is { } id)
        {
            Add("event_id = $id", ("id", id));
        }

        if (query.Actor is { } actor)
        {
            Add("(starts_with(source_code, $actor) OR starts_with(target_code, $actor))", ("actor", actor));
        }

        if (query.Dyad is { } dyad)
        {
            Add(dyad.Directed
                ? "(starts_with(source_code, $da) AND starts_with(target_code, $db))"
                : "((starts_with(source_code, $da) AND starts_with(target_code, $db)) OR (starts_with(source_code, $db) AND starts_with(target_code, $da)))",
                ("da", dyad.A), ("db", dyad.B));
        }

        if (query.CameoPrefix is { } cameo)
        {
            Add("starts_with(cameo, $cameo)", ("cameo", cameo));
        }

        if (query.PloverCodes is { } ploverCodes)
        {
            var names = ploverCodes.Select((_, i) => $"plover{i}").ToList();
            Add(names.Count == 0 ? "false" : $"cameo IN ({string.Join(", ", names.Select(n => "$" + n))})",
                [.. names.Zip(ploverCodes, (name, code) => (name, (object?)code))]);
        }

        if (query.Quad is { } quad)
        {
            Add("quad = $quad", ("quad", quad));
        }

        if (query.From is { } from)
        {
            Add("date_end >= $from", ("from", from));
        }

        if (query.To is { } to)
        {
            Add("date_start <= $to", ("to", to));
        }

        if (query.PlaceCountry is { } country)
        {
            Add("place_country = $country", ("country", country));
        }

        if (query.Status is { } status)
        {
            Add("status = $status", ("status", status));
        }

        if (query.Secret is { } secret)
        {
            Add("secret = $secret", ("secret", secret));
        }

        if (query.Text is { } text)
        {
            // search_text holds the sentence in lower case, so one lower-casing here makes the match ignore case.
            Add("contains(search_text, $text)", ("text", text.ToLowerInvariant()));
        }

        return new DuckDbEventSql(clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses), parameters, EventOrderSql.OrderBy(query.Order));
    }
}
