using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// The sides a clause names as the agent of an attack, from the actor catalogue's mentions: the subject of an attack
/// verb ("Russian forces shelled", "the enemy attacked", "Hamas fired"), "by X" ("strikes by Ukraine"), "X's forces",
/// "fired from X", "X claimed the bombing", "X said its forces struck", an act of force or a weapon of a side ("Israeli
/// airstrikes", "a Russian drone"); and an unlisted group by its own name ("the Mai-Mai Yakutumba militia attacked"). A
/// side named as a victim, a target, a source, an institution or the losing side ("Ukrainian soldiers were killed",
/// "fired on Ukrainian positions", "the Ukrainian air force said", "Russian forces lost") is not an agent; a state's name
/// ("Russia") is one only in the roles of agency, since it is also a place.
/// </summary>
internal static class AgentFinder
{
    /// <summary>How many tokens before "from" an attack word may stand ("shelling came from Russia").</summary>
    private const int FromWindow = 4;

    /// <summary>How many tokens may stand between a subject and its attack verb ("Russian forces have again shelled").</summary>
    private const int SubjectGap = 4;

    /// <summary>How far after a side a speech verb may stand ("Hamas's armed wing said ...").</summary>
    private const int SpeechWindow = 6;

    /// <summary>How far after a speech verb its pronoun, and after the pronoun its attack verb, may stand ("said on Sunday its forces struck").</summary>
    private const int PronounWindow = 4;

    /// <summary>How far after a claim word its attack noun may stand ("claimed the twin bombings").</summary>
    private const int ClaimWindow = 4;

    /// <summary>An unlisted group's own name is at most this many capitalised words ("the Mai-Mai Yakutumba militia").</summary>
    private const int MaxGroupNameWords = 4;

    /// <summary>
    /// Appends the agents of tokens [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="agents"/>:
    /// <paramref name="mentions"/> are the catalogue's mentions of those tokens, <paramref name="frames"/> the sentence's
    /// attack frames.
    /// </summary>
    public static void FindAgents(DocumentAnalysis a, ReadOnlySpan<ActorMention> mentions, ActorPerspective perspective,
        ReadOnlySpan<FrameMatch> frames, int from, int to, List<Agent> agents)
    {
        int locationEnd = int.MinValue; // the end of the last mention read as a location: "in the DPR and LPR" names two
        foreach (var m in mentions)
        {
            if (m.FirstToken < from || m.EndToken > to || m.Has(ActorMentionFlags.Compound) || m.Has(ActorMentionFlags.ModifiesTarget)) continue;
            var actor = perspective.Resolve(m);
            if (actor is null) continue;
            // A name's head may follow it outside the mention ("Hamas fighters", "DPR shelling"): the phrase ends after it.
            int first = m.FirstToken, end = Math.Max(m.EndToken, m.HeadToken + 1);
            bool said = SaidItActed(a, frames, end, to);
            if (m.Has(ActorMentionFlags.Institution))
            {
                if (said) agents.Add(new Agent(first, end, actor.Country, actor.Name, false, actor.Kind == ActorKind.NonState)); // "the ministry said its forces struck"
                continue;
            }
            // "the army of Ukraine", "forces of Russia": the force is the agent, the country after "of" its side.
            bool forceOf = m.Form == ActorMentionForm.StateName && IsForceOf(a, first, from);
            if (forceOf) first -= a.Has(first - 3, Cue.Article) ? 3 : 2;
            if (IsTarget(a, first, from, m.Has(ActorMentionFlags.WeaponHead)) || !forceOf && IsVictimContext(a, first)) continue;
            // A state's name is also a place: it is a subject only right before its verb ("Russia shelled", "Russia has
            // launched"), not before a noun phrase ("in eastern Ukraine grenade attack").
            bool subject = m.Form == ActorMentionForm.StateName ? ActsRightAfter(a, frames, end, to) : ActsAfter(a, frames, end, to);
            bool strong = subject || said || IsBy(a, first, from) || FiredFrom(a, first, from) || OfActing(a, frames, end, to) || Claims(a, end, to);
            if (!strong && !forceOf)
            {
                if (IsLocation(a, m, from) || first - 1 == locationEnd || first - 2 == locationEnd && a.Has(first - 1, Cue.And)) { locationEnd = end; continue; }
                // "in Russia", "Ukraine's allies", "the DPR reported", "in DPR shelling": a state or a polity that is also a
                // place, not an agent.
                if (m.Form == ActorMentionForm.StateName || IsPlaceName(a, m)) continue;
                if (IsLosingOrSpeaking(a, end) || IsVictim(a, m, end)) continue;
            }
            bool origin = m.Has(ActorMentionFlags.WeaponHead) && !HasForceWord(a, first, m.HeadToken); // "Iranian drones" may be the drones' origin
            agents.Add(new Agent(first, end, actor.Country, actor.Name, origin, actor.Kind == ActorKind.NonState));
        }
        UnlistedGroups(a, mentions, frames, from, to, agents);
    }

