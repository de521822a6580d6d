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
/// <item>Ambiguity: a country or region named in full beats a place; among places, one in a region the text names,
/// else the most populous (administrative centres first, Ukraine first among equals). Bare "Kharkiv" is the city.</item>
/// <item>Lookalikes: a name must start with a capital; stop-listed words (English words, first names, titles)
/// are not places; a village (under 10,000 people) needs evidence: a locative before it ("in", "near",
/// "village of"), "village" after it, or its region named in the text; never after a first name or title,
/// nor before "said"; "the Dnipro" and "Dnipro River" are rivers and skipped.</item>
/// </list>
/// Immutable and thread-safe; <see cref="Find"/> allocates only its result (its work lists are reused per thread).
/// </summary>
public sealed class PlaceFinder
{
    private static readonly Lazy<PlaceFinder> s_default = new(() => new PlaceFinder(Gazetteer.Default), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a finder over <paramref name="gazetteer"/>.</summary>
    public PlaceFinder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>A finder over <see cref="Gazetteer.Default"/>.</summary>
    public static PlaceFinder Default => s_default.Value;

    /// <summary>The gazetteer this finder uses.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    internal enum Role : byte { None, Place, Region, Raion, Skip }

    internal struct Item
    {
        public GazetteerMatch M;
        public int SentenceFirst;
        public Role Role;
        public int Start, End, FirstToken, EndToken;
        public int RegionPlace;     // place index for a region mention
        public bool ListJoinNext;   // only "," / "and" / "or" between this match and the next
        public bool RegionOfList;   // inside "regions of A, B and C"
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
            FindCore(text, tokens, sentences, work, result);
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
        }

        internal List<Item> Items { get; }
        public List<GazetteerMatch> Matches { get; }
        public HashSet<string> Named { get; }
    }

