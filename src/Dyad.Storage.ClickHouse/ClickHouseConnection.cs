using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Dyad.Storage.ClickHouse;

/// <summary>Where the cluster is: its nodes' HTTP addresses (the first coordinates queries), database and cluster name.</summary>
public sealed record ClickHouseLocation(IReadOnlyList<Uri> Nodes, string Database, string Cluster)
{
    private const string Scheme = "clickhouse://";

    /// <summary>Whether a store address names a ClickHouse cluster (and not, say, a DuckDB file).</summary>
    public static bool IsClusterAddress(string db) => db.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>clickhouse://host:port[,host:port...]/database?cluster=name</c> (HTTP ports).</summary>
    public static ClickHouseLocation Parse(string db)
    {
        if (!IsClusterAddress(db))
        {
            throw new StoreException($"{db}: not a clickhouse:// address");
        }

        var rest = db[Scheme.Length..];
        var query = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hosts = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 && rest.Length > slash + 1 ? rest[(slash + 1)..] : "default";
        var cluster = query.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "cluster") is { Length: 2 } c ? c[1] : "dyad";
        var nodes = hosts.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => Uri.TryCreate($"http://{h}/", UriKind.Absolute, out var uri) ? uri : throw new StoreException($"{db}: '{h}' is not host:port"))
            .ToList();
        if (nodes.Count == 0 || !IsName(database) || !IsName(cluster))
        {
            throw new StoreException($"{db}: expected clickhouse://host:port[,host:port...]/database?cluster=name");
        }

        return new ClickHouseLocation(nodes, database, cluster);
    }

    private static bool IsName(string name) => name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

/// <summary>ClickHouse over its HTTP interface (ClickHouse.Driver does not talk to 18.16): SQL in, TSV or JSON Lines out.</summary>
internal sealed class ClickHouseConnection : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public ClickHouseConnection(ClickHouseLocation location)
    {
        Location = location;
    }

    public ClickHouseLocation Location { get; }

    /// <summary>Answer from the live shards when one is down (skip_unavailable_shards), instead of failing.</summary>
    public bool Partial { get; init; }

    /// <summary>Opened to answer queries (not to ingest), so a missing shard can be skipped with --partial.</summary>
    public bool ForReading { get; init; }

    public string Execute(string sql, Uri? node = null, string? body = null, params (string Name, string Value)[] settings) =>
        Execute(sql, node, body, Location.Database, settings);

    public string Execute(string sql, Uri? node, string? body, string database, params (string Name, string Value)[] settings)
    {
        if (body is null)
        {
            return Send(node, database, settings, [], Text(sql));
        }

        return Send(node, database, settings, ["query=" + Uri.EscapeDataString(sql)], Text(body));
    }

    /// <summary>
    /// Runs a query on the coordinating node with its values beside it, as the external table
    /// <see cref="ClickHouseParameter.Table"/>: the query's text goes in the address, the values in a form's file part.
    /// </summary>
    public string Execute(string sql, IReadOnlyList<ClickHouseParameter> parameters, string? database = null, params (string Name, string Value)[] settings)
    {
        database ??= Location.Database;
        if (parameters.Count == 0)
        {
            return Execute(sql, null, null, database, settings);
        }

        const string table = ClickHouseParameter.Table;
        var form = new MultipartFormDataContent();

        // ClickHouse reads a part as an external table only when the part names a file.
        form.Add(new StringContent(ClickHouseParameter.Row(parameters), Encoding.UTF8), table, table);
        return Send(null, database, settings,
            [
                "query=" + Uri.EscapeDataString(sql),
                $"{table}_structure=" + Uri.EscapeDataString(ClickHouseParameter.Structure(parameters)),
                $"{table}_format=JSONEachRow",
            ],
            form);
    }

    private static StringContent Text(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    private string Send(Uri? node, string database, (string Name, string Value)[] settings, IEnumerable<string> arguments, HttpContent content)
    {
        var target = node ?? Location.Nodes[0];
        var parameters = new List<string> { $"database={database}" };
        if (Partial)
        {
            parameters.Add("skip_unavailable_shards=1");
        }

        parameters.AddRange(settings.Select(s => $"{s.Name}={Uri.EscapeDataString(s.Value)}"));
        parameters.AddRange(arguments);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "?" + string.Join('&', parameters))) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = _http.Send(request);
        }
        catch (HttpRequestException e)
        {
            throw new StoreException($"ClickHouse node {target.Authority} is unavailable ({e.Message})", e);
        }

        using (response)
        {
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (!response.IsSuccessStatusCode)
            {
                throw Describe(target, text);
            }

            return text;
        }
    }

    private StoreException Describe(Uri node, string error)
    {
        var firstLine = error.Split('\n')[0].Trim();
        if (firstLine.Contains("Code: 279", StringComparison.Ordinal) || firstLine.Contains("All connection tries failed", StringComparison.Ordinal))
        {
            // Only a reader can be answered from the live shards; a writer must wait for the shard to come back.
            var advice = ForReading ? "; answer from the live shards with --partial" : string.Empty;
            return new StoreException($"ClickHouse: a shard of cluster '{Location.Cluster}' is unavailable ({Shorten(firstLine)}){advice}");
        }

        return new StoreException($"ClickHouse at {node}: {Shorten(firstLine)}");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _http.Dispose();
}
