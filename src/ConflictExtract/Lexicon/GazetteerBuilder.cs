using System.IO.Compression;
using System.Text;
using ConflictExtract.Records;

namespace ConflictExtract.Lexicon;

/// <summary>Collects places and their name keys and writes the binary gazetteer (used by the training command and tests).</summary>
internal sealed class GazetteerBuilder
{
    internal const int Version = 1;
    internal static ReadOnlySpan<byte> Magic => "CEGZ"u8;

    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<(int Name, PlaceKind Kind, int Admin1, int Country, float Lat, float Lon, int Pop, int Id, bool Capital)> _places = [];
    private readonly SortedDictionary<string, List<int>> _keys = new(StringComparer.Ordinal);

    public int PlaceCount => _places.Count;
    internal int KeyCount => _keys.Count;

    private int Str(string? s)
    {
        if (s is null) return -1;
        if (!_stringIndex.TryGetValue(s, out int i)) { i = _strings.Count; _strings.Add(s); _stringIndex[s] = i; }
        return i;
    }

    /// <summary>Adds a place; <paramref name="names"/> name it on their own, <paramref name="stems"/> only before "region"/"oblast".</summary>
    public void Add(string name, PlaceKind kind, string? admin1, string country, double lat, double lon, int population, int id,
        bool adminCenter, IEnumerable<string> names, IEnumerable<string> stems)
    {
        int index = _places.Count;
        _places.Add((Str(name), kind, Str(admin1), Str(country), (float)lat, (float)lon, population, id, adminCenter));
        AddKeys(names, index * 2);
        AddKeys(stems, index * 2 + 1);
    }

    private void AddKeys(IEnumerable<string> names, int posting)
    {
        foreach (var n in names)
        {
            string key = LexiconKey.Of(n);
            if (key.Length < 2 || !Ascii.IsValid(key)) continue;
            if (!_keys.TryGetValue(key, out var list)) _keys[key] = list = [];
            if (!list.Contains(posting)) list.Add(posting);
        }
    }

    public void Write(Stream output)
    {
        output.Write(Magic);
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Version);
        w.Write(_strings.Count);
        foreach (var s in _strings) w.Write(s);
        w.Write(_places.Count);
        foreach (var p in _places)
        {
            w.Write(p.Name); w.Write((byte)p.Kind); w.Write(p.Admin1); w.Write(p.Country);
            w.Write(p.Lat); w.Write(p.Lon); w.Write(p.Pop); w.Write(p.Id); w.Write(p.Capital);
        }
        var blob = new MemoryStream();
        var offsets = new List<int> { 0 };
        var starts = new List<int> { 0 };
        var posts = new List<int>();
        foreach (var (key, list) in _keys)
        {
            blob.Write(Encoding.ASCII.GetBytes(key));
            offsets.Add((int)blob.Length);
            posts.AddRange(list);
            starts.Add(posts.Count);
        }
        w.Write(_keys.Count);
        w.Write((int)blob.Length);
        w.Write(blob.GetBuffer(), 0, (int)blob.Length);
        foreach (int o in offsets) w.Write(o);
        foreach (int s in starts) w.Write(s);
        w.Write(posts.Count);
        foreach (int p in posts) w.Write(p);
    }
}