    private void FindCore(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Work scratch, List<PlaceMention> result)
    {
        var items = scratch.Items;
        var matches = scratch.Matches;
        if (sentences.IsEmpty) Collect(text, tokens, 0, tokens.Length, matches, items);
        else
            foreach (var s in sentences)
                Collect(text, tokens, Math.Max(0, s.FirstToken), Math.Min(tokens.Length, s.EndToken), matches, items);

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        // Links between neighbours: "A, B and C".
        for (int i = 0; i + 1 < span.Length; i++)
            span[i].ListJoinNext = OnlyListGlue(text, tokens, span[i].M.EndToken, span[i + 1].M.FirstToken);

        // Pass 1: region phrases.
        for (int i = 0; i < span.Length; i++)
        {
            ref var it = ref span[i];
            int stem = StemRegion(it.M.KeyIndex);
            int full = FullRegion(it.M.KeyIndex);
            int next = it.M.EndToken;
            if (full >= 0 && (IsWord(text, tokens, next, PlaceWords.RegionNouns) is false || stem < 0))
            {
                // Named in full ("Kharkiv Oblast", "Crimea", "DPR"), possibly followed by a redundant "region".
                SetRegion(ref it, full, IsWord(text, tokens, next, PlaceWords.RegionNouns) ? next + 1 : it.M.EndToken, tokens);
                continue;
            }
            int of = it.M.FirstToken - 1;
            if (of >= 1 && IsWord(text, tokens, of, "of") && i > 0 && (span[i - 1].EndToken == of || span[i - 1].EndToken == of - 1)
                && (IsWord(text, tokens, of - 1, PlaceWords.RegionNouns) || IsWord(text, tokens, of - 1, PlaceWords.DistrictNouns)))
            {
                // "the Kiev region of Donetsk", "the Kirovsky district of Donetsk": a part of the city, not two places.
                span[i - 1].Role = Role.Skip;
                continue;
            }
            if (stem < 0)
            {
                // "Nikopol region", "Nikopol district": a raion when the name is no region's.
                if ((IsWord(text, tokens, next, PlaceWords.RegionNouns) || IsWord(text, tokens, next, PlaceWords.DistrictNouns)) && Raion(text, in it.M) is int raion and >= 0)
                {
                    SetRegion(ref it, raion, next + 1, tokens);
                    it.Role = Role.Raion;
                }
                continue;
            }
            if (IsWord(text, tokens, next, PlaceWords.RegionNouns))
            {
                SetRegion(ref it, stem, next + 1, tokens);
                // "Donetsk and Luhansk regions", "Poltava, Donetsk, and Dnipro oblasts".
                for (int j = i - 1; j >= 0 && span[j].ListJoinNext && span[j].Role != Role.Region; j--)
                {
                    int s = StemRegion(span[j].M.KeyIndex);
                    if (s < 0) s = FullRegion(span[j].M.KeyIndex);
                    if (s < 0) break;
                    SetRegion(ref span[j], s, span[j].M.EndToken, tokens);
                }
                continue;
            }
            if (of >= 1 && IsWord(text, tokens, of, "of") && IsWord(text, tokens, of - 1, PlaceWords.RegionNouns))
            {
                SetRegion(ref it, stem, it.M.EndToken, tokens);
                it.Start = tokens[of - 1].Start;
                it.FirstToken = of - 1;
                it.RegionOfList = true;
                continue;
            }
            if (i > 0 && span[i - 1].RegionOfList && span[i - 1].ListJoinNext)
            {
                SetRegion(ref it, stem, it.M.EndToken, tokens);
                it.RegionOfList = true;
            }
        }

        // Regions the text names, and the regions of its unambiguous cities: context for namesakes.
        var named = scratch.Named;
        foreach (ref var it in span)
            if (it.Role == Role.Region && _gazetteer.PlaceAt(it.RegionPlace).Admin1 is { } a) named.Add(a);
        foreach (ref var it in span)
        {
            if (it.Role != Role.None) continue;
            int best = Best(it.M.KeyIndex, named, text, in it.M);
            if (best >= 0)
            {
                var p = _gazetteer.PlaceAt(best);
                if (p.Kind is PlaceKind.City && p.Admin1 is { } a && p.Population >= 100_000) named.Add(a);
            }
        }

        result.EnsureCapacity(result.Count + span.Length);
        foreach (ref var it in span)
        {
            if (it.Role == Role.Skip) continue;
            if (it.Role is Role.Region or Role.Raion)
            {
                var rp = _gazetteer.PlaceAt(it.RegionPlace);
                result.Add(new PlaceMention(it.Start, it.End, _gazetteer.LocationAt(it.RegionPlace), rp, it.FirstToken, it.EndToken, 0.9f));
                continue;
            }
            int best = Best(it.M.KeyIndex, named, text, in it.M);
            if (best < 0) continue;
            var p = _gazetteer.PlaceAt(best);
            float conf = Accept(text, tokens, in it, p, named);
            if (conf <= 0) continue;
            result.Add(new PlaceMention(it.M.Start, it.M.End, _gazetteer.LocationAt(best), p, it.M.FirstToken, it.M.EndToken, conf));
        }
    }

    private void Collect(string text, ReadOnlySpan<Token> tokens, int from, int to, List<GazetteerMatch> matches, List<Item> items)
    {
        if (from >= to) return;
        matches.Clear();
        _gazetteer.FindAll(text, tokens, from, to, matches);
        foreach (var m0 in matches)
        {
            var m = m0;
            // Every word after the first must be capitalised or a region noun/joiner ("Kharkiv oblast", "Rostov-on-Don").
            for (int t = m.FirstToken + 1; t < m.EndToken; t++)
            {
                var tk = tokens[t];
                if (tk.Kind != TokenKind.Word || tk.Has(TokenFlags.Capitalized) || tk.Has(TokenFlags.AllCaps)) continue;
                if (tk.Length > 0 && (uint)tk.Start < (uint)text.Length && text[tk.Start] is '\'' or '’') continue; // "People's"
                if (IsWord(text, tokens, t, PlaceWords.RegionNouns) || IsWord(text, tokens, t, PlaceWords.DistrictNouns) || IsWord(text, tokens, t, "of") || IsWord(text, tokens, t, "on")) continue;
                if (!_gazetteer.TryMatchAt(text, tokens, m.FirstToken, t, out m)) m = default;
                break;
            }
            if (m.EndToken == 0) continue;
            items.Add(new Item { M = m, SentenceFirst = from, Start = m.Start, End = m.End, FirstToken = m.FirstToken, EndToken = m.EndToken, RegionPlace = -1 });
        }
    }