    /// <summary>
    /// "The Mai-Mai Yakutumba militia attacked ...", "by the Ansar group": capitalised words between a definite article (or
    /// "by") and a group noun, not an actor of the catalogue, a place or a nationality, as the subject of an attack or
    /// after "by". The agent keeps the text's words as its name and has no country.
    /// </summary>
    private static void UnlistedGroups(DocumentAnalysis a, ReadOnlySpan<ActorMention> mentions, ReadOnlySpan<FrameMatch> frames, int from, int to, List<Agent> agents)
    {
        for (int g = from + 1; g < to; g++)
        {
            if (!a.Has(g, Cue.GroupNoun) || a.IsCapitalizedWord(g) && a.Tokens[g].Has(TokenFlags.AllCaps)) continue;
            int s = g;
            while (s > from && g - s < MaxGroupNameWords && NameWord(a, s - 1) && !a.Has(s - 1, Cue.Article)) s--;
            if (s == g || s == from || !a.Has(s - 1, Cue.Article) && !a.Has(s - 1, Cue.By)) continue;
            if (Overlaps(mentions, s, g) || OverlapsPlaceOrNationality(a, s, g)) continue;
            int article = a.Has(s - 1, Cue.Article) ? s - 1 : s;
            if (!ActsAfter(a, frames, g + 1, to) && !IsBy(a, article, from) && !a.Has(s - 1, Cue.By)) continue;
            agents.Add(new Agent(s, g + 1, null, a.Text[a.Tokens[s].Start..a.Tokens[g - 1].End], false, true));
        }
    }

    /// <summary>"Kiev troops shell ...": a force noun before the weapon the phrase ended on (a verb read as a noun): a force, not an origin.</summary>
    private static bool HasForceWord(DocumentAnalysis a, int first, int head)
    {
        for (int k = first; k < head; k++)
            if (ActorWords.ForceHeadLookup.Contains(a.Word(k))) return true;
        return false;
    }

    /// <summary>A word of a name: capitalised, or a hyphenated word with a capital after its particle ("al-Kheir", "el-Fasher").</summary>
    private static bool NameWord(DocumentAnalysis a, int k)
    {
        if (a.IsCapitalizedWord(k)) return true;
        if (a.Tokens[k].Kind != TokenKind.Word || !a.Tokens[k].Has(TokenFlags.HasHyphen)) return false;
        var w = a.Word(k);
        int h = w.IndexOf('-');
        return h > 0 && h + 1 < w.Length && char.IsUpper(w[h + 1]);
    }

    private static bool Overlaps(ReadOnlySpan<ActorMention> mentions, int first, int end)
    {
        foreach (var m in mentions)
            if (m.FirstToken < end && first < m.EndToken) return true;
        return false;
    }

    /// <summary>A place ("the Kharkiv militia") or a nationality or religion the tagger found ("the Islamist militants").</summary>
    private static bool OverlapsPlaceOrNationality(DocumentAnalysis a, int first, int end)
    {
        for (int k = first; k < end; k++)
            if (a.PlaceAt[k] >= 0 || a.Has(k, Cue.NotPlace)) return true;
        foreach (var t in a.Tagged)
            if (t.Label is EntityLabel.Norp or EntityLabel.Per && t.FirstToken < end && first < t.EndToken) return true;
        return false;
    }

