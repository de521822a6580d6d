using System.Collections.Immutable;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Turns a <see cref="DocumentAnalysis"/> into records: weapons, strikes (one per place struck),
/// casualties with their counts, and the document summary. Stateless; one call per document.
/// </summary>
internal sealed partial class RecordBuilder
{
    private readonly DocumentAnalysis _a;
    private readonly Func<string, Location?> _regionByName;
    private readonly List<WeaponDraft> _weapons = [];
    private readonly List<StrikeDraft> _strikes = [];
    private readonly List<CasualtyDraft> _casualties = [];
    private readonly List<(Location Location, int Start, int End)> _launchSites = [];
    private string? _documentAttacker;
    private Location? _lastPlace;

    private RecordBuilder(DocumentAnalysis analysis, Func<string, Location?> regionByName)
    {
        _a = analysis;
        _regionByName = regionByName;
    }

    public static ExtractionResult Build(DocumentAnalysis analysis, ExtractionOptions options, Func<string, Location?> regionByName)
    {
        var b = new RecordBuilder(analysis, regionByName);
        return b.Run(options);
    }

    private sealed class WeaponDraft(string id, WeaponInfo info)
    {
        public string Id { get; } = id;
        public WeaponInfo Info { get; } = info;
        public List<string> Mentions { get; } = [];
        public HashSet<string> MentionSet { get; } = new(StringComparer.Ordinal);
        public List<Evidence> Evidence { get; } = [];
        public HashSet<(int, int)> EvidenceKeys { get; } = [];
        public int? StatedRangeKm { get; set; }
        public int LastSentence { get; set; } = -1;
    }

    private sealed class StrikeDraft
    {
        public required Location Location { get; set; }
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
        public string Id { get; set; } = "";
    }

    private sealed class CasualtyDraft
    {
        public CasualtyKind Kind { get; init; }
        public required Quantity Count { get; init; }
        public CasualtyGroup Group { get; set; }
        public Location? Location { get; set; }
        public DateRange? Date { get; set; }
        public StrikeDraft? Strike { get; set; }
        public bool Subset { get; init; }
        public bool Cumulative { get; set; }
        public bool Update { get; init; }
        /// <summary>"Two soldiers were also killed", "another three died": adds to the figures before it.</summary>
        public bool Additive { get; set; }
        public int Sentence { get; init; }
        public int CountToken { get; init; }
        public List<Evidence> Evidence { get; } = [];
        /// <summary>Keys of <see cref="Evidence"/>, built once the list is long (see <see cref="AddEvidence"/>).</summary>
        public HashSet<(int, int)>? EvidenceKeys;
        public string Id { get; set; } = "";
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

    private void CollectWeapons()
    {
        var byName = new Dictionary<string, WeaponDraft>(StringComparer.Ordinal);
        int sentence = 0;
        foreach (var h in _a.Weapons)
        {
            while (sentence < _a.Sentences.Length - 1 && _a.Sentences[sentence].End <= h.Start) sentence++;
            if (!byName.TryGetValue(h.Weapon.Name, out var w))
            {
                w = new WeaponDraft("w" + (_weapons.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), h.Weapon);
                byName.Add(h.Weapon.Name, w);
                _weapons.Add(w);
            }
            string mention = _a.Text[h.Start..h.EndChar];
            if (w.MentionSet.Add(mention)) w.Mentions.Add(mention);
            if (w.EvidenceKeys.Add((h.Start, h.EndChar)))
                w.Evidence.Add(Evidence.Of(_a.Text, h.Start, h.EndChar));
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
