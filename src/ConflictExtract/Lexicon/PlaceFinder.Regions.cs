using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Lexicon;

/// <summary>Region phrases: "Kharkiv Oblast", "the Kharkiv region", "region of Kharkiv", "Donetsk and Luhansk regions", raions.</summary>
internal sealed partial class PlaceFinder
{
    /// <summary>Makes item <paramref name="i"/> a region, a raion or a part of a city when a region phrase names it.</summary>
    private void RegionPhrase(in Scan s, Span<Item> span, int i)
    {
        ref var it = ref span[i];
        int stem = StemRegion(it.M.KeyIndex);
        int full = FullRegion(it.M.KeyIndex);
        int next = it.M.EndToken;
        bool regionAfter = s.Is(next, PlaceWord.RegionNoun);
        if (full >= 0 && (!regionAfter || stem < 0))
        {
            // Named in full ("Kharkiv Oblast", "Crimea", "DPR"), possibly followed by a redundant "region".
            SetRegion(ref it, full, regionAfter ? next + 1 : it.M.EndToken, s.Tokens);
            return;
        }
        int of = it.M.FirstToken - 1;
        bool afterOf = of >= 1 && s.Is(of, PlaceWord.Of);
        if (afterOf && i > 0 && (span[i - 1].EndToken == of || span[i - 1].EndToken == of - 1) && s.Is(of - 1, PlaceWord.RegionNoun | PlaceWord.DistrictNoun))
        {
            // "the Kiev region of Donetsk", "the Kirovsky district of Donetsk": a part of the city, not two places.
            span[i - 1].Role = Role.Skip;
            return;
        }
        if (stem < 0)
        {
            // "Nikopol region", "Nikopol district": a raion when the name is no region's.
            if (s.Is(next, PlaceWord.RegionNoun | PlaceWord.DistrictNoun) && Raion(s, in it.M) is int raion and >= 0)
            {
                SetRegion(ref it, raion, next + 1, s.Tokens);
                it.Role = Role.Raion;
            }
            return;
        }
        if (regionAfter) StemBeforeRegionNoun(span, i, stem, next + 1, s.Tokens);
        else if (afterOf && s.Is(of - 1, PlaceWord.RegionNoun))
        {
            SetRegion(ref it, stem, it.M.EndToken, s.Tokens);
            it.Start = s.Tokens[of - 1].Start;
            it.FirstToken = of - 1;
            it.RegionOfList = true;
        }
        else if (i > 0 && span[i - 1].RegionOfList && span[i - 1].ListJoinNext)
        {
            SetRegion(ref it, stem, it.M.EndToken, s.Tokens);
            it.RegionOfList = true;
        }
    }

    /// <summary>"Kharkiv region"; in a list, the names before it too: "Donetsk and Luhansk regions", "Poltava, Donetsk, and Dnipro oblasts".</summary>
    private void StemBeforeRegionNoun(Span<Item> span, int i, int stem, int endToken, ReadOnlySpan<Text.Token> tokens)
    {
        SetRegion(ref span[i], stem, endToken, tokens);
        for (int j = i - 1; j >= 0 && span[j].ListJoinNext && span[j].Role != Role.Region; j--)
        {
            int r = StemRegion(span[j].M.KeyIndex);
            if (r < 0) r = FullRegion(span[j].M.KeyIndex);
            if (r < 0) break;
            SetRegion(ref span[j], r, span[j].M.EndToken, tokens);
        }
    }

    /// <summary>The raion named "&lt;match&gt; Raion", or -1.</summary>
    private int Raion(in Scan s, in GazetteerMatch m)
    {
        Span<char> buf = stackalloc char[72];
        int n = LexiconKey.Append(s.Text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), buf);
        if (n <= 0) return -1;
        n += RaionSuffix(buf[n..]);
        if (!_gazetteer.TryFindKey(buf[..n], out int k)) return -1;
        int best = -1;
        foreach (int p in _gazetteer.Postings(k))
            if ((p & 1) == 0 && _gazetteer.PlaceAt(p >> 1).Kind == PlaceKind.Other
                && (best < 0 || _gazetteer.PlaceAt(p >> 1).Population > _gazetteer.PlaceAt(best).Population)) best = p >> 1;
        return best;
    }

    /// <summary>Writes the key of the word the gazetteer ends a raion's name with ("raion") into <paramref name="dest"/>; returns its length.</summary>
    private int RaionSuffix(Span<char> dest)
    {
        var suffix = _words.RaionName;
        if (suffix.Length > dest.Length) return 0;
        suffix.AsSpan().CopyTo(dest);
        return suffix.Length;
    }

    private static void SetRegion(ref Item it, int place, int endToken, ReadOnlySpan<Text.Token> tokens)
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
}