    /// <summary>
    /// An attack word or frame within <see cref="SubjectGap"/> tokens after <paramref name="end"/>, in the same clause: the
    /// side before it is its subject. A passive frame ("Russia was hit by ...") makes it the patient instead.
    /// </summary>
    private static bool ActsAfter(DocumentAnalysis a, ReadOnlySpan<FrameMatch> frames, int end, int to)
    {
        for (int k = end; k < Math.Min(to, end + SubjectGap); k++)
        {
            if (StartsFrame(frames, k, out var kind)) return kind is FrameKind.Attack or FrameKind.ByArmed or FrameKind.ByWeapon;
            if (IsAction(a, k)) return !NounUse(a, k); // "in LPR in shelling by ...": the shelling is no verb of the LPR
            if (a.Tokens[k].Kind == TokenKind.Punctuation || a.Has(k, Cue.ClauseBreak) || a.Has(k, Cue.SpeechVerb)
                || a.Has(k, Cue.NonAttackerVerb) || a.Has(k, Cue.Of) || a.Has(k, Cue.During) // "the toll in X during shelling"
                || a.Has(k, Cue.Killed) || a.Has(k, Cue.Injured)) return false; // "LPR servicemen killed in shelling": victims
        }
        return false;
    }

    /// <summary>An attack word or frame right after <paramref name="end"/>, over auxiliaries only ("Russia has launched", "Ukraine was shelling").</summary>
    private static bool ActsRightAfter(DocumentAnalysis a, ReadOnlySpan<FrameMatch> frames, int end, int to)
    {
        int k = end;
        while (k < to && k < end + SubjectGap && (a.Has(k, Cue.Auxiliary) || a.Has(k, Cue.AgentAuxiliary) && !a.Has(k, Cue.LaunchVerb))) k++;
        return k < to && ActsAfter(a, frames, k, Math.Min(to, k + 1));
    }

    private static bool IsAction(DocumentAnalysis a, int k) => a.Has(k, Cue.StrikeTrigger) || a.Has(k, Cue.LaunchVerb);

    /// <summary>An attack word after a preposition or a determiner ("in shelling", "the attack"): a noun, not a verb of a subject.</summary>
    private static bool NounUse(DocumentAnalysis a, int k) =>
        a.Has(k - 1, Cue.Article) || a.Has(k - 1, Cue.IndefiniteArticle) || a.Has(k - 1, Cue.Genitive) || a.Has(k - 1, Cue.Possessive)
        || a.Has(k - 1, Cue.Locative) && !a.Has(k - 1, Cue.StrikeTrigger) && !a.Has(k - 1, Cue.To) || a.Has(k - 1, Cue.During) || a.Has(k - 1, Cue.By);

    private static bool StartsFrame(ReadOnlySpan<FrameMatch> frames, int k, out FrameKind kind)
    {
        foreach (var f in frames)
            if (f.First == k) { kind = f.Kind; return true; }
        kind = default;
        return false;
    }

    /// <summary>"Hamas said it fired", "the ministry said on Sunday that its forces struck": a speech verb, a pronoun, an attack.</summary>
    private static bool SaidItActed(DocumentAnalysis a, ReadOnlySpan<FrameMatch> frames, int end, int to)
    {
        for (int k = end; k < Math.Min(to, end + SpeechWindow); k++)
        {
            if (a.Has(k, Cue.SpeechVerb) && !a.Has(k, Cue.Claim))
            {
                for (int p = k + 1; p < Math.Min(to, k + 1 + PronounWindow); p++)
                {
                    if (a.Tokens[p].Kind == TokenKind.Punctuation) return false;
                    if (a.Has(p, Cue.ActorPronoun)) return ActsAfter(a, frames, p + 1, Math.Min(to, p + 1 + PronounWindow));
                }
                return false;
            }
            if (a.Tokens[k].Kind == TokenKind.Punctuation && !a.Has(k, Cue.Genitive) || a.Has(k, Cue.ClauseBreak) || IsAction(a, k)) return false;
        }
        return false;
    }

    /// <summary>"Islamic State claimed the twin bombings", "claimed responsibility for the attack": a claim of the attack, not of a fact.</summary>
    private static bool Claims(DocumentAnalysis a, int end, int to)
    {
        if (!a.Has(end, Cue.Claim)) return false;
        for (int k = end + 1; k < Math.Min(to, end + 1 + ClaimWindow); k++)
        {
            if (a.Has(k, Cue.Claim) || a.Has(k, Cue.StrikeTrigger)) return true;
            if (a.Tokens[k].Kind != TokenKind.Word || a.IsCapitalizedWord(k)) return false; // "Russia claimed Ukraine shelled ..."
        }
        return false;
    }

