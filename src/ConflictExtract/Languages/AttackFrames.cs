using System.Collections.Frozen;
using ConflictExtract.Analysis;
using ConflictExtract.Text;

namespace ConflictExtract.Languages;

/// <summary>What an attack frame says (see <c>frames.txt</c>).</summary>
internal enum FrameKind : byte
{
    /// <summary>The words report an attack by themselves: "opened fire", "dropped two bombs".</summary>
    Attack,
    /// <summary>An attack whose patient is the subject: the places before it in its clause were struck ("came under fire", "was hit").</summary>
    Patient,
    /// <summary>An attack when an armed agent stands before it in its clause: "gunmen stormed", "rebels killed 12".</summary>
    ByArmed,
    /// <summary>An attack when a weapon or an explosive stands in its clause: "a car bomb went off".</summary>
    ByWeapon,
    /// <summary>The clause's figures are totals over the war, not one attack: "since the start of the war".</summary>
    Total,
    /// <summary>The clause's figures are totals over a period ("this week"): a country named with them is no strike.</summary>
    Window,
    /// <summary>The clause counts attacks ("struck more than 50 times"): with a "since ..." period, a tally of past attacks, no strike.</summary>
    Tally,
}

/// <summary>One element of a frame pattern: a word, a cue class, a weapon or a count, possibly after a gap.</summary>
internal readonly record struct FrameElement(string? Word, Cue Class, FrameElementKind Kind, bool GapBefore);

/// <summary>What a frame element matches.</summary>
internal enum FrameElementKind : byte
{
    /// <summary>The word <see cref="FrameElement.Word"/>, in any case.</summary>
    Word,
    /// <summary>Any word of the cue class <see cref="FrameElement.Class"/>.</summary>
    Class,
    /// <summary>A catalogue weapon or a weapon noun.</summary>
    Weapon,
    /// <summary>A count.</summary>
    Count,
}

/// <summary>One attack frame: its kind and its elements (the first one never has a gap).</summary>
internal sealed record AttackFrame(FrameKind Kind, FrameElement[] Elements);

/// <summary>A frame found in a sentence: tokens [First, End).</summary>
internal readonly record struct FrameMatch(int First, int End, FrameKind Kind);

/// <summary>
/// The attack frames of a language (<c>frames.txt</c>), indexed by their first element. Immutable and safe to share
/// between threads; matching allocates nothing.
/// </summary>
internal sealed class AttackFrames
{
    /// <summary>How many tokens a gap ("...") may skip.</summary>
    public const int MaxGap = 3;

