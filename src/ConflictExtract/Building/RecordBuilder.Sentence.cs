using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

internal sealed partial class RecordBuilder
{
    private readonly record struct Agent(int First, int End, string Country);

    /// <summary>Forces named by acronym: they are agents on their own ("AFU shelled ..."), unlike a city in a dateline ("KYIV").</summary>
    private static readonly WordSet Acronyms = new("AFU", "APU", "UAF", "ZSU", "IDF", "RSF", "SAF", "RF");

    private static bool IsDash(ReadOnlySpan<char> w) => w is "-" or "–" or "—" or "―" or "--";

    /// <summary>
    /// Where a trailing attribution ("... - mayor", "..., the DPR reported") starts: places and dates after it
    /// name the source, not the event. Returns the sentence end when there is none.
    /// </summary>
    private int AttributionCut(Sentence s)
    {
        for (int i = s.EndToken - 1; i > s.FirstToken + 2; i--)
        {
            var t = _a.Tokens[i];
            if (t.Kind == TokenKind.Punctuation && IsDash(_a.Word(i)) && t.Has(TokenFlags.SpaceBefore))
            {
                int n = s.EndToken - i - 1;
                if (n > 10) return s.EndToken;
                for (int k = i + 1; k < s.EndToken; k++)
                    if (_a.In(k, Cues.StrikeTriggers) || _a.In(k, Cues.Killed) || _a.In(k, Cues.Injured)) return s.EndToken;
                return i;
            }
        }
        return s.EndToken;
    }

    private List<Agent> FindAgents(int from, int to)
    {
        var agents = _agentLists.TryPop(out var lent) ? lent : [];
        for (int i = from; i < to; i++)
        {
            if (!Cues.AttackerWords.TryGet(_a.Word(i), out var country)) continue;
            var w = _a.Word(i);
            bool lowerFirst = char.IsLower(w[0]);
            if (lowerFirst && !w.Equals("enemy", StringComparison.Ordinal) && !w.Equals("invaders", StringComparison.Ordinal) && !w.Equals("occupiers", StringComparison.Ordinal))
                continue;
            int end = i + 1;
            bool agent;
            // "Armed Forces of Ukraine", "army of Russia": the country after "forces of".
            if (i >= 2 && _a.Is(i - 1, "of") && (_a.Is(i - 2, "forces") || _a.Is(i - 2, "army") || _a.Is(i - 2, "troops") || _a.Is(i - 2, "federation")))
            {
                int head = i - 2;
                while (head > from && (_a.Is(head - 1, "armed") || _a.Is(head - 1, "the") || _a.Is(head - 1, "russian") || _a.Is(head - 1, "ukrainian"))) head--;
                agent = !IsVictimContext(head);
                if (agent) agents.Add(new Agent(head, end, country));
                continue;
            }
            if (_a.Is(i + 1, "federation")) end = i + 2;
            if (_a.Is(i - 1, "from") || _a.Is(i - 1, "the") && _a.Is(i - 2, "from"))
            {
                // "shelling from Ukraine", "missiles fired from Russia": the side firing.
                int f = _a.Is(i - 1, "from") ? i - 1 : i - 2;
                bool fired = false;
                for (int k = Math.Max(from, f - 4); k < f; k++) fired |= _a.In(k, Cues.StrikeTriggers);
                if (fired && !char.IsLower(w[0])) { agents.Add(new Agent(i, end, country)); continue; }
            }
            bool noun = w.Equals("russians", StringComparison.OrdinalIgnoreCase) || w.Equals("enemy", StringComparison.OrdinalIgnoreCase)
                || w.Equals("invaders", StringComparison.OrdinalIgnoreCase) || w.Equals("occupiers", StringComparison.OrdinalIgnoreCase)
                || w.Equals("ukrainians", StringComparison.OrdinalIgnoreCase) || w.Equals("israelis", StringComparison.OrdinalIgnoreCase)
                || w.Equals("houthis", StringComparison.OrdinalIgnoreCase) || w.Equals("racists", StringComparison.OrdinalIgnoreCase)
                || Acronyms.Contains(w);
            if (noun)
            {
                // "the enemy's positions" is a target; "enemy vehicles" too.
                if (_a.Is(end, "’s") || _a.Is(end, "'s") || _a.In(end, Cues.VictimHeads) || _a.Is(end, "vehicles") || _a.Is(end, "equipment")) continue;
                agent = !IsVictimContext(i);
            }
            else
            {
                // Adjective or country name: an agent when followed by a head such as "forces" or "shelling",
                // or, for a country, when it is the subject of an attack verb or follows "by".
                int j = end;
                // "Russian Armed Forces", "Russian Iskander missile", "a Russian glide bomb": modifiers before the head.
                while (j < to && j < end + 3 && (_a.Is(j, "armed") || _a.Is(j, "air") || _a.Is(j, "-led") || _a.WeaponAt[j] >= 0
                    || _a.Is(j, "glide") || _a.Is(j, "guided") || _a.Is(j, "cruise") || _a.Is(j, "ballistic") || _a.Is(j, "kamikaze") || _a.Is(j, "attack"))) j++;
                if (_a.In(j, Cues.VictimHeads)) continue;
                int of = _a.Is(i - 1, "the") ? i - 2 : i - 1;
                agent = _a.In(j, Cues.AgentHeads) || _a.In(end, Cues.AgentHeads)
                    || (_a.In(end, Cues.StrikeTriggers) || _a.Is(end, "has") || _a.Is(end, "have") || _a.Is(end, "had") || _a.Is(end, "launched") || _a.Is(end, "was"))
                    || (i > from && (_a.Is(i - 1, "by") || (_a.Is(i - 1, "the") && _a.Is(i - 2, "by"))))
                    || (_a.Is(of, "of") && _a.In(of - 1, Cues.StrikeTriggers)); // "the shelling of the Russian Federation"
                if (agent && IsVictimContext(i)) agent = false;
                if (agent && _a.In(j, Cues.AgentHeads)) end = j + 1;
            }
            // "Ukrainian Armed Forces lost up to 120 soldiers": the losing side; "the Ukrainian air force said": a source.
            if (agent && (_a.In(end, Cues.NonAttackerVerbs) || _a.In(end, Cues.SpeechVerbs) || _a.Is(end, "brigade") && _a.Is(end + 1, "lost")
                || _a.Is(end, "shot") && _a.Is(end + 1, "down"))) agent = false;
            if (agent) agents.Add(new Agent(i, end, country));
        }
        return agents;
    }

