using System.Collections.Frozen;

namespace ConflictExtract.Building;

/// <summary>A case-insensitive set of words looked up by span, without allocating.</summary>
internal sealed class WordSet
{
    private static int s_count;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(params string[] words)
    {
        var set = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        Id = Interlocked.Increment(ref s_count) - 1;
    }

    /// <summary>A number of this set, unique in the process: the first 64 sets get a bit in a document's per-token memo.</summary>
    public int Id { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>A case-insensitive map from words to values, looked up by span.</summary>
internal sealed class WordMap<T>
{
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordMap(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        var d = pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> word, out T value) => _lookup.TryGetValue(word, out value!);
}
