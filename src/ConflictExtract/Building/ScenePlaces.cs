using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// The scene stage's place rules: which places of a sentence are the scene of its event. A place after a locative or in
/// a list of places struck, the subject of a passive attack verb ("Kupiansk was shelled", "Izium came under fire"), a
/// place after "including" once a region is struck; not a source ("Kharkiv said"), an institution ("Kherson police"),
/// a front sector ("the Pokrovsk direction"), a qualifier of the place before it ("Vovchansk, Kharkiv region"), where
/// someone spoke, met or went ("speaking in Kyiv", "fled to Kharkiv"), a reference point ("near Kyiv") or the place of
/// another attack ("a similar attack on Sumy", "the deadliest since the strike on
/// Sumy").
/// </summary>
internal sealed partial class SceneRules
{
    /// <summary>A passive attack verb stands at most this many tokens after the subject places and their qualifiers ("were again shelled").</summary>
    private const int PassiveWindow = 3;

    /// <summary>How many capitalised words a place or district the gazetteer does not know may take ("Velykyi Burluk district").</summary>
    private const int MaxDistrictWords = 3;

    /// <summary>How many words before an "in"/"at"/"to" may name where someone spoke or went ("speaking to reporters in").</summary>
    private const int LeadWindow = 3;

    /// <summary>The places of tokens [from, cut) that are the scene of the event, into <see cref="_kept"/>; places fired from into <paramref name="launches"/>.</summary>
    private void ScenePlaces(int from, SentenceFrame f, ReadOnlySpan<Agent> agents, List<PlaceHit> launches)
    {
        int cut = f.Cut;
        _kept.Clear();
        _acceptedEnds.Clear();
        int otherEvent = OtherEventStart(from, cut);
        PlaceHit head = default;
        bool hasHead = false, headKept = false, headEligible = false;
        int lastEnd = -1;
        var hits = _a.PlacesIn(from, cut);
        for (int h = 0; h < hits.Length; h++)
        {
            var p = hits[h];
            bool eligible = p.End <= cut && !OverlapsAgent(agents, p.First, p.End) && !IsSource(p.End) && !IsNamePart(p) && p.First < otherEvent;
            if (hasHead && (IsQualifierOf(head, lastEnd, p) || IsDistrictInBrackets(head, lastEnd, p, h + 1 < hits.Length ? hits[h + 1] : null)))
            {
                // "Prykolotne in Kharkiv region came under fire": the region locates the village, and its scene is the village's.
                if (!headKept && headEligible && eligible && IsLocativeBefore(p.First, from, out int loc) && !(loc >= 0 && IsBackgroundLead(loc)))
                {
                    Keep(head);
                    headKept = true;
                }
                if (headKept) _acceptedEnds.Add(p.End);
                lastEnd = p.End;
                continue;
            }
            (head, hasHead, headEligible, lastEnd) = (p, true, eligible, p.End);
            headKept = eligible && IsScenePlace(p, from, cut, f, launches);
            if (headKept) Keep(p);
        }
        MostSpecific();
    }

    private void Keep(PlaceHit p)
    {
        _kept.Add(p);
        _acceptedEnds.Add(p.End);
    }

    /// <summary>Whether place <paramref name="p"/>, not a source, agent or qualifier, is the scene of the sentence's event (or a launch site, then added to <paramref name="launches"/>).</summary>
    private bool IsScenePlace(PlaceHit p, int from, int cut, SentenceFrame f, List<PlaceHit> launches)
    {
        int before = p.First - 1;
        while (before >= from && (_a.Has(before, Cue.Article) || _a.Has(before, Cue.RegionNoun) || _a.Has(before, Cue.Of) && _a.Has(before - 1, Cue.RegionNoun))) before--;
        if (_a.Has(before, Cue.From))
        {
            if (!HasLeadBefore(before)) launches.Add(p);
            return false;
        }
        // "the head of the Kharkiv regional administration", "Kherson police": an institution, not the scene.
        if (_a.Has(p.End, Cue.InstitutionHead) || _a.Has(p.End, Cue.MilitaryWord) && _a.Has(p.End + 1, Cue.AdministrationWord)) return false;
        // "Kharkiv residents": the place of the people named.
        bool ofPeople = _a.Has(p.End, Cue.Person);
        // The subject of a passive attack frame ("Derhachi was hit by ...", "X was the target of"), from the frame stage.
        bool patient = p.First >= f.PatientFirst && p.End <= f.PatientEnd;
        int locative = -1;
        if (!ofPeople && !patient && !IsLocativeBefore(p.First, from, out locative) && !IsPassiveSubject(p, from, cut) && !IsRegionOfUnknownPlace(p, from)) return false;
        if (locative >= 0 && IsBackgroundLead(locative)) return false;
        // A country is struck "in/on/at" it, not "of" it ("the aggression of the Russian Federation").
        if (p.Location.Kind == PlaceKind.Country && (_a.Has(before, Cue.Of) || _a.Has(p.First - 1, Cue.Of))) return false;
        return !IsDistrictOfPlace(p);
    }

