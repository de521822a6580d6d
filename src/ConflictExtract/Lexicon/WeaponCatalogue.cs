using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using ConflictExtract.Languages;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// The weapon catalogue: canonical designations, aliases, category, origin and range, loaded from
/// the embedded models/weapons/weapons.tsv, and a finder for catalogue weapons in tokenized text.
/// Immutable after construction and safe to share between threads.
/// </summary>
/// <remarks>
/// Matching is case-insensitive on <see cref="LexiconKey"/> forms, so "Kh-101", "KH101" and "Kh 101" are one key;
/// plurals ("Grads", "Shaheds", "Storm Shadows") match their singular. Aliases marked ambiguous in the
/// catalogue ("Grad", "Patriot", "Tornado", "Neptune") match only when capitalised, not followed by an
/// organisation word ("Quds Force", "Qassam Brigades") and with a weapon word ("missile", "fired",
/// "launcher", ...) within the same sentence (12 tokens either side).
/// A slash token is split into its parts: "Kh-101/Kh-555" gives two mentions, each with its own span;
/// a part that is not a designation by itself is completed with the previous part's prefix
/// ("KN-23/24" gives KN-23 on "KN-23" and KN-24 on the whole token "KN-23/24").
/// A hyphenated compound such as "Shahed-type" or "HIMARS-launched" yields the designation before the suffix.
/// </remarks>
public sealed class WeaponCatalogue
{
    /// <summary>Name of the embedded resource holding the default catalogue.</summary>
    internal const string ResourceName = "ConflictExtract.Models.weapons.weapons.tsv";

    private const int ContextWindow = 12;

    private static readonly Lazy<WeaponCatalogue> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    // Words read around an alias: Languages/English/weapon-context.txt (any case).

    /// <summary>Weapon words that make an ambiguous alias a weapon when one is within <see cref="ContextWindow"/> tokens.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContextWords =
        TextWords.English.WeaponContext.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after an ambiguous alias that make it the name of something else ("Quds Force", "Patriot Day").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockingNextWords =
        TextWords.English.BlockingNext.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before an ambiguous alias that show it is a person's name ("Abdel Fattah", "Mr Caesar").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockingPreviousWords =
        TextWords.English.BlockingPrevious.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parts after a hyphen that leave the designation before it ("Shahed-type", "HIMARS-launched").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DesignationSuffixes =
        TextWords.English.DesignationSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly WeaponEntry[] _entries;
    private readonly PhraseMatcher<Hit> _matcher;
    private readonly int _aliasCount;

    internal readonly record struct Hit(WeaponEntry Entry, bool Ambiguous);

    private WeaponCatalogue(WeaponEntry[] entries, PhraseMatcher<Hit> matcher, int aliasCount)
    {
        _entries = entries;
        _matcher = matcher;
        _aliasCount = aliasCount;
    }

    /// <summary>The catalogue embedded in the library (loaded once, on first use).</summary>
    public static WeaponCatalogue Default => LazyDefault.Value;

    /// <summary>Number of weapon systems.</summary>
    public int Count => _entries.Length;

    /// <summary>Number of distinct lookup keys written in the catalogue (names and aliases, without generated plurals).</summary>
    internal int AliasCount => _aliasCount;

    /// <summary>All systems, in catalogue order.</summary>
    public IReadOnlyList<WeaponEntry> Entries => _entries;

