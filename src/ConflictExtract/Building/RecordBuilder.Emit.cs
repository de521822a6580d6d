using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

internal sealed partial class RecordBuilder
{
    private void ApplyLaunchSites()
    {
        if (_launchSites.Count == 0) return;
        var site = _launchSites[0];
        foreach (var s in _strikes)
        {
            if (s.LaunchSite is not null) continue;
            if (_weapons.Count > 0 && s.Weapons.Count == 0) continue; // a launch site belongs to the strikes of the weapons it launched
            s.LaunchSite = site.Location;
            s.Evidence.Add(Evidence.Of(_a.Text, site.Start, site.End));
        }
    }

    private static bool SamePlace(Location? a, Location? b) =>
        a is not null && b is not null && a.Name == b.Name && a.Admin1 == b.Admin1 && a.Country == b.Country;

    /// <summary>Null matches anything; two days must be the same day; a range matches what it overlaps.</summary>
    private static bool DatesCompatible(DateRange? a, DateRange? b) =>
        a is null || b is null || a == b
        || (a.Precision != DatePrecision.Day || b.Precision != DatePrecision.Day) && a.Start <= b.End && b.Start <= a.End;

    /// <summary>A place as a grouping key (no string built per record); <c>default</c> stands for no place.</summary>
    private readonly record struct PlaceId(string? Name, string? Admin1, string? Country)
    {
        public static PlaceId Of(Location? l) => l is null ? default : new(l.Name, l.Admin1, l.Country);
    }

    /// <summary>Lists up to this long are searched; longer ones get a set, so merging stays linear.</summary>
    private const int ScanLimit = 8;

    /// <summary>
    /// Adds <paramref name="item"/> unless <paramref name="list"/> holds one with the same key. Short lists are searched;
    /// past <see cref="ScanLimit"/> a set of keys is built, so merging stays linear.
    /// </summary>
    private static void AddUnique<T, TKey>(List<T> list, ref HashSet<TKey>? keys, T item, Func<T, TKey> key)
    {
        if (keys is null)
        {
            var k = key(item);
            var cmp = EqualityComparer<TKey>.Default;
            foreach (var x in list)
                if (cmp.Equals(key(x), k)) return;
            if (list.Count < ScanLimit) { list.Add(item); return; }
            keys = [];
            foreach (var x in list) keys.Add(key(x));
        }
        if (keys.Add(key(item))) list.Add(item);
    }

    private static bool HasEvidence(List<Evidence> list, HashSet<(int, int)>? keys, int start, int end)
    {
        if (keys is not null) return keys.Contains((start, end));
        foreach (var x in list)
            if (x.Start == start && x.End == end) return true;
        return false;
    }

    private static void AddEvidence(List<Evidence> to, ref HashSet<(int, int)>? keys, Evidence e) =>
        AddUnique(to, ref keys, e, static x => (x.Start, x.End));

    /// <summary>Links <paramref name="c"/> to strike <paramref name="s"/> unless it is already among its casualties.</summary>
    private static void AddCasualty(StrikeDraft s, CasualtyDraft c) =>
        AddUnique(s.Casualties, ref s.CasualtySet, c, static x => x);

