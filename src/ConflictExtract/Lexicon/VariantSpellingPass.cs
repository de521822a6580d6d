using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// A pass after tagging: capitalised words in a place position that nothing matched go to the transliteration fallback
/// (<see cref="TransliterationIndex"/>), and a foreign namesake where the document names Ukrainian regions becomes the
/// Ukrainian place in one of them. Adds to and replaces in the analysis' places.
/// </summary>
internal sealed class VariantSpellingPass : IStage
{
    // Per token, in the marks: TaggedLoc (a one-word LOC span of the tagger), Covered (inside a place or weapon found).
    private const byte TaggedLoc = 1, Covered = 2;

    /// <summary>The shortest word the fallback tries: shorter words match too many skeletons.</summary>
    private const int MinLength = 5;

    /// <summary>How many intro words ("the city of") may stand between a place position's lead word and the name.</summary>
    private const int MaxIntroWords = 3;

    public string Name => StageNames.SpellingVariants;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        string text = doc.Text;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        int placeCount = w.Places.Used;
        var places = w.Places.Array.AsSpan(0, placeCount);
        var marks = w.Marks.Room(tokens.Length);
        foreach (var t in w.Tagged)
            if (t.Label == EntityLabel.Loc && t.EndToken - t.FirstToken == 1 && (uint)t.FirstToken < (uint)tokens.Length) marks[t.FirstToken] |= TaggedLoc;
        PreferUkrainianNamesakes(doc, places);
        foreach (var p in places) Mark(marks, p.First, p.End, tokens.Length);
        foreach (var h in w.Weapons) Mark(marks, h.First, h.End, tokens.Length);
        HashSet<string>? regions = null;
        int added = 0;
        for (int i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if ((marks[i] & Covered) != 0 || t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps)
                || t.Length < MinLength || t.Has(TokenFlags.HasDigit) || w.Has(i, Cue.NotPlace)) continue;
            if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Has(TokenFlags.Capitalized)) continue; // a name: "Vladimir Putin"
            if (!InPlacePosition(w, i) && (marks[i] & TaggedLoc) == 0) continue;
            if (regions is null)
            {
                regions = w.Names[1];
                foreach (var p in w.Places.Span) if (p.Location.Admin1 is { } a) regions.Add(a);
            }
            var place = doc.Pipeline.Variants.Resolve(t.Slice(text), regions);
            if (place is null) continue;
            var grown = w.Places.Room(placeCount + added + 1, keep: true);
            grown[placeCount + added++] = new PlaceHit(i, i + 1, t.Start, t.End, place.ToLocation());
        }
    }

    /// <summary>
    /// A foreign namesake where the document names Ukrainian regions: the Ukrainian place of that name in one of them
    /// (a village with an old Russian spelling that is also a town in Russia).
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
            if (p.Location.Country == "UA" || p.Location.Kind is PlaceKind.Country or PlaceKind.Region || p.End - p.First != 1) continue;
            var alt = doc.Pipeline.Variants.Resolve(w.Tokens[p.First].Slice(doc.Text), uaRegions);
            if (alt is not null && alt.Country == "UA" && alt.Admin1 is not null && uaRegions.Contains(alt.Admin1))
                places[i] = p with { Location = alt.ToLocation() };
        }
    }

    /// <summary>"in Kupiansk", "shelled the village of Kupiansk", "on the outskirts of Kupiansk": a place position.</summary>
    private static bool InPlacePosition(AnalysisScratch w, int i)
    {
        int k = i - 1, skipped = 0;
        while (k > 0 && skipped < MaxIntroWords && w.Has(k, Cue.VariantIntro) && !w.Has(k, Cue.Of)) { k--; skipped++; }
        if (w.Has(k, Cue.VariantLead)) return true;
        return w.Has(k, Cue.Of) && k > 0 && (w.Has(k - 1, Cue.VariantLead) || w.Has(k - 1, Cue.PlaceInterior));
    }

    private static void Mark(Span<byte> marks, int first, int end, int tokenCount)
    {
        for (int t = Math.Max(0, first); t < Math.Min(end, tokenCount); t++) marks[t] |= Covered;
    }
}
