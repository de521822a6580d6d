using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

internal sealed partial class StrikeRules
{
    /// <summary>"They", "it" refer back to the systems named at most this many sentences before.</summary>
    private const int MaxPronounSentences = 1;

    /// <summary>How far after a pronoun its attack word may stand ("it was shot down", "they hit").</summary>
    private const int PronounWindow = 3;

    /// <summary>How far after an air-defence system its interception word may stand ("IRIS-T systems destroyed ...").</summary>
    private const int DefenderWindow = 6;

    /// <summary>
    /// The weapons of one group's stretch [<paramref name="from"/>, <paramref name="to"/>): the systems it names (not the
    /// defender's: "IRIS-T systems destroyed 11 of them"), else those it refers back to; and their category, or the one its
    /// generic phrases give. The list is reused: read it before the next call.
    /// </summary>
    private (List<WeaponDraft> Weapons, WeaponCategory? Category) GroupWeapons(int si, int from, int to, string? attacker)
    {
        var list = _weaponsHere;
        list.Clear();
        foreach (var h in _a.WeaponsIn(from, to))
        {
            if (h.End > to || IsDefender(h.First, h.End, h.Weapon.Category)) continue;
            var w = DraftOf(h.Weapon.Name);
            if (w is not null && !list.Contains(w)) list.Add(w);
        }
        var generic = GenericCategory(from, to, out bool conflict);
        if (list.Count == 0 && _namedBy.Count > 0) WeaponsReferredTo(si, from, to, generic, attacker, list);
        if (list.Count == 0 && generic is null && !conflict && si == _carrySentence + 1 && from == _a.Sentences[si].FirstToken && !WeaponWordIn(from, to))
            foreach (var w in _carried) if (Refers(w, null, attacker)) list.Add(w); // "Russia fired 24 missiles. They hit Kyiv and Odesa."
        WeaponCategory? category = null;
        if (list.Count > 0)
        {
            // An aircraft is the platform of the munitions named with it ("a MiG-31K launched a Kinzhal"): they decide.
            bool munition = false;
            foreach (var w in list) munition |= w.Info.Category != WeaponCategory.Aircraft;
            foreach (var w in list)
            {
                if (munition && w.Info.Category == WeaponCategory.Aircraft) continue;
                if (category is null) category = w.Info.Category;
                else if (w.Info.Category != category) { category = null; break; }
            }
        }
        else if (!conflict) category = generic;
        return (list, category);
    }

    private WeaponDraft? DraftOf(string name)
    {
        foreach (var w in _records.Weapons)
            if (w.Info.Name == name) return w;
        return null;
    }

    /// <summary>
    /// Before the document's strikes: each system fired (not an aircraft, not a defender) and the side of the sentence that
    /// first names it, so that "the missile" can refer to it and a strike of another side does not.
    /// </summary>
    private void NoteNamers()
    {
        foreach (var h in _a.Weapons)
        {
            if (h.Weapon.Category == WeaponCategory.Aircraft || IsDefender(h.First, h.End, h.Weapon.Category)) continue; // bombers and jets are platforms
            var w = DraftOf(h.Weapon.Name);
            if (w is null || _namedBy.ContainsKey(w)) continue;
            int si = _a.SentenceOf(h.First);
            string? side = _frames.DocumentAttacker?.Country;
            foreach (var ag in _frames.AgentsOf(si))
                if (!ag.WeaponOrigin) { side = ag.Country; break; }
            _namedBy[w] = side;
        }
    }

    /// <summary>After sentence <paramref name="si"/>: the systems it names (not aircraft, not defenders) are what "the missile" refers to next.</summary>
    private void NoteWeapons(int si)
    {
        var s = _a.Sentences[si];
        int cut = _frames[si].Cut;
        bool any = false;
        foreach (var h in _a.WeaponsIn(s.FirstToken, cut))
        {
            if (h.End > cut || h.Weapon.Category == WeaponCategory.Aircraft || IsDefender(h.First, h.End, h.Weapon.Category)) continue;
            var w = DraftOf(h.Weapon.Name);
            if (w is null) continue;
            if (!any) { _lastWeapons.Clear(); any = true; }
            if (!_lastWeapons.Contains(w)) _lastWeapons.Add(w);
        }
        if (any) _lastWeaponSentence = si;
    }

