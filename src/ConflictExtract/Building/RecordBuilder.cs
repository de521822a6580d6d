using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Turns a <see cref="DocumentAnalysis"/> into records: weapons, strikes (one per place struck),
/// casualties with their counts, and the document summary. One call per document; each thread keeps one builder, its
/// working collections and its strike, casualty and weapon drafts for its next document, all emptied in between.
/// </summary>
internal sealed partial class RecordBuilder
{
    [ThreadStatic] private static RecordBuilder? t_free;

    /// <summary>A builder whose collections grew past this (a huge document) is not kept.</summary>
    private const int KeepUpTo = 4096;

    private DocumentAnalysis _a = null!;
    private Func<string, Location?> _regionByName = null!;
    private readonly List<WeaponDraft> _weapons = [];
    private readonly List<StrikeDraft> _strikes = [];
    private readonly List<CasualtyDraft> _casualties = [];
    private readonly List<(Location Location, int Start, int End)> _launchSites = [];
    private string? _documentAttacker;
    private Location? _lastPlace;

    public static ExtractionResult Build(DocumentAnalysis analysis, ExtractionOptions options, Func<string, Location?> regionByName)
    {
        // Taken from the thread's slot while in use, so a nested build on this thread gets a builder of its own.
        var b = t_free ?? new RecordBuilder(); // empty: new, or reset after its last document
        t_free = null;
        b._a = analysis;
        b._regionByName = regionByName;
        var result = b.Run(options);
        // Not in a finally: after a fault the builder is dropped, never reused half-way.
        if (b.Reset()) t_free = b;
        return result;
    }

    /// <summary>
    /// After a document: empties every per-document field and collection, so nothing of one document reaches the next,
    /// and lets go of the document and its drafts. Returns whether the builder is small enough to keep.
    /// </summary>
    private bool Reset()
    {
        // Each collection is bounded on its own (not their sum), so a long document whose drafts the builder can keep
        // does not lose them all, and its next extraction allocates no more per record than a short one's.
        int largest = Sizes.Largest(_lentWeapons.Count, _lentStrikes.Count, _lentCasualties.Count, _launchSites.Count,
            _woundedThenDied.Count, _countFrom.Count, _weaponsByName.Count, _attackerCounts.Count, _frames?.Length ?? 0);
        bool small = largest < KeepUpTo;
        if (_entitySpans.Length > KeepUpTo) _entitySpans = new (EntityType, int, int)[256]; // a buffer, cheap to make again
        if (_frames is not null)
        {
            int used = Math.Min(_frames.Length, _a.Sentences.Length);
            for (int i = 0; i < used; i++)
            {
                if (_frames[i].Agents is not { } agents) continue;
                agents.Clear();
                if (_agentLists.Count < KeepUpTo && agents.Capacity <= 64) _agentLists.Push(agents);
            }
            Array.Clear(_frames, 0, used);
        }
        TakeBackDrafts();
        _weapons.Clear();
        _strikes.Clear();
        _casualties.Clear();
        _launchSites.Clear();
        _woundedThenDied.Clear();
        _countFrom.Clear();
        _found.Clear();
        _usedQuantities.Clear();
        _consumed.Clear();
        _kept.Clear();
        _acceptedEnds.Clear();
        _launchSitesHere.Clear();
        _strikesHere.Clear();
        _specific.Clear();
        _seenPlaces.Clear();
        _admin1WithPlaces.Clear();
        _countriesWithPlaces.Clear();
        _totalItems.Clear();
        _totalBuckets.Clear();
        _weaponsHere.Clear();
        _munitions.Clear();
        _fired.Clear();
        _down.Clear();
        _emitted.Clear();
        _attackerCounts.Clear();
        _weaponsByName.Clear();
        _documentAttacker = null;
        _lastPlace = null;
        _previousRange = null;
        _lastWeaponSentence = -10;
        _previousRangeSentence = -2;
        _a = null!;
        _regionByName = null!;
        return small;
    }

    // A draft's state when new is its state after Clear: the constructors call it, so the two cannot drift apart.

    private sealed class WeaponDraft
    {
        public WeaponDraft() => Clear();

        public string Id { get; set; }
        public WeaponInfo Info { get; set; }
        public List<string> Mentions { get; } = [];
        /// <summary>The members of <see cref="Mentions"/>, built once the list is long (see <see cref="AddMention"/>).</summary>
        public HashSet<string>? MentionSet;
        public List<Evidence> Evidence { get; } = [];
        /// <summary>Keys of <see cref="Evidence"/>, built once the list is long (see <see cref="AddEvidence"/>).</summary>
        public HashSet<(int, int)>? EvidenceKeys;
        public int? StatedRangeKm { get; set; }
        public int LastSentence { get; set; }

        /// <summary>Back to the state of a new draft, for the builder's next document.</summary>
        [MemberNotNull(nameof(Id), nameof(Info))]
        public void Clear()
        {
            Id = "";
            Info = null!;
            Mentions.Clear();
            MentionSet = null;
            Evidence.Clear();
            EvidenceKeys = null;
            StatedRangeKm = null;
            LastSentence = -1;
        }
    }

