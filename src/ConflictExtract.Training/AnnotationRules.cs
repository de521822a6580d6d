using ConflictExtract.Lexicon;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Training;

/// <summary>
/// Bootstrap labels for the tagger's training data: LOC from <see cref="PlaceFinder"/>, WEAPON from
/// <see cref="WeaponCatalogue"/>, and hand-written rules for ORG, PER and NORP. Overlaps: the longer span wins,
/// then ORG &gt; PER &gt; WEAPON &gt; NORP &gt; LOC.
/// </summary>
internal static class AnnotationRules
{
    /// <summary>Well-known surnames and noms de guerre (annotation only; not a tagger feature).</summary>
    private static readonly HashSet<string> KnownPeople = new(StringComparer.Ordinal)
    {
        "Poroshenko", "Putin", "Zelensky", "Zelenskiy", "Zelenskyy", "Yanukovych", "Yanukovich", "Biden", "Obama", "Merkel",
        "Lavrov", "Zakharchenko", "Pushilin", "Plotnitsky", "Pasechnik", "Turchynov", "Yatsenyuk", "Avakov", "Shoigu", "Kerry",
        "Hollande", "Tymoshenko", "Klitschko", "Girkin", "Strelkov", "Motorola", "Givi", "Muzhenko", "Poltorak", "Lysenko",
        "Seleznyov", "Basurin", "Kadyrov", "Lukashenko", "Erdogan", "Trump", "Macron", "Steinmeier", "Peskov", "Medvedev",
        "Groysman", "Hug", "Sajdik", "Kuchma", "Gryzlov", "Nuland", "Tillerson", "Volker", "Pompeo", "Stoltenberg", "Blinken",
        "Markarova", "Zaluzhny", "Khomchak", "Naiev", "Taran", "Reznikov", "Kuleba", "Yermak", "Kozak", "Surkov",
        "Kolomoisky", "Akhmetov", "Lutsenko", "Nalyvaichenko", "Hrytsak", "Bakanov", "Matios", "Shevchenko", "Savchenko",
        "Parubiy", "Yarosh", "Semenchenko", "Denisova", "Lutkovskaya", "Gerashchenko", "Kiva", "Dubinsky", "Marochko",
    };

    private static readonly HashSet<string> OrgFollowers = new(StringComparer.OrdinalIgnoreCase)
    {
        "forces", "force", "army", "militia", "militiaman", "militiamen", "mission", "command", "soldier", "soldiers",
        "fighters", "troops", "leader", "leaders", "head", "ministry", "defense", "defence", "operational", "people's",
        "officials", "official", "authorities", "servicemen", "serviceman", "representative", "spokesman", "headquarters",
        "militias", "police", "security", "rebels", "separatists", "corps", "units", "unit", "office", "officers", "officer",
        "sappers", "fighter", "military", "militiamen's", "sniper", "snipers", "battalion", "brigade",
    };

    private static readonly string[] Acronyms = ["DPR", "LPR", "DNR", "LNR"];

    /// <summary>Multi-word organisation names the capitalised-run rule misses.</summary>
    private static readonly string[][] OrgPhrases =
    [
        ["Red", "Cross"], ["Human", "Rights", "Watch"], ["Amnesty", "International"], ["European", "Union"],
        ["United", "Nations"], ["Security", "Council"], ["General", "Staff"], ["Right", "Sector"], ["Euromaidan", "Press"],
        ["Joint", "Forces", "Operation"], ["Anti-Terrorist", "Operation"], ["Crisis", "Group"], ["Associated", "Press"],
    ];

    private readonly record struct Cand(int First, int End, EntityLabel Label, int Priority);

