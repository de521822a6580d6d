using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// A pass after tagging, for texts not about elsewhere (no more of the places found lie outside Ukraine and the
/// Russian regions along its border than inside): a capitalised word that nothing matched, that the tagger read as a one-word place and that stands
/// where a place stands ("shelled X", "the village of X", "X village", "X, Donetsk region"), goes to the
/// transliteration fallback (<see cref="TransliterationIndex"/>), which answers only for a close spelling of a place's
/// name; a word the tagger read as a person, an organisation or a nationality, and a stop word, never does. A foreign
/// town or village where the document names Ukrainian regions becomes the Ukrainian place of a close spelling in one of
/// them (a village with an old Russian spelling that is also a town in Russia); a foreign city named by its own name
/// ("Minsk", "Paris") never does. Adds to and
/// replaces in the analysis' places.
/// </summary>
internal sealed class VariantSpellingPass : IStage
{
    // Per token, in the marks: TaggedLoc (a one-word LOC span of the tagger), Covered (inside a place or weapon found),
    // OtherEntity (inside a person, organisation or nationality span of the tagger).
    private const byte TaggedLoc = 1, Covered = 2, OtherEntity = 4;

    /// <summary>The shortest word the fallback tries: shorter words match too many skeletons.</summary>
    private const int MinLength = 5;

    /// <summary>How many intro words ("the city of") may stand between a place position's lead word and the name.</summary>
    private const int MaxIntroWords = 3;

