using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using ConflictExtract.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.DateTime.English;
using Token = ConflictExtract.Text.Token;

namespace ConflictExtract.Recognizers;

/// <summary>
/// Finds counts, dates and distances in news text. Common forms are parsed by fast paths over the tokens;
/// Microsoft.Recognizers.Text's DateTime model is called only on short windows around date-like tokens the
/// fast paths leave over, and its TIMEX answers are cached per phrase. Create once and share:
/// the instance is thread-safe and holds no mutable state other than a bounded concurrent cache.
/// </summary>
internal sealed class RecognizerLayer
{
    private const int MaxCacheEntries = 8192;
    private const int MaxWindowChars = 200;
    /// <summary>Tokens between two checks of the caller's cancellation token in the main loop.</summary>
    private const int CancelCheckEvery = 1024;
    /// <summary>Most numbers (digit groups and number words) in one fallback window: "between March 3, 2023 and April 5, 2024" has four.</summary>
    private const int MaxWindowNumbers = 4;
    /// <summary>Longest token with digits a fallback window takes (see <see cref="NumberGroups"/>).</summary>
    private const int MaxDateNumberChars = 10;
    /// <summary>Longest token of any kind a fallback window takes ("mid-September", "twenty-seventh": 14).</summary>
    private const int MaxDateWordChars = 24;
    private static readonly DateTime Sentinel = new(1900, 6, 15);

