using System.Collections.Frozen;

namespace Dyad.Events;

/// <summary>An event in PLOVER's terms: its type (AGREE, CONSULT, ...), and its mode and context when the type has them.</summary>
public sealed record PloverCoding(string Type, string? Mode, string? Context);

/// <summary>
/// The PLOVER manual's conversion of CAMEO codes (resources/cameo/cameo-plover.tsv), taken as it stands, and beside it
/// the few codes Dyad's own dictionaries give that the table lacks (resources/cameo/cameo-plover-extensions.tsv, each
/// given its CAMEO parent's type and a mode of that type from the manual). A code neither has (roots 01 and 02, which
/// PLOVER does not count as events; codes only an outside dictionary uses) has no PLOVER coding, and no code borrows
/// its root's: a filter on a type is then a filter on the codes listed here.
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
        foreach (var f in ResourceFiles.ReadRows("cameo/cameo-plover.tsv").Concat(ResourceFiles.ReadRows("cameo/cameo-plover-extensions.tsv")))
        {
            // An extension never overrides the manual's own row: the file is for codes the table lacks.
            codings.TryAdd(f[0], new PloverCoding(f[1], f[2].Length == 0 ? null : f[2], f[3].Length == 0 ? null : f[3]));
        }

        return new PloverTable(codings);
    }
}
