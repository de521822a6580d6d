using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>A phrase found by a <see cref="PhraseMatcher{T}"/>: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>).</summary>
internal readonly record struct PhraseMatch<T>(int FirstToken, int EndToken, int Start, int End, T Value);

/// <summary>
/// Finds dictionary phrases in a token stream in one left-to-right pass, longest match first.
/// Phrases are stored under <see cref="LexiconKey"/>; a phrase of several tokens is the
/// concatenation of its tokens' keys, so "Kryvyi Rih", "Kh-101" and "Kh 101" all match.
/// Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, T> _phrases;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _prefixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly int _maxTokens;

    /// <summary>Builds a matcher. Each phrase is given with the number of tokens it spans in text (1 for "Kh-101", 2 for "Kryvyi Rih"); later duplicates of a key are ignored.</summary>
    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, int maxTokens = 6)
    {
        _maxTokens = maxTokens;
        _phrases = new Dictionary<string, T>(StringComparer.Ordinal);
        _prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            string key = LexiconKey.Of(phrase);
            if (key.Length == 0) continue;
            _phrases.TryAdd(key, value);
            // Every token-boundary prefix of the phrase lets the scan continue past that token.
            var parts = phrase.Split([' ', '-', '\u2011', '/'], StringSplitOptions.RemoveEmptyEntries);
            string acc = "";
            for (int i = 0; i < parts.Length - 1; i++)
            {
                acc += LexiconKey.Of(parts[i]);
                if (acc.Length > 0) _prefixes.Add(acc);
            }
        }
        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _phrases.Count;

    /// <summary>Looks up a single key (already in <see cref="LexiconKey"/> form).</summary>
    public bool TryGet(ReadOnlySpan<char> key, out T value) => _lookup.TryGetValue(key, out value!);

    /// <summary>Longest phrase starting at token <paramref name="first"/>, within [first, limit).</summary>
    public bool TryMatchAt(string text, ReadOnlySpan<Token> tokens, int first, int limit, out PhraseMatch<T> match)
    {
        match = default;
        Span<char> buf = stackalloc char[128];
        int len = 0;
        bool found = false;
        int end = Math.Min(limit, first + _maxTokens);
        for (int i = first; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.Url) break;
            if (i > first && t.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                // Only a hyphen or slash may join the parts of a phrase ("Kamianets - Podilskyi" does not, "Kh - 101" does not).
                break;
            }
            int n = LexiconKey.Append(t.Slice(text), buf[len..]);
            if (n < 0) break;
            if (n == 0)
            {
                if (i == first) return false;
                continue;
            }
            len += n;
            var key = buf[..len];
            if (_lookup.TryGetValue(key, out var v))
            {
                match = new PhraseMatch<T>(first, i + 1, tokens[first].Start, t.End, v);
                found = true;
            }
            if (!_prefixLookup.Contains(key)) break;
        }
        return found;
    }

    /// <summary>All non-overlapping longest matches in tokens [from, to), appended to <paramref name="output"/>.</summary>
    public void FindAll(string text, ReadOnlySpan<Token> tokens, int from, int to, List<PhraseMatch<T>> output)
    {
        int i = from;
        while (i < to)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number && TryMatchAt(text, tokens, i, to, out var m))
            {
                output.Add(m);
                i = m.EndToken;
            }
            else i++;
        }
    }
}
