using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>Whether a gazetteer name in context really names a place: rivers, stop words, person names, villages without evidence.</summary>
internal sealed partial class PlaceFinder
{
    /// <summary>How many word tokens before a name a locative may stand ("in the village of X").</summary>
    private const int LocativeReach = 3;

    /// <summary>Names of at most this many key letters need capitals ("US", "UK") or are no places.</summary>
    private const int ShortKey = 3;

    /// <summary>Confidence that the match really names <paramref name="p"/>; 0 rejects it.</summary>
    private static float Accept(in Scan s, in Item it, Place p, HashSet<string> named)
    {
        var m = it.M;
        Span<char> key = stackalloc char[64];
        int kl = LexiconKey.Append(s.Text.AsSpan(m.Start, Math.Min(m.End - m.Start, 64)), key);
        if (kl < 0) kl = 0;
        var k = key[..kl];
        bool single = m.EndToken - m.FirstToken == 1;
        bool allCaps = s.Tokens[m.FirstToken].Has(TokenFlags.AllCaps);
        int prev = m.FirstToken - 1;
        bool sentenceInitial = m.FirstToken == it.SentenceFirst || (prev >= 0 && s.Tokens[prev].Kind == TokenKind.Punctuation && IsOpeningQuote(s, prev));

        // Rivers: "the Dnipro", "Dnipro River", "river Dnipro".
        if (s.Is(m.EndToken, PlaceWord.RiverNoun) || s.Is(prev, PlaceWord.RiverNoun)) return 0;
        if (prev >= 0 && s.Is(prev, PlaceWord.The) && (s.Words.OfKey(k) & PlaceWord.River) != 0) return 0;

        if (p.Kind is PlaceKind.Country or PlaceKind.Region)
            return kl <= ShortKey && !allCaps || single && FeatureAfter(s, m.EndToken) ? 0 : 0.9f; // "Niger State", "Jordan Valley"

        if (kl <= ShortKey && !allCaps) return 0;
        // "Borno State", "Taraba State": a foreign place's other name before an administrative noun names a region, not that place.
        if (single && !IsHome(p) && Gazetteer.NameBonus(p, k) == 0 && IsCapitalizedWord(s, m.EndToken) && s.Is(m.EndToken, PlaceWord.AdminNoun)) return 0;
        // "Nova Poshta", "Azov Brigade", "Cabo Delgado": a village or town name, or a foreign city's other name, that goes on
        // in a capitalised word is part of a longer name.
        if (single && NameGoesOn(s, m.EndToken)
            && (p.Kind is PlaceKind.Village or PlaceKind.Town || p.Kind == PlaceKind.City && !IsHome(p) && Gazetteer.NameBonus(p, k) == 0)) return 0;
        bool locative = HasLocative(s, m.FirstToken, it.SentenceFirst) || it.Qualified;
        // Far from the war's region, a place named only by one of its alternate names ("Area", "Stepnoy") needs a locative.
        if (!locative && !IsHome(p) && Gazetteer.NameBonus(p, k) == 0) return 0;
        bool settlementAfter = s.Is(m.EndToken, PlaceWord.SettlementNoun);
        bool stop = single && (s.Words.OfKey(k) & PlaceWord.Stop) != 0;
        if (stop && !(p.Kind == PlaceKind.City && locative)) return 0;
        if (p.Kind is PlaceKind.Village or PlaceKind.Town && IsPersonName(s, it, locative)) return 0;

        if (p.Kind == PlaceKind.Village)
        {
            // Evidence: the region is named, or a place of the same list lies only in it ("Shostka and Esman were shelled").
            bool inNamed = p.Admin1 is { } a && (named.Contains(a) || a == it.ListAdmin1);
            if (!locative && !settlementAfter && !inNamed) return 0;
            if (sentenceInitial && !settlementAfter && !inNamed) return 0;
            return inNamed ? 0.7f : 0.5f;
        }
        if (sentenceInitial && single && !locative && p.Kind == PlaceKind.Town && p.Country is not ("UA" or "RU")) return 0;
        return p.Kind == PlaceKind.City ? 0.9f : 0.8f;
    }

