namespace ConflictExtract.Lexicon;

/// <summary>Small word lists the <see cref="PlaceFinder"/> uses to accept or reject a gazetteer name in context (keys in <see cref="LexiconKey"/> form).</summary>
internal static class PlaceWords
{
    private static HashSet<string> Set(string words) =>
        new(words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Nouns that make the name before them a region ("Kharkiv region", "Donetsk and Luhansk oblasts").</summary>
    public static readonly HashSet<string> RegionNouns = Set("region regions oblast oblasts province provinces krai kray oblasti");

    /// <summary>Nouns that make the name before them a raion ("Nikopol district").</summary>
    public static readonly HashSet<string> DistrictNouns = Set("district raion rayon");

    /// <summary>Words before a name that say a place follows ("in", "near", "village of").</summary>
    public static readonly HashSet<string> Locatives = Set("""
        in near at outside from of to towards toward around into across nearby inside within off via
        village villages town towns city cities settlement settlements hamlet community township suburb outskirts
        hit hits struck strike strikes shelled shelling attacked attack attacks bombed bombing targeted pounded on over
        """);

    /// <summary>Settlement nouns ("village of X", "X village").</summary>
    public static readonly HashSet<string> SettlementNouns = Set("village town city settlement hamlet community township");

    /// <summary>Verbs of saying after a surname ("Kostin said").</summary>
    public static readonly HashSet<string> SpeechVerbs = Set("""
        said says told added stated noted wrote reported claimed announced explained confirmed
        warned urged tweeted posted insisted denied according
        """);

    /// <summary>Titles before a person's name.</summary>
    public static readonly HashSet<string> Titles = Set("""
        mr mrs ms dr president minister governor mayor general gen colonel col lieutenant lt captain capt
        major sergeant spokesman spokeswoman spokesperson prosecutor chief commander head deputy senator
        ambassador secretary chancellor premier pope prince king queen sir saint st
        """);

    /// <summary>Rivers: "the Dnipro" and "Dnipro River" are not the city.</summary>
    public static readonly HashSet<string> Rivers = Set("dnipro dnieper dnepr don desna donets siverskyidonets oskil inhulets southernbug danube volga dniester dnister");

    /// <summary>
    /// Capitalised words that are seldom places in news even though some place bears the name: English words,
    /// titles, months and days, and common first names and surnames.
    /// </summary>
    public static readonly HashSet<string> Stop = Set("""
        the a an and or but if in on at by for from with as of to into over under after before during since until
        this that these those there then when while where which who whom whose what why how it its he she they we you
        his her their our your my i me him them us all any some each every both either neither no not nor only also
        however meanwhile earlier later today yesterday tomorrow tonight overnight morning evening night afternoon
        monday tuesday wednesday thursday friday saturday sunday
        january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
        according although because despite though thus still yet just even so such than very much many more most
        one two three four five six seven eight nine ten first second third last next new old other another
        north south east west northern southern eastern western central northeast northwest southeast southwest
        police army navy air force forces defence defense ministry military general staff office service services
        governor mayor president minister prime head chief commander council city town village region district
        center centre victory peace hope union liberty independence progress friendship freedom glory unity
        red white black green blue golden silver great grand little big long high low upper lower
        mobile reading bath nice split van batman bar mary orange marion aurora victoria florence eugene
        norman jackson lincoln kent troy chester carmel enterprise plymouth independence
        sea river lake hill mount port bay island beach park field station bridge school hospital church
        area zone front frontline line news report reports update live breaking photo video source sources
        russian russians ukrainian ukrainians american british european soviet
        andriy andrii andrei andrey oleksandr oleksiy oleksii alexander alexei aleksandr volodymyr vladimir vitali vitaliy vitalii
        serhiy serhii sergei sergey mykola nikolai ivan petro pyotr yuriy yurii yuri dmytro dmitry dmitri maria olena nadia nadiya
        sofia tetiana tatiana iryna irina natalia natalya oksana yulia anna olga vadym vadim ihor igor roman pavlo pavel
        taras bohdan vasyl vasily viktor victor valeriy valery anatoliy leonid mikhail denis denys kyrylo kirill maksym maxim
        oleh oleg ruslan stepan yevhen yevgeny evgeny artem hennadiy vyacheslav emmanuel joe donald antony lloyd jens olaf
        boris mark kate john james david michael peter paul george william
        zelensky zelenskyy zelenskiy putin shoigu peskov kuleba klitschko syniehubov prokudin lysak kim kirby biden trump
        stoltenberg lukashenko medvedev gerasimov budanov zaluzhnyi syrskyi umerov reznikov shmyhal yermak podolyak ihnat
        google apple amazon twitter telegram facebook youtube reuters tass interfax ria novosti ukrinform
        fedorov vilkul starukh kiper pushilin saldo balitsky gladkov bogomaz
        """);
}
