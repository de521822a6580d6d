using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// Merging: the same place struck on a compatible date (headline and body, a repeated headline) is one strike; the same
/// figure reported again at the same place and date is one casualty with both spans; casualties reported without a
/// strike in their sentence join the strike at their place. Work linear in the number of drafts.
/// </summary>
internal sealed class MergeStage : IStage
{
    public string Name => StageNames.Merge;

    public void Run(DocumentContext doc) => doc.Scratch<MergeRules>().Run(doc.Records);
}

/// <summary>A place as a grouping key (no string built per record); <c>default</c> stands for no place.</summary>
internal readonly record struct PlaceId(string? Name, string? Admin1, string? Country)
{
    public static PlaceId Of(Location? l) => l is null ? default : new(l.Name, l.Admin1, l.Country);
}

/// <summary>The merge stage's rules and working collections.</summary>
internal sealed class MergeRules : Scratch
{
    /// <summary>Unplaced casualties are compared with at most this many placed ones of their figure.</summary>
    private const int UnplacedComparisons = 8;

    private readonly Dictionary<PlaceId, List<StrikeDraft>> _strikesByPlace;
    private readonly List<StrikeDraft> _keptStrikes;
    private readonly Dictionary<(CasualtyKind, long?, bool), MergeGroup> _groups;
    private readonly List<CasualtyDraft> _keptCasualties;
    // Emptied lists and groups, lent again for the next document (the merge's per-place lists are its largest allocation).
    private readonly Stack<List<StrikeDraft>> _strikeLists = new();
    private readonly Stack<List<CasualtyDraft>> _casualtyLists = new();
    private readonly Stack<MergeGroup> _freeGroups = new();

    public MergeRules()
    {
        _strikesByPlace = Track(new Dictionary<PlaceId, List<StrikeDraft>>(), d => GiveBack(d, _strikeLists), static d => d.Count);
        _keptStrikes = NewList<StrikeDraft>();
        _groups = Track(new Dictionary<(CasualtyKind, long?, bool), MergeGroup>(), GiveBackGroups, static d => d.Count);
        _keptCasualties = NewList<CasualtyDraft>();
    }

    /// <summary>Casualty drafts with one kind, figure and subset flag: by place, and those with a place in order.</summary>
    private sealed class MergeGroup
    {
        public Dictionary<PlaceId, List<CasualtyDraft>> ByPlace { get; } = [];
        public List<CasualtyDraft> Placed { get; } = [];
    }

    private static List<T> Lend<T>(Stack<List<T>> pool) => pool.TryPop(out var l) ? l : [];

    /// <summary>Empties <paramref name="lists"/>, keeping its lists (up to the size policy) in <paramref name="pool"/>.</summary>
    private static void GiveBack<TKey, T>(Dictionary<TKey, List<T>> lists, Stack<List<T>> pool) where TKey : notnull
    {
        foreach (var l in lists.Values)
        {
            l.Clear();
            if (pool.Count < Workspace.KeepUpTo && l.Capacity <= Workspace.KeepUpTo) pool.Push(l);
        }
        lists.Clear();
    }

    private void GiveBackGroups(Dictionary<(CasualtyKind, long?, bool), MergeGroup> groups)
    {
        foreach (var g in groups.Values)
        {
            GiveBack(g.ByPlace, _casualtyLists);
            g.Placed.Clear();
            if (_freeGroups.Count < Workspace.KeepUpTo) _freeGroups.Push(g);
        }
        groups.Clear();
    }

    public void Run(RecordDrafts records)
    {
        MergeStrikes(records);
        MergeCasualties(records);
    }

    private void MergeStrikes(RecordDrafts records)
    {
        if (records.Strikes.Count == 0) return;
        foreach (var b in records.Strikes)
        {
            var key = PlaceId.Of(b.Location);
            if (!_strikesByPlace.TryGetValue(key, out var list)) _strikesByPlace[key] = list = Lend(_strikeLists);
            var a = FirstOnDate(list, b.Date);
            if (a is null)
            {
                list.Add(b);
                _keptStrikes.Add(b);
                continue;
            }
            Absorb(a, b);
        }
        records.Strikes.Clear();
        records.Strikes.AddRange(_keptStrikes);
        // Casualties reported without a strike in their sentence join the strike at their place.
        foreach (var c in records.Casualties)
        {
            if (c.Strike is not null || c.Cumulative || c.Location is null) continue;
            if (!_strikesByPlace.TryGetValue(PlaceId.Of(c.Location), out var list)) continue;
            var s = FirstOnDate(list, c.Date);
            if (s is null) continue;
            c.Strike = s;
            DraftLists.AddCasualty(s, c);
        }
    }

