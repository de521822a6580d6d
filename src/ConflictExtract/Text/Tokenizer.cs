using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ConflictExtract.Languages;

namespace ConflictExtract.Text;

/// <summary>
/// Splits English news text into <see cref="Token"/>s: offsets into the original string, no copies.
/// One left-to-right pass over the characters; thread-safe (no state).
/// </summary>
/// <remarks>
/// Conventions:
/// <list type="bullet">
/// <item>Whitespace (and control and format characters) is not a token; it sets <see cref="TokenFlags.SpaceBefore"/>,
/// <see cref="TokenFlags.NewlineBefore"/> or <see cref="TokenFlags.ParagraphBefore"/> (a blank line) on the next token.
/// The first token of the text has <see cref="TokenFlags.SpaceBefore"/>.</item>
/// <item>Words keep inner hyphens and slashes ("KN-23/24", "Shahed-136", "Russia-Ukraine", "five-year-old") and
/// inner apostrophes of names ("O'Brien").</item>
/// <item>Clitics are split off as their own <see cref="TokenKind.Word"/> tokens, Penn Treebank style:
/// "Ukraine’s" → "Ukraine" + "’s", "didn't" → "did" + "n't", "they're" → "they" + "'re" (also 've, 'll, 'd, 'm).</item>
/// <item>Abbreviations keep their full stop and get <see cref="TokenFlags.Abbreviation"/>: a list of the language's data
/// (<c>Languages/English/tokens.txt</c>: "Dec.", "Gen.", "etc."),
/// single capital initials ("J.") and dotted acronyms ("U.S.", "a.m.").</item>
/// <item><see cref="TokenKind.Number"/> is digits with optional thousands commas and a decimal point ("1,000", "3.5").
/// Digits joined to letters or hyphens make a <see cref="TokenKind.Word"/> with <see cref="TokenFlags.HasDigit"/>
/// ("24-hour", "9M723", "2023-12-30").</item>
/// <item>"..." and "…" are one punctuation token; a run of the same dash character is one token.</item>
/// <item>URLs (scheme, "www.", or host ending in a known lower-case TLD) and e-mail addresses are one <see cref="TokenKind.Url"/>.</item>
/// <item>Emoji are <see cref="TokenKind.Symbol"/> tokens that never split a surrogate pair (variation selectors, skin tones and
/// ZWJ sequences stay attached); a lone surrogate is a one-character symbol.</item>
/// </list>
/// </remarks>
internal static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into a new array (the pipeline tokenizes into its workspace's list instead).</summary>
    public static Token[] Tokenize(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var list = new List<Token>(Math.Min(text.Length / 4 + 16, 1 << 16));
        Tokenize(text, list);
        return [.. list];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>. Allocates nothing except list growth.</summary>
    public static void Tokenize(string text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(text)) return;
        TokenizeCore(text.AsSpan(), output);
    }

    private static void TokenizeCore(ReadOnlySpan<char> s, List<Token> output)
    {
        int n = s.Length;
        int i = 0;
        TokenFlags pending = TokenFlags.SpaceBefore;
        int newlines = 0;
        int urlFailEnd = 0;
        while (i < n)
        {
            char c = s[i];
            CharClass cls = c < 128 ? (CharClass)AsciiClass[c] : NonAsciiClass(c);
            switch (cls)
            {
                case CharClass.Space:
                    pending |= TokenFlags.SpaceBefore;
                    i++;
                    continue;
                case CharClass.Newline:
                    // \r\n counts once.
                    if (c == '\r' && i + 1 < n && s[i + 1] == '\n') i++;
                    newlines++;
                    pending |= TokenFlags.SpaceBefore | TokenFlags.NewlineBefore;
                    if (newlines >= 2) pending |= TokenFlags.ParagraphBefore;
                    i++;
                    continue;
                case CharClass.ParagraphSep:
                    pending |= TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphBefore;
                    i++;
                    continue;
                case CharClass.Ignore:
                    i++;
                    continue;
            }

            TokenFlags flags = pending;
            pending = TokenFlags.None;
            newlines = 0;
            i = cls switch
            {
                CharClass.Letter or CharClass.Digit => AddWordOrUrl(s, i, flags, output, ref urlFailEnd),
                CharClass.Apostrophe => AddApostrophe(s, i, flags, output),
                CharClass.HighSurrogate => AddSurrogatePair(s, i, flags, output),
                _ => AddPunctuationOrSymbol(s, i, cls, flags, output),
            };
        }
    }

    private const TokenFlags SpaceMask = TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphBefore;

    /// <summary>
    /// Adds the word or number that starts at <paramref name="start"/> (a letter or digit), or the URL or e-mail address
    /// it begins; returns the index after what was added.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddWordOrUrl(ReadOnlySpan<char> s, int start, TokenFlags flags, List<Token> output, ref int urlFailEnd)
    {
        int n = s.Length;
        int end = ScanWord(s, start, ref flags, out TokenKind kind, out bool nt);
        // URL or e-mail: the word stops at ':', '.', '@' or '/' that is glued to more text.
        if (end < n && s[end] is ':' or '.' or '@' or '/' && end + 1 < n && !IsSpaceLike(s[end + 1]) && start >= urlFailEnd)
        {
            int u = TryUrl(s, start, end, out int runEnd);
            // A failed try is not repeated inside the same run of URL characters (keeps "ab.ab.ab…" linear).
            if (u < 0) urlFailEnd = runEnd;
            if (u > end)
            {
                output.Add(new Token(start, u - start, TokenKind.Url, flags & SpaceMask));
                return u;
            }
        }
        return AddWord(start, end, kind, flags, nt, output);
    }

    /// <summary>Adds a scanned word [<paramref name="start"/>, <paramref name="end"/>) and the "n't" split off after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddWord(int start, int end, TokenKind kind, TokenFlags flags, bool ntFollows, List<Token> output)
    {
        output.Add(new Token(start, end - start, kind, flags));
        if (!ntFollows) return end;
        output.Add(new Token(end, 3, TokenKind.Word, TokenFlags.None));
        return end + 3;
    }

    /// <summary>Adds a clitic glued to the preceding word ("’s", "'re", "'ve", "'ll", "'d", "'m") or else a lone apostrophe.</summary>
    private static int AddApostrophe(ReadOnlySpan<char> s, int i, TokenFlags flags, List<Token> output)
    {
        if ((flags & TokenFlags.SpaceBefore) == 0 && output.Count > 0 && output[^1].Kind == TokenKind.Word
            && output[^1].End == i)
        {
            int k = CliticLength(s, i + 1);
            if (k > 0)
            {
                output.Add(new Token(i, k + 1, TokenKind.Word, flags));
                return i + k + 1;
            }
        }
        output.Add(new Token(i, 1, TokenKind.Punctuation, flags & SpaceMask));
        return i + 1;
    }

    /// <summary>Adds what starts with a high surrogate: a word of an astral letter or digit, an emoji, or a lone surrogate.</summary>
    private static int AddSurrogatePair(ReadOnlySpan<char> s, int start, TokenFlags flags, List<Token> output)
    {
        int i = start;
        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var rune = new Rune(s[i], s[i + 1]);
            if (Rune.IsLetter(rune) || Rune.IsDigit(rune))
            {
                int end = ScanWord(s, i, ref flags, out TokenKind kind, out bool nt);
                return AddWord(start, end, kind, flags, nt, output);
            }
            i = ScanEmojiTail(s, i + 2);
        }
        else
        {
            i++;
        }
        output.Add(new Token(start, i - start, TokenKind.Symbol, flags & SpaceMask));
        return i;
    }

    /// <summary>
    /// Adds one punctuation or symbol token: an ellipsis of full stops, a run of one dash character, a symbol with its
    /// emoji modifiers, or a single character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddPunctuationOrSymbol(ReadOnlySpan<char> s, int start, CharClass cls, TokenFlags flags, List<Token> output)
    {
        int n = s.Length;
        int i = start + 1;
        TokenKind kind = TokenKind.Punctuation;
        switch (cls)
        {
            case CharClass.Period:
                if (i + 1 < n && s[i] == '.' && s[i + 1] == '.')
                {
                    while (i < n && s[i] == '.') i++;
                }
                break;
            case CharClass.Hyphen:
                while (i < n && s[i] == s[start]) i++;
                break;
            case CharClass.Punct:
                break;
            default: // Symbol, LowSurrogate (lone)
                kind = TokenKind.Symbol;
                if (cls == CharClass.Symbol) i = ScanEmojiTail(s, i);
                break;
        }
        output.Add(new Token(start, i - start, kind, flags & SpaceMask));
        return i;
    }

    /// <summary>Absorbs variation selectors, skin-tone modifiers, keycap marks and ZWJ-joined pictographs after a symbol.</summary>
    private static int ScanEmojiTail(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        while (i < n)
        {
            char c = s[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3') { i++; continue; }
            // Flag: a second regional indicator (U+1F1E6..U+1F1FF = D83C DDE6..DDFF) after the first.
            if (c == '\uD83C' && i + 1 < n && s[i + 1] is >= '\uDDE6' and <= '\uDDFF' && i >= 2
                && s[i - 2] == '\uD83C' && s[i - 1] is >= '\uDDE6' and <= '\uDDFF' && (i < 4 || s[i - 4] != '\uD83C' || s[i - 3] is < '\uDDE6' or > '\uDDFF'))
            { i += 2; continue; }
            // Skin tone modifiers U+1F3FB..U+1F3FF = D83C DFFB..DFFF.
            if (c == '\uD83C' && i + 1 < n && s[i + 1] is >= '\uDFFB' and <= '\uDFFF') { i += 2; continue; }
            if (c == '\u200D' && i + 1 < n)
            {
                char d = s[i + 1];
                if (char.IsHighSurrogate(d) && i + 2 < n && char.IsLowSurrogate(s[i + 2])) { i += 3; continue; }
                if (d >= 0x2000 && !char.IsSurrogate(d) && CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.OtherSymbol) { i += 2; continue; }
            }
            break;
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpaceLike(char c)
    {
        if (c < 128) return AsciiClass[c] <= (byte)CharClass.Newline;
        var k = NonAsciiClass(c);
        return k is CharClass.Space or CharClass.Newline or CharClass.ParagraphSep or CharClass.Ignore;
    }

    /// <summary>Word character at <paramref name="j"/>: letters, digits, combining marks, soft hyphen; width 1 or 2 (surrogate pair).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WordCharWidth(ReadOnlySpan<char> s, int j, out bool digit, out bool upper, out bool lower)
    {
        char c = s[j];
        if (c < 128)
        {
            byte b = AsciiWord[c];
            digit = b == 3;
            upper = b == 1;
            lower = b == 2;
            return b == 0 ? 0 : 1;
        }
        return NonAsciiWordCharWidth(s, j, out digit, out upper, out lower);
    }

    private static int NonAsciiWordCharWidth(ReadOnlySpan<char> s, int j, out bool digit, out bool upper, out bool lower)
    {
        char c = s[j];
        digit = upper = lower = false;
        if (char.IsHighSurrogate(c))
        {
            if (j + 1 < s.Length && char.IsLowSurrogate(s[j + 1]))
            {
                var r = new Rune(c, s[j + 1]);
                if (Rune.IsLetter(r)) { upper = Rune.IsUpper(r); lower = Rune.IsLower(r); return 2; }
                if (Rune.IsDigit(r)) { digit = true; return 2; }
            }
            return 0;
        }
        if (c == '\u00AD') return 1;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                upper = true;
                return 1;
            case UnicodeCategory.LowercaseLetter:
                lower = true;
                return 1;
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return 1;
            case UnicodeCategory.DecimalDigitNumber:
                digit = true;
                return 1;
            default:
                return 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAlnumAt(ReadOnlySpan<char> s, int j) => j < s.Length && WordCharWidth(s, j, out _, out _, out _) > 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsJoinHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Length of a clitic (s, re, ve, ll, d, m, any case) starting at <paramref name="j"/> and not followed by a letter; 0 if none.</summary>
    private static int CliticLength(ReadOnlySpan<char> s, int j)
    {
        int n = s.Length;
        if (j >= n) return 0;
        int k = 0;
        while (j + k < n && k < 3 && IsAsciiLetter(s[j + k])) k++;
        if (k == 0 || k == 3) return 0;
        if (j + k < n && WordCharWidth(s, j + k, out _, out _, out _) > 0) return 0;
        char a = (char)(s[j] | 0x20);
        if (k == 1) return a is 's' or 'd' or 'm' ? 1 : 0;
        char b = (char)(s[j + 1] | 0x20);
        return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l') ? 2 : 0;
    }

    /// <summary>What a word scan has seen so far: its letters and the joiners that make it one compound token.</summary>
    private struct WordShape
    {
        /// <summary>Letters seen (cased or not) and how many of them are upper case.</summary>
        public int Letters, Uppers;
        public bool HasDigit, HasHyphen, HasSlash, HasApostrophe;
        /// <summary>Only digits, thousands commas and one decimal point so far.</summary>
        public bool Numeric;
        /// <summary>Single letters joined by full stops: "U.S", "a.m".</summary>
        public bool Dotted;
        /// <summary>The word starts with an upper-case letter.</summary>
        public bool FirstUpper;
        /// <summary>Start of the current alphanumeric segment (after the last hyphen, slash or acronym stop).</summary>
        public int SegmentStart;

        /// <summary>The token flags the shape gives.</summary>
        public readonly TokenFlags Flags()
        {
            var flags = TokenFlags.None;
            if (FirstUpper) flags |= TokenFlags.Capitalized;
            if (Letters >= 2 && Uppers == Letters) flags |= TokenFlags.AllCaps;
            if (HasDigit) flags |= TokenFlags.HasDigit;
            if (HasHyphen) flags |= TokenFlags.HasHyphen;
            if (HasSlash) flags |= TokenFlags.HasSlash;
            return flags;
        }
    }

    /// <summary>Scans a word or number from <paramref name="start"/>; returns its exclusive end.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int start, ref TokenFlags flags, out TokenKind kind, out bool ntFollows)
    {
        var w = new WordShape { Numeric = true, SegmentStart = start };
        int j = start;
        ntFollows = false;
        // Alphanumeric runs, joined while a hyphen, slash, stop, comma or apostrophe keeps the word going.
        while (true)
        {
            j = ScanAlphanumericRun(s, start, j, ref w);
            if (j >= s.Length || !TryJoin(s, start, ref j, ref w, ref ntFollows)) break;
        }
        // Trailing full stop of an abbreviation, initial or dotted acronym.
        if (j < s.Length && s[j] == '.' && !(j + 2 < s.Length && s[j + 1] == '.' && s[j + 2] == '.'))
            j = TakeAbbreviationStop(s, start, j, ref w, ref flags);
        kind = w.Numeric && w.HasDigit ? TokenKind.Number : TokenKind.Word;
        flags |= w.Flags();
        return j;
    }

    /// <summary>Scans word characters from <paramref name="j"/>, counting letters and digits; returns the run's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanAlphanumericRun(ReadOnlySpan<char> s, int start, int j, ref WordShape w)
    {
        while (j < s.Length)
        {
            int width = WordCharWidth(s, j, out bool d, out bool up, out bool lo);
            if (width == 0) break;
            if (d) w.HasDigit = true;
            else
            {
                w.Numeric = false;
                if (up || lo)
                {
                    if (w.Letters == 0 && j == start) w.FirstUpper = up;
                    w.Letters++;
                    if (up) w.Uppers++;
                }
            }
            j += width;
        }
        return j;
    }

    /// <summary>
    /// At the character <paramref name="j"/> after an alphanumeric run: true (and <paramref name="j"/> past it) when it
    /// joins the word to more ("KN-23/24", "3.5", "1,000", "U.S", "O'Brien"); false when the word ends here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryJoin(ReadOnlySpan<char> s, int start, ref int j, ref WordShape w, ref bool ntFollows)
    {
        char c = s[j];
        if (IsJoinHyphen(c))
        {
            if (!IsAlnumAt(s, j + 1)) return false;
            w.HasHyphen = true;
            StartSegment(ref j, ref w);
            return true;
        }
        if (c == '/')
        {
            if (!(IsAlnumAt(s, j + 1) && !(j + 2 < s.Length && s[j + 1] == '/'))) return false;
            w.HasSlash = true;
            StartSegment(ref j, ref w);
            return true;
        }
        if (c == '.') return TryJoinStop(s, start, ref j, ref w);
        if (c == ',') return TryJoinThousands(s, ref j, w.Numeric);
        if (IsApostrophe(c) && j > start) return TryJoinApostrophe(s, ref j, ref w, ref ntFollows);
        return false;
    }

    /// <summary>Steps over a hyphen or slash that begins a new segment of a compound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StartSegment(ref int j, ref WordShape w)
    {
        w.Numeric = false;
        w.Dotted = false;
        j++;
        w.SegmentStart = j;
    }

    /// <summary>A full stop inside a word: a decimal point ("3.5") or a stop of a dotted acronym ("U.S.", "a.m.").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryJoinStop(ReadOnlySpan<char> s, int start, ref int j, ref WordShape w)
    {
        int n = s.Length;
        if (w.Numeric && j + 1 < n && IsAsciiDigit(s[j + 1]) && IsAsciiDigit(s[j - 1]))
        {
            j++;
            return true;
        }
        // Dotted acronym: X.Y. (every segment one letter).
        if (j - w.SegmentStart == 1 && IsAsciiLetter(s[j - 1]) && (w.SegmentStart == start || w.Dotted)
            && j + 2 < n && IsAsciiLetter(s[j + 1]) && s[j + 2] == '.')
        {
            w.Dotted = true;
            w.Numeric = false;
            w.Letters++;
            if (s[j + 1] <= 'Z') w.Uppers++;
            j += 2;
            w.SegmentStart = j - 1;
            return true;
        }
        return false;
    }

    /// <summary>A thousands comma inside a number: a digit before it and exactly three after ("1,000").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryJoinThousands(ReadOnlySpan<char> s, ref int j, bool numeric)
    {
        int n = s.Length;
        if (numeric && IsAsciiDigit(s[j - 1]) && j + 3 < n && IsAsciiDigit(s[j + 1]) && IsAsciiDigit(s[j + 2]) && IsAsciiDigit(s[j + 3])
            && (j + 4 >= n || !IsAsciiDigit(s[j + 4])))
        {
            j += 4;
            return true;
        }
        return false;
    }

    /// <summary>
    /// An apostrophe after letters: a name's inner apostrophe ("O'Brien") joins; a clitic ("’s") ends the word; "n't"
    /// ends it before the "n" and sets <paramref name="ntFollows"/> ("didn't" → "did" + "n't").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryJoinApostrophe(ReadOnlySpan<char> s, ref int j, ref WordShape w, ref bool ntFollows)
    {
        int n = s.Length;
        if (CliticLength(s, j + 1) > 0) return false;
        if (j - 1 > w.SegmentStart && (s[j - 1] | 0x20) == 'n' && j + 1 < n && (s[j + 1] | 0x20) == 't'
            && (j + 2 >= n || WordCharWidth(s, j + 2, out _, out _, out _) == 0))
        {
            j--;
            ntFollows = true;
            w.Letters--;
            if (s[j] == 'N') w.Uppers--;
            return false;
        }
        if (j + 1 < n && IsAsciiLetterOrNonAsciiLetter(s, j + 1) && WordCharWidth(s, j - 1, out _, out _, out _) > 0)
        {
            w.HasApostrophe = true;
            w.Numeric = false;
            j++;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The full stop at <paramref name="j"/> after the word [<paramref name="start"/>, <paramref name="j"/>): taken (with
    /// <see cref="TokenFlags.Abbreviation"/>) after a dotted acronym, a capital initial or a listed abbreviation, and the
    /// word goes on as a hyphenated compound after it ("U.S.-led"). Returns the word's end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TakeAbbreviationStop(ReadOnlySpan<char> s, int start, int j, ref WordShape w, ref TokenFlags flags)
    {
        int n = s.Length;
        int len = j - start;
        bool abbr;
        if (w.Dotted) abbr = true;
        else if (len == 1) abbr = w.FirstUpper;
        else abbr = !w.HasDigit && !w.HasHyphen && !w.HasSlash && !w.HasApostrophe && len <= MaxAbbrevLength
                    && AbbrevLookup.Contains(s.Slice(start, len));
        if (!abbr) return j;
        j++;
        flags |= TokenFlags.Abbreviation;
        // "U.S.-led": keep going as one hyphenated word.
        if (j + 1 < n && IsJoinHyphen(s[j]) && IsAlnumAt(s, j + 1))
        {
            flags &= ~TokenFlags.Abbreviation;
            w.HasHyphen = true;
            j = ScanCompoundTail(s, j + 1, ref w);
        }
        return j;
    }

    /// <summary>The rest of a compound after "U.S.-": word characters, hyphens and slashes; returns its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanCompoundTail(ReadOnlySpan<char> s, int j, ref WordShape w)
    {
        int n = s.Length;
        while (j < n)
        {
            int width = WordCharWidth(s, j, out bool d, out bool up, out bool lo);
            if (width == 0)
            {
                if (j + 1 < n && (IsJoinHyphen(s[j]) || s[j] == '/') && IsAlnumAt(s, j + 1)) { j++; continue; }
                break;
            }
            if (d) w.HasDigit = true;
            if (up || lo) { w.Letters++; if (up) w.Uppers++; }
            j += width;
        }
        return j;
    }

    private static bool IsAsciiLetterOrNonAsciiLetter(ReadOnlySpan<char> s, int j)
    {
        int w = WordCharWidth(s, j, out bool d, out _, out _);
        return w > 0 && !d;
    }

    // ---------------------------------------------------------------- URLs

    /// <summary>Tries a URL or e-mail starting at <paramref name="start"/>; returns its end, or -1.</summary>
    private static int TryUrl(ReadOnlySpan<char> s, int start, int wordEnd, out int runEnd)
    {
        int n = s.Length;
        int j = start;
        bool openParen = false;
        while (j < n && IsUrlChar(s[j]))
        {
            if (s[j] == '(') openParen = true;
            j++;
        }
        runEnd = j;
        // Trim trailing punctuation that belongs to the sentence.
        while (j > wordEnd && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ')' or ']' or '}')
        {
            if (s[j - 1] == ')' && openParen) break;
            j--;
        }
        if (j <= wordEnd) return -1;
        var u = s.Slice(start, j - start);
        if (StartsWithIgnoreCase(u, "http://") || StartsWithIgnoreCase(u, "https://") || StartsWithIgnoreCase(u, "ftp://"))
        {
            int schemeLen = u.IndexOf(':') + 3;
            return u.Length > schemeLen && IsAlnumAt(s, start + schemeLen) ? j : -1;
        }
        int at = u.IndexOf('@');
        if (at > 0)
        {
            var domain = u.Slice(at + 1);
            int dot = domain.IndexOf('.');
            return dot > 0 && dot < domain.Length - 1 && domain.IndexOf('@') < 0 && IsHost(domain, requireTld: false) == domain.Length ? j : -1;
        }
        if (StartsWithIgnoreCase(u, "www.") && u.Length > 4)
        {
            int h = IsHost(u, requireTld: false);
            return h > 4 ? start + h + PathLength(u.Slice(h)) : -1;
        }
        int host = IsHost(u, requireTld: true);
        if (host <= 0) return -1;
        return start + host + PathLength(u.Slice(host));
    }

    private static int PathLength(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty) return 0;
        if (rest[0] is '/' or '?' or '#' or ':') return rest.Length;
        return 0;
    }

    /// <summary>Length of a host name (labels of letters, digits, hyphens joined by dots, at least two labels) at the start of <paramref name="u"/>, or 0.</summary>
    private static int IsHost(ReadOnlySpan<char> u, bool requireTld)
    {
        int j = 0, labels = 0, lastLabelStart = 0;
        while (true)
        {
            int ls = j;
            while (j < u.Length && (IsAsciiLetter(u[j]) || IsAsciiDigit(u[j]) || u[j] == '-' || u[j] == '_')) j++;
            if (j == ls) return 0;
            labels++;
            lastLabelStart = ls;
            if (j < u.Length && u[j] == '.' && j + 1 < u.Length && (IsAsciiLetter(u[j + 1]) || IsAsciiDigit(u[j + 1]))) { j++; continue; }
            break;
        }
        if (labels < 2) return 0;
        if (j < u.Length && u[j] is not ('/' or '?' or '#' or ':')) return 0;
        if (requireTld && !TldLookup.Contains(u.Slice(lastLabelStart, j - lastLabelStart))) return 0;
        return j;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, string prefix) =>
        s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsUrlChar(char c) =>
        c < 128 && c > ' ' && c is not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}');

    // ---------------------------------------------------------------- tables

    private enum CharClass : byte
    {
        Space = 0,
        Newline = 1,
        ParagraphSep,
        Ignore,
        Letter,
        Digit,
        Period,
        Hyphen,
        Apostrophe,
        Punct,
        Symbol,
        HighSurrogate,
        LowSurrogate,
    }

    private static readonly byte[] AsciiClass = BuildAsciiClass();

    /// <summary>0 = not a word char, 1 = upper, 2 = lower, 3 = digit.</summary>
    private static readonly byte[] AsciiWord = BuildAsciiWord();

    private static byte[] BuildAsciiClass()
    {
        var t = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            CharClass k;
            if (c is '\n' or '\r' or '\v' or '\f') k = CharClass.Newline;
            else if (c <= ' ' || c == 127) k = CharClass.Space;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') k = CharClass.Letter;
            else if (c is >= '0' and <= '9') k = CharClass.Digit;
            else if (c == '.') k = CharClass.Period;
            else if (c == '-') k = CharClass.Hyphen;
            else if (c == '\'') k = CharClass.Apostrophe;
            else if (c is ',' or ';' or ':' or '!' or '?' or '"' or '(' or ')' or '[' or ']' or '{' or '}' or '/' or '`') k = CharClass.Punct;
            else k = CharClass.Symbol; // $ % & * + < = > @ # ^ _ | ~ \
            t[c] = (byte)k;
        }
        return t;
    }

    private static byte[] BuildAsciiWord()
    {
        var t = new byte[128];
        for (int c = 'A'; c <= 'Z'; c++) t[c] = 1;
        for (int c = 'a'; c <= 'z'; c++) t[c] = 2;
        for (int c = '0'; c <= '9'; c++) t[c] = 3;
        return t;
    }

    private static CharClass NonAsciiClass(char c)
    {
        switch (c)
        {
            case '\u0085':
            case '\u2028':
                return CharClass.Newline;
            case '\u2029':
                return CharClass.ParagraphSep;
            case '\u2019':
            case '\u02BC':
                return CharClass.Apostrophe;
            case '\u2026':
                return CharClass.Punct;
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2015':
            case '\u2212':
                return CharClass.Hyphen;
            case '\u00AD':
                return CharClass.Ignore;
        }
        if (char.IsHighSurrogate(c)) return CharClass.HighSurrogate;
        if (char.IsLowSurrogate(c)) return CharClass.LowSurrogate;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.Control:
                return CharClass.Space;
            case UnicodeCategory.LineSeparator:
                return CharClass.Newline;
            case UnicodeCategory.ParagraphSeparator:
                return CharClass.ParagraphSep;
            case UnicodeCategory.Format:
                return CharClass.Ignore;
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return CharClass.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
                return CharClass.Punct;
            default:
                return CharClass.Symbol;
        }
    }

    // ---------------------------------------------------------------- word lists (Languages/English/tokens.txt)

    /// <summary>Abbreviations that keep their full stop (compared case-sensitively, without the stop).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbrevLookup =
        TextWords.English.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest listed abbreviation: a longer word is never looked up.</summary>
    private static readonly int MaxAbbrevLength = TextWords.English.Abbreviations.Max(w => w.Length);

    /// <summary>Top-level domains accepted for bare host names ("x.com/path"); lower case only, so "said.It" is not a URL.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TldLookup =
        TextWords.English.TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();
}
