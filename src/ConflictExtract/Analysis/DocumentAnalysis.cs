using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Analysis;

/// <summary>A place found in the text, by token range.</summary>
internal readonly record struct PlaceHit(int First, int End, int Start, int EndChar, Location Location);

/// <summary>Catalogue facts about a weapon, as the record stages need them.</summary>
internal sealed record WeaponInfo(string Name, WeaponCategory Category, string? Origin, int? MaxRangeKm);

/// <summary>A weapon system named in the text.</summary>
internal readonly record struct WeaponHit(int First, int End, int Start, int EndChar, WeaponInfo Weapon);

/// <summary>A generic weapon phrase ("ballistic missiles", "shelling") and the category it gives.</summary>
internal readonly record struct GenericWeaponHit(int First, int End, int Start, int EndChar, WeaponCategory Category);

/// <summary>A count found in the text.</summary>
internal readonly record struct QuantityHit(int First, int End, int Start, int EndChar, Quantity Value);

/// <summary>A date found in the text.</summary>
internal readonly record struct DateHit(int First, int End, int Start, int EndChar, DateRange? Value);

/// <summary>A distance found in the text.</summary>
internal readonly record struct DistanceHit(int First, int End, int Start, int EndChar, double Kilometres);

/// <summary>
/// Everything the analysis stages found in one document, indexed by token, read-only: the record stages read it and
/// nothing else of the text. It lives in the thread's work memory and is refused (<see cref="ObjectDisposedException"/>)
/// once that memory is given back for the next document.
/// </summary>
internal sealed class DocumentAnalysis
{
    private readonly AnalysisScratch _scratch;
    private bool _released;