    /// <summary>"Kharkiv said", "Kharkiv's governor said": the place names the source.</summary>
    private bool IsSource(int end) =>
        _a.Has(end, Cue.SpeechVerb) || _a.Has(end, Cue.Genitive) && _a.Has(end + 1, Cue.SpeechVerb);

    /// <summary>"the Pokrovsk direction", "the Kupiansk axis", "the Minsk talks": a front sector or a meeting named after a place.</summary>
    private bool IsNamePart(PlaceHit p) => _a.Has(p.End, Cue.FrontSector) || _a.Has(p.End, Cue.NotSceneLead) && !_a.Has(p.End, Cue.SpeechVerb);

    /// <summary>
    /// "Vovchansk, Kharkiv region", "Ocheretyne, Pokrovsk district, Donetsk Oblast", "Lashio (Shan State)", "Nikopol in
    /// the Dnipropetrovsk region", "Kramatorsk, Ukraine": a region, raion or country right after a place (a comma, a
    /// bracket, "in", "in the", "of the" between) that holds it qualifies that place and is no scene of its own.
    /// </summary>
    private bool IsQualifierOf(PlaceHit place, int lastEnd, PlaceHit p)
    {
        var q = p.Location;
        if (q.Kind is not (PlaceKind.Region or PlaceKind.Other or PlaceKind.Country) || place.Location.Kind == PlaceKind.Country) return false;
        lastEnd = AfterUnlistedDistrict(lastEnd);
        int gap = p.First - lastEnd;
        bool glue = gap == 1 && (_a.IsPunct(lastEnd, ',') || _a.IsPunct(lastEnd, '('))
            || gap == 1 && _a.Has(lastEnd, Cue.In)
            || gap == 2 && (_a.Has(lastEnd, Cue.In) || _a.Has(lastEnd, Cue.Of)) && _a.Has(lastEnd + 1, Cue.Article);
        if (!glue) return false;
        var l = place.Location;
        return q.Kind == PlaceKind.Country ? q.Country == l.Country : q.Admin1 is not null && q.Admin1 == l.Admin1 && q.Name != l.Name;
    }

    /// <summary>
    /// ", Kupianskyi district" after a place, a district the gazetteer has no name for: the token after it (the comma
    /// before the region), else <paramref name="end"/>.
    /// </summary>
    private int AfterUnlistedDistrict(int end)
    {
        if (!_a.IsPunct(end, ',') && !_a.IsPunct(end, '(')) return end;
        int k = end + 1;
        while (k < end + 1 + MaxDistrictWords && _a.IsCapitalizedWord(k) && _a.PlaceAt[k] < 0) k++;
        return k > end + 1 && _a.Has(k, Cue.DistrictNoun) && _a.IsPunct(k + 1, ',') ? k + 1 : end;
    }

    /// <summary>
    /// "Ukrainian drones struck Tyotkino, Kursk oblast": a region after a place name the gazetteer does not know, itself
    /// after a locative: the region is the best known scene.
    /// </summary>
    private bool IsRegionOfUnknownPlace(PlaceHit p, int from)
    {
        if (p.Location.Kind != PlaceKind.Region || !_a.IsPunct(p.First - 1, ',')) return false;
        int k = p.First - 2;
        int words = 0;
        while (k >= from && words < MaxDistrictWords && _a.IsCapitalizedWord(k) && _a.PlaceAt[k] < 0) { k--; words++; }
        return words > 0 && k >= from && _a.Has(k, Cue.Locative);
    }

    /// <summary>"Staryi Saltiv (Chuhuiv, Kharkiv)": a town in brackets right after a place, before its region, names the place's district.</summary>
    private bool IsDistrictInBrackets(PlaceHit place, int lastEnd, PlaceHit p, PlaceHit? next) =>
        p.First == lastEnd + 1 && _a.IsPunct(lastEnd, '(') && next is { } r && _a.IsPunct(p.End, ',') && r.First == p.End + 1
        && r.Location.Kind == PlaceKind.Region && r.Location.Admin1 is { } a && a == p.Location.Admin1 && a == place.Location.Admin1;

