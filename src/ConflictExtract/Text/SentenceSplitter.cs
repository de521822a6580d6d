using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ConflictExtract.Languages;

namespace ConflictExtract.Text;

/// <summary>
/// Groups tokens from <see cref="Tokenizer"/> into sentences. Rule based, one pass, thread-safe (no state).
/// </summary>
/// <remarks>
/// A sentence ends:
/// <list type="bullet">
/// <item>after ".", "!", "?", "?!" (plus closing quotes and brackets glued to them), unless the next token starts lower case;</item>
/// <item>after an ellipsis only when the next token does not start lower case;</item>
/// <item>after an abbreviation that can end a sentence ("U.S.", "etc.", "Inc.", an initial) only when the next token is a
/// capitalised closed-class word ("The", "He", "In", ...); titles and months ("Gen.", "Dec.") never end one;</item>
/// <item>at every blank line;</item>
/// <item>at a single line break when the previous line has no terminal punctuation (a headline) and the next line does not
/// start lower case, unless the previous line ends in a comma, hyphen, opening bracket or a function word (wrapped prose).</item>
/// </list>
/// </remarks>
internal static class SentenceSplitter
{
    /// <summary>Tokenizes and splits <paramref name="text"/>.</summary>
    public static Sentence[] Split(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = Tokenizer.Tokenize(text);
        return Split(text, tokens);
    }

    /// <summary>Splits already tokenized <paramref name="text"/> into a new array.</summary>
    public static Sentence[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        var list = new List<Sentence>(Math.Min(tokens.Length / 16 + 4, 1 << 14));
        Split(text, tokens, list);
        return [.. list];
    }

    /// <summary>Appends the sentences of <paramref name="text"/> (tokenized as <paramref name="tokens"/>) to <paramref name="output"/>.</summary>
    public static void Split(string text, ReadOnlySpan<Token> tokens, List<Sentence> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (text is null || tokens.IsEmpty) return;
        int first = 0;
        for (int k = 0; k < tokens.Length; k++)
        {
            bool boundary = k + 1 >= tokens.Length || EndsSentence(text, tokens, ref k);
            if (boundary)
            {
                int last = Math.Min(k, tokens.Length - 1);
                if (last >= first)
                    output.Add(new Sentence(first, last + 1, tokens[first].Start, tokens[last].End));
                first = last + 1;
            }
        }
    }

    /// <summary>
    /// True when a sentence ends after token <paramref name="k"/> (not the last token); <paramref name="k"/> moves to the
    /// last punctuation glued to it that goes with the sentence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsSentence(string text, ReadOnlySpan<Token> tokens, ref int k)
    {
        var t = tokens[k];
        if ((uint)t.End > (uint)text.Length || t.Start < 0) return false;
        var span = t.Slice(text);
        if (t.Kind == TokenKind.Punctuation && IsTerminal(span)) return EndsAtTerminal(text, tokens, span, ref k);
        if (t.Has(TokenFlags.Abbreviation)) return EndsAtAbbreviation(text, tokens, span, ref k);
        var nt = tokens[k + 1];
        if (nt.Has(TokenFlags.ParagraphBefore)) return true;
        if (nt.Has(TokenFlags.NewlineBefore)) return !ContinuesLine(text, t) && !StartsLower(text, nt);
        return false;
    }

    /// <summary>After a terminal (<paramref name="span"/>, at <paramref name="k"/>): takes the terminals and closing quotes glued to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsAtTerminal(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<char> span, ref int k)
    {
        int next = k + 1;
        // Glue further terminals and closing quotes/brackets that touch.
        bool ellipsisOnly = IsEllipsis(span);
        while (next < tokens.Length && !tokens[next].Has(TokenFlags.SpaceBefore) && tokens[next].Kind == TokenKind.Punctuation
               && tokens[next].End <= text.Length)
        {
            var ns = tokens[next].Slice(text);
            if (IsTerminal(ns)) { ellipsisOnly &= IsEllipsis(ns); next++; continue; }
            if (IsClosing(ns)) { next++; continue; }
            break;
        }
        k = next - 1;
        return next >= tokens.Length || StartsSentenceAfterTerminal(text, tokens[next], ellipsisOnly);
    }

