using System.Diagnostics;
using ConflictExtract.Analysis;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// The summary: how many distinct people the document reports killed and injured, as a coder counts. Distinct groups
/// in one sentence add up, a subset ("including five children") is not added, a figure repeated or raised later counts
/// once (the largest), figures for different places add up, and a figure not tied to a place (a cumulative toll) is
/// taken when it is at least the sum of the placed ones.
/// </summary>
/// <remarks>
/// Which figures make up the total is the learned decision of <see cref="CountModel"/> (trained on real reports, see
/// models/casualties/README.md); the rules below give it one of its features, and decide alone when no model is given
/// (<c>new SummaryStage(null)</c>, the ablation). Exact rules stay rules: a subset is never added to its whole.
/// </remarks>
internal sealed class SummaryStage : IStage
{
    private readonly Lazy<CountModel?> _model;

    /// <summary>The stage with <paramref name="model"/> deciding, or the rules alone when it is null.</summary>
    public SummaryStage(CountModel? model) => _model = new(model);

    /// <summary>The stage with the package's model, read at the first document (so that a pipeline can be built without it).</summary>
    public SummaryStage() => _model = new(() => CountModel.Default, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => StageNames.Summary;

    public void Run(DocumentContext doc)
    {
        var model = _model.Value;
        var totals = doc.Scratch<Totals>();
        var records = doc.Records;
        records.Summary = model is null
            ? new Summary(totals.Total(doc.Analysis, records.Casualties, CasualtyKind.Killed), totals.Total(doc.Analysis, records.Casualties, CasualtyKind.Injured))
            : new Summary(totals.Learned(doc.Analysis, records.Casualties, CasualtyKind.Killed, model),
                totals.Learned(doc.Analysis, records.Casualties, CasualtyKind.Injured, model));
    }
}

/// <summary>The summary's per-document working collections and its counting.</summary>
internal sealed class Totals : Scratch
{
    private readonly List<CasualtyDraft> _items;
    private readonly Dictionary<PlaceId, Bucket> _buckets;

    private DocumentAnalysis? _a;
    private readonly List<CasualtyDraft> _figures;
    /// <summary>Figures that are another estimate of a figure counted in their sentence (set against it by "although", "but").</summary>
    private readonly HashSet<CasualtyDraft> _alternatives;
    private readonly HashSet<CasualtyDraft> _ruleSelected;
    private readonly List<CasualtyDraft> _chosen;

    public Totals()
    {
        _items = NewList<CasualtyDraft>();
        _buckets = NewMap<PlaceId, Bucket>();
        _figures = NewList<CasualtyDraft>();
        _ruleSelected = NewSet<CasualtyDraft>();
        _chosen = NewList<CasualtyDraft>();
        _alternatives = NewSet<CasualtyDraft>();
    }

    public override void Clear()
    {
        base.Clear();
        _a = null;
    }

    /// <summary>
    /// The figures of one kind that the summary weighs (every figure with a number, in document order), with the rules'
    /// choice among them; for the learned decision and for the training command that teaches it.
    /// </summary>
    public (List<CasualtyDraft> Figures, HashSet<CasualtyDraft> RuleSelected, Quantity? RuleTotal) Figures(DocumentAnalysis a, List<CasualtyDraft> casualties, CasualtyKind kind)
    {
        _figures.Clear();
        _ruleSelected.Clear();
        foreach (var c in casualties)
            if (c.Kind == kind && c.Count.Headline is not null && !IsBackground(c, a.PublishedAt, HasCurrentFigure(casualties, kind, a.PublishedAt))) _figures.Add(c);
        var ruleTotal = Total(a, casualties, kind, _ruleSelected);
        return (_figures, _ruleSelected, ruleTotal);
    }

    /// <summary>The total of the figures the model chooses (a subset never added to its whole); null when it chooses none.</summary>
    public Quantity? Learned(DocumentAnalysis a, List<CasualtyDraft> casualties, CasualtyKind kind, CountModel model)
    {
        var (figures, ruleSelected, ruleTotal) = Figures(a, casualties, kind);
        if (figures.Count == 0) return null;
        Span<float> x = stackalloc float[CasualtyFeatures.Count];
        _chosen.Clear();
        for (int i = 0; i < figures.Count; i++)
        {
            CasualtyFeatures.Compute(a, figures, i, ruleSelected, casualties, x);
            if (model.Score(x) > 0) _chosen.Add(figures[i]);
        }
        // Exact rules stay rules: distinct groups of one casualty word add up ("killed 5 soldiers and 3 civilians": 8), and a
        // figure of a sentence that opens a separate incident ("Separately, two soldiers were wounded") is counted.
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            if (f.Subset || _chosen.Contains(f)) continue;
            if (OpensSeparateIncident(a, f.Sentence) && !f.Cumulative) { _chosen.Add(f); continue; }
            foreach (var g in _chosen)
                if (!g.Subset && g.Sentence == f.Sentence && g.WordToken == f.WordToken) { _chosen.Add(f); break; }
        }
        // A model that chooses none of several current figures is outside what it learned from: WAD's descriptions
        // rarely hold more than a few figures, a digest of headlines holds dozens. Nothing chosen where the rules count
        // a total is no reason to report none; the rules' count stands.
        if (_chosen.Count == 0 && ruleTotal is not null) return ruleTotal;
        return SumChosen(_chosen);
    }

