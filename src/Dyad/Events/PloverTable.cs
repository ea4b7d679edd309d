using System.Collections.Frozen;

namespace Dyad.Events;

/// <summary>An event in PLOVER's terms: its type (AGREE, CONSULT, ...), and its mode and context when the type has them.</summary>
public sealed record PloverCoding(string Type, string? Mode, string? Context);

/// <summary>
/// The PLOVER manual's conversion of CAMEO codes (resources/cameo/cameo-plover.tsv), taken as it stands: a code the
/// table leaves out (roots 01 and 02, which PLOVER does not count as events; codes of other dictionaries) has no
/// PLOVER coding, and no code borrows its root's.
/// </summary>
public sealed class PloverTable
{
    private readonly FrozenDictionary<string, PloverCoding> _codings;

    private PloverTable(Dictionary<string, PloverCoding> codings)
    {
        _codings = codings.ToFrozenDictionary(StringComparer.Ordinal);
        Types = [.. codings.Values.Select(c => c.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static PloverTable Default { get; } = Load();

    /// <summary>The event types the table uses, in alphabetical order.</summary>
    public IReadOnlyList<string> Types { get; }

    public int Count => _codings.Count;

    public PloverCoding? For(string cameo) => _codings.GetValueOrDefault(cameo);

    /// <summary>Every CAMEO code the table gives this type, in order: a filter on the type is a filter on these codes.</summary>
    public IReadOnlyList<string> CodesOf(string type) =>
        [.. _codings.Where(kv => kv.Value.Type == type).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    private static PloverTable Load()
    {
        var codings = new Dictionary<string, PloverCoding>(StringComparer.Ordinal);
        foreach (var f in ResourceFiles.ReadRows("cameo/cameo-plover.tsv"))
        {
            codings[f[0]] = new PloverCoding(f[1], f[2].Length == 0 ? null : f[2], f[3].Length == 0 ? null : f[3]);
        }

        return new PloverTable(codings);
    }
}
