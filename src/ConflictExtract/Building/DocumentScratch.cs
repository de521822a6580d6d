using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// A thread's work memory for one document, lent to it from tokenization to the end of record building and then kept
/// for the thread's next document: the tokens and sentences, the place mentions and places, the tagger's hints and spans,
/// the recognizers' mentions and the count, date and distance hits, the per-token indexes and word-set memo, the marks and
/// string sets of the variant-spelling pass. These were the largest per-document allocations after the records
/// themselves. Taken from the thread's slot when lent, so a nested or concurrent analysis on one thread gets its own.
/// </summary>
internal sealed class DocumentScratch
{
    [ThreadStatic] private static DocumentScratch? t_free;

    /// <summary>Tokens: the memory of a larger document (about 300 KB of text) is not kept.</summary>
    private const int KeepUpTo = 1 << 16;

    private readonly List<Token> _tokenList = new(1024);
    private int[] _index = [];
    private ulong[] _memo = [];
    private byte[] _marks = [];
    private TaggerHints[] _hints = [];
    private PlaceHit[] _placeHits = new PlaceHit[64];
    private int _placeHitsUsed;
    private QuantityHit[] _quantityHits = new QuantityHit[32];
    private DateHit[] _dateHits = new DateHit[16];
    private DistanceHit[] _distanceHits = new DistanceHit[4];
    private int _quantityHitsUsed, _dateHitsUsed;
    private readonly HashSet<string>[] _sets = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    /// <summary>The tokens of the last <see cref="Tokenize"/>.</summary>
    public Token[] Tokens { get; private set; } = new Token[1024];

    /// <summary>The tagger's spans for this document (empty when lent).</summary>
    public List<TaggedSpan> Tagged { get; } = new(256);

    /// <summary>The sentences of this document (empty when lent).</summary>
    public List<Sentence> Sentences { get; } = new(256);

    /// <summary>The recognizers' mentions for this document (empty when lent).</summary>
    public RecognizedLists Values { get; } = new();

    /// <summary>The gazetteer's place mentions for this document (empty when lent).</summary>
    public List<Lexicon.PlaceMention> PlaceMentions { get; } = new(64);

    public static DocumentScratch Rent()
    {
        var s = t_free ?? new DocumentScratch();
        t_free = null;
        return s;
    }

    /// <summary>Gives the memory back to the thread, unless a document of <paramref name="tokens"/> tokens made it huge.</summary>
    public void Return(int tokens)
    {
        Tagged.Clear();
        PlaceMentions.Clear();
        Sentences.Clear();
        // PlaceHit holds a Location: the places array is cleared so that no document's places outlive it.
        Array.Clear(_placeHits, 0, _placeHitsUsed);
        _placeHitsUsed = 0;
        foreach (var set in _sets) set.Clear();
        // The hits hold counts and dates: cleared for the same reason.
        Array.Clear(_quantityHits, 0, _quantityHitsUsed);
        Array.Clear(_dateHits, 0, _dateHitsUsed);
        _quantityHitsUsed = _dateHitsUsed = 0;
        Values.Clear();
        int largest = Sizes.Largest(tokens, Tagged.Capacity, PlaceMentions.Capacity, Sentences.Capacity, Values.Capacity,
            _placeHits.Length, _quantityHits.Length, _dateHits.Length, _distanceHits.Length);
        if (largest <= KeepUpTo) t_free = this;
    }

    /// <summary>Tokenizes <paramref name="text"/> into <see cref="Tokens"/>; returns the token count.</summary>
    public int Tokenize(string text)
    {
        _tokenList.Clear();
        Tokenizer.Tokenize(text, _tokenList);
        int n = _tokenList.Count;
        if (Tokens.Length < n) Tokens = new Token[Math.Max(n, 2 * Tokens.Length)];
        _tokenList.CopyTo(Tokens);
        _tokenList.Clear();
        if (_tokenList.Capacity > KeepUpTo) _tokenList.Capacity = 0;
        return n;
    }

    /// <summary>String set <paramref name="k"/> (0 or 1), empty.</summary>
    public HashSet<string> EmptySet(int k)
    {
        var set = _sets[k];
        set.Clear();
        return set;
    }

    /// <summary>Room for the tagger's hints of <paramref name="tokens"/> tokens (not cleared).</summary>
    public TaggerHints[] Hints(int tokens)
    {
        if (_hints.Length < tokens) _hints = new TaggerHints[Math.Max(tokens, 1024)];
        return _hints;
    }

    /// <summary>Room for <paramref name="count"/> places (not cleared).</summary>
    public PlaceHit[] PlaceHits(int count)
    {
        _placeHitsUsed = count;
        return Room(ref _placeHits, count, keep: false);
    }

    /// <summary>Room for <paramref name="count"/> places, keeping those of the last <see cref="PlaceHits"/> call.</summary>
    public PlaceHit[] GrowPlaceHits(int count)
    {
        _placeHitsUsed = Math.Max(_placeHitsUsed, count);
        return Room(ref _placeHits, count, keep: true);
    }

    /// <summary>Room for <paramref name="count"/> counts (not cleared).</summary>
    public QuantityHit[] QuantityHits(int count)
    {
        _quantityHitsUsed = count;
        return Room(ref _quantityHits, count, keep: false);
    }

    /// <summary>Room for <paramref name="count"/> dates (not cleared).</summary>
    public DateHit[] DateHits(int count)
    {
        _dateHitsUsed = count;
        return Room(ref _dateHits, count, keep: false);
    }

    /// <summary>Room for <paramref name="count"/> distances (not cleared; they hold no references).</summary>
    public DistanceHit[] DistanceHits(int count) => Room(ref _distanceHits, count, keep: false);

    /// <summary>
    /// <paramref name="array"/> when it holds <paramref name="count"/> items, else a new one at least twice as long, with
    /// its items when <paramref name="keep"/>.
    /// </summary>
    private static T[] Room<T>(ref T[] array, int count, bool keep)
    {
        if (array.Length >= count) return array;
        int size = Math.Max(count, 2 * array.Length);
        if (keep) Array.Resize(ref array, size);
        else array = new T[size];
        return array;
    }

    /// <summary>Room for four per-token indexes of <paramref name="tokens"/> tokens (not cleared).</summary>
    public int[] Index(int tokens)
    {
        if (_index.Length < 4 * tokens) _index = new int[Math.Max(4 * tokens, 1024)];
        return _index;
    }

    /// <summary>Two words of memo per token, all zero.</summary>
    public ulong[] Memo(int tokens)
    {
        int need = 2 * tokens;
        if (_memo.Length < need) _memo = new ulong[Math.Max(need, 512)];
        else Array.Clear(_memo, 0, need);
        return _memo;
    }

    /// <summary>One byte of marks per token, all zero.</summary>
    public byte[] Marks(int tokens)
    {
        if (_marks.Length < tokens) _marks = new byte[Math.Max(tokens, 256)];
        else Array.Clear(_marks, 0, tokens);
        return _marks;
    }

    /// <summary>Lists the recognizer layer fills for one document.</summary>
    internal sealed class RecognizedLists
    {
        public List<Recognizers.QuantityMention> Quantities { get; } = new(32);
        public List<Recognizers.DateMention> Dates { get; } = new(16);
        public List<Recognizers.DistanceMention> Distances { get; } = new(4);

        /// <summary>The largest capacity of the three.</summary>
        public int Capacity => Math.Max(Quantities.Capacity, Math.Max(Dates.Capacity, Distances.Capacity));

        public void Clear()
        {
            Quantities.Clear();
            Dates.Clear();
            Distances.Clear();
        }
    }
}
