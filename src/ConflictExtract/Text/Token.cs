using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConflictExtract.Text;

/// <summary>The coarse kind of a token.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner hyphens, apostrophes, digits or slashes ("Kharkiv", "KN-23/24", "don't").</summary>
    Word,
    /// <summary>A number written with digits ("24", "1,000", "3.5").</summary>
    Number,
    /// <summary>Punctuation (".", ",", "—", "“", "(").</summary>
    Punctuation,
    /// <summary>Any other symbol ("%", "$", "+", emoji).</summary>
    Symbol,
    /// <summary>A URL or e-mail address.</summary>
    Url,
}

/// <summary>Facts about a token that later stages test often; computed once by the tokenizer.</summary>
[Flags]
internal enum TokenFlags : ushort
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>First character is an upper-case letter.</summary>
    Capitalized = 1,
    /// <summary>Every letter is upper case (and there are at least two).</summary>
    AllCaps = 2,
    /// <summary>Contains at least one digit.</summary>
    HasDigit = 4,
    /// <summary>Contains a hyphen or dash inside the token.</summary>
    HasHyphen = 8,
    /// <summary>Contains a slash inside the token.</summary>
    HasSlash = 16,
    /// <summary>Ends with a full stop that belongs to the token (abbreviation or initial: "Dec.", "U.S.").</summary>
    Abbreviation = 32,
    /// <summary>Whitespace before this token contains a line break.</summary>
    NewlineBefore = 64,
    /// <summary>Whitespace before this token contains a blank line (paragraph break).</summary>
    ParagraphBefore = 128,
    /// <summary>Preceded by whitespace (or start of text).</summary>
    SpaceBefore = 256,
}

/// <summary>
/// One token: a slice of the original text by UTF-16 offsets. No string is copied.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
[DebuggerDisplay("{Kind} [{Start}..{End})")]
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);

    /// <summary>True when <see cref="Flags"/> has <paramref name="flag"/>.</summary>
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}

/// <summary>A sentence: a run of tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>) and its character extent.</summary>
[DebuggerDisplay("tokens [{FirstToken}..{EndToken}) chars [{Start}..{End})")]
internal readonly record struct Sentence(int FirstToken, int EndToken, int Start, int End)
{
    /// <summary>Number of tokens.</summary>
    public int TokenCount => EndToken - FirstToken;
}