    /// <summary>
    /// The same place struck in the headline and the body is one event. Strikes are grouped by place, so the work is
    /// linear in their number (a representative per place and compatible date).
    /// </summary>
    private void MergeStrikes()
    {
        if (_strikes.Count == 0) return;
        var reps = _strikeReps;
        var kept = _keptStrikes;
        foreach (var b in _strikes)
        {
            var key = PlaceId.Of(b.Location);
            if (!reps.TryGetValue(key, out var list)) reps[key] = list = Lent(_strikeLists);
            var a = FirstOnDate(list, b.Date);
            if (a is null)
            {
                list.Add(b);
                kept.Add(b);
                continue;
            }
            a.Date ??= b.Date;
            a.Attacker ??= b.Attacker;
            a.Target ??= b.Target;
            a.TargetCategory ??= b.TargetCategory;
            a.TargetSpan ??= b.TargetSpan;
            if (a.Weapons.Count == 0 && b.Weapons.Count > 0) a.WeaponCategory = b.WeaponCategory;
            a.WeaponCategory ??= b.WeaponCategory;
            if (a.Date is { Precision: DatePrecision.Range } && b.Date is { Precision: DatePrecision.Day }) a.Date = b.Date;
            a.MunitionCount ??= b.MunitionCount;
            a.Intercepted ??= b.Intercepted;
            a.LaunchSite ??= b.LaunchSite;
            a.ExplicitTrigger |= b.ExplicitTrigger;
            foreach (var w in b.Weapons) if (!a.Weapons.Contains(w)) a.Weapons.Add(w);
            foreach (var c in b.Casualties) { c.Strike = a; AddCasualty(a, c); }
            foreach (var e in b.Evidence) AddEvidence(a.Evidence, ref a.EvidenceKeys, e);
        }
        _strikes.Clear();
        _strikes.AddRange(kept);
        kept.Clear();
        // Casualties reported without a strike in their sentence join the strike at their place.
        foreach (var c in _casualties)
        {
            if (c.Strike is not null || c.Cumulative || c.Location is null) continue;
            if (!reps.TryGetValue(PlaceId.Of(c.Location), out var list)) continue;
            var s = FirstOnDate(list, c.Date);
            if (s is null) continue;
            c.Strike = s;
            AddCasualty(s, c);
        }
        foreach (var list in reps.Values) GiveBack(_strikeLists, list);
        reps.Clear();
    }

    /// <summary>
    /// The same figure repeated (headline and body, or a repeated headline) is one record. Grouped by kind and
    /// number, then by place, so the work stays linear.
    /// </summary>
    private void MergeCasualties()
    {
        if (_casualties.Count == 0) return;
        var groups = _casualtyGroups;
        var kept = _keptCasualties;
        foreach (var b in _casualties)
        {
            var gk = (b.Kind, b.Count.Headline, b.Subset);
            if (!groups.TryGetValue(gk, out var g)) groups[gk] = g = Lent(_groupPool);
            CasualtyDraft? a = null;
            if (g.ByPlace.TryGetValue(PlaceId.Of(b.Location), out var same))
                a = FirstMergeable(same, b);
            if (a is null && b.Location is not null && g.ByPlace.TryGetValue(default, out var unplaced))
                a = FirstMergeable(unplaced, b);
            if (a is null && b.Location is null)
                for (int i = 0; i < Math.Min(8, g.Placed.Count) && a is null; i++) if (Mergeable(g.Placed[i], b)) a = g.Placed[i];
            if (a is null)
            {
                var key = PlaceId.Of(b.Location);
                if (!g.ByPlace.TryGetValue(key, out var list)) g.ByPlace[key] = list = Lent(_casualtyLists);
                list.Add(b);
                if (b.Location is not null) g.Placed.Add(b);
                kept.Add(b);
                continue;
            }
            a.Location ??= b.Location;
            a.Date ??= b.Date;
            if (a.Group == CasualtyGroup.Unknown) a.Group = b.Group;
            if (a.Strike is null && b.Strike is not null) { a.Strike = b.Strike; AddCasualty(b.Strike, a); }
            // b stays in its strike's list; Emit keeps only surviving casualties (a set lookup), so no list removal here.
            foreach (var e in b.Evidence) AddEvidence(a.Evidence, ref a.EvidenceKeys, e);
        }
        _casualties.Clear();
        _casualties.AddRange(kept);
        kept.Clear();
        foreach (var g in groups.Values)
        {
            foreach (var list in g.ByPlace.Values) GiveBack(_casualtyLists, list);
            g.ByPlace.Clear();
            g.Placed.Clear();
            GiveBack(_groupPool, g);
        }
        groups.Clear();
    }

    /// <summary>Casualty drafts with one kind, figure and subset flag: by place, and those with a place in order.</summary>
    private sealed class MergeGroup
    {
        public Dictionary<PlaceId, List<CasualtyDraft>> ByPlace { get; } = [];
        public List<CasualtyDraft> Placed { get; } = [];
    }

    // Working collections of the two merges, emptied after each and kept with the builder.
    private readonly Dictionary<PlaceId, List<StrikeDraft>> _strikeReps = [];
    private readonly List<StrikeDraft> _keptStrikes = [];
    private readonly Stack<List<StrikeDraft>> _strikeLists = new();
    private readonly Dictionary<(CasualtyKind, long?, bool), MergeGroup> _casualtyGroups = [];
    private readonly List<CasualtyDraft> _keptCasualties = [];
    private readonly Stack<List<CasualtyDraft>> _casualtyLists = new();
    private readonly Stack<MergeGroup> _groupPool = new();

