using System.Collections.Frozen;
using System.Globalization;

namespace Dyad.Events;

/// <summary>One CAMEO code's facts: name, quad class (1 verbal cooperation … 4 material conflict), Goldstein weight.</summary>
public sealed record CameoEntry(CameoCode Code, int Quad, double Goldstein, string Name);

/// <summary>The CAMEO codebook shipped in resources/cameo/cameo.tsv.</summary>
internal sealed class CameoCodebook
{
    private readonly FrozenDictionary<string, CameoEntry> _entries;

    private CameoCodebook(Dictionary<string, CameoEntry> entries) => _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);

    public static CameoCodebook Default { get; } = Load();

    public int Count => _entries.Count;

    public bool Contains(CameoCode code) => _entries.ContainsKey(code.Value);

    /// <summary>The entry for a code; a code the codebook lacks (PETRARCH dictionaries use some) falls back to its root.</summary>
    public CameoEntry this[CameoCode code] =>
        _entries.TryGetValue(code.Value, out var entry) ? entry
        : _entries.TryGetValue(code.Root + "0", out var general) ? general with { Code = code }
        : _entries.TryGetValue(code.Root, out var root) ? root with { Code = code }
        : new CameoEntry(code, 0, 0, "not a CAMEO code");

    private static CameoCodebook Load()
    {
        var entries = new Dictionary<string, CameoEntry>(StringComparer.Ordinal);
        foreach (var f in ResourceFiles.ReadRows("cameo/cameo.tsv"))
        {
            var code = CameoCode.Parse(f[0]);
            entries[f[0]] = new CameoEntry(code, int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), f[3]);
        }

        return new CameoCodebook(entries);
    }
}