    /// <summary>"up to 250 units of the Armed Forces of Ukraine": the phrase names the victims.</summary>
    private bool IsVictimContext(int head)
    {
        int k = head - 1;
        if (_a.Is(k, "the")) k--;
        if (!_a.Is(k, "of")) return false;
        k--;
        return _a.In(k, Cues.Military) || _a.In(k, Cues.People) || _a.Is(k, "units") || _a.Is(k, "positions") || _a.Is(k, "equipment")
            || _a.Is(k, "brigade") || _a.Is(k, "battalion") || _a.Is(k, "losses") || _a.Is(k, "servicemen");
    }

    /// <summary>Each sentence's attribution cut and attackers, found once and shared by the document pass and the sentence pass.</summary>
    private (int Cut, List<Agent> Agents)[]? _frames;

    private (int Cut, List<Agent> Agents) Frame(int si)
    {
        if (_frames is null || _frames.Length < _a.Sentences.Length) _frames = new (int, List<Agent>)[_a.Sentences.Length];
        if (_frames[si].Agents is null)
        {
            var s = _a.Sentences[si];
            int cut = AttributionCut(s);
            _frames[si] = (cut, FindAgents(s.FirstToken, cut));
        }
        return _frames[si];
    }

    private readonly Dictionary<string, int> _attackerCounts = new(StringComparer.Ordinal);

