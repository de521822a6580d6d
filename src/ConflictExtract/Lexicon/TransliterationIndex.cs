using ConflictExtract.Records;

namespace ConflictExtract.Lexicon;

/// <summary>
/// A fallback for place names spelt in a transliteration the gazetteer does not list (Russian-style "Chuguiev",
/// "Yelenovka", "Snigirevka", "Kurakhovoy" for Chuhuiv, Olenivka, Snihurivka, Kurakhove): places indexed by their
/// consonant skeleton, with the letter pairs that differ between Russian and Ukrainian romanisation folded
/// (g/h/kh, ch/tch, zh/z, vowels and y dropped). Used only for capitalised words in a locative position that matched
/// nothing else. Immutable after construction.
/// </summary>
internal sealed class TransliterationIndex
{
    private readonly Dictionary<string, Place[]> _bySkeleton;
    private readonly Dictionary<string, Place[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TransliterationIndex(Gazetteer gazetteer)
    {
        var lists = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        foreach (var p in gazetteer.Places)
        {
            if (p.Kind is PlaceKind.Country or PlaceKind.Region || p.Country is not ("UA" or "RU")) continue;
            string k = Skeleton(p.Name);
            if (k.Length < 3) continue;
            if (!lists.TryGetValue(k, out var l)) lists[k] = l = [];
            l.Add(p);
        }
        _bySkeleton = new Dictionary<string, Place[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (k, l) in lists)
        {
            l.Sort((a, b) => b.Population.CompareTo(a.Population));
            _bySkeleton[k] = [.. l];
        }
        _lookup = _bySkeleton.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The consonant skeleton of a name: "Chuguiev" and "Chuhuiv" are both "chv".</summary>
    public static string Skeleton(ReadOnlySpan<char> name)
    {
        Span<char> buf = stackalloc char[64];
        return new string(buf[..SkeletonInto(name, buf)]);
    }

    /// <summary>Writes the skeleton of <paramref name="name"/> into <paramref name="dest"/> (64 chars) and returns its length (0: none).</summary>
    private static int SkeletonInto(ReadOnlySpan<char> name, Span<char> dest)
    {
        Span<char> buf = stackalloc char[64];
        int n = LexiconKey.Append(name.Length > 64 ? name[..64] : name, buf);
        if (n <= 0) return 0;
        var s = buf[..n];
        int len = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            char next = i + 1 < s.Length ? s[i + 1] : '\0';
            char mapped;
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'j': continue;
                case 'k' when next == 'h': mapped = 'h'; i++; break;
                case 'z' when next == 'h': mapped = 'z'; i++; break;
                case 's' when next == 'h': mapped = 's'; i++; break;
                case 't' when next == 's': mapped = 'c'; i++; break;
                case 't' when next == 'c' && i + 2 < s.Length && s[i + 2] == 'h': mapped = 'c'; i += 2; break;
                case 'c' when next == 'h': mapped = 'c'; i++; break;
                case 'g': mapped = 'h'; break;
                case 'w': mapped = 'v'; break;
                case 'q': mapped = 'k'; break;
                case 'x': mapped = 'k'; break;
                default:
                    if (c is >= '0' and <= '9' || c > 'z') return 0; // digits or non-Latin: no skeleton
                    mapped = c;
                    break;
            }
            if (len > 0 && dest[len - 1] == mapped) continue;
            dest[len++] = mapped;
        }
        return len;
    }

    /// <summary>
    /// The place a variant spelling most likely means, among the places of its skeleton whose name it spells closely
    /// (<see cref="IsCloseSpelling"/>): one in a region the document names, else the most populous, if it is a town or
    /// larger or the only one.
    /// </summary>
    public Place? Resolve(ReadOnlySpan<char> word, IReadOnlySet<string> documentRegions)
    {
        Span<char> buf = stackalloc char[64];
        var k = buf[..SkeletonInto(word, buf)];
        if (k.Length < 3 || !_lookup.TryGetValue(k, out var places)) return null;
        foreach (var p in places)
            if (p.Admin1 is not null && documentRegions.Contains(p.Admin1) && IsCloseSpelling(word, p.Name)) return p;
        Place? top = null, second = null;
        foreach (var p in places)
        {
            if (!IsCloseSpelling(word, p.Name)) continue;
            if (top is null) top = p;
            else { second = p; break; }
        }
        if (top is null || k.Length < 4 && top.Population < 10_000) return null;
        if (second is not null && second.Population * 3 > top.Population) return null; // no clear winner
        return top.Population >= 1_000 || second is null ? top : null;
    }