    /// <summary>The raion named "&lt;match&gt; Raion", or -1.</summary>
    private int Raion(string text, in GazetteerMatch m)
    {
        Span<char> buf = stackalloc char[72];
        int n = LexiconKey.Append(text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), buf);
        if (n <= 0) return -1;
        "raion".AsSpan().CopyTo(buf[n..]);
        if (!_gazetteer.TryFindKey(buf[..(n + 5)], out int k)) return -1;
        int best = -1;
        foreach (int p in _gazetteer.Postings(k))
            if ((p & 1) == 0 && _gazetteer.PlaceAt(p >> 1).Kind == PlaceKind.Other
                && (best < 0 || _gazetteer.PlaceAt(p >> 1).Population > _gazetteer.PlaceAt(best).Population)) best = p >> 1;
        return best;
    }

    private void SetRegion(ref Item it, int place, int endToken, ReadOnlySpan<Token> tokens)
    {
        it.Role = Role.Region;
        it.RegionPlace = place;
        it.EndToken = Math.Min(endToken, tokens.Length);
        it.End = tokens[it.EndToken - 1].End;
    }

    /// <summary>A region this key names as a stem (Ukraine first).</summary>
    private int StemRegion(int key)
    {
        int best = -1;
        foreach (int p in _gazetteer.Postings(key))
        {
            if ((p & 1) == 0) continue;
            int idx = p >> 1;
            if (best < 0 || _gazetteer.PlaceAt(idx).Country == "UA" && _gazetteer.PlaceAt(best).Country != "UA") best = idx;
        }
        return best;
    }

    /// <summary>A region this key names in full.</summary>
    private int FullRegion(int key)
    {
        foreach (int p in _gazetteer.Postings(key))
            if ((p & 1) == 0 && _gazetteer.PlaceAt(p >> 1).Kind == PlaceKind.Region) return p >> 1;
        return -1;
    }

    private int Best(int key, HashSet<string> named, string text, in GazetteerMatch m)
    {
        Span<char> kb = stackalloc char[64];
        int kl = LexiconKey.Append(text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), kb);
        ReadOnlySpan<char> keyText = kb[..Math.Max(0, kl)];
        int best = -1;
        double bestScore = double.MinValue;
        foreach (int p in _gazetteer.Postings(key))
        {
            if ((p & 1) != 0) continue;
            var place = _gazetteer.PlaceAt(p >> 1);
            double s = Gazetteer.Rank(place) + Gazetteer.NameBonus(place, keyText);
            if (place.Admin1 is { } a && place.Kind is not (PlaceKind.Region or PlaceKind.Country) && named.Contains(a)) s += 4;
            if (s > bestScore) { bestScore = s; best = p >> 1; }
        }
        return best;
    }

    private static readonly HashSet<string> s_the = new(["the"], StringComparer.Ordinal);

    /// <summary>Confidence that the match really names <paramref name="p"/>; 0 rejects it.</summary>
    private static float Accept(string text, ReadOnlySpan<Token> tokens, in Item it, Place p, HashSet<string> named)
    {
        var m = it.M;
        Span<char> key = stackalloc char[64];
        int kl = LexiconKey.Append(text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), key);
        if (kl < 0) kl = 0;
        var k = key[..kl];
        bool single = m.EndToken - m.FirstToken == 1;
        bool allCaps = tokens[m.FirstToken].Has(TokenFlags.AllCaps);
        int prev = m.FirstToken - 1;
        bool sentenceInitial = m.FirstToken == it.SentenceFirst || (prev >= 0 && tokens[prev].Kind == TokenKind.Punctuation && IsOpeningQuote(text, tokens[prev]));

        // Rivers: "the Dnipro", "Dnipro River", "river Dnipro".
        if (IsWord(text, tokens, m.EndToken, "river") || IsWord(text, tokens, prev, "river")) return 0;
        if (prev >= 0 && IsWord(text, tokens, prev, s_the) && PlaceWords.Rivers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(k)) return 0;

        if (p.Kind is PlaceKind.Country or PlaceKind.Region)
            return kl <= 3 && !allCaps ? 0 : 0.9f;

        if (kl <= 3 && !allCaps) return 0;
        bool locative = HasLocative(text, tokens, m.FirstToken, it.SentenceFirst);
        // Far from the war's region, a place named only by one of its alternate names ("Area", "Stepnoy") needs a locative.
        if (!locative && !IsHome(p) && Gazetteer.NameBonus(p, k) == 0) return 0;
        bool settlementAfter = IsWord(text, tokens, m.EndToken, PlaceWords.SettlementNouns);
        bool stop = single && PlaceWords.Stop.GetAlternateLookup<ReadOnlySpan<char>>().Contains(k);
        if (stop && !(p.Kind == PlaceKind.City && locative)) return 0;

        // Person names: "Andriy Kostin", "Governor Kostin", "Kostin said".
        bool speech = IsWord(text, tokens, m.EndToken, PlaceWords.SpeechVerbs);
        bool titleOrName = prev >= it.SentenceFirst && prev >= 0 && tokens[prev].Kind == TokenKind.Word
            && (IsWord(text, tokens, prev, PlaceWords.Titles) || IsWord(text, tokens, prev, PlaceWords.Stop) && tokens[prev].Has(TokenFlags.Capitalized) && !IsWord(text, tokens, prev, s_the) && !IsWord(text, tokens, prev, PlaceWords.Locatives)
                || tokens[prev].Has(TokenFlags.Capitalized) && !tokens[prev].Has(TokenFlags.HasHyphen) && prev != it.SentenceFirst && !IsWord(text, tokens, prev, PlaceWords.Stop));
        if (p.Kind is PlaceKind.Village or PlaceKind.Town && (speech && !locative || titleOrName)) return 0;

        if (p.Kind == PlaceKind.Village)
        {
            bool inNamed = p.Admin1 is { } a && named.Contains(a);
            if (!locative && !settlementAfter && !inNamed) return 0;
            if (sentenceInitial && !settlementAfter && !inNamed) return 0;
            return inNamed ? 0.7f : 0.5f;
        }
        if (sentenceInitial && single && !locative && p.Kind == PlaceKind.Town && p.Country is not ("UA" or "RU")) return 0;
        return p.Kind == PlaceKind.City ? 0.9f : 0.8f;
    }

    /// <summary>Ukraine and the Russian regions along its border.</summary>
    private static bool IsHome(Place p) => p.Country == "UA"
        || p.Country == "RU" && p.Admin1 is "Belgorod Oblast" or "Kursk Oblast" or "Bryansk Oblast" or "Voronezh Oblast" or "Rostov Oblast" or "Krasnodar Krai";

    private static bool IsOpeningQuote(string text, Token t) => t.Length == 1 && (uint)t.Start < (uint)text.Length && text[t.Start] is '"' or '“' or '\'' or '‘' or '(';

    /// <summary>A locative word within three tokens before <paramref name="first"/>, not across punctuation.</summary>
    private static bool HasLocative(string text, ReadOnlySpan<Token> tokens, int first, int sentenceFirst)
    {
        for (int t = first - 1, n = 0; t >= sentenceFirst && t >= 0 && n < 3; t--, n++)
        {
            var tk = tokens[t];
            if (tk.Kind != TokenKind.Word) return false;
            if (IsWord(text, tokens, t, PlaceWords.Locatives)) return true;
        }
        return false;
    }

    private static bool OnlyListGlue(string text, ReadOnlySpan<Token> tokens, int from, int to)
    {
        if (to <= from || to - from > 3) return false;
        for (int t = from; t < to; t++)
        {
            var tk = tokens[t];
            if (tk.Kind == TokenKind.Punctuation && tk.Length == 1 && (uint)tk.Start < (uint)text.Length && text[tk.Start] == ',') continue;
            if (IsWord(text, tokens, t, "and") || IsWord(text, tokens, t, "or")) continue;
            return false;
        }
        return true;
    }

    private static bool IsWord(string text, ReadOnlySpan<Token> tokens, int index, string word)
    {
        if ((uint)index >= (uint)tokens.Length) return false;
        var t = tokens[index];
        if (t.Kind != TokenKind.Word || (uint)t.End > (uint)text.Length) return false;
        return t.Slice(text).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWord(string text, ReadOnlySpan<Token> tokens, int index, HashSet<string> set)
    {
        if ((uint)index >= (uint)tokens.Length) return false;
        var t = tokens[index];
        if (t.Kind != TokenKind.Word || t.Length > 32 || (uint)t.End > (uint)text.Length) return false;
        Span<char> buf = stackalloc char[32];
        int n = LexiconKey.Append(t.Slice(text), buf);
        if (n <= 0) return false;
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buf[..n]);
    }
}