    public string Name => StageNames.SpellingVariants;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        int placeCount = w.Places.Used;
        var places = w.Places.Array.AsSpan(0, placeCount);
        if (AboutElsewhere(places)) return; // "Kabul", "Somali", "Twitter" are no Ukrainian villages
        var marks = w.Marks.Room(tokens.Length);
        foreach (var t in w.Tagged)
        {
            if ((uint)t.FirstToken >= (uint)tokens.Length) continue;
            if (t.Label == EntityLabel.Loc && t.EndToken - t.FirstToken == 1) marks[t.FirstToken] |= TaggedLoc;
            else if (t.Label is EntityLabel.Per or EntityLabel.Org or EntityLabel.Norp) Mark(marks, t.FirstToken, t.EndToken, tokens.Length, OtherEntity);
        }
        PreferUkrainianNamesakes(doc, places);
        foreach (var p in places) Mark(marks, p.First, p.End, tokens.Length, Covered);
        foreach (var h in w.Weapons) Mark(marks, h.First, h.End, tokens.Length, Covered);
        AddVariants(doc, tokens, marks, placeCount);
    }

    /// <summary>The fallback's places for the capitalised words in a place position that nothing matched.</summary>
    private static void AddVariants(DocumentContext doc, ReadOnlySpan<Token> tokens, Span<byte> marks, int placeCount)
    {
        var w = doc.Work;
        var words = doc.Pipeline.Language.PlaceWords;
        HashSet<string>? regions = null;
        int added = 0;
        for (int i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if ((marks[i] & (Covered | OtherEntity)) != 0 || t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized)
                || t.Has(TokenFlags.AllCaps) || t.Length < MinLength || t.Has(TokenFlags.HasDigit) || w.Has(i, Cue.NotPlace)) continue;
            if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Has(TokenFlags.Capitalized)) continue; // a name: "Vladimir Putin"
            if ((words.Of(t.Slice(doc.Text)) & PlaceWord.Stop) != 0) continue;
            if (!InPlacePosition(w, i) && !SettlementAfter(w, i) && (marks[i] & TaggedLoc) == 0) continue;
            if (regions is null)
            {
                regions = w.Names[1];
                foreach (var p in w.Places.Span) if (p.Location.Admin1 is { } a) regions.Add(a);
            }
            var place = doc.Pipeline.Variants.Resolve(t.Slice(doc.Text), regions);
            if (place is null) continue;
            var grown = w.Places.Room(placeCount + added + 1, keep: true);
            grown[placeCount + added++] = new PlaceHit(i, i + 1, t.Start, t.End, place.ToLocation());
        }
    }

    /// <summary>True when more of the places found (countries aside) lie outside Ukraine and the Russian regions along its border than inside.</summary>
    private static bool AboutElsewhere(ReadOnlySpan<PlaceHit> places)
    {
        int home = 0, foreign = 0;
        foreach (var p in places)
        {
            var l = p.Location;
            if (l.Kind == PlaceKind.Country) continue;
            if (PlaceFinder.IsHome(l.Country, l.Admin1)) home++; else foreign++;
        }
        return foreign > home;
    }

    /// <summary>
    /// A foreign town or village where the document names Ukrainian regions: the Ukrainian place of a close spelling
    /// of its name in one of them (a village with an old Russian spelling that is also a town in Russia). A city
    /// ("Minsk", "Paris") stays the city.
    /// </summary>
    private static void PreferUkrainianNamesakes(DocumentContext doc, Span<PlaceHit> places)
    {
        var w = doc.Work;
        HashSet<string>? uaRegions = null;
        foreach (var p in places)
            if (p.Location.Country == "UA" && p.Location.Admin1 is { } a1) (uaRegions ??= w.Names[0]).Add(a1);
        if (uaRegions is null) return;
        for (int i = 0; i < places.Length; i++)
        {
            var p = places[i];
            if (p.Location.Country == "UA" || p.End - p.First != 1) continue;
            var word = w.Tokens[p.First].Slice(doc.Text);
            if (p.Location.Kind is not (PlaceKind.Town or PlaceKind.Village) && SameKey(word, p.Location.Name)) continue; // "Minsk", "Paris"
            var alt = doc.Pipeline.Variants.Resolve(word, uaRegions);
            if (alt is not null && alt.Country == "UA" && alt.Admin1 is not null && uaRegions.Contains(alt.Admin1))
                places[i] = p with { Location = alt.ToLocation() };
        }
    }

    /// <summary>True when a word and a name have the same <see cref="LexiconKey"/> (the word is the place's own name, not another).</summary>
    private static bool SameKey(ReadOnlySpan<char> word, string name)
    {
        Span<char> a = stackalloc char[64];
        Span<char> b = stackalloc char[64];
        int na = LexiconKey.Append(word.Length > 64 ? word[..64] : word, a);
        int nb = LexiconKey.Append(name.AsSpan(0, Math.Min(name.Length, 64)), b);
        return na > 0 && na == nb && a[..na].SequenceEqual(b[..nb]);
    }

    /// <summary>"in Kupiansk", "shelled the village of Kupiansk", "on the outskirts of Kupiansk": a place position.</summary>
    private static bool InPlacePosition(AnalysisScratch w, int i)
    {
        int k = i - 1, skipped = 0;
        while (k > 0 && skipped < MaxIntroWords && w.Has(k, Cue.VariantIntro) && !w.Has(k, Cue.Of)) { k--; skipped++; }
        if (w.Has(k, Cue.VariantLead)) return true;
        return w.Has(k, Cue.Of) && k > 0 && (w.Has(k - 1, Cue.VariantLead) || w.Has(k - 1, Cue.PlaceInterior) || w.Has(k - 1, Cue.VariantIntro));
    }

    /// <summary>"Kupiansk village", "Kupiansk, Kharkiv region": a settlement noun or a region after the word.</summary>
    private static bool SettlementAfter(AnalysisScratch w, int i) =>
        w.Has(i + 1, Cue.VariantIntro) && !w.Has(i + 1, Cue.Of) && !w.Has(i + 1, Cue.Article)
        || w.Has(i + 1, Cue.RegionNoun);

    private static void Mark(Span<byte> marks, int first, int end, int tokenCount, byte mark)
    {
        for (int t = Math.Max(0, first); t < Math.Min(end, tokenCount); t++) marks[t] |= mark;
    }
}
