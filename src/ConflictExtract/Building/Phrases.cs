using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>Phrase tests that more than one record stage reads.</summary>
internal static class Phrases
{
    /// <summary>How far after a count its weapon noun may stand ("24 North Korean missiles").</summary>
    private const int MunitionWindow = 4;

    /// <summary>True when the count ending before token <paramref name="k"/> counts weapons: "24 missiles", "five Shahed drones".</summary>
    public static bool IsMunitionAfter(DocumentAnalysis a, int k, int to)
    {
        for (int i = k; i < Math.Min(to, k + MunitionWindow); i++)
        {
            if (a.WeaponAt[i] >= 0 || a.Has(i, Cue.WeaponNoun)) return true;
            if (a.Has(i, Cue.Person) || a.Tokens[i].Kind == TokenKind.Punctuation) return false;
        }
        return false;
    }
}
