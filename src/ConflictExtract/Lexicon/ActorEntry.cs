namespace ConflictExtract.Lexicon;

/// <summary>Whether an actor is a state's armed forces or a non-state group.</summary>
public enum ActorKind : byte
{
    /// <summary>The armed forces (or another force) of a state: "Russian forces", "Israel Defense Forces".</summary>
    State,
    /// <summary>A non-state armed group: "Hamas", "Rapid Support Forces", "Islamic State".</summary>
    NonState,
}

/// <summary>
/// A phrase that names an actor only in texts written from one side's perspective: in Ukrainian official texts
/// "the enemy" and "the occupiers" are Russian forces; in Russian Ministry of Defence texts "the Kyiv regime" is Ukrainian forces.
/// </summary>
/// <param name="Phrase">The phrase as written in the catalogue.</param>
/// <param name="Perspective">ISO 3166-1 alpha-2 code of the side whose texts use it ("UA": Ukrainian official texts).</param>
internal readonly record struct ActorContextAlias(string Phrase, string Perspective);

/// <summary>One reading of a context-dependent alias: the actor it names in texts from <see cref="Perspective"/>.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Perspective">ISO 3166-1 alpha-2 code of the side whose texts use the alias with this reading.</param>
internal readonly record struct ActorContextReading(ActorEntry Actor, string Perspective);

/// <summary>
/// One actor of the catalogue (models/actors/actors.tsv).
/// </summary>
/// <param name="Name">Canonical name, the contract's <c>attackerName</c> ("Russian forces", "Hamas", "Rapid Support Forces").</param>
/// <param name="Kind">State forces or a non-state group.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the state (for a group: the state it is based in), or null when none is known.</param>
/// <param name="Aliases">Other names that name the actor by themselves ("IDF", "Armed Forces of Ukraine", "Daesh").</param>
/// <param name="Sources">Public references the row rests on ("Wikipedia: Wagner Group").</param>
public sealed record ActorEntry(
    string Name,
    ActorKind Kind,
    string? Country,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Sources)
{
    /// <summary>The kind as written in the catalogue: "state" or "non-state".</summary>
    public string KindName => Kind == ActorKind.State ? "state" : "non-state";

    /// <summary>Demonyms and adjectives that name the actor only before a force noun ("Russian" + forces / shelling / drones).</summary>
    public IReadOnlyList<string> Adjectives { get; init; } = [];

    /// <summary>Names of the state itself ("Russia", "Ukraine", "US"): also places; an actor only as the agent of an attack.</summary>
    public IReadOnlyList<string> StateNames { get; init; } = [];

    /// <summary>Phrases that name the actor only in texts from one side's perspective.</summary>
    internal IReadOnlyList<ActorContextAlias> ContextAliases { get; init; } = [];

    /// <summary>Names that are also ordinary words or other organisations' names ("Wagner", "RSF", "ADF", "M23"): they match only with evidence.</summary>
    public IReadOnlyList<string> AmbiguousAliases { get; init; } = [];

    /// <summary>Words whose presence in the sentence confirms an ambiguous alias ("Prigozhin", "Mali" for "Wagner").</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];
}

/// <summary>How an actor is named in text.</summary>
internal enum ActorMentionForm : byte
{
    /// <summary>The canonical name ("Hamas", "Russian forces").</summary>
    Name,
    /// <summary>An alias that names the actor by itself ("IDF", "Armed Forces of Ukraine", "ISIS").</summary>
    Alias,
    /// <summary>
    /// An adjective or demonym that needed a head noun ("Russian drones", "Israeli airstrike", "Houthi rebels"), or a state's
    /// name with one ("Russia's forces", "US strikes"). The span runs through the head noun (<see cref="ActorMention.HeadToken"/>).
    /// </summary>
    Adjective,
    /// <summary>The name of the state ("Russia", "Israel"): also a place; it names the actor only as the agent of an attack, which the record layer decides.</summary>
    StateName,
    /// <summary>
    /// A phrase that names the actor only in texts from one side ("the enemy", "the occupiers" in Ukrainian official texts):
    /// see <see cref="ActorMention.Readings"/> and <see cref="ActorMention.ResolveFor"/>.
    /// </summary>
    ContextAlias,
}

