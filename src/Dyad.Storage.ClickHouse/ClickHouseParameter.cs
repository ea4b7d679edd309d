using System.Globalization;
using System.Text.Json;

namespace Dyad.Storage.ClickHouse;

/// <summary>
/// A value a query uses, sent beside the query's text rather than in it. ClickHouse 18.16 takes no query parameters
/// over HTTP, so a query's values travel as one row of an external table (<see cref="Table"/>), a column each, and
/// the text only names them: no value, however written, can change what a query means.
/// </summary>
internal sealed record ClickHouseParameter
{
    /// <summary>The external table holding a query's values.</summary>
    public const string Table = "query_parameters";

    private readonly bool _isList;

    private ClickHouseParameter(string name, string type, string json, bool isList = false)
    {
        Name = name;
        Type = type;
        Json = json;
        _isList = isList;
    }

    /// <summary>The column's name, chosen by the code that writes the query (never by a user).</summary>
    public string Name { get; }

    /// <summary>The column's ClickHouse type.</summary>
    public string Type { get; }

    /// <summary>The value as JSON, as the external table's row carries it.</summary>
    public string Json { get; }

    /// <summary>
    /// What stands for the value in the query: a scalar subquery (ClickHouse works it out once, before choosing what to
    /// read, so the primary key is still used), or for a list the subquery of its values, for IN.
    /// </summary>
    public string Sql => _isList ? $"(SELECT arrayJoin({Name}) FROM {Table})" : $"(SELECT {Name} FROM {Table})";

    public static ClickHouseParameter String(string name, string value) => new(name, "String", JsonSerializer.Serialize(value));

    public static ClickHouseParameter Int32(string name, int value) => new(name, "Int32", JsonSerializer.Serialize(value));

    /// <summary>A truth value as the UInt8 (0 or 1) that ClickHouse 18.16 stores it as.</summary>
    public static ClickHouseParameter Boolean(string name, bool value) => new(name, "UInt8", value ? "1" : "0");

    /// <summary>A date as the ISO text the store keeps dates as (18.16's Date starts at 1970), so it compares with them as text.</summary>
    public static ClickHouseParameter Date(string name, DateOnly value) =>
        new(name, "String", JsonSerializer.Serialize(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static ClickHouseParameter Strings(string name, IEnumerable<string> values) =>
        new(name, "Array(String)", JsonSerializer.Serialize(values.ToArray()), isList: true);

    /// <summary>The external table's columns, as its <c>_structure</c> setting lists them.</summary>
    public static string Structure(IReadOnlyList<ClickHouseParameter> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Name} {p.Type}"));

    /// <summary>The external table's one row, in JSONEachRow.</summary>
    public static string Row(IReadOnlyList<ClickHouseParameter> parameters) =>
        "{" + string.Join(",", parameters.Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Json)) + "}\n";
}