    /// <summary>"accused Ukraine of firing", "suspected Israel of striking": the side before "of" and an attack word.</summary>
    private static bool OfActing(DocumentAnalysis a, ReadOnlySpan<FrameMatch> frames, int end, int to) =>
        a.Has(end, Cue.Of) && end + 1 < to && (IsAction(a, end + 1) || StartsFrame(frames, end + 1, out var k) && k is FrameKind.Attack or FrameKind.ByArmed);

    /// <summary>"shelled by Russia", "strikes by the Israeli army", "killed by Hamas": "by" after an attack or a death in its clause.</summary>
    private static bool IsBy(DocumentAnalysis a, int first, int from)
    {
        int by = first - 1;
        if (by > from && a.Has(by, Cue.Article)) by--;
        if (by <= from || !a.Has(by, Cue.By)) return false;
        for (int k = by - 1; k >= Math.Max(from, by - SubjectGap); k--)
        {
            if (IsAction(a, k) || a.Has(k, Cue.Killed) || a.Has(k, Cue.Injured) || a.Has(k, Cue.InterceptVerb) || a.Has(k, Cue.WeaponNoun)) return true;
            if (a.Tokens[k].Kind == TokenKind.Punctuation) return false;
        }
        return false;
    }

    /// <summary>
    /// A name of the catalogue that is also a place (not a country) the gazetteer knows: "the Donetsk People's Republic",
    /// "DPR" ("in DPR shelling", "LPR servicemen"). Only its head may follow it; a force in the name makes it a force
    /// ("the Armed Forces of Ukraine").
    /// </summary>
    private static bool IsPlaceName(DocumentAnalysis a, ActorMention m)
    {
        if (m.Form is not (ActorMentionForm.Name or ActorMentionForm.Alias)) return false; // "Kiev's attack": a state's forces
        int end = m.HeadToken >= 0 ? m.HeadToken : m.EndToken;
        bool place = false;
        for (int k = m.FirstToken; k < end; k++)
        {
            if (ActorWords.ForceHeadLookup.Contains(a.Word(k))) return false;
            place |= a.PlaceAt[k] >= 0 && a.Places[a.PlaceAt[k]].Location.Kind != PlaceKind.Country;
        }
        return place;
    }

    /// <summary>"shelling from Ukraine", "missiles fired from the Russian side": the side firing.</summary>
    private static bool FiredFrom(DocumentAnalysis a, int i, int from)
    {
        if (!a.Has(i - 1, Cue.From) && !(a.Has(i - 1, Cue.Article) && a.Has(i - 2, Cue.From))) return false;
        int f = a.Has(i - 1, Cue.From) ? i - 1 : i - 2;
        for (int k = Math.Max(from, f - FromWindow); k < f; k++)
            if (IsAction(a, k)) return true;
        return false;
    }

    /// <summary>"Russian forces lost", "the Ukrainian air force said", "a Ukrainian brigade lost", "... shot down": not the attacker.</summary>
    private static bool IsLosingOrSpeaking(DocumentAnalysis a, int end) =>
        a.Has(end, Cue.NonAttackerVerb) || a.Has(end, Cue.SpeechVerb) || a.Has(end, Cue.Brigade) && a.Has(end + 1, Cue.NonAttackerVerb)
        || a.Has(end, Cue.Shot) && a.Has(end + 1, Cue.Down);

    /// <summary>
    /// "Ukrainian soldiers", "three Hamas fighters", "Russian troops were killed": the side's people as victims, when they
    /// are not the subject of an attack.
    /// </summary>
    private static bool IsVictim(DocumentAnalysis a, ActorMention m, int e)
    {
        if (m.HeadToken >= 0 && a.Has(m.HeadToken, Cue.VictimHead)) return true;
        if (m.Has(ActorMentionFlags.WeaponHead) || m.HeadToken >= 0 && ActorWords.ActHeadLookup.Contains(a.Word(m.HeadToken))) return false; // "nine enemy attacks"
        if (m.FirstToken > 0 && a.QuantityAt[m.FirstToken - 1] >= 0) return true;
        return a.Has(e, Cue.Auxiliary) && (a.Has(e + 1, Cue.Killed) || a.Has(e + 1, Cue.Injured) || a.Has(e + 1, Cue.Been) && (a.Has(e + 2, Cue.Killed) || a.Has(e + 2, Cue.Injured)));
    }

