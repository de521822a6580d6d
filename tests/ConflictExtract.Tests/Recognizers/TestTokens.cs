using ConflictExtract.Text;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>Tokens for recognizer tests: the real tokenizer.</summary>
internal static class TestTokens
{
    public static Token[] Tokenize(string text) => Tokenizer.Tokenize(text);
}