/// <summary>What the words around a mention say about its role. Find reports them; the record layer decides.</summary>
[Flags]
internal enum ActorMentionFlags : ushort
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>
    /// The name is the first part of a hyphenated compound ("Hamas-run", "al-Shabaab-linked", "Iran-backed", "US-led"):
    /// the mention's span is the name part, <see cref="ActorMention.Suffix"/> the rest. The actor is related to what follows,
    /// not necessarily its agent ("Iran-backed Houthis" are not Iranian forces).
    /// </summary>
    Compound = 1,
    /// <summary>
    /// Followed by a word for an office, its people or its voice ("Taliban government", "Hamas-run health ministry",
    /// "Ukrainian officials", "Russian Defence Ministry"): the words name the side's institution or speaker, not a fighting force.
    /// </summary>
    Institution = 2,
    /// <summary>Followed by a target noun ("Hamas positions", "Russian military base", "enemy positions"): the actor is what is hit.</summary>
    ModifiesTarget = 4,
    /// <summary>
    /// An adjective whose head noun is a weapon ("Iranian drones", "American missiles"): the adjective may be the weapon's
    /// origin rather than the side that fired it.
    /// </summary>
    WeaponHead = 8,
    /// <summary>A state's name in the possessive with a head noun ("Russia's forces", "Israel's military").</summary>
    Possessive = 16,
    /// <summary>An ambiguous alias ("Wagner", "RSF", "M23") accepted on evidence: a head noun after it or a cue in the sentence.</summary>
    Ambiguous = 32,
}

/// <summary>
/// An actor named in text: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>) of the tokens given to
/// <see cref="ActorCatalogue.Find"/>, characters [<see cref="Start"/>, <see cref="End"/>) of the input.
/// </summary>
internal readonly record struct ActorMention
{
    private readonly ActorContextReading[]? _readings;

    internal ActorMention(int firstToken, int endToken, int start, int end, ActorEntry actor, ActorMentionForm form,
        ActorMentionFlags flags, int headToken, string? suffix, ActorContextReading[]? readings)
    {
        FirstToken = firstToken;
        EndToken = endToken;
        Start = start;
        End = end;
        Actor = actor;
        Form = form;
        Flags = flags;
        HeadToken = headToken;
        Suffix = suffix;
        _readings = readings;
    }

    /// <summary>First token of the mention.</summary>
    public int FirstToken { get; }

    /// <summary>Token after the mention (exclusive).</summary>
    public int EndToken { get; }

    /// <summary>Start offset (UTF-16, inclusive).</summary>
    public int Start { get; }

    /// <summary>End offset (exclusive). For a <see cref="ActorMentionFlags.Compound"/> it is the end of the name part.</summary>
    public int End { get; }

    /// <summary>
    /// The actor. For a <see cref="ActorMentionForm.ContextAlias"/>, the first of its <see cref="Readings"/> (catalogue
    /// order); check <see cref="Perspective"/> or call <see cref="ResolveFor"/> before using it.
    /// </summary>
    public ActorEntry Actor { get; }

    /// <summary>How the actor is named.</summary>
    public ActorMentionForm Form { get; }

    /// <summary>What the surrounding words say about the mention's role.</summary>
    public ActorMentionFlags Flags { get; }

    /// <summary>The force or institution noun that made the mention an actor ("forces" in "Russian forces", "fighters" in "Hamas fighters"), or -1.</summary>
    public int HeadToken { get; }

    /// <summary>For a <see cref="ActorMentionFlags.Compound"/>: the word after the hyphen ("run", "linked", "backed", "led"); otherwise null.</summary>
    public string? Suffix { get; }

    /// <summary>For a <see cref="ActorMentionForm.ContextAlias"/>: every actor it can name and the perspective that needs; otherwise empty.</summary>
    public IReadOnlyList<ActorContextReading> Readings => _readings ?? [];

    /// <summary>For a <see cref="ActorMentionForm.ContextAlias"/>: the perspective under which <see cref="Actor"/> is meant ("UA"); otherwise null.</summary>
    public string? Perspective => _readings is { Length: > 0 } r ? r[0].Perspective : null;

    /// <summary>True when <see cref="Flags"/> has <paramref name="flag"/>.</summary>
    public bool Has(ActorMentionFlags flag) => (Flags & flag) != 0;

    /// <summary>
    /// The actor this mention names in a text written from <paramref name="perspective"/> (ISO alpha-2, "UA" for a Ukrainian
    /// official text): for a context alias, its reading for that perspective or null; for any other form, <see cref="Actor"/>.
    /// </summary>
    public ActorEntry? ResolveFor(string? perspective)
    {
        if (Form != ActorMentionForm.ContextAlias) return Actor;
        if (perspective is null || _readings is null) return null;
        foreach (var r in _readings)
            if (string.Equals(r.Perspective, perspective, StringComparison.OrdinalIgnoreCase)) return r.Actor;
        return null;
    }
}