    /// <summary>Capitalised words after a village or town name that do not make it part of a longer name: place nouns, months, days, stop words.</summary>
    private const PlaceWord NameStops = PlaceWord.Stop | PlaceWord.RegionNoun | PlaceWord.DistrictNoun | PlaceWord.SettlementNoun | PlaceWord.AdminNoun | PlaceWord.RiverNoun;

    /// <summary>"Niger State", "Jordan Valley": the word after the name is a capitalised feature noun.</summary>
    private static bool FeatureAfter(in Scan s, int t) => IsCapitalizedWord(s, t) && !s.Tokens[t].Has(TokenFlags.NewlineBefore) && s.Is(t, PlaceWord.FeatureNoun);

    /// <summary>"Nova Poshta": the word after the name is capitalised and no place noun, month, day or other stop word.</summary>
    private static bool NameGoesOn(in Scan s, int t) => IsCapitalizedWord(s, t) && !s.Tokens[t].Has(TokenFlags.NewlineBefore) && !s.Is(t, NameStops);

    private static bool IsCapitalizedWord(in Scan s, int t) =>
        (uint)t < (uint)s.Tokens.Length && s.Tokens[t].Kind == TokenKind.Word && s.Tokens[t].Has(TokenFlags.Capitalized);

    /// <summary>Person names: "Andriy Kostin", "Governor Kostin", "Kostin said".</summary>
    private static bool IsPersonName(in Scan s, in Item it, bool locative)
    {
        int prev = it.M.FirstToken - 1;
        bool speech = s.Is(it.M.EndToken, PlaceWord.SpeechVerb);
        bool titleOrName = prev >= it.SentenceFirst && prev >= 0 && s.Tokens[prev].Kind == TokenKind.Word
            && (s.Is(prev, PlaceWord.Title)
                || s.Is(prev, PlaceWord.Stop) && s.Tokens[prev].Has(TokenFlags.Capitalized) && !s.Is(prev, PlaceWord.The | PlaceWord.Locative)
                || s.Tokens[prev].Has(TokenFlags.Capitalized) && !s.Tokens[prev].Has(TokenFlags.HasHyphen) && prev != it.SentenceFirst && !s.Is(prev, PlaceWord.Stop));
        return speech && !locative || titleOrName;
    }

    /// <summary>Ukraine and the Russian regions along its border.</summary>
    private static bool IsHome(Place p) => IsHome(p.Country, p.Admin1);

    /// <summary>True for a place in Ukraine or in one of the Russian regions along its border (the war's region).</summary>
    internal static bool IsHome(string country, string? admin1) => country == "UA"
        || country == "RU" && admin1 is "Belgorod Oblast" or "Kursk Oblast" or "Bryansk Oblast" or "Voronezh Oblast" or "Rostov Oblast" or "Krasnodar Krai";

    private static bool IsOpeningQuote(in Scan s, int t)
    {
        var tk = s.Tokens[t];
        return tk.Length == 1 && (uint)tk.Start < (uint)s.Text.Length && s.Text[tk.Start] is '"' or '“' or '\'' or '‘' or '(';
    }

    /// <summary>A locative word within <see cref="LocativeReach"/> tokens before <paramref name="first"/>, not across punctuation.</summary>
    private static bool HasLocative(in Scan s, int first, int sentenceFirst)
    {
        for (int t = first - 1, n = 0; t >= sentenceFirst && t >= 0 && n < LocativeReach; t--, n++)
        {
            if (s.Tokens[t].Kind != TokenKind.Word) return false;
            if (s.Is(t, PlaceWord.Locative)) return true;
        }
        return false;
    }
}