    private sealed class StrikeDraft
    {
        public StrikeDraft() => Clear();

        public Location Location { get; set; }
        public DateRange? Date { get; set; }
        public string? Attacker { get; set; }
        public string? Target { get; set; }
        public TargetCategory? TargetCategory { get; set; }
        public (int Start, int End)? TargetSpan { get; set; }
        public List<WeaponDraft> Weapons { get; } = [];
        public WeaponCategory? WeaponCategory { get; set; }
        public Quantity? MunitionCount { get; set; }
        public Quantity? Intercepted { get; set; }
        public Location? LaunchSite { get; set; }
        public List<CasualtyDraft> Casualties { get; } = [];
        public List<Evidence> Evidence { get; } = [];
        /// <summary>Keys of <see cref="Evidence"/>, built once the list is long (see <see cref="AddEvidence"/>).</summary>
        public HashSet<(int, int)>? EvidenceKeys;
        /// <summary>The members of <see cref="Casualties"/>, built once the list is long (see <see cref="AddCasualty"/>).</summary>
        public HashSet<CasualtyDraft>? CasualtySet;
        public bool ExplicitTrigger { get; set; }
        public int Sentence { get; set; }
        public string Id { get; set; }

        /// <summary>Back to the state of a new draft, for the builder's next document.</summary>
        [MemberNotNull(nameof(Location), nameof(Id))]
        public void Clear()
        {
            Location = null!;
            Date = null;
            Attacker = null;
            Target = null;
            TargetCategory = null;
            TargetSpan = null;
            Weapons.Clear();
            WeaponCategory = null;
            MunitionCount = null;
            Intercepted = null;
            LaunchSite = null;
            Casualties.Clear();
            Evidence.Clear();
            EvidenceKeys = null;
            CasualtySet = null;
            ExplicitTrigger = false;
            Sentence = 0;
            Id = "";
        }
    }

    private sealed class CasualtyDraft
    {
        public CasualtyDraft() => Clear();

        public CasualtyKind Kind { get; set; }
        public Quantity Count { get; set; }
        public CasualtyGroup Group { get; set; }
        public Location? Location { get; set; }
        public DateRange? Date { get; set; }
        public StrikeDraft? Strike { get; set; }
        public bool Subset { get; set; }
        public bool Cumulative { get; set; }
        public bool Update { get; set; }
        /// <summary>"Two soldiers were also killed", "another three died": adds to the figures before it.</summary>
        public bool Additive { get; set; }
        public int Sentence { get; set; }
        public int CountToken { get; set; }
        public List<Evidence> Evidence { get; } = [];
        /// <summary>Keys of <see cref="Evidence"/>, built once the list is long (see <see cref="AddEvidence"/>).</summary>
        public HashSet<(int, int)>? EvidenceKeys;
        public string Id { get; set; }

        /// <summary>Back to the state of a new draft, for the builder's next document.</summary>
        [MemberNotNull(nameof(Count), nameof(Id))]
        public void Clear()
        {
            Kind = default;
            Count = null!;
            Group = default;
            Location = null;
            Date = null;
            Strike = null;
            Subset = Cumulative = Update = Additive = false;
            Sentence = CountToken = 0;
            Evidence.Clear();
            EvidenceKeys = null;
            Id = "";
        }
    }

    // Drafts are kept with the builder: every draft handed out for a document is cleared after it and handed out again.
    private readonly List<WeaponDraft> _lentWeapons = [];
    private readonly List<StrikeDraft> _lentStrikes = [];
    private readonly List<CasualtyDraft> _lentCasualties = [];
    private readonly Stack<WeaponDraft> _freeWeapons = new();
    private readonly Stack<StrikeDraft> _freeStrikes = new();
    private readonly Stack<CasualtyDraft> _freeCasualties = new();

    /// <summary>A cleared draft from <paramref name="free"/> (or a new one), noted in <paramref name="lent"/> for <see cref="TakeBackDrafts"/>.</summary>
    private static T Lend<T>(Stack<T> free, List<T> lent) where T : new()
    {
        var d = free.TryPop(out var x) ? x : new T();
        lent.Add(d);
        return d;
    }

    private WeaponDraft NewWeapon(string id, WeaponInfo info)
    {
        var w = Lend(_freeWeapons, _lentWeapons);
        w.Id = id;
        w.Info = info;
        return w;
    }

    private StrikeDraft NewStrike(Location location)
    {
        var st = Lend(_freeStrikes, _lentStrikes);
        st.Location = location;
        return st;
    }

    private CasualtyDraft NewCasualty(CasualtyKind kind, Quantity count, int sentence, int countToken, bool cumulative,
        CasualtyGroup group = CasualtyGroup.Unknown, bool subset = false, bool update = false)
    {
        var c = Lend(_freeCasualties, _lentCasualties);
        c.Kind = kind;
        c.Count = count;
        c.Sentence = sentence;
        c.CountToken = countToken;
        c.Cumulative = cumulative;
        c.Group = group;
        c.Subset = subset;
        c.Update = update;
        return c;
    }

