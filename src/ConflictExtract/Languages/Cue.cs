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
    /// <summary>Nouns of killing that report deaths only with their victims after "of": "the massacre of 30 villagers".</summary>
    NominalKilling,
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
    /// <summary>Verbs after which "to kill" reports no killing: "threatened to kill", "vowed to kill".</summary>
    IrrealisLead,
    /// <summary>Nouns of a household, counted by what follows: "a family of four".</summary>
    FamilyNoun,
    /// <summary>"an elderly couple": two people.</summary>
    CoupleNoun,
    /// <summary>Person nouns that name one person only before "of": "the head of the village", "the chief of police".</summary>
    HeadOf,
    /// <summary>Adverbs that make a wound a death: "fatally shot", "mortally wounded".</summary>
    FatalAdverb,
    /// <summary>Verbs a <see cref="FatalAdverb"/> makes a killing.</summary>
    FatalVerb,
    /// <summary>Past participles (words ending in -ed), for a verb joined to a casualty verb: "was ambushed and murdered".</summary>
    PastParticiple,
    /// <summary>Words right after a count that add it to the counts before: "two more people", "17 others".</summary>
    MoreAfter,
    /// <summary>Words that put a figure in another time or incident: "an earlier attack", "last year", "following the killing of".</summary>
    BackgroundCue,
    /// <summary>Nouns of a whole war, whose tolls are history: "the war has killed tens of thousands".</summary>
    WarNoun,
    /// <summary>Words of a stated total: "the toll", "in total", "overall".</summary>
    TotalCue,
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
    /// <summary>Words that add a victim to the one before: "killed alongside his nephew"; <see cref="CompanionLead"/> needs "with" after it.</summary>
    Companion,
    /// <summary>"along with", "together with".</summary>
    CompanionLead,
    With,
    /// <summary>Words that set one estimate of a toll against another: "police said 9, although residents said 20".</summary>
    Contrast,
    /// <summary>Words that add to the figures before them: "two soldiers were also killed".</summary>
    Additive,
    TollWord,
    /// <summary>Verbs that state a toll at its figure: "puts the toll at 14", "the toll stands at 20".</summary>
    TollAtVerb,
    RiseVerb,
    Person,
    Civilian,
    Child,
    Military,
    /// <summary>Singular person nouns that make "a man was killed" a count of one.</summary>
    SingularPerson,
    /// <summary>Perpetrators: coders do not count them among the victims.</summary>
    Perpetrator,
    /// <summary>Lower-case particles inside personal names: "Jose Gomes da Rocha".</summary>
    NameParticle,
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
    /// <summary>The two words of "came under (fire)": the places before them were struck.</summary>
    UnderFire,
    /// <summary>Words after a place that make it a front sector, not a place struck: "the Pokrovsk direction".</summary>
    FrontSector,
    /// <summary>Words before a place's "in"/"at"/"to" that make it where someone spoke, met or went ("speaking in Kyiv", "fled to Kharkiv"); after a place, a meeting's name ("the Minsk talks").</summary>
    NotSceneLead,
    /// <summary>Modifiers that make an attack another, earlier one: "a similar attack on Zaporizhzhia".</summary>
    EarlierEvent,
    /// <summary>Words of relative time windows (<c>time-words.txt</c>, whose classes <see cref="TimeWordTable"/> gives): "night", "past 24 hours", "for a week".</summary>
    TimeWord,
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
    /// <summary>Auxiliaries of a singular subject: "a man was killed", "the mayor has been shot".</summary>
    SingularAux,
    /// <summary>Auxiliaries of the perfect: "who had been killed".</summary>
    PerfectAux,
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
    /// <summary>How many classes a set can hold (the <see cref="Cue"/> enum may have at most this many members).</summary>
    public const int Capacity = 256;

    private readonly ulong _w0, _w1, _w2, _w3;

    private CueSet(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The set holding <paramref name="cues"/>.</summary>
    public static CueSet Of(params ReadOnlySpan<Cue> cues)
    {
        var s = default(CueSet);
        foreach (var c in cues) s = s.With(c);
        return s;
    }

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    public bool Has(Cue c)
    {
        int i = (int)c;
        ulong bit = 1UL << (i & 63);
        return (i >> 6) switch
        {
            0 => (_w0 & bit) != 0,
            1 => (_w1 & bit) != 0,
            2 => (_w2 & bit) != 0,
            _ => (_w3 & bit) != 0,
        };
    }

    /// <summary>True when this set and <paramref name="mask"/> share a class.</summary>
    public bool Overlaps(CueSet mask) => ((_w0 & mask._w0) | (_w1 & mask._w1) | (_w2 & mask._w2) | (_w3 & mask._w3)) != 0;

    public CueSet With(Cue c)
    {
        int i = (int)c;
        ulong bit = 1UL << (i & 63);
        return (i >> 6) switch
        {
            0 => new(_w0 | bit, _w1, _w2, _w3),
            1 => new(_w0, _w1 | bit, _w2, _w3),
            2 => new(_w0, _w1, _w2 | bit, _w3),
            _ => new(_w0, _w1, _w2, _w3 | bit),
        };
    }

    public CueSet Union(CueSet other) => new(_w0 | other._w0, _w1 | other._w1, _w2 | other._w2, _w3 | other._w3);

    public bool Equals(CueSet other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is CueSet s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);
}
