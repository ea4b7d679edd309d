using System.Net;
using System.Text;
using System.Text.Json;
using Dyad.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dyad.Web.Tests.Approved;

/// <summary>The API's JSON over the samples store, byte for byte as approved in Approved/files, with its content type.</summary>
public sealed class ApprovedApiTests : IClassFixture<SampleStore>, IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public ApprovedApiTests(SampleStore store)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("db", store.Path));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<string> Get(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return $"GET {url}\n{response.Content.Headers.ContentType}\n{await response.Content.ReadAsStringAsync()}\n";
    }

    [Fact]
    public async Task Health_and_the_event_list() =>
        ApprovedFile.Verify("api-events.txt", await Get("/api/health") + await Get("/api/events?limit=500") + await Get("/api/events?sort=-mentions&limit=3&offset=1"));

    [Fact]
    public async Task Every_event_with_its_mentions()
    {
        using var list = JsonDocument.Parse((await Get("/api/events?limit=500")).Split('\n')[2]);
        var text = new StringBuilder();
        foreach (var e in list.RootElement.GetProperty("events").EnumerateArray())
        {
            text.Append(await Get($"/api/events/{Uri.EscapeDataString(e.GetProperty("id").GetString()!)}"));
        }

        ApprovedFile.Verify("api-event-details.txt", text.ToString());
    }
}