    private string? MajorityAttacker()
    {
        var counts = _attackerCounts; // empty: cleared by Reset
        for (int si = 0; si < _a.Sentences.Length; si++)
        {
            var s = _a.Sentences[si];
            bool trigger = false;
            for (int i = s.FirstToken; i < s.EndToken && !trigger; i++) trigger = _a.In(i, Cues.StrikeTriggers) || _a.In(i, Cues.Killed);
            if (!trigger) continue;
            foreach (var ag in Frame(si).Agents)
                counts[ag.Country] = counts.GetValueOrDefault(ag.Country) + 1;
        }
        string? best = null;
        int bestN = 0;
        foreach (var (k, v) in counts)
            if (v > bestN || v == bestN && string.CompareOrdinal(k, best) < 0) { best = k; bestN = v; }
        // Only a clear majority is carried to sentences that name no attacker.
        int total = 0;
        foreach (var v in counts.Values) total += v;
        return bestN * 3 >= total * 2 ? best : null;
    }

    private bool IsLocativeBefore(int first, int sentenceStart, HashSet<int> acceptedEnds)
    {
        int k = first - 1;
        int skipped = 0;
        while (k >= sentenceStart && skipped < 6)
        {
            if (acceptedEnds.Contains(k + 1) && skipped > 0) return true; // a list: "Kupiansk and Izium", "Poltava, Donetsk, and Dnipro"
            var w = _a.Word(k);
            if (w is "," && acceptedEnds.Contains(k)) return true;
            if (Cues.Locatives.Contains(w)) return true;
            if (Cues.PlaceIntro.Contains(w) || w is "," or "’s" or "'s") { k--; skipped++; continue; }
            // A number or a short quantity phrase in a list: "three strikes on Kyiv, two on Kharkiv".
            return false;
        }
        return false;
    }

