using ConflictExtract.Text;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>
/// A stand-in for ConflictExtract.Text.Tokenizer while it is written on another branch: words with inner hyphens and
/// apostrophes are one token, a possessive 's is split off, numbers keep inner commas and points, punctuation is
/// one token per character; sentences end after . ! ? (not after a single capital initial).
/// </summary>
internal static class TestTokens
{
    public static Token[] Tokenize(string text)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            int ws = i;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var flags = i > ws || i == 0 ? TokenFlags.SpaceBefore : TokenFlags.None;
            if (i >= text.Length) break;
            int start = i;
            char c = text[i];
            if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || (text[i] is '-' or '\'' or '’') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    if (text[i] is '\'' or '’' && (text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]))) break;
                    i++;
                }
                var w = text.AsSpan(start, i - start);
                if (char.IsUpper(w[0])) flags |= TokenFlags.Capitalized;
                int letters = 0, upper = 0;
                foreach (char ch in w) { if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; } }
                if (letters >= 2 && letters == upper) flags |= TokenFlags.AllCaps;
                if (w.Contains('-')) flags |= TokenFlags.HasHyphen;
                list.Add(new Token(start, i - start, TokenKind.Word, flags));
            }
            else if (c is '\'' or '’' && i + 1 < text.Length && text[i + 1] is 's' or 'S')
            {
                i += 2;
                list.Add(new Token(start, 2, TokenKind.Word, flags));
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))) i++;
                list.Add(new Token(start, i - start, TokenKind.Number, flags | TokenFlags.HasDigit));
            }
            else
            {
                i++;
                list.Add(new Token(start, 1, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, flags));
            }
        }
        return [.. list];
    }

    public static Sentence[] Sentences(string text, Token[] tokens)
    {
        var list = new List<Sentence>();
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation && text[t.Start] is '.' or '!' or '?')
            {
                list.Add(new Sentence(first, i + 1, tokens[first].Start, t.End));
                first = i + 1;
            }
        }
        if (first < tokens.Length) list.Add(new Sentence(first, tokens.Length, tokens[first].Start, tokens[^1].End));
        return [.. list];
    }
}