    /// <summary>Clears the drafts lent for a document and keeps them (up to <see cref="KeepUpTo"/> of each kind).</summary>
    private void TakeBackDrafts()
    {
        foreach (var w in _lentWeapons) w.Clear();
        foreach (var st in _lentStrikes) st.Clear();
        foreach (var c in _lentCasualties) c.Clear();
        Keep(_lentWeapons, _freeWeapons);
        Keep(_lentStrikes, _freeStrikes);
        Keep(_lentCasualties, _freeCasualties);

        static void Keep<T>(List<T> lent, Stack<T> free)
        {
            foreach (var d in lent)
                if (free.Count < KeepUpTo) free.Push(d);
            lent.Clear();
        }
    }

    private ExtractionResult Run(ExtractionOptions options)
    {
        CollectWeapons();
        _documentAttacker = MajorityAttacker();
        for (int s = 0; s < _a.Sentences.Length; s++)
            BuildSentence(s);
        ApplyLaunchSites();
        MergeStrikes();
        MergeCasualties();
        return Emit(options);
    }

    private readonly Dictionary<string, WeaponDraft> _weaponsByName = new(StringComparer.Ordinal);

    private void CollectWeapons()
    {
        var byName = _weaponsByName; // empty: cleared by Reset
        int sentence = 0;
        foreach (var h in _a.Weapons)
        {
            while (sentence < _a.Sentences.Length - 1 && _a.Sentences[sentence].End <= h.Start) sentence++;
            if (!byName.TryGetValue(h.Weapon.Name, out var w))
            {
                w = NewWeapon(RecordId(WeaponIds, _weapons.Count + 1), h.Weapon);
                byName.Add(h.Weapon.Name, w);
                _weapons.Add(w);
            }
            // One string per new mention or evidence span, shared by both; repeats of a name allocate nothing.
            string? text = null;
            if (!HasEvidence(w.Evidence, w.EvidenceKeys, h.Start, h.EndChar))
            {
                var e = Evidence.Of(_a.Text, h.Start, h.EndChar);
                text = e.Text;
                AddEvidence(w.Evidence, ref w.EvidenceKeys, e);
            }
            AddMention(w, _a.Text.AsSpan(h.Start, h.EndChar - h.Start), text);
            w.LastSentence = sentence;
        }
        // A range stated in the text ("a range of up to 650 km") belongs to the weapons last named.
        foreach (var d in _a.Distances)
        {
            int s = SentenceOf(d.First);
            var sent = _a.Sentences[s];
            bool aboutRange = false;
            for (int i = sent.FirstToken; i < sent.EndToken; i++)
                if (_a.Is(i, "range") || _a.Is(i, "ranges")) { aboutRange = true; break; }
            if (!aboutRange || _weapons.Count == 0) continue;
            int best = -1;
            foreach (var w in _weapons) if (w.LastSentence <= s) best = Math.Max(best, w.LastSentence);
            if (best < 0) best = _weapons.Max(w => w.LastSentence);
            foreach (var w in _weapons)
            {
                if (w.LastSentence == best && w.StatedRangeKm is null)
                {
                    w.StatedRangeKm = (int)Math.Round(d.Kilometres);
                    w.Evidence.Add(Evidence.Of(_a.Text, d.Start, d.EndChar));
                    break;
                }
            }
        }
        if (_a.Distances.Length > 0)
        {
            // A slash form ("KN-23/24") names variants of one system: they share the stated range.
            var first = _weapons.FirstOrDefault(w => w.StatedRangeKm is not null);
            if (first is not null)
                foreach (var w in _weapons)
                    if (w.StatedRangeKm is null && w.Evidence.Count > 0 && first.Evidence.Count > 0 && w.Evidence[0].Start == first.Evidence[0].Start)
                        w.StatedRangeKm = first.StatedRangeKm;
        }
    }

    /// <summary>Adds <paramref name="mention"/> to the weapon's names unless it is there (short lists searched, long ones a set).</summary>
    private static void AddMention(WeaponDraft w, ReadOnlySpan<char> mention, string? text)
    {
        if (w.MentionSet is not null)
        {
            if (w.MentionSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(mention)) return;
        }
        else
        {
            foreach (var x in w.Mentions)
                if (mention.SequenceEqual(x)) return;
        }
        text ??= mention.ToString();
        w.Mentions.Add(text);
        if (w.MentionSet is not null) w.MentionSet.Add(text);
        else if (w.Mentions.Count > ScanLimit) w.MentionSet = new HashSet<string>(w.Mentions, StringComparer.Ordinal);
    }

    private int SentenceOf(int token)
    {
        var ss = _a.Sentences;
        int lo = 0, hi = ss.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (ss[mid].FirstToken <= token) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
