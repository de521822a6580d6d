using ConflictExtract.Text;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>Tokens and sentences for lexicon tests: the real tokenizer and sentence splitter.</summary>
internal static class TestTokens
{
    public static Token[] Tokenize(string text) => Tokenizer.Tokenize(text);

    public static Sentence[] Sentences(string text, Token[] tokens) => SentenceSplitter.Split(text, tokens);
}
