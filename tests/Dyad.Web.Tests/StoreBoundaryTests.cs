using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Coding;
using Dyad.Storage;
using Microsoft.AspNetCore.Builder;

namespace Dyad.Web.Tests;

/// <summary>
/// The host works on <see cref="IEventStore"/> alone: it asks a store what it is only through the interfaces, and
/// which store a --db names is decided where the program is composed (Program.cs here, StoreOptions in dyad).
/// </summary>
public sealed class StoreBoundaryTests
{
    /// <summary>A store shared with other writers, of a schema no real store has, that counts the reads it is asked to start.</summary>
    private sealed class SharedStoreFake : ISharedEventStore
    {
        public int Refreshes { get; private set; }

        public int SchemaVersion => 7;

        public void Refresh() => Refreshes++;

        public long CountEvents(EventQuery query) => 3;

        public void Fuse() => throw new NotSupportedException("a server never fuses");

        public ISet<string> StoredDocumentHashes() => throw new NotSupportedException();

        public IngestResult Ingest(IReadOnlyList<CodedDocument> batch) => throw new NotSupportedException();

        public IReadOnlyList<StoredEvent> Events(EventQuery query) => throw new NotSupportedException();

        public IReadOnlyList<StoredMention> Mentions(string eventId) => throw new NotSupportedException();

        public IReadOnlyList<TimelineRow> Timeline(ActorPair dyad, string by) => throw new NotSupportedException();

        public IReadOnlyList<DyadRow> Dyads(int limit) => throw new NotSupportedException();

        public int? SentenceStart(string doc, int sentence) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Health_reports_the_schema_of_the_store_served_and_a_shared_store_starts_a_read_per_request()
    {
        var store = new SharedStoreFake();
        await using var app = DyadWeb.Build(["--db", "shared", "--urls", "http://127.0.0.1:0"], (_, _) => store);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/health", UriKind.Relative));
        await client.GetFromJsonAsync<JsonElement>(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(7, first.GetProperty("schema").GetInt32());
        Assert.Equal(3, first.GetProperty("events").GetInt64());
        Assert.Equal(2, store.Refreshes);
        await app.StopAsync();
    }

    [Fact]
    public void Only_the_composition_root_names_a_kind_of_store()
    {
        var host = Path.Combine(SampleStore.RepoRoot, "src", "Dyad.Web");
        var storeTypes = new Regex(@"\bDyad\.Storage\.ClickHouse\b|\bClickHouse(EventStore|Location)\b|\bDuckDbEventStore\b");
        var naming = Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(file => Path.GetFileName(file) != "Program.cs" && storeTypes.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(host, file))
            .ToList();

        Assert.Empty(naming);
        Assert.Matches(storeTypes, File.ReadAllText(Path.Combine(host, "Program.cs")));
    }
}
