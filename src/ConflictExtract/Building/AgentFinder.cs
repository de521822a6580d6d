using ConflictExtract.Analysis;
using ConflictExtract.Languages;

namespace ConflictExtract.Building;

/// <summary>
/// The sides a clause names as the agent of an attack: "Russian forces shelled", "the enemy attacked", "strikes by
/// Ukraine", "missiles fired from Russia", "the Armed Forces of Ukraine struck". A side named as a victim, a target, a
/// source or the losing side ("Ukrainian soldiers", "Russian positions", "the Ukrainian air force said", "Russian forces
/// lost") is not an agent.
/// </summary>
internal static class AgentFinder
{
    /// <summary>How many tokens before "from" an attack word may stand ("shelling came from Russia").</summary>
    private const int FromWindow = 4;

    /// <summary>How many modifiers may stand between a side's adjective and its head ("Russian Armed Forces").</summary>
    private const int MaxModifiers = 3;

    /// <summary>Appends the agents of tokens [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="agents"/>.</summary>
    public static void FindAgents(DocumentAnalysis a, LanguagePack language, int from, int to, List<Agent> agents)
    {
        for (int i = from; i < to; i++)
        {
            if (!language.TryGetSide(a.Word(i), out var side)) continue;
            if (a.IsLowerInitial(i) && side.Form != SideForm.Common) continue;
            if (TryForceOf(a, language, i, from, side, agents)) continue;
            int end = a.Has(i + 1, Cue.Federation) ? i + 2 : i + 1;
            if (FiredFrom(a, i, from) && !a.IsLowerInitial(i))
            {
                agents.Add(new Agent(i, end, side.Country));
                continue;
            }
            bool agent;
            if (side.Form != SideForm.Adjective)
            {
                // "the enemy's positions" and "enemy vehicles" are targets.
                if (a.Has(end, Cue.Genitive) || a.Has(end, Cue.VictimHead) || a.Has(end, Cue.MaterielNoun)) continue;
                agent = !IsVictimContext(a, i);
            }
            else if (!AdjectiveAgent(a, i, from, to, ref end, out agent)) continue;
            if (agent && (IsLosingOrSpeaking(a, end) || IsTarget(a, i))) agent = false;
            if (agent) agents.Add(new Agent(i, end, side.Country));
        }
    }

    /// <summary>"Armed Forces of Ukraine", "the army of Russia": the force is the agent, the country after "of" its side.</summary>
    private static bool TryForceOf(DocumentAnalysis a, LanguagePack language, int i, int from, Side side, List<Agent> agents)
    {
        if (i < 2 || !a.Has(i - 1, Cue.Of) || !a.Has(i - 2, Cue.ForceNoun)) return false;
        int head = i - 2;
        while (head > from && (a.Has(head - 1, Cue.Armed) || a.Has(head - 1, Cue.Article)
            || language.TryGetSide(a.Word(head - 1), out var s) && s.Form == SideForm.Adjective)) head--;
        if (!IsVictimContext(a, head)) agents.Add(new Agent(head, i + 1, side.Country));
        return true;
    }

    /// <summary>"shelling from Ukraine", "missiles fired from the Russian side": the side firing.</summary>
    private static bool FiredFrom(DocumentAnalysis a, int i, int from)
    {
        if (!a.Has(i - 1, Cue.From) && !(a.Has(i - 1, Cue.Article) && a.Has(i - 2, Cue.From))) return false;
        int f = a.Has(i - 1, Cue.From) ? i - 1 : i - 2;
        for (int k = Math.Max(from, f - FromWindow); k < f; k++)
            if (a.Has(k, Cue.StrikeTrigger)) return true;
        return false;
    }

    /// <summary>
    /// An adjective or a country name is an agent before an agent head ("Russian forces", "a Russian glide bomb", "Moscow's
    /// troops"), as
    /// the subject of an attack verb ("Russia shelled", "Russia has launched") or after "by". Returns false when the
    /// phrase names victims ("Ukrainian soldiers"); <paramref name="end"/> then takes in the head.
    /// </summary>
    private static bool AdjectiveAgent(DocumentAnalysis a, int i, int from, int to, ref int end, out bool agent)
    {
        agent = false;
        int j = a.Has(end, Cue.Genitive) ? end + 1 : end; // "Kyiv's troops", "Moscow's forces"
        // Modifiers, a weapon named, or the words of a force's name: "Russian Armed Forces", "Russian Aerospace Forces".
        while (j < to && j < end + MaxModifiers && (a.Has(j, Cue.AgentModifier) || a.WeaponAt[j] >= 0
            || a.IsCapitalizedWord(j) && !a.Has(j, Cue.AgentHead))) j++;
        if (a.Has(j, Cue.VictimHead)) return false;
        agent = a.Has(j, Cue.AgentHead) || a.Has(end, Cue.AgentHead) || a.Has(end, Cue.StrikeTrigger) || a.Has(end, Cue.AgentAuxiliary)
            || i > from && (a.Has(i - 1, Cue.By) || a.Has(i - 1, Cue.Article) && a.Has(i - 2, Cue.By));
        if (agent && IsVictimContext(a, i)) agent = false;
        if (agent && a.Has(j, Cue.AgentHead)) end = j + 1;
        return true;
    }

    /// <summary>"Russian forces lost", "the Ukrainian air force said", "a Ukrainian brigade lost", "... shot down": not the attacker.</summary>
    private static bool IsLosingOrSpeaking(DocumentAnalysis a, int end) =>
        a.Has(end, Cue.NonAttackerVerb) || a.Has(end, Cue.SpeechVerb) || a.Has(end, Cue.Brigade) && a.Has(end + 1, Cue.NonAttackerVerb)
        || a.Has(end, Cue.Shot) && a.Has(end + 1, Cue.Down);

    /// <summary>"fired on Ukrainian positions", "an attack against the Russian forces": the side is the target.</summary>
    private static bool IsTarget(DocumentAnalysis a, int i) =>
        a.Has(i - 1, Cue.TargetPreposition) || a.Has(i - 1, Cue.Article) && a.Has(i - 2, Cue.TargetPreposition);

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
