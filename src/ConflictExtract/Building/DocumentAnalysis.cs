using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>A place found in the text, by token range.</summary>
internal readonly record struct PlaceHit(int First, int End, int Start, int EndChar, Location Location, bool RegionPhrase);

/// <summary>Catalogue facts about a weapon, as the record builders need them.</summary>
internal sealed record WeaponInfo(string Name, WeaponCategory Category, string? Origin, int? MaxRangeKm);

/// <summary>A weapon system named in the text.</summary>
internal readonly record struct WeaponHit(int First, int End, int Start, int EndChar, WeaponInfo Weapon);

/// <summary>A count found in the text.</summary>
internal readonly record struct QuantityHit(int First, int End, int Start, int EndChar, Quantity Value);

/// <summary>A date found in the text.</summary>
internal readonly record struct DateHit(int First, int End, int Start, int EndChar, DateRange? Value);

/// <summary>A distance found in the text.</summary>
internal readonly record struct DistanceHit(int First, int End, int Start, int EndChar, double Kilometres);

/// <summary>Everything the earlier stages found in one document, indexed by token.</summary>
internal sealed class DocumentAnalysis
{
    /// <summary>
    /// An analysis of the first <paramref name="tokenCount"/> tokens of <paramref name="tokens"/>, and of the first
    /// <c>count</c> hits of each array (any of them possibly <paramref name="scratch"/>'s), whose indexes and memo live in
    /// <paramref name="scratch"/> until <see cref="Release"/>.
    /// </summary>
    public DocumentAnalysis(string text, Token[] tokens, int tokenCount, List<Sentence> sentences, DateOnly? publishedAt,
        (PlaceHit[] Hits, int Count) places, WeaponHit[] weapons, (QuantityHit[] Hits, int Count) quantities,
        (DateHit[] Hits, int Count) dates, (DistanceHit[] Hits, int Count) distances, List<TaggedSpan> tagged, DocumentScratch scratch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)tokenCount, (uint)tokens.Length, nameof(tokenCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)places.Count, (uint)places.Hits.Length, nameof(places));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)quantities.Count, (uint)quantities.Hits.Length, nameof(quantities));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)dates.Count, (uint)dates.Hits.Length, nameof(dates));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)distances.Count, (uint)distances.Hits.Length, nameof(distances));
        _tagged = tagged;
        Text = text;
        _tokens = tokens;
        _tokenCount = tokenCount;
        _sentences = sentences;
        PublishedAt = publishedAt;
        // Sorted by position, so that a sentence's hits are one contiguous slice (work stays linear in the document).
        _places = Sorted(places.Hits, places.Count, static h => h.First);
        _placeCount = places.Count;
        Weapons = Sorted(weapons, weapons.Length, static h => h.First);
        _quantities = Sorted(quantities.Hits, quantities.Count, static h => h.First);
        _quantityCount = quantities.Count;
        _dates = Sorted(dates.Hits, dates.Count, static h => h.First);
        _dateCount = dates.Count;
        _distances = Sorted(distances.Hits, distances.Count, static h => h.First);
        _distanceCount = distances.Count;
        int n = tokenCount;
        _scratch = scratch;
        var index = _index = scratch.Index(n);
        Index(index.AsSpan(0, n), Quantities, static h => (h.First, h.End));
        Index(index.AsSpan(n, n), Places, static h => (h.First, h.End));
        Index(index.AsSpan(2 * n, n), Weapons, static h => (h.First, h.End));
        Index(index.AsSpan(3 * n, n), Dates, static h => (h.First, h.End));
    }

    private DocumentScratch? _scratch;
    private int[]? _index;
    private ulong[]? _memo;

    /// <summary>
    /// Gives this analysis' work memory back to the thread for the next document. The analysis must not be used after.
    /// Optional: an analysis never released only costs that memory being allocated anew.
    /// </summary>
    public void Release()
    {
        if (_scratch is not { } s) return;
        _scratch = null;
        _index = null;
        _memo = null;
        s.Return(_tokenCount);
    }

    private int[] IndexArray => _index ?? throw new ObjectDisposedException(nameof(DocumentAnalysis));

    public string Text { get; }
    /// <summary>The document's tokens.</summary>
    public ReadOnlySpan<Token> Tokens => new(_tokens, 0, _tokenCount);

    private readonly Token[] _tokens;
    private readonly int _tokenCount;
    /// <summary>The document's sentences.</summary>
    public ReadOnlySpan<Sentence> Sentences =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_sentences);

    private readonly List<Sentence> _sentences; // possibly the scratch's, cleared when it is returned
    public DateOnly? PublishedAt { get; }
    /// <summary>The places found, in token order.</summary>
    public ReadOnlySpan<PlaceHit> Places =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : new(_places, 0, _placeCount);

    private readonly PlaceHit[] _places;
    private readonly int _placeCount;
    public WeaponHit[] Weapons { get; }

    /// <summary>The counts found, in token order.</summary>
    public ReadOnlySpan<QuantityHit> Quantities =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : new(_quantities, 0, _quantityCount);

    /// <summary>The dates found, in token order.</summary>
    public ReadOnlySpan<DateHit> Dates =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : new(_dates, 0, _dateCount);

    /// <summary>The distances found, in token order.</summary>
    public ReadOnlySpan<DistanceHit> Distances =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : new(_distances, 0, _distanceCount);

    private readonly QuantityHit[] _quantities;
    private readonly int _quantityCount;
    private readonly DateHit[] _dates;
    private readonly int _dateCount;
    private readonly DistanceHit[] _distances;
    private readonly int _distanceCount;

    /// <summary>The tagger's spans (LOC, ORG, PER, NORP, WEAPON), in text order.</summary>
    public ReadOnlySpan<TaggedSpan> Tagged =>
        _scratch is null ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tagged);

    private readonly List<TaggedSpan> _tagged; // possibly the scratch's, cleared when it is returned

    /// <summary>For each token, the index of the quantity covering it, or -1.</summary>
    public ReadOnlySpan<int> QuantityAt => IndexArray.AsSpan(0, _tokenCount);
    public ReadOnlySpan<int> PlaceAt => IndexArray.AsSpan(_tokenCount, _tokenCount);
    public ReadOnlySpan<int> WeaponAt => IndexArray.AsSpan(2 * _tokenCount, _tokenCount);
    public ReadOnlySpan<int> DateAt => IndexArray.AsSpan(3 * _tokenCount, _tokenCount);

    public ReadOnlySpan<char> Word(int i) => Tokens[i].Slice(Text);

    /// <summary>The first <paramref name="count"/> hits by first token: the same array when already so, else a new one.</summary>
    private static T[] Sorted<T>(T[] hits, int count, Func<T, int> first)
    {
        for (int i = 1; i < count; i++)
        {
            if (first(hits[i - 1]) <= first(hits[i])) continue;
            return hits.Take(count).OrderBy(first).ToArray(); // stable: hits on one token keep their order
        }
        return hits;
    }

    /// <summary>The hits whose first token lies in [from, to), for arrays sorted by first token.</summary>
    public static ReadOnlySpan<T> Slice<T>(ReadOnlySpan<T> hits, Func<T, int> first, int from, int to)
    {
        int lo = LowerBound(hits, first, from);
        int hi = LowerBound(hits, first, to);
        return hits.Slice(lo, Math.Max(0, hi - lo));
    }

    private static int LowerBound<T>(ReadOnlySpan<T> hits, Func<T, int> first, int value)
    {
        int lo = 0, hi = hits.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (first(hits[mid]) < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public ReadOnlySpan<PlaceHit> PlacesIn(int from, int to) => Slice(Places, static h => h.First, from, to);
    public ReadOnlySpan<WeaponHit> WeaponsIn(int from, int to) => Slice(Weapons, static h => h.First, from, to);
    public ReadOnlySpan<QuantityHit> QuantitiesIn(int from, int to) => Slice(Quantities, static h => h.First, from, to);
    public ReadOnlySpan<DateHit> DatesIn(int from, int to) => Slice(Dates, static h => h.First, from, to);

    public bool Is(int i, string word) =>
        (uint)i < (uint)Tokens.Length && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when token <paramref name="i"/> is a word of <paramref name="set"/>. The record builders ask the same few dozen
    /// sets about the same tokens many times, so each answer is remembered per token (two bits of two arrays).
    /// </summary>
    public bool In(int i, WordSet set)
    {
        if ((uint)i >= (uint)Tokens.Length) return false;
        int id = set.Id;
        if (id >= 64) return set.Contains(Word(i));
        var memo = _memo ??= (_scratch ?? throw new ObjectDisposedException(nameof(DocumentAnalysis))).Memo(_tokenCount);
        ulong bit = 1UL << id;
        ref ulong known = ref memo[2 * i];
        if ((known & bit) != 0) return (memo[2 * i + 1] & bit) != 0;
        bool member = set.Contains(Word(i));
        known |= bit;
        if (member) memo[2 * i + 1] |= bit;
        return member;
    }

    // Memo of In() (_memo, from the scratch on first use): for token i, bit k of memo[2i] says whether it was asked
    // about set k, bit k of memo[2i + 1] the answer. A DocumentAnalysis belongs to one extraction on one thread.

    private static void Index<T>(Span<int> a, ReadOnlySpan<T> hits, Func<T, (int First, int End)> range)
    {
        a.Fill(-1);
        int tokenCount = a.Length;
        for (int k = 0; k < hits.Length; k++)
        {
            var (f, e) = range(hits[k]);
            for (int t = Math.Max(0, f); t < Math.Min(e, tokenCount); t++)
                if (a[t] < 0) a[t] = k;
        }
    }

    /// <summary>Index of the token containing or following character <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset) => TokenAtOrAfter(Tokens, offset);

    /// <summary>Token range [first, end) of the characters [start, end).</summary>
    public (int First, int End) TokenRange(int start, int endChar) => TokenRange(Tokens, start, endChar);

    /// <summary>Index of the token containing or following character <paramref name="offset"/>.</summary>
    public static int TokenAtOrAfter(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Token range [first, end) of the characters [start, end).</summary>
    public static (int First, int End) TokenRange(ReadOnlySpan<Token> tokens, int start, int endChar)
    {
        int f = TokenAtOrAfter(tokens, start);
        int e = f;
        while (e < tokens.Length && tokens[e].Start < endChar) e++;
        return (f, Math.Max(e, f));
    }
}
