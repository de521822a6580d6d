using ConflictExtract.Lexicon;
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

    /// <summary>The place a variant spelling most likely means: one in a region the document names, else the most populous, if it is a town or larger or the only one.</summary>
    public Place? Resolve(ReadOnlySpan<char> word, IReadOnlySet<string> documentRegions)
    {
        Span<char> buf = stackalloc char[64];
        var k = buf[..SkeletonInto(word, buf)];
        if (k.Length < 3 || !_lookup.TryGetValue(k, out var places)) return null;
        foreach (var p in places)
            if (p.Admin1 is not null && documentRegions.Contains(p.Admin1)) return p;
        var top = places[0];
        if (k.Length < 4 && top.Population < 10_000) return null;
        if (places.Length > 1 && places[1].Population * 3 > top.Population) return null; // no clear winner
        return top.Population >= 1_000 || places.Length == 1 ? top : null;
    }
}