    /// <summary>
    /// "Shostka, Seredyna-Buda and Velyka Pysarivka were shelled", "Avdiivka in Donetsk region was hit by artillery",
    /// "Kupiansk came under fire": places that open the clause (the sentence or what follows a semicolon or colon, after
    /// a date or a window) and are the subject of a passive attack verb.
    /// </summary>
    private bool IsPassiveSubject(PlaceHit p, int from, int cut)
    {
        int clause = from;
        for (int k = p.First - 1; k > from; k--)
            if (_a.IsPunct(k, ';') || _a.IsPunct(k, ':')) { clause = k + 1; break; } // "...; Vovchansk and Lyptsi were shelled"
        for (int k = clause; k < p.First; k++)
            if (!IsIntroToken(k)) return false;
        int t = p.End;
        while (t < cut && (_a.PlaceAt[t] >= 0 || _a.IsPunct(t, ',') || _a.IsPunct(t, '(') || _a.IsPunct(t, ')')
            || _a.HasAny(t, ListOrQualifierWords))) t++;
        if (_a.Has(t, Cue.UnderFire) && _a.Has(t + 1, Cue.UnderFire)) return true;
        int end = Math.Min(cut, t + PassiveWindow + 1);
        bool auxiliary = false;
        for (int k = t; k < end; k++)
        {
            if (_a.HasAny(k, Auxiliaries)) { auxiliary = true; continue; }
            if (auxiliary && _a.Has(k, Cue.StrikeTrigger)) return true;
            if (!auxiliary || _a.IsPunct(k, ',') || _a.IsClauseEnd(k)) return false;
        }
        return false;
    }

    private static readonly CueSet ListOrQualifierWords = CueSet.Of(Cue.And, Cue.Article, Cue.In, Cue.RegionNoun, Cue.DistrictNoun, Cue.PlaceIntro);
    private static readonly CueSet Auxiliaries = CueSet.Of(Cue.Auxiliary, Cue.HasVerb, Cue.Been);
    private static readonly CueSet IntroWords = CueSet.Of(Cue.TimeWord, Cue.Article, Cue.And, Cue.In, Cue.Over, Cue.During, Cue.Past, Cue.Last,
        Cue.Per, Cue.Since, Cue.At, Cue.Of, Cue.Locative, Cue.IndefiniteArticle);

    /// <summary>A token of what may open a clause before its subject: a date, a window, a number, punctuation, place names.</summary>
    private bool IsIntroToken(int k) =>
        _a.DateAt[k] >= 0 || _a.QuantityAt[k] >= 0 || _a.PlaceAt[k] >= 0 || _a.Tokens[k].Kind is not Text.TokenKind.Word || _a.HasAny(k, IntroWords);

    /// <summary>"speaking to reporters in Kyiv", "leaders gathered in Paris", "residents fled to Kharkiv": the "in"/"at"/"to" at <paramref name="locative"/> names where someone spoke, met or went.</summary>
    private bool IsBackgroundLead(int locative) =>
        (_a.Has(locative, Cue.In) || _a.Has(locative, Cue.At) || _a.Has(locative, Cue.To)) && HasLeadBefore(locative);

    /// <summary>A word of <see cref="Cue.NotSceneLead"/> within <see cref="LeadWindow"/> words before token <paramref name="at"/>, not across punctuation.</summary>
    private bool HasLeadBefore(int at)
    {
        for (int k = at - 1; k >= Math.Max(0, at - LeadWindow) && _a.Tokens[k].Kind == Text.TokenKind.Word; k--)
            if (_a.Has(k, Cue.NotSceneLead)) return true;
        return false;
    }

    /// <summary>
    /// Where the clause of another attack begins in [from, cut): "a similar attack on ...", "an earlier strike on ...",
    /// "(the deadliest) since the strike on ..."; <paramref name="cut"/> when none. Places after it are no scene.
    /// </summary>
    private int OtherEventStart(int from, int cut)
    {
        for (int k = from; k < cut; k++)
        {
            if (_a.Has(k, Cue.EarlierEvent) && _a.Has(k + 1, Cue.StrikeTrigger)) return k;
            if (_a.Has(k, Cue.Since) && (_a.Has(k + 1, Cue.StrikeTrigger) || _a.Has(k + 1, Cue.Article) || _a.Has(k + 1, Cue.IndefiniteArticle)) && _a.Has(k + 2, Cue.StrikeTrigger))
                return k;
        }
        return cut;
    }