    /// <summary>An empty collection from <paramref name="pool"/>, or a new one.</summary>
    private static T Lent<T>(Stack<T> pool) where T : new() => pool.TryPop(out var x) ? x : new T();

    /// <summary>Returns an emptied list to <paramref name="pool"/>, unless the pool or the list is large.</summary>
    private static void GiveBack<T>(Stack<List<T>> pool, List<T> list)
    {
        list.Clear();
        if (pool.Count < 256 && list.Capacity <= 256) pool.Push(list);
    }

    private static void GiveBack(Stack<MergeGroup> pool, MergeGroup g)
    {
        if (pool.Count < 256 && g.ByPlace.Count == 0 && g.Placed.Capacity <= 256) pool.Push(g);
    }

    // Record ids "s1", "c1", "w1" ...: the first 128 of each are made once.
    private static readonly string[] StrikeIds = Ids("s"), CasualtyIds = Ids("c"), WeaponIds = Ids("w");

    private static string[] Ids(string prefix) => [.. Enumerable.Range(1, 128).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The <paramref name="n"/>th (1-based) id of the series <paramref name="ids"/> begins.</summary>
    private static string RecordId(string[] ids, int n) =>
        n <= ids.Length ? ids[n - 1] : string.Concat(ids[0].AsSpan(0, 1), n.ToString(CultureInfo.InvariantCulture));

    private static StrikeDraft? FirstOnDate(List<StrikeDraft> list, DateRange? date)
    {
        foreach (var x in list)
            if (DatesCompatible(x.Date, date)) return x;
        return null;
    }

    private static CasualtyDraft? FirstMergeable(List<CasualtyDraft> list, CasualtyDraft b)
    {
        foreach (var x in list)
            if (Mergeable(x, b)) return x;
        return null;
    }

    private static bool Mergeable(CasualtyDraft a, CasualtyDraft b)
    {
        if (a.Location is not null && b.Location is not null && !SamePlace(a.Location, b.Location)) return false;
        // Two unplaced reports are the same only when they read alike; "a priest was killed" and "a guard was
        // killed" in two sentences are two people.
        if (a.Location is null && b.Location is null && !string.Equals(a.Evidence[0].Text, b.Evidence[0].Text, StringComparison.OrdinalIgnoreCase)) return false;
        if (!DatesCompatible(a.Date, b.Date)) return false;
        if (a.Group != CasualtyGroup.Unknown && b.Group != CasualtyGroup.Unknown && a.Group != b.Group) return false;
        return a.Sentence != b.Sentence;
    }

    private ExtractionResult Emit(ExtractionOptions options)
    {
        for (int i = 0; i < _strikes.Count; i++) _strikes[i].Id = RecordId(StrikeIds, i + 1);
        for (int i = 0; i < _casualties.Count; i++) _casualties[i].Id = RecordId(CasualtyIds, i + 1);

        var weapons = new WeaponSystem[_weapons.Count];
        for (int i = 0; i < weapons.Length; i++)
        {
            var w = _weapons[i];
            weapons[i] = new WeaponSystem(w.Id, w.Info.Name, [.. w.Mentions], w.Info.Category, w.Info.Origin, w.StatedRangeKm ?? w.Info.MaxRangeKm, [.. w.Evidence]);
        }

        var kept = _emitted;
        kept.Clear();
        foreach (var c in _casualties) kept.Add(c);
        var strikes = new StrikeEvent[_strikes.Count];
        for (int i = 0; i < strikes.Length; i++)
        {
            var s = _strikes[i];
            var weaponIds = new string[s.Weapons.Count];
            for (int k = 0; k < weaponIds.Length; k++) weaponIds[k] = s.Weapons[k].Id;
            strikes[i] = new StrikeEvent(
                s.Id, s.Date, s.Location, s.Attacker, s.Target, s.TargetCategory,
                ImmutableCollectionsMarshal.AsImmutableArray(weaponIds), s.WeaponCategory, s.MunitionCount, s.Intercepted, s.LaunchSite,
                CasualtyIdsOf(s, kept), Confidence(s), [.. s.Evidence]);
        }

        var casualties = new Casualty[_casualties.Count];
        for (int i = 0; i < casualties.Length; i++)
        {
            var c = _casualties[i];
            casualties[i] = new Casualty(c.Id, c.Kind, c.Count, c.Group, c.Cumulative ? null : c.Strike?.Id, c.Date, c.Location, [.. c.Evidence]);
        }

        var summary = new Summary(Total(CasualtyKind.Killed), Total(CasualtyKind.Injured));
        var entities = options.IncludeEntities ? Entities() : [];
        return new ExtractionResult(options.DocumentId, options.PublishedAt, ImmutableCollectionsMarshal.AsImmutableArray(weapons),
            ImmutableCollectionsMarshal.AsImmutableArray(strikes), ImmutableCollectionsMarshal.AsImmutableArray(casualties), summary, entities);
    }

    /// <summary>
    /// The surviving casualties linked to <paramref name="s"/>, in link order. A strike holds each draft once (drafts
    /// join it once, merges through <see cref="AddCasualty"/>) and each draft has its own id, so no id repeats.
    /// </summary>
    private static ImmutableArray<string> CasualtyIdsOf(StrikeDraft s, HashSet<CasualtyDraft> emitted)
    {
        var ids = ImmutableArray.CreateBuilder<string>(s.Casualties.Count);
        foreach (var c in s.Casualties)
            if (emitted.Contains(c)) ids.Add(c.Id);
        return ids.DrainToImmutable();
    }

    /// <summary>The casualties being emitted (scratch of Emit, cleared before use).</summary>
    private readonly HashSet<CasualtyDraft> _emitted = [];

    private static double Confidence(StrikeDraft s)
    {
        double c = s.ExplicitTrigger ? 0.55 : 0.4;
        if (s.Date is not null) c += 0.1;
        if (s.Attacker is not null) c += 0.1;
        if (s.Weapons.Count > 0 || s.WeaponCategory is not null) c += 0.1;
        if (s.Casualties.Count > 0) c += 0.1;
        if (s.Location.Kind is PlaceKind.Country) c -= 0.15;
        return Math.Round(Math.Clamp(c, 0.05, 0.95), 2);
    }

    /// <summary>
    /// The document's total for one kind, as a coder counts: distinct groups in one sentence add up,
    /// a subset ("including five children") is not added, a figure repeated or raised later counts once (the
    /// largest), figures for different places add up, and a figure not tied to a place (a cumulative toll)
    /// is taken when it is larger than the sum of the placed ones.
    /// </summary>
    private Quantity? Total(CasualtyKind kind)
    {
        if (_casualties.Count == 0) return null;
        // The figures counted, in document order: drafts are made sentence by sentence and merging keeps their order,
        // so each sentence's figures form one run.
        var items = _totalItems;
        items.Clear();
        foreach (var c in _casualties)
            if (c.Kind == kind && !c.Subset && c.Count.Headline is not null) items.Add(c);
        if (items.Count == 0) return null;
        // Per place (or the unplaced bucket): the largest sentence figure, plus figures marked as additional.
        var buckets = _totalBuckets;
        buckets.Clear();
        Span<bool> taken = stackalloc bool[64];
        for (int start = 0; start < items.Count;)
        {
            int end = start + 1;
            while (end < items.Count && items[end].Sentence == items[start].Sentence) end++;
            Debug.Assert(end == items.Count || items[end].Sentence > items[start].Sentence, "casualty drafts in sentence order");
            int size = end - start;
            var done = size <= taken.Length ? taken[..size] : new bool[size];
            done.Clear();
            // The sentence's figures per place, places in order of first mention, figures in document order.
            for (int j = 0; j < size; j++)
            {
                if (done[j]) continue;
                var key = TotalKey(items[start + j]);
                long sum = 0, extra = 0;
                bool atLeast = false, approx = false;
                Quantity? single = null;
                int n = 0;
                for (int k = j; k < size; k++)
                {
                    if (done[k]) continue;
                    var c = items[start + k];
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
                buckets.TryGetValue(key, out var cur);
                if (q is not null && sum > cur.Max) { cur.Max = sum; cur.MaxQ = q; }
                cur.Extra += extra;
                cur.AtLeast |= atLeast;
                buckets[key] = cur;
            }
            start = end;
        }
        if (buckets.Count == 0) return null;
        long placed = 0;
        bool anyAtLeast = false;
        int placedBuckets = 0;
        Quantity? only = null;
        foreach (var (key, b) in buckets)
        {
            if (key == default) continue;
            placed += b.Max + b.Extra;
            anyAtLeast |= b.AtLeast;
            only = b.Extra == 0 ? b.MaxQ : null;
            placedBuckets++;
        }
        if (buckets.TryGetValue(default, out var unplaced))
        {
            long u = unplaced.Max + unplaced.Extra;
            if (u >= placed && u > 0)
                return unplaced.Extra == 0 && unplaced.MaxQ is not null ? unplaced.MaxQ : unplaced.AtLeast ? Quantity.AtLeast(u) : Quantity.Exact(u);
        }
        if (placed == 0) return null;
        return placedBuckets == 1 && only is not null ? only : anyAtLeast ? Quantity.AtLeast(placed) : Quantity.Exact(placed);
    }

    /// <summary>The place a figure counts for in the total: none (the unplaced bucket) for cumulative or country-wide figures.</summary>
    private static PlaceId TotalKey(CasualtyDraft c) =>
        c.Cumulative || c.Location is null || c.Location.Kind == PlaceKind.Country ? default : new PlaceId(c.Location.Name, c.Location.Admin1, null);

    // Scratch of Total, cleared before use.
    private readonly List<CasualtyDraft> _totalItems = [];
    private readonly Dictionary<PlaceId, (long Max, Quantity? MaxQ, long Extra, bool AtLeast)> _totalBuckets = [];

    private bool OverlapsPlace(int firstToken, int endToken)
    {
        for (int k = Math.Max(0, firstToken); k < Math.Min(endToken, _a.Tokens.Length); k++)
            if (_a.PlaceAt[k] >= 0) return true;
        return false;
    }

    /// <summary>Entity spans before their text is cut: sorted and de-duplicated here, so that only the kept ones allocate.</summary>
    private (EntityType Type, int Start, int End)[] _entitySpans = new (EntityType, int, int)[256];

    private ImmutableArray<Entity> Entities()
    {
        int most = _a.Places.Length + _a.Weapons.Length + _a.Dates.Length + _a.Quantities.Length + _a.Tagged.Length + _strikes.Count;
        if (most == 0) return [];
        if (_entitySpans.Length < most) _entitySpans = new (EntityType, int, int)[Math.Max(most, 2 * _entitySpans.Length)];
        var spans = _entitySpans;
        int n = 0;
        foreach (var p in _a.Places) spans[n++] = (EntityType.LOC, p.Start, p.EndChar);
        foreach (var w in _a.Weapons) spans[n++] = (EntityType.WEAPON, w.Start, w.EndChar);
        foreach (var d in _a.Dates) spans[n++] = (EntityType.DATE, d.Start, d.EndChar);
        foreach (var q in _a.Quantities) spans[n++] = (EntityType.QUANTITY, q.Start, q.EndChar);
        foreach (var t in _a.Tagged)
        {
            EntityType type;
            switch (t.Label)
            {
                case Tagging.EntityLabel.Org: type = EntityType.ORG; break;
                case Tagging.EntityLabel.Per: type = EntityType.PER; break;
                case Tagging.EntityLabel.Norp: type = EntityType.NORP; break;
                case Tagging.EntityLabel.Loc when !OverlapsPlace(t.FirstToken, t.EndToken): type = EntityType.LOC; break;
                default: continue; // places and weapons come from the gazetteer and catalogue (the tagger's are used above)
            }
            spans[n++] = (type, t.Start, t.End);
        }
        foreach (var s in _strikes)
            if (s.TargetSpan is { } ts) spans[n++] = (EntityType.TARGET, ts.Start, ts.End);
        // By position, then type; a span's text follows from its offsets, so equal triples are the same entity.
        var used = spans.AsSpan(0, n);
        used.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End != y.End ? x.End.CompareTo(y.End) : x.Type.CompareTo(y.Type));
        int kept = n == 0 ? 0 : 1;
        for (int i = 1; i < n; i++)
            if (used[i] != used[kept - 1]) used[kept++] = used[i];
        var all = new Entity[kept];
        for (int i = 0; i < kept; i++)
        {
            var (type, start, end) = used[i];
            all[i] = new Entity(type, _a.Text[start..end], start, end);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(all);
    }
}
