using ConflictExtract.Languages;
using ConflictExtract.Lexicon;
using ConflictExtract.Pipeline;
using ConflictExtract.Recognizers;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Analysis;

/// <summary>
/// The analysis stages' working memory for one document: the tokens and sentences, their cue classes, the place, weapon
/// and generic-weapon hits, the tagger's hints and spans, the recognizers' mentions and hits, the per-token indexes, the
/// marks and string sets of the spelling pass. The analysis stages fill it in order; the seal stage makes the read-only
/// <see cref="DocumentAnalysis"/> over it. Kept by the thread's <see cref="Workspace"/> between documents.
/// </summary>
internal sealed class AnalysisScratch : Scratch
{
    private readonly List<Token> _tokenList;
    private readonly Buffer<Token> _tokens;

    public AnalysisScratch()
    {
        _tokenList = NewList<Token>(1024);
        _tokens = Track(new Buffer<Token>(1024), static b => b.Clear(), static b => b.Length);
        Sentences = NewList<Sentence>(256);
        PlaceMentions = NewList<PlaceMention>(64);
        Places = Track(new Buffer<PlaceHit>(64), static b => b.Clear(), static b => b.Length);
        Weapons = NewList<WeaponHit>(16);
        GenericWeapons = NewList<GenericWeaponHit>(16);
        Hints = Track(new Buffer<TaggerHints>(1024), static b => b.Clear(), static b => b.Length);
        Tagged = NewList<TaggedSpan>(256);
        QuantityMentions = NewList<QuantityMention>(32);
        DateMentions = NewList<DateMention>(16);
        DistanceMentions = NewList<DistanceMention>(4);
        Quantities = Track(new Buffer<QuantityHit>(32), static b => b.Clear(), static b => b.Length);
        Dates = Track(new Buffer<DateHit>(16), static b => b.Clear(), static b => b.Length);
        Distances = Track(new Buffer<DistanceHit>(4), static b => b.Clear(), static b => b.Length);
        Cues = Track(new Buffer<CueSet>(1024), static b => b.Clear(), static b => b.Length);
        Index = Track(new Buffer<int>(1024), static b => b.Clear(), static b => b.Length / 4); // four indexes per token
        Marks = Track(new Buffer<byte>(256), static b => b.Clear(), static b => b.Length);
        Names = [NewSet<string>(StringComparer.Ordinal), NewSet<string>(StringComparer.Ordinal)];
    }

    /// <summary>The tokens of the last <see cref="Tokenize"/>.</summary>
    public Token[] Tokens => _tokens.Array;

    /// <summary>How many of <see cref="Tokens"/> are this document's.</summary>
    public int TokenCount => _tokens.Used;

    public List<Sentence> Sentences { get; }

    /// <summary>The gazetteer's place mentions.</summary>
    public List<PlaceMention> PlaceMentions { get; }

    /// <summary>The places found (<see cref="Buffer{T}.Used"/> of them), in the order the stages found them.</summary>
    public Buffer<PlaceHit> Places { get; }

    /// <summary>The weapon systems named, from the catalogue and the unlisted-weapon pass.</summary>
    public List<WeaponHit> Weapons { get; }

    /// <summary>The catalogue's weapon mentions (the tagger's hints read them).</summary>
    public IReadOnlyList<WeaponMention>? WeaponMentions { get; set; }

    /// <summary>Generic weapon phrases ("ballistic missiles", "shelling"), in token order.</summary>
    public List<GenericWeaponHit> GenericWeapons { get; }

    public Buffer<TaggerHints> Hints { get; }

    /// <summary>The tagger's spans (LOC, ORG, PER, NORP, WEAPON), in text order.</summary>
    public List<TaggedSpan> Tagged { get; }

    public List<QuantityMention> QuantityMentions { get; }
    public List<DateMention> DateMentions { get; }
    public List<DistanceMention> DistanceMentions { get; }
    public Buffer<QuantityHit> Quantities { get; }
    public Buffer<DateHit> Dates { get; }
    public Buffer<DistanceHit> Distances { get; }

    /// <summary>Each token's cue classes.</summary>
    public Buffer<CueSet> Cues { get; }

    /// <summary>The analysis' per-token indexes (four of them, one after the other).</summary>
    public Buffer<int> Index { get; }

    /// <summary>One byte of marks per token, for a pass that needs them.</summary>
    public Buffer<byte> Marks { get; }

    /// <summary>Two string sets, for a pass that needs them.</summary>
    public HashSet<string>[] Names { get; }

    /// <summary>True when token <paramref name="i"/> of this document is a word of class <paramref name="cue"/> (after the cue stage).</summary>
    public bool Has(int i, Cue cue) => (uint)i < (uint)TokenCount && (uint)i < (uint)Cues.Used && Cues.Array[i].Has(cue);

    public override void Clear()
    {
        base.Clear();
        WeaponMentions = null;
    }

    /// <summary>Tokenizes <paramref name="text"/> into <see cref="Tokens"/>; returns the token count.</summary>
    public int Tokenize(string text)
    {
        _tokenList.Clear();
        Tokenizer.Tokenize(text, _tokenList);
        int n = _tokenList.Count;
        _tokenList.CopyTo(_tokens.Room(n));
        _tokenList.Clear();
        return n;
    }
}

/// <summary>
/// An array lent for one document, of which the first <see cref="Used"/> items are in use. It grows to at least twice its
/// length when more room is asked for, and <see cref="Clear"/> clears what was used (hits hold references: no document's
/// places or dates may outlive it).
/// </summary>
internal sealed class Buffer<T>(int capacity)
{
    public T[] Array { get; private set; } = new T[capacity];

    /// <summary>How many items are in use.</summary>
    public int Used { get; private set; }

    public int Length => Array.Length;

    /// <summary>Room for <paramref name="count"/> items, which are now in use; the items already there are kept when <paramref name="keep"/>.</summary>
    public T[] Room(int count, bool keep = false)
    {
        if (Array.Length < count)
        {
            var grown = new T[Math.Max(count, 2 * Array.Length)];
            if (keep) Array.AsSpan(0, Used).CopyTo(grown);
            Array = grown;
        }
        Used = count;
        return Array;
    }

    /// <summary>The items in use.</summary>
    public Span<T> Span => Array.AsSpan(0, Used);

    public void Clear()
    {
        System.Array.Clear(Array, 0, Used);
        Used = 0;
    }
}
