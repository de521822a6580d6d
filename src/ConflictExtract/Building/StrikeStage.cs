using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Strikes: one per place struck in each sentence that reports an event. A sentence's places are grouped by the attack
/// word or frame they belong to (the one before them in the sentence, or the passive frame whose subject they are), and
/// each group owns the stretch of the sentence from its first word to the next group's: the weapons, munitions fired and
/// shot down, target, launch site and attacker named there are that group's, not every strike's of the sentence. A
/// sentence that gives a war-long total, or a period total over a whole country, reports no strike there.
/// </summary>
internal sealed class StrikeStage : IStage
{
    public string Name => StageNames.Strikes;

    public void Run(DocumentContext doc) => doc.Scratch<StrikeRules>().Run(doc);
}

/// <summary>One group of a sentence's places: the trigger they belong to and the tokens [Start, End) the group owns.</summary>
internal record struct PlaceGroup(int Trigger, int Start, int End);

/// <summary>The strike stage's rules and per-document working lists.</summary>
internal sealed partial class StrikeRules : Scratch
{
    /// <summary>A group's counts give at most this many evidence spans (a long list of figures stays one record's size).</summary>
    private const int MaxCountEvidence = 4;

    private DocumentAnalysis _a = null!;
    private RecordDrafts _records = null!;
    private LanguagePack _language = null!;
    private SentenceFrames _frames = null!;
    private readonly List<WeaponDraft> _weaponsHere;
    private readonly List<WeaponDraft> _lastWeapons;
    private readonly List<WeaponDraft> _carried;
    private readonly List<Quantity> _fired;
    private readonly List<Quantity> _down;
    private readonly List<(int Start, int End)> _countSpans;
    private readonly List<int> _groupOf;
    private readonly List<PlaceGroup> _groups;
    private readonly List<int> _groupOfTrigger;
    private readonly List<int> _order;
    private readonly Dictionary<WeaponDraft, string?> _namedBy;
    private readonly HashSet<StrikeDraft> _killingsOverRegions;
    private readonly List<StrikeDraft> _borrowed;
    private readonly Dictionary<(string, string?), (string?, string?)> _ownAttacker;
    private readonly HashSet<string> _struckAdmin1;
    private readonly List<Evidence> _shared;
    private int _lastWeaponSentence, _carrySentence;

    public StrikeRules()
    {
        _weaponsHere = NewList<WeaponDraft>();
        _lastWeapons = NewList<WeaponDraft>();
        _carried = NewList<WeaponDraft>();
        _fired = NewList<Quantity>();
        _down = NewList<Quantity>();
        _countSpans = NewList<(int, int)>();
        _groupOf = NewList<int>();
        _groups = NewList<PlaceGroup>();
        _groupOfTrigger = NewList<int>();
        _order = NewList<int>();
        _namedBy = NewMap<WeaponDraft, string?>();
        _killingsOverRegions = NewSet<StrikeDraft>();
        _borrowed = NewList<StrikeDraft>();
        _ownAttacker = NewMap<(string, string?), (string?, string?)>();
        _struckAdmin1 = NewSet<string>(StringComparer.Ordinal);
        _shared = NewList<Evidence>();
        Clear();
    }

    public override void Clear()
    {
        base.Clear();
        _a = null!;
        _records = null!;
        _language = null!;
        _frames = null!;
        _lastWeaponSentence = _carrySentence = -10;
    }

    public void Run(DocumentContext doc)
    {
        _a = doc.Analysis;
        _records = doc.Records;
        _language = doc.Pipeline.Language;
        _frames = doc.Frames;
        var scenes = doc.Scenes;
        if (_records.Weapons.Count > 0) NoteNamers();
        for (int si = 0; si < _a.Sentences.Length; si++)
        {
            var f = _frames[si];
            if (scenes[si].IsEvent && !f.Total && !f.Tally) BuildStrikes(si, scenes);
            NoteWeapons(si);
        }
        DropKillingSummaries();
        ReconcileAttackers();
    }