    /// <summary>After an abbreviation (<paramref name="span"/>, at <paramref name="k"/>) and the closing quotes glued to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsAtAbbreviation(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<char> span, ref int k)
    {
        int next = k + 1;
        // "... the U.S.” The ...": closing quotes/brackets glued to the abbreviation go with it.
        int after = next;
        while (after < tokens.Length && !tokens[after].Has(TokenFlags.SpaceBefore) && tokens[after].Kind == TokenKind.Punctuation
               && tokens[after].End <= text.Length && IsClosing(tokens[after].Slice(text)))
            after++;
        if (after > next && (after >= tokens.Length || (CanEndSentence(span) && IsSentenceStarter(text, tokens[after]))
                             || tokens[after].Has(TokenFlags.ParagraphBefore)))
        {
            k = after - 1;
            return true;
        }
        return tokens[next].Has(TokenFlags.ParagraphBefore)
               || (CanEndSentence(span) && IsSentenceStarter(text, tokens[next]))
               || (tokens[next].Has(TokenFlags.NewlineBefore) && !StartsLower(text, tokens[next]));
    }

    private static bool IsTerminal(ReadOnlySpan<char> s) =>
        s.Length > 0 && (s[0] is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049');

    private static bool IsEllipsis(ReadOnlySpan<char> s) => s.Length > 1 || (s.Length == 1 && s[0] == '\u2026');

    private static bool IsClosing(ReadOnlySpan<char> s) =>
        s.Length == 1 && s[0] is '"' or '\'' or '\u2019' or '\u201D' or '\u00BB' or '\u203A' or ')' or ']' or '}';

    private static bool StartsLower(string text, Token t) =>
        (uint)t.Start < (uint)text.Length && char.IsLower(text[t.Start]);

    private static bool StartsSentenceAfterTerminal(string text, Token next, bool ellipsis)
    {
        if (next.Has(TokenFlags.ParagraphBefore)) return true;
        if (StartsLower(text, next)) return false;
        if (next.Kind == TokenKind.Punctuation && next.End <= text.Length)
        {
            // ".," or ".;" — a stray stop inside a sentence.
            char c = text[next.Start];
            if (c is ',' or ';' or ':' or ')') return false;
        }
        if (ellipsis) return next.Has(TokenFlags.Capitalized) || next.Has(TokenFlags.NewlineBefore) || next.Kind == TokenKind.Punctuation;
        return true;
    }

    /// <summary>The previous line ends in a way that says the text goes on (comma, hyphen, opening bracket, function word).</summary>
    private static bool ContinuesLine(string text, Token last)
    {
        if (last.End > text.Length) return true;
        var s = last.Slice(text);
        if (last.Kind == TokenKind.Punctuation)
            return s.Length > 0 && s[0] is ',' or ';' or '(' or '[' or '-' or '\u2013' or '\u2014' or '\u201C' or '\u2018' or '\u00AB' or '/' or '&';
        if (last.Kind == TokenKind.Word && !last.Has(TokenFlags.Capitalized))
            return FunctionWordLookup.Contains(s);
        return false;
    }

    private static bool CanEndSentence(ReadOnlySpan<char> abbr)
    {
        // Dotted acronyms and initials (contain or are capital letters) and company/list endings.
        if (abbr.Length == 2 && char.IsUpper(abbr[0])) return true; // "J."
        if (abbr.IndexOf('.') < abbr.Length - 1) return true;       // "U.S.", "a.m."
        return SentenceEndAbbrevLookup.Contains(abbr[..^1]);
    }

    private static bool IsSentenceStarter(string text, Token t)
    {
        if (t.Has(TokenFlags.NewlineBefore)) return !StartsLower(text, t);
        if (t.Kind == TokenKind.Punctuation && t.End <= text.Length && text[t.Start] is '\u201C' or '"' or '\u00AB')
            return true;
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || t.End > text.Length) return false;
        return StarterLookup.Contains(t.Slice(text));
    }

    // Word lists: Languages/English/sentences.txt.

    /// <summary>Abbreviations whose stop may also end a sentence ("Ltd.", "etc."), without the stop.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceEndAbbrevLookup =
        TextWords.English.SentenceEndAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Capitalised closed-class words that begin sentences and are not names.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        TextWords.English.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-case function words that, ending a line, say the text goes on.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup =
        TextWords.English.LineEndFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