    private readonly Lazy<Microsoft.Recognizers.Text.DateTime.DateTimeModel> _dateTime = new(BuildModel, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, CachedDate[]> _cache = new(StringComparer.Ordinal);
    private long _fallbackCalls;
    private string? _modelError;

    /// <summary>
    /// Phrases of the kinds the fallback sees, parsed once when the model is built: the first call through each of
    /// Recognizers' code paths costs up to 200 ms (its regexes and parsers are made and compiled on first use), which
    /// would otherwise fall on the first documents that take each path, whatever the budget.
    /// </summary>
    private static readonly string[] WarmUp =
    [
        "a year and a half ago", "some two and a half weeks ago", "three decades ago", "two and a half hours ago",
        "48 minutes ago", "between May 4 and July 24", "from Oct 2 to 14", "late April early March mid-April",
        "since Monday", "since 3.5 weeks ago", "the 3rd of June 2021", "Aug 18-19", "Jan 3 - Feb 4, 2020",
        "on 12/03/2024 at 10:30 pm", "2024-01-02", "Sept. 27, 2023", "last week", "the past two days", "in 2019",
        "2 p.m. Monday", "eleven and a half years ago May 10 to July 14", "twenty-one thousand and five years ago",
    ];

    /// <summary>
    /// Recognizers' English date model, made as <c>new DateTimeRecognizer(Culture.English).GetDateTimeModel()</c> makes it
    /// but under the invariant culture's name ("") instead of "en-us". Recognizers turns that name into
    /// <see cref="System.Globalization.CultureInfo"/> objects (for number formats, which are the same in both), and under
    /// <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c> (common in containers) no culture but the invariant one can be made:
    /// the stock model then fails to build. This one builds, and answers alike, in both modes
    /// (tests/.../Recognizers/InvariantGlobalizationTests).
    /// </summary>
    internal static Microsoft.Recognizers.Text.DateTime.DateTimeModel CreateDateModel()
    {
        var config = new BaseDateTimeOptionsConfiguration(string.Empty, DateTimeOptions.None, dmyDateFormat: false);
        return new Microsoft.Recognizers.Text.DateTime.DateTimeModel(
            new BaseMergedDateTimeParser(new EnglishMergedParserConfiguration(config)),
            new BaseMergedDateTimeExtractor(new EnglishMergedExtractorConfiguration(config)));
    }

    private static Microsoft.Recognizers.Text.DateTime.DateTimeModel BuildModel()
    {
        var model = CreateDateModel();
        foreach (var phrase in WarmUp)
        {
            model.Parse(phrase, Sentinel);
            model.Parse(phrase, new DateTime(2024, 3, 10));
        }
        return model;
    }

    /// <summary>How many times the Recognizers DateTime model has been called (cache misses), for diagnostics and tests.</summary>
    public long FallbackCalls => Interlocked.Read(ref _fallbackCalls);

    /// <summary>
    /// Fallback lookups (cache hits and misses: what the per-document budget counts) made on this thread: a work counter
    /// for the tests and the fuzzer. Thread-local, so it needs no synchronisation.
    /// </summary>
    [ThreadStatic] internal static long Lookups;

    /// <summary>
    /// Builds the Recognizers DateTime model now (about a second of CPU) instead of at the first date the fast paths
    /// cannot read. Extraction never needs this call; it lets a caller time extraction with every model loaded.
    /// </summary>
    internal void LoadFallbackModel() => _ = _dateTime.Value;

    private readonly record struct CachedDate(int Start, int End, string? Timex, string? Mod, bool Relative);

    /// <summary>Finds every count, date and distance in <paramref name="text"/>.</summary>
    /// <param name="text">The document.</param>
    /// <param name="tokens">Its tokens, offsets into <paramref name="text"/>.</param>
    /// <param name="publishedAt">The reference date for relative dates; when null they stay unresolved.</param>
    /// <returns>
    /// Mentions with offsets into <paramref name="text"/>; empty on odd input. The date fallback's work is bounded as in
    /// <see cref="ConflictExtractor.Extract(string, ExtractionOptions)"/> with default options; when a budget was spent,
    /// <see cref="RecognizedValues.Diagnostics"/> says where.
    /// </returns>
    public RecognizedValues Recognize(string text, ReadOnlySpan<Token> tokens, DateOnly? publishedAt)
    {
        if (string.IsNullOrEmpty(text)) return RecognizedValues.Empty;
        List<QuantityMention> qs = [];
        List<DateMention> ds = [];
        List<DistanceMention> ks = [];
        var run = ExtractionRun.Default(text.Length);
        RecognizeInto(text, tokens, publishedAt, qs, ds, ks, run);
        var diagnostics = run.Diagnostics;
        return qs.Count == 0 && ds.Count == 0 && ks.Count == 0 && diagnostics.IsEmpty ? RecognizedValues.Empty : new RecognizedValues(qs, ds, ks, diagnostics);
    }

    /// <summary>
    /// As <see cref="Recognize"/>, into the three lists given, which must be empty (the pipeline's, kept per thread).
    /// <paramref name="run"/>'s token is checked every 1,024 tokens and before each call into Recognizers; its budget
    /// bounds the fallback's calls, and a budget spent is reported to it as a diagnostic.
    /// </summary>
    internal void RecognizeInto(string text, ReadOnlySpan<Token> tokens, DateOnly? publishedAt, List<QuantityMention> qs, List<DateMention> ds, List<DistanceMention> ks,
        ExtractionRun run)
    {
        Debug.Assert(qs.Count == 0 && ds.Count == 0 && ks.Count == 0, "the fallback reads the dates found so far in ds");
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty || !Valid(text, tokens)) return;
        int n = tokens.Length;
        int[]? rented = null;
        Span<int> cache = n <= 256 ? stackalloc int[256] : (rented = ArrayPool<int>.Shared.Rent(n));
        var budget = new FallbackBudget(run);
        try
        {
            var s = new Scan(text, tokens, cache[..n]);
            int i = 0, nextCheck = CancelCheckEvery;
            while (i < n)
            {
                if (i >= nextCheck)
                {
                    budget.Cancellation.ThrowIfCancellationRequested();
                    nextCheck = i + CancelCheckEvery;
                }
                if (s.TryDate(i, publishedAt, out var dv, out int first, out int e) && e > first && dv.Valid)
                {
                    ds.Add(new DateMention(s.StartOf(first), s.EndOf(e), dv.Range, dv.Timex));
                    i = e;
                    continue;
                }
                int k = s.TryQuantity(i, out var q, out var d, out e);
                if (k != 0 && e > i)
                {
                    if (k == 1) qs.Add(q);
                    else if (k == 2) ks.Add(d);
                    i = e;
                    continue;
                }
                if (IsFallbackTrigger(ref s, i) && Fallback(ref s, i, publishedAt, ds, ref budget, out var dm))
                {
                    ds.Add(dm);
                    int next = i + 1;
                    while (next < n && tokens[next].Start < dm.End) next++;
                    i = next;
                    continue;
                }
                i++;
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
        budget.Report(run);
    }

    /// <summary>
    /// Parses the count that covers token <paramref name="tokenIndex"/>, including a qualifier up to three tokens before it
    /// ("at least 14", "more than a dozen"). Returns null when the token is not part of a count (or is a year, time, percentage, age or designation).
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="tokenIndex">Index of a token of the number.</param>
    public QuantityMention? QuantityAt(string text, ReadOnlySpan<Token> tokens, int tokenIndex)
    {
        if (string.IsNullOrEmpty(text) || (uint)tokenIndex >= (uint)tokens.Length) return null;
        int lo = Math.Max(0, tokenIndex - 4);
        int hi = Math.Min(tokens.Length, tokenIndex + 12);
        var window = tokens[lo..hi];
        if (!Valid(text, window)) return null;
        Span<int> cache = stackalloc int[16];
        var s = new Scan(text, window, cache[..window.Length]);
        int target = tokenIndex - lo;
        for (int i = 0; i <= target; i++)
        {
            if (s.TryQuantity(i, out var q, out _, out int e) == 1 && e > target) return q;
        }
        return null;
    }

    private static bool Valid(string text, ReadOnlySpan<Token> tokens)
    {
        foreach (var t in tokens)
        {
            if (t.Start < 0 || t.Length < 0 || t.Start > text.Length - t.Length) return false;
        }
        return true;
    }

    /// <summary>Letters of each month's full name (index 1..12), to tell "Jan"/"Sept" from "January"/"September".</summary>
    private static ReadOnlySpan<byte> FullMonthLength => [0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];

    /// <summary>
    /// Date-like tokens the fast path did not take: capitalised month names, "ago" after a number, "since"/"between" before a
    /// date-ish token. An abbreviated month ("Jan", "Sept.") is a date only with a date next to it: a day, day range or year
    /// after it, a day before it, or a date word before it (early, mid, late, since, in, of, on, until, through, during, from,
    /// between, to, and). Alone it is far more often a name ("Mano Jan Road", "Dec Smith"); Recognizers reads every such
    /// "Jan" as the month of January, which no coder would.
    /// </summary>
    private static bool IsFallbackTrigger(ref Scan s, int i)
    {
        var l = s.L(i);
        if (l.Kind == LexKind.Month)
        {
            int month = l.Value & 0xFF;
            if (month is 3 or 5 || !char.IsUpper(s.Text[s.StartOf(i)])) return false;
            if ((l.Value & 0x100) != 0) return true;
            int letters = s.Tokens[i].Length;
            if (letters > 1 && s.Text[s.Tokens[i].End - 1] == '.') letters--;
            if (letters >= FullMonthLength[month]) return true;
            int j = i + 1;
            if (s.L(j).IsPunct('.') && s.Glued(j)) j++;
            if (s.L(j).Kind is LexKind.Digits or LexKind.Ordinal or LexKind.DigitRange) return true;
            if (i == 0) return false;
            var p = s.L(i - 1);
            if (p.Kind is LexKind.Digits or LexKind.Ordinal or LexKind.DigitRange) return true;
            return p.Kind == LexKind.Kw && (Kw)p.Value is Kw.Early or Kw.Mid or Kw.Late or Kw.Since or Kw.In or Kw.Of or Kw.On
                or Kw.Until or Kw.Through or Kw.During or Kw.From or Kw.Between or Kw.To or Kw.And;
        }
        if (l.IsKw(Kw.Ago))
        {
            // Every "number unit ago" the fast path knows is taken before "ago" is reached; what is left with a number near it
            // ("a year and a half ago") goes to Recognizers. Without one ("days ago", "many years ago") Recognizers finds nothing.
            for (int j = i - 1; j >= 0 && j >= i - 4; j--)
            {
                var m = s.L(j);
                if (m.Kind is LexKind.Digits or LexKind.Small or LexKind.Tens or LexKind.Dozen or LexKind.Multiplier
                    || m.IsKw(Kw.A) || m.IsKw(Kw.Half) || m.IsKw(Kw.Few) || m.IsKw(Kw.Several) || m.IsKw(Kw.Couple)) return true;
            }
            return false;
        }
        if (l.IsKw(Kw.Since) || l.IsKw(Kw.Between))
        {
            for (int j = i + 1; j < i + 4 && j < s.Count; j++)
            {
                var m = s.L(j);
                if (m.Kind is LexKind.Month or LexKind.Weekday) return true;
            }
        }
        return false;
    }

    private static bool IsBoundary(ref Scan s, int j)
    {
        var l = s.L(j);
        if (l.Kind != LexKind.Punct) return s.Tokens[j].Has(TokenFlags.ParagraphBefore);
        return l.Value is '!' or '?' or ';' or '"' or '\u201C' or '\u201D' || (l.Value == '.' && !(s.Glued(j) && s.L(j - 1).Kind == LexKind.Month));
    }

    /// <summary>
    /// How much token <paramref name="j"/> would add to a Recognizers call's cost, in number groups, or -1 when the token
    /// cannot be part of a date phrase and the window must stop before it: a token with digits longer than a written date
    /// ("2024-01-02", "12/03/2024": 10 characters) or with more than two separators ("19-26/14-4"), or a word longer than
    /// any date word. Recognizers' cost grows much faster than linearly with the numbers in its input (measured on
    /// 1.8.13: 2 to 4 ms for a month and two or three numbers, 40 ms for 100 characters of "/"- and "-"-joined numbers,
    /// 300 ms for 190), so a window holds at most <see cref="MaxWindowNumbers"/> of them.
    /// </summary>
    private static int NumberGroups(ref Scan s, int j)
    {
        var t = s.Tokens[j];
        if (t.Length > MaxDateWordChars) return -1;
        if (!t.Has(TokenFlags.HasDigit))
            return s.L(j).Kind is LexKind.Small or LexKind.Tens or LexKind.Multiplier or LexKind.Dozen or LexKind.Plural ? 1 : 0;
        if (t.Length > MaxDateNumberChars) return -1;
        int separators = 0, groups = 0;
        bool inDigits = false;
        foreach (char c in t.Slice(s.Text))
        {
            if (c is '/' or '-' or '.' or '\u2013' or ':' or ',') separators++;
            bool digit = char.IsAsciiDigit(c);
            if (digit && !inDigits) groups++;
            inDigits = digit;
        }
        return separators > 2 ? -1 : groups;
    }

    /// <summary>Widens the window [first, last) on one side, by at most <paramref name="most"/> tokens, up to a boundary, a token that is noise, or the numbers' cap.</summary>
    private static void Extend(ref Scan s, int trigger, int most, ref int first, ref int last, ref int numbers, bool forward)
    {
        int g;
        if (forward)
        {
            while (last < s.Count && last - trigger <= most && !IsBoundary(ref s, last) && (g = NumberGroups(ref s, last)) >= 0 && numbers + g <= MaxWindowNumbers)
            {
                numbers += g;
                last++;
            }
        }
        else
        {
            while (first > 0 && trigger - first < most && !IsBoundary(ref s, first - 1) && (g = NumberGroups(ref s, first - 1)) >= 0 && numbers + g <= MaxWindowNumbers)
            {
                numbers += g;
                first--;
            }
        }
    }

    private bool Fallback(ref Scan s, int trigger, DateOnly? pub, List<DateMention>? found, ref FallbackBudget budget, out DateMention mention)
    {
        mention = default;
        budget.Cancellation.ThrowIfCancellationRequested();
        int first = trigger, last = trigger + 1;
        // A window of up to 3 tokens before the trigger and 5 after it. "ago" closes a phrase that starts well before it
        // ("a year and a half ago"): up to 6 before it and none after. The numbers a window may hold go first to the side
        // that carries the date: after a month or "since", before "ago".
        int numbers = 0;
        if (s.L(trigger).IsKw(Kw.Ago))
        {
            Extend(ref s, trigger, 6, ref first, ref last, ref numbers, forward: false);
        }
        else
        {
            Extend(ref s, trigger, 5, ref first, ref last, ref numbers, forward: true);
            Extend(ref s, trigger, 3, ref first, ref last, ref numbers, forward: false);
        }
        int ws = s.StartOf(first), we = s.EndOf(last);
        if (found is { Count: > 0 } && found[^1].End > ws) ws = Math.Min(found[^1].End, s.StartOf(trigger));
        if (we - ws > MaxWindowChars || we <= ws) return false;
        int at = s.StartOf(trigger);
        if (!budget.TryTake(at)) return false;
        var window = s.Text.AsSpan(ws, we - ws);
        var items = Lookup(window, null, ref budget, at);
        int ts = at - ws, te = s.Tokens[trigger].End - ws;
        foreach (var c in items)
        {
            if (c.End <= ts || c.Start >= te) continue;
            var item = c;
            if (c.Relative)
            {
                if (pub is null) { mention = new DateMention(ws + c.Start, ws + c.End, null, null); return true; }
                if (!budget.TryTake(at)) return false;
                CachedDate? hit = null;
                foreach (var r in Lookup(window, pub, ref budget, at)) if (r.Start == c.Start && r.End == c.End) hit = r;
                if (hit is null) continue;
                item = hit.Value;
            }
            var v = TimexResolver.Resolve(item.Timex, item.Mod, pub);
            mention = new DateMention(ws + c.Start, ws + c.End, v.Range, c.Relative ? v.Range is null ? null : item.Timex : item.Timex);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Recognizers' dates in <paramref name="window"/> (at most <see cref="MaxWindowChars"/> long), from the cache when the
    /// phrase was seen before: a hit builds no string. A miss is a Recognizers call, made only while the document's time
    /// budget lasts (otherwise none: empty).
    /// </summary>
    private CachedDate[] Lookup(ReadOnlySpan<char> window, DateOnly? pub, ref FallbackBudget budget, int at)
    {
        Lookups++;
        // The key is the window, prefixed "day|" when resolved against a publication date.
        Span<char> buffer = stackalloc char[MaxWindowChars + 16];
        int prefix = 0;
        if (pub is { } p)
        {
            p.DayNumber.TryFormat(buffer, out prefix, default, System.Globalization.CultureInfo.InvariantCulture);
            buffer[prefix++] = '|';
        }
        window.CopyTo(buffer[prefix..]);
        ReadOnlySpan<char> key = buffer[..(prefix + window.Length)];
        if (_cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var hit)) return hit;
        if (!budget.TryCall(at)) return [];
        budget.Cancellation.ThrowIfCancellationRequested();
        // The model is built (about a second, once) before the clock starts: the budget is for this document's calls.
        if (Model() is not { } model)
        {
            budget.Failed(at, "the Recognizers date model could not be built: " + _modelError);
            return [];
        }
        long t0 = Environment.TickCount64;
        try
        {
            return Parse(model, window.ToString(), key.ToString(), pub, ref budget, at);
        }
        finally
        {
            budget.Spent(Environment.TickCount64 - t0);
        }
    }

    /// <summary>The date model, built on first need; null when it cannot be built (the reason is kept in <see cref="_modelError"/>).</summary>
    private Microsoft.Recognizers.Text.DateTime.DateTimeModel? Model()
    {
        try
        {
            return _dateTime.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _modelError ??= e.GetType().Name + ": " + e.Message;
            return null;
        }
    }

    private CachedDate[] Parse(Microsoft.Recognizers.Text.DateTime.DateTimeModel model, string window, string key, DateOnly? pub, ref FallbackBudget budget, int at)
    {
        CachedDate[] items;
        try
        {
            Interlocked.Increment(ref _fallbackCalls);
            var results = model.Parse(window, pub is { } d ? d.ToDateTime(TimeOnly.MinValue) : Sentinel);
            var list = new List<CachedDate>(results.Count);
            foreach (var r in results)
            {
                if (r.Start < 0 || r.End < r.Start || r.End >= window.Length) continue;
                string? timex = null, mod = null;
                if (r.Resolution is { } res && res.TryGetValue("values", out var vs) && vs is System.Collections.IEnumerable seq)
                {
                    foreach (var o in seq)
                    {
                        if (o is IDictionary<string, string> dict)
                        {
                            dict.TryGetValue("timex", out timex);
                            dict.TryGetValue("Mod", out mod);
                            break;
                        }
                    }
                }
                bool relative = pub is null && timex is not null && FromSentinel(timex, window);
                list.Add(new CachedDate(r.Start, r.End + 1, timex, mod, relative));
            }
            items = list.ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not cached: the same phrase fails (and is reported) the same way in every document.
            budget.Failed(at, "Recognizers failed on a date phrase: " + ex.GetType().Name + ": " + ex.Message);
            return [];
        }
        if (_cache.Count >= MaxCacheEntries) _cache.Clear();
        _cache.TryAdd(key, items);
        return items;
    }

    /// <summary>
    /// True when a TIMEX computed against the 1900-06-15 sentinel holds a year derived from it rather than written in the window:
    /// "two years ago" gives 1898, "a decade ago" 1890, "100 years ago" 1800 (a year of 1901 or earlier that the window does not contain).
    /// </summary>
    private static bool FromSentinel(string timex, string window)
    {
        for (int k = 0; k + 4 <= timex.Length; k++)
        {
            if (!char.IsAsciiDigit(timex[k]) || (k > 0 && char.IsAsciiDigit(timex[k - 1]))) continue;
            int n = 0, len = 0;
            while (k + len < timex.Length && char.IsAsciiDigit(timex[k + len]) && len < 5) { n = n * 10 + (timex[k + len] - '0'); len++; }
            if (len != 4) continue;
            if (n <= 1901 && !window.AsSpan().Contains(timex.AsSpan(k, 4), StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
