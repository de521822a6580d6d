using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>A name found by <see cref="Gazetteer.FindAll"/>: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>) spell key <see cref="KeyIndex"/>.</summary>
/// <param name="FirstToken">First token.</param>
/// <param name="EndToken">Exclusive end token.</param>
/// <param name="Start">Start character offset.</param>
/// <param name="End">Exclusive end character offset.</param>
/// <param name="KeyIndex">Index of the matched key; pass to <see cref="Gazetteer.Candidates"/>.</param>
internal readonly record struct GazetteerMatch(int FirstToken, int EndToken, int Start, int End, int KeyIndex);

/// <summary>
/// The place table built from GeoNames (models/gazetteer/places.bin): Ukrainian places and regions, Russian border
/// towns and regions, the world's places of 15,000+ and countries. Names are looked up by <see cref="LexiconKey"/>;
/// a key names places either fully ("Kharkiv", "Kharkov", "Kharkiv Oblast") or as a region stem that names a region
/// only before "region"/"oblast" ("Kharkiv" → Kharkiv Oblast). Immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "ConflictExtract.Models.gazetteer.places.bin";
    private static readonly Lazy<Gazetteer> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Place[] _places;
    private readonly byte[] _blob;
    private readonly int[] _keyOffsets;
    private readonly int[] _postStarts;
    private readonly int[] _posts;
    // First key of each two-character bucket (keys are bytes, so 65,536 buckets), plus the key count at the end: a
    // lookup binary-searches one bucket (a few hundred keys at most) instead of all 240,000.
    private readonly int[] _bucketStarts;

    private Gazetteer(Place[] places, byte[] blob, int[] keyOffsets, int[] postStarts, int[] posts)
    {
        _places = places; _blob = blob; _keyOffsets = keyOffsets; _postStarts = postStarts; _posts = posts;
        _bucketStarts = new int[65536 + 1];
        int keys = keyOffsets.Length - 1, k = 0;
        for (int b = 0; b <= 65536; b++)
        {
            while (k < keys && Bucket(Key(k)) < b) k++;
            _bucketStarts[b] = k;
        }
    }

    // Sorted keys have non-decreasing buckets: (first byte, second byte or 0 when there is none).
    private static int Bucket(ReadOnlySpan<byte> key) => key.Length == 0 ? 0 : key[0] << 8 | (key.Length > 1 ? key[1] : 0);

    /// <summary>The gazetteer embedded in the library, loaded once on first use.</summary>
    public static Gazetteer Default => s_default.Value;

    /// <summary>All places.</summary>
    public IReadOnlyList<Place> Places => _places;

    /// <summary>Number of distinct name keys.</summary>
    internal int KeyCount => _keyOffsets.Length - 1;

    private static Gazetteer LoadDefault()
    {
        using var s = OpenEmbedded() ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Load(s);
    }

    /// <summary>The embedded places.bin ("ConflictExtract.Models.gazetteer.places.bin"; MSBuild may write the folder separator as '/').</summary>
    internal static Stream? OpenEmbedded()
    {
        var asm = typeof(Gazetteer).Assembly;
        var s = asm.GetManifestResourceStream(ResourceName);
        if (s != null) return s;
        foreach (var n in asm.GetManifestResourceNames())
            if (n.Replace('/', '.').Replace('\\', '.') == ResourceName) return asm.GetManifestResourceStream(n);
        return null;
    }

    /// <summary>Reads a gazetteer written by the <c>gazetteer</c> training command.</summary>
    /// <exception cref="InvalidDataException">The stream is not a gazetteer.</exception>
    public static Gazetteer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        if (!magic.SequenceEqual(GazetteerBuilder.Magic)) throw new InvalidDataException("not a gazetteer file");
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != GazetteerBuilder.Version) throw new InvalidDataException("unsupported gazetteer version");
        var strings = new string[r.ReadInt32()];
        for (int i = 0; i < strings.Length; i++) strings[i] = r.ReadString();
        var places = new Place[r.ReadInt32()];
        for (int i = 0; i < places.Length; i++)
        {
            int name = r.ReadInt32();
            var kind = (PlaceKind)r.ReadByte();
            int admin1 = r.ReadInt32(), country = r.ReadInt32();
            float lat = r.ReadSingle(), lon = r.ReadSingle();
            int pop = r.ReadInt32(), id = r.ReadInt32();
            bool cap = r.ReadBoolean();
            places[i] = new Place(strings[name], kind, admin1 < 0 ? null : strings[admin1], strings[country],
                float.IsNaN(lat) ? double.NaN : Math.Round(lat, 5), float.IsNaN(lon) ? double.NaN : Math.Round(lon, 5), pop, id, cap);
        }
        int keys = r.ReadInt32();
        var blob = new byte[r.ReadInt32()];
        r.BaseStream.ReadExactly(blob);
        var offsets = ReadInts(r, keys + 1);
        var starts = ReadInts(r, keys + 1);
        var posts = ReadInts(r, r.ReadInt32());
        return new Gazetteer(places, blob, offsets, starts, posts);
    }

    private static int[] ReadInts(BinaryReader r, int n)
    {
        var a = new int[n];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(a.AsSpan()));
        if (!BitConverter.IsLittleEndian)
            for (int i = 0; i < a.Length; i++) a[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(a[i]);
        return a;
    }

    private ReadOnlySpan<byte> Key(int i) => _blob.AsSpan(_keyOffsets[i], _keyOffsets[i + 1] - _keyOffsets[i]);

    private static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<char> b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            int d = a[i] - b[i];
            if (d != 0) return d;
        }
        return a.Length - b.Length;
    }

    private int LowerBound(ReadOnlySpan<char> key)
    {
        int lo = 0, hi = KeyCount;
        if (key.Length > 0 && key[0] <= 0xFF && (key.Length == 1 || key[1] <= 0xFF))
        {
            // Every key before the bucket is smaller, every key after it larger (a one-character query spans the
            // buckets of its first character).
            int b = key[0] << 8 | (key.Length > 1 ? key[1] : 0);
            lo = _bucketStarts[b];
            hi = _bucketStarts[key.Length > 1 ? b + 1 : b + 256];
        }
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Compare(Key(mid), key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Finds a key (already in <see cref="LexiconKey"/> form); <paramref name="keyIndex"/> is -1 when absent.</summary>
    internal bool TryFindKey(ReadOnlySpan<char> key, out int keyIndex)
    {
        int i = LowerBound(key);
        keyIndex = i < KeyCount && Compare(Key(i), key) == 0 ? i : -1;
        return keyIndex >= 0;
    }

    /// <summary>True when some key starts with <paramref name="prefix"/> (and is longer).</summary>
    internal bool HasLongerKey(ReadOnlySpan<char> prefix)
    {
        int i = LowerBound(prefix);
        if (i < KeyCount && Compare(Key(i), prefix) == 0) i++;
        return StartsWith(i, prefix);
    }

    /// <summary>True when key <paramref name="i"/> exists and is longer than <paramref name="prefix"/>, which it starts with.</summary>
    private bool StartsWith(int i, ReadOnlySpan<char> prefix)
    {
        if (i >= KeyCount) return false;
        var k = Key(i);
        if (k.Length <= prefix.Length) return false;
        for (int j = 0; j < prefix.Length; j++) if (k[j] != prefix[j]) return false;
        return true;
    }

    /// <summary>Postings of a key: place index × 2, plus 1 when the key is only a region stem of that place.</summary>
    internal ReadOnlySpan<int> Postings(int keyIndex) => _posts.AsSpan(_postStarts[keyIndex], _postStarts[keyIndex + 1] - _postStarts[keyIndex]);

    internal Place PlaceAt(int index) => _places[index];

    /// <summary>The index of the first-level region named exactly <paramref name="name"/> ("Kharkiv Oblast"), or -1.</summary>
    internal int RegionNamed(string name)
    {
        var regions = _regionsByName ??= BuildRegionIndex(_places);
        return regions.TryGetValue(name, out int i) ? i : -1;
    }

    // The regions by their names, built at first need; two threads that race each build the same index.
    private System.Collections.Frozen.FrozenDictionary<string, int>? _regionsByName;

    private static System.Collections.Frozen.FrozenDictionary<string, int> BuildRegionIndex(Place[] places)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < places.Length; i++)
            if (places[i].Kind == PlaceKind.Region) d.TryAdd(places[i].Name, i);
        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(d, StringComparer.Ordinal);
    }

    /// <summary>
    /// The contract <see cref="Location"/> of place <paramref name="index"/>, made once and shared: a location is
    /// immutable, and a document names the same few places many times. Filled lazily; two threads that race on one
    /// entry each get an equal location, and either may stay.
    /// </summary>
    internal Location LocationAt(int index)
    {
        var cache = _locations ??= new Location?[_places.Length];
        return cache[index] ??= _places[index].ToLocation();
    }

    private Location?[]? _locations;

    /// <summary>Places a key names. With <paramref name="includeStems"/>, also regions the key names only as a stem ("Kharkiv" → Kharkiv Oblast).</summary>
    internal IReadOnlyList<Place> Candidates(int keyIndex, bool includeStems = false)
    {
        if ((uint)keyIndex >= (uint)KeyCount) return [];
        var list = new List<Place>();
        foreach (int p in Postings(keyIndex))
            if ((p & 1) == 0 || includeStems) list.Add(_places[p >> 1]);
        return list;
    }

    /// <summary>Places named <paramref name="name"/> (any spelling the data gives), most populous first; regions named by a stem only with <paramref name="includeStems"/>.</summary>
    public IReadOnlyList<Place> Lookup(string? name, bool includeStems = false)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200) return [];
        string key;
        try { key = LexiconKey.Of(name); }
        catch (ArgumentException) { return []; } // lone surrogates cannot be normalised
        if (!TryFindKey(key, out int k)) return [];
        var list = (List<Place>)Candidates(k, includeStems);
        list.Sort((a, b) => (Rank(b) + NameBonus(b, key)).CompareTo(Rank(a) + NameBonus(a, key)));
        return list;
    }

    /// <summary>The place a bare name most likely means: a country, then a region named in full, then the most populous place (Ukrainian first among equals).</summary>
    public Place? Resolve(string? name)
    {
        var l = Lookup(name);
        return l.Count == 0 ? null : l[0];
    }

    /// <summary>Prior of a place for a bare name: countries, then regions named in full, then log population with a bonus for capitals and for Ukraine (the domain).</summary>
    internal static double Rank(Place p) => p.Kind switch
    {
        PlaceKind.Country => 100,
        PlaceKind.Region => 90,
        _ => Math.Log10(p.Population + 1.0) + (p.IsAdminCenter ? 2 : 0) + (p.Country == "UA" ? UkraineBonus : 0),
    };

    /// <summary>What a Ukrainian place gains in the prior over a namesake of the same size (the domain is the war in Ukraine).</summary>
    internal const double UkraineBonus = 1.5;

    /// <summary>+1 when the name is the place's canonical name (Sloviansk the city over Nikopol's old name).</summary>
    internal static double NameBonus(Place p, ReadOnlySpan<char> key)
    {
        Span<char> buf = stackalloc char[64];
        int n = LexiconKey.Append(p.Name.AsSpan(0, Math.Min(p.Name.Length, 64)), buf);
        return n > 0 && buf[..n].SequenceEqual(key) ? 1 : 0;
    }

    /// <summary>
    /// Longest gazetteer name starting at token <paramref name="first"/> within [first, limit): one or more word tokens
    /// whose keys concatenate to a stored key ("Kryvyi Rih", "Nova Kakhovka", "Donetsk People's Republic").
    /// No allocation.
    /// </summary>
    internal bool TryMatchAt(string text, ReadOnlySpan<Token> tokens, int first, int limit, out GazetteerMatch match)
    {
        match = default;
        if ((uint)first >= (uint)tokens.Length || tokens[first].Kind != TokenKind.Word) return false;
        Span<char> buf = stackalloc char[96];
        int len = 0;
        bool found = false;
        int end = Math.Min(Math.Min(limit, tokens.Length), first + 6);
        for (int i = first; i < end; i++)
        {
            var t = tokens[i];
            if ((uint)t.Start > (uint)text.Length || (uint)t.End > (uint)text.Length) break;
            if (t.Kind != TokenKind.Word)
            {
                // "People's": the possessive may come as its own token.
                if (i == first || t.Length > 2) break;
                var sl = t.Slice(text);
                if (sl.Length == 0 || sl[0] is not ('\'' or '’')) break;
            }
            int n = LexiconKey.Append(t.Slice(text), buf[len..]);
            if (n <= 0) break;
            len += n;
            var key = buf[..len];
            int k = LowerBound(key);
            if (k < KeyCount && Compare(Key(k), key) == 0)
            {
                match = new GazetteerMatch(first, i + 1, tokens[first].Start, t.End, k);
                found = true;
                k++;
            }
            if (!StartsWith(k, key)) break;
        }
        return found;
    }

    /// <summary>All non-overlapping longest names in tokens [from, to) that start with a capitalised word, appended to <paramref name="output"/>.</summary>
    internal void FindAll(string text, ReadOnlySpan<Token> tokens, int from, int to, List<GazetteerMatch> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (text is null) return;
        to = Math.Min(to, tokens.Length);
        int i = Math.Max(0, from);
        while (i < to)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && (t.Flags & (TokenFlags.Capitalized | TokenFlags.AllCaps)) != 0
                && TryMatchAt(text, tokens, i, to, out var m))
            {
                output.Add(m);
                i = m.EndToken;
            }
            else i++;
        }
    }
}