    private void BuildSentence(int si)
    {
        var s = _a.Sentences[si];
        var (cut, agents) = Frame(si);
        bool explicitTrigger = false;
        for (int i = s.FirstToken; i < cut; i++)
        {
            if (_a.In(i, Cues.StrikeTriggers) && !IsNonAttackUse(i)) { explicitTrigger = true; break; }
        }

        // Places that are the scene of the event.
        var kept = _kept;
        var acceptedEnds = _acceptedEnds;
        var launchSites = _launchSitesHere;
        kept.Clear();
        acceptedEnds.Clear();
        launchSites.Clear();
        foreach (var p in _a.PlacesIn(s.FirstToken, cut))
        {
            if (p.End > cut || OverlapsAgent(agents, p.First, p.End)) continue;
            if (_a.In(p.End, Cues.SpeechVerbs) || (_a.Is(p.End, "’s") || _a.Is(p.End, "'s")) && _a.In(p.End + 1, Cues.SpeechVerbs)) continue;
            int before = p.First - 1;
            while (before >= s.FirstToken && (_a.Is(before, "the") || _a.Is(before, "region") || _a.Is(before, "regions") || _a.Is(before, "of") && _a.Is(before - 1, "region"))) before--;
            if (_a.Is(before, "from"))
            {
                launchSites.Add(p);
                continue;
            }
            // "the head of the Dnipropetrovsk regional administration", "Kherson police": an institution, not the scene.
            if (_a.In(p.End, Cues.InstitutionHeads) || _a.Is(p.End, "military") && _a.Is(p.End + 1, "administration")) continue;
            // "Horlivka resident", "Kharkiv residents": the place of the people named.
            bool ofPeople = _a.In(p.End, Cues.People) && !_a.Is(p.End, "forces");
            if (!ofPeople && !IsLocativeBefore(p.First, s.FirstToken, acceptedEnds)) continue;
            // A country is struck "in/on/at" it, not "of" it ("the aggression of the Russian Federation").
            if (p.Location.Kind == PlaceKind.Country && (_a.Is(before, "of") || _a.Is(p.First - 1, "of"))) continue;
            // "the Kirovsky district of Donetsk": the city is the place.
            int after = p.End;
            if (_a.Is(after, "district") || _a.Is(after, "raion")) after++;
            if (_a.Is(after, "of") && (_a.PlaceAt[Math.Min(after + 1, _a.Tokens.Length - 1)] >= 0 || _a.Is(after + 1, "the") && _a.PlaceAt[Math.Min(after + 2, _a.Tokens.Length - 1)] >= 0)
                && (_a.Is(p.End - 1, "district") || _a.Is(p.End, "district") || _a.Is(p.End - 1, "raion") || _a.Is(p.End, "raion")))
            {
                acceptedEnds.Add(after);
                continue;
            }
            kept.Add(p);
            acceptedEnds.Add(p.End);
        }
        MostSpecific(kept);

        // "in the region" after a named place: that place's region (a strike of its own: "hit Kharkiv, a woman died from
        // shelling in the region").
        for (int i = s.FirstToken + 1; i < cut; i++)
        {
            if (!(_a.Is(i, "region") && _a.Is(i - 1, "the") && _a.PlaceAt[i] < 0 && !_a.Is(i + 1, "of"))) continue;
            Location? reference = _lastPlace;
            foreach (var p in kept) if (p.End <= i && p.Location.Kind is not PlaceKind.Region and not PlaceKind.Country) reference = p.Location;
            if (reference?.Admin1 is not { } admin1 || reference.Kind is PlaceKind.Region or PlaceKind.Country) break;
            var region = _regionByName(admin1);
            if (region is not null && !HasPlaceNamed(kept, region.Name))
                kept.Add(new PlaceHit(i - 1, i + 1, _a.Tokens[i - 1].Start, _a.Tokens[i].End, region, true));
            break;
        }

        var date = SentenceDate(s.FirstToken, cut);
        // A listing that continues the sentence before it ("between Dec. 30 and Feb. 7 ... 12 attacks. The targeted areas
        // included ...") shares its period.
        if (date is null && _previousRange is { } inherited && si == _previousRangeSentence + 1) date = inherited;
        _previousRange = null;
        var casualties = FindCasualties(si, s.FirstToken, cut);
        foreach (var c in casualties) c.Date ??= date;

        bool weaponInSentence = false;
        for (int i = s.FirstToken; i < cut && !weaponInSentence; i++)
            weaponInSentence = _a.WeaponAt[i] >= 0 || _a.In(i, Cues.WeaponNouns);
        bool isStrike = explicitTrigger || (casualties.Count > 0 && weaponInSentence);

        string? attacker = agents.Count > 0 ? agents[0].Country : null;
        var strikesHere = _strikesHere;
        strikesHere.Clear();
        if (isStrike)
        {
            var (weapons, category) = SentenceWeapons(si, s.FirstToken, cut);
            var (target, targetCategory, targetSpan) = FindTarget(s.FirstToken, cut);
            var (munitions, intercepted) = FindMunitionCounts(s.FirstToken, cut);
            Evidence? sentenceEvidence = null; // one for the sentence's strikes: evidence is immutable
            foreach (var p in kept)
            {
                var st = NewStrike(p.Location);
                st.Date = date;
                st.Attacker = attacker ?? _documentAttacker;
                st.Target = target;
                st.TargetSpan = targetSpan;
                st.TargetCategory = targetCategory;
                st.WeaponCategory = category;
                st.MunitionCount = munitions;
                st.Intercepted = intercepted;
                st.ExplicitTrigger = explicitTrigger;
                st.Sentence = si;
                st.Weapons.AddRange(weapons);
                st.Evidence.Add(Evidence.Of(_a.Text, p.Start, p.EndChar));
                if (targetSpan is { } tsp) st.Evidence.Add(Evidence.Of(_a.Text, tsp.Start, tsp.End));
                st.Evidence.Add(sentenceEvidence ??= SentenceEvidence(s, cut));
                if (launchSites.Count > 0) st.LaunchSite = launchSites[0].Location;
                strikesHere.Add(st);
                _strikes.Add(st);
            }
        }
        foreach (var ls in launchSites)
            if (LaunchVerbIn(s.FirstToken, cut)) _launchSites.Add((ls.Location, ls.Start, ls.EndChar));

        // Casualties take the place nearest their count, and the strike at that place.
        foreach (var c in casualties)
        {
            if (c.Cumulative) { _casualties.Add(c); continue; }
            PlaceHit? nearest = null;
            int bestDist = int.MaxValue;
            foreach (var p in kept)
            {
                int d = Math.Abs(p.First - c.CountToken);
                if (d < bestDist) { bestDist = d; nearest = p; }
            }
            if (nearest is { } np)
            {
                c.Location = np.Location;
                c.Strike = StrikeAt(strikesHere, np.Location);
            }
            else if (strikesHere.Count > 0)
            {
                c.Location = strikesHere[0].Location;
                c.Strike = strikesHere[0];
            }
            else if (_lastPlace is not null && !StartsNewTopic(s))
            {
                // "... the death toll rose to 13": the place of the sentence before.
                c.Location = _lastPlace;
            }
            c.Strike?.Casualties.Add(c);
            _casualties.Add(c);
        }
        if (kept.Count > 0) _lastPlace = kept[^1].Location;
        if (isStrike && date is { Precision: DatePrecision.Range } && IsCumulativeSentence(s.FirstToken, cut))
        {
            _previousRange = date;
            _previousRangeSentence = si;
        }
    }