    public static List<LabelSpan> Label(string text, Token[] tokens, Sentence[] sentences)
    {
        var cands = new List<Cand>();
        if (tokens.Length == 0) return [];
        var classes = new WordClass[tokens.Length];
        TaggerFeatures.Prepare(text, tokens, classes, new uint[tokens.Length], new uint[tokens.Length]);

        foreach (var m in WeaponCatalogue.Default.Find(text, tokens))
        {
            int f = TokenAt(tokens, m.Start), e = TokenAt(tokens, m.End);
            if (f < e) cands.Add(new Cand(f, e, EntityLabel.Weapon, 2));
        }
        foreach (var m in PlaceFinder.Default.Find(text, tokens, sentences))
            cands.Add(new Cand(m.FirstToken, m.EndToken, EntityLabel.Loc, 4));

        for (int i = 0; i < tokens.Length; i++)
            foreach (var ph in OrgPhrases)
            {
                if (i + ph.Length > tokens.Length) continue;
                bool ok = true;
                for (int k = 0; k < ph.Length && ok; k++) ok = text.AsSpan(tokens[i + k].Start, tokens[i + k].Length).Equals(ph[k], StringComparison.OrdinalIgnoreCase);
                if (ok) cands.Add(new Cand(i, i + ph.Length, EntityLabel.Org, 0));
            }

        ReadOnlySpan<Sentence> sents = sentences.Length > 0 ? sentences : [new Sentence(0, tokens.Length, 0, text.Length)];
        foreach (var s in sents)
        {
            int first = Math.Max(0, s.FirstToken), end = Math.Min(tokens.Length, s.EndToken);
            if (first >= end) continue;
            var info = TaggerFeatures.Describe(text, tokens, first, end);
            bool headlineCase = info.TitleCase || info.AllCaps;
            for (int i = first; i < end; i++)
            {
                var t = tokens[i];
                if (t.Kind != TokenKind.Word) continue;
                var w = text.AsSpan(t.Start, t.Length);
                bool cap = t.Has(TokenFlags.Capitalized);
                var c = classes[i];

                // ORG: names from the list (DPR/LPR only before a force/agency word; otherwise they are places).
                if ((c & WordClass.OrgName) != 0 && cap && !info.AllCaps)
                {
                    bool acr = false;
                    foreach (var a in Acronyms) if (w.SequenceEqual(a)) acr = true;
                    bool exactCase = false;
                    foreach (var o in TaggerLexicon.OrgNames) if (w.SequenceEqual(o)) exactCase = true;
                    if (exactCase && (!acr || (i + 1 < end && OrgFollowers.Contains(Text(text, tokens[i + 1])))))
                        cands.Add(new Cand(i, i + 1, EntityLabel.Org, 0));
                }
                // ORG: capitalised run ending in a head noun ("Defence Ministry", "State Border Guard Service", "93rd Brigade").
                if ((c & WordClass.OrgHead) != 0 && cap && !headlineCase)
                {
                    int f = i;
                    while (f - 1 >= first && IsOrgPart(text, tokens[f - 1], classes[f - 1])) f--;
                    int e = i + 1;
                    // "... Service of Ukraine", "Armed Forces of Ukraine"
                    if (e + 1 < end && Text(text, tokens[e]) == "of" && tokens[e + 1].Has(TokenFlags.Capitalized)
                        && (classes[e + 1] & (WordClass.Month | WordClass.Function)) == 0)
                        e += 2;
                    if (e - f >= 2) cands.Add(new Cand(f, e, EntityLabel.Org, 0));
                }
                // PER: title + capitalised names ("President Poroshenko", "rebel leader Alexander Zakharchenko").
                if ((c & WordClass.Title) != 0)
                {
                    int e = i + 1;
                    while (e < end && e - i <= 3 && IsNamePart(text, tokens[e], classes[e])) e++;
                    if (e > i + 1) cands.Add(new Cand(i + 1, e, EntityLabel.Per, 1));
                }
                // PER: first name + capitalised surname.
                if ((c & WordClass.FirstName) != 0 && cap && i + 1 < end && IsNamePart(text, tokens[i + 1], classes[i + 1]))
                {
                    int e = i + 2;
                    if (e < end && IsNamePart(text, tokens[e], classes[e]) && !headlineCase) e++;
                    cands.Add(new Cand(i, e, EntityLabel.Per, 1));
                }
                if (cap && KnownPeople.Contains(w.ToString()))
                    cands.Add(new Cand(i, i + 1, EntityLabel.Per, 1));
                // NORP: nationality words; "North Korean(s)".
                if ((c & WordClass.Norp) != 0 && cap)
                {
                    int f = i;
                    if (i - 1 >= first && Text(text, tokens[i - 1]) is "North" or "South") f = i - 1;
                    cands.Add(new Cand(f, i + 1, EntityLabel.Norp, 3));
                }
            }
        }

        cands.Sort((a, b) => (b.End - b.First) != (a.End - a.First) ? (b.End - b.First) - (a.End - a.First)
            : a.Priority != b.Priority ? a.Priority - b.Priority : a.First - b.First);
        var taken = new bool[tokens.Length];
        var result = new List<LabelSpan>();
        foreach (var cnd in cands)
        {
            bool free = true;
            for (int k = cnd.First; k < cnd.End; k++) if (taken[k]) { free = false; break; }
            if (!free) continue;
            for (int k = cnd.First; k < cnd.End; k++) taken[k] = true;
            result.Add(new LabelSpan(tokens[cnd.First].Start, tokens[cnd.End - 1].End, cnd.Label));
        }
        result.Sort((a, b) => a.Start - b.Start);
        return result;
    }

    private static string Text(string text, Token t) => text.Substring(t.Start, t.Length);

    private static bool IsOrgPart(string text, Token t, WordClass c)
    {
        if (t.Kind == TokenKind.Word && t.Has(TokenFlags.Capitalized) && (c & (WordClass.Month | WordClass.Speech | WordClass.Title)) == 0) return true;
        // ordinals: "93rd", "25th"
        if (t.Has(TokenFlags.HasDigit) && t.Length >= 3)
        {
            var s = text.AsSpan(t.Start, t.Length);
            return s.EndsWith("st") || s.EndsWith("nd") || s.EndsWith("rd") || s.EndsWith("th");
        }
        return false;
    }

    private static bool IsNamePart(string text, Token t, WordClass c)
    {
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || t.Length < 2) return false;
        if ((c & (WordClass.OrgHead | WordClass.OrgName | WordClass.Title | WordClass.Month | WordClass.Norp | WordClass.Speech
                  | WordClass.Function | WordClass.WeaponCue | WordClass.PlaceNoun | WordClass.Locative)) != 0) return false;
        var s = text.AsSpan(t.Start, t.Length);
        return !s.Contains('-') || char.IsUpper(s[s.IndexOf('-') + 1 < s.Length ? s.IndexOf('-') + 1 : 0]);
    }

    private static int TokenAt(Token[] tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