    /// <summary>At most one letter in this many of a name may differ in a spelling of it ("Chuguiev" for "Chuhuiv": one).</summary>
    private const int LettersPerEdit = 4;

    /// <summary>The longest name the spelling comparison reads.</summary>
    private const int MaxSpelling = 48;

    /// <summary>
    /// True when <paramref name="word"/> spells <paramref name="name"/> in another romanisation: after folding the
    /// letters that differ between Russian and Ukrainian romanisation (g/h, y/i/j, w/v, "ye"/"ie" as "e", "ii"/"iy" as
    /// "i", doubled letters as one) they differ in at most one letter in <see cref="LettersPerEdit"/>
    /// ("Snigirevka"/"Snihurivka", "Yelenovka"/"Olenivka", "Kurakhovoy"/"Kurakhove"), not "Twitter"/"Tovtry",
    /// "Somali"/"Smila", "Rowena"/"Rivne".
    /// </summary>
    public static bool IsCloseSpelling(ReadOnlySpan<char> word, ReadOnlySpan<char> name)
    {
        Span<char> a = stackalloc char[MaxSpelling];
        Span<char> b = stackalloc char[MaxSpelling];
        int na = Fold(word, a), nb = Fold(name, b);
        if (na <= 0 || nb <= 0) return false;
        int limit = Math.Max(1, Math.Max(na, nb) / LettersPerEdit);
        // The adjective endings differ between the romanisations ("Stepnoy"/"Stepne", "Pervomayskoye"/"Pervomaiske"):
        // compare without the final vowels too.
        int sa = Stem(a[..na]), sb = Stem(b[..nb]);
        return Math.Abs(na - nb) <= limit && Distance(a[..na], b[..nb]) <= limit
            || sa > 0 && sb > 0 && Math.Abs(sa - sb) <= limit && Distance(a[..sa], b[..sb]) <= limit;
    }

    /// <summary>The length of a folded name without its final vowels.</summary>
    private static int Stem(ReadOnlySpan<char> folded)
    {
        int n = folded.Length;
        while (n > 0 && folded[n - 1] is 'a' or 'e' or 'i' or 'o' or 'u') n--;
        return n;
    }

    /// <summary>The folded letters of a name (see <see cref="IsCloseSpelling"/>) into <paramref name="dest"/>; 0 when none or too long.</summary>
    private static int Fold(ReadOnlySpan<char> name, Span<char> dest)
    {
        Span<char> key = stackalloc char[MaxSpelling];
        int n = LexiconKey.Append(name.Length > MaxSpelling ? name[..MaxSpelling] : name, key);
        if (n <= 0) return 0;
        int len = 0;
        for (int i = 0; i < n; i++)
        {
            char c = key[i] switch { 'y' or 'j' => 'i', 'g' => 'h', 'w' => 'v', 'q' or 'x' => 'k', var x => x };
            if (c == 'e' && len > 0 && dest[len - 1] == 'i') len--; // "ye", "ie": "e"
            if (len > 0 && dest[len - 1] == c) continue;             // "ii", "iy", doubled letters
            dest[len++] = c;
        }
        return len;
    }

    /// <summary>The Levenshtein distance of two short folded names.</summary>
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> prev = stackalloc int[MaxSpelling + 1];
        Span<int> cur = stackalloc int[MaxSpelling + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            cur[..(b.Length + 1)].CopyTo(prev);
        }
        return prev[b.Length];
    }
}
