using System.Buffers;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>
/// The actor catalogue: the armed forces of states and the non-state groups of today's conflicts, with canonical names
/// (the contract's <c>attackerName</c>), aliases, kind, country and sources, loaded from the embedded
/// models/actors/actors.tsv, and a finder for actor mentions in tokenized text.
/// Immutable after construction and safe to share between threads.
/// </summary>
/// <remarks>
/// Matching runs the <see cref="PhraseMatcher{T}"/> over <see cref="LexiconKey"/> forms, longest match first, one pass.
/// Case: a name written with capitals in a phrase of several words ("Islamic State", "Russian forces") needs those
/// capitals in the text ("an Islamic state" is not the group); a short acronym (three letters or fewer: "IS", "IDF",
/// "RSF", "US") matches only in capitals, and not inside an all-capitals line when it is also an English word
/// ("KYIV IS UNDER ATTACK"); other single words match in any case ("Hamas", "HAMAS", "hamas"). State names need their
/// capitals ("turkey" is a bird); context-dependent aliases ("the enemy", "orcs") match in any case.
/// An adjective ("Russian", "Houthi") is a mention only before a head noun: a force, an act of force or a weapon
/// ("Russian forces", "Russian shelling", "Russian cruise missiles"); for a non-state actor also an irregular fighter noun
/// ("Houthi rebels"). "Russian" alone, "Ukrainian positions" and "Russian-made" are not mentions.
/// A name in a hyphenated compound ("Hamas-run", "al-Shabaab-linked", "Iran-backed") is a mention with
/// <see cref="ActorMentionFlags.Compound"/>; the words after a mention set <see cref="ActorMentionFlags.Institution"/>
/// ("Taliban government") and <see cref="ActorMentionFlags.ModifiesTarget"/> ("Hamas positions"). Ambiguous aliases
/// ("Wagner", "RSF", "ADF", "M23") need a head noun after them or one of the actor's cue words in the sentence, and are
/// refused after a person's given name or role ("Richard Wagner", "the composer Wagner").
/// </remarks>
public sealed class ActorCatalogue
{
    /// <summary>Name of the embedded resource holding the default catalogue.</summary>
    internal const string ResourceName = "ConflictExtract.Models.actors.actors.tsv";

    /// <summary>The longest phrase, in tokens ("Armed Forces of the Democratic Republic of the Congo" is 9).</summary>
    internal const int MaxPhraseTokens = 10;

    private const int CueWindow = 25;
    private const int HeadWindow = 5;
    private const int MaxModifiers = 3;

    // A per-thread scratch list for the mentions of one call: Find then allocates only the result array, of exactly the
    // number of mentions. Lists grown past MaxKeptScratch are not kept.
    private const int MaxKeptScratch = 4096;
    [ThreadStatic] private static List<ActorMention>? t_scratch;

    private static readonly Lazy<ActorCatalogue> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ActorEntry[] _entries;
    private readonly PhraseMatcher<Hit> _matcher;
    private readonly int _keyCount;
    private readonly Dictionary<string, ActorEntry> _byName;

    /// <summary>How a key names its actor.</summary>
    internal enum KeyForm : byte
    {
        Name,
        Alias,
        Adjective,
        StateName,
        Context,
    }

    /// <summary>What a matcher key stands for; one instance per key, shared by every mention of it.</summary>
    internal sealed class Hit(ActorEntry entry, KeyForm form, bool ambiguous, string? caps, bool guardAllCaps, ActorContextReading[]? readings, Cues? cues)
    {
        public ActorEntry Entry { get; } = entry;
        public KeyForm Form { get; } = form;
        public bool Ambiguous { get; } = ambiguous;
        /// <summary>Per key character: 'U' where the text must have a capital, '.' elsewhere; null when case does not matter.</summary>
        public string? Caps { get; } = caps;
        /// <summary>An acronym that is also an English word ("IS", "US"): refused inside an all-capitals line.</summary>
        public bool GuardAllCaps { get; } = guardAllCaps;
        public ActorContextReading[]? Readings { get; } = readings;
        public Cues? Cues { get; } = cues;
    }

    /// <summary>An actor's cue words: those written in capitals ("CAR", "SAF") match exactly, the others in any case.</summary>
    internal sealed class Cues
    {
        private readonly HashSet<string> _exact;
        private readonly HashSet<string> _folded;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _foldedLookup;

        public Cues(IEnumerable<string> words)
        {
            _exact = new HashSet<string>(StringComparer.Ordinal);
            _folded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var w in words)
            {
                bool allCaps = w.Any(char.IsLetter) && !w.Any(char.IsLower);
                (allCaps ? _exact : _folded).Add(w);
            }
            _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            _foldedLookup = _folded.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool Contains(ReadOnlySpan<char> word) => _exactLookup.Contains(word) || _foldedLookup.Contains(word);
    }