    /// <summary>A figure over a period that began more than this long before publication is history ("since 2014").</summary>
    private const int HistoryDays = 90;

    /// <summary>
    /// A figure that is not of the reported events: an incident of another year ("the 2009 massacre of"), a war's toll,
    /// a cumulative figure over a long period ("since 2014", "since the war began"), or one dated well before publication.
    /// Such figures are records, never part of the total.
    /// </summary>
    private static bool IsBackground(CasualtyDraft c, DateOnly? published, bool currentFigures)
    {
        if (c.Background) return true;
        if (currentFigures && IsEarlier(c, published)) return true;
        return published is { } pub && c.Date is { } d && c.Cumulative && d.Start < pub.AddDays(-HistoryDays);
    }

    /// <summary>
    /// A figure the text puts before the reported events: marked so by its sentence, or dated to an earlier month or year
    /// ("In March, ...", "last year"). A day or week may be one resolved into the year before ("on 13 August" in a text
    /// dated 9 August), so only a month or a year counts; and an earlier month only once the publication's month began.
    /// </summary>
    private static bool IsEarlier(CasualtyDraft c, DateOnly? published)
    {
        if (c.Earlier) return true;
        if (published is not { } pub || c.Date is not { } d) return false;
        return d.Precision is DatePrecision.Month or DatePrecision.Year && d.End < new DateOnly(pub.Year, pub.Month, 1);
    }

    /// <summary>Some figure of <paramref name="kind"/> belongs to the reported events (is neither history nor earlier).</summary>
    private static bool HasCurrentFigure(List<CasualtyDraft> casualties, CasualtyKind kind, DateOnly? published)
    {
        foreach (var c in casualties)
            if (c.Kind == kind && !c.Subset && !c.Background && !IsEarlier(c, published) && c.Count.Headline is not null) return true;
        return false;
    }

    /// <summary>"Separately, ...", "Elsewhere, ...", "Meanwhile, ...": the sentence reports another incident.</summary>
    private static bool OpensSeparateIncident(DocumentAnalysis a, int sentence)
    {
        int first = a.Sentences[sentence].FirstToken;
        return sentence > 0 && a.Has(first, Languages.Cue.TopicShift) && !a.Has(first, Languages.Cue.Additive);
    }

    /// <summary>The sum of the chosen figures, leaving out a subset whose whole is chosen too.</summary>
    public static Quantity? SumChosen(List<CasualtyDraft> chosen)
    {
        long sum = 0;
        int n = 0;
        bool atLeast = false, approx = false;
        Quantity? single = null;
        foreach (var c in chosen)
        {
            if (c.Subset && c.PartOf is { } whole && chosen.Contains(whole)) continue;
            sum += c.Count.Headline!.Value;
            atLeast |= c.Count.Qualifier == QuantityQualifier.AtLeast;
            approx |= c.Count.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
            single = c.Count;
            n++;
        }
        if (n == 0) return null;
        if (n == 1) return single;
        return atLeast ? Quantity.AtLeast(sum) : approx ? new Quantity(sum, null, null, QuantityQualifier.Approximately) : Quantity.Exact(sum);
    }

    /// <summary>One place's figures: the largest sentence figure, what is added to it, and whether any was a lower bound.</summary>
    private struct Bucket
    {
        /// <summary>The sentence whose figure is <see cref="Max"/>.</summary>
        public int MaxSentence;
        public long Max;
        public Quantity? MaxQ;
        public long Extra;
        public bool AtLeast;
    }

    /// <summary>
    /// The document's total for one kind (null when it reports none), and into <paramref name="selected"/> (when given)
    /// the drafts that make it up.
    /// </summary>
    public Quantity? Total(DocumentAnalysis a, List<CasualtyDraft> casualties, CasualtyKind kind, HashSet<CasualtyDraft>? selected = null)
    {
        _a = a;
        // The figures counted, in document order: drafts are made sentence by sentence and merging keeps their order,
        // so each sentence's figures form one run.
        _items.Clear();
        bool current = HasCurrentFigure(casualties, kind, a.PublishedAt);
        foreach (var c in casualties)
            if (c.Kind == kind && !c.Subset && !IsBackground(c, a.PublishedAt, current) && c.Count.Headline is not null) _items.Add(c);
        if (_items.Count == 0) return null;
        _buckets.Clear();
        _alternatives.Clear();
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
        var total = Combine(out bool unplacedWins);
        if (selected is not null && total is not null) Select(unplacedWins, selected);
        return total;
    }