    /// <summary>Loads a catalogue in the weapons.tsv format. Throws <see cref="InvalidDataException"/> when the table has errors.</summary>
    public static WeaponCatalogue Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        var errors = new List<string>();
        var table = Parse(reader, errors);
        if (errors.Count > 0) throw new InvalidDataException("weapons.tsv: " + string.Join("; ", errors));
        return FromTable(table);
    }

    /// <summary>Looks up a name or alias in any spelling ("X-101", "kh101", "Geran-2"); ambiguous aliases are found too.</summary>
    public bool TryGet(string alias, out WeaponEntry entry)
    {
        entry = null!;
        if (string.IsNullOrEmpty(alias)) return false;
        Span<char> buf = stackalloc char[128];
        int n = LexiconKey.Append(alias, buf);
        if (n <= 0) return false;
        if (_matcher.TryGet(buf[..n], out var hit))
        {
            entry = hit.Entry;
            return true;
        }
        return false;
    }

    /// <summary>
    /// All catalogue weapons in <paramref name="text"/>, in text order, longest match first, one pass.
    /// <paramref name="tokens"/> must be the tokenizer's tokens of <paramref name="text"/>. Never throws on odd input.
    /// </summary>
    internal IReadOnlyList<WeaponMention> Find(string text, ReadOnlySpan<Token> tokens)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return [];
        // Count the virtual tokens: each slash inside a word splits it into parts separated by a "/" token.
        int virtualCount = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if ((uint)t.Start > (uint)text.Length || (uint)t.Length > (uint)(text.Length - t.Start)) return [];
            virtualCount += t.Kind == TokenKind.Word ? 3 + 2 * text.AsSpan(t.Start, t.Length).Count('/') : 1;
        }
        Token[] vt = ArrayPool<Token>.Shared.Rent(virtualCount);
        int[] origin = ArrayPool<int>.Shared.Rent(virtualCount);
        try
        {
            int n = Split(text, tokens, vt, origin);
            return Scan(text, tokens, vt.AsSpan(0, n), origin.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(vt);
            ArrayPool<int>.Shared.Return(origin);
        }
    }

    private static int Split(string text, ReadOnlySpan<Token> tokens, Token[] vt, int[] origin)
    {
        int n = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var s = t.Slice(text);
            if (t.Kind != TokenKind.Word || s.IndexOf('/') < 0)
            {
                // "Shahed-type", "Grad-style", "HIMARS-launched": the designation is the part before the suffix.
                int h = t.Kind == TokenKind.Word ? s.LastIndexOf('-') : -1;
                if (h > 0 && h < s.Length - 1 && DesignationSuffixes.Contains(s[(h + 1)..]))
                {
                    origin[n] = i;
                    vt[n++] = MakePart(text, t.Start, h, t.Flags);
                    origin[n] = i;
                    vt[n++] = new Token(t.Start + h, 1, TokenKind.Punctuation, TokenFlags.None);
                    origin[n] = i;
                    vt[n++] = MakePart(text, t.Start + h + 1, s.Length - h - 1, TokenFlags.None);
                    continue;
                }
                origin[n] = i;
                vt[n++] = t;
                continue;
            }
            int partStart = 0;
            for (int k = 0; k <= s.Length; k++)
            {
                if (k < s.Length && s[k] != '/') continue;
                if (k > partStart)
                {
                    origin[n] = i;
                    vt[n++] = MakePart(text, t.Start + partStart, k - partStart, t.Flags);
                }
                if (k < s.Length)
                {
                    origin[n] = i;
                    vt[n++] = new Token(t.Start + k, 1, TokenKind.Punctuation, TokenFlags.None);
                }
                partStart = k + 1;
            }
        }
        return n;
    }

    private static Token MakePart(string text, int start, int length, TokenFlags parent)
    {
        var s = text.AsSpan(start, length);
        bool digitsOnly = true;
        var flags = parent & (TokenFlags.NewlineBefore | TokenFlags.ParagraphBefore | TokenFlags.SpaceBefore);
        foreach (char c in s)
        {
            if (char.IsDigit(c)) flags |= TokenFlags.HasDigit;
            else digitsOnly = false;
            if (c == '-') flags |= TokenFlags.HasHyphen;
        }
        if (char.IsUpper(s[0])) flags |= TokenFlags.Capitalized;
        return new Token(start, length, digitsOnly ? TokenKind.Number : TokenKind.Word, flags);
    }

    private List<WeaponMention> Scan(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Token> vt, ReadOnlySpan<int> origin)
    {
        List<WeaponMention>? result = null;
        // The prefix ("KN-", "Kh-", "Shahed-") of the last matched part inside the current slash token.
        int prefixToken = -1, prefixStart = 0, prefixLength = 0;
        int i = 0;
        while (i < vt.Length)
        {
            var t = vt[i];
            if (t.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                i++;
                continue;
            }
            bool inSlash = i > 0 && origin[i - 1] == origin[i] && vt[i - 1].Length == 1 && text[vt[i - 1].Start] == '/';
            if (_matcher.TryMatchAt(text, vt, i, vt.Length, out var m))
            {
                if (!m.Value.Ambiguous || HasEvidence(text, vt, m.FirstToken, m.EndToken))
                {
                    (result ??= []).Add(new WeaponMention(m.Start, m.End, m.Value.Entry));
                    if (m.EndToken - m.FirstToken == 1 && PrefixLength(m.Start, m.End, text) is > 0 and var pl)
                    {
                        prefixToken = origin[i];
                        prefixStart = m.Start;
                        prefixLength = pl;
                    }
                    i = m.EndToken;
                    continue;
                }
            }
            else if (inSlash && prefixToken == origin[i] && TryExpand(text, prefixStart, prefixLength, t, out var hit))
            {
                var whole = tokens[origin[i]];
                (result ??= []).Add(new WeaponMention(whole.Start, whole.End, hit.Entry));
            }
            i++;
        }
        return result ?? [];
    }

    /// <summary>Length of the designation prefix of text[start, end): through the last hyphen, else up to the trailing digits.</summary>
    private static int PrefixLength(int start, int end, string text)
    {
        var s = text.AsSpan(start, end - start);
        int h = s.LastIndexOf('-');
        if (h > 0) return h + 1;
        int k = s.Length;
        while (k > 0 && char.IsDigit(s[k - 1])) k--;
        return k < s.Length ? k : 0;
    }

    private bool TryExpand(string text, int prefixStart, int prefixLength, Token part, out Hit hit)
    {
        hit = default;
        Span<char> buf = stackalloc char[128];
        int a = LexiconKey.Append(text.AsSpan(prefixStart, prefixLength), buf);
        if (a <= 0) return false;
        int b = LexiconKey.Append(part.Slice(text), buf[a..]);
        if (b <= 0) return false;
        return _matcher.TryGet(buf[..(a + b)], out hit);
    }

    private static bool HasEvidence(string text, ReadOnlySpan<Token> vt, int first, int end)
    {
        var head = vt[first].Slice(text);
        if (head.IsEmpty || !char.IsUpper(head[0])) return false;
        var blocking = BlockingNextWords;
        if (end < vt.Length && vt[end].Kind == TokenKind.Word)
        {
            var next = vt[end].Slice(text);
            if (blocking.Contains(next)) return false;
            // "Fattah al-Burhan", "Emad el-Din": a name continues.
            if (next.StartsWith("al-", StringComparison.OrdinalIgnoreCase) || next.StartsWith("el-", StringComparison.OrdinalIgnoreCase)) return false;
        }
        if (first > 0 && vt[first - 1].Kind == TokenKind.Word
            && BlockingPreviousWords.Contains(vt[first - 1].Slice(text))) return false;
        var context = ContextWords;
        for (int k = first - 1, steps = 0; k >= 0 && steps < ContextWindow; k--, steps++)
        {
            if (IsSentenceEnd(text, vt[k])) break;
            if (context.Contains(vt[k].Slice(text))) return true;
        }
        for (int k = end, steps = 0; k < vt.Length && steps < ContextWindow; k++, steps++)
        {
            if (IsSentenceEnd(text, vt[k])) break;
            if (context.Contains(vt[k].Slice(text))) return true;
        }
        return false;
    }

    private static bool IsSentenceEnd(string text, Token t)
    {
        if (t.Kind != TokenKind.Punctuation || t.Length != 1) return t.Has(TokenFlags.ParagraphBefore);
        char c = text[t.Start];
        return c is '.' or '!' or '?' or ';';
    }

    private static WeaponCatalogue LoadDefault()
    {
        var assembly = typeof(WeaponCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream(FindResourceName(assembly.GetManifestResourceNames()) ?? ResourceName)
            ?? throw new InvalidOperationException("Embedded resource " + ResourceName + " is missing.");
        return Load(stream);
    }

    /// <summary>
    /// The manifest name of the catalogue. The csproj's LogicalName keeps %(RecursiveDir)'s separator, so the
    /// resource is "ConflictExtract.Models.weapons/weapons.tsv" on Linux and "...weapons\weapons.tsv" on Windows;
    /// compare with separators folded to dots.
    /// </summary>
    internal static string? FindResourceName(string[] names)
    {
        foreach (var n in names)
        {
            if (n.Length != ResourceName.Length) continue;
            bool same = true;
            for (int i = 0; i < n.Length && same; i++)
            {
                char c = n[i] is '/' or '\\' ? '.' : n[i];
                same = c == ResourceName[i];
            }
            if (same) return n;
        }
        return null;
    }

    // ---- table ----

    /// <summary>One parsed row: the entry, its written aliases (name first) and which of them are ambiguous.</summary>
    internal sealed record Row(int Line, WeaponEntry Entry, string[] AllNames, HashSet<string> Ambiguous);

    /// <summary>Parses weapons.tsv, appending every problem to <paramref name="errors"/> (never throws on content).</summary>
    internal static List<Row> Parse(TextReader reader, List<string> errors)
    {
        var rows = new List<Row>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keyOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        bool header = false;
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (!header)
            {
                header = true;
                if (cols[0] == "name") continue;
                errors.Add($"line {lineNo}: missing header");
            }
            if (cols.Length is < 6 or > 7)
            {
                errors.Add($"line {lineNo}: {cols.Length} columns, expected 7");
                continue;
            }
            string name = cols[0].Trim();
            if (name.Length == 0) { errors.Add($"line {lineNo}: empty name"); continue; }
            if (!names.Add(name)) errors.Add($"line {lineNo}: duplicate name {name}");
            var aliases = SplitList(cols[1]);
            if (!WeaponCategories.TryParse(cols[2].Trim(), out var category))
                errors.Add($"line {lineNo}: {name}: unknown category '{cols[2]}'");
            string origin = cols[3].Trim();
            if (origin.Length != 0 && !(origin.Length == 2 && char.IsAsciiLetterUpper(origin[0]) && char.IsAsciiLetterUpper(origin[1])))
                errors.Add($"line {lineNo}: {name}: origin '{origin}' is not an ISO alpha-2 code");
            int? range = null;
            string r = cols[4].Trim();
            if (r.Length > 0)
            {
                if (int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int km) && km > 0) range = km;
                else errors.Add($"line {lineNo}: {name}: bad maxRangeKm '{r}'");
            }
            string[] all = [name, .. aliases];
            var ambiguous = new HashSet<string>(SplitList(cols.Length > 6 ? cols[6] : ""), StringComparer.Ordinal);
            foreach (var a in ambiguous)
                if (Array.IndexOf(all, a) < 0) errors.Add($"line {lineNo}: {name}: ambiguous '{a}' is not one of its names");
            foreach (var a in all)
            {
                string key = LexiconKey.Of(a);
                if (key.Length == 0) { errors.Add($"line {lineNo}: {name}: alias '{a}' has no letters or digits"); continue; }
                if (key.Length > 120) { errors.Add($"line {lineNo}: {name}: alias '{a}' too long"); continue; }
                if (keyOwner.TryGetValue(key, out var owner) && owner != name)
                    errors.Add($"line {lineNo}: alias '{a}' of {name} collides with {owner}");
                else keyOwner[key] = name;
            }
            var entry = new WeaponEntry(name, category, origin.Length == 0 ? null : origin, range, aliases, cols[5].Trim())
            {
                AmbiguousAliases = [.. ambiguous],
            };
            rows.Add(new Row(lineNo, entry, all, ambiguous));
        }
        if (!header) errors.Add("empty table");
        return rows;
    }

    private static string[] SplitList(string s) =>
        s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static WeaponCatalogue FromTable(List<Row> rows)
    {
        var entries = new WeaponEntry[rows.Count];
        var phrases = new List<(string, Hit)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            entries[i] = rows[i].Entry;
            foreach (var a in rows[i].AllNames)
            {
                var hit = new Hit(rows[i].Entry, rows[i].Ambiguous.Contains(a));
                phrases.Add((a, hit));
                keys.Add(LexiconKey.Of(a));
                // The tokenizer splits a possessive off ("David" "'s" "Sling"): register that token boundary too.
                int apos = a.IndexOfAny(['\'', '\u2019']);
                if (apos > 0) phrases.Add((a[..apos] + " " + a[apos..], hit));
            }
        }
        int written = keys.Count;
        // Generated plurals come after every written alias, so they never shadow one.
        foreach (var row in rows)
        {
            foreach (var a in row.AllNames)
            {
                char last = a[^1];
                if (!char.IsLetterOrDigit(last) || last is 's' or 'S') continue;
                string plural = a + "s";
                if (keys.Add(LexiconKey.Of(plural))) phrases.Add((plural, new Hit(row.Entry, row.Ambiguous.Contains(a))));
            }
        }
        return new WeaponCatalogue(entries, new PhraseMatcher<Hit>(phrases), written);
    }
}
