using ConflictExtract.Text;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>Tokens for weapon tests: the real tokenizer.</summary>
internal static class WeaponTestTokens
{
    public static Token[] Tokenize(string text) => Tokenizer.Tokenize(text);
}