    private void BuildStrikes(int si, SentenceScenes scenes)
    {
        var s = _a.Sentences[si];
        var f = _frames[si];
        var places = scenes.PlacesOf(si);
        if (places.Length == 0)
        {
            if (_records.Weapons.Count > 0) CarryWeapons(si, s.FirstToken, f.Cut);
            return;
        }
        Group(si, s.FirstToken, f, places);
        var launches = scenes.LaunchesOf(si);
        var triggers = _frames.TriggersOf(si);
        for (int g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            _shared.Clear();
            var agent = PickAgent(si, group.Start, group.End);
            var (weapons, category) = GroupWeapons(si, group.Start, group.End, agent?.Country);
            var (target, targetCategory, targetSpan) = FindTarget(group.Start, group.End);
            var (munitions, intercepted) = FindMunitionCounts(group.Start, group.End);
            LaunchSite? launch = null;
            foreach (var ls in launches)
                if (ls.First >= group.Start && ls.First < group.End) { launch = new LaunchSite(ls.Location, ls.Start, ls.EndChar); break; }
            SharedEvidence(si, group, agent, targetSpan, launch);
            int countsAt = CountsPlace(places, g, group, triggers);
            for (int pi = 0; pi < places.Length; pi++)
            {
                if (_groupOf[pi] != g) continue;
                var p = places[pi];
                if ((f.Window || f.Cumulative && munitions is not null) && p.Location.Kind == PlaceKind.Country) continue; // a period total over a country
                if (IsVictimsOrigin(p, group, triggers)) continue;
                bool killingOverRegion = KilledFrame(group, triggers) && p.Location.Kind == PlaceKind.Region;
                var st = _records.NewStrike(p.Location);
                st.Date = scenes[si].Date;
                (st.Attacker, st.AttackerName) = agent is { } ag ? (ag.Country, ag.Name) : (null, null);
                st.Target = target;
                st.TargetSpan = targetSpan;
                st.TargetCategory = targetCategory;
                st.WeaponCategory = category;
                // The group's counts are one figure for all its places: one place takes them, so none is counted twice.
                if (pi == countsAt) { st.MunitionCount = munitions; st.Intercepted = intercepted; }
                st.ExplicitTrigger = f.ExplicitTrigger;
                st.Sentence = si;
                st.Weapons.AddRange(weapons);
                st.Evidence.Add(Evidence.Of(_a.Text, p.Start, p.EndChar));
                foreach (var e in _shared) DraftLists.AddEvidence(st.Evidence, ref st.EvidenceKeys, e);
                if (launch is { } l) st.LaunchSite = l.Location;
                if (killingOverRegion) _killingsOverRegions.Add(st);
                NoteAttacker(st, agent is { } own && own.First >= group.Start && own.First < group.End);
                _records.Strikes.Add(st);
            }
        }
    }

    /// <summary>
    /// Groups the sentence's places by their trigger (into <see cref="_groupOf"/>, one group index per place) and gives each
    /// group its stretch of tokens (<see cref="_groups"/>): from the words that lead to its trigger ("and a drone attack
    /// on ...") to the next group's; the first group also owns what comes before it. Linear in the places and triggers.
    /// </summary>
    private void Group(int si, int from, SentenceFrame f, ReadOnlySpan<PlaceHit> places)
    {
        _groupOf.Clear();
        _groups.Clear();
        _groupOfTrigger.Clear();
        _order.Clear();
        var triggers = _frames.TriggersOf(si);
        for (int t = 0; t <= triggers.Length; t++) _groupOfTrigger.Add(-1); // the last slot stands for "no trigger"
        int patient = -1;
        if (f.PatientEnd > 0)
            for (int t = 0; t < triggers.Length && patient < 0; t++)
                if (triggers[t].Kind == TriggerKind.Patient && triggers[t].First >= f.PatientEnd) patient = t;
        foreach (var p in places)
        {
            int t = patient >= 0 && p.First >= f.PatientFirst && p.End <= f.PatientEnd ? patient : TriggerOf(p, triggers);
            int slot = t >= 0 ? t : triggers.Length;
            int g = _groupOfTrigger[slot];
            if (g < 0)
            {
                int start = t >= 0 ? Math.Min(triggers[t].First, p.First) : p.First;
                _groups.Add(new PlaceGroup(t, start, p.End));
                _groupOfTrigger[slot] = g = _groups.Count - 1;
                _order.Add(g);
            }
            else _groups[g] = _groups[g] with { Start = Math.Min(_groups[g].Start, p.First), End = Math.Max(_groups[g].End, p.End) };
            _groupOf.Add(g);
        }
        // In token order, each group's stretch runs to the next group's; End holds the last place's end until then.
        for (int i = 1; i < _order.Count; i++) // insertion sort: groups come nearly in order, and no comparer is allocated
        {
            int x = _order[i], j = i - 1;
            while (j >= 0 && _groups[_order[j]].Start > _groups[x].Start) { _order[j + 1] = _order[j]; j--; }
            _order[j + 1] = x;
        }
        for (int i = 0; i < _order.Count; i++)
        {
            var g = _groups[_order[i]];
            int start = i == 0 ? from : LeadIn(g.Start, Math.Max(from, _groups[_order[i - 1]].End));
            if (i > 0) _groups[_order[i - 1]] = _groups[_order[i - 1]] with { End = Math.Max(start, _groups[_order[i - 1]].Start + 1) };
            _groups[_order[i]] = g with { Start = start };
        }
        var last = _groups[_order[^1]];
        _groups[_order[^1]] = last with { End = Math.Max(f.Cut, last.Start + 1) };
    }

