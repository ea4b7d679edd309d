namespace Dyad.Storage.ClickHouse;

/// <summary>Opens the store an address names: <c>clickhouse://...</c> a cluster, anything else a DuckDB file.</summary>
public static class EventStores
{
    public static bool IsClickHouse(string db) => db.StartsWith("clickhouse://", StringComparison.OrdinalIgnoreCase);

    public static IEventStore Open(string db, bool readOnly, bool partial = false) =>
        IsClickHouse(db) ? ClickHouseEventStore.Open(db, readOnly, partial) : DuckDbEventStore.Open(db, readOnly);
}
