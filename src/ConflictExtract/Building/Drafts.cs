using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ConflictExtract.Analysis;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

// A draft's state when new is its state after Clear: the constructors call it, so the two cannot drift apart.

/// <summary>A weapon system record being built.</summary>
internal sealed class WeaponDraft : IDraft
{
    public WeaponDraft() => Clear();

    public string Id { get; set; }
    public WeaponInfo Info { get; set; }
    public List<string> Mentions { get; } = [];
    /// <summary>The members of <see cref="Mentions"/>, built once the list is long (see <see cref="DraftLists.AddMention"/>).</summary>
    public HashSet<string>? MentionSet;
    public List<Evidence> Evidence { get; } = [];
    /// <summary>Keys of <see cref="Evidence"/>, built once the list is long.</summary>
    public HashSet<(int, int)>? EvidenceKeys;
    public int? StatedRangeKm { get; set; }
    public int LastSentence { get; set; }

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

/// <summary>A strike record being built: one attack on one place.</summary>
internal sealed class StrikeDraft : IDraft
{
    public StrikeDraft() => Clear();

    public Location Location { get; set; }
    public DateRange? Date { get; set; }
    public string? Attacker { get; set; }
    /// <summary>The attacking side's name (the contract's attackerName); set together with <see cref="Attacker"/>.</summary>
    public string? AttackerName { get; set; }
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
    /// <summary>Keys of <see cref="Evidence"/>, built once the list is long.</summary>
    public HashSet<(int, int)>? EvidenceKeys;
    /// <summary>The members of <see cref="Casualties"/>, built once the list is long.</summary>
    public HashSet<CasualtyDraft>? CasualtySet;
    public bool ExplicitTrigger { get; set; }
    public int Sentence { get; set; }
    public string Id { get; set; }