    /// <summary>
    /// The place of a group that takes its counts: the first place after its trigger (what was fired at: "a launcher in
    /// Crimea fired two missiles at Odesa"), else its first place; a country or a place skipped as a period total is not.
    /// </summary>
    private int CountsPlace(ReadOnlySpan<PlaceHit> places, int g, PlaceGroup group, ReadOnlySpan<Trigger> triggers)
    {
        int first = -1, after = -1;
        int t = group.Trigger >= 0 ? triggers[group.Trigger].End : int.MaxValue;
        for (int pi = 0; pi < places.Length; pi++)
        {
            if (_groupOf[pi] != g) continue;
            if (first < 0) first = pi;
            if (after < 0 && places[pi].First >= t) after = pi;
        }
        return after >= 0 ? after : first;
    }

    /// <summary>The words before a group's first word that lead to it ("and a drone attack on X"): back to a comma, "and" or the earlier group.</summary>
    private int LeadIn(int start, int floor)
    {
        int k = start;
        while (k - 1 >= floor && _a.Tokens[k - 1].Kind != TokenKind.Punctuation && !_a.Has(k - 1, Cue.And) && !_a.Has(k - 1, Cue.ClauseBreak)
            && !_a.Has(k - 1, Cue.StrikeTrigger) && _a.PlaceAt[k - 1] < 0)
            k--;
        return k;
    }

