using System.Collections.Concurrent;
using System.Collections.Frozen;
using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// Qualifiers: "Village, Region", "Village, Region Oblast", "Village (District, Region)", "Village in the Region region",
/// "Village of the District district", "Town, Country", "City, State". The village is resolved inside what the qualifier
/// names, and the qualifier is a region (or raion, or country) mention of its own that the scene stage does not count
/// as a place struck. A bare stem there ("Velykyi Burluk, Kharkiv") is the region, not its capital city.
/// </summary>
internal sealed partial class PlaceFinder
{
    /// <summary>The most words a foreign first-level region's name takes in a qualifier ("Khyber Pakhtunkhwa province").</summary>
    private const int MaxAdminWords = 4;

    /// <summary>The longest key of a first-level region's name the qualifier rule compares.</summary>
    private const int MaxAdminKey = 64;

    // First-level regions of countries whose regions the gazetteer does not list ("Shan State", "Khartoum"): made at
    // first need from the admin1 names of their places, one per country and name, shared by every thread.
    private readonly ConcurrentDictionary<(string Country, string Admin1), AdminRegion> _adminRegions = new();

    /// <summary>A first-level region the gazetteer has no entry for, made from its places' admin1 name.</summary>
    internal sealed record AdminRegion(Place Place, Location Location);

    private AdminRegion AdminRegionOf(string country, string admin1) => _adminRegions.GetOrAdd((country, admin1), static k =>
    {
        var p = new Place(k.Admin1, PlaceKind.Region, k.Admin1, k.Country, double.NaN, double.NaN, 0, 0, false);
        return new AdminRegion(p, p.ToLocation());
    });

    /// <summary>Reads the qualifier after place item <paramref name="i"/>, if any: constrains the item and marks the qualifier.</summary>
    private void Qualify(in Scan s, Span<Item> span, int i)
    {
        ref var it = ref span[i];
        if (it.Role != Role.None || IsCountryOrRegion(it.M.KeyIndex)) return;
        int q0 = QualifierStart(s, it.M.EndToken, out bool paren, out bool inWord);
        if (q0 < 0) return;
        q0 = AfterUnlistedDistrict(s, q0, span, i);
        int j = i + 1;
        if (j < span.Length && span[j].FirstToken == q0 && GazetteerQualifier(s, span, i, j, paren, inWord)) return;
        if (inWord && !s.Is(q0 - 1, PlaceWord.The) && !s.Is(q0 + 1, PlaceWord.AdminNoun)) return; // "in Texas" after a place is seldom its state
        if (!ForeignQualifier(s, span, i, q0, out int runEnd) && paren && s.IsPunct(runEnd, ','))
            ForeignQualifier(s, span, i, runEnd + 1, out _); // "Djibo (Soum, Sahel)": the province, then the region
    }

    /// <summary>
    /// "Kupiansk, Kupianskyi district, Kharkiv": past a district the gazetteer has no name for (capitalised words that
    /// are no place, a district noun, a comma) to the region after it; else <paramref name="q0"/>.
    /// </summary>
    private static int AfterUnlistedDistrict(in Scan s, int q0, Span<Item> span, int i)
    {
        if (i + 1 < span.Length && span[i + 1].FirstToken == q0) return q0; // a name the gazetteer knows
        int k = q0;
        while (k < q0 + MaxAdminWords && (uint)k < (uint)s.Tokens.Length && s.Tokens[k].Kind == TokenKind.Word && s.Tokens[k].Has(TokenFlags.Capitalized)) k++;
        return k > q0 && s.Is(k, PlaceWord.DistrictNoun) && s.IsPunct(k + 1, ',') ? k + 2 : q0;
    }

