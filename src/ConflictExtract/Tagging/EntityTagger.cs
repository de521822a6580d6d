using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ConflictExtract.Lexicon;
using ConflictExtract.Text;

namespace ConflictExtract.Tagging;

/// <summary>
/// A trained named-entity tagger for <see cref="EntityLabel.Loc"/>, <see cref="EntityLabel.Org"/>, <see cref="EntityLabel.Per"/>,
/// <see cref="EntityLabel.Norp"/> and <see cref="EntityLabel.Weapon"/>: a linear per-token BIO classifier over hashed sparse
/// features (word, shape, affixes, neighbours ±2, casing, word lists, optional lexicon hints), decoded per sentence with a
/// BIO-constrained Viterbi pass. The weights were trained with Microsoft.ML by the <c>tagger</c> training command and are
/// read from a small binary file; no Microsoft.ML at run time.
/// Immutable and thread-safe after construction; deterministic; <see cref="Tag(string, ReadOnlySpan{Token}, ReadOnlySpan{Sentence}, ReadOnlySpan{TaggerHints})"/>
/// allocates only its result list (buffers come from the stack or <see cref="ArrayPool{T}"/>).
/// </summary>
public sealed class EntityTagger
{
    /// <summary>The embedded model's resource name (MSBuild may write the folder separator as '/').</summary>
    internal const string ResourceName = "ConflictExtract.Models.tagger.tagger.bin";

    internal const int ClassCount = 11; // O, B-Loc..B-Weapon, I-Loc..I-Weapon
    internal const int LabelCount = 5;
    private const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "CXTG"u8;
    private static readonly Lazy<EntityTagger> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int _bits;
    private readonly float[] _bias;
    private readonly int[] _slots;     // open addressing: [2k] = bucket or -1, [2k+1] = offset into _weights
    private readonly int _slotMask;
    private readonly float[] _weights; // rows × ClassCount, as stored
    private readonly float[] _rows;    // rows × Stride: the same weights padded to two 8-float vectors per row
    private readonly float[] _biasRow; // Stride floats
    private const int Stride = 16;

    internal EntityTagger(int bits, float[] bias, int[] buckets, float[] weights, bool usesHints)
    {
        _bits = bits;
        _bias = bias;
        _weights = weights;
        // A small hash table (load factor ≤ 1/4) instead of a 2^bits array: it stays in cache, and most lookups
        // (features the model dropped) end at the first, empty slot.
        int cap = 16;
        while (cap < buckets.Length * 4) cap <<= 1;
        _slotMask = cap - 1;
        _slots = new int[2 * cap];
        for (int k = 0; k < cap; k++) _slots[2 * k] = -1;
        _rows = new float[buckets.Length * Stride];
        for (int r = 0; r < buckets.Length; r++)
            weights.AsSpan(r * ClassCount, ClassCount).CopyTo(_rows.AsSpan(r * Stride));
        _biasRow = new float[Stride];
        bias.AsSpan(0, ClassCount).CopyTo(_biasRow);
        for (int r = 0; r < buckets.Length; r++)
        {
            int k = buckets[r] & _slotMask;
            while (_slots[2 * k] >= 0) k = (k + 1) & _slotMask;
            _slots[2 * k] = buckets[r];
            _slots[2 * k + 1] = r * Stride;
        }
        Buckets = buckets;
        UsesHints = usesHints;
    }

    /// <summary>The tagger embedded in the library, loaded once on first use.</summary>
    /// <exception cref="InvalidOperationException">The library was built without models/tagger/tagger.bin.</exception>
    public static EntityTagger Default => s_default.Value;

    /// <summary>Size of the hashed feature space, in bits.</summary>
    internal int HashBits => _bits;

    /// <summary>Number of feature buckets with stored weights.</summary>
    internal int FeatureCount => Buckets.Length;

    /// <summary>True when the model was trained with <see cref="TaggerHints"/> (it still works without them, less well).</summary>
    internal bool UsesHints { get; }

    internal int[] Buckets { get; }

