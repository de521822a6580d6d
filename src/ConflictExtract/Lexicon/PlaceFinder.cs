using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// Finds and geocodes place names in tokenized text with the <see cref="Gazetteer"/>.
/// <list type="bullet">
/// <item>Region phrases: "the Kharkiv region", "Kharkiv oblast", "region of Kharkiv", "Donetsk and Luhansk regions",
/// "the regions of Sumy, Kharkiv and Dnipro" (Dnipro there is Dnipropetrovsk Oblast), old names
/// ("Dnepropetrovsk region", "Kirovohrad region"); "DPR"/"LPR" are Donetsk/Luhansk Oblast; "Donbas" is a region
/// with no admin1.</item>
/// <item>Qualifiers: "Village, Region", "Village, Region Oblast", "Village (District, Region)", "Village in Region",
/// "Village of the District district", "Town, Country", "City, State": the village is resolved inside the region the
/// qualifier names (a bare "Kharkiv" there is Kharkiv Oblast, not the city), and the qualifier is a region mention
/// (the scene stage reads it as such), not a place of its own. A foreign first-level region ("Shan State", "Khartoum
/// state", "the Gaza Strip") is a region of its country.</item>
/// <item>Ambiguity: a country or region named in full beats a place; among places, one in a region the text names,
/// one in the region of an unambiguous place of the same list, else the most populous (administrative centres first,
/// Ukraine first among equals); in a text about Ukraine, a Ukrainian namesake of a foreign city after an attack word.
/// Bare "Kharkiv" is the city.</item>
/// <item>Lookalikes: a name must start with a capital; stop-listed words (English words, first names, titles)
/// are not places; a village (under 10,000 people) needs evidence: a locative before it ("in", "near",
/// "village of"), "village" after it, a qualifier, or its region named in the text; never after a first name or
/// title, nor before "said"; a village or town followed by a capitalised word that is not a place word is part of a
/// longer name ("Nova Poshta"); a country followed by a feature noun is part of another name ("Niger State",
/// "Jordan Valley"); "the Dnipro" and "Dnipro River" are rivers and skipped.</item>
/// </list>
/// The English words it reads are data (<c>Languages/English/place-words.txt</c>). Immutable and thread-safe;
/// <see cref="Find"/> allocates only its result (its work lists are the pipeline's per-thread workspace).
/// </summary>
internal sealed partial class PlaceFinder
{
    private static readonly Lazy<PlaceFinder> s_default = new(() => new PlaceFinder(Gazetteer.Default), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Gazetteer _gazetteer;
    private readonly PlaceWordTable _words;

    /// <summary>Creates a finder over <paramref name="gazetteer"/>, with the English place words.</summary>
    public PlaceFinder(Gazetteer gazetteer) : this(gazetteer, LanguagePack.English.PlaceWords)
    {
    }

    /// <summary>Creates a finder over <paramref name="gazetteer"/> reading the place words of one language.</summary>
    internal PlaceFinder(Gazetteer gazetteer, PlaceWordTable words)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(words);
        _gazetteer = gazetteer;
        _words = words;
        _adminIndex = new(BuildAdminIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<System.Collections.Frozen.FrozenDictionary<string, AdminRegion[]>> _adminIndex;

    /// <summary>A finder over <see cref="Gazetteer.Default"/>.</summary>
    public static PlaceFinder Default => s_default.Value;

    /// <summary>The gazetteer this finder uses.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    internal enum Role : byte { None, Place, Region, Raion, Skip, Admin }

    internal struct Item
    {
        public GazetteerMatch M;
        public int SentenceFirst;
        public Role Role;
        public int Start, End, FirstToken, EndToken;
        public int RegionPlace;     // place index for a region mention
        public bool ListJoinNext;   // only "," / "and" / "or" between this match and the next
        public bool RegionOfList;   // inside "regions of A, B and C"
        public string? Admin1;      // the first-level region a qualifier puts the place in
        public string? Country;     // the country a qualifier puts the place in
        public bool Qualified;      // a qualifier follows: evidence that the name is a place
        public string? ListAdmin1;  // the region of an unambiguous place in the same list
        public bool AttackBefore;   // an attack word stands just before the name
        public int QualFirst, QualEnd;  // tokens of a first-level region named by words the gazetteer has no name for
        public int QualRegion;      // ... the gazetteer's region of that name, or -1
        public AdminRegion? QualAdmin;  // ... else the region made from its places' admin1 name
    }

    /// <summary>
    /// Place mentions in <paramref name="text"/>, in text order, with exact character offsets.
    /// When <paramref name="sentences"/> is empty the whole token run is one sentence. Never throws on odd input.
    /// </summary>
    public IReadOnlyList<PlaceMention> Find(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return [];
        var result = new List<PlaceMention>();
        FindInto(text, tokens, sentences, result, new Work());
        return result;
    }

    /// <summary>As <see cref="Find"/>, adding the mentions to <paramref name="result"/>, with the caller's work lists (emptied after).</summary>
    internal void FindInto(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<PlaceMention> result, Work work)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return;
        try
        {
            FindCore(new Scan(text, tokens, _words, work.WordClasses.Room(tokens.Length).AsSpan(0, tokens.Length)), sentences, work, result);
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>The finder's work lists for one document; a pipeline keeps one per thread in its workspace.</summary>
    internal sealed class Work : Pipeline.Scratch
    {
        public Work()
        {
            Items = NewList<Item>();
            Matches = NewList<GazetteerMatch>();
            Named = NewSet<string>(StringComparer.Ordinal);
            Regions = NewList<(int, int, AdminRegion, bool)>();
            Countries = NewSet<string>(StringComparer.Ordinal);
            WordClasses = Track(new Buffer<uint>(256), static b => b.Clear(), static b => b.Length);
        }

        internal List<Item> Items { get; }
        public List<GazetteerMatch> Matches { get; }
        public HashSet<string> Named { get; }

        /// <summary>First-level regions named on their own with words the gazetteer has no name for, in text order.</summary>
        public List<(int First, int End, AdminRegion Region, bool Named)> Regions { get; }

        /// <summary>The countries of the places and countries the text names (their readings without context).</summary>
        public HashSet<string> Countries { get; }

        /// <summary>Each token's place-word classes, filled at first need (<see cref="Scan"/>).</summary>
        public Buffer<uint> WordClasses { get; }
    }

    private void FindCore(in Scan s, ReadOnlySpan<Sentence> sentences, Work scratch, List<PlaceMention> result)
    {
        var items = scratch.Items;
        if (sentences.IsEmpty) Collect(s, 0, s.Tokens.Length, scratch.Matches, items);
        else
            foreach (var sentence in sentences)
                Collect(s, Math.Max(0, sentence.FirstToken), Math.Min(s.Tokens.Length, sentence.EndToken), scratch.Matches, items);

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        // Links between neighbours: "A, B and C".
        for (int i = 0; i + 1 < span.Length; i++)
            span[i].ListJoinNext = OnlyListGlue(s, span[i].M.EndToken, span[i + 1].M.FirstToken);
        for (int i = 0; i < span.Length; i++) RegionPhrase(s, span, i);
        for (int i = 0; i < span.Length; i++) FeatureRegion(s, span, i);
        for (int i = 0; i < span.Length; i++) Qualify(s, span, i);
        StandaloneRegions(s, span, scratch.Regions);
        var named = scratch.Named;
        bool aboutUkraine = NameContext(s, span, named, scratch.Countries);
        Emit(s, span, named, aboutUkraine, scratch, result);
    }

    /// <summary>
    /// Context for namesakes: the regions the text names (region phrases, qualifiers) and the regions of its
    /// unambiguous large cities into <paramref name="named"/>; for each place in a list, the region of an unambiguous
    /// place of that list; whether an attack word stands before it. True when the text is about Ukraine: more of its
    /// places (by their readings without context) lie in Ukraine and along its border than elsewhere.
    /// </summary>
    private bool NameContext(in Scan s, Span<Item> span, HashSet<string> named, HashSet<string> countries)
    {
        int home = 0, foreign = 0;
        foreach (ref var it in span)
        {
            if (it.Role == Role.Region && _gazetteer.PlaceAt(it.RegionPlace).Admin1 is { } a) { named.Add(a); home += IsHome(_gazetteer.PlaceAt(it.RegionPlace)) ? 1 : 0; }
            if (it.Admin1 is { } q) named.Add(q);
        }
        foreach (ref var it in span)
        {
            if (it.Role != Role.None) continue;
            it.AttackBefore = s.Is(it.M.FirstToken - 1, PlaceWord.AttackWord) || s.Is(it.M.FirstToken - 1, PlaceWord.The) && s.Is(it.M.FirstToken - 2, PlaceWord.AttackWord);
            int best = Best(in it, named, s.Text, Topic.Unknown);
            if (best < 0) continue;
            var p = _gazetteer.PlaceAt(best);
            countries.Add(p.Country);
            if (p.Kind is PlaceKind.City && p.Admin1 is { } a && p.Population >= 100_000) named.Add(a);
            if (p.Kind != PlaceKind.Country) { if (IsHome(p)) home++; else foreign++; }
        }
        ListRegions(span);
        return home > foreign;
    }

    /// <summary>"Orlivka and Tonenke": a place of a list takes as context the region of a list member whose every reading lies in one region.</summary>
    private void ListRegions(Span<Item> span)
    {
        int start = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (i + 1 < span.Length && span[i].ListJoinNext) continue;
            string? shared = null;
            for (int k = start; k <= i && shared is null; k++)
                if (span[k].Role == Role.None && span[k].Admin1 is null) shared = OnlyRegion(span[k].M.KeyIndex);
            for (int k = start; k <= i && shared is not null && i > start; k++) span[k].ListAdmin1 = shared;
            start = i + 1;
        }
    }

    /// <summary>The one first-level region every place (not region) a key names lies in, or null.</summary>
    private string? OnlyRegion(int key)
    {
        string? only = null;
        foreach (int p in _gazetteer.Postings(key))
        {
            if ((p & 1) != 0) continue;
            var c = _gazetteer.PlaceAt(p >> 1);
            if (c.Kind is PlaceKind.Region or PlaceKind.Country || c.Admin1 is null) return null;
            if (only is null) only = c.Admin1;
            else if (only != c.Admin1) return null;
        }
        return only;
    }

    /// <summary>The mentions of the items kept, in text order.</summary>
    private void Emit(in Scan s, Span<Item> span, HashSet<string> named, bool aboutUkraine, Work work, List<PlaceMention> result)
    {
        var regions = work.Regions;
        result.EnsureCapacity(result.Count + span.Length + regions.Count);
        int next = 0;
        foreach (ref var it in span)
        {
            for (; next < regions.Count && regions[next].First < it.FirstToken; next++) EmitRegion(s, regions[next], work.Countries, result);
            if (it.Role == Role.Skip) continue;
            if (it.Role == Role.Admin)
            {
                EmitQualifierRegion(s, in it, result);
                continue;
            }
            if (it.Role is Role.Region or Role.Raion)
            {
                var rp = _gazetteer.PlaceAt(it.RegionPlace);
                result.Add(new PlaceMention(it.Start, it.End, _gazetteer.LocationAt(it.RegionPlace), rp, it.FirstToken, it.EndToken, 0.9f));
                continue;
            }
            int best = Best(in it, named, s.Text, aboutUkraine ? Topic.Ukraine : Topic.Elsewhere);
            var p = best >= 0 ? _gazetteer.PlaceAt(best) : null;
            float conf = p is null ? 0 : Accept(s, in it, p, named);
            if (conf > 0) result.Add(new PlaceMention(it.M.Start, it.M.End, _gazetteer.LocationAt(best), p!, it.M.FirstToken, it.M.EndToken, conf));
            if (it.QualEnd > it.QualFirst) EmitQualifierRegion(s, in it, result);
        }
        for (; next < regions.Count; next++) EmitRegion(s, regions[next], work.Countries, result);
    }

    /// <summary>A first-level region named on its own: with its administrative noun, or in a text that names its country.</summary>
    private static void EmitRegion(in Scan s, (int First, int End, AdminRegion Region, bool Named) r, HashSet<string> countries, List<PlaceMention> result)
    {
        if (r.Named || countries.Contains(r.Region.Place.Country))
            result.Add(new PlaceMention(s.Tokens[r.First].Start, s.Tokens[r.End - 1].End, r.Region.Location, r.Region.Place, r.First, r.End, 0.9f));
    }

    /// <summary>The mention of a first-level region a qualifier named with words the gazetteer has no name for ("Shan State").</summary>
    private void EmitQualifierRegion(in Scan s, in Item it, List<PlaceMention> result)
    {
        int start = s.Tokens[it.QualFirst].Start, end = s.Tokens[it.QualEnd - 1].End;
        if (it.QualRegion >= 0)
            result.Add(new PlaceMention(start, end, _gazetteer.LocationAt(it.QualRegion), _gazetteer.PlaceAt(it.QualRegion), it.QualFirst, it.QualEnd, 0.9f));
        else if (it.QualAdmin is { } r)
            result.Add(new PlaceMention(start, end, r.Location, r.Place, it.QualFirst, it.QualEnd, 0.9f));
    }

    private void Collect(in Scan s, int from, int to, List<GazetteerMatch> matches, List<Item> items)
    {
        if (from >= to) return;
        matches.Clear();
        _gazetteer.FindAll(s.Text, s.Tokens, from, to, matches);
        foreach (var m0 in matches)
        {
            var m = m0;
            // Every word after the first must be capitalised or a region noun/joiner ("Kharkiv oblast", "Rostov-on-Don").
            for (int t = m.FirstToken + 1; t < m.EndToken; t++)
            {
                var tk = s.Tokens[t];
                if (tk.Kind != TokenKind.Word || tk.Has(TokenFlags.Capitalized) || tk.Has(TokenFlags.AllCaps)) continue;
                if (tk.Length > 0 && (uint)tk.Start < (uint)s.Text.Length && s.Text[tk.Start] is '\'' or '’') continue; // "People's"
                if (s.Is(t, PlaceWord.RegionNoun | PlaceWord.DistrictNoun | PlaceWord.Of | PlaceWord.On)) continue;
                if (!_gazetteer.TryMatchAt(s.Text, s.Tokens, m.FirstToken, t, out m)) m = default;
                break;
            }
            if (m.EndToken == 0) continue;
            items.Add(new Item { M = m, SentenceFirst = from, Start = m.Start, End = m.End, FirstToken = m.FirstToken, EndToken = m.EndToken, RegionPlace = -1, QualRegion = -1 });
        }
    }

    /// <summary>Whether the text is about Ukraine, as far as the finder knows.</summary>
    private enum Topic : byte { Unknown, Ukraine, Elsewhere }

    /// <summary>
    /// The reading of item <paramref name="it"/>: inside the region or country its qualifier names; else by prior rank,
    /// canonical name, a region the text names (+4), the region of its list between villages (+4) and, in a text about Ukraine, a
    /// Ukrainian namesake after an attack word (+3); in a text about elsewhere, a Ukrainian place loses the prior's
    /// bonus for Ukraine. -1 when the key names no place that fits.
    /// </summary>
    private int Best(in Item it, HashSet<string> named, string text, Topic topic)
    {
        int best = Best(in it, named, text, topic, listRegion: false);
        // The region of the list decides only between small places ("Orlivka and Tonenke"), not against a town
        // ("Kupiansk, Kharkiv and Lyman": Lyman the town of Donetsk Oblast).
        if (best >= 0 && it.ListAdmin1 is not null && _gazetteer.PlaceAt(best).Kind == PlaceKind.Village) best = Best(in it, named, text, topic, listRegion: true);
        return best;
    }

    private int Best(in Item it, HashSet<string> named, string text, Topic topic, bool listRegion)
    {
        var m = it.M;
        Span<char> kb = stackalloc char[64];
        int kl = LexiconKey.Append(text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), kb);
        ReadOnlySpan<char> keyText = kb[..Math.Max(0, kl)];
        int best = -1;
        double bestScore = double.MinValue;
        foreach (int p in _gazetteer.Postings(m.KeyIndex))
        {
            if ((p & 1) != 0) continue;
            var place = _gazetteer.PlaceAt(p >> 1);
            if (it.Admin1 is { } q && place.Admin1 != q || it.Country is { } c && place.Country != c) continue;
            double s = Gazetteer.Rank(place) + Gazetteer.NameBonus(place, keyText);
            bool settlement = place.Kind is not (PlaceKind.Region or PlaceKind.Country);
            if (settlement && place.Admin1 is { } a && named.Contains(a)) s += NamedRegionBonus;
            if (listRegion && settlement && place.Admin1 is not null && place.Admin1 == it.ListAdmin1) s += ListRegionBonus;
            if (settlement && topic == Topic.Ukraine && it.AttackBefore && place.Country == "UA") s += UkrainianNamesakeBonus;
            if (settlement && topic == Topic.Elsewhere && place.Country == "UA") s -= Gazetteer.UkraineBonus; // the world city, not its Ukrainian namesake
            if (s > bestScore) { bestScore = s; best = p >> 1; }
        }
        return best;
    }

    /// <summary>What a place in a region the text names gains over its namesakes (about 10,000 times the population).</summary>
    private const double NamedRegionBonus = 4;

    /// <summary>What a village in the region of an unambiguous member of its list gains ("Orlivka and Tonenke"): as much as a region named.</summary>
    private const double ListRegionBonus = 4;

    /// <summary>What a Ukrainian namesake after an attack word gains in a text about Ukraine ("shelled New York" is the town in Donetsk Oblast).</summary>
    private const double UkrainianNamesakeBonus = 3;

    private static bool OnlyListGlue(in Scan s, int from, int to)
    {
        if (to <= from || to - from > 3) return false;
        for (int t = from; t < to; t++)
            if (!s.IsPunct(t, ',') && !s.Is(t, PlaceWord.ListJoin)) return false;
        return true;
    }

    /// <summary>
    /// The text, its tokens and their place-word classes, looked up at first need and kept per token for the document
    /// (<see cref="Work.WordClasses"/>, which starts at zero: not looked up yet).
    /// </summary>
    internal readonly ref struct Scan(string text, ReadOnlySpan<Token> tokens, PlaceWordTable words, Span<uint> classes)
    {
        /// <summary>Marks a token whose classes were looked up.</summary>
        private const uint Known = 1u << 31;

        public readonly string Text = text;
        public readonly ReadOnlySpan<Token> Tokens = tokens;
        private readonly PlaceWordTable _words = words;
        private readonly Span<uint> _classes = classes;

        /// <summary>The place words of the finder's language.</summary>
        public PlaceWordTable Words => _words;

        /// <summary>The place-word classes of word token <paramref name="t"/> (none for other tokens and outside the text).</summary>
        public PlaceWord Classes(int t)
        {
            if ((uint)t >= (uint)Tokens.Length || (uint)t >= (uint)_classes.Length) return PlaceWord.None;
            uint c = _classes[t];
            if (c == 0)
            {
                var tk = Tokens[t];
                c = Known | (uint)(tk.Kind == TokenKind.Word && (uint)tk.End <= (uint)Text.Length ? _words.Of(tk.Slice(Text)) : PlaceWord.None);
                _classes[t] = c;
            }
            return (PlaceWord)(c & ~Known);
        }

        /// <summary>True when token <paramref name="t"/> is a word of any class of <paramref name="classes"/>.</summary>
        public bool Is(int t, PlaceWord classes) => (Classes(t) & classes) != 0;

        /// <summary>True when token <paramref name="t"/> is the one-character punctuation <paramref name="c"/>.</summary>
        public bool IsPunct(int t, char c) =>
            (uint)t < (uint)Tokens.Length && Tokens[t] is { Kind: TokenKind.Punctuation, Length: 1 } tk && (uint)tk.Start < (uint)Text.Length && Text[tk.Start] == c;
    }
}
