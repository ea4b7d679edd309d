namespace Dyad.Storage;

/// <summary>
/// Which stored events to read, in what order and how many: what <c>dyad events</c> and the API filter on. Only a
/// description; each store turns it into its own SQL, every value a parameter. Unset filters match every event.
/// </summary>
public sealed record EventQuery
{
    public string? Id { get; init; }

    /// <summary>An actor code prefix on either side ("JPN", "PRKGOV").</summary>
    public string? Actor { get; init; }

    /// <summary>Events between two actors (code prefixes).</summary>
    public ActorPair? Dyad { get; init; }

    public string? CameoPrefix { get; init; }

    /// <summary>
    /// A PLOVER event type (CONSULT): events whose CAMEO code the conversion table gives this type, so the stores filter
    /// on the codes they already keep and need no column of their own for it.
    /// </summary>
    public string? PloverType { get; init; }

    /// <summary>The CAMEO codes of <see cref="PloverType"/> (none for a type the table lacks).</summary>
    public IReadOnlyList<string>? PloverCodes => PloverType is { } type ? global::Dyad.Events.PloverTable.Default.CodesOf(type) : null;

    public int? Quad { get; init; }

    /// <summary>Events that end on or after this day: with <see cref="To"/>, events overlapping the range.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Events that start on or before this day.</summary>
    public DateOnly? To { get; init; }

    public string? PlaceCountry { get; init; }

    public string? Status { get; init; }

    public bool? Secret { get; init; }

    /// <summary>Text the event's sentence contains, whatever its case.</summary>
    public string? Text { get; init; }

    public int Limit { get; init; } = int.MaxValue;

    public int Offset { get; init; }

    public EventOrder Order { get; init; } = EventOrder.Date;
}

/// <summary>Two actor code prefixes: events from either to the other, or only from <see cref="A"/> to <see cref="B"/> when <see cref="Directed"/>.</summary>
public sealed record ActorPair(string A, string B, bool Directed = false);

/// <summary>The orders events can be read in. Every store breaks ties by event id, so pages are stable and stores agree.</summary>
public enum EventOrder
{
    /// <summary>Earliest start first; events without a date last.</summary>
    Date,

    /// <summary>Latest start first; events without a date last.</summary>
    DateDescending,

    Mentions,

    MentionsDescending,

    Goldstein,

    GoldsteinDescending,
}

/// <summary>An order as SQL's ORDER BY: DuckDB and ClickHouse write it alike, and breaking ties by event id the same way is what makes their pages agree.</summary>
public static class EventOrderSql
{
    public static string OrderBy(EventOrder order) => order switch
    {
        EventOrder.Date => "date_start NULLS LAST, event_id",
        EventOrder.DateDescending => "date_start DESC NULLS LAST, event_id",
        EventOrder.Mentions => "num_mentions, event_id",
        EventOrder.MentionsDescending => "num_mentions DESC, event_id",
        EventOrder.Goldstein => "goldstein, event_id",
        EventOrder.GoldsteinDescending => "goldstein DESC, event_id",
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "not an event order"),
    };
}