    private static EntityTagger LoadDefault()
    {
        var asm = typeof(EntityTagger).Assembly;
        Stream? s = asm.GetManifestResourceStream(ResourceName);
        if (s is null)
            foreach (var n in asm.GetManifestResourceNames())
                if (n.Replace('/', '.').Replace('\\', '.') == ResourceName) { s = asm.GetManifestResourceStream(n); break; }
        if (s is null) throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using (s) return Load(s);
    }

    /// <summary>Reads a model written by the <c>tagger</c> training command.</summary>
    /// <exception cref="InvalidDataException">The stream is not a tagger model.</exception>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        ReadOnlySpan<byte> b = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        if (b.Length < 24 || !b[..4].SequenceEqual(Magic)) throw new InvalidDataException("not a tagger model (bad magic)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(b[4..]);
        int bits = BinaryPrimitives.ReadInt32LittleEndian(b[8..]);
        int classes = BinaryPrimitives.ReadInt32LittleEndian(b[12..]);
        int flags = BinaryPrimitives.ReadInt32LittleEndian(b[16..]);
        if (version != Version) throw new InvalidDataException($"tagger model version {version} is not supported");
        if (bits is < 8 or > 24 || classes != ClassCount) throw new InvalidDataException("tagger model header is invalid");
        int p = 20;
        if (b.Length < p + 4 * classes + 4) throw new InvalidDataException("tagger model is truncated");
        var bias = new float[classes];
        for (int c = 0; c < classes; c++, p += 4) bias[c] = BinaryPrimitives.ReadSingleLittleEndian(b[p..]);
        int rows = BinaryPrimitives.ReadInt32LittleEndian(b[p..]);
        p += 4;
        if (rows < 0 || rows > (1 << bits) || (long)b.Length - p != (long)rows * 4 + (long)rows * classes * 2)
            throw new InvalidDataException("tagger model is truncated or has trailing bytes");
        var buckets = new int[rows];
        int prev = -1;
        for (int r = 0; r < rows; r++, p += 4)
        {
            int k = BinaryPrimitives.ReadInt32LittleEndian(b[p..]);
            if (k <= prev || k >= (1 << bits)) throw new InvalidDataException("tagger model buckets are not ascending");
            buckets[r] = prev = k;
        }
        var weights = new float[rows * classes];
        for (int i = 0; i < weights.Length; i++, p += 2) weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(b[p..]);
        return new EntityTagger(bits, bias, buckets, weights, (flags & 1) != 0);
    }

    /// <summary>Writes the model (the format <see cref="Load"/> reads): weights as float16.</summary>
    internal static void Write(Stream stream, int bits, ReadOnlySpan<float> bias, ReadOnlySpan<int> buckets, ReadOnlySpan<float> weights, bool usesHints)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(bits);
        w.Write(ClassCount);
        w.Write(usesHints ? 1 : 0);
        foreach (var x in bias) w.Write(x);
        w.Write(buckets.Length);
        foreach (var k in buckets) w.Write(k);
        foreach (var x in weights) w.Write((Half)x);
    }

    /// <summary>Writes this model (round trip of <see cref="Load"/>).</summary>
    internal void Save(Stream stream) => Write(stream, _bits, _bias, Buckets, _weights, UsesHints);

    /// <summary>
    /// Tags <paramref name="text"/>: tokenizes, splits sentences and computes lexicon hints with
    /// <see cref="PlaceFinder.Default"/> and <see cref="WeaponCatalogue.Default"/> (if this model uses hints).
    /// Never throws on odd input.
    /// </summary>
    internal IReadOnlyList<TaggedSpan> Tag(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var hints = UsesHints ? ComputeHints(text, tokens, sentences, PlaceFinder.Default, WeaponCatalogue.Default) : [];
        return Tag(text, tokens, sentences, hints);
    }

    /// <summary>
    /// Per-token hints from a place finder and a weapon catalogue (either may be null), for
    /// <see cref="Tag(string, ReadOnlySpan{Token}, ReadOnlySpan{Sentence}, ReadOnlySpan{TaggerHints})"/>.
    /// </summary>
    internal static TaggerHints[] ComputeHints(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences,
        PlaceFinder? places, WeaponCatalogue? weapons)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return [];
        return HintsFrom(tokens, places?.Find(text, tokens, sentences), weapons?.Find(text, tokens));
    }

    /// <summary>
    /// Per-token hints from mentions the caller already has (the pipeline's place and weapon mentions of the same text and
    /// tokens), so nothing is looked up twice. Mentions that do not fit the tokens are ignored.
    /// </summary>
    internal static TaggerHints[] HintsFrom(ReadOnlySpan<Token> tokens, IReadOnlyList<PlaceMention>? places, IReadOnlyList<WeaponMention>? weapons)
    {
        if (tokens.IsEmpty) return [];
        var hints = new TaggerHints[tokens.Length];
        HintsInto(tokens, places, weapons, hints);
        return hints;
    }

    /// <summary>As <see cref="HintsFrom"/>, into <paramref name="hints"/> (one per token, cleared first).</summary>
    internal static void HintsInto(ReadOnlySpan<Token> tokens, IReadOnlyList<PlaceMention>? places, IReadOnlyList<WeaponMention>? weapons, Span<TaggerHints> hints)
    {
        hints.Clear();
        if (places is not null)
            foreach (var m in places)
                Mark(hints, m.FirstToken, m.EndToken, TaggerHints.PlaceBegin, TaggerHints.PlaceInside);
        if (weapons is not null)
            foreach (var m in weapons)
            {
                int first = FirstTokenAt(tokens, m.Start), end = FirstTokenAt(tokens, m.End);
                Mark(hints, first, end, TaggerHints.WeaponBegin, TaggerHints.WeaponInside);
            }
    }

    /// <summary>Index of the first token ending after <paramref name="offset"/>.</summary>
    private static int FirstTokenAt(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void Mark(Span<TaggerHints> hints, int first, int end, TaggerHints begin, TaggerHints inside)
    {
        if (first < 0 || end > hints.Length || first >= end) return;
        hints[first] |= begin;
        for (int i = first + 1; i < end; i++) hints[i] |= inside;
    }

    /// <summary>
    /// Tags pre-tokenized text. <paramref name="tokens"/> and <paramref name="sentences"/> are the
    /// <see cref="Tokenizer"/>'s and <see cref="SentenceSplitter"/>'s output for <paramref name="text"/> (when
    /// <paramref name="sentences"/> is empty all tokens are one sentence). <paramref name="hints"/> holds one value per token
    /// or is empty. Returns spans in text order. Never throws on odd input.
    /// </summary>
    internal IReadOnlyList<TaggedSpan> Tag(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<TaggerHints> hints = default)
    {
        var result = new List<TaggedSpan>();
        TagInto(text, tokens, sentences, hints, result);
        return result;
    }

    /// <summary>
    /// As <see cref="Tag(string, ReadOnlySpan{Token}, ReadOnlySpan{Sentence}, ReadOnlySpan{TaggerHints})"/>, appending to
    /// <paramref name="result"/>; <paramref name="cancellationToken"/> is checked before each sentence.
    /// </summary>
    internal void TagInto(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<TaggerHints> hints, List<TaggedSpan> result, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return;
        foreach (var t in tokens)
            if (t.Start < 0 || t.Length < 0 || t.Start > text.Length - t.Length) return;
        if (hints.Length != tokens.Length) hints = default;

        int n = tokens.Length;
        WordClass[] classArr = ArrayPool<WordClass>.Shared.Rent(n);
        uint[] hashArr = ArrayPool<uint>.Shared.Rent(2 * n);
        float[] logp = ArrayPool<float>.Shared.Rent(n * ClassCount);
        try
        {
            var tables = new Tables(classArr.AsSpan(0, n), hashArr.AsSpan(0, n), hashArr.AsSpan(n, n));
            TaggerFeatures.Prepare(text, tokens, tables.Classes, tables.Words, tables.Shapes);
            if (sentences.IsEmpty) TagSentence(text, tokens, 0, n, tables, hints, logp, result);
            else
            {
                int done = 0;
                foreach (var s in sentences)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int first = Math.Max(done, Math.Max(0, s.FirstToken)), end = Math.Min(n, s.EndToken);
                    if (first >= end) continue;
                    TagSentence(text, tokens, first, end, tables, hints, logp, result);
                    done = end;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(logp);
            ArrayPool<uint>.Shared.Return(hashArr);
            ArrayPool<WordClass>.Shared.Return(classArr);
        }
    }

    /// <summary>
    /// Unnormalized scores of the 11 BIO classes for token <paramref name="i"/> (the log-probabilities plus a constant
    /// of the token, which the Viterbi pass does not need; <see cref="LogProbability"/> normalizes one when wanted).
    /// </summary>
    private void Score(string text, ReadOnlySpan<Token> tokens, int i, in TaggerFeatures.SentenceInfo info,
        in Tables tables, ReadOnlySpan<TaggerHints> hints, Span<float> scores)
    {
        Span<int> feats = stackalloc int[TaggerFeatures.MaxFeatures];
        int nf = TaggerFeatures.Extract(text, tokens, i, info, tables.Classes, tables.Words, tables.Shapes, hints, _bits, feats);
        var slots = _slots;
        int slotMask = _slotMask;
        ref float rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref float bias = ref MemoryMarshal.GetArrayDataReference(_biasRow);
        var lo = Vector256.LoadUnsafe(ref bias);
        var hi = Vector256.LoadUnsafe(ref bias, 8);
        for (int f = 0; f < nf; f++)
        {
            int key = feats[f];
            int k = key & slotMask;
            int found;
            while ((found = slots[2 * k]) >= 0 && found != key) k = (k + 1) & slotMask;
            if (found < 0) continue;
            nuint off = (nuint)slots[2 * k + 1];
            lo += Vector256.LoadUnsafe(ref rows, off);
            hi += Vector256.LoadUnsafe(ref rows, off + 8);
        }
        Span<float> all = stackalloc float[Stride];
        lo.StoreUnsafe(ref MemoryMarshal.GetReference(all));
        hi.StoreUnsafe(ref MemoryMarshal.GetReference(all), 8);
        all[..ClassCount].CopyTo(scores);
    }

    /// <summary>The log-probability of class <paramref name="c"/> from a token's unnormalized scores (softmax).</summary>
    private static float LogProbability(ReadOnlySpan<float> scores, int c)
    {
        float max = scores[0];
        for (int k = 1; k < ClassCount; k++) if (scores[k] > max) max = scores[k];
        float sum = 0;
        for (int k = 0; k < ClassCount; k++) sum += MathF.Exp(scores[k] - max);
        return scores[c] - (max + MathF.Log(sum));
    }

    /// <summary>Per-token tables of one call (views over pooled arrays).</summary>
    private readonly ref struct Tables(Span<WordClass> classes, Span<uint> words, Span<uint> shapes)
    {
        public readonly Span<WordClass> Classes = classes;
        public readonly Span<uint> Words = words;
        public readonly Span<uint> Shapes = shapes;
    }

    private void TagSentence(string text, ReadOnlySpan<Token> tokens, int first, int end, in Tables tables,
        ReadOnlySpan<TaggerHints> hints, float[] logp, List<TaggedSpan> result)
    {
        int len = end - first;
        byte[] allowArr = ArrayPool<byte>.Shared.Rent(len);
        try
        {
            Span<byte> allow = allowArr.AsSpan(0, len);
            ScoreTokens(text, tokens, first, end, tables, hints, logp, allow);
            Span<byte> path = len <= 512 ? stackalloc byte[len] : new byte[len];
            Decode(logp, allow, path);
            AddSpans(tokens, first, path, logp, result);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(allowArr);
        }
    }

    /// <summary>
    /// Scores every token of the sentence [<paramref name="first"/>, <paramref name="end"/>) into <paramref name="logp"/>
    /// and writes the classes each may take into <paramref name="allow"/>: 0 = O only (not a word or number: nothing to
    /// score), 1 = O and I-x (a content token that cannot begin a name), 2 = all. Scores stay unmasked so that a span's
    /// confidence can be computed from them.
    /// </summary>
    private void ScoreTokens(string text, ReadOnlySpan<Token> tokens, int first, int end, in Tables tables,
        ReadOnlySpan<TaggerHints> hints, float[] logp, Span<byte> allow)
    {
        var info = TaggerFeatures.Describe(text, tokens, first, end);
        for (int i = first; i < end; i++)
        {
            var lp = logp.AsSpan((i - first) * ClassCount, ClassCount);
            var t = tokens[i];
            bool content = t.Kind is TokenKind.Word or TokenKind.Number;
            if (!content)
            {
                allow[i - first] = 0;
                lp.Clear();
                continue;
            }
            bool canBegin = t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.HasDigit)
                || (!hints.IsEmpty && (hints[i] & (TaggerHints.PlaceBegin | TaggerHints.WeaponBegin)) != 0);
            allow[i - first] = canBegin ? (byte)2 : (byte)1;
            Score(text, tokens, i, info, tables, hints, lp);
        }
    }

    /// <summary>Viterbi over the sentence's scores: the best class path (I-x only after B-x or I-x) into <paramref name="path"/>.</summary>
    private static void Decode(float[] logp, ReadOnlySpan<byte> allow, Span<byte> path)
    {
        int len = path.Length;
        byte[] backArr = ArrayPool<byte>.Shared.Rent(len * ClassCount);
        try
        {
            Span<byte> back = backArr.AsSpan(0, len * ClassCount);
            Span<float> prev = stackalloc float[ClassCount];
            Span<float> cur = stackalloc float[ClassCount];
            for (int c = 0; c < ClassCount; c++) prev[c] = c > LabelCount ? float.NegativeInfinity : Allowed(logp, allow, 0, c);
            for (int k = 1; k < len; k++)
            {
                // Best predecessor among all classes (for O and B-x).
                int bestAll = 0;
                for (int c = 1; c < ClassCount; c++) if (prev[c] > prev[bestAll]) bestAll = c;
                for (int c = 0; c < ClassCount; c++)
                {
                    int from;
                    if (c <= LabelCount) from = bestAll;
                    else
                    {
                        int bx = c - LabelCount, ix = c;
                        from = prev[bx] >= prev[ix] ? bx : ix;
                    }
                    cur[c] = prev[from] + Allowed(logp, allow, k, c);
                    back[k * ClassCount + c] = (byte)from;
                }
                cur.CopyTo(prev);
            }
            int state = 0;
            for (int c = 1; c < ClassCount; c++) if (prev[c] > prev[state]) state = c;
            for (int k = len - 1; k >= 0; k--)
            {
                path[k] = (byte)state;
                if (k > 0) state = back[k * ClassCount + state];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(backArr);
        }
    }

    /// <summary>Adds a span for each B-x run of <paramref name="path"/>, its confidence the mean probability of its tokens' classes.</summary>
    private static void AddSpans(ReadOnlySpan<Token> tokens, int first, ReadOnlySpan<byte> path, float[] logp, List<TaggedSpan> result)
    {
        int len = path.Length;
        for (int k = 0; k < len; k++)
        {
            int c = path[k];
            if (c == 0 || c > LabelCount) continue;
            int e = k + 1;
            while (e < len && path[e] == c + LabelCount) e++;
            float sum = 0;
            for (int j = k; j < e; j++) sum += MathF.Exp(LogProbability(logp.AsSpan(j * ClassCount, ClassCount), path[j]));
            var ft = tokens[first + k];
            var lt = tokens[first + e - 1];
            result.Add(new TaggedSpan(ft.Start, lt.End, first + k, first + e, (EntityLabel)c, sum / (e - k)));
            k = e - 1;
        }
    }

    /// <summary>Token <paramref name="k"/>'s score for class <paramref name="c"/>, or −∞ where the class is not allowed there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Allowed(float[] scores, ReadOnlySpan<byte> allow, int k, int c)
    {
        int a = allow[k];
        bool ok = c == 0 || a == 2 || (a == 1 && c > LabelCount);
        return ok ? scores[k * ClassCount + c] : float.NegativeInfinity;
    }
}
