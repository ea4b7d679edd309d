using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dyad.Web.Tests;

/// <summary>The HTTP API over a store ingested from samples/, through WebApplicationFactory.</summary>
public sealed class ApiTests : IClassFixture<SampleStore>, IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;
    private readonly SampleStore _store;

    public ApiTests(SampleStore store)
    {
        _store = store;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("db", store.Path));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement> Get(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Health_reports_the_store()
    {
        var health = await Get("/api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(_store.EventCount, health.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Events_filter_by_dyad_and_page()
    {
        var all = await Get("/api/events?dyad=CHN,PHL&limit=500");
        var page = await Get("/api/events?dyad=CHN,PHL&limit=2&offset=1");

        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 4, $"{total} events between China and the Philippines");
        foreach (var e in all.GetProperty("events").EnumerateArray())
        {
            var codes = new[] { e.GetProperty("source").GetProperty("code").GetString()!, e.GetProperty("target").GetProperty("code").GetString()! };
            Assert.Contains(codes, c => c.StartsWith("CHN", StringComparison.Ordinal));
            Assert.Contains(codes, c => c.StartsWith("PHL", StringComparison.Ordinal));
        }

        Assert.Equal(2, page.GetProperty("events").GetArrayLength());
        Assert.Equal(all.GetProperty("events")[1].GetProperty("id").GetString(), page.GetProperty("events")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Page_size_is_bounded()
    {
        var result = await Get("/api/events?limit=100000");

        Assert.Equal(500, result.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task One_event_comes_with_its_mentions_evidence_and_attribution()
    {
        var list = await Get("/api/events?dyad=CHN,PHL&cameo=04&limit=1");
        var id = list.GetProperty("events")[0].GetProperty("id").GetString()!;

        var e = await Get($"/api/events/{Uri.EscapeDataString(id)}");

        Assert.Equal(id, e.GetProperty("id").GetString());
        Assert.True(e.GetProperty("mentions").GetArrayLength() >= 1);
        Assert.False(string.IsNullOrEmpty(e.GetProperty("evidence").GetProperty("rule").GetString()));
        Assert.True(e.TryGetProperty("attribution", out _));
        var start = e.GetProperty("sentence_start").GetInt32();
        var evidence = e.GetProperty("evidence");
        var text = e.GetProperty("text").GetString()!;
        Assert.Equal(evidence.GetProperty("trigger").GetString(), text[(evidence.GetProperty("start").GetInt32() - start)..(evidence.GetProperty("end").GetInt32() - start)]);
    }

    [Fact]
    public async Task Dyads_and_timeline_answer()
    {
        var dyads = await Get("/api/dyads?limit=5");
        var timeline = await Get("/api/timeline?a=CHN&b=PHL&by=month");

        Assert.True(dyads.GetArrayLength() > 0);
        Assert.True(timeline.GetArrayLength() >= 3);
        Assert.True(timeline[0].TryGetProperty("meanGoldstein", out _));
    }

    [Fact]
    public async Task The_timeline_has_every_month_from_the_first_to_the_last_with_quiet_ones_as_zeros()
    {
        var timeline = await Get("/api/timeline?a=CHN&b=PHL&by=month");

        var rows = timeline.EnumerateArray().ToList();
        var months = rows.Select(r => DateOnly.ParseExact(r.GetProperty("period").GetString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.All(months.Skip(1).Zip(months), pair => Assert.Equal(pair.Second.AddMonths(1), pair.First));
        var quiet = rows.Where(r => r.GetProperty("verbalCooperation").GetInt32() + r.GetProperty("materialCooperation").GetInt32()
            + r.GetProperty("verbalConflict").GetInt32() + r.GetProperty("materialConflict").GetInt32() == 0).ToList();
        Assert.NotEmpty(quiet);
        Assert.All(quiet, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("meanGoldstein").ValueKind));
    }

    [Fact]
    public async Task The_timeline_takes_the_dyad_as_a_and_b_or_as_dyad()
    {
        var byParts = await Get("/api/timeline?a=CHN&b=PHL&by=month");
        var byPair = await Get("/api/timeline?dyad=CHN,PHL&by=month");

        Assert.Equal(byParts.ToString(), byPair.ToString());
    }

    [Theory]
    [InlineData("/api/timeline", "a=A&b=B or dyad=A,B")]
    [InlineData("/api/timeline?a=CHN", "a=A&b=B or dyad=A,B")]
    [InlineData("/api/timeline?dyad=CHN", "two actor codes")]
    [InlineData("/api/timeline?a=CHN&b=PHL&by=day", "week, month or year")]
    public async Task A_timeline_without_a_dyad_says_which_parameters_it_expects(string url, string expected)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/events?format=tsv")]
    [InlineData("/api/events?dyad=CHN,PHL&format=csv")]
    [InlineData("/api/timeline?a=CHN&b=PHL&format=tsv")]
    [InlineData("/api/dyads?format=tsv")]
    [InlineData("/api/health?format=xml")]
    [InlineData("/api/events/no-such-event?format=tsv")]
    public async Task An_unknown_format_is_a_400_with_a_one_line_message(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("JSON only", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_json_is_accepted()
    {
        Assert.Equal(_store.EventCount, (await Get("/api/events?format=json&limit=1")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Events_filter_by_PLOVER_type()
    {
        var all = await Get("/api/events?limit=500");
        var accusations = await Get("/api/events?plover=accuse&limit=500");

        var expected = all.GetProperty("events").EnumerateArray()
            .Count(e => e.GetProperty("plover").ValueKind == JsonValueKind.Object && e.GetProperty("plover").GetProperty("type").GetString() == "ACCUSE");
        Assert.True(expected > 0, "the samples have accusations");
        Assert.Equal(expected, accusations.GetProperty("total").GetInt32());
        Assert.All(accusations.GetProperty("events").EnumerateArray(), e => Assert.Equal("ACCUSE", e.GetProperty("plover").GetProperty("type").GetString()));
        var bad = await _client.GetAsync(new Uri("/api/events?plover=DISAPPROVE", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("CONSULT", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_carry_names_beside_their_codes()
    {
        var list = await Get("/api/events?limit=500");

        var events = list.GetProperty("events").EnumerateArray().ToList();
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("names").GetProperty("cameo").GetString())));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("names").GetProperty("source").GetString())));
        var body = events.First(e => e.GetProperty("source").GetProperty("code").GetString() == "IGOUNO");
        Assert.Equal("United Nations", body.GetProperty("names").GetProperty("source").GetString());
        var criticism = events.First(e => e.GetProperty("cameo").GetString() == "111");
        Assert.Equal("Criticize or denounce", criticism.GetProperty("names").GetProperty("cameo").GetString());
        var one = await Get($"/api/events/{Uri.EscapeDataString(criticism.GetProperty("id").GetString()!)}");
        Assert.Equal("Criticize or denounce", one.GetProperty("names").GetProperty("cameo").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_states_each_endpoints_query_parameters()
    {
        var document = await Get("/openapi/v1.json");

        var expected = new Dictionary<string, string[]>
        {
            ["/api/events"] = ["actor", "dyad", "directed", "cameo", "plover", "quad", "from", "to", "country", "status", "secret", "text", "sort", "limit", "offset", "format"],
            ["/api/timeline"] = ["a", "b", "dyad", "by", "directed", "format"],
            ["/api/dyads"] = ["limit", "format"],
            ["/api/health"] = ["format"],
        };
        foreach (var (path, names) in expected)
        {
            var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
            Assert.Equal(names, parameters.Select(p => p.GetProperty("name").GetString()));
            Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
            Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        }

        var plover = document.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "plover");
        Assert.Equal(16, plover.GetProperty("schema").GetProperty("enum").GetArrayLength());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints()
    {
        var document = await Get("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/dyads", "/api/timeline", "/api/health" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task An_unknown_event_is_a_problem_details_404()
    {
        var response = await _client.GetAsync(new Uri("/api/events/no-such-event", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/events?actor=CHN'%20OR%20'1'='1")]
    [InlineData("/api/events?dyad=CHN;DROP%20TABLE%20events")]
    [InlineData("/api/events?cameo=04'--")]
    [InlineData("/api/events?from=2024-01-01';DELETE")]
    public async Task A_SQL_injection_attempt_in_a_filter_is_refused(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_store.EventCount, (await Get("/api/health")).GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Free_text_with_SQL_in_it_is_only_ever_text()
    {
        var result = await Get("/api/events?text=" + Uri.EscapeDataString("' OR 1=1; DROP TABLE events; --"));

        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Equal(_store.EventCount, (await Get("/api/health")).GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task An_over_long_query_is_refused()
    {
        var response = await _client.GetAsync(new Uri("/api/events?text=" + new string('a', 5000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2fetc%2fpasswd")]
    [InlineData("/data/..%2f..%2f..%2fDyad.Web.dll")]
    public async Task A_path_traversal_request_is_refused(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_client.BaseAddress!, path));
        var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_refused()
    {
        using var content = new StringContent("{}");
        var response = await _client.PostAsync(new Uri("/api/events", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<svg id=\"timeline\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
