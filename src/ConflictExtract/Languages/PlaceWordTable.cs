using System.Collections.Frozen;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Languages;

/// <summary>The classes of the words the place finder reads (<c>place-words.txt</c>); a word may be in several.</summary>
[Flags]
internal enum PlaceWord : uint
{
    None = 0,
    /// <summary>Nouns that make the name before them a region: "Kharkiv region", "Donetsk and Luhansk oblasts".</summary>
    RegionNoun = 1 << 0,
    /// <summary>Nouns that make the name before them a raion: "Nikopol district".</summary>
    DistrictNoun = 1 << 1,
    /// <summary>The word the gazetteer ends a raion's name with ("Nikopol Raion").</summary>
    RaionName = 1 << 2,
    /// <summary>Nouns a foreign first-level region is named with: "Shan State", "Sagaing Region".</summary>
    AdminNoun = 1 << 3,
    /// <summary>Words before a name that say a place follows: "in", "near", "village of".</summary>
    Locative = 1 << 4,
    /// <summary>Settlement nouns: "village of X", "X village", "a town near X".</summary>
    SettlementNoun = 1 << 5,
    /// <summary>Verbs of saying after a surname: "Kostin said".</summary>
    SpeechVerb = 1 << 6,
    /// <summary>Titles before a person's name.</summary>
    Title = 1 << 7,
    /// <summary>Rivers that share a city's name: "the Dnipro".</summary>
    River = 1 << 8,
    /// <summary>The noun "river".</summary>
    RiverNoun = 1 << 9,
    /// <summary>The definite article.</summary>
    The = 1 << 10,
    /// <summary>"of".</summary>
    Of = 1 << 11,
    /// <summary>"on" ("Rostov-on-Don").</summary>
    On = 1 << 12,
    /// <summary>Words that join a list of names: "and", "or".</summary>
    ListJoin = 1 << 13,
    /// <summary>Capitalised nouns after a name that make it part of a longer name: "Niger State", "Gaza Strip", "Jordan Valley".</summary>
    FeatureNoun = 1 << 14,
    /// <summary>Capitalised words that are seldom places in news: English words, titles, months and days, first names, surnames.</summary>
    Stop = 1 << 15,
    /// <summary>Attack words before a place: "shelled", "struck", "attack on".</summary>
    AttackWord = 1 << 16,
    /// <summary>"in" of "Village in Region".</summary>
    In = 1 << 17,
    /// <summary>Compass words a region's name may begin with, in any spelling: "North", "Northern", "Nord".</summary>
    North = 1 << 18,
    /// <summary>"South", "Southern", "Sud".</summary>
    South = 1 << 19,
    /// <summary>"East", "Eastern".</summary>
    East = 1 << 20,
    /// <summary>"West", "Western", "Ouest".</summary>
    West = 1 << 21,
}

/// <summary>
/// The place finder's words of one language, by <see cref="LexiconKey"/>, loaded from <c>place-words.txt</c> (lines
/// "Class: word word ..."). Immutable and safe to share between threads.
/// </summary>
internal sealed class PlaceWordTable
{
    /// <summary>The longest word key the table is asked about; longer words are in no class.</summary>
    public const int MaxKeyLength = 32;

    private readonly FrozenDictionary<string, PlaceWord>.AlternateLookup<ReadOnlySpan<char>> _words;

    private PlaceWordTable(Dictionary<string, PlaceWord> words, string raionName)
    {
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        RaionName = raionName;
    }

    /// <summary>The key of the word the gazetteer ends a raion's name with (class <see cref="PlaceWord.RaionName"/>: "raion").</summary>
    public string RaionName { get; }

    /// <summary>The classes of a word already in <see cref="LexiconKey"/> form.</summary>
    public PlaceWord OfKey(ReadOnlySpan<char> key) => _words.TryGetValue(key, out var c) ? c : PlaceWord.None;

    /// <summary>The classes of a word as written (any case, accents); none for a word longer than <see cref="MaxKeyLength"/>.</summary>
    public PlaceWord Of(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxKeyLength) return PlaceWord.None;
        Span<char> buf = stackalloc char[MaxKeyLength];
        int n = LexiconKey.Append(word, buf);
        return n <= 0 ? PlaceWord.None : OfKey(buf[..n]);
    }

    /// <summary>Reads the table from the lines of <c>place-words.txt</c>.</summary>
    /// <exception cref="InvalidDataException">A line names no class of <see cref="PlaceWord"/> (the message names the line), or no word is of the class <see cref="PlaceWord.RaionName"/>.</exception>
    public static PlaceWordTable Load(IEnumerable<(string Line, string At)> lines)
    {
        var words = new Dictionary<string, PlaceWord>(StringComparer.Ordinal);
        foreach (var (line, at) in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || !Enum.TryParse<PlaceWord>(line[..colon].Trim(), out var cls) || cls == PlaceWord.None || !Enum.IsDefined(cls))
                throw new InvalidDataException($"{at}: expected \"Class: words\" with a class of the PlaceWord enum");
            foreach (var w in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string key = LexiconKey.Of(w);
                if (key.Length == 0 || key.Length > MaxKeyLength) throw new InvalidDataException($"{at}: \"{w}\" is no word key of 1 to {MaxKeyLength} letters");
                words[key] = words.GetValueOrDefault(key) | cls;
            }
        }
        string? raion = null;
        foreach (var (w, c) in words)
            if ((c & PlaceWord.RaionName) != 0 && (raion is null || string.CompareOrdinal(w, raion) < 0)) raion = w;
        return new PlaceWordTable(words, raion ?? throw new InvalidDataException("the place words name no word of the class RaionName"));
    }
}