    /// <summary>
    /// The trigger a place belongs to: the last attack word or frame before it (an interception only for what follows it:
    /// "shot down 20 drones over Sumy"), else the first after it; -1 when none. Binary searches over the sentence's triggers.
    /// </summary>
    private static int TriggerOf(PlaceHit p, ReadOnlySpan<Trigger> triggers)
    {
        int lo = 0, hi = triggers.Length; // the first trigger that does not end before the place
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (triggers[mid].End <= p.First) lo = mid + 1; else hi = mid;
        }
        if (lo > 0) return lo - 1;
        for (int t = lo; t < triggers.Length; t++)
            if (triggers[t].First >= p.End && triggers[t].Kind != TriggerKind.Interception) return t;
        return -1;
    }

    /// <summary>
    /// "the occupiers killed three residents of the Donetsk region": where the people killed came from is no strike of its
    /// own when a killing is the group's only attack word (the towns struck, when named, are).
    /// </summary>
    private bool IsVictimsOrigin(PlaceHit p, PlaceGroup group, ReadOnlySpan<Trigger> triggers)
    {
        if (!KilledFrame(group, triggers) || p.Location.Kind is not PlaceKind.Region and not PlaceKind.Country) return false;
        int k = p.First - 1;
        while (k > group.Start && (_a.Has(k, Cue.Article) || _a.Has(k, Cue.RegionNoun))) k--;
        return _a.Has(k, Cue.Of) && _a.Has(k - 1, Cue.Person);
    }

    /// <summary>A group whose only attack word is a killing by an armed side ("the occupiers killed three people").</summary>
    private bool KilledFrame(PlaceGroup group, ReadOnlySpan<Trigger> triggers) =>
        group.Trigger >= 0 && triggers[group.Trigger].Kind == TriggerKind.Frame && _a.Has(triggers[group.Trigger].First, Cue.Killed);

    /// <summary>
    /// "The occupiers killed two people in the Donetsk region" when the document reports a strike on a place in that
    /// region: the killing sums up those strikes, and is no strike of its own. Removes such strikes (one pass).
    /// </summary>
    private void DropKillingSummaries()
    {
        if (_killingsOverRegions.Count == 0) return;
        _struckAdmin1.Clear();
        foreach (var st in _records.Strikes)
            if (st.Location.Kind is not PlaceKind.Region and not PlaceKind.Country && st.Location.Admin1 is { } admin1) _struckAdmin1.Add(admin1);
        _records.Strikes.RemoveAll(st => st.Location.Admin1 is { } r && _struckAdmin1.Contains(r) && _killingsOverRegions.Contains(st));
    }

    /// <summary>Notes whether a strike's attacker was named in its own words or borrowed from its sentence or document.</summary>
    private void NoteAttacker(StrikeDraft st, bool own)
    {
        if (!own) { _borrowed.Add(st); return; }
        if (st.AttackerName is not null) _ownAttacker.TryAdd((st.Location.Name, st.Location.Admin1), (st.Attacker, st.AttackerName));
    }

    /// <summary>
    /// A strike whose attacker was only borrowed ("Israeli strikes hit X as rockets are fired at Y": Y's side is not named)
    /// takes the side another report of the same place names in its own words ("Hamas fired four rockets at Y").
    /// </summary>
    private void ReconcileAttackers()
    {
        if (_ownAttacker.Count == 0) return;
        foreach (var st in _borrowed)
            if (_ownAttacker.TryGetValue((st.Location.Name, st.Location.Admin1), out var side)) (st.Attacker, st.AttackerName) = side;
    }

    /// <summary>
    /// The attacker of a group: the first agent named in its stretch, else in its sentence, else a weapon's side
    /// ("a Russian drone") unless the document's side is another, else the document's side.
    /// </summary>
    private Agent? PickAgent(int si, int from, int to)
    {
        var agents = _frames.AgentsOf(si);
        foreach (var ag in agents) if (!ag.WeaponOrigin && ag.First >= from && ag.First < to) return ag;
        foreach (var ag in agents) if (!ag.WeaponOrigin) return ag;
        var doc = _frames.DocumentAttacker;
        foreach (var ag in agents)
            if (doc is null || doc.Value.Country == ag.Country) return ag;
        return doc;
    }

    /// <summary>
    /// The spans a group's strikes share, into <see cref="_shared"/>: its trigger, its attacker, its target, its weapons'
    /// words and its counts, and its launch site. Each is one evidence object for all of the group's strikes.
    /// </summary>
    private void SharedEvidence(int si, PlaceGroup group, Agent? agent, (int Start, int End)? targetSpan, LaunchSite? launch)
    {
        var triggers = _frames.TriggersOf(si);
        if (group.Trigger >= 0) AddSpan(_a.Tokens[triggers[group.Trigger].First].Start, _a.Tokens[triggers[group.Trigger].End - 1].End);
        if (agent is { } ag && ag.First >= group.Start && ag.End <= group.End) AddSpan(_a.Tokens[ag.First].Start, _a.Tokens[ag.End - 1].End);
        if (targetSpan is { } t) AddSpan(t.Start, t.End);
        foreach (var w in _weaponsHere)
            foreach (var h in _a.WeaponsIn(group.Start, group.End))
                if (h.End <= group.End && h.Weapon.Name == w.Info.Name) { AddSpan(h.Start, h.EndChar); break; }
        foreach (var g in _a.GenericWeaponsIn(group.Start, group.End))
            if (g.End <= group.End) { AddSpan(g.Start, g.EndChar); break; }
        for (int i = 0; i < Math.Min(MaxCountEvidence, _countSpans.Count); i++) AddSpan(_countSpans[i].Start, _countSpans[i].End);
        if (launch is { } l) AddSpan(l.Start, l.End);
    }

    private void AddSpan(int start, int end)
    {
        foreach (var e in _shared) if (e.Start == start && e.End == end) return;
        _shared.Add(Evidence.Of(_a.Text, start, end));
    }

    /// <summary>The first target noun of the clause with its modifier ("oil refinery", "apartment building") and its category.</summary>
    private (string? Target, TargetCategory? Category, (int Start, int End)? Span) FindTarget(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!_language.TryGetTarget(_a.Word(i), out var cat) || !_a.IsLowerInitial(i)) continue;
            int start = i, end = i + 1;
            if (i > from && _a.Tokens[i - 1].Kind == TokenKind.Word && _a.IsLowerInitial(i - 1) && !_a.Has(i - 1, Cue.Article)
                && !_a.Has(i - 1, Cue.IndefiniteArticle) && !_a.Has(i - 1, Cue.Locative))
                start = i - 1;
            // "private sector", "power plant", "oil depot": the head decides.
            if (end < to && _language.TryGetTarget(_a.Word(end), out var head) && _a.IsLowerInitial(end)) { cat = head; end++; }
            if (_a.Has(start, Cue.ResidentialModifier) || _a.Has(i, Cue.ResidentialModifier)) cat = TargetCategory.Residential;
            int a = _a.Tokens[start].Start, b = _a.Tokens[end - 1].End;
            return (_a.Text[a..b], cat, (a, b));
        }
        return (null, null, null);
    }
}
