using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ConflictExtract.Analysis;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Tagging;

namespace ConflictExtract.Building;

/// <summary>
/// The result: record ids in order, the immutable records from the drafts (a strike lists only its surviving
/// casualties), each strike's confidence, the summary, and the entity list when asked for.
/// </summary>
internal sealed class EmitStage : IStage
{
    public string Name => StageNames.Emit;

    public void Run(DocumentContext doc) => doc.Result = doc.Scratch<Emitter>().Emit(doc);
}

/// <summary>The emit stage's working collections.</summary>
internal sealed class Emitter : Scratch
{
    private readonly HashSet<CasualtyDraft> _emitted;
    /// <summary>Entity spans before their text is cut: sorted and de-duplicated first, so that only the kept ones allocate.</summary>
    private readonly Buffer<(EntityType Type, int Start, int End)> _entitySpans;

    public Emitter()
    {
        _emitted = NewSet<CasualtyDraft>();
        _entitySpans = Track(new Buffer<(EntityType, int, int)>(256), static b => b.Clear(), static b => b.Length);
    }

    public ExtractionResult Emit(DocumentContext doc)
    {
        var records = doc.Records;
        var options = doc.Options;
        for (int i = 0; i < records.Strikes.Count; i++) records.Strikes[i].Id = RecordIds.Strike(i + 1);
        for (int i = 0; i < records.Casualties.Count; i++) records.Casualties[i].Id = RecordIds.Casualty(i + 1);

        var weapons = new WeaponSystem[records.Weapons.Count];
        for (int i = 0; i < weapons.Length; i++)
        {
            var w = records.Weapons[i];
            weapons[i] = new WeaponSystem(w.Id, w.Info.Name, [.. w.Mentions], w.Info.Category, w.Info.Origin, w.StatedRangeKm ?? w.Info.MaxRangeKm, [.. w.Evidence]);
        }

        foreach (var c in records.Casualties) _emitted.Add(c);
        var strikes = new StrikeEvent[records.Strikes.Count];
        for (int i = 0; i < strikes.Length; i++)
        {
            var s = records.Strikes[i];
            var weaponIds = new string[s.Weapons.Count];
            for (int k = 0; k < weaponIds.Length; k++) weaponIds[k] = s.Weapons[k].Id;
            strikes[i] = new StrikeEvent(
                s.Id, s.Date, s.Location, s.Attacker, s.Target, s.TargetCategory,
                ImmutableCollectionsMarshal.AsImmutableArray(weaponIds), s.WeaponCategory, s.MunitionCount, s.Intercepted, s.LaunchSite,
                CasualtyIdsOf(s), StrikeConfidence.Of(s), [.. s.Evidence], s.AttackerName);
        }

        var casualties = new Casualty[records.Casualties.Count];
        for (int i = 0; i < casualties.Length; i++)
        {
            var c = records.Casualties[i];
            casualties[i] = new Casualty(c.Id, c.Kind, c.Count, c.Group, c.Cumulative ? null : c.Strike?.Id, c.PartOf?.Id, c.Date, c.Location, [.. c.Evidence]);
        }

        var entities = options.IncludeEntities ? Entities(doc.Analysis, records.Strikes) : [];
        return new ExtractionResult(options.DocumentId, options.PublishedAt, ImmutableCollectionsMarshal.AsImmutableArray(weapons),
            ImmutableCollectionsMarshal.AsImmutableArray(strikes), ImmutableCollectionsMarshal.AsImmutableArray(casualties),
            records.Summary ?? new Summary(null, null), entities);
    }

    /// <summary>
    /// The surviving casualties linked to <paramref name="s"/>, in link order. A strike holds each draft once and each
    /// draft has its own id, so no id repeats.
    /// </summary>
    private ImmutableArray<string> CasualtyIdsOf(StrikeDraft s)
    {
        var ids = ImmutableArray.CreateBuilder<string>(s.Casualties.Count);
        foreach (var c in s.Casualties)
            if (_emitted.Contains(c)) ids.Add(c.Id);
        return ids.DrainToImmutable();
    }

    private ImmutableArray<Entity> Entities(DocumentAnalysis a, List<StrikeDraft> strikes)
    {
        int most = a.Places.Length + a.Weapons.Length + a.Dates.Length + a.Quantities.Length + a.Tagged.Length + strikes.Count;
        if (most == 0) return [];
        var spans = _entitySpans.Room(most);
        int n = 0;
        foreach (var p in a.Places) spans[n++] = (EntityType.LOC, p.Start, p.EndChar);
        foreach (var w in a.Weapons) spans[n++] = (EntityType.WEAPON, w.Start, w.EndChar);
        foreach (var d in a.Dates) spans[n++] = (EntityType.DATE, d.Start, d.EndChar);
        foreach (var q in a.Quantities) spans[n++] = (EntityType.QUANTITY, q.Start, q.EndChar);
        foreach (var t in a.Tagged)
        {
            EntityType type;
            switch (t.Label)
            {
                case EntityLabel.Org: type = EntityType.ORG; break;
                case EntityLabel.Per: type = EntityType.PER; break;
                case EntityLabel.Norp: type = EntityType.NORP; break;
                case EntityLabel.Loc when !OverlapsPlace(a, t.FirstToken, t.EndToken): type = EntityType.LOC; break;
                default: continue; // places and weapons come from the gazetteer and catalogue (the tagger's are used above)
            }
            spans[n++] = (type, t.Start, t.End);
        }
        foreach (var s in strikes)
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
            all[i] = new Entity(type, a.Text[start..end], start, end);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(all);
    }

    private static bool OverlapsPlace(DocumentAnalysis a, int firstToken, int endToken)
    {
        for (int k = Math.Max(0, firstToken); k < Math.Min(endToken, a.Tokens.Length); k++)
            if (a.PlaceAt[k] >= 0) return true;
        return false;
    }
}

/// <summary>A strike's confidence: how much of what makes a report of an attack trustworthy the text gave.</summary>
internal static class StrikeConfidence
{
    /// <summary>Where a strike's confidence starts: with an attack word, or from a casualty and a weapon only.</summary>
    public const double WithTrigger = 0.55, WithoutTrigger = 0.4;

    /// <summary>What each of a date, an attacker, a weapon and a linked casualty adds.</summary>
    public const double PerSlot = 0.1;

    /// <summary>What a strike on a whole country loses: the place is the vaguest there is.</summary>
    public const double CountryPenalty = 0.15;

    public const double Min = 0.05, Max = 0.95;

    public static double Of(StrikeDraft s)
    {
        double c = s.ExplicitTrigger ? WithTrigger : WithoutTrigger;
        if (s.Date is not null) c += PerSlot;
        if (s.Attacker is not null || s.AttackerName is not null) c += PerSlot;
        if (s.Weapons.Count > 0 || s.WeaponCategory is not null) c += PerSlot;
        if (s.Casualties.Count > 0) c += PerSlot;
        if (s.Location.Kind is PlaceKind.Country) c -= CountryPenalty;
        return Math.Round(Math.Clamp(c, Min, Max), 2);
    }
}
