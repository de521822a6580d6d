using System.Globalization;
using System.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// The normal form under which gazetteer and catalogue phrases are stored and looked up:
/// letters and digits only, lower case, accents removed, Cyrillic left as is.
/// "Kh-101", "KH 101" and "kh101" share the key "kh101"; "Kryvyi Rih" is "kryvyirih".
/// </summary>
public static class LexiconKey
{
    /// <summary>Appends the key characters of <paramref name="s"/> to <paramref name="destination"/>; returns how many were written, or -1 if it did not fit.</summary>
    public static int Append(ReadOnlySpan<char> s, Span<char> destination)
    {
        int n = 0;
        foreach (char c in s)
        {
            char k;
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') k = c;
                else if (c is >= 'A' and <= 'Z') k = (char)(c + 32);
                else continue;
            }
            else
            {
                k = Fold(c);
                if (k == '\0') continue;
            }
            if (n >= destination.Length) return -1;
            destination[n++] = k;
        }
        return n;
    }

    /// <summary>The key of <paramref name="s"/> as a new string (for building tables, not for the hot path).</summary>
    public static string Of(string s)
    {
        var sb = new StringBuilder(s.Length);
        Span<char> one = stackalloc char[1];
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Append([c], one) == 1) sb.Append(one[0]);
        }
        return sb.ToString();
    }

    // Folding table for every UTF-16 code unit above ASCII, filled lazily: 0 = not computed yet, NoKey = not a key
    // character, otherwise the folded character. Entries are written whole (a char is atomic), and every thread
    // computes the same value, so races are benign. Lazy filling keeps start-up free of the 12,000 Normalize calls
    // an eager table costs, and caching the characters above U+3000 too keeps Fold allocation-free on any text.
    private const char NoKey = '\uFFFF';
    private static readonly char[] FoldTable = new char[0x10000];

    private static char Fold(char c)
    {
        char k = FoldTable[c];
        if (k == '\0')
        {
            k = FoldSlow(c);
            if (k == '\0' || k == NoKey) k = NoKey;
            FoldTable[c] = k;
        }
        return k == NoKey ? '\0' : k;
    }

    private static char FoldSlow(char c)
    {
        if (char.IsSurrogate(c) || !char.IsLetterOrDigit(c)) return '\0';
        // Strip accents: decompose and keep the base letter, as Of() does.
        string d = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(d[0]);
    }
}