    /// <summary>
    /// Every beginning of every phrase's key, and of those that may begin in lower case ("enemy", "hamas", "russian"): a
    /// word of plain letters whose key is none of them starts no mention, so <see cref="FindInto"/> does not try the
    /// matcher there.
    /// </summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _starts, _lowerStarts;

    private ActorCatalogue(ActorEntry[] entries, PhraseMatcher<Hit> matcher, int keyCount, HashSet<string> starts, HashSet<string> lowerStarts)
    {
        _entries = entries;
        _matcher = matcher;
        _keyCount = keyCount;
        _starts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowerStarts = lowerStarts.GetAlternateLookup<ReadOnlySpan<char>>();
        _byName = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _byName[e.Name] = e;
    }

    /// <summary>The catalogue embedded in the library (loaded once, on first use).</summary>
    public static ActorCatalogue Default => LazyDefault.Value;

    /// <summary>Number of actors.</summary>
    public int Count => _entries.Length;

    /// <summary>Number of distinct lookup keys (names, aliases, adjectives, state names and context aliases).</summary>
    internal int KeyCount => _keyCount;

    /// <summary>All actors, in catalogue order.</summary>
    public IReadOnlyList<ActorEntry> Entries => _entries;

    /// <summary>Loads a catalogue in the actors.tsv format. Throws <see cref="InvalidDataException"/> when the table has errors.</summary>
    public static ActorCatalogue Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        var errors = new List<string>();
        var table = Parse(reader, errors);
        if (errors.Count > 0) throw new InvalidDataException("actors.tsv: " + string.Join("; ", errors));
        return FromTable(table);
    }

    /// <summary>The actor with canonical name <paramref name="name"/> (exact, as in the catalogue).</summary>
    public bool TryGetByName(string name, out ActorEntry entry)
    {
        entry = null!;
        return name is not null && _byName.TryGetValue(name, out entry!);
    }

    /// <summary>
    /// Looks up a name, alias, adjective or state name in any spelling and case ("IDF", "al-Shabab", "Houthi", "Russia");
    /// context-dependent aliases ("the enemy") are not found here.
    /// </summary>
    public bool TryGet(string phrase, out ActorEntry entry)
    {
        entry = null!;
        if (string.IsNullOrEmpty(phrase)) return false;
        Span<char> buf = stackalloc char[128];
        int n = LexiconKey.Append(phrase, buf);
        if (n <= 0) return false;
        if (_matcher.TryGet(buf[..n], out var hit) && hit.Form != KeyForm.Context)
        {
            entry = hit.Entry;
            return true;
        }
        return false;
    }

    /// <summary>
    /// All actor mentions in <paramref name="text"/>, in token order, longest match first, one pass.
    /// <paramref name="tokens"/> must be the tokenizer's tokens of <paramref name="text"/>. Never throws on odd input;
    /// allocates only the result array, of exactly the number of mentions (work arrays are pooled).
    /// </summary>
    internal IReadOnlyList<ActorMention> Find(string text, ReadOnlySpan<Token> tokens)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return [];
        var list = t_scratch ?? new List<ActorMention>(64);
        t_scratch = null; // re-entrancy safe: a nested call on this thread gets its own list
        list.Clear();
        try
        {
            FindInto(text, tokens, list);
            return list.Count == 0 ? [] : list.ToArray();
        }
        finally
        {
            if (list.Capacity <= MaxKeptScratch)
            {
                list.Clear();
                t_scratch = list;
            }
        }
    }

    /// <summary>
    /// Appends the mentions <see cref="Find"/> returns to <paramref name="into"/> (the record layer's per-document list, so
    /// that a document allocates nothing for them). <paramref name="tokens"/> may be a stretch of the document's tokens
    /// that starts at token <paramref name="tokenOffset"/>: the mentions' token indexes are then the document's.
    /// </summary>
    internal void FindInto(string text, ReadOnlySpan<Token> tokens, List<ActorMention> into, int tokenOffset = 0)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return;
        int count = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if ((uint)t.Start > (uint)text.Length || (uint)t.Length > (uint)(text.Length - t.Start)) return;
            count += t.Kind == TokenKind.Word && t.Has(TokenFlags.HasHyphen) ? 2 : 1;
        }
        var vt = ArrayPool<Token>.Shared.Rent(count);
        var origin = ArrayPool<int>.Shared.Rent(count);
        var part = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            int n = Split(text, tokens, vt, origin, part);
            if (tokenOffset != 0)
                for (int i = 0; i < n; i++) origin[i] += tokenOffset;
            var scan = new Scan(this, text, vt.AsSpan(0, n), origin.AsSpan(0, n), part.AsSpan(0, n), into, skipPlainLower: true);
            scan.Run();
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(vt);
            ArrayPool<int>.Shared.Return(origin);
            ArrayPool<byte>.Shared.Return(part);
        }
    }

    /// <summary>
    /// A word of plain ASCII letters whose key begins no phrase's key (none that may begin in lower case, for a word that
    /// does not begin with a capital): no mention starts there. Such words are most of a text; the test costs one lookup
    /// instead of the matcher's.
    /// </summary>
    private bool CannotStart(string text, Token t)
    {
        if (t.Kind != TokenKind.Word || (t.Flags & (TokenFlags.HasHyphen | TokenFlags.HasDigit)) != 0) return false;
        var w = t.Slice(text);
        foreach (char c in w)
            if (!char.IsAsciiLetter(c)) return false;
        return char.IsAsciiLetterUpper(w[0]) ? !_starts.Contains(w) : !_lowerStarts.Contains(w);
    }

    // ---- virtual tokens ----

    private const byte Whole = 0, Prefix = 1, SuffixPart = 2;

    /// <summary>
    /// The tokens the matcher sees: a compound "Hamas-run" becomes "Hamas" + "run" (no hyphen between, so "US-led coalition"
    /// still concatenates to its key), and the apostrophe of a plural possessive ("Workers' Party") is dropped.
    /// </summary>
    private static int Split(string text, ReadOnlySpan<Token> tokens, Token[] vt, int[] origin, byte[] part)
    {
        var suffixes = ActorWords.SuffixLookup;
        int n = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation && t.Length == 1 && text[t.Start] is '\'' or '\u2019' && !t.Has(TokenFlags.SpaceBefore)
                && i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].End == t.Start && text[t.Start - 1] is 's' or 'S')
                continue;
            if (t.Kind == TokenKind.Word && t.Has(TokenFlags.HasHyphen))
            {
                var s = t.Slice(text);
                int h = s.LastIndexOf('-');
                if (h > 0 && h < s.Length - 1 && suffixes.Contains(s[(h + 1)..]))
                {
                    origin[n] = i;
                    part[n] = Prefix;
                    vt[n++] = MakePart(text, t.Start, h, t.Flags);
                    origin[n] = i;
                    part[n] = SuffixPart;
                    vt[n++] = MakePart(text, t.Start + h + 1, s.Length - h - 1, TokenFlags.None);
                    continue;
                }
            }
            origin[n] = i;
            part[n] = Whole;
            vt[n++] = t;
        }
        return n;
    }

    private static Token MakePart(string text, int start, int length, TokenFlags parent)
    {
        var s = text.AsSpan(start, length);
        var flags = parent & (TokenFlags.NewlineBefore | TokenFlags.ParagraphBefore | TokenFlags.SpaceBefore);
        int letters = 0, upper = 0;
        foreach (char c in s)
        {
            if (char.IsDigit(c)) flags |= TokenFlags.HasDigit;
            else if (c == '-') flags |= TokenFlags.HasHyphen;
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
        }
        if (s.Length > 0 && char.IsUpper(s[0])) flags |= TokenFlags.Capitalized;
        if (letters >= 2 && upper == letters) flags |= TokenFlags.AllCaps;
        return new Token(start, length, TokenKind.Word, flags);
    }

    // ---- the scan ----

    private readonly ref struct Scan
    {
        private readonly ActorCatalogue _cat;
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _vt;
        private readonly ReadOnlySpan<int> _origin;
        private readonly ReadOnlySpan<byte> _part;
        private readonly List<ActorMention> _result;
        private readonly bool _skipPlainLower;

        public Scan(ActorCatalogue cat, string text, ReadOnlySpan<Token> vt, ReadOnlySpan<int> origin, ReadOnlySpan<byte> part, List<ActorMention> result,
            bool skipPlainLower = false)
        {
            _cat = cat;
            _text = text;
            _vt = vt;
            _origin = origin;
            _part = part;
            _result = result;
            _skipPlainLower = skipPlainLower;
        }

        public void Run()
        {
            int i = 0;
            while (i < _vt.Length)
            {
                var t = _vt[i];
                if (t.Kind is not (TokenKind.Word or TokenKind.Number) || _part[i] == SuffixPart || _skipPlainLower && _cat.CannotStart(_text, t))
                {
                    i++;
                    continue;
                }
                int next = -1;
                int limit = _vt.Length;
                while (_cat._matcher.TryMatchAt(_text, _vt, i, limit, out var m))
                {
                    next = Accept(m);
                    if (next > i) break;
                    // Refused: try the next shorter phrase at the same token ("russian forces" -> "russian" + head).
                    limit = m.EndToken - 1;
                    if (limit <= i) break;
                }
                i = next > i ? next : i + 1;
            }
        }

        /// <summary>Emits the mention a match makes, if any; returns the token to continue from, or -1 when refused.</summary>
        private int Accept(in PhraseMatch<Hit> m)
        {
            var hit = m.Value;
            int first = m.FirstToken, end = m.EndToken;
            if (hit.Caps is not null && !CapsMatch(m.Start, m.End, hit.Caps)) return -1;
            if (hit.GuardAllCaps && InAllCapsLine(first, end)) return -1;
            bool compound = _part[end - 1] == Prefix;
            string? suffix = compound ? SuffixWord(end) : null;
            int afterCompound = compound ? end + 1 : end;
            var flags = compound ? ActorMentionFlags.Compound : ActorMentionFlags.None;

            switch (hit.Form)
            {
                case KeyForm.Adjective:
                {
                    if (compound) return -1; // "Russian-made", "Russian-occupied": not an actor
                    bool irregular = hit.Entry.Kind == ActorKind.NonState;
                    int head = HeadRun(end, irregular, out bool weapon);
                    if (head >= 0)
                    {
                        if (weapon) flags |= ActorMentionFlags.WeaponHead;
                        flags |= After(head + 1);
                        Emit(first, head + 1, m.Start, _vt[head].End, hit, ActorMentionForm.Adjective, flags, head, null);
                        return head + 1;
                    }
                    int inst = InstitutionAt(end);
                    if (inst >= 0)
                    {
                        Emit(first, inst + 1, m.Start, _vt[inst].End, hit, ActorMentionForm.Adjective, flags | ActorMentionFlags.Institution, inst, null);
                        return inst + 1;
                    }
                    int shared = CoordinatedHead(end, out bool sharedWeapon);
                    if (shared >= 0)
                    {
                        if (sharedWeapon) flags |= ActorMentionFlags.WeaponHead;
                        Emit(first, end, m.Start, m.End, hit, ActorMentionForm.Adjective, flags, shared, null);
                        return end;
                    }
                    return -1;
                }
                case KeyForm.StateName:
                {
                    if (hit.Ambiguous)
                    {
                        if (!AmbiguousEvidence(hit, first, afterCompound)) return -1;
                        flags |= ActorMentionFlags.Ambiguous;
                    }
                    if (compound)
                    {
                        flags |= After(afterCompound);
                        Emit(first, end, m.Start, m.End, hit, ActorMentionForm.StateName, flags, -1, suffix);
                        return afterCompound;
                    }
                    bool possessive = end < _vt.Length && IsPossessive(_vt[end]);
                    int from = possessive ? end + 1 : end;
                    if (possessive) flags |= ActorMentionFlags.Possessive;
                    int head = HeadRun(from, false, out bool weapon);
                    if (head >= 0)
                    {
                        if (weapon) flags |= ActorMentionFlags.WeaponHead;
                        flags |= After(head + 1);
                        Emit(first, head + 1, m.Start, _vt[head].End, hit, ActorMentionForm.Adjective, flags, head, null);
                        return head + 1;
                    }
                    int inst = InstitutionAt(from);
                    if (inst >= 0)
                    {
                        Emit(first, inst + 1, m.Start, _vt[inst].End, hit, ActorMentionForm.Adjective, flags | ActorMentionFlags.Institution, inst, null);
                        return inst + 1;
                    }
                    if (possessive) return -1; // "Russia's war", "Ukraine's energy system": not an actor
                    int shared = CoordinatedHead(end, out bool sharedWeapon);
                    if (shared >= 0)
                    {
                        // "US and British warplanes": the state's name shares the head of the adjective after it.
                        if (sharedWeapon) flags |= ActorMentionFlags.WeaponHead;
                        Emit(first, end, m.Start, m.End, hit, ActorMentionForm.Adjective, flags, shared, null);
                        return end;
                    }
                    flags |= After(end);
                    Emit(first, end, m.Start, m.End, hit, ActorMentionForm.StateName, flags, -1, null);
                    return end;
                }
                case KeyForm.Context:
                {
                    if (compound) return -1; // "enemy-held": a place, not an actor
                    int head = HeadRun(end, true, out _);
                    int last = head >= 0 ? head : end - 1;
                    flags |= After(last + 1);
                    Emit(first, last + 1, m.Start, _vt[last].End, hit, ActorMentionForm.ContextAlias, flags, head, null);
                    return last + 1;
                }
                default:
                {
                    if (hit.Ambiguous)
                    {
                        if (!AmbiguousEvidence(hit, first, afterCompound)) return -1;
                        flags |= ActorMentionFlags.Ambiguous;
                    }
                    var form = hit.Form == KeyForm.Name ? ActorMentionForm.Name : ActorMentionForm.Alias;
                    if (compound)
                    {
                        flags |= After(afterCompound);
                        Emit(first, end, m.Start, m.End, hit, form, flags, -1, suffix);
                        return afterCompound;
                    }
                    int from = end < _vt.Length && IsPossessive(_vt[end]) ? end + 1 : end;
                    int head = HeadRun(from, true, out _);
                    flags |= After(head >= 0 ? head + 1 : from);
                    Emit(first, end, m.Start, m.End, hit, form, flags, head, null);
                    return head >= 0 ? head + 1 : end;
                }
            }
        }

        private void Emit(int first, int end, int start, int stop, Hit hit, ActorMentionForm form, ActorMentionFlags flags, int head, string? suffix) =>
            _result.Add(new ActorMention(_origin[first], _origin[end - 1] + 1, start, stop, hit.Entry, form, flags,
                head >= 0 ? _origin[head] : -1, suffix, hit.Readings));

        /// <summary>The interned suffix word of the compound whose name part ends at token <paramref name="end"/> - 1.</summary>
        private string? SuffixWord(int end) =>
            end < _vt.Length && ActorWords.SuffixLookup.TryGetValue(_vt[end].Slice(_text), out var s) ? s : null;

        /// <summary>Every capital the catalogue wrote (where <paramref name="caps"/> has 'U') is a capital in the text.</summary>
        private bool CapsMatch(int start, int end, string caps)
        {
            Span<char> one = stackalloc char[1];
            int k = 0;
            for (int p = start; p < end && k < caps.Length; p++)
            {
                char c = _text[p];
                if (LexiconKey.Append(new ReadOnlySpan<char>(in c), one) != 1) continue;
                if (caps[k] == 'U' && !char.IsUpper(c)) return false;
                k++;
            }
            return true;
        }

        /// <summary>A neighbouring word is in capitals too: the acronym is an English word of an all-capitals line.</summary>
        private bool InAllCapsLine(int first, int end)
        {
            if (first > 0 && _vt[first - 1].Kind == TokenKind.Word && _vt[first - 1].Has(TokenFlags.AllCaps)) return true;
            return end < _vt.Length && _vt[end].Kind == TokenKind.Word && _vt[end].Has(TokenFlags.AllCaps);
        }

        private bool IsPossessive(Token t)
        {
            if (t.Kind != TokenKind.Word || t.Length != 2) return false;
            var s = t.Slice(_text);
            return s[0] is '\'' or '\u2019' && s[1] is 's' or 'S';
        }

        /// <summary>
        /// The last head noun of the phrase starting at <paramref name="k0"/>: heads and modifiers ("armed", "cruise", a
        /// designation such as "Kh-101") up to <see cref="HeadWindow"/> tokens; -1 when there is none.
        /// </summary>
        private int HeadRun(int k0, bool irregular, out bool weapon)
        {
            weapon = false;
            int last = -1, mods = 0;
            for (int k = k0; k < _vt.Length && k < k0 + HeadWindow; k++)
            {
                var t = _vt[k];
                if (t.Kind != TokenKind.Word || _part[k] == SuffixPart) break;
                var s = t.Slice(_text);
                if (IsHead(s, k, irregular, out bool w))
                {
                    last = k;
                    weapon = w;
                    continue;
                }
                if (mods < MaxModifiers && IsModifier(t, s, k))
                {
                    mods++;
                    continue;
                }
                break;
            }
            return last;
        }

        private bool IsHead(ReadOnlySpan<char> s, int k, bool irregular, out bool weapon)
        {
            weapon = false;
            if (ActorWords.ForceHeadLookup.Contains(s) || ActorWords.ActHeadLookup.Contains(s)) return true;
            if (ActorWords.WeaponHeadLookup.Contains(s))
            {
                weapon = true;
                return true;
            }
            if (irregular && ActorWords.IrregularHeadLookup.Contains(s)) return true;
            return ActorWords.DefenceLookup.Contains(s) && k > 0 && _vt[k - 1].Slice(_text).Equals("air", StringComparison.OrdinalIgnoreCase);
        }

        private bool IsModifier(Token t, ReadOnlySpan<char> s, int k)
        {
            if (ActorWords.ModifierLookup.Contains(s)) return true;
            // A designation or a capitalised name between adjective and head ("Russian Kh-101 missiles", "Russian Black Sea Fleet"),
            // unless it is an office, a target or an actor of its own ("Russian Wagner mercenaries").
            if (!(t.Has(TokenFlags.HasDigit) || t.Has(TokenFlags.HasHyphen) || t.Has(TokenFlags.Capitalized))) return false;
            if (ActorWords.InstitutionLookup.Contains(s) || ActorWords.TargetLookup.Contains(s)) return false;
            return !StartsActor(k);
        }

        private bool StartsActor(int k) => _cat._matcher.TryMatchAt(_text, _vt, k, _vt.Length, out _);

        /// <summary>An institution noun at <paramref name="k"/>, or after up to two institution modifiers ("health ministry", "de facto authorities").</summary>
        private int InstitutionAt(int k)
        {
            if (k < _vt.Length && IsPossessive(_vt[k])) k++;
            for (int j = k; j < _vt.Length && j < k + 3; j++)
            {
                if (_vt[j].Kind != TokenKind.Word) return -1;
                var s = _vt[j].Slice(_text);
                if (ActorWords.InstitutionLookup.Contains(s)) return j;
                if (!ActorWords.InstitutionModifierLookup.Contains(s)) return -1;
            }
            return -1;
        }

        private ActorMentionFlags After(int k)
        {
            if (InstitutionAt(k) >= 0) return ActorMentionFlags.Institution;
            if (k < _vt.Length && IsPossessive(_vt[k])) k++;
            if (k < _vt.Length && _vt[k].Kind == TokenKind.Word && ActorWords.SpeakerLookup.Contains(_vt[k].Slice(_text)))
                return ActorMentionFlags.Institution;
            // "Hamas military positions", "enemy artillery positions": skip modifiers before the target noun.
            for (int j = k; j < _vt.Length && j < k + 3; j++)
            {
                if (_vt[j].Kind != TokenKind.Word) break;
                var s = _vt[j].Slice(_text);
                if (ActorWords.TargetLookup.Contains(s)) return ActorMentionFlags.ModifiesTarget;
                if (!ActorWords.ModifierLookup.Contains(s)) break;
            }
            return ActorMentionFlags.None;
        }

        /// <summary>"Russian and Belarusian troops": the head of the adjective (or force alias) after a coordinator.</summary>
        private int CoordinatedHead(int k, out bool weapon)
        {
            weapon = false;
            if (k + 1 >= _vt.Length || !ActorWords.CoordinatorLookup.Contains(_vt[k].Slice(_text))) return -1;
            if (!_cat._matcher.TryMatchAt(_text, _vt, k + 1, _vt.Length, out var m)) return -1;
            if (_part[m.EndToken - 1] == Prefix) return -1;
            var form = m.Value.Form;
            if (form is KeyForm.Adjective or KeyForm.StateName)
                return HeadRun(m.EndToken, m.Value.Entry.Kind == ActorKind.NonState, out weapon);
            if (form is KeyForm.Alias or KeyForm.Name)
            {
                int last = m.EndToken - 1;
                return IsHead(_vt[last].Slice(_text), last, false, out weapon) ? last : -1;
            }
            return -1;
        }

        /// <summary>An ambiguous alias needs a head noun after it or a cue in its sentence, and no person's name or role before it.</summary>
        private bool AmbiguousEvidence(Hit hit, int first, int end)
        {
            if (PersonBefore(first, hit.Cues)) return false;
            if (HeadRun(end, true, out _) >= 0) return true;
            var cues = hit.Cues;
            if (cues is null) return false;
            for (int k = first - 1, steps = 0; k >= 0 && steps < CueWindow; k--, steps++)
            {
                if (IsSentenceEnd(_text, _vt[k])) break;
                if (cues.Contains(_vt[k].Slice(_text))) return true;
                if (_vt[k].Has(TokenFlags.ParagraphBefore)) break;
            }
            for (int k = end, steps = 0; k < _vt.Length && steps < CueWindow; k++, steps++)
            {
                if (IsSentenceEnd(_text, _vt[k]) || _vt[k].Has(TokenFlags.ParagraphBefore)) break;
                if (cues.Contains(_vt[k].Slice(_text))) return true;
            }
            return false;
        }

        /// <summary>A person's role or given name before the alias ("composer Wagner", "Richard Wagner"); a cue word is not one ("Paramilitary RSF").</summary>
        private bool PersonBefore(int first, Cues? cues)
        {
            int p = first - 1;
            if (p < 0 || _vt[p].Kind != TokenKind.Word) return false;
            var t = _vt[p];
            var s = t.Slice(_text);
            if (ActorWords.PersonRoleLookup.Contains(s)) return true;
            if (!t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.HasHyphen)) return false;
            if (ActorWords.SentenceStarterLookup.Contains(s) || (cues is not null && cues.Contains(s))) return false;
            return !StartsActor(p);
        }
    }

    private static bool IsSentenceEnd(string text, Token t)
    {
        if (t.Kind != TokenKind.Punctuation || t.Length != 1) return false;
        char c = text[t.Start];
        return c is '.' or '!' or '?' or ';';
    }

    private static ActorCatalogue LoadDefault()
    {
        var assembly = typeof(ActorCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream(FindResourceName(assembly.GetManifestResourceNames()) ?? ResourceName)
            ?? throw new InvalidOperationException("Embedded resource " + ResourceName + " is missing.");
        return Load(stream);
    }

    /// <summary>The manifest name of the catalogue, with directory separators folded to dots (see the weapon catalogue).</summary>
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

    /// <summary>One phrase of a row: its written form, what it is and whether it is ambiguous.</summary>
    internal readonly record struct Phrase(string Text, KeyForm Form, bool Ambiguous);

    /// <summary>One parsed row: the entry, its phrases (name first) and its context aliases.</summary>
    internal sealed record Row(int Line, ActorEntry Entry, List<Phrase> Phrases, List<ActorContextAlias> Context);

    /// <summary>The columns of actors.tsv, in order.</summary>
    internal static readonly string[] Columns = ["name", "kind", "country", "aliases", "adjectives", "state_names", "context", "ambiguous", "cues", "sources"];

    /// <summary>Parses actors.tsv, appending every problem to <paramref name="errors"/> (never throws on content).</summary>
    internal static List<Row> Parse(TextReader reader, List<string> errors)
    {
        var rows = new List<Row>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keyOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        var contextKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var contextReadings = new HashSet<(string Key, string Perspective)>();
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
                if (cols[0] == "name")
                {
                    if (!cols.SequenceEqual(Columns)) errors.Add($"line {lineNo}: header must be {string.Join(" ", Columns)}");
                    continue;
                }
                errors.Add($"line {lineNo}: missing header");
            }
            if (cols.Length != Columns.Length)
            {
                errors.Add($"line {lineNo}: {cols.Length} columns, expected {Columns.Length}");
                continue;
            }
            string name = cols[0].Trim();
            if (name.Length == 0) { errors.Add($"line {lineNo}: empty name"); continue; }
            if (!names.Add(name)) errors.Add($"line {lineNo}: duplicate name {name}");
            ActorKind kind = ActorKind.State;
            switch (cols[1].Trim())
            {
                case "state": kind = ActorKind.State; break;
                case "non-state": kind = ActorKind.NonState; break;
                default: errors.Add($"line {lineNo}: {name}: kind '{cols[1]}' is not state or non-state"); break;
            }
            string country = cols[2].Trim();
            if (country.Length != 0 && !IsAlpha2(country)) errors.Add($"line {lineNo}: {name}: country '{country}' is not an ISO alpha-2 code");
            var aliases = SplitList(cols[3]);
            var adjectives = SplitList(cols[4]);
            var stateNames = SplitList(cols[5]);
            var ambiguous = new HashSet<string>(SplitList(cols[7]), StringComparer.Ordinal);
            var cues = SplitList(cols[8]);
            var sources = SplitList(cols[9].Replace(';', '|'));
            if (sources.Length == 0) errors.Add($"line {lineNo}: {name}: no source");
            if (stateNames.Length > 0 && kind != ActorKind.State) errors.Add($"line {lineNo}: {name}: state names on a non-state actor");
            if (ambiguous.Count > 0 && cues.Length == 0) errors.Add($"line {lineNo}: {name}: ambiguous aliases need cues");
            foreach (var c in cues)
                if (c.Contains(' ', StringComparison.Ordinal)) errors.Add($"line {lineNo}: {name}: cue '{c}' is not one word");

            var phrases = new List<Phrase> { new(name, KeyForm.Name, ambiguous.Contains(name)) };
            foreach (var a in aliases) phrases.Add(new(a, KeyForm.Alias, ambiguous.Contains(a)));
            foreach (var a in adjectives) phrases.Add(new(a, KeyForm.Adjective, false));
            foreach (var a in stateNames) phrases.Add(new(a, KeyForm.StateName, ambiguous.Contains(a)));
            foreach (var a in ambiguous)
            {
                if (!phrases.Exists(p => p.Text == a && p.Form != KeyForm.Adjective))
                    errors.Add($"line {lineNo}: {name}: ambiguous '{a}' is not one of its names, aliases or state names");
            }
            var kept = new List<Phrase>();
            var rowKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in phrases)
            {
                string key = LexiconKey.Of(p.Text);
                if (!CheckPhrase(p.Text, key, name, lineNo, errors)) continue;
                if (keyOwner.TryGetValue(key, out var owner) && owner != name)
                    errors.Add($"line {lineNo}: '{p.Text}' of {name} collides with {owner}");
                else if (rowKeys.Add(key))
                {
                    keyOwner[key] = name;
                    kept.Add(p);
                }
            }

            var context = new List<ActorContextAlias>();
            foreach (var item in SplitList(cols[6]))
            {
                int colon = item.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == item.Length - 1)
                {
                    errors.Add($"line {lineNo}: {name}: context '{item}' is not PERSPECTIVE:phrase");
                    continue;
                }
                string phrase = item[(colon + 1)..].Trim();
                string key = LexiconKey.Of(phrase);
                if (!CheckPhrase(phrase, key, name, lineNo, errors)) continue;
                foreach (var raw in item[..colon].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!IsAlpha2(raw)) { errors.Add($"line {lineNo}: {name}: perspective '{raw}' is not an ISO alpha-2 code"); continue; }
                    if (!contextReadings.Add((key, raw))) { errors.Add($"line {lineNo}: {name}: context '{phrase}' for {raw} is given twice"); continue; }
                    context.Add(new ActorContextAlias(phrase, raw));
                }
                contextKeys.TryAdd(key, name);
            }

            var entry = new ActorEntry(name, kind, country.Length == 0 ? null : country, aliases, sources)
            {
                Adjectives = adjectives,
                StateNames = stateNames,
                ContextAliases = context,
                AmbiguousAliases = [.. ambiguous],
                Cues = cues,
            };
            rows.Add(new Row(lineNo, entry, kept, context));
        }
        if (!header) errors.Add("empty table");
        foreach (var (key, owner) in contextKeys)
            if (keyOwner.TryGetValue(key, out var other)) errors.Add($"context alias key '{key}' of {owner} is also a name of {other}");
        return rows;
    }

    private static bool CheckPhrase(string phrase, string key, string name, int lineNo, List<string> errors)
    {
        if (key.Length == 0) { errors.Add($"line {lineNo}: {name}: '{phrase}' has no letters or digits"); return false; }
        if (key.Length > 120) { errors.Add($"line {lineNo}: {name}: '{phrase}' is too long"); return false; }
        if (phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxPhraseTokens - 1)
        {
            errors.Add($"line {lineNo}: {name}: '{phrase}' has too many words");
            return false;
        }
        return true;
    }

    private static bool IsAlpha2(string s) => s.Length == 2 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]);

    private static string[] SplitList(string s) =>
        s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The case rule of a phrase: see the class remarks. Null when case does not matter.</summary>
    internal static string? CapsPattern(string phrase, KeyForm form, bool ambiguous)
    {
        if (form == KeyForm.Context) return null;
        int letters = 0, upper = 0;
        foreach (char c in phrase)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (upper == 0) return null;
        bool acronym = letters <= 3 && upper == letters;
        bool constrained = acronym || ambiguous || form == KeyForm.StateName || phrase.Contains(' ', StringComparison.Ordinal);
        if (!constrained) return null;
        var sb = new System.Text.StringBuilder();
        Span<char> one = stackalloc char[1];
        foreach (char c in phrase.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (LexiconKey.Append(new ReadOnlySpan<char>(in c), one) != 1) continue;
            sb.Append(char.IsUpper(c) ? 'U' : '.');
        }
        return sb.ToString();
    }

    private static ActorCatalogue FromTable(List<Row> rows)
    {
        var entries = new ActorEntry[rows.Count];
        var phrases = new List<(string, Hit)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Context aliases first gather their readings across rows ("occupation forces": Russian forces for UA, IDF for PS).
        var readings = new Dictionary<string, (string Phrase, List<ActorContextReading> List)>(StringComparer.Ordinal);
        var readingOrder = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            entries[i] = row.Entry;
            var cues = row.Entry.Cues.Count > 0 ? new Cues(row.Entry.Cues) : null;
            foreach (var p in row.Phrases)
            {
                string key = LexiconKey.Of(p.Text);
                bool guard = FunctionWordKey(key) && CapsPattern(p.Text, p.Form, p.Ambiguous) is not null;
                var hit = new Hit(row.Entry, p.Form, p.Ambiguous, CapsPattern(p.Text, p.Form, p.Ambiguous), guard, null, p.Ambiguous ? cues : null);
                AddPhrase(phrases, p.Text, hit);
                keys.Add(key);
            }
            foreach (var c in row.Context)
            {
                string key = LexiconKey.Of(c.Phrase);
                if (!readings.TryGetValue(key, out var r))
                {
                    r = (c.Phrase, []);
                    readings[key] = r;
                    readingOrder.Add(key);
                }
                r.List.Add(new ActorContextReading(row.Entry, c.Perspective));
            }
        }
        foreach (var key in readingOrder)
        {
            var (phrase, list) = readings[key];
            var hit = new Hit(list[0].Actor, KeyForm.Context, false, null, false, [.. list], null);
            AddPhrase(phrases, phrase, hit);
            keys.Add(key);
        }
        var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lowerStarts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, hit) in phrases)
        {
            // The matcher joins the keys of tokens, wherever the text cuts them ("Al Shabaab" is "al" + "shabaab"): a
            // first token's key can be any beginning of a phrase's key.
            string key = LexiconKey.Of(text);
            bool lower = hit.Caps is not { Length: > 0 } caps || caps[0] != 'U'; // may begin in lower case
            for (int len = 1; len <= key.Length; len++)
            {
                string prefix = key[..len];
                starts.Add(prefix);
                if (lower) lowerStarts.Add(prefix);
            }
        }
        return new ActorCatalogue(entries, new PhraseMatcher<Hit>(phrases, MaxPhraseTokens), keys.Count, starts, lowerStarts);
    }

    private static bool FunctionWordKey(string key) => ActorWords.FunctionWords.Contains(key);

    private static void AddPhrase(List<(string, Hit)> phrases, string text, Hit hit)
    {
        phrases.Add((text, hit));
        // The tokenizer splits a possessive off ("People" "'s" "Liberation"): register that token boundary too.
        int apos = text.IndexOfAny(['\'', '\u2019']);
        if (apos > 0 && apos + 1 < text.Length && text[apos + 1] is 's' or 'S' && (apos + 2 == text.Length || text[apos + 2] == ' '))
            phrases.Add((text[..apos] + " " + text[apos..], hit));
    }
}