    private DateRange? _previousRange;
    private int _lastWeaponSentence = -10;
    private int _previousRangeSentence = -2;

    /// <summary>"Separately," / "Elsewhere," / "Meanwhile," open a new event.</summary>
    private bool StartsNewTopic(Sentence s) =>
        _a.Is(s.FirstToken, "separately") || _a.Is(s.FirstToken, "elsewhere") || _a.Is(s.FirstToken, "meanwhile") || _a.Is(s.FirstToken, "also")
        || _a.Tokens[s.FirstToken].Has(TokenFlags.ParagraphBefore) && _a.Is(s.FirstToken, "in");

    /// <summary>"hit" in "hit by", "fire" in "ceasefire" and the like are not reports of an attack.</summary>
    private bool IsNonAttackUse(int i)
    {
        var w = _a.Word(i);
        if (w.Equals("launched", StringComparison.OrdinalIgnoreCase))
        {
            // "launched an investigation/offensive/appeal"
            for (int k = i + 1; k < Math.Min(i + 4, _a.Tokens.Length); k++)
                if (_a.Is(k, "investigation") || _a.Is(k, "probe") || _a.Is(k, "appeal") || _a.Is(k, "campaign") || _a.Is(k, "operation")) return true;
        }
        if (w.Equals("strike", StringComparison.OrdinalIgnoreCase) || w.Equals("strikes", StringComparison.OrdinalIgnoreCase))
        {
            // "hunger strike", "general strike"
            if (_a.Is(i - 1, "hunger") || _a.Is(i - 1, "general") || _a.Is(i - 1, "labour") || _a.Is(i - 1, "labor")) return true;
        }
        return false;
    }