    /// <summary>The analysis of what the analysis stages left in <paramref name="scratch"/>: hits sorted by token, indexes built.</summary>
    public DocumentAnalysis(string text, DateOnly? publishedAt, AnalysisScratch scratch)
    {
        Text = text;
        PublishedAt = publishedAt;
        _scratch = scratch;
        int n = scratch.TokenCount;
        // Sorted by position, so that a sentence's hits are one contiguous slice (work stays linear in the document).
        SortByPosition(scratch.Places.Span, static h => (h.First, h.End, h.Start));
        SortByPosition(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch.Weapons), static h => (h.First, h.End, h.Start));
        SortByPosition(scratch.Quantities.Span, static h => (h.First, h.End, h.Start));
        SortByPosition(scratch.Dates.Span, static h => (h.First, h.End, h.Start));
        SortByPosition(scratch.Distances.Span, static h => (h.First, h.End, h.Start));
        var index = scratch.Index.Room(4 * n);
        Index(index.AsSpan(0, n), Quantities, static h => (h.First, h.End));
        Index(index.AsSpan(n, n), Places, static h => (h.First, h.End));
        Index(index.AsSpan(2 * n, n), Weapons, static h => (h.First, h.End));
        Index(index.AsSpan(3 * n, n), Dates, static h => (h.First, h.End));
    }

    /// <summary>Marks the analysis as given back: its memory now belongs to the thread's next document.</summary>
    internal void Release() => _released = true;

    private AnalysisScratch S => _released ? throw new ObjectDisposedException(nameof(DocumentAnalysis)) : _scratch;

    public string Text { get; }
    public DateOnly? PublishedAt { get; }

    public ReadOnlySpan<Token> Tokens => new(S.Tokens, 0, S.TokenCount);
    public ReadOnlySpan<Sentence> Sentences => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(S.Sentences);

    /// <summary>The places found, in token order.</summary>
    public ReadOnlySpan<PlaceHit> Places => S.Places.Span;

    /// <summary>The weapon systems named, in token order.</summary>
    public ReadOnlySpan<WeaponHit> Weapons => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(S.Weapons);

    /// <summary>The generic weapon phrases, in token order.</summary>
    public ReadOnlySpan<GenericWeaponHit> GenericWeapons => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(S.GenericWeapons);

    /// <summary>The counts found, in token order.</summary>
    public ReadOnlySpan<QuantityHit> Quantities => S.Quantities.Span;

    /// <summary>The dates found, in token order.</summary>
    public ReadOnlySpan<DateHit> Dates => S.Dates.Span;

    /// <summary>The distances found, in token order.</summary>
    public ReadOnlySpan<DistanceHit> Distances => S.Distances.Span;

    /// <summary>The tagger's spans (LOC, ORG, PER, NORP, WEAPON), in text order.</summary>
    public ReadOnlySpan<TaggedSpan> Tagged => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(S.Tagged);

    private int N => S.TokenCount;

    /// <summary>For each token, the index of the quantity covering it, or -1.</summary>
    public ReadOnlySpan<int> QuantityAt => S.Index.Array.AsSpan(0, N);
    public ReadOnlySpan<int> PlaceAt => S.Index.Array.AsSpan(N, N);
    public ReadOnlySpan<int> WeaponAt => S.Index.Array.AsSpan(2 * N, N);
    public ReadOnlySpan<int> DateAt => S.Index.Array.AsSpan(3 * N, N);

    public ReadOnlySpan<char> Word(int i) => Tokens[i].Slice(Text);

    /// <summary>The cue classes of token <paramref name="i"/> (none outside the document).</summary>
    public CueSet CuesOf(int i) => (uint)i < (uint)N ? S.Cues.Array[i] : default;

    /// <summary>True when token <paramref name="i"/> is a word of class <paramref name="cue"/> (false outside the document).</summary>
    public bool Has(int i, Cue cue) => (uint)i < (uint)N && S.Cues.Array[i].Has(cue);

    /// <summary>True when token <paramref name="i"/> is a word of any class of <paramref name="mask"/>.</summary>
    public bool HasAny(int i, CueSet mask) => (uint)i < (uint)N && S.Cues.Array[i].Overlaps(mask);

    /// <summary>True when token <paramref name="i"/> is the one-character punctuation <paramref name="c"/>.</summary>
    public bool IsPunct(int i, char c) =>
        (uint)i < (uint)N && Tokens[i] is { Kind: TokenKind.Punctuation or TokenKind.Symbol, Length: 1 } t && Text[t.Start] == c;

    /// <summary>True when token <paramref name="i"/> is a dash ("-", "–", "—", "―", "--").</summary>
    public bool IsDash(int i) =>
        (uint)i < (uint)N && Tokens[i].Kind == TokenKind.Punctuation && Word(i) is "-" or "–" or "—" or "―" or "--";

    /// <summary>True when token <paramref name="i"/> ends a clause: ";", ":", ".", "?", "!".</summary>
    public bool IsClauseEnd(int i) =>
        (uint)i < (uint)N && Tokens[i].Kind == TokenKind.Punctuation && Word(i) is ";" or ":" or "." or "?" or "!";

    /// <summary>True when token <paramref name="i"/> starts with a lower-case letter.</summary>
    public bool IsLowerInitial(int i) => (uint)i < (uint)N && Tokens[i].Length > 0 && char.IsLower(Text[Tokens[i].Start]);

    /// <summary>True when token <paramref name="i"/> is a capitalised word.</summary>
    public bool IsCapitalizedWord(int i) => (uint)i < (uint)N && Tokens[i] is { Kind: TokenKind.Word } t && t.Has(TokenFlags.Capitalized);

    /// <summary>
    /// Sorts hits in place by (first token, end token, start), when they are not in that order already. Hits with equal
    /// keys cover the same characters; the sort is deterministic for a given input order, and allocates nothing.
    /// </summary>
    private static void SortByPosition<T>(Span<T> hits, Func<T, (int, int, int)> key)
    {
        for (int i = 1; i < hits.Length; i++)
        {
            if (key(hits[i - 1]).CompareTo(key(hits[i])) <= 0) continue;
            hits.Sort(new PositionComparer<T>(key));
            return;
        }
    }

    private readonly struct PositionComparer<T>(Func<T, (int, int, int)> key) : IComparer<T>
    {
        public int Compare(T? x, T? y) => key(x!).CompareTo(key(y!));
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
    public ReadOnlySpan<GenericWeaponHit> GenericWeaponsIn(int from, int to) => Slice(GenericWeapons, static h => h.First, from, to);
    public ReadOnlySpan<QuantityHit> QuantitiesIn(int from, int to) => Slice(Quantities, static h => h.First, from, to);
    public ReadOnlySpan<DateHit> DatesIn(int from, int to) => Slice(Dates, static h => h.First, from, to);

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

    /// <summary>The sentence holding token <paramref name="token"/>.</summary>
    public int SentenceOf(int token)
    {
        var ss = Sentences;
        int lo = 0, hi = ss.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (ss[mid].FirstToken <= token) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
