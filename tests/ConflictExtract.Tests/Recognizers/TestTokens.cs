using ConflictExtract.Text;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>
/// A stand-in tokenizer for the recognizer tests (to be swapped for ConflictExtract.Text.Tokenizer):
/// words (letters with inner hyphens, apostrophes and digits), numbers (digits with inner , and .), single punctuation.
/// </summary>
internal static class TestTokens
{
    public static Token[] Tokenize(string text)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            bool space = start == 0 || char.IsWhiteSpace(text[start - 1]);
            bool newline = start > 0 && text.AsSpan(0, start).TrimEnd(" \t").EndsWith("\n");
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                bool letters = false;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetter(d)) { letters = true; i++; }
                    else if (char.IsDigit(d)) i++;
                    else if ((d is '-' or '\'' or '/' || (!letters && d is ',' or '.')) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                             && (d is not (',' or '.') || char.IsDigit(text[i + 1]))) i++;
                    else break;
                }
                kind = letters || text.AsSpan(start, i - start).ContainsAny('-', '/') ? TokenKind.Word : TokenKind.Number;
            }
            else
            {
                i++;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            var flags = TokenFlags.None;
            if (space) flags |= TokenFlags.SpaceBefore;
            if (newline) flags |= TokenFlags.NewlineBefore;
            if (char.IsUpper(text[start])) flags |= TokenFlags.Capitalized;
            for (int k = start; k < i; k++) if (char.IsDigit(text[k])) { flags |= TokenFlags.HasDigit; break; }
            list.Add(new Token(start, i - start, kind, flags));
        }
        return list.ToArray();
    }
}
