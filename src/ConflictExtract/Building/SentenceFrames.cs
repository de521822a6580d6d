using ConflictExtract.Languages;
using ConflictExtract.Lexicon;
using ConflictExtract.Pipeline;

namespace ConflictExtract.Building;

/// <summary>
/// A side named as the agent of an attack: tokens [First, End), the side's country (the contract's attacker; null when
/// none is known) and name (attackerName: the catalogue's, or an unlisted group's own words), and whether it names only a
/// weapon's side ("a Russian drone", "Iranian drones"), which may be the weapon's origin rather than who fired it, and
/// whether it is an armed group rather than a state's forces (a catalogue group or one named by its own words).
/// </summary>
internal readonly record struct Agent(int First, int End, string? Country, string? Name, bool WeaponOrigin, bool Group = false);

/// <summary>What made a sentence's token an anchor of its strikes.</summary>
internal enum TriggerKind : byte
{
    /// <summary>An attack word ("shelled", "airstrike").</summary>
    Word,
    /// <summary>An attack frame of several words or with its subject ("opened fire", "gunmen stormed").</summary>
    Frame,
    /// <summary>A passive frame: the places before it were struck ("came under fire", "was hit").</summary>
    Patient,
    /// <summary>An interception ("shot down", "destroyed"): munitions brought down over a place.</summary>
    Interception,
}

/// <summary>What a sentence can report, as the frame stage reads it first.</summary>
internal enum SentenceKind : byte
{
    /// <summary>No attack, event or weapon word: no frame, trigger or agent can be in it.</summary>
    Quiet,
    /// <summary>An event word or a weapon but no attack word and no place.</summary>
    Event,
    /// <summary>An attack word, or a place and an event word: its sides matter.</summary>
    Sides,
}

/// <summary>An attack word, frame or interception of a sentence: tokens [First, End).</summary>
internal readonly record struct Trigger(int First, int End, TriggerKind Kind);

/// <summary>What the frame stage found in one sentence.</summary>
internal struct SentenceFrame
{
    /// <summary>Where a trailing attribution ("... - mayor") starts: places and dates after it name the source. The sentence end when none.</summary>
    public int Cut;
    /// <summary>The sentence's agents: <see cref="SentenceFrames.Agents"/>[AgentStart .. AgentStart + AgentCount).</summary>
    public int AgentStart, AgentCount;
    /// <summary>The sentence's triggers, in token order: <see cref="SentenceFrames.Triggers"/>[TriggerStart .. TriggerStart + TriggerCount).</summary>
    public int TriggerStart, TriggerCount;
    /// <summary>Tokens [PatientFirst, PatientEnd) are the subject of a passive frame: the places there were struck. Empty when none.</summary>
    public int PatientFirst, PatientEnd;
    /// <summary>An attack word or frame before the cut ("shelled", "came under fire"), or munitions shot down over a place.</summary>
    public bool ExplicitTrigger;
    /// <summary>A weapon system or weapon noun before the cut.</summary>
    public bool WeaponWord;
    /// <summary>A figure over a period ("since Dec. 30", "between ... and ..."): it spans many strikes.</summary>
    public bool Cumulative;
    /// <summary>A war-long total ("since the start of the war"): the sentence reports no strike.</summary>
    public bool Total;
    /// <summary>A total over a period ("this week"): a country named with it is no strike.</summary>
    public bool Window;
    /// <summary>A count of attacks over a "since ..." period longer than a day ("struck 50 times since July"): a tally, no strike.</summary>
    public bool Tally;
}

/// <summary>The frame stage's output: one frame per sentence, their agents and triggers, and the document's majority attacker.</summary>
internal sealed class SentenceFrames : Scratch
{
    public SentenceFrames()
    {
        Frames = NewList<SentenceFrame>(64);
        Agents = NewList<Agent>(16);
        Triggers = NewList<Trigger>(64);
        Mentions = NewList<ActorMention>(32);
        Matches = NewList<FrameMatch>(8);
        Kinds = NewList<SentenceKind>(64);
        AgentCounts = NewList<(string, Agent, int)>(4);
        Perspective = new ActorPerspective(NewMap<string, int>(StringComparer.Ordinal), NewList<string>(4));
    }

    public List<SentenceFrame> Frames { get; }
    public List<Agent> Agents { get; }
    public List<Trigger> Triggers { get; }

    /// <summary>The actor catalogue's mentions in the document, in token order.</summary>
    public List<ActorMention> Mentions { get; }

    /// <summary>The attack frames of the sentence being framed (the frame stage's working list).</summary>
    public List<FrameMatch> Matches { get; }

    /// <summary>Each sentence's kind (the frame stage's working list).</summary>
    public List<SentenceKind> Kinds { get; }

    /// <summary>How many agents name each side, by name (the frame stage's working list).</summary>
    public List<(string Key, Agent Agent, int Count)> AgentCounts { get; }

    /// <summary>Whose side the document speaks from, for "the enemy" and "the occupiers".</summary>
    public ActorPerspective Perspective { get; }

    /// <summary>The side most sentences with an attack name, when it is a clear majority; null otherwise.</summary>
    public Agent? DocumentAttacker { get; set; }

    public SentenceFrame this[int sentence] => Frames[sentence];

    public ReadOnlySpan<Agent> AgentsOf(int sentence)
    {
        var f = Frames[sentence];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Agents).Slice(f.AgentStart, f.AgentCount);
    }

    public ReadOnlySpan<Trigger> TriggersOf(int sentence)
    {
        var f = Frames[sentence];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Triggers).Slice(f.TriggerStart, f.TriggerCount);
    }

    public override void Clear()
    {
        base.Clear();
        DocumentAttacker = null;
    }
}