    /// <summary>The drafts of the winning sentence of each bucket counted, and the additive ones.</summary>
    private void Select(bool unplacedWins, HashSet<CasualtyDraft> selected)
    {
        foreach (var c in _items)
        {
            var key = TotalKey(c);
            if ((key == default) != unplacedWins || !_buckets.TryGetValue(key, out var b)) continue;
            if (c.Additive && !c.Cumulative || b.MaxQ is not null && c.Sentence == b.MaxSentence && !_alternatives.Contains(c)) selected.Add(c);
        }
    }

    /// <summary>One place's figures of one sentence (from item <paramref name="j"/> on) into its bucket: they add up.</summary>
    private void AddSentenceFigure(int start, int size, int j, Span<bool> done)
    {
        var key = TotalKey(_items[start + j]);
        long sum = 0, extra = 0;
        bool atLeast = false, approx = false;
        Quantity? single = null;
        CasualtyDraft? previous = null, largest = null;
        bool estimates = false;
        int n = 0;
        for (int k = j; k < size; k++)
        {
            if (done[k]) continue;
            var c = _items[start + k];
            if (TotalKey(c) != key) continue;
            done[k] = true;
            atLeast |= c.Count.Qualifier == QuantityQualifier.AtLeast;
            if (c.Additive && !c.Cumulative) { extra += c.Count.Headline!.Value; continue; }
            estimates |= previous is not null && ContrastBetween(previous, c);
            previous = c;
            if (largest is null || c.Count.Headline > largest.Count.Headline) largest = c;
            sum += c.Count.Headline!.Value;
            approx |= c.Count.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
            single = c.Count;
            n++;
        }
        if (estimates && largest is not null)
        {
            // "Police confirmed nine dead, although residents said more than 20 died": estimates of one toll, not two groups.
            for (int k = j; k < size; k++)
                if (_items[start + k] is var c && TotalKey(c) == key && c != largest && !(c.Additive && !c.Cumulative)) _alternatives.Add(c);
            sum = largest.Count.Headline!.Value;
            single = largest.Count;
            atLeast = largest.Count.Qualifier == QuantityQualifier.AtLeast;
            n = 1;
        }
        var q = n == 1 ? single : n == 0 ? null : atLeast ? Quantity.AtLeast(sum) : approx ? new Quantity(sum, null, null, QuantityQualifier.Approximately) : Quantity.Exact(sum);
        _buckets.TryGetValue(key, out var cur);
        if (q is not null && sum > cur.Max) { cur.Max = sum; cur.MaxQ = q; cur.MaxSentence = _items[start + j].Sentence; }
        cur.Extra += extra;
        cur.AtLeast |= atLeast;
        _buckets[key] = cur;
    }

    /// <summary>A contrast word ("although", "but", "while") between two figures' counts of one sentence.</summary>
    private bool ContrastBetween(CasualtyDraft x, CasualtyDraft y)
    {
        if (_a is null || x.WordToken == y.WordToken) return false;
        int from = Math.Min(x.CountToken, y.CountToken), to = Math.Max(x.CountToken, y.CountToken);
        for (int k = from + 1; k < to; k++)
            if (_a.Has(k, Languages.Cue.Contrast)) return true;
        return false;
    }

    /// <summary>The placed buckets add up; the unplaced bucket is taken instead when it is at least their sum.</summary>
    private Quantity? Combine(out bool unplacedWins)
    {
        unplacedWins = false;
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
            unplacedWins = u >= placed && u > 0;
            if (unplacedWins)
                return unplaced.Extra == 0 && unplaced.MaxQ is not null ? unplaced.MaxQ : unplaced.AtLeast ? Quantity.AtLeast(u) : Quantity.Exact(u);
        }
        if (placed == 0) return null;
        return placedBuckets == 1 && only is not null ? only : anyAtLeast ? Quantity.AtLeast(placed) : Quantity.Exact(placed);
    }

    /// <summary>The place a figure counts for: none (the unplaced bucket) for cumulative or country-wide figures.</summary>
    private static PlaceId TotalKey(CasualtyDraft c) =>
        c.Cumulative || c.Location is null || c.Location.Kind == PlaceKind.Country ? default : new PlaceId(c.Location.Name, c.Location.Admin1, null);
}