    /// <summary>"the Kyivskyi district of Odesa": the city after "of" is the place; the district's end is accepted for lists.</summary>
    private bool IsDistrictOfPlace(PlaceHit p)
    {
        int after = p.End;
        if (_a.Has(after, Cue.DistrictNoun)) after++;
        int n = _a.Tokens.Length - 1;
        int of = !_a.Has(after, Cue.Of) ? -1 : _a.PlaceAt[Math.Min(after + 1, n)] >= 0 ? _a.PlaceAt[Math.Min(after + 1, n)]
            : _a.Has(after + 1, Cue.Article) ? _a.PlaceAt[Math.Min(after + 2, n)] : -1;
        // "the Baqubah district of a province": a district of a region is the place itself.
        bool placeAfterOf = of >= 0 && _a.Places[of].Location.Kind is not (PlaceKind.Region or PlaceKind.Country);
        if (!placeAfterOf || !(_a.Has(p.End - 1, Cue.DistrictNoun) || _a.Has(p.End, Cue.DistrictNoun))) return false;
        _acceptedEnds.Add(after);
        return true;
    }

    /// <summary>
    /// A locative before the place, over intro words ("in the city of"), a list of places struck ("Izium and
    /// Kupiansk"), or "including" once a place is struck ("9 settlements of Zaporizhzhia region, including Orikhiv");
    /// <paramref name="locative"/> is the locative's token (-1 for a list).
    /// </summary>
    private bool IsLocativeBefore(int first, int sentenceStart, out int locative)
    {
        locative = -1;
        int k = first - 1;
        int skipped = 0;
        while (k >= sentenceStart && skipped < LocativeWindow)
        {
            if (_acceptedEnds.Contains(k + 1) && skipped > 0) return true; // a list: "Kupiansk and Izium", "Sumy, Poltava, and Kharkiv"
            if (_a.IsPunct(k, ',') && _acceptedEnds.Contains(k)) return true;
            if (_a.Has(k, Cue.Locative) || _a.Has(k, Cue.Including) && _kept.Count > 0) { locative = k; return true; }
            if (_a.Has(k, Cue.PlaceIntro) || _a.IsPunct(k, ',') || _a.Has(k, Cue.Genitive)) { k--; skipped++; continue; }
            return false; // a number or a quantity phrase in a list: "three strikes on Kyiv, two on Kharkiv"
        }
        return false;
    }

    /// <summary>
    /// "in the region" after a named place: that place's region, a strike of its own ("hit Kharkiv; a woman died from
    /// shelling in the region").
    /// </summary>
    private void AddRegionOfPlaceBefore(int from, int cut, Location? lastPlace)
    {
        for (int i = from + 1; i < cut; i++)
        {
            if (!(_a.Has(i, Cue.RegionSingular) && _a.Has(i - 1, Cue.Article) && _a.PlaceAt[i] < 0 && !_a.Has(i + 1, Cue.Of))) continue;
            var reference = lastPlace;
            foreach (var p in _kept) if (p.End <= i && p.Location.Kind is not PlaceKind.Region and not PlaceKind.Country) reference = p.Location;
            if (reference?.Admin1 is not { } admin1 || reference.Kind is PlaceKind.Region or PlaceKind.Country) return;
            var region = _pipeline.RegionByName(admin1);
            if (region is not null && !HasPlaceNamed(region.Name))
                _kept.Add(new PlaceHit(i - 1, i + 1, _a.Tokens[i - 1].Start, _a.Tokens[i].End, region));
            return;
        }
    }

    private bool HasPlaceNamed(string name)
    {
        foreach (var p in _kept)
            if (p.Location.Name == name) return true;
        return false;
    }

    private static bool OverlapsAgent(ReadOnlySpan<Agent> agents, int first, int end)
    {
        foreach (var ag in agents)
            if (first < ag.End && ag.First < end) return true;
        return false;
    }

