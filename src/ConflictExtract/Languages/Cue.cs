namespace ConflictExtract.Languages;

/// <summary>
/// The classes of words the record layer reads, whatever the language. Each language lists the words of each class in
/// its folder (<c>Languages/English/cues.txt</c>); a token is classified once per document and rules test its classes.
/// At most <see cref="CueSet.Capacity"/> classes.
/// </summary>
internal enum Cue : byte
{
    /// <summary>Words that report an attack on a place.</summary>
    StrikeTrigger,
    /// <summary>Words naming what was fired: together with a casualty they imply an attack.</summary>
    WeaponNoun,
    /// <summary>Weapon nouns that name gun and mortar fire, which never refer back to a missile or drone named earlier.</summary>
    ArtilleryNoun,
    /// <summary>Words that say a weapon was launched or fired.</summary>
    LaunchVerb,
    /// <summary>Verbs that end the phrase of a count before its interception word could ("20 missiles fired at ...").</summary>
    InterceptStop,
    /// <summary>Objects that make "launched" something other than an attack: "launched an investigation".</summary>
    NonAttackObject,
    /// <summary>Modifiers that make "strike" a stoppage, not an attack: "a general strike".</summary>
    StoppageModifier,
    /// <summary>Words that report munitions brought down (with "shot down").</summary>
    InterceptVerb,
    /// <summary>Words between an unlisted designation and its weapon noun: "Tarkan-7 ballistic missile".</summary>
    WeaponModifier,
    /// <summary>Nouns that make a designation the tagger found a weapon: "Tarkan-7 missile", "Kh-999 launchers".</summary>
    WeaponHeadNoun,
    /// <summary>Modifiers that make a target residential whatever its noun: "a private house", "the private sector".</summary>
    ResidentialModifier,
    /// <summary>Nouns of a weapon's reach: "a range of 650 km".</summary>
    RangeNoun,
    /// <summary>Past participles of attack verbs, for passive frames: "was shelled", "were struck" (frames.txt).</summary>
    AttackParticiple,
    /// <summary>
    /// The first words of the attack frames of <c>frames.txt</c> ("came", "opened", "stormed"): not listed in cues.txt, the
    /// language pack gives them this class when it loads the frames, so that the frame stage tries a frame only there.
    /// </summary>
    FrameStart,
    Killed,
    Injured,
    Missing,
    /// <summary>Casualty words of the Killed and Injured classes that say nothing by themselves.</summary>
    AmbiguousCasualty,
    WoundNoun,
    LifeNoun,
    DeathNoun,
    VictimNoun,
    Gunned,
    BodyNoun,
    /// <summary>Nouns of killing that take their victims after "of": "the killing of three farmers".</summary>
    KillingNoun,
    /// <summary>Verbs before "their lives" / "the lives": "lost their lives", "claimed the lives".</summary>
    LifeTakingVerb,
    /// <summary>Words of the death toll: "the death toll", "the number of dead".</summary>
    DeathWord,
    Dead,
    /// <summary>Participles of a wound, for "a man wounded in the attack later died".</summary>
    WoundedWord,
    /// <summary>Verbs of a later death: "a man wounded in the attack later died".</summary>
    DiedVerb,
    Later,
    /// <summary>Casualty words a bare person noun may stand before: "a devotee injured".</summary>
    BareCasualtyWord,
    Shot,
    Down,
    /// <summary>Transitive casualty verbs whose count follows: "killed 14 civilians".</summary>
    Transitive,
    /// <summary>Casualty words that count only with a person object ("destroyed 20 soldiers", not "destroyed 20 tanks").</summary>
    NeedsPersonObject,
    /// <summary>Nouns a number counts when they are not people: "60 shells", "five times", "24 hours".</summary>
    NonPersonNoun,
    /// <summary>Words that may stand between a transitive casualty verb and its count: "killed at least 14", "wounded some 30".</summary>
    CountLead,
    /// <summary>Words that may stand between a singular subject's auxiliary and its casualty verb: "was shot and killed".</summary>
    VerbGap,
    /// <summary>Participles that report rather than attribute: "confirmed dead", "feared killed".</summary>
    ReportParticiple,
    /// <summary>Words after which a count is part of a count before it.</summary>
    Including,
    Remaining,
    /// <summary>Words that add to the figures before them: "two soldiers were also killed".</summary>
    Additive,
    TollWord,
    RiseVerb,
    Person,
    Civilian,
    Child,
    Military,
    /// <summary>Singular person nouns that make "a man was killed" a count of one.</summary>
    SingularPerson,
    /// <summary>Perpetrators: coders do not count them among the victims.</summary>
    Perpetrator,
    /// <summary>Ages written as one word: "a five-year-old boy".</summary>
    AgeWord,
    /// <summary>Endings of adjectives that may stand before a person noun: "local residents", "Turkish nationals".</summary>
    AdjectiveLike,
    /// <summary>Words before a person noun that do not stop a count from counting people: "three more", "two other".</summary>
    MoreOther,
    /// <summary>Words after a side that make it the subject of an attack: "Russia has launched", "Russia shelled".</summary>
    AgentAuxiliary,
    /// <summary>Words after a side that make it the losing or defending side, not the attacker.</summary>
    NonAttackerVerb,
    /// <summary>Words after a side's adjective that make it a victim or a target: "Ukrainian soldiers", "Russian positions".</summary>
    VictimHead,
    /// <summary>Prepositions after which a side is the target of an attack, not its agent: "fired on Ukrainian positions".</summary>
    TargetPreposition,
    /// <summary>Nouns of a unit or its losses before "of": "two battalions of the army" names victims.</summary>
    UnitNoun,
    Brigade,
    /// <summary>Words after a place that make it an institution's name, not a scene: "the Kharkiv regional administration".</summary>
    InstitutionHead,
    MilitaryWord,
    AdministrationWord,
    SpeechVerb,
    /// <summary>Pronouns that refer back to a side: "the ministry said its forces struck", "the group said it fired".</summary>
    ActorPronoun,
    /// <summary>Words of a claim of responsibility: "claimed the bombing", "claimed responsibility".</summary>
    Claim,
    /// <summary>Nouns of an armed group named by its own words: "the Mai-Mai Yakutumba militia", "the Ansar group".</summary>
    GroupNoun,
    Locative,
    /// <summary>Words between a locative and the place name: "in the city of", "on the outskirts of".</summary>
    PlaceIntro,
    RegionNoun,
    RegionSingular,
    DistrictNoun,
    Compass,
    /// <summary>Words that make a place a reference point, not the scene: "a village near Kharkiv".</summary>
    Proximity,
    /// <summary>Words before a capitalised word that put it in a place position, for the spelling fallback.</summary>
    VariantLead,
    VariantIntro,
    PlaceInterior,
    /// <summary>Capitalised words that are never places, for the spelling fallback.</summary>
    NotPlace,
    /// <summary>Openers of a new topic: "Separately, ...", "Elsewhere, ...".</summary>
    TopicShift,
    Night,
    Overnight,
    DayNoun,
    HourNoun,
    Article,
    IndefiniteArticle,
    NumeralOne,
    Another,
    Possessive,
    ObjectPronoun,
    Them,
    SubjectPronoun,
    DummySubject,
    Existential,
    RelativeObject,
    RelativeSubject,
    BeVerb,
    WasVerb,
    HasVerb,
    Been,
    Genitive,
    And,
    Of,
    From,
    To,
    By,
    At,
    In,
    Over,
    Per,
    Past,
    Last,
    During,
    Since,
    Between,
    /// <summary>Words that start a new clause for a leftward count search.</summary>
    ClauseBreak,
    Auxiliary,
}

