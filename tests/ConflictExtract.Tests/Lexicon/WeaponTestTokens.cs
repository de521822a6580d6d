using ConflictExtract.Text;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>
/// A small stand-in for ConflictExtract.Text.Tokenizer (written on another branch), kept in one place so the
/// weapon tests can switch to the real tokenizer later. It mimics the rules the weapon finder relies on:
/// designations with inner hyphens, slashes or digits ("KN-23/24", "Kh-101", "9M723", "Tu-95MS") are one Word;
/// "Storm Shadow" is two Words; a possessive 's / ’s is split off; digits only are a Number; the rest is punctuation.
/// </summary>
internal static class WeaponTestTokens
{
    public static Token[] Tokenize(string text)
    {
        var list = new List<Token>();
        int i = 0;
        bool space = true;
        bool newline = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                if (c == '\n') newline = true;
                i++;
                continue;
            }
            var before = (space ? TokenFlags.SpaceBefore : 0) | (newline ? TokenFlags.NewlineBefore : 0);
            space = newline = false;
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                i++;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    bool joiner = d is '-' or '\u2011' or '/' or '\'' or '\u2019' or '.' or ',';
                    if (joiner && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    {
                        // Possessive: split off "'s" at the end of a word.
                        if (d is '\'' or '\u2019' && (text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]))) break;
                        // "." and "," only inside numbers ("1,000", "3.5").
                        if (d is '.' or ',' && !(char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))) break;
                        i++;
                        continue;
                    }
                    break;
                }
                list.Add(Make(text, start, i - start, before));
                continue;
            }
            // A split-off possessive "'s" / "’s" is one Word token.
            if (c is '\'' or '\u2019' && i + 1 < text.Length && text[i + 1] is 's' or 'S'
                && i > 0 && char.IsLetterOrDigit(text[i - 1]) && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                list.Add(new Token(i, 2, TokenKind.Word, before));
                i += 2;
                continue;
            }
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            int len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            list.Add(new Token(i, len, kind, before));
            i += len;
        }
        return [.. list];
    }

    private static Token Make(string text, int start, int length, TokenFlags flags)
    {
        var s = text.AsSpan(start, length);
        bool letters = false, allUpper = true;
        int upper = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                letters = true;
                if (char.IsUpper(c)) upper++;
                else allUpper = false;
            }
            else if (char.IsDigit(c)) flags |= TokenFlags.HasDigit;
            else if (c is '-' or '\u2011') flags |= TokenFlags.HasHyphen;
            else if (c == '/') flags |= TokenFlags.HasSlash;
        }
        if (char.IsUpper(s[0])) flags |= TokenFlags.Capitalized;
        if (letters && allUpper && upper >= 2) flags |= TokenFlags.AllCaps;
        return new Token(start, length, letters ? TokenKind.Word : TokenKind.Number, flags);
    }
}