    /// <summary>Strike <paramref name="b"/> reports again the strike <paramref name="a"/>: what <paramref name="a"/> lacks, it takes.</summary>
    private static void Absorb(StrikeDraft a, StrikeDraft b)
    {
        a.Date ??= b.Date;
        if (a.Attacker is null && a.AttackerName is null) (a.Attacker, a.AttackerName) = (b.Attacker, b.AttackerName); // the side as one pair
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
        foreach (var c in b.Casualties) { c.Strike = a; DraftLists.AddCasualty(a, c); }
        foreach (var e in b.Evidence) DraftLists.AddEvidence(a.Evidence, ref a.EvidenceKeys, e);
    }

    private void MergeCasualties(RecordDrafts records)
    {
        if (records.Casualties.Count == 0) return;
        foreach (var b in records.Casualties)
        {
            var gk = (b.Kind, b.Count.Headline, b.Subset);
            if (!_groups.TryGetValue(gk, out var g)) _groups[gk] = g = _freeGroups.TryPop(out var free) ? free : new MergeGroup();
            var a = SameFigure(g, b);
            if (a is null)
            {
                var key = PlaceId.Of(b.Location);
                if (!g.ByPlace.TryGetValue(key, out var list)) g.ByPlace[key] = list = Lend(_casualtyLists);
                list.Add(b);
                if (b.Location is not null) g.Placed.Add(b);
                _keptCasualties.Add(b);
                continue;
            }
            b.MergedInto = a;
            a.AbsorbedSentence = b.Sentence;
            a.Location ??= b.Location;
            a.Date ??= b.Date;
            if (a.Group == CasualtyGroup.Unknown) a.Group = b.Group;
            if (a.Strike is null && b.Strike is not null) { a.Strike = b.Strike; DraftLists.AddCasualty(b.Strike, a); }
            // b stays in its strike's list; the emit stage keeps only surviving casualties, so no list removal here.
            foreach (var e in b.Evidence) DraftLists.AddEvidence(a.Evidence, ref a.EvidenceKeys, e);
        }
        records.Casualties.Clear();
        records.Casualties.AddRange(_keptCasualties);
        // A subset of a figure reported twice is part of the record that was kept.
        foreach (var c in records.Casualties)
            while (c.PartOf?.MergedInto is { } kept) c.PartOf = kept;
    }

    /// <summary>An earlier draft of the same figure that <paramref name="b"/> repeats, or null.</summary>
    private static CasualtyDraft? SameFigure(MergeGroup g, CasualtyDraft b)
    {
        CasualtyDraft? a = null;
        if (g.ByPlace.TryGetValue(PlaceId.Of(b.Location), out var same)) a = FirstMergeable(same, b);
        if (a is null && b.Location is not null && g.ByPlace.TryGetValue(default, out var unplaced)) a = FirstMergeable(unplaced, b);
        if (a is null && b.Location is null)
            for (int i = 0; i < Math.Min(UnplacedComparisons, g.Placed.Count) && a is null; i++)
                if (Mergeable(g.Placed[i], b)) a = g.Placed[i];
        // A headline and its body name the scene at two levels ("near Sumy" and "a village in the Sumy region").
        for (int i = 0; a is null && b.Sentence > 0 && i < Math.Min(UnplacedComparisons, g.Placed.Count); i++)
            if (g.Placed[i].Sentence == 0 && SameRegion(g.Placed[i].Location, b.Location) && Mergeable(g.Placed[i], b, placeChecked: true)) a = g.Placed[i];
        return a;
    }

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

    /// <summary>Two places of one first-level region, or a country and a place in it.</summary>
    private static bool SameRegion(Location? a, Location? b) =>
        a is not null && b is not null && a.Country == b.Country
        && (a.Admin1 is not null && a.Admin1 == b.Admin1 || a.Kind == PlaceKind.Country || b.Kind == PlaceKind.Country);

    private static bool Mergeable(CasualtyDraft a, CasualtyDraft b, bool placeChecked = false)
    {
        if (!placeChecked && a.Location is not null && b.Location is not null && !SamePlace(a.Location, b.Location)) return false;
        // Two unplaced reports are the same only when they read alike; "a priest was killed" and "a guard was
        // killed" in two sentences are two people.
        if (a.Location is null && b.Location is null && !string.Equals(a.Evidence[0].Text, b.Evidence[0].Text, StringComparison.OrdinalIgnoreCase)) return false;
        if (!DatesCompatible(a.Date, b.Date)) return false;
        if (a.Group != CasualtyGroup.Unknown && b.Group != CasualtyGroup.Unknown && a.Group != b.Group) return false;
        // "Ms. Ruiz was killed alongside her nephew": once her report joined the earlier one, the nephew is someone else.
        return a.Sentence != b.Sentence && a.AbsorbedSentence != b.Sentence;
    }

    private static bool SamePlace(Location a, Location b) => a.Name == b.Name && a.Admin1 == b.Admin1 && a.Country == b.Country;

    /// <summary>Null matches anything; two days must be the same day; a range matches what it overlaps.</summary>
    internal static bool DatesCompatible(DateRange? a, DateRange? b) =>
        a is null || b is null || a == b
        || (a.Precision != DatePrecision.Day || b.Precision != DatePrecision.Day) && a.Start <= b.End && b.Start <= a.End;
}
