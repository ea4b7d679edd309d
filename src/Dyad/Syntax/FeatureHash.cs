namespace Dyad.Syntax;

/// <summary>Stable 64-bit hashes for features: the same on every run and machine, unlike string.GetHashCode.</summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= Prime;
        }

        return Finish(hash);
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>A feature: a template number combined with one value.</summary>
    public static ulong Feature(int template, ulong a) => Finish(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a);

    public static ulong Feature(int template, ulong a, ulong b) => Finish(Feature(template, a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Finish(Feature(template, a, b) ^ (c * 0x165667B19E3779F9UL));

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}

/// <summary>A small deterministic random generator (xorshift64*), so training shuffles the same way on every runtime.</summary>
internal sealed class StableRandom(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 2685821657736338717UL;
    }

    public int Next(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
