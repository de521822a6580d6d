using System.Globalization;
using System.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// The normal form under which gazetteer and catalogue phrases are stored and looked up:
/// letters and digits only, lower case, accents removed, Cyrillic left as is except for look-alikes of Latin letters
/// inside Latin words. "Kh-101", "KH 101" and "kh101" share the key "kh101"; "Kryvyi Rih" is "kryvyirih"; "Кharkiv"
/// with a Cyrillic К is "kharkiv".
/// </summary>
internal static class LexiconKey
{
    /// <summary>Appends the key characters of <paramref name="s"/> to <paramref name="destination"/>; returns how many were written, or -1 if it did not fit.</summary>
    /// <remarks>
    /// In a span that holds a Latin letter or a digit, Cyrillic and Greek letters that look like Latin ones (К, О, А, Е,
    /// Р, С, Х, і, ј, ѕ, Greek Ο, Ζ, Κ ...) fold to those Latin letters, one for one, so that "Кharkiv" written with a
    /// Cyrillic К keys as "kharkiv" and "Х-101" as "x101"; a span with neither (a Cyrillic word) keeps its own letters.
    /// Pure ASCII costs nothing more: the span is scanned for Latin letters only when a look-alike is met.
    /// </remarks>
    public static int Append(ReadOnlySpan<char> s, Span<char> destination)
    {
        int n = 0, latin = -1; // -1: not looked for yet
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
                if (k >= 128 && LookAlike(c) is var latinForm and not '\0')
                {
                    if (latin < 0) latin = s.ContainsAnyInRange('A', 'Z') || s.ContainsAnyInRange('a', 'z') || s.ContainsAnyInRange('0', '9') ? 1 : 0;
                    if (latin == 1) k = latinForm;
                }
            }
            if (n >= destination.Length) return -1;
            destination[n++] = k;
        }
        return n;
    }

    /// <summary>The key of <paramref name="s"/> as a new string (for building tables, not for the hot path).</summary>
    public static string Of(string s)
    {
        // Accents stripped over the whole string, then the key of the whole (so that the look-alike rule sees the same
        // span as in text when the name is one word).
        var stripped = new StringBuilder(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) stripped.Append(c);
        string plain = stripped.ToString();
        char[] buf = new char[plain.Length];
        int n = Append(plain, buf);
        return new string(buf, 0, Math.Max(0, n));
    }

    /// <summary>
    /// The Latin letter (lower case) that <paramref name="c"/> (after its accents are stripped) looks like, or '\0'.
    /// Case matters: Cyrillic Н and В look like H and B, their small forms н and в do not.
    /// </summary>
    internal static char LookAlike(char c)
    {
        char k = LookAlikeTable[c];
        if (k == '\0')
        {
            k = LookAlikeSlow(c);
            LookAlikeTable[c] = k == '\0' ? NoKey : k;
        }
        return k == NoKey ? '\0' : k;
    }

    private static readonly char[] LookAlikeTable = new char[0x10000];

    private static char LookAlikeSlow(char c)
    {
        if (c < 128 || char.IsSurrogate(c)) return '\0';
        char b = c.ToString().Normalize(NormalizationForm.FormD)[0];
        return b switch
        {
            // Cyrillic capitals: А В С Е Н І Ј К М О Р Ѕ Т Х У Ү Ӏ Һ Ԛ Ԝ
            '\u0410' => 'a', '\u0412' => 'b', '\u0421' => 'c', '\u0415' => 'e', '\u041D' => 'h', '\u0406' => 'i', '\u0408' => 'j',
            '\u041A' => 'k', '\u041C' => 'm', '\u041E' => 'o', '\u0420' => 'p', '\u0405' => 's', '\u0422' => 't', '\u0425' => 'x',
            '\u0423' => 'y', '\u04AE' => 'y', '\u04C0' => 'i', '\u04BA' => 'h', '\u051A' => 'q', '\u051C' => 'w',
            // Cyrillic small: а с ԁ е һ і ј к о р ԛ ѕ ԝ х у ү ӏ
            '\u0430' => 'a', '\u0441' => 'c', '\u0501' => 'd', '\u0435' => 'e', '\u04BB' => 'h', '\u0456' => 'i', '\u0458' => 'j',
            '\u043A' => 'k', '\u043E' => 'o', '\u0440' => 'p', '\u051B' => 'q', '\u0455' => 's', '\u051D' => 'w', '\u0445' => 'x',
            '\u0443' => 'y', '\u04AF' => 'y', '\u04CF' => 'l',
            // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
            '\u0391' => 'a', '\u0392' => 'b', '\u0395' => 'e', '\u0396' => 'z', '\u0397' => 'h', '\u0399' => 'i', '\u039A' => 'k',
            '\u039C' => 'm', '\u039D' => 'n', '\u039F' => 'o', '\u03A1' => 'p', '\u03A4' => 't', '\u03A5' => 'y', '\u03A7' => 'x',
            // Greek small: α ι κ ν ο ρ χ
            '\u03B1' => 'a', '\u03B9' => 'i', '\u03BA' => 'k', '\u03BD' => 'v', '\u03BF' => 'o', '\u03C1' => 'p', '\u03C7' => 'x',
            _ => '\0',
        };
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