    private readonly FrozenDictionary<string, AttackFrame[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly (Cue Class, AttackFrame Frame)[] _byClass;
    private readonly AttackFrame[] _byOther;
    /// <summary>The cue classes frames start with ({Auxiliary} ...).</summary>
    private readonly CueSet _classes;

    private AttackFrames(List<AttackFrame> frames)
    {
        var byWord = new Dictionary<string, List<AttackFrame>>(StringComparer.OrdinalIgnoreCase);
        var byClass = new List<(Cue, AttackFrame)>();
        var other = new List<AttackFrame>();
        foreach (var f in frames)
        {
            var e = f.Elements[0];
            switch (e.Kind)
            {
                case FrameElementKind.Word:
                    if (!byWord.TryGetValue(e.Word!, out var list)) byWord[e.Word!] = list = [];
                    list.Add(f);
                    break;
                case FrameElementKind.Class: byClass.Add((e.Class, f)); break;
                default: other.Add(f); break;
            }
        }
        _byWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _byClass = [.. byClass];
        _byOther = [.. other];
        foreach (var (cls, _) in byClass) _classes = _classes.With(cls);
        FirstWords = [.. byWord.Keys];
        Count = frames.Count;
    }

    /// <summary>How many frames there are.</summary>
    public int Count { get; }

    /// <summary>The words frames start with: the language pack classifies them <see cref="Cue.FrameStart"/>.</summary>
    public IReadOnlyList<string> FirstWords { get; }

    /// <summary>The classes of a token that may start a frame: <see cref="Cue.FrameStart"/> and the cue classes frames begin with.</summary>
    public CueSet Starts => _classes.With(Cue.FrameStart);

    /// <summary>Some frames begin with a weapon or a count ("{Count} times"): tokens that are one may start a frame too.</summary>
    public bool StartsWithValues => _byOther.Length > 0;

    /// <summary>
    /// The longest frame starting at token <paramref name="i"/> and ending before <paramref name="to"/>, if any; among frames
    /// of one length, the first listed.
    /// </summary>
    public bool TryMatchAt(DocumentAnalysis a, int i, int to, out FrameMatch match)
    {
        match = default;
        int bestEnd = -1;
        if (!a.Has(i, Cue.FrameStart) && !a.HasAny(i, _classes) && (_byOther.Length == 0 || a.QuantityAt[i] < 0 && a.WeaponAt[i] < 0 && !a.Has(i, Cue.WeaponNoun)))
            return false; // most tokens start no frame
        if (a.Has(i, Cue.FrameStart) && _byWord.TryGetValue(a.Word(i), out var frames))
            foreach (var f in frames) Consider(a, f, i, to, ref match, ref bestEnd);
        foreach (var (cls, f) in _byClass)
            if (a.Has(i, cls)) Consider(a, f, i, to, ref match, ref bestEnd);
        foreach (var f in _byOther) Consider(a, f, i, to, ref match, ref bestEnd);
        return bestEnd > i;
    }

    private static void Consider(DocumentAnalysis a, AttackFrame f, int i, int to, ref FrameMatch match, ref int bestEnd)
    {
        int end = MatchEnd(a, f, i, to);
        if (end > bestEnd) { bestEnd = end; match = new FrameMatch(i, end, f.Kind); }
    }

    /// <summary>The end of frame <paramref name="f"/> matched at <paramref name="i"/>, or -1. A gap takes the first token that fits.</summary>
    private static int MatchEnd(DocumentAnalysis a, AttackFrame f, int i, int to)
    {
        int k = i;
        foreach (var e in f.Elements)
        {
            if (k >= to) return -1;
            if (!e.GapBefore)
            {
                if (!Fits(a, e, k)) return -1;
                k = NextAfter(a, e, k);
                continue;
            }
            int found = -1;
            for (int g = k; g < Math.Min(to, k + MaxGap + 1); g++)
            {
                if (Fits(a, e, g)) { found = g; break; }
                if (a.Tokens[g].Kind == TokenKind.Punctuation && !a.IsDash(g) || a.Has(g, Cue.ClauseBreak) || a.Has(g, Cue.By)) break; // "killed by rebels": no object
            }
            if (found < 0) return -1;
            k = NextAfter(a, e, found);
        }
        return k;
    }

    private static bool Fits(DocumentAnalysis a, FrameElement e, int k) => e.Kind switch
    {
        FrameElementKind.Word => a.Tokens[k].Kind == TokenKind.Word && a.Word(k).Equals(e.Word, StringComparison.OrdinalIgnoreCase),
        FrameElementKind.Class => a.Has(k, e.Class),
        FrameElementKind.Weapon => a.WeaponAt[k] >= 0 || a.Has(k, Cue.WeaponNoun),
        _ => a.QuantityAt[k] >= 0,
    };

    /// <summary>The token after the element matched at <paramref name="k"/>: a weapon or a count may span several tokens.</summary>
    private static int NextAfter(DocumentAnalysis a, FrameElement e, int k)
    {
        if (e.Kind == FrameElementKind.Weapon && a.WeaponAt[k] >= 0) return Math.Max(k + 1, a.Weapons[a.WeaponAt[k]].End);
        if (e.Kind == FrameElementKind.Count && a.QuantityAt[k] >= 0) return Math.Max(k + 1, a.Quantities[a.QuantityAt[k]].End);
        return k + 1;
    }

    /// <summary>Parses the lines of <c>frames.txt</c> ("Kind: pattern | pattern"), with "file:line" for messages.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    public static AttackFrames Parse(IEnumerable<(string Line, string At)> lines)
    {
        var frames = new List<AttackFrame>();
        foreach (var (line, at) in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || !Enum.TryParse<FrameKind>(line[..colon].Trim(), out var kind))
                throw new InvalidDataException($"{at}: expected \"Kind: pattern | pattern\" with a FrameKind");
            foreach (var pattern in line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                frames.Add(new AttackFrame(kind, Elements(pattern, at)));
        }
        return new AttackFrames(frames);
    }

    private static FrameElement[] Elements(string pattern, string at)
    {
        var list = new List<FrameElement>();
        bool gap = false;
        foreach (var w in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (w == "...")
            {
                if (list.Count == 0 || gap) throw new InvalidDataException($"{at}: a gap must stand between two elements in \"{pattern}\"");
                gap = true;
                continue;
            }
            FrameElement e;
            if (w.Length > 2 && w[0] == '{' && w[^1] == '}')
            {
                string name = w[1..^1];
                if (name == "Weapon") e = new FrameElement(null, default, FrameElementKind.Weapon, gap);
                else if (name == "Count") e = new FrameElement(null, default, FrameElementKind.Count, gap);
                else if (Enum.TryParse<Cue>(name, out var cue)) e = new FrameElement(null, cue, FrameElementKind.Class, gap);
                else throw new InvalidDataException($"{at}: \"{name}\" is not a cue class, Weapon or Count");
            }
            else e = new FrameElement(w, default, FrameElementKind.Word, gap);
            list.Add(e);
            gap = false;
        }
        if (list.Count == 0 || gap) throw new InvalidDataException($"{at}: empty pattern or a gap at its end in \"{pattern}\"");
        return [.. list];
    }
}