    /// <summary>Where a qualifier may begin after a place ending at token <paramref name="t"/>: ", X", "(X", "in X", "in the X", "of the X district"; -1 when none.</summary>
    private static int QualifierStart(in Scan s, int t, out bool paren, out bool inWord)
    {
        paren = s.IsPunct(t, '(');
        inWord = s.Is(t, PlaceWord.In);
        if (paren || s.IsPunct(t, ',')) return t + 1;
        if (inWord || s.Is(t, PlaceWord.Of) && s.Is(t + 1, PlaceWord.The)) return s.Is(t + 1, PlaceWord.The) ? t + 2 : t + 1;
        return -1;
    }

    /// <summary>Qualifier item <paramref name="j"/> (a region, a raion, a region stem, a country) of place item <paramref name="i"/>, and a region after a raion.</summary>
    private bool GazetteerQualifier(in Scan s, Span<Item> span, int i, int j, bool paren, bool inWord)
    {
        ref var it = ref span[i];
        ref var q = ref span[j];
        if (q.Role == Role.None && CountryOf(q.M.KeyIndex) is { } country)
        {
            if (inWord || !HasCandidate(it.M.KeyIndex, null, country)) return false;
            (it.Country, it.Qualified) = (country, true);
            return true;
        }
        bool district = q.Role == Role.Raion;
        int place = q.Role is Role.Region or Role.Raion ? q.RegionPlace : q.Role == Role.None ? StemRegion(q.M.KeyIndex) : -1;
        int after = j + 1 < span.Length && s.IsPunct(q.EndToken, ',') && span[j + 1].FirstToken == q.EndToken + 1 ? RegionAt(span, j + 1) : -1;
        if (place < 0 && q.Role == Role.None && Raion(s, in q.M) is int r and >= 0
            && (paren || after >= 0 && _gazetteer.PlaceAt(after).Admin1 == _gazetteer.PlaceAt(r).Admin1))
            (place, district) = (r, true); // "(Chuhuiv, Kharkiv)", "Chuhuiv, Kharkiv Oblast" after a village: the raion
        if (place < 0 || _gazetteer.PlaceAt(place).Admin1 is not { } admin1 || !HasCandidate(it.M.KeyIndex, admin1, null)) return false;
        // "Izium, Kharkiv and Kupiansk": a list of places, not a qualifier.
        if (q.Role == Role.None && !district && !paren && q.ListJoinNext && j + 1 < span.Length && span[j + 1].Role == Role.None) return false;
        if (q.Role == Role.None) SetRegion(ref q, place, q.M.EndToken, s.Tokens);
        if (district) q.Role = Role.Raion;
        (it.Admin1, it.Qualified) = (admin1, true);
        // "Ocheretyne, Pokrovsk district, Donetsk Oblast", "Staryi Saltiv (Chuhuiv, Kharkiv)": the region after the raion.
        if (after >= 0 && _gazetteer.PlaceAt(after).Admin1 == admin1 && span[j + 1].Role == Role.None) SetRegion(ref span[j + 1], after, span[j + 1].M.EndToken, s.Tokens);
        return true;
    }

    /// <summary>The region item <paramref name="k"/> names: a region phrase's, or the region a bare stem names; -1 when none.</summary>
    private int RegionAt(Span<Item> span, int k) =>
        span[k].Role == Role.Region ? span[k].RegionPlace : span[k].Role == Role.None ? StemRegion(span[k].M.KeyIndex) : -1;