    /// <summary>
    /// Keeps in <see cref="_kept"/> the most specific places: the same place named twice once, a region or country not
    /// when a place inside it is named too, a place named only as a reference ("near Kyiv") not. Linear in the places.
    /// </summary>
    private void MostSpecific()
    {
        var places = _specific;
        places.Clear();
        _seenPlaces.Clear();
        foreach (var p in _kept)
            if (_seenPlaces.Add((p.Location.Name, p.Location.Admin1))) places.Add(p);
        _kept.Clear();
        if (places.Count < 2)
        {
            _kept.AddRange(places);
            return;
        }
        _admin1WithPlaces.Clear();
        _countriesWithPlaces.Clear();
        foreach (var h in places)
        {
            var q = h.Location;
            if (q.Kind is not PlaceKind.Region and not PlaceKind.Country && q.Admin1 is not null) _admin1WithPlaces.Add(q.Admin1);
            if (q.Kind != PlaceKind.Country) _countriesWithPlaces.Add(q.Country);
        }
        for (int i = 0; i < places.Count; i++)
        {
            var p = places[i].Location;
            bool covered = p.Kind switch
            {
                PlaceKind.Region => p.Admin1 is not null && _admin1WithPlaces.Contains(p.Admin1),
                PlaceKind.Country => _countriesWithPlaces.Contains(p.Country),
                _ => i > 0 && IsReferencePoint(places[i - 1], places[i]),
            };
            if (!covered) _kept.Add(places[i]);
        }
    }

    /// <summary>
    /// Across sentences: a region or raion struck whose places the next sentence names as struck, when the region was
    /// named as a set of places ("the enemy shelled 11 settlements of the Sumy region. Shostka and Esman came under
    /// fire.") or the next sentence names two or more ("... the Nikopol district 18 times. Nikopol, Marhanets and Pokrov
    /// came under fire."); and a country struck in a sentence with no casualty and no cumulative figure, in a document
    /// that names a place struck inside it ("Russia attacked Ukraine with 40 drones ... Debris fell on Kyiv."): no
    /// strikes of their own. Compacts the scenes' places in place.
    /// </summary>
    private void CoverAcrossSentences(SentenceScenes scenes, List<bool> anchored)
    {
        var places = scenes.Places;
        _countriesWithPlaces.Clear();
        foreach (var p in places)
            if (p.Location.Kind != PlaceKind.Country) _countriesWithPlaces.Add(p.Location.Country);
        int write = 0;
        for (int si = 0; si < scenes.Scenes.Count; si++)
        {
            var sc = scenes.Scenes[si];
            int start = write;
            for (int k = sc.PlaceStart; k < sc.PlaceStart + sc.PlaceCount; k++)
            {
                var h = places[k];
                var l = h.Location;
                bool covered = l.Kind == PlaceKind.Country ? !anchored[si] && _countriesWithPlaces.Contains(l.Country)
                    : l.Kind is PlaceKind.Region or PlaceKind.Other && l.Admin1 is { } a && si + 1 < scenes.Scenes.Count
                        && PlacesIn(scenes, si + 1, a) >= (NamedAsSetOfPlaces(h) ? 1 : 2);
                if (!covered) places[write++] = h;
            }
            (sc.PlaceStart, sc.PlaceCount) = (start, write - start);
            scenes.Scenes[si] = sc;
        }
        places.RemoveRange(write, places.Count - write);
    }

    /// <summary>"11 settlements of the Kharkiv region", "border communities of Sumy region": the region names a set of places.</summary>
    private bool NamedAsSetOfPlaces(PlaceHit h)
    {
        int k = h.First - 1;
        if (_a.Has(k, Cue.Article)) k--;
        return _a.Has(k, Cue.Of) && _a.Has(k - 1, Cue.NonPersonNoun);
    }

    /// <summary>How many places (not regions) in <paramref name="admin1"/> sentence <paramref name="si"/> names as struck.</summary>
    private static int PlacesIn(SentenceScenes scenes, int si, string admin1)
    {
        int n = 0;
        foreach (var p in scenes.PlacesOf(si))
            if (p.Location.Kind is not (PlaceKind.Region or PlaceKind.Country or PlaceKind.Other) && p.Location.Admin1 == admin1) n++;
        return n;
    }

    /// <summary>"Bucha near Kyiv", "a village outside Lviv", "20 km north of Kharkiv": the second place is a reference.</summary>
    private bool IsReferencePoint(PlaceHit previous, PlaceHit place)
    {
        int at = place.First;
        return previous.Location.Kind is not PlaceKind.Region and not PlaceKind.Country
            && (_a.Has(at - 1, Cue.Proximity) || _a.Has(at - 1, Cue.Of) && _a.Has(at - 2, Cue.Compass))
            && at - previous.End <= ReferenceWindow;
    }
}
