using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Strikes: one per place struck in each sentence that reports an event, with its date, attacker (the sentence's first
/// agent, else the document's majority side), target, weapons (named in the sentence, or those the document named when
/// the sentence refers back to them), munitions fired and shot down, and the launch site named with it.
/// </summary>
internal sealed class StrikeStage : IStage
{
    public string Name => StageNames.Strikes;

    public void Run(DocumentContext doc) => doc.Scratch<StrikeRules>().Run(doc);
}

/// <summary>The strike stage's rules and per-document working lists.</summary>
internal sealed partial class StrikeRules : Scratch
{
    private DocumentAnalysis _a = null!;
    private RecordDrafts _records = null!;
    private LanguagePack _language = null!;
    private int _lastWeaponSentence;
    private readonly List<WeaponDraft> _weaponsHere;
    private readonly List<WeaponDraft> _munitions;
    private readonly List<Quantity> _fired;
    private readonly List<Quantity> _down;

    public StrikeRules()
    {
        _weaponsHere = NewList<WeaponDraft>();
        _munitions = NewList<WeaponDraft>();
        _fired = NewList<Quantity>();
        _down = NewList<Quantity>();
        Clear();
    }

    public override void Clear()
    {
        base.Clear();
        _a = null!;
        _records = null!;
        _language = null!;
        _lastWeaponSentence = -10;
    }

    public void Run(DocumentContext doc)
    {
        _a = doc.Analysis;
        _records = doc.Records;
        _language = doc.Pipeline.Language;
        var frames = doc.Frames;
        var scenes = doc.Scenes;
        for (int si = 0; si < _a.Sentences.Length; si++)
            if (scenes[si].IsEvent) BuildStrikes(si, frames, scenes);
    }

    private void BuildStrikes(int si, SentenceFrames frames, SentenceScenes scenes)
    {
        var s = _a.Sentences[si];
        var f = frames[si];
        var scene = scenes[si];
        var (weapons, category) = SentenceWeapons(si, s.FirstToken, f.Cut);
        var (target, targetCategory, targetSpan) = FindTarget(s.FirstToken, f.Cut);
        var (munitions, intercepted) = FindMunitionCounts(s.FirstToken, f.Cut);
        var agents = frames.AgentsOf(si);
        string? attacker = agents.Length > 0 ? agents[0].Country : frames.DocumentAttacker;
        var launches = scenes.LaunchesOf(si);
        Evidence? sentenceEvidence = null; // one for the sentence's strikes: evidence is immutable
        foreach (var p in scenes.PlacesOf(si))
        {
            var st = _records.NewStrike(p.Location);
            st.Date = scene.Date;
            st.Attacker = attacker;
            st.Target = target;
            st.TargetSpan = targetSpan;
            st.TargetCategory = targetCategory;
            st.WeaponCategory = category;
            st.MunitionCount = munitions;
            st.Intercepted = intercepted;
            st.ExplicitTrigger = f.ExplicitTrigger;
            st.Sentence = si;
            st.Weapons.AddRange(weapons);
            st.Evidence.Add(Evidence.Of(_a.Text, p.Start, p.EndChar));
            if (targetSpan is { } tsp) st.Evidence.Add(Evidence.Of(_a.Text, tsp.Start, tsp.End));
            st.Evidence.Add(sentenceEvidence ??= SentenceEvidence(s, f.Cut));
            if (launches.Length > 0) st.LaunchSite = launches[0].Location;
            _records.Strikes.Add(st);
        }
    }

    private Evidence SentenceEvidence(Sentence s, int cut)
    {
        int end = cut > s.FirstToken ? _a.Tokens[cut - 1].End : s.End;
        return Evidence.Of(_a.Text, s.Start, Math.Max(s.Start, end));
    }

    /// <summary>The weapons of a sentence's strikes. The list is reused: read it before the next call.</summary>
    private (List<WeaponDraft> Weapons, WeaponCategory? Category) SentenceWeapons(int si, int from, int to)
    {
        var list = _weaponsHere;
        list.Clear();
        foreach (var h in _a.WeaponsIn(from, to))
        {
            if (h.End > to) continue;
            foreach (var w in _records.Weapons)
            {
                if (w.Info.Name != h.Weapon.Name) continue;
                if (!list.Contains(w)) list.Add(w);
                break;
            }
        }
        var generic = GenericCategory(from, to, out bool conflict);
        if (list.Count == 0 && _records.Weapons.Count > 0) WeaponsReferredTo(si, from, to, generic, conflict, list);
        if (list.Count > 0) _lastWeaponSentence = si;
        WeaponCategory? category = null;
        if (list.Count > 0)
        {
            category = list[0].Info.Category;
            foreach (var w in list) if (w.Info.Category != category) { category = null; break; }
        }
        else if (!conflict) category = generic;
        return (list, category);
    }

    /// <summary>
    /// "the missile", "this type of drone", "North Korean missiles": a weapon noun that is not gun or mortar fire refers
    /// to the systems the document names (those compatible with the sentence's generic category); with no weapon noun, a
    /// sentence right after one that named systems of one family shares them.
    /// </summary>
    private void WeaponsReferredTo(int si, int from, int to, WeaponCategory? generic, bool conflict, List<WeaponDraft> list)
    {
        bool anaphor = false;
        for (int i = from; i < to && !anaphor; i++)
            anaphor = _a.Has(i, Cue.WeaponNoun) && !_a.Has(i, Cue.ArtilleryNoun);
        var munitions = _munitions;
        munitions.Clear();
        foreach (var w in _records.Weapons)
            if (w.Info.Category != WeaponCategory.Aircraft) munitions.Add(w); // bombers and jets are platforms
        bool oneFamily = munitions.Count > 0;
        foreach (var w in munitions) oneFamily &= w.Info.Category == munitions[0].Info.Category;
        bool near = si - _lastWeaponSentence <= 1;
        foreach (var w in munitions)
        {
            if (anaphor && (generic is null || Compatible(generic.Value, w.Info.Category))) list.Add(w);
            else if (!anaphor && generic is null && !conflict && oneFamily && near) list.Add(w);
        }
    }

    private static bool Compatible(WeaponCategory generic, WeaponCategory specific) => generic switch
    {
        WeaponCategory.BallisticMissile or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile => specific is WeaponCategory.BallisticMissile
            or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile or WeaponCategory.AirDefenceMissile or WeaponCategory.AntiShipMissile,
        WeaponCategory.AttackDrone or WeaponCategory.ReconDrone => specific is WeaponCategory.AttackDrone or WeaponCategory.ReconDrone,
        _ => generic == specific,
    };

    /// <summary>
    /// The weapon category the sentence's generic phrases give ("shelling": artillery), with a flag when they disagree.
    /// Shells fired from rocket launchers are rocket artillery ("fired 60 shells from Grad launchers").
    /// </summary>
    private WeaponCategory? GenericCategory(int from, int to, out bool conflict)
    {
        conflict = false;
        WeaponCategory? found = null;
        foreach (var g in _a.GenericWeaponsIn(from, to))
        {
            var c = g.Category;
            if (found is null) found = c;
            else if (found != c)
            {
                if (found == WeaponCategory.Artillery && c == WeaponCategory.RocketArtillery) { found = c; continue; }
                if (found == WeaponCategory.RocketArtillery && c == WeaponCategory.Artillery) continue;
                conflict = true;
            }
        }
        return found;
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
