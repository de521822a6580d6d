using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Lexicon;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Frames: for each sentence, the attribution cut, the sides named as agents (from the actor catalogue), its attack words
/// and frames (the anchors of its strikes), the subject of a passive frame, whether it names a weapon and gives a figure
/// over a period; then the document's majority attacker.
/// </summary>
internal sealed class FrameStage : IStage
{
    /// <summary>An attribution after a dash is at most this many tokens ("- regional governor").</summary>
    private const int MaxAttributionTokens = 10;

    /// <summary>A side carried to sentences that name none must be named by at least this share of the agents (2/3).</summary>
    private const int MajorityNumerator = 2, MajorityDenominator = 3;

    /// <summary>How far after a weapon-subject frame its weapon may stand ("detonated an IED").</summary>
    private const int WeaponAfterFrame = 4;

    /// <summary>How many words ("the", "region of") may stand between "over" and the place munitions were shot down over.</summary>
    private const int OverWindow = 3;

    public string Name => StageNames.Frames;

    public void Run(DocumentContext doc)
    {
        var a = doc.Analysis;
        var frames = doc.Frames;
        var language = doc.Pipeline.Language;
        Classify(a, frames.Kinds);
        FindActors(a, doc.Pipeline.Models.Actors, frames.Kinds, frames.Mentions);
        frames.Perspective.Fill(a, frames.Mentions);
        var mentions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frames.Mentions);
        int mi = 0;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            var s = a.Sentences[si];
            while (mi < mentions.Length && mentions[mi].FirstToken < s.FirstToken) mi++;
            int me = mi;
            while (me < mentions.Length && mentions[me].FirstToken < s.EndToken) me++;
            frames.Frames.Add(frames.Kinds[si] == SentenceKind.Quiet ? QuietFrame(a, frames, s) : Frame(a, language, frames, s, mentions[mi..me]));
            mi = me;
        }
        frames.DocumentAttacker = MajorityAttacker(a, frames);
    }

    /// <summary>Words that make a sentence's sides matter by themselves: an attack, a frame, a death (the majority attacker counts those).</summary>
    private static readonly CueSet AttackWords = CueSet.Of(Cue.StrikeTrigger, Cue.Killed, Cue.FrameStart, Cue.AttackParticiple);

    /// <summary>Words that make a sentence's sides matter when it names a place: a launch, an interception, a wound, a weapon, a claim.</summary>
    private static readonly CueSet EventWords = CueSet.Of(Cue.LaunchVerb, Cue.InterceptVerb, Cue.Shot, Cue.Injured, Cue.WeaponNoun, Cue.Claim);

    /// <summary>
    /// Each sentence's kind, into <paramref name="kinds"/>: one with an attack word or with a place and an event word (its
    /// sides matter); one with an event word or a weapon only; or a quiet one, where no frame, trigger or agent can be.
    /// </summary>
    private static void Classify(DocumentAnalysis a, List<SentenceKind> kinds)
    {
        foreach (var s in a.Sentences)
        {
            bool attack = false, place = false, other = false;
            for (int i = s.FirstToken; i < s.EndToken && !attack; i++)
            {
                attack = a.HasAny(i, AttackWords);
                other |= a.HasAny(i, EventWords) || a.WeaponAt[i] >= 0;
                place |= a.PlaceAt[i] >= 0;
            }
            kinds.Add(attack || place && other ? SentenceKind.Sides : other ? SentenceKind.Event : SentenceKind.Quiet);
        }
    }

    /// <summary>
    /// The catalogue's actor mentions of the sentences whose sides matter (runs of <see cref="SentenceKind.Sides"/>
    /// sentences; the others name no agent a record uses), in token order.
    /// </summary>
    private static void FindActors(DocumentAnalysis a, ActorCatalogue actors, List<SentenceKind> kinds, List<ActorMention> into)
    {
        int run = -1;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            var s = a.Sentences[si];
            bool sides = kinds[si] == SentenceKind.Sides;
            if (sides && run < 0) run = s.FirstToken;
            else if (!sides && run >= 0)
            {
                actors.FindInto(a.Text, a.Tokens[run..s.FirstToken], into, run);
                run = -1;
            }
        }
        if (run >= 0) actors.FindInto(a.Text, a.Tokens[run..], into, run);
    }

    /// <summary>The frame of a sentence without an attack, event or weapon word: its cut and its period only.</summary>
    private static SentenceFrame QuietFrame(DocumentAnalysis a, SentenceFrames frames, Sentence s)
    {
        int cut = AttributionCut(a, s);
        return new SentenceFrame
        {
            Cut = cut, AgentStart = frames.Agents.Count, TriggerStart = frames.Triggers.Count, Cumulative = IsCumulative(a, s.FirstToken, cut),
        };
    }

    private static SentenceFrame Frame(DocumentAnalysis a, LanguagePack language, SentenceFrames frames, Sentence s, ReadOnlySpan<ActorMention> mentions)
    {
        int cut = AttributionCut(a, s);
        var f = new SentenceFrame { Cut = cut, AgentStart = frames.Agents.Count, TriggerStart = frames.Triggers.Count };
        var matches = frames.Matches;
        matches.Clear();
        var starts = language.Frames.Starts;
        bool values = language.Frames.StartsWithValues;
        for (int i = s.FirstToken; i < cut; i++)
            if ((a.HasAny(i, starts) || values && (a.QuantityAt[i] >= 0 || a.WeaponAt[i] >= 0 || a.Has(i, Cue.WeaponNoun)))
                && language.Frames.TryMatchAt(a, i, cut, out var m)) { matches.Add(m); i = m.End - 1; }
        var frameSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(matches);
        AgentFinder.FindAgents(a, mentions, frames.Perspective, frameSpan, s.FirstToken, cut, frames.Agents);
        f.AgentCount = frames.Agents.Count - f.AgentStart;
        var agents = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frames.Agents)[f.AgentStart..];
        int next = 0;
        for (int i = s.FirstToken; i < cut; i++)
        {
            f.WeaponWord |= a.WeaponAt[i] >= 0 || a.Has(i, Cue.WeaponNoun);
            if (next < frameSpan.Length && frameSpan[next].First == i)
            {
                var m = frameSpan[next++];
                if (AddFrame(a, language, frames, ref f, m, s.FirstToken, cut, agents))
                {
                    for (int k = m.First + 1; k < m.End; k++) f.WeaponWord |= a.WeaponAt[k] >= 0 || a.Has(k, Cue.WeaponNoun);
                    i = m.End - 1;
                    continue;
                }
            }
            if (a.Has(i, Cue.StrikeTrigger) && !IsNonAttackUse(a, i))
            {
                frames.Triggers.Add(new Trigger(i, i + 1, TriggerKind.Word));
                f.ExplicitTrigger = true;
            }
            else if (IsInterception(a, i, out int end))
            {
                frames.Triggers.Add(new Trigger(i, end, TriggerKind.Interception));
                i = end - 1;
            }
        }
        f.TriggerCount = frames.Triggers.Count - f.TriggerStart;
        if (!f.ExplicitTrigger && f.WeaponWord && f.TriggerCount > 0) f.ExplicitTrigger = ShotDownOverPlace(a, frames, f, cut);
        f.Cumulative = IsCumulative(a, s.FirstToken, cut);
        f.Tally &= f.Cumulative || SinceLongPeriod(a, s.FirstToken, cut);
        return f;
    }

    /// <summary>
    /// Adds frame <paramref name="m"/> to the sentence when its condition holds (an armed subject, a weapon); false when it
    /// does not, and its words are read one by one.
    /// </summary>
    private static bool AddFrame(DocumentAnalysis a, LanguagePack language, SentenceFrames frames, ref SentenceFrame f, FrameMatch m, int from, int cut, ReadOnlySpan<Agent> agents)
    {
        int clause = ClauseStart(a, from, m.First);
        switch (m.Kind)
        {
            case FrameKind.Total: f.Total = true; return true;
            case FrameKind.Window: f.Window = true; return true;
            case FrameKind.Tally: f.Tally = true; return true;
            case FrameKind.ByArmed when !ArmedBefore(a, agents, clause, m.First): return false;
            case FrameKind.ByWeapon when !WeaponNear(a, clause, Math.Min(cut, m.End + WeaponAfterFrame)): return false;
            case FrameKind.Patient when f.PatientEnd == 0:
                f.PatientFirst = PatientStart(a, language, clause, m.First);
                f.PatientEnd = m.First;
                break;
        }
        frames.Triggers.Add(new Trigger(m.First, m.End, m.Kind == FrameKind.Patient ? TriggerKind.Patient : TriggerKind.Frame));
        f.ExplicitTrigger = true;
        return true;
    }

    /// <summary>Where the clause of token <paramref name="at"/> starts: after a ';' or ':' or an earlier attack word.</summary>
    private static int ClauseStart(DocumentAnalysis a, int from, int at)
    {
        for (int k = at - 1; k >= from; k--)
            if (a.IsPunct(k, ';') || a.IsPunct(k, ':') || a.Has(k, Cue.StrikeTrigger)) return k + 1;
        return from;
    }

    /// <summary>
    /// Where the subject of a passive frame starts: the words just before it that can make up a struck place's phrase
    /// ("Derhachi, Kharkiv Oblast,", "the village of X (Y district)", "ports in the X and Y areas"), back to the clause
    /// start; a verb or any other word ends it ("Since Russia pulled out of ..., ports ... were struck": not Russia).
    /// </summary>
    private static int PatientStart(DocumentAnalysis a, LanguagePack language, int clause, int at)
    {
        int k = at - 1;
        while (k >= clause && (a.PlaceAt[k] >= 0 || a.IsPunct(k, ',') || a.IsPunct(k, '(') || a.IsPunct(k, ')') || a.Has(k, Cue.Article)
            || a.Has(k, Cue.PlaceIntro) || a.Has(k, Cue.RegionNoun) || a.Has(k, Cue.DistrictNoun) || a.Has(k, Cue.Of) || a.Has(k, Cue.In)
            || a.Has(k, Cue.And) || a.Has(k, Cue.Auxiliary) || a.Has(k, Cue.BeVerb) || a.Has(k, Cue.AgentAuxiliary) && !a.Has(k, Cue.LaunchVerb)
            || a.IsLowerInitial(k) && language.TryGetTarget(a.Word(k), out _)))
            k--;
        return k + 1;
    }

    /// <summary>
    /// An armed subject before a frame in its clause: an agent ("Boko Haram militants stormed", "the occupiers killed"), a
    /// perpetrator ("gunmen") or an armed group noun ("insurgents"); not a passive ("were killed").
    /// </summary>
    private static bool ArmedBefore(DocumentAnalysis a, ReadOnlySpan<Agent> agents, int clause, int at)
    {
        if (a.Has(at - 1, Cue.Auxiliary) || a.Has(at - 1, Cue.RelativeSubject)) return false;
        foreach (var ag in agents)
            if (ag.End <= at && ag.First >= clause) return true;
        for (int k = clause; k < at; k++)
            if (a.Has(k, Cue.Perpetrator) || a.Has(k, Cue.Military) && a.Has(k, Cue.GroupNoun)) return true;
        return false;
    }

    /// <summary>A weapon, an explosive or a bomber in tokens [<paramref name="from"/>, <paramref name="to"/>): before the frame or just after it.</summary>
    private static bool WeaponNear(DocumentAnalysis a, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (a.WeaponAt[k] >= 0 || a.Has(k, Cue.WeaponNoun)) return true;
        foreach (var g in a.GenericWeaponsIn(from, to))
            if (g.End <= to) return true;
        return false;
    }

    /// <summary>"shot down", "intercepted", "destroyed": munitions brought down. <paramref name="end"/> is the token after the words.</summary>
    private static bool IsInterception(DocumentAnalysis a, int i, out int end)
    {
        end = i + 1;
        if (a.Has(i, Cue.Shot) && a.Has(i + 1, Cue.Down)) { end = i + 2; return true; }
        return a.Has(i, Cue.InterceptVerb);
    }

    /// <summary>
    /// "shot down 18 of 24 drones over the Kharkiv region": munitions brought down over a place that is not a whole country
    /// report a strike on it.
    /// </summary>
    private static bool ShotDownOverPlace(DocumentAnalysis a, SentenceFrames frames, SentenceFrame f, int cut)
    {
        foreach (var t in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frames.Triggers).Slice(f.TriggerStart, f.TriggerCount))
        {
            if (t.Kind != TriggerKind.Interception) continue;
            foreach (var p in a.PlacesIn(t.End, cut))
            {
                if (p.End > cut || p.Location.Kind == PlaceKind.Country || !AttackMunitionIn(a, t.End, p.First)) continue;
                for (int k = p.First - 1; k >= Math.Max(t.End, p.First - 1 - OverWindow); k--)
                {
                    if (a.Has(k, Cue.Over) || a.Has(k, Cue.In)) return true;
                    if (!a.Has(k, Cue.Article) && !a.Has(k, Cue.RegionNoun) && !a.Has(k, Cue.Of)) break;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A munition of attack among the words [<paramref name="from"/>, <paramref name="to"/>): not only a reconnaissance drone
    /// or an aircraft, which are shot down without striking anything ("shot down an Orlan-10 over Zmiiv").
    /// </summary>
    private static bool AttackMunitionIn(DocumentAnalysis a, int from, int to)
    {
        bool any = false, attack = false;
        foreach (var h in a.WeaponsIn(from, to))
        {
            any = true;
            attack |= h.Weapon.Category is not WeaponCategory.ReconDrone and not WeaponCategory.Aircraft;
        }
        foreach (var g in a.GenericWeaponsIn(from, to))
        {
            any = true;
            attack |= g.Category is not WeaponCategory.ReconDrone and not WeaponCategory.Aircraft;
        }
        return attack || !any;
    }

    /// <summary>
    /// Where a trailing attribution ("... - mayor", "... — regional police") starts: a dash after which no attack or
    /// casualty word follows, within the last <see cref="MaxAttributionTokens"/> tokens. The sentence end when none.
    /// </summary>
    private static int AttributionCut(DocumentAnalysis a, Sentence s)
    {
        for (int i = s.EndToken - 1; i > s.FirstToken + 2; i--)
        {
            if (!a.IsDash(i) || !a.Tokens[i].Has(TokenFlags.SpaceBefore)) continue;
            if (s.EndToken - i - 1 > MaxAttributionTokens) return s.EndToken;
            for (int k = i + 1; k < s.EndToken; k++)
                if (a.Has(k, Cue.StrikeTrigger) || a.Has(k, Cue.Killed) || a.Has(k, Cue.Injured)) return s.EndToken;
            return i;
        }
        return s.EndToken;
    }

    /// <summary>"launched an investigation", "a general strike": attack words that report no attack.</summary>
    private static bool IsNonAttackUse(DocumentAnalysis a, int i)
    {
        if (a.Has(i, Cue.LaunchVerb))
            for (int k = i + 1; k < Math.Min(i + 4, a.Tokens.Length); k++)
                if (a.Has(k, Cue.NonAttackObject)) return true;
        return a.Has(i - 1, Cue.StoppageModifier);
    }

    /// <summary>A range date opened by "since" or "between" before the cut.</summary>
    private static bool IsCumulative(DocumentAnalysis a, int from, int to)
    {
        foreach (var d in a.DatesIn(from, to))
        {
            if (d.End > to || d.Value is null || d.Value.Precision != DatePrecision.Range) continue;
            for (int k = Math.Max(from, d.First - 1); k <= d.First; k++)
                if (a.Has(k, Cue.Since) || a.Has(k, Cue.Between)) return true;
        }
        return false;
    }

    /// <summary>How far after "since" its period's month or year may stand ("since Russia pulled out of the deal in July").</summary>
    private const int SinceWindow = 12;

    /// <summary>"since ... in July", "since 2022": a "since" clause that names a month or a year, a period longer than a day.</summary>
    private static bool SinceLongPeriod(DocumentAnalysis a, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!a.Has(i, Cue.Since)) continue;
            for (int k = i + 1; k < Math.Min(to, i + SinceWindow) && !a.IsPunct(k, ',') && !a.IsClauseEnd(k); k++)
                if (a.DateAt[k] >= 0 && a.Dates[a.DateAt[k]].Value is { Precision: not DatePrecision.Day }) return true;
        }
        return false;
    }

    /// <summary>
    /// The side named by a clear majority of the agents of sentences that report an attack or a death (a weapon's side
    /// only where the sentence names no other), keyed by its name.
    /// </summary>
    private static Agent? MajorityAttacker(DocumentAnalysis a, SentenceFrames frames)
    {
        var list = frames.AgentCounts;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            var s = a.Sentences[si];
            bool trigger = frames[si].ExplicitTrigger;
            for (int i = s.FirstToken; i < s.EndToken && !trigger; i++) trigger = a.Has(i, Cue.StrikeTrigger) || a.Has(i, Cue.Killed);
            if (!trigger) continue;
            var agents = frames.AgentsOf(si);
            bool strong = false;
            foreach (var ag in agents) strong |= !ag.WeaponOrigin;
            foreach (var ag in agents)
            {
                if (strong && ag.WeaponOrigin) continue;
                string key = ag.Name ?? ag.Country!;
                int k = 0;
                while (k < list.Count && list[k].Key != key) k++;
                if (k == list.Count) list.Add((key, ag, 1)); else list[k] = (key, list[k].Agent, list[k].Count + 1);
            }
        }
        Agent? best = null;
        string? bestKey = null;
        int bestN = 0, total = 0;
        foreach (var (key, ag, n) in list)
        {
            total += n;
            if (n > bestN || n == bestN && string.CompareOrdinal(key, bestKey) < 0) { best = ag; bestKey = key; bestN = n; }
        }
        return bestN * MajorityDenominator >= total * MajorityNumerator && bestN > 0 ? best : null;
    }
}
