using System.Collections.Concurrent;

namespace Dyad.Text;

/// <summary>
/// Values worked out once per key and remembered, safe to share between threads, forgotten all at once when
/// there are too many (news brings new words without end). Coding remembers what it learnt of each word here.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    // Counted here: ConcurrentDictionary.Count takes every lock.
    private int _count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make) => TryGetValue(key, out var value) ? value : Add(key, make(key));

    public bool TryGetValue(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    public TValue Add(TKey key, TValue value)
    {
        if (Interlocked.Increment(ref _count) >= capacity)
        {
            _values.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _values[key] = value;
        return value;
    }
}