    /// <summary>
    /// "fired on Ukrainian positions", "an attack against the Russian forces", "shelled Ukrainian troops": the side is the
    /// target. A weapon after a verb ("launched Iranian drones", "shot down Russian missiles") is what was fired, not a target.
    /// </summary>
    private static bool IsTarget(DocumentAnalysis a, int i, int from, bool weapon)
    {
        int k = i - 1;
        if (k >= from && (a.Has(k, Cue.Article) || a.Has(k, Cue.IndefiniteArticle))) k--;
        return k >= from && (a.Has(k, Cue.TargetPreposition) || !weapon && a.Has(k, Cue.StrikeTrigger) && !a.Has(k, Cue.LaunchVerb) && a.IsLowerInitial(k) && IsVerbUse(a, k));
    }

    /// <summary>An attack word used as a verb before its object: not after an article ("the attack Russian forces ...").</summary>
    private static bool IsVerbUse(DocumentAnalysis a, int k) => !a.Has(k - 1, Cue.Article) && !a.Has(k - 1, Cue.IndefiniteArticle) && !a.Has(k - 1, Cue.Genitive);

    /// <summary>
    /// "in the Donetsk People's Republic", "near Russia", "across Ukraine": a side named by a polity's name after a locative
    /// is where something happened, not who did it. A force ("of Ukrainian forces"), an act of force or a weapon still
    /// names its side ("in Russian shelling").
    /// </summary>
    private static bool IsLocation(DocumentAnalysis a, ActorMention m, int from)
    {
        // A place's name with an act after it is still where it happened ("in eastern Ukraine grenade attack", "in DPR shelling").
        bool placeFirst = a.PlaceAt[m.FirstToken] >= 0;
        if (!placeFirst && m.HeadToken >= 0 && !a.Has(m.HeadToken, Cue.VictimHead)) return false;
        int end = m.HeadToken >= 0 ? m.HeadToken : m.EndToken;
        for (int t = m.FirstToken; t < end; t++)
            if (ActorWords.ForceHeadLookup.Contains(a.Word(t))) return false;
        if (m.HeadToken >= 0 && ActorWords.ForceHeadLookup.Contains(a.Word(m.HeadToken)) && !a.Has(m.HeadToken, Cue.VictimHead)) return false;
        int k = m.FirstToken - 1;
        while (k >= from && m.FirstToken - k <= LocationIntro && (a.Has(k, Cue.Article) || a.Has(k, Cue.PlaceIntro) && !a.Has(k, Cue.Of))) k--;
        return k >= from && a.Has(k, Cue.Locative) && !a.Has(k, Cue.StrikeTrigger);
    }

    /// <summary>How many words ("the", "eastern") may stand between a locative and a side's name read as a location.</summary>
    private const int LocationIntro = 3;

    /// <summary>"the army of Ukraine", "troops of Russia": a force noun (not its people: "soldiers of Ukraine") and "of" before a state's name.</summary>
    private static bool IsForceOf(DocumentAnalysis a, int first, int from) =>
        first - 2 >= from && a.Has(first - 1, Cue.Of) && ActorWords.ForceHeadLookup.Contains(a.Word(first - 2)) && !a.Has(first - 2, Cue.VictimHead)
        && a.IsLowerInitial(first - 2);

    /// <summary>"two battalions of the Russian army", "soldiers of Ukraine": the phrase names the victims.</summary>
    private static bool IsVictimContext(DocumentAnalysis a, int head)
    {
        int k = head - 1;
        if (a.Has(k, Cue.Article)) k--;
        if (!a.Has(k, Cue.Of)) return false;
        k--;
        return a.Has(k, Cue.Military) || a.Has(k, Cue.Person) || a.Has(k, Cue.UnitNoun);
    }
}
