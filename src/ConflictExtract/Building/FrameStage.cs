using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>A side named as the agent of an attack: tokens [First, End) and the side's country.</summary>
internal readonly record struct Agent(int First, int End, string Country);

/// <summary>What the frame stage found in one sentence.</summary>
internal struct SentenceFrame
{
    /// <summary>Where a trailing attribution ("... - mayor") starts: places and dates after it name the source. The sentence end when none.</summary>
    public int Cut;
    /// <summary>The sentence's agents: <see cref="SentenceFrames.Agents"/>[AgentStart .. AgentStart + AgentCount).</summary>
    public int AgentStart, AgentCount;
    /// <summary>An attack word before the cut ("shelled", "struck").</summary>
    public bool ExplicitTrigger;
    /// <summary>A weapon system or weapon noun before the cut.</summary>
    public bool WeaponWord;
    /// <summary>A figure over a period ("since Dec. 30", "between ... and ..."): it spans many strikes.</summary>
    public bool Cumulative;
}

/// <summary>The frame stage's output: one frame per sentence, their agents, and the document's majority attacker.</summary>
internal sealed class SentenceFrames : Scratch
{
    public SentenceFrames()
    {
        Frames = NewList<SentenceFrame>(64);
        Agents = NewList<Agent>(16);
        AgentCounts = NewList<(string, int)>(4);
    }

    public List<SentenceFrame> Frames { get; }
    public List<Agent> Agents { get; }

    /// <summary>How many agents name each side (the frame stage's working list).</summary>
    public List<(string Country, int Count)> AgentCounts { get; }

    /// <summary>The side most sentences with an attack name, when it is a clear majority; null otherwise.</summary>
    public string? DocumentAttacker { get; set; }

    public SentenceFrame this[int sentence] => Frames[sentence];

    public ReadOnlySpan<Agent> AgentsOf(int sentence)
    {
        var f = Frames[sentence];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Agents).Slice(f.AgentStart, f.AgentCount);
    }

    public override void Clear()
    {
        base.Clear();
        DocumentAttacker = null;
    }
}

/// <summary>
/// Frames: for each sentence, the attribution cut, the sides named as agents, whether it reports an attack, names a
/// weapon and gives a figure over a period; then the document's majority attacker.
/// </summary>
internal sealed class FrameStage : IStage
{
    /// <summary>An attribution after a dash is at most this many tokens ("- regional governor").</summary>
    private const int MaxAttributionTokens = 10;

    /// <summary>A side carried to sentences that name none must be named by at least this share of the agents (2/3).</summary>
    private const int MajorityNumerator = 2, MajorityDenominator = 3;

    public string Name => StageNames.Frames;

    public void Run(DocumentContext doc)
    {
        var a = doc.Analysis;
        var frames = doc.Frames;
        var language = doc.Pipeline.Language;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            var s = a.Sentences[si];
            int cut = AttributionCut(a, s);
            var f = new SentenceFrame { Cut = cut, AgentStart = frames.Agents.Count };
            AgentFinder.FindAgents(a, language, s.FirstToken, cut, frames.Agents);
            f.AgentCount = frames.Agents.Count - f.AgentStart;
            for (int i = s.FirstToken; i < cut; i++)
            {
                f.ExplicitTrigger |= a.Has(i, Cue.StrikeTrigger) && !IsNonAttackUse(a, i);
                f.WeaponWord |= a.WeaponAt[i] >= 0 || a.Has(i, Cue.WeaponNoun);
            }
            f.Cumulative = IsCumulative(a, s.FirstToken, cut);
            frames.Frames.Add(f);
        }
        frames.DocumentAttacker = MajorityAttacker(a, frames);
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

    /// <summary>The side named by a clear majority of the agents of sentences that report an attack or a death.</summary>
    private static string? MajorityAttacker(DocumentAnalysis a, SentenceFrames frames)
    {
        var list = frames.AgentCounts;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            var s = a.Sentences[si];
            bool trigger = false;
            for (int i = s.FirstToken; i < s.EndToken && !trigger; i++) trigger = a.Has(i, Cue.StrikeTrigger) || a.Has(i, Cue.Killed);
            if (!trigger) continue;
            foreach (var ag in frames.AgentsOf(si))
            {
                int k = 0;
                while (k < list.Count && list[k].Country != ag.Country) k++;
                if (k == list.Count) list.Add((ag.Country, 1)); else list[k] = (ag.Country, list[k].Count + 1);
            }
        }
        string? best = null;
        int bestN = 0, total = 0;
        foreach (var (country, n) in list)
        {
            total += n;
            if (n > bestN || n == bestN && string.CompareOrdinal(country, best) < 0) { best = country; bestN = n; }
        }
        return bestN * MajorityDenominator >= total * MajorityNumerator ? best : null;
    }
}