    private bool LaunchVerbIn(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var w = _a.Word(i);
            if (w.StartsWith("launch", StringComparison.OrdinalIgnoreCase) || w.StartsWith("fire", StringComparison.OrdinalIgnoreCase) || w.Equals("fired", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    // Per-sentence scratch of SentenceWeapons, cleared before use, and emptied agent lists for FindAgents.
    private readonly List<WeaponDraft> _weaponsHere = [];
    private readonly List<WeaponDraft> _munitions = [];
    private readonly Stack<List<Agent>> _agentLists = new();

    // Per-sentence scratch of BuildSentence and MostSpecific, cleared before use (a builder serves one document on one thread).
    private readonly List<PlaceHit> _kept = [];
    private readonly HashSet<int> _acceptedEnds = [];
    private readonly List<PlaceHit> _launchSitesHere = [];
    private readonly List<StrikeDraft> _strikesHere = [];
    private readonly List<PlaceHit> _specific = [];
    private readonly HashSet<(string, string?)> _seenPlaces = [];
    private readonly HashSet<string> _admin1WithPlaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countriesWithPlaces = new(StringComparer.Ordinal);

    private static bool OverlapsAgent(List<Agent> agents, int first, int end)
    {
        foreach (var ag in agents)
            if (first < ag.End && ag.First < end) return true;
        return false;
    }

    private static bool HasPlaceNamed(List<PlaceHit> places, string name)
    {
        foreach (var p in places)
            if (p.Location.Name == name) return true;
        return false;
    }

    private static StrikeDraft? StrikeAt(List<StrikeDraft> strikes, Location location)
    {
        foreach (var x in strikes)
            if (ReferenceEquals(x.Location, location)) return x;
        return null;
    }

    /// <summary>
    /// Drop a region or country when a place inside it is named too, and a place named only as a reference ("near Kyiv"),
    /// in place. Linear in the number of places.
    /// </summary>
    private void MostSpecific(List<PlaceHit> result)
    {
        // The same place named twice (same name and region) is kept once, at its first mention.
        var places = _specific;
        places.Clear();
        _seenPlaces.Clear();
        foreach (var p in result)
            if (_seenPlaces.Add((p.Location.Name, p.Location.Admin1))) places.Add(p);
        result.Clear();
        if (places.Count < 2)
        {
            result.AddRange(places);
            return;
        }
        var admin1WithPlaces = _admin1WithPlaces;
        var countriesWithPlaces = _countriesWithPlaces;
        admin1WithPlaces.Clear();
        countriesWithPlaces.Clear();
        foreach (var h in places)
        {
            var q = h.Location;
            if (q.Kind is not PlaceKind.Region and not PlaceKind.Country && q.Admin1 is not null) admin1WithPlaces.Add(q.Admin1);
            if (q.Kind != PlaceKind.Country) countriesWithPlaces.Add(q.Country);
        }
        for (int i = 0; i < places.Count; i++)
        {
            var p = places[i].Location;
            bool covered = p.Kind switch
            {
                PlaceKind.Region => p.Admin1 is not null && admin1WithPlaces.Contains(p.Admin1),
                PlaceKind.Country => countriesWithPlaces.Contains(p.Country),
                _ => false,
            };
            if (!covered && i > 0 && p.Kind is not PlaceKind.Region and not PlaceKind.Country)
            {
                // "Bucha near Kyiv", "a village outside Lviv", "20 km north of Kharkiv": the second place is a reference.
                var prev = places[i - 1];
                int at = places[i].First;
                covered = prev.Location.Kind is not PlaceKind.Region and not PlaceKind.Country
                    && (_a.Is(at - 1, "near") || _a.Is(at - 1, "outside") || _a.Is(at - 1, "of") && (_a.Is(at - 2, "west") || _a.Is(at - 2, "east") || _a.Is(at - 2, "north") || _a.Is(at - 2, "south")))
                    && at - prev.End <= 8;
            }
            if (!covered) result.Add(places[i]);
        }
    }

    private DateRange? SentenceDate(int from, int to)
    {
        foreach (var d in _a.DatesIn(from, to))
        {
            if (d.End > to || d.Value is null) continue;
            // "…, officials said on Friday": the date of the report, not of the event.
            bool reportDate = false;
            for (int k = d.First - 1; k >= Math.Max(from, d.First - 3); k--)
                if (_a.In(k, Cues.SpeechVerbs)) { reportDate = true; break; }
            if (!reportDate) return d.Value;
        }
        // Parts of the day that news uses without a date: "at night", "night shelling", "during the day", "in 24 hours".
        if (_a.PublishedAt is { } pub)
        {
            for (int i = from; i < to; i++)
            {
                if (_a.Is(i, "night") && (_a.Is(i - 1, "at") || _a.Is(i - 1, "last") || _a.Is(i - 1, "per") || _a.In(i + 1, Cues.StrikeTriggers) || _a.In(i + 1, Cues.WeaponNouns)) || _a.Is(i, "nighttime") || _a.Is(i, "overnight"))
                    return DateRange.Day(pub.AddDays(-1));
                if (_a.Is(i, "day") && _a.Is(i - 1, "the") && (_a.Is(i - 2, "during") || _a.Is(i - 2, "over")) || _a.Is(i, "hours") && _a.Is(i - 1, "24") && (_a.Is(i - 2, "in") || _a.Is(i - 2, "past") || _a.Is(i - 2, "last")))
                    return new DateRange(pub.AddDays(-1), pub, DatePrecision.Range);
            }
        }
        return null;
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
            foreach (var w in _weapons)
            {
                if (w.Info.Name != h.Weapon.Name) continue;
                if (!list.Contains(w)) list.Add(w);
                break;
            }
        }
        WeaponCategory? generic = GenericCategory(from, to, out bool conflict);
        if (list.Count == 0 && _weapons.Count > 0)
        {
            // "the missile", "this type of missile", "North Korean missiles": the systems the document names.
            bool anaphor = false;
            for (int i = from; i < to && !anaphor; i++)
                anaphor = _a.In(i, Cues.WeaponNouns) && !_a.Is(i, "shell") && !_a.Is(i, "shells") && !_a.Is(i, "artillery") && !_a.Is(i, "mortar") && !_a.Is(i, "mortars");
            var munitions = _munitions;
            munitions.Clear();
            foreach (var w in _weapons)
                if (w.Info.Category != WeaponCategory.Aircraft) munitions.Add(w); // bombers and jets are platforms
            var first = munitions.Count > 0 ? munitions[0].Info.Category : WeaponCategory.Other;
            bool oneFamily = munitions.Count > 0;
            foreach (var w in munitions) oneFamily &= w.Info.Category == first;
            bool near = si - _lastWeaponSentence <= 1;
            foreach (var w in munitions)
            {
                if (anaphor && (generic is null || Compatible(generic.Value, w.Info.Category))) list.Add(w);
                else if (!anaphor && generic is null && !conflict && oneFamily && near) list.Add(w);
            }
        }
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

    private static bool Compatible(WeaponCategory generic, WeaponCategory specific) => generic switch
    {
        WeaponCategory.BallisticMissile or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile => specific is WeaponCategory.BallisticMissile or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile or WeaponCategory.AirDefenceMissile or WeaponCategory.AntiShipMissile,
        WeaponCategory.AttackDrone or WeaponCategory.ReconDrone => specific is WeaponCategory.AttackDrone or WeaponCategory.ReconDrone,
        _ => generic == specific,
    };

    /// <summary>The weapon category the sentence's generic words give ("shelling" → artillery), with a flag when they disagree.</summary>
    private WeaponCategory? GenericCategory(int from, int to, out bool conflict)
    {
        conflict = false;
        WeaponCategory? found = null;
        for (int i = from; i < to; i++)
        {
            WeaponCategory c;
            var w = _a.Word(i);
            if ((w.Equals("missile", StringComparison.OrdinalIgnoreCase) || w.Equals("missiles", StringComparison.OrdinalIgnoreCase)) && i > from)
            {
                if (_a.Is(i - 1, "ballistic")) c = WeaponCategory.BallisticMissile;
                else if (_a.Is(i - 1, "cruise")) c = WeaponCategory.CruiseMissile;
                else if (_a.Is(i - 1, "hypersonic")) c = WeaponCategory.HypersonicMissile;
                else if (_a.Is(i - 1, "anti-ship")) c = WeaponCategory.AntiShipMissile;
                else continue;
            }
            else if ((w.Equals("bomb", StringComparison.OrdinalIgnoreCase) || w.Equals("bombs", StringComparison.OrdinalIgnoreCase)) && (_a.Is(i - 1, "glide") || _a.Is(i - 1, "guided")))
                c = WeaponCategory.GuidedBomb;
            else if (w.Equals("launchers", StringComparison.OrdinalIgnoreCase) && _a.Is(i - 1, "rocket"))
                c = WeaponCategory.RocketArtillery;
            else if (!Cues.GenericWeapons.TryGet(w, out c)) continue;
            // "shells" in "fired 60 shells from Grad" is artillery, but a named rocket system decides.
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

    private (string? Target, TargetCategory? Category, (int Start, int End)? Span) FindTarget(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!Cues.Targets.TryGet(_a.Word(i), out var cat)) continue;
            if (!char.IsLower(_a.Word(i)[0])) continue;
            int start = i, end = i + 1;
            if (i > from && _a.Tokens[i - 1].Kind == TokenKind.Word && char.IsLower(_a.Word(i - 1)[0]) && !_a.Is(i - 1, "the") && !_a.Is(i - 1, "a") && !_a.Is(i - 1, "an") && !_a.In(i - 1, Cues.Locatives))
                start = i - 1;
            // "private sector", "power plant", "oil depot": the head decides.
            if (end < to && Cues.Targets.TryGet(_a.Word(end), out var cat2) && char.IsLower(_a.Word(end)[0])) { cat = cat2; end++; }
            if (_a.Is(start, "private") || _a.Is(i, "private")) cat = TargetCategory.Residential;
            int a = _a.Tokens[start].Start, b = _a.Tokens[end - 1].End;
            return (_a.Text[a..b], cat, (a, b));
        }
        return (null, null, null);
    }

    /// <summary>
    /// Munitions fired and shot down: "fired 90 missiles and 60 drones" (150 fired), "104 missiles and 42 drones were
    /// shot down" (146 intercepted), "air defences destroyed 18 of 20 missiles", "40 drones, 35 of which were shot down".
    /// </summary>
    private (Quantity? Munitions, Quantity? Intercepted) FindMunitionCounts(int from, int to)
    {
        var fired = _fired;
        var down = _down;
        fired.Clear();
        down.Clear();
        int skipUntil = -1;
        foreach (var q in _a.QuantitiesIn(from, to))
        {
            if (q.End > to || q.First < skipUntil) continue;
            int next = Math.Min(q.End + 1, _a.Tokens.Length - 1);
            if (_a.Is(q.End, "of") && _a.QuantityAt[next] is int k2 && k2 >= 0 && IsMunitionAfter(_a.Quantities[k2].End, to))
            {
                // "18 of 20 missiles"
                if (InterceptNear(q.First, q.End, from, to)) { down.Add(q.Value); fired.Add(_a.Quantities[k2].Value); skipUntil = _a.Quantities[k2].End; }
                continue;
            }
            if (_a.Is(q.End, "of") && (_a.Is(q.End + 1, "which") || _a.Is(q.End + 1, "them")))
            {
                if (InterceptNear(q.First, q.End + 2, from, to)) down.Add(q.Value); // "35 of which were shot down"
                continue;
            }
            if (!IsMunitionAfter(q.End, to)) continue;
            if (InterceptNear(q.First, q.End, from, to)) down.Add(q.Value);
            else fired.Add(q.Value);
        }
        return (Sum(fired), Sum(down));
    }

    // Scratch of FindMunitionCounts, cleared before use.
    private readonly List<Quantity> _fired = [];
    private readonly List<Quantity> _down = [];

    private static Quantity? Sum(List<Quantity> list)
    {
        if (list.Count == 0) return null;
        if (list.Count == 1) return list[0];
        long total = 0;
        bool atLeast = false, approx = false;
        foreach (var q in list)
        {
            if (q.Headline is not { } n) return list[0];
            total += n;
            atLeast |= q.Qualifier == QuantityQualifier.AtLeast;
            approx |= q.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
        }
        return atLeast ? Quantity.AtLeast(total) : approx ? new Quantity(total, null, null, QuantityQualifier.Approximately) : Quantity.Exact(total);
    }

    /// <summary>An interception word before the count ("shot down 38 drones") or after its phrase, in the same clause ("... were shot down").</summary>
    private bool InterceptNear(int first, int end, int from, int to)
    {
        for (int i = first - 1; i >= Math.Max(from, first - 5); i--)
        {
            if (_a.Word(i) is ";" or ":" or ",") break;
            if (IsInterceptWord(i)) return true;
        }
        for (int i = end; i < Math.Min(to, end + 12); i++)
        {
            var w = _a.Word(i);
            if (w is ";" or ":" or "." || _a.Is(i, "fired") || _a.Is(i, "launched") || _a.Is(i, "killed") || _a.Is(i, "at")) return false;
            if (IsInterceptWord(i) && (_a.In(i - 1, Cues.Auxiliaries) || _a.In(i - 2, Cues.Auxiliaries) || _a.Is(i - 1, "which") || _a.Is(i - 2, "which"))) return true;
        }
        return false;
    }

    private bool IsInterceptWord(int i) =>
        _a.Is(i, "intercepted") || _a.Is(i, "downed") || _a.Is(i, "down") && _a.Is(i - 1, "shot") || _a.Is(i, "destroyed") || _a.Is(i, "neutralised") || _a.Is(i, "neutralized") || _a.Is(i, "repelled");

    private bool IsMunitionAfter(int k, int to)
    {
        for (int i = k; i < Math.Min(to, k + 4); i++)
        {
            if (_a.WeaponAt[i] >= 0 || _a.In(i, Cues.WeaponNouns)) return true;
            if (_a.In(i, Cues.People) || _a.Tokens[i].Kind == TokenKind.Punctuation) return false;
        }
        return false;
    }
}
