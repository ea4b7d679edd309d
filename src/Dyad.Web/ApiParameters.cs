using System.Text.Json.Nodes;
using Dyad.Events;
using Microsoft.OpenApi;

namespace Dyad.Web;

/// <summary>One query parameter as the OpenAPI description states it.</summary>
internal sealed record ApiParameter(string Name, JsonSchemaType Type, string Description, IReadOnlyList<string>? Allowed = null);

/// <summary>
/// The query parameters of each endpoint, for /openapi/v1.json: the handlers read the query themselves (to validate
/// it as a whole), so the generator cannot see them.
/// </summary>
internal static class ApiParameters
{
    private static readonly ApiParameter FormatParameter = new("format", JsonSchemaType.String, "The answer's format; only json is given (any other value is a 400).", ["json"]);

    public static IReadOnlyList<ApiParameter> Format { get; } = [FormatParameter];

    public static IReadOnlyList<ApiParameter> Events { get; } =
    [
        new("actor", JsonSchemaType.String, "An actor code prefix (capitals, digits): events with it as source or target (JPN matches JPNGOV)."),
        new("dyad", JsonSchemaType.String, "Two actor code prefixes A,B: events between them (either way unless directed=true)."),
        new("directed", JsonSchemaType.Boolean, "With dyad: only events from A to B."),
        new("cameo", JsonSchemaType.String, "A CAMEO event code prefix (digits): 04 matches 040 … 046."),
        new("plover", JsonSchemaType.String, "A PLOVER event type: events whose CAMEO code converts to it.", PloverTable.Default.Types),
        new("quad", JsonSchemaType.Integer, "A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.", ["1", "2", "3", "4"]),
        new("from", JsonSchemaType.String, "Events whose date span ends on or after this day (yyyy-mm-dd)."),
        new("to", JsonSchemaType.String, "Events whose date span starts on or before this day (yyyy-mm-dd)."),
        new("country", JsonSchemaType.String, "The place's country (ISO alpha-3)."),
        new("status", JsonSchemaType.String, "The attribution status.", ["asserted", "reported", "denied", "speculated", "planned", "negated"]),
        new("secret", JsonSchemaType.Boolean, "Only events reported as secret (true) or not (false)."),
        new("text", JsonSchemaType.String, "Words in the sentence (at most 200 characters)."),
        new("sort", JsonSchemaType.String, "The order; a leading - reverses it (default date).", ["date", "-date", "mentions", "-mentions", "goldstein", "-goldstein"]),
        new("limit", JsonSchemaType.Integer, $"Events per page, 1 to {DyadWeb.MaxPageSize} (default 100)."),
        new("offset", JsonSchemaType.Integer, "Events to skip (default 0)."),
        FormatParameter,
    ];

    public static IReadOnlyList<ApiParameter> Timeline { get; } =
    [
        new("a", JsonSchemaType.String, "One actor code prefix (with b); or give dyad=A,B instead."),
        new("b", JsonSchemaType.String, "The other actor code prefix (with a)."),
        new("dyad", JsonSchemaType.String, "The two actor code prefixes as A,B, instead of a and b."),
        new("by", JsonSchemaType.String, "The period (default month).", ["week", "month", "year"]),
        new("directed", JsonSchemaType.Boolean, "Only events from A to B."),
        FormatParameter,
    ];

    public static IReadOnlyList<ApiParameter> Dyads { get; } =
    [
        new("limit", JsonSchemaType.Integer, $"How many pairs, 1 to {DyadWeb.MaxPageSize} (default 20)."),
        FormatParameter,
    ];

    /// <summary>States an endpoint's query parameters in its OpenAPI operation.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, IReadOnlyList<ApiParameter> parameters) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var p in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = p.Name,
                    In = ParameterLocation.Query,
                    Description = p.Description,
                    Schema = new OpenApiSchema
                    {
                        Type = p.Type,
                        Enum = p.Allowed?.Select(a => p.Type == JsonSchemaType.Integer ? JsonValue.Create(int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)) : (JsonNode)JsonValue.Create(a)).ToList(),
                    },
                });
            }

            return Task.CompletedTask;
        });
}