/// <summary>A set of <see cref="Cue"/> classes: the classes of one token, or a mask of classes to test at once.</summary>
internal readonly struct CueSet : IEquatable<CueSet>
{
    /// <summary>How many classes a set can hold.</summary>
    public const int Capacity = 128;

    private readonly ulong _low, _high;

    private CueSet(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>The set holding <paramref name="cues"/>.</summary>
    public static CueSet Of(params ReadOnlySpan<Cue> cues)
    {
        var s = default(CueSet);
        foreach (var c in cues) s = s.With(c);
        return s;
    }

    public bool IsEmpty => (_low | _high) == 0;

    public bool Has(Cue c) => (int)c < 64 ? (_low & (1UL << (int)c)) != 0 : (_high & (1UL << ((int)c - 64))) != 0;

    /// <summary>True when this set and <paramref name="mask"/> share a class.</summary>
    public bool Overlaps(CueSet mask) => ((_low & mask._low) | (_high & mask._high)) != 0;

    public CueSet With(Cue c) => (int)c < 64 ? new(_low | (1UL << (int)c), _high) : new(_low, _high | (1UL << ((int)c - 64)));

    public CueSet Union(CueSet other) => new(_low | other._low, _high | other._high);

    public bool Equals(CueSet other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is CueSet s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(_low, _high);
}
