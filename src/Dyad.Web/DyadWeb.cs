using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Records;
using Dyad.Storage;
using Dyad.Storage.Exports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Dyad.Web;

/// <summary>
/// <c>dyad serve</c>: a read-only HTTP API over an event store and the page that explores it. Minimal APIs, GET only;
/// every filter value reaches the store as a query parameter; pages are bounded; errors are RFC 7807 problem details.
/// </summary>
internal static class DyadWeb
{
    public const int MaxPageSize = 500;
    public const int MaxQueryLength = 2048;

    /// <summary>The page's content security policy: everything from this host, nothing inline, nothing framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Builds the host. Settings: "db" (the store, default dyad.duckdb), "partial" and the usual ASP.NET Core ones
    /// ("urls"). <paramref name="openForReading"/> opens the store "db" names, read-only, answering from the live shards
    /// when "partial" is set: the program that hosts the page chooses the stores it supports.
    /// </summary>
    public static WebApplication Build(string[] args, Func<string, bool, IEventStore> openForReading)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.AddServerHeader = false;
        });
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5000");
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        var db = builder.Configuration["db"] ?? "dyad.duckdb";
        var partial = builder.Configuration["partial"] == "true";
        builder.Services.AddSingleton(_ => new StoreAccess(openForReading(db, partial)));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Frame-Options"] = "DENY";
            if (context.Request.QueryString.Value is { Length: > MaxQueryLength })
            {
                context.Response.StatusCode = StatusCodes.Status414RequestUriTooLong;
                await Results.Problem(title: "Query too long", detail: $"A query string may be at most {MaxQueryLength} characters.", statusCode: 414).ExecuteAsync(context);
                return;
            }

            // The API answers JSON only: a format it cannot give is refused, not ignored.
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && context.Request.Query.TryGetValue("format", out var format) && format.ToString() != "json")
            {
                await Results.Problem(title: "Bad format", detail: $"format '{Truncate(format.ToString())}' is not one this API gives: it answers JSON only (format=json or no format).", statusCode: 400).ExecuteAsync(context);
                return;
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                await Results.Problem(title: "Read-only", detail: "This server only answers GET requests.", statusCode: 405).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = 0;
            }

            await next();
        });

        var files = new ManifestEmbeddedFileProvider(typeof(DyadWeb).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapOpenApi();
        MapApi(app);
        return app;
    }

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", (StoreAccess store) => Results.Ok(store.Read(s => new { status = "ok", events = s.CountEvents(new EventQuery()), schema = s.SchemaVersion })))
            .WithSummary("Whether the server and its store answer.")
            .Documented(ApiParameters.Format);

        api.MapGet("/events", (HttpRequest request, StoreAccess store, IOptions<JsonOptions> options) =>
        {
            if (Filters.Parse(request.Query) is not { } parsed)
            {
                return Filters.Problem(request.Query);
            }

            var query = parsed.Query;
            var (total, events) = store.Read(s => (s.CountEvents(query), s.Events(query)));
            // The list has always been the host's JSON (its encoder leaves '+', '>' and non-ASCII letters unescaped),
            // while one event is written with the default encoder: each keeps its bytes.
            return Json("application/json; charset=utf-8", options.Value.SerializerOptions.Encoder, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("total", total);
                json.WriteNumber("offset", query.Offset);
                json.WriteNumber("limit", query.Limit);
                json.WriteStartArray("events");
                foreach (var e in events)
                {
                    EventExports.WriteJson(json, e, more => WriteNames(more, e));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("Stored events, filtered, sorted and paged; each with names beside its codes (names.cameo, names.source, names.target).")
            .Documented(ApiParameters.Events);

        api.MapGet("/events/{id}", (string id, StoreAccess store) =>
        {
            if (id.Length > 200)
            {
                return Results.Problem(title: "Bad id", detail: "An event id is at most 200 characters.", statusCode: 400);
            }

            return store.Read(s =>
            {
                var found = s.Events(new EventQuery { Id = id, Limit = 1 });
                if (found.Count == 0)
                {
                    return Results.Problem(title: "No such event", detail: $"No event has the id '{id}'.", statusCode: 404);
                }

                var e = found[0];
                return Json("application/json", null, json => EventExports.WriteJson(json, e, more =>
                {
                    WriteNames(more, e);
                    more.WriteStartArray("mentions");
                    foreach (var mention in s.Mentions(id))
                    {
                        more.WriteStartObject();
                        EventJson.WriteProperties(more, mention.Record);
                        more.WriteString("publisher", mention.Publisher);
                        more.WriteString("fusion_reason", mention.FusionReason);
                        WriteNumberOrNull(more, "sentence_start", s.SentenceStart(mention.Doc, mention.Sentence));
                        more.WriteEndObject();
                    }

                    more.WriteEndArray();
                    WriteNumberOrNull(more, "sentence_start", s.SentenceStart(e.FirstDoc, e.Record.Sentence));
                }));
            });
        }).WithSummary("One event with its mentions, evidence, attribution and disputes.")
            .Documented(ApiParameters.Format);

        api.MapGet("/dyads", (HttpRequest request, StoreAccess store) =>
        {
            var given = request.Query["limit"].ToString();
            if (given.Length > 0 && !int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["a number"] }, title: "Bad filter", detail: "limit must be a number.");
            }

            var limit = int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, MaxPageSize) : 20;
            return Results.Ok(store.Read(s => s.Dyads(limit)));
        }).WithSummary("The most active pairs of actors, with event counts and mean Goldstein score.")
            .Documented(ApiParameters.Dyads);

        api.MapGet("/timeline", (HttpRequest request, StoreAccess store) =>
        {
            if (Filters.TimelineProblem(request.Query) is { } problem)
            {
                return problem;
            }

            var (pair, by) = Filters.Timeline(request.Query);
            return Results.Ok(store.Read(s => s.Timeline(pair, by)));
        }).WithSummary("Events per quad class and mean Goldstein score per period between two actors (a=A&b=B or dyad=A,B), every period from the first with events to the last; an empty period has zero counts and a null meanGoldstein.")
            .Documented(ApiParameters.Timeline);
    }

    /// <summary>Names beside the codes, for readers who do not know CAMEO's codes: the event code's and each actor's.</summary>
    private static void WriteNames(Utf8JsonWriter json, StoredEvent e)
    {
        json.WriteStartObject("names");
        json.WriteString("cameo", CodeNames.Cameo(e.Cameo));
        json.WriteString("source", CodeNames.Actor(e.SourceCode));
        json.WriteString("target", CodeNames.Actor(e.TargetCode));
        json.WriteEndObject();
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>A JSON answer written straight from the typed records, with the given encoder (null: the default one).</summary>
    private static IResult Json(string contentType, JavaScriptEncoder? encoder, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            write(json);
        }

        return Results.Bytes(stream.ToArray(), contentType);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>
/// The store, shared by requests one at a time (a DuckDB connection is not for concurrent commands). Each read starts
/// afresh, so a server on a cluster sees what ingests elsewhere have committed; one request's queries see one version.
/// </summary>
internal sealed class StoreAccess(IEventStore store) : IDisposable
{
    private readonly Lock _lock = new();

    public T Read<T>(Func<IEventStore, T> read)
    {
        lock (_lock)
        {
            (store as ISharedEventStore)?.Refresh();
            return read(store);
        }
    }

    public void Dispose() => store.Dispose();
}
