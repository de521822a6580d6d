using System.Runtime.CompilerServices;
using ConflictExtract.Text;

namespace ConflictExtract.Tagging;

/// <summary>
/// The tagger's feature function, shared by training and inference so both see exactly the same features.
/// Each feature is a template id hashed with characters of the text (lower-cased on the fly) into
/// [0, 2^bits); nothing is allocated.
/// </summary>
internal static class TaggerFeatures
{
    /// <summary>Upper bound on features per token.</summary>
    public const int MaxFeatures = 128;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Per-sentence facts.</summary>
    internal readonly struct SentenceInfo(int first, int end, bool titleCase, bool allCaps)
    {
        public readonly int First = first;
        public readonly int End = end;
        public readonly bool TitleCase = titleCase;
        public readonly bool AllCaps = allCaps;
    }

    /// <summary>Facts about a sentence's casing: headline-style title case or all capitals.</summary>
    public static SentenceInfo Describe(string text, ReadOnlySpan<Token> tokens, int first, int end)
    {
        int words = 0, caps = 0, allCaps = 0;
        for (int i = first; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || t.Length < 4) continue;
            words++;
            if (t.Has(TokenFlags.Capitalized)) caps++;
            if (t.Has(TokenFlags.AllCaps)) allCaps++;
        }
        bool isAllCaps = words >= 3 && allCaps * 10 >= words * 8;
        bool isTitle = !isAllCaps && words >= 3 && caps * 10 >= words * 7;
        return new SentenceInfo(first, end, isTitle, isAllCaps);
    }

    /// <summary>
    /// Per-token tables computed once per text: word classes (only <see cref="TokenKind.Word"/> tokens get classes),
    /// the lower-cased word hash and the collapsed shape hash.
    /// </summary>
    public static void Prepare(string text, ReadOnlySpan<Token> tokens, Span<WordClass> classes, Span<uint> words, Span<uint> shapes)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var w = text.AsSpan(t.Start, t.Length);
            classes[i] = t.Kind == TokenKind.Word ? TaggerLexicon.Classify(w) : WordClass.None;
            words[i] = Lower(0, w);
            shapes[i] = Shape(0, w);
        }
    }

    /// <summary>
    /// Writes the feature hashes of token <paramref name="i"/> into <paramref name="output"/> (at least
    /// <see cref="MaxFeatures"/> long) and returns how many. <paramref name="hints"/> may be empty.
    /// </summary>
    /// <remarks>The order of the features is part of the model: the scores sum the weights in this order.</remarks>
    public static int Extract(string text, ReadOnlySpan<Token> tokens, int i, in SentenceInfo s, ReadOnlySpan<WordClass> classes,
        ReadOnlySpan<uint> words, ReadOnlySpan<uint> shapes, ReadOnlySpan<TaggerHints> hints, int bits, Span<int> output)
    {
        uint mask = (1u << bits) - 1;
        int n = 0;
        var t = tokens[i];
        var w = text.AsSpan(t.Start, t.Length);
        bool cap = t.Has(TokenFlags.Capitalized);

        output[n++] = (int)(Mix(1) & mask); // bias-like constant feature
        output[n++] = (int)(Mix(Combine(2, words[i])) & mask);
        output[n++] = (int)(Mix(Combine(3, shapes[i])) & mask);
        EmitAffixes(w, mask, output, ref n);
        EmitFlags(t, i, s, mask, output, ref n);
        EmitNeighbours(i, s, classes, words, shapes, hints, mask, output, ref n);

        // Conjunctions.
        if (i - 1 >= s.First)
        {
            output[n++] = (int)(Mix(Combine(Combine(100, words[i - 1]), words[i])) & mask);   // w-1|w0
            output[n++] = (int)(Mix(Combine(Combine(101, words[i - 1]), shapes[i])) & mask);  // w-1|shape0
        }
        if (i + 1 < s.End)
        {
            output[n++] = (int)(Mix(Combine(Combine(102, words[i]), words[i + 1])) & mask);   // w0|w+1
            output[n++] = (int)(Mix(Combine(Combine(103, shapes[i]), words[i + 1])) & mask);  // shape0|w+1
        }
        if (classes[i] != WordClass.None) EmitClasses(110, classes[i], mask, output, ref n);
        if (!hints.IsEmpty && hints[i] != TaggerHints.None)
        {
            uint h = (uint)hints[i];
            output[n++] = (int)(Mix(Combine(120, h)) & mask);
            output[n++] = (int)(Mix(Combine(121, h | (cap ? 0x100u : 0u))) & mask);
        }
        return n;
    }

    /// <summary>Prefixes and suffixes of one to four characters, and the letters before the first digit or hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitAffixes(ReadOnlySpan<char> w, uint mask, Span<int> output, ref int n)
    {
        for (int k = 1; k <= 4; k++)
        {
            if (w.Length > k)
            {
                output[n++] = (int)(Mix(Lower(10 + (uint)k, w[..k])) & mask);
                output[n++] = (int)(Mix(Lower(20 + (uint)k, w[^k..])) & mask);
            }
        }
        // Letters before the first digit or hyphen: "kh" of "Kh-999", "bm" of "BM-21".
        int cut = FirstDigitOrHyphen(w);
        if (cut > 0) output[n++] = (int)(Mix(Lower(30, w[..cut])) & mask);
    }

    /// <summary>The token's casing and digit flags, its place in the sentence and the sentence's casing: each, and all together.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitFlags(Token t, int i, in SentenceInfo s, uint mask, Span<int> output, ref int n)
    {
        uint flags = 0;
        if (t.Has(TokenFlags.Capitalized)) flags |= 1;
        if (t.Has(TokenFlags.AllCaps)) flags |= 2;
        if (t.Has(TokenFlags.HasDigit)) flags |= 4;
        if (t.Has(TokenFlags.HasHyphen)) flags |= 8;
        if (i == s.First) flags |= 16;
        if (i == s.End - 1) flags |= 32;
        if (s.TitleCase) flags |= 64;
        if (s.AllCaps) flags |= 128;
        for (uint b = 1; b <= 128; b <<= 1)
            if ((flags & b) != 0) output[n++] = (int)(Mix(Combine(40, b)) & mask);
        output[n++] = (int)(Mix(Combine(41, flags & 0xFF)) & mask);
        output[n++] = (int)(Mix(Combine(42, (uint)t.Kind)) & mask);
    }

    /// <summary>Neighbour words, shapes, word classes and hints, ±2 within the sentence (a boundary feature outside it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitNeighbours(int i, in SentenceInfo s, ReadOnlySpan<WordClass> classes, ReadOnlySpan<uint> words,
        ReadOnlySpan<uint> shapes, ReadOnlySpan<TaggerHints> hints, uint mask, Span<int> output, ref int n)
    {
        for (int d = -2; d <= 2; d++)
        {
            if (d == 0) continue;
            int j = i + d;
            uint slot = (uint)(d + 2);
            if (j < s.First || j >= s.End)
            {
                output[n++] = (int)(Mix(Combine(50 + slot, 0xB0u)) & mask); // boundary
                continue;
            }
            output[n++] = (int)(Mix(Combine(60 + slot, words[j])) & mask);
            if (d is -1 or 1) output[n++] = (int)(Mix(Combine(70 + slot, shapes[j])) & mask);
            var cj = classes[j];
            if (cj != WordClass.None) EmitClasses(80 + slot, cj, mask, output, ref n);
            if (!hints.IsEmpty && (d is -1 or 1) && hints[j] != TaggerHints.None)
                output[n++] = (int)(Mix(Combine(90 + slot, (uint)hints[j])) & mask);
        }
    }

    private static void EmitClasses(uint template, WordClass c, uint mask, Span<int> output, ref int n)
    {
        for (uint b = 1; b <= (uint)WordClass.Function; b <<= 1)
            if (((uint)c & b) != 0) output[n++] = (int)(Mix(Combine(template, b)) & mask);
    }

    private static int FirstDigitOrHyphen(ReadOnlySpan<char> w)
    {
        for (int k = 0; k < w.Length; k++)
            if (char.IsDigit(w[k]) || w[k] == '-') return k;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Combine(uint h, uint v) => unchecked((h ^ v) * FnvPrime + 0x9E3779B9u);

    private static uint Lower(uint seed, ReadOnlySpan<char> w)
    {
        uint h = unchecked((FnvOffset ^ seed) * FnvPrime);
        for (int k = 0; k < w.Length; k++)
        {
            char c = w[k];
            c = c < 0x80 ? (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c : LowerNonAscii(c);
            h = unchecked((h ^ c) * FnvPrime);
        }
        return h;
    }

    // char.ToLowerInvariant of every non-ASCII UTF-16 unit, filled on first sight: it goes through ICU, which costs far
    // more than a table read, and news text is full of curly quotes, dashes and accented names. 0 = not yet known (the
    // lower case of U+0000 is itself, so a race only computes an entry twice, with the same result).
    private static readonly char[] s_lower = new char[char.MaxValue + 1];

    private static char LowerNonAscii(char c)
    {
        char l = s_lower[c];
        if (l == '\0')
        {
            l = char.ToLowerInvariant(c);
            s_lower[c] = l;
        }
        return l;
    }

    /// <summary>Collapsed shape: "Kh-999" → "Xx-d", "Kharkiv" → "Xx", "HIMARS" → "X".</summary>
    private static uint Shape(uint seed, ReadOnlySpan<char> w)
    {
        uint h = unchecked((FnvOffset ^ seed) * FnvPrime);
        char last = '\0';
        for (int k = 0; k < w.Length; k++)
        {
            char c = w[k];
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (s == last) continue;
            last = s;
            h = unchecked((h ^ s) * FnvPrime);
        }
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h = unchecked(h * 0x85EBCA6Bu);
        h ^= h >> 13;
        h = unchecked(h * 0xC2B2AE35u);
        h ^= h >> 16;
        return h;
    }
}