    [MemberNotNull(nameof(Location), nameof(Id))]
    public void Clear()
    {
        Location = null!;
        Date = null;
        Attacker = null;
        AttackerName = null;
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

/// <summary>Where in its clause a casualty count was found; the summary's learned decision reads it.</summary>
internal enum CountOrigin : byte
{
    /// <summary>A toll: "the death toll rose to 12".</summary>
    Toll,
    /// <summary>The object of a casualty verb: "killed 14 civilians".</summary>
    Object,
    /// <summary>A person noun as object: "killed a teacher".</summary>
    ObjectPerson,
    /// <summary>The subject of a casualty word: "three people were killed".</summary>
    Subject,
    /// <summary>A person noun as subject: "a man was killed", "Ana Ruiz, a nurse, was shot dead".</summary>
    SubjectPerson,
    /// <summary>A further object: "killed five soldiers and three civilians".</summary>
    Following,
    /// <summary>A further subject: "two women and three boys were killed".</summary>
    Coordinated,
    /// <summary>Part of another count: "including five children", "two of the dead".</summary>
    Subset,
}

/// <summary>A casualty record being built: people killed, injured or missing, with their count.</summary>
internal sealed class CasualtyDraft : IDraft
{
    public CasualtyDraft() => Clear();

    public CasualtyKind Kind { get; set; }
    public Quantity Count { get; set; }
    public CasualtyGroup Group { get; set; }
    public Location? Location { get; set; }
    public DateRange? Date { get; set; }
    public StrikeDraft? Strike { get; set; }
    /// <summary>Part of another figure ("including five children"): never added to the total.</summary>
    public bool Subset { get; set; }
    /// <summary>A figure over a period that covers many strikes ("since Dec. 30").</summary>
    public bool Cumulative { get; set; }
    /// <summary>"Two soldiers were also killed", "another three died": adds to the figures before it.</summary>
    public bool Additive { get; set; }
    /// <summary>Where in its clause the count was found.</summary>
    public CountOrigin Origin { get; set; }
    /// <summary>The figure this subset is part of ("20 killed, including 5 children": the 20), when it is a subset.</summary>
    public CasualtyDraft? PartOf { get; set; }
    /// <summary>The draft this one was merged into (the same figure reported again), else null.</summary>
    public CasualtyDraft? MergedInto { get; set; }
    /// <summary>The sentence of the last draft merged into this one, else -1: another draft of that sentence is another person.</summary>
    public int AbsorbedSentence { get; set; } = -1;
    /// <summary>A figure of history ("the 2009 massacre of 40 villagers", "the war has killed thousands"): a record, never in the total.</summary>
    public bool Background { get; set; }
    /// <summary>
    /// A figure the text puts before the reported events ("a month after an assault in which 37 people were killed", "in 2014
    /// ..."): left out of the total when the document reports figures of its own events too.
    /// </summary>
    public bool Earlier { get; set; }
    /// <summary>The casualty word the count belongs to ("killed", "wounded", "toll").</summary>
    public int WordToken { get; set; }
    public int Sentence { get; set; }
    /// <summary>The token of the count (or of the person noun that is the count).</summary>
    public int CountToken { get; set; }
    public List<Evidence> Evidence { get; } = [];
    /// <summary>Keys of <see cref="Evidence"/>, built once the list is long.</summary>
    public HashSet<(int, int)>? EvidenceKeys;
    public string Id { get; set; }

    [MemberNotNull(nameof(Count), nameof(Id))]
    public void Clear()
    {
        Kind = default;
        Count = null!;
        Group = default;
        Location = null;
        Date = null;
        Strike = null;
        Subset = Cumulative = Additive = false;
        Origin = default;
        PartOf = MergedInto = null;
        Background = Earlier = false;
        Sentence = CountToken = WordToken = 0;
        AbsorbedSentence = -1;
        Evidence.Clear();
        EvidenceKeys = null;
        Id = "";
    }
}

/// <summary>A launch site named with a launch verb ("fired from Belgorod"), for strikes without one of their own.</summary>
internal readonly record struct LaunchSite(Location Location, int Start, int End);

/// <summary>
/// The record drafts of one document, in the order the stages made them: weapons (the weapon-record stage), casualties
/// (the casualty stage), strikes (the strike stage), launch sites, and the summary. Later stages link and merge them.
/// </summary>
internal sealed class RecordDrafts : Scratch
{
    private readonly DraftPool<WeaponDraft> _weaponPool;
    private readonly DraftPool<StrikeDraft> _strikePool;
    private readonly DraftPool<CasualtyDraft> _casualtyPool;

    public RecordDrafts()
    {
        _weaponPool = NewPool<WeaponDraft>();
        _strikePool = NewPool<StrikeDraft>();
        _casualtyPool = NewPool<CasualtyDraft>();
        Weapons = NewList<WeaponDraft>();
        Strikes = NewList<StrikeDraft>();
        Casualties = NewList<CasualtyDraft>();
        LaunchSites = NewList<LaunchSite>();
    }

    public List<WeaponDraft> Weapons { get; }
    public List<StrikeDraft> Strikes { get; }
    public List<CasualtyDraft> Casualties { get; }
    public List<LaunchSite> LaunchSites { get; }

    /// <summary>The document's totals (the summary stage's output).</summary>
    public Summary? Summary { get; set; }

    public WeaponDraft NewWeapon(WeaponInfo info)
    {
        var w = _weaponPool.Lend();
        w.Id = RecordIds.Weapon(Weapons.Count + 1);
        w.Info = info;
        return w;
    }

    public StrikeDraft NewStrike(Location location)
    {
        var st = _strikePool.Lend();
        st.Location = location;
        return st;
    }

    public CasualtyDraft NewCasualty(CasualtyKind kind, Quantity count, int sentence, int countToken, bool cumulative,
        CasualtyGroup group, CountOrigin origin, int wordToken)
    {
        var c = _casualtyPool.Lend();
        c.Origin = origin;
        c.WordToken = wordToken;
        c.Kind = kind;
        c.Count = count;
        c.Sentence = sentence;
        c.CountToken = countToken;
        c.Cumulative = cumulative;
        c.Group = group;
        c.Subset = origin == CountOrigin.Subset;
        return c;
    }

    public override void Clear()
    {
        base.Clear();
        Summary = null;
    }
}

/// <summary>Record ids "s1", "c1", "w1" ...: the first 128 of each are made once.</summary>
internal static class RecordIds
{
    private static readonly string[] StrikeIds = Ids("s"), CasualtyIds = Ids("c"), WeaponIds = Ids("w");

    public static string Strike(int n) => Id(StrikeIds, n);
    public static string Casualty(int n) => Id(CasualtyIds, n);
    public static string Weapon(int n) => Id(WeaponIds, n);

    private static string[] Ids(string prefix) => [.. Enumerable.Range(1, 128).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The <paramref name="n"/>th (1-based) id of the series <paramref name="ids"/> begins.</summary>
    private static string Id(string[] ids, int n) =>
        n <= ids.Length ? ids[n - 1] : string.Concat(ids[0].AsSpan(0, 1), n.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Adding to a draft's lists without repeats, in time linear in their length.</summary>
internal static class DraftLists
{
    /// <summary>Lists up to this long are searched; longer ones get a set.</summary>
    private const int ScanLimit = 8;

    /// <summary>Adds <paramref name="item"/> unless <paramref name="list"/> holds one with the same key.</summary>
    public static void AddUnique<T, TKey>(List<T> list, ref HashSet<TKey>? keys, T item, Func<T, TKey> key)
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

    public static bool HasEvidence(List<Evidence> list, HashSet<(int, int)>? keys, int start, int end)
    {
        if (keys is not null) return keys.Contains((start, end));
        foreach (var x in list)
            if (x.Start == start && x.End == end) return true;
        return false;
    }

    public static void AddEvidence(List<Evidence> to, ref HashSet<(int, int)>? keys, Evidence e) =>
        AddUnique(to, ref keys, e, static x => (x.Start, x.End));

    /// <summary>Links <paramref name="c"/> to strike <paramref name="s"/> unless it is already among its casualties.</summary>
    public static void AddCasualty(StrikeDraft s, CasualtyDraft c) =>
        AddUnique(s.Casualties, ref s.CasualtySet, c, static x => x);

    /// <summary>Adds <paramref name="mention"/> to the weapon's names unless it is there.</summary>
    public static void AddMention(WeaponDraft w, ReadOnlySpan<char> mention, string? text)
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
}
