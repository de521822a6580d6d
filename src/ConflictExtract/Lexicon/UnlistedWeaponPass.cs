using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// A pass after tagging: weapons the catalogue lacks but the tagger finds, a designation ("Kh-999", "Tarkan-7") followed
/// by a weapon noun, named by their own text, with the category the generic phrase after them gives ("ballistic
/// missile", "drones"; other for a bare "missile" or "system") and no origin or range.
/// </summary>
internal sealed class UnlistedWeaponPass : IStage
{
    /// <summary>The tagger's confidence a span needs.</summary>
    private const float MinScore = 0.8f;

    /// <summary>How many modifiers may stand between the designation and its noun ("Tarkan-7 ballistic missile").</summary>
    private const int MaxModifiers = 2;

    public string Name => StageNames.UnlistedWeapons;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        int listed = w.Weapons.Count;
        foreach (var t in w.Tagged)
        {
            if (t.Label != EntityLabel.Weapon || t.Score < MinScore || t.EndToken > tokens.Length || Overlaps(w, listed, t)) continue;
            bool designation = false;
            for (int k = t.FirstToken; k < t.EndToken; k++) designation |= tokens[k].Has(TokenFlags.HasDigit) && tokens[k].Has(TokenFlags.HasHyphen);
            if (!designation || CategoryAfter(w, t.EndToken, tokens.Length) is not { } category) continue;
            var info = new WeaponInfo(doc.Text[t.Start..t.End], category, null, null);
            w.Weapons.Add(new WeaponHit(t.FirstToken, t.EndToken, t.Start, t.End, info));
        }
    }

    private static bool Overlaps(AnalysisScratch w, int listed, TaggedSpan t)
    {
        for (int i = 0; i < listed; i++)
            if (w.Weapons[i].Start < t.End && t.Start < w.Weapons[i].EndChar) return true;
        return false;
    }

    /// <summary>The category of the weapon noun right after a designation, or null when none follows.</summary>
    private static WeaponCategory? CategoryAfter(AnalysisScratch w, int at, int tokenCount)
    {
        foreach (var g in w.GenericWeapons)
            if (g.First == at) return g.Category;
        int head = at;
        while (head < tokenCount && head < at + MaxModifiers && w.Has(head, Cue.WeaponModifier)) head++;
        if (head >= tokenCount || !w.Has(head, Cue.WeaponHeadNoun)) return null;
        foreach (var g in w.GenericWeapons)
            if (g.First <= head && head < g.End) return g.Category;
        return WeaponCategory.Other;
    }
}