    /// <summary>
    /// "the missile", "two missiles", "a ballistic missile", "it hit ...": a weapon noun that is not gun or mortar fire, or
    /// a pronoun as the subject of an attack right after the systems were named, refers to the systems named last before
    /// (else to those the document names later: "the missile ... it was an S-300"), when their category fits the noun's
    /// and the side that fired them is not another than the strike's; not across a new topic ("Separately, ..."). A
    /// sentence that names no weapon takes none.
    /// </summary>
    private void WeaponsReferredTo(int si, int from, int to, WeaponCategory? generic, string? attacker, List<WeaponDraft> list)
    {
        if (si != _lastWeaponSentence && _a.Has(_a.Sentences[si].FirstToken, Cue.TopicShift)) return;
        bool anaphor = false;
        for (int i = from; i < to && !anaphor; i++)
        {
            if (_a.Has(i, Cue.WeaponNoun) && !_a.Has(i, Cue.ArtilleryNoun)) anaphor = true;
            else if (_a.Has(i, Cue.ActorPronoun) && _a.Has(i + 1, Cue.Auxiliary) || _a.Has(i, Cue.ActorPronoun) && _a.Has(i + 1, Cue.StrikeTrigger))
                anaphor = _lastWeaponSentence >= 0 && si - _lastWeaponSentence <= MaxPronounSentences && AttackAfter(i + 1, to);
        }
        if (!anaphor) return;
        if (_lastWeapons.Count > 0)
        {
            foreach (var w in _lastWeapons)
                if (Refers(w, generic, attacker)) list.Add(w);
            return;
        }
        foreach (var (w, _) in _namedBy)
            if (Refers(w, generic, attacker)) list.Add(w);
    }

    /// <summary>
    /// A sentence that reports an attack with its weapons but no place: its weapons carry to the next sentence, which may
    /// name the places without the weapons (one report over two sentences).
    /// </summary>
    private void CarryWeapons(int si, int from, int to)
    {
        var (weapons, _) = GroupWeapons(si, from, to, PickAgent(si, from, to)?.Country);
        _carried.Clear();
        _carried.AddRange(weapons);
        _carrySentence = weapons.Count > 0 ? si : -10;
    }

    private bool WeaponWordIn(int from, int to)
    {
        for (int i = from; i < to; i++)
            if (_a.WeaponAt[i] >= 0 || _a.Has(i, Cue.WeaponNoun)) return true;
        return false;
    }

    /// <summary>System <paramref name="w"/> fits a stretch of category <paramref name="generic"/> attacked by <paramref name="attacker"/>.</summary>
    private bool Refers(WeaponDraft w, WeaponCategory? generic, string? attacker) =>
        (generic is null || Compatible(generic.Value, w.Info.Category))
        && (attacker is null || _namedBy.GetValueOrDefault(w) is not { } side || side == attacker);

    /// <summary>An attack word or an interception within the few tokens after a pronoun ("it hit", "they were shot down").</summary>
    private bool AttackAfter(int from, int to)
    {
        for (int k = from; k < Math.Min(to, from + PronounWindow); k++)
            if (_a.Has(k, Cue.StrikeTrigger) || _a.Has(k, Cue.InterceptVerb) || _a.Has(k, Cue.Shot) && _a.Has(k + 1, Cue.Down)) return true;
        return false;
    }

    /// <summary>
    /// An air-defence system that brings munitions down, not one fired at a place: its interception word follows it in its
    /// clause ("IRIS-T systems destroyed", "Iron Dome intercepted"), or it comes after "by" ("shot down by Patriot").
    /// </summary>
    private bool IsDefender(int first, int end, WeaponCategory category)
    {
        if (category != WeaponCategory.AirDefenceMissile) return false;
        if (_a.Has(first - 1, Cue.By)) return true;
        for (int k = end; k < Math.Min(_a.Tokens.Length, end + DefenderWindow); k++)
        {
            if (_a.IsClauseEnd(k) || _a.IsPunct(k, ',') || _a.Has(k, Cue.LaunchVerb) || _a.Has(k, Cue.StrikeTrigger)) return false;
            if (_a.Has(k, Cue.InterceptVerb) || _a.Has(k, Cue.Shot) && _a.Has(k + 1, Cue.Down)) return true;
        }
        return false;
    }

    private static bool Compatible(WeaponCategory generic, WeaponCategory specific) => generic switch
    {
        WeaponCategory.BallisticMissile or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile => specific is WeaponCategory.BallisticMissile
            or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile or WeaponCategory.AirDefenceMissile or WeaponCategory.AntiShipMissile,
        WeaponCategory.AttackDrone or WeaponCategory.ReconDrone => specific is WeaponCategory.AttackDrone or WeaponCategory.ReconDrone,
        _ => generic == specific,
    };

    /// <summary>
    /// The weapon category the stretch's generic phrases give ("shelling": artillery), with a flag when they disagree.
    /// Shells fired from rocket launchers are rocket artillery ("fired 60 shells from Grad launchers"); an aircraft gives
    /// way to the munition it dropped or fired.
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
                // "Russian aviation dropped a guided bomb": the aircraft is the platform, the munition decides.
                if (found == WeaponCategory.Aircraft && c != WeaponCategory.Other) { found = c; continue; }
                if (c == WeaponCategory.Aircraft && found != WeaponCategory.Other) continue;
                conflict = true;
            }
        }
        return found;
    }
}