    /// <summary>
    /// "Lashio, Shan State", "Omdurman, Khartoum state", "Rafah, Gaza Strip", "Odessa, Texas": words after the place that
    /// spell the first-level region of one of its namesakes (compass words in any spelling, the administrative noun
    /// optional). The place is resolved there, the words are that region's mention, and any name they hold is no place.
    /// <paramref name="runEnd"/> is where the capitalised words from <paramref name="q0"/> end.
    /// </summary>
    private bool ForeignQualifier(in Scan s, Span<Item> span, int i, int q0, out int runEnd)
    {
        ref var it = ref span[i];
        int limit = Math.Min(s.Tokens.Length, q0 + MaxAdminWords);
        int end = q0;
        while (end < limit && s.Tokens[end].Kind == TokenKind.Word && (s.Tokens[end].Has(TokenFlags.Capitalized) || end > q0 && s.Is(end, PlaceWord.AdminNoun | PlaceWord.FeatureNoun))) end++;
        runEnd = end;
        var index = _adminIndex.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> text = stackalloc char[MaxAdminKey];
        for (int e = end; e > q0; e--)
        {
            int n = AdminKeyOfTokens(s, q0, e, text);
            if (n <= 0 || !index.TryGetValue(text[..n], out var regions)) continue;
            foreach (var r in regions)
            {
                if (!HasCandidate(it.M.KeyIndex, r.Place.Admin1, r.Place.Country)) continue;
                (it.Admin1, it.Qualified, it.QualFirst, it.QualEnd, it.QualRegion, it.QualAdmin) = (r.Place.Admin1, true, q0, e, -1, r);
                for (int j = i + 1; j < span.Length && span[j].FirstToken < e; j++) span[j].Role = Role.Skip;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "the Gaza Strip", "in Khartoum state", "Sagaing Region": a name and a feature or administrative noun after it that
    /// together spell the first-level region of one of the name's places: that region, not the city.
    /// </summary>
    private void FeatureRegion(in Scan s, Span<Item> span, int i)
    {
        ref var it = ref span[i];
        int t = it.M.EndToken;
        if (it.Role != Role.None || !s.Is(t, PlaceWord.FeatureNoun | PlaceWord.AdminNoun) || s.Is(t, PlaceWord.RegionNoun) && StemRegion(it.M.KeyIndex) >= 0) return;
        Span<char> text = stackalloc char[MaxAdminKey];
        int n = AdminKeyOfTokens(s, it.M.FirstToken, t + 1, text);
        if (n <= 0 || !_adminIndex.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[..n], out var regions)) return;
        foreach (var r in regions)
        {
            if (!HasCandidate(it.M.KeyIndex, r.Place.Admin1, r.Place.Country)) continue;
            (it.Role, it.QualFirst, it.QualEnd, it.QualRegion, it.QualAdmin) = (Role.Admin, it.M.FirstToken, t + 1, -1, r);
            return;
        }
    }

    private const PlaceWord Compass = PlaceWord.North | PlaceWord.South | PlaceWord.East | PlaceWord.West;

    /// <summary>The shortest key of a first-level region's name read without a qualifier's evidence ("Bay" needs "region").</summary>
    private const int MinStandaloneAdminKey = 5;

    /// <summary>
    /// The first-level regions the gazetteer has no entry for, by the folded key of their names (<see
    /// cref="AdminKeyOfName"/>), from the admin1 names of their places (several regions may share a key: "Central").
    /// Built at first need, shared by every thread.
    /// </summary>
    private FrozenDictionary<string, AdminRegion[]> BuildAdminIndex()
    {
        var d = new Dictionary<string, List<AdminRegion>>(StringComparer.Ordinal);
        Span<char> key = stackalloc char[MaxAdminKey];
        foreach (var p in _gazetteer.Places)
        {
            if (p.Country == "UA" || p.Admin1 is not { } a || p.Kind is PlaceKind.Region or PlaceKind.Country || _gazetteer.RegionNamed(a) >= 0) continue;
            int n = AdminKeyOfName(_words, a, key);
            if (n <= 0) continue;
            var region = AdminRegionOf(p.Country, a);
            string k = new(key[..n]);
            if (!d.TryGetValue(k, out var list)) d[k] = list = [];
            if (!list.Contains(region)) list.Add(region);
        }
        return d.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// First-level regions named on their own, with words the gazetteer has no name for: "a village in Borno State",
    /// "an airstrike in Shan State", "a camp in North Kivu", "a market in Balochistan". A name the gazetteer read as
    /// a place before an administrative noun becomes the region it spells; capitalised words after a locative are looked
    /// up whole (longest first), and without an administrative noun they name the region only in a text that names its
    /// country or a place in it ("in Kurdistan" of an Iraqi report is no Iranian province).
    /// </summary>
    private void StandaloneRegions(in Scan s, Span<Item> span, List<(int First, int End, AdminRegion Region, bool Named)> extras)
    {
        var index = _adminIndex.Value;
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[MaxAdminKey];
        foreach (ref var it in span)
        {
            int t = it.M.EndToken;
            if (it.Role != Role.None || it.M.EndToken - it.M.FirstToken != 1 || !IsCapitalizedWord(s, t) || !s.Is(t, PlaceWord.AdminNoun)) continue;
            int n = AdminKeyOfTokens(s, it.M.FirstToken, t + 1, key);
            if (n > 0 && lookup.TryGetValue(key[..n], out var rs) && rs.Length == 1)
                (it.Role, it.QualFirst, it.QualEnd, it.QualRegion, it.QualAdmin) = (Role.Admin, it.M.FirstToken, t + 1, -1, rs[0]);
        }
        int item = 0;
        for (int t = 0; t + 1 < s.Tokens.Length; t++)
        {
            // Capitals first (a flag), the locative's class only then: most tokens are looked up in no table.
            if (!IsCapitalizedWord(s, t + 1) && !IsCapitalizedWord(s, t + 2) || !s.Is(t, PlaceWord.Locative)) continue;
            int q0 = s.Is(t + 1, PlaceWord.The) ? t + 2 : t + 1;
            while (item < span.Length && span[item].EndToken <= q0) item++;
            // A name the gazetteer knows from here stands unless the region's words go beyond it ("North" of "North Kivu").
            bool covered = item < span.Length && span[item].FirstToken <= q0;
            if (covered && span[item].Role != Role.None) continue; // a region phrase or a region already read
            int known = covered ? span[item].EndToken : q0;
            if (!IsCapitalizedWord(s, q0) || s.Is(q0, PlaceWord.Stop) && !s.Is(q0, Compass)) continue;
            int end = q0;
            while (end < Math.Min(s.Tokens.Length, q0 + MaxAdminWords) && IsCapitalizedWord(s, end)) end++;
            bool noun = end > q0 && s.Is(end - 1, PlaceWord.AdminNoun) || s.Is(end, PlaceWord.AdminNoun);
            if (s.Is(end, PlaceWord.AdminNoun)) end++; // "Khartoum state"
            for (int e = end; e > known; e--)
            {
                int n = AdminKeyOfTokens(s, q0, e, key);
                if (n < (noun ? 1 : MinStandaloneAdminKey) || !lookup.TryGetValue(key[..n], out var rs) || rs.Length != 1) continue;
                if (!noun && !EndsPhrase(s, e)) break; // "in the Somali capital": an adjective, not the region
                extras.Add((q0, e, rs[0], noun));
                for (int j = item; j < span.Length && span[j].FirstToken < e; j++) span[j].Role = Role.Skip;
                t = e - 1;
                break;
            }
        }
    }

    /// <summary>True when token <paramref name="t"/> ends a name's phrase: punctuation, the end, or a function or place word ("in Balochistan on Monday").</summary>
    private static bool EndsPhrase(in Scan s, int t) =>
        (uint)t >= (uint)s.Tokens.Length || s.Tokens[t].Kind != TokenKind.Word
        || s.Is(t, PlaceWord.Locative | PlaceWord.Of | PlaceWord.The | PlaceWord.ListJoin | PlaceWord.Stop | PlaceWord.SpeechVerb);

    /// <summary>True when some place (not a region) the key names lies in <paramref name="admin1"/> and/or <paramref name="country"/>.</summary>
    private bool HasCandidate(int key, string? admin1, string? country)
    {
        foreach (int p in _gazetteer.Postings(key))
        {
            if ((p & 1) != 0) continue;
            var c = _gazetteer.PlaceAt(p >> 1);
            if (c.Kind is PlaceKind.Region or PlaceKind.Country) continue;
            if ((admin1 is null || c.Admin1 == admin1) && (country is null || c.Country == country)) return true;
        }
        return false;
    }

    /// <summary>The country code a key names in full, or null.</summary>
    private string? CountryOf(int key)
    {
        foreach (int p in _gazetteer.Postings(key))
            if ((p & 1) == 0 && _gazetteer.PlaceAt(p >> 1).Kind == PlaceKind.Country) return _gazetteer.PlaceAt(p >> 1).Country;
        return null;
    }

    /// <summary>True when the key names a country or a region in full (such a name is qualified by nothing).</summary>
    private bool IsCountryOrRegion(int key)
    {
        foreach (int p in _gazetteer.Postings(key))
            if ((p & 1) == 0 && _gazetteer.PlaceAt(p >> 1).Kind is PlaceKind.Country or PlaceKind.Region) return true;
        return false;
    }

    /// <summary>The folded key of tokens [from, to) as a first-level region's name (see <see cref="AppendAdminWord"/>); -1 when it does not fit.</summary>
    private static int AdminKeyOfTokens(in Scan s, int from, int to, Span<char> dest)
    {
        while (to > from + 1 && s.Is(to - 1, PlaceWord.AdminNoun)) to--; // "Khartoum state", "Sagaing Region"
        int n = 0;
        for (int t = from; t < to; t++)
            if (!AppendAdminWord(s.Tokens[t].Slice(s.Text), s.Classes(t), dest, ref n)) return -1;
        return n;
    }

    /// <summary>The folded key of a first-level region's name ("Sagaing Region", "State of Berlin", "Nord Kivu"); -1 when it does not fit.</summary>
    private static int AdminKeyOfName(PlaceWordTable words, string name, Span<char> dest)
    {
        // Words of the name, without the administrative nouns at either end ("State of", "Region").
        int start = 0, end = name.Length;
        int firstSpace = name.IndexOf(' ');
        if (firstSpace > 0 && (words.Of(name.AsSpan(0, firstSpace)) & PlaceWord.AdminNoun) != 0)
        {
            start = firstSpace + 1;
            int second = name.IndexOf(' ', start);
            if (second > 0 && (words.Of(name.AsSpan(start, second - start)) & PlaceWord.Of) != 0) start = second + 1;
        }
        int lastSpace = name.LastIndexOf(' ');
        if (lastSpace >= start && (words.Of(name.AsSpan(lastSpace + 1)) & PlaceWord.AdminNoun) != 0) end = lastSpace;
        int n = 0;
        var rest = name.AsSpan(start, Math.Max(0, end - start));
        while (!rest.IsEmpty)
        {
            int sp = rest.IndexOfAny(' ', '-');
            var word = sp < 0 ? rest : rest[..sp];
            if (!word.IsEmpty && !AppendAdminWord(word, words.Of(word), dest, ref n)) return -1;
            rest = sp < 0 ? default : rest[(sp + 1)..];
        }
        return n;
    }

    /// <summary>Appends one word's key, a compass word in one spelling ("Northern", "Nord" as "north").</summary>
    private static bool AppendAdminWord(ReadOnlySpan<char> word, PlaceWord classes, Span<char> dest, ref int n)
    {
        ReadOnlySpan<char> compass = (classes & PlaceWord.North) != 0 ? "n" : (classes & PlaceWord.South) != 0 ? "s"
            : (classes & PlaceWord.East) != 0 ? "e" : (classes & PlaceWord.West) != 0 ? "w" : default;
        if (!compass.IsEmpty)
        {
            if (n + 2 > dest.Length) return false;
            dest[n++] = '\u0001'; // a compass mark no letter key contains
            dest[n++] = compass[0];
            return true;
        }
        int k = LexiconKey.Append(word, dest[n..]);
        if (k < 0) return false;
        n += k;
        return true;
    }
}
