using System.Diagnostics;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// The summary: how many distinct people the document reports killed and injured, as a coder counts. Distinct groups
/// in one sentence add up, a subset ("including five children") is not added, a figure repeated or raised later counts
/// once (the largest), figures for different places add up, and a figure not tied to a place (a cumulative toll) is
/// taken when it is at least the sum of the placed ones.
/// </summary>
internal sealed class SummaryStage : IStage
{
    public string Name => StageNames.Summary;

    public void Run(DocumentContext doc)
    {
        var totals = doc.Scratch<Totals>();
        var records = doc.Records;
        records.Summary = new Summary(totals.Total(records.Casualties, CasualtyKind.Killed), totals.Total(records.Casualties, CasualtyKind.Injured));
    }
}

/// <summary>The summary's per-document working collections and its counting.</summary>
internal sealed class Totals : Scratch
{
    private readonly List<CasualtyDraft> _items;
    private readonly Dictionary<PlaceId, Bucket> _buckets;

    public Totals()
    {
        _items = NewList<CasualtyDraft>();
        _buckets = NewMap<PlaceId, Bucket>();
    }

    /// <summary>One place's figures: the largest sentence figure, what is added to it, and whether any was a lower bound.</summary>
    private struct Bucket
    {
        public long Max;
        public Quantity? MaxQ;
        public long Extra;
        public bool AtLeast;
    }

    /// <summary>The document's total for one kind (null when it reports none).</summary>
    public Quantity? Total(List<CasualtyDraft> casualties, CasualtyKind kind)
    {
        // The figures counted, in document order: drafts are made sentence by sentence and merging keeps their order,
        // so each sentence's figures form one run.
        _items.Clear();
        foreach (var c in casualties)
            if (c.Kind == kind && !c.Subset && c.Count.Headline is not null) _items.Add(c);
        if (_items.Count == 0) return null;
        _buckets.Clear();
        Span<bool> taken = stackalloc bool[64];
        for (int start = 0; start < _items.Count;)
        {
            int end = start + 1;
            while (end < _items.Count && _items[end].Sentence == _items[start].Sentence) end++;
            Debug.Assert(end == _items.Count || _items[end].Sentence > _items[start].Sentence, "casualty drafts in sentence order");
            int size = end - start;
            var done = size <= taken.Length ? taken[..size] : new bool[size];
            done.Clear();
            for (int j = 0; j < size; j++)
                if (!done[j]) AddSentenceFigure(start, size, j, done);
            start = end;
        }
        return Combine();
    }

    /// <summary>One place's figures of one sentence (from item <paramref name="j"/> on) into its bucket: they add up.</summary>
    private void AddSentenceFigure(int start, int size, int j, Span<bool> done)
    {
        var key = TotalKey(_items[start + j]);
        long sum = 0, extra = 0;
        bool atLeast = false, approx = false;
        Quantity? single = null;
        int n = 0;
        for (int k = j; k < size; k++)
        {
            if (done[k]) continue;
            var c = _items[start + k];
            if (TotalKey(c) != key) continue;
            done[k] = true;
            atLeast |= c.Count.Qualifier == QuantityQualifier.AtLeast;
            if (c.Additive && !c.Cumulative) { extra += c.Count.Headline!.Value; continue; }
            sum += c.Count.Headline!.Value;
            approx |= c.Count.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
            single = c.Count;
            n++;
        }
        var q = n == 1 ? single : n == 0 ? null : atLeast ? Quantity.AtLeast(sum) : approx ? new Quantity(sum, null, null, QuantityQualifier.Approximately) : Quantity.Exact(sum);
        _buckets.TryGetValue(key, out var cur);
        if (q is not null && sum > cur.Max) { cur.Max = sum; cur.MaxQ = q; }
        cur.Extra += extra;
        cur.AtLeast |= atLeast;
        _buckets[key] = cur;
    }

    /// <summary>The placed buckets add up; the unplaced bucket is taken instead when it is at least their sum.</summary>
    private Quantity? Combine()
    {
        if (_buckets.Count == 0) return null;
        long placed = 0;
        bool anyAtLeast = false;
        int placedBuckets = 0;
        Quantity? only = null;
        foreach (var (key, b) in _buckets)
        {
            if (key == default) continue;
            placed += b.Max + b.Extra;
            anyAtLeast |= b.AtLeast;
            only = b.Extra == 0 ? b.MaxQ : null;
            placedBuckets++;
        }
        if (_buckets.TryGetValue(default, out var unplaced))
        {
            long u = unplaced.Max + unplaced.Extra;
            if (u >= placed && u > 0)
                return unplaced.Extra == 0 && unplaced.MaxQ is not null ? unplaced.MaxQ : unplaced.AtLeast ? Quantity.AtLeast(u) : Quantity.Exact(u);
        }
        if (placed == 0) return null;
        return placedBuckets == 1 && only is not null ? only : anyAtLeast ? Quantity.AtLeast(placed) : Quantity.Exact(placed);
    }

    /// <summary>The place a figure counts for: none (the unplaced bucket) for cumulative or country-wide figures.</summary>
    private static PlaceId TotalKey(CasualtyDraft c) =>
        c.Cumulative || c.Location is null || c.Location.Kind == PlaceKind.Country ? default : new PlaceId(c.Location.Name, c.Location.Admin1, null);
}
