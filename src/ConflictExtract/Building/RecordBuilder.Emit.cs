using System.Collections.Immutable;
using System.Globalization;
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
        var reps = new Dictionary<PlaceId, List<StrikeDraft>>();
        var kept = new List<StrikeDraft>(_strikes.Count);
        foreach (var b in _strikes)
        {
            var key = PlaceId.Of(b.Location);
            if (!reps.TryGetValue(key, out var list)) reps[key] = list = [];
            var a = list.Find(x => DatesCompatible(x.Date, b.Date));
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
        // Casualties reported without a strike in their sentence join the strike at their place.
        foreach (var c in _casualties)
        {
            if (c.Strike is not null || c.Cumulative || c.Location is null) continue;
            if (!reps.TryGetValue(PlaceId.Of(c.Location), out var list)) continue;
            var s = list.Find(x => DatesCompatible(x.Date, c.Date));
            if (s is null) continue;
            c.Strike = s;
            AddCasualty(s, c);
        }
    }

    /// <summary>
    /// The same figure repeated (headline and body, or a repeated headline) is one record. Grouped by kind and
    /// number, then by place, so the work stays linear.
    /// </summary>
    private void MergeCasualties()
    {
        if (_casualties.Count == 0) return;
        var groups = new Dictionary<(CasualtyKind, long?, bool), (Dictionary<PlaceId, List<CasualtyDraft>> ByPlace, List<CasualtyDraft> Placed)>();
        var kept = new List<CasualtyDraft>(_casualties.Count);
        foreach (var b in _casualties)
        {
            var gk = (b.Kind, b.Count.Headline, b.Subset);
            if (!groups.TryGetValue(gk, out var g)) groups[gk] = g = (new Dictionary<PlaceId, List<CasualtyDraft>>(), []);
            CasualtyDraft? a = null;
            if (g.ByPlace.TryGetValue(PlaceId.Of(b.Location), out var same))
                a = same.Find(x => Mergeable(x, b));
            if (a is null && b.Location is not null && g.ByPlace.TryGetValue(default, out var unplaced))
                a = unplaced.Find(x => Mergeable(x, b));
            if (a is null && b.Location is null)
                for (int i = 0; i < Math.Min(8, g.Placed.Count) && a is null; i++) if (Mergeable(g.Placed[i], b)) a = g.Placed[i];
            if (a is null)
            {
                var key = PlaceId.Of(b.Location);
                if (!g.ByPlace.TryGetValue(key, out var list)) g.ByPlace[key] = list = [];
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
        var ci = CultureInfo.InvariantCulture;
        for (int i = 0; i < _strikes.Count; i++) _strikes[i].Id = "s" + (i + 1).ToString(ci);
        for (int i = 0; i < _casualties.Count; i++) _casualties[i].Id = "c" + (i + 1).ToString(ci);

        var weapons = _weapons.Select(w => new WeaponSystem(
            w.Id, w.Info.Name, [.. w.Mentions], w.Info.Category, w.Info.Origin, w.StatedRangeKm ?? w.Info.MaxRangeKm, [.. w.Evidence])).ToImmutableArray();

        var kept = new HashSet<CasualtyDraft>(_casualties);
        var strikes = _strikes.Select(s => new StrikeEvent(
            s.Id, s.Date, s.Location, s.Attacker, s.Target, s.TargetCategory,
            [.. s.Weapons.Select(w => w.Id)], s.WeaponCategory, s.MunitionCount, s.Intercepted, s.LaunchSite,
            [.. s.Casualties.Where(kept.Contains).Select(c => c.Id).Distinct()],
            Confidence(s), [.. s.Evidence])).ToImmutableArray();

        var casualties = _casualties.Select(c => new Casualty(
            c.Id, c.Kind, c.Count, c.Group, c.Cumulative ? null : c.Strike?.Id, c.Date, c.Location, [.. c.Evidence])).ToImmutableArray();

        var summary = new Summary(Total(CasualtyKind.Killed), Total(CasualtyKind.Injured));
        var entities = options.IncludeEntities ? Entities() : [];
        return new ExtractionResult(options.DocumentId, options.PublishedAt, weapons, strikes, casualties, summary, entities);
    }

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
        // Per place (or the unplaced bucket): the largest sentence figure, plus figures marked as additional.
        var buckets = new Dictionary<PlaceId, (long Max, Quantity? MaxQ, long Extra, bool AtLeast)>();
        foreach (var group in _casualties.Where(c => c.Kind == kind && !c.Subset && c.Count.Headline is not null).GroupBy(c => c.Sentence))
        {
            foreach (var perPlace in group.GroupBy(c => c.Cumulative || c.Location is null || c.Location.Kind == PlaceKind.Country ? default : new PlaceId(c.Location.Name, c.Location.Admin1, null)))
            {
                long sum = 0, extra = 0;
                bool atLeast = false, approx = false;
                Quantity? single = null;
                int n = 0;
                foreach (var c in perPlace)
                {
                    atLeast |= c.Count.Qualifier == QuantityQualifier.AtLeast;
                    if (c.Additive && !c.Cumulative) { extra += c.Count.Headline!.Value; continue; }
                    sum += c.Count.Headline!.Value;
                    approx |= c.Count.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
                    single = c.Count;
                    n++;
                }
                var q = n == 1 ? single : n == 0 ? null : atLeast ? Quantity.AtLeast(sum) : approx ? new Quantity(sum, null, null, QuantityQualifier.Approximately) : Quantity.Exact(sum);
                buckets.TryGetValue(perPlace.Key, out var cur);
                if (q is not null && sum > cur.Max) { cur.Max = sum; cur.MaxQ = q; }
                cur.Extra += extra;
                cur.AtLeast |= atLeast;
                buckets[perPlace.Key] = cur;
            }
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

    private bool OverlapsPlace(int firstToken, int endToken)
    {
        for (int k = Math.Max(0, firstToken); k < Math.Min(endToken, _a.Tokens.Length); k++)
            if (_a.PlaceAt[k] >= 0) return true;
        return false;
    }

    private ImmutableArray<Entity> Entities()
    {
        var list = new List<Entity>();
        foreach (var p in _a.Places) list.Add(new Entity(EntityType.LOC, _a.Text[p.Start..p.EndChar], p.Start, p.EndChar));
        foreach (var w in _a.Weapons) list.Add(new Entity(EntityType.WEAPON, _a.Text[w.Start..w.EndChar], w.Start, w.EndChar));
        foreach (var d in _a.Dates) list.Add(new Entity(EntityType.DATE, _a.Text[d.Start..d.EndChar], d.Start, d.EndChar));
        foreach (var q in _a.Quantities) list.Add(new Entity(EntityType.QUANTITY, _a.Text[q.Start..q.EndChar], q.Start, q.EndChar));
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
            list.Add(new Entity(type, _a.Text[t.Start..t.End], t.Start, t.End));
        }
        foreach (var s in _strikes)
            if (s.TargetSpan is { } ts) list.Add(new Entity(EntityType.TARGET, _a.Text[ts.Start..ts.End], ts.Start, ts.End));
        list.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End != y.End ? x.End.CompareTo(y.End) : x.Type.CompareTo(y.Type));
        for (int i = list.Count - 1; i > 0; i--)
            if (list[i] == list[i - 1]) list.RemoveAt(i);
        return [.. list];
    }
}
