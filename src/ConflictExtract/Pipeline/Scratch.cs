namespace ConflictExtract.Pipeline;

/// <summary>
/// Per-document working memory of one stage, kept by a thread's <see cref="Workspace"/> for its next document. Every
/// collection is made through <see cref="Track{T}"/> (or the <c>New…</c> helpers), so that <see cref="Clear"/> empties all
/// of them and <see cref="Size"/> measures all of them: no collection can be forgotten, and one size policy
/// (<see cref="Workspace.KeepUpTo"/>) decides what a thread keeps.
/// </summary>
internal abstract class Scratch
{
    private readonly List<(Action Clear, Func<int> Size)> _parts = [];

    /// <summary>Registers <paramref name="part"/>: <paramref name="clear"/> empties it, <paramref name="size"/> measures it.</summary>
    protected T Track<T>(T part, Action<T> clear, Func<T, int> size)
    {
        _parts.Add((() => clear(part), () => size(part)));
        return part;
    }

    protected List<T> NewList<T>(int capacity = 0) => Track(new List<T>(capacity), static l => l.Clear(), static l => l.Capacity);

    protected HashSet<T> NewSet<T>(IEqualityComparer<T>? comparer = null) =>
        Track(new HashSet<T>(comparer), static s => s.Clear(), static s => s.Count);

    protected Dictionary<TKey, TValue> NewMap<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) where TKey : notnull =>
        Track(new Dictionary<TKey, TValue>(comparer), static d => d.Clear(), static d => d.Count);

    /// <summary>A pool of drafts lent for one document and taken back, cleared, after it.</summary>
    protected DraftPool<T> NewPool<T>() where T : class, IDraft, new() =>
        Track(new DraftPool<T>(), static p => p.TakeBack(), static p => p.Lent);

    /// <summary>The largest tracked part, as its size function measures it (before <see cref="Clear"/>).</summary>
    public int Size
    {
        get
        {
            int largest = 0;
            foreach (var p in _parts) largest = Math.Max(largest, p.Size());
            return largest;
        }
    }

    /// <summary>Empties every tracked part; a derived class also resets its plain fields (call the base).</summary>
    public virtual void Clear()
    {
        foreach (var p in _parts) p.Clear();
    }
}

/// <summary>A record draft that a <see cref="DraftPool{T}"/> lends and takes back.</summary>
internal interface IDraft
{
    /// <summary>Back to the state of a new draft.</summary>
    void Clear();
}

/// <summary>Drafts lent for one document (<see cref="Lend"/>) and taken back, cleared, after it (<see cref="TakeBack"/>).</summary>
internal sealed class DraftPool<T> where T : class, IDraft, new()
{
    private readonly List<T> _lent = [];
    private readonly Stack<T> _free = new();

    /// <summary>How many drafts are lent now.</summary>
    public int Lent => _lent.Count;

    /// <summary>A cleared draft (kept from an earlier document, or new).</summary>
    public T Lend()
    {
        var d = _free.TryPop(out var x) ? x : new T();
        _lent.Add(d);
        return d;
    }

    /// <summary>Clears every lent draft and keeps up to <see cref="Workspace.KeepUpTo"/> of them.</summary>
    public void TakeBack()
    {
        foreach (var d in _lent)
        {
            d.Clear();
            if (_free.Count < Workspace.KeepUpTo) _free.Push(d);
        }
        _lent.Clear();
    }
}
