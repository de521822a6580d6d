namespace ConflictExtract.Lexicon;

/// <summary>
/// The closed word classes <see cref="ActorCatalogue.Find"/> reads around an actor's name: the nouns that make an
/// adjective an actor ("Russian" + forces / shelling / drones), the words that continue such a phrase ("armed",
/// "cruise", "Kh-101"), and the nouns that show the name is an institution or a target. All compare ignoring case.
/// </summary>
internal static class ActorWords
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Regular forces and their parts: heads for every actor's adjective ("Russian troops", "Israeli jets").</summary>
    public static readonly HashSet<string> ForceHeads = Set(
        "forces", "force", "troops", "troop", "army", "armies", "military", "militaries", "soldiers", "soldier", "servicemen",
        "serviceman", "personnel", "paratroopers", "marines", "commandos", "units", "unit", "brigade", "brigades", "battalion",
        "battalions", "regiment", "regiments", "division", "divisions", "formations", "gunners", "snipers", "pilots", "crews",
        "sappers", "guards", "navy", "fleet", "warships", "warship", "jets", "jet", "warplanes", "warplane", "aircraft", "planes",
        "plane", "helicopters", "helicopter", "gunships", "bombers", "bomber", "aviation", "artillery", "side", "command",
        "occupiers", "invaders", "defenders", "enemy", "junta");

    /// <summary>Acts of force: heads for every actor's adjective ("Russian shelling", "an Israeli airstrike").</summary>
    public static readonly HashSet<string> ActHeads = Set(
        "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "shelling", "shellings", "bombardment",
        "bombardments", "bombing", "bombings", "barrage", "barrages", "raid", "raids", "fire", "gunfire", "offensive",
        "counteroffensive", "counter-offensive", "assault", "assaults", "advance", "advances", "incursion", "incursions",
        "invasion", "aggression", "operation", "operations", "ambush", "onslaught", "salvo", "salvos", "sortie", "sorties");

    /// <summary>Weapons: heads that make the adjective possibly the weapon's origin ("Iranian drones" fired by Russia).</summary>
    public static readonly HashSet<string> WeaponHeads = Set(
        "drone", "drones", "UAV", "UAVs", "missile", "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs",
        "munition", "munitions", "weapons", "howitzer", "howitzers", "tank", "tanks", "launcher", "launchers", "interceptors",
        "mortar", "mortars");

    /// <summary>Irregular fighters: heads only for a non-state actor's adjective ("Houthi rebels"; "Syrian rebels" are not the Syrian army).</summary>
    public static readonly HashSet<string> IrregularHeads = Set(
        "fighters", "fighter", "militants", "militant", "rebels", "rebel", "militia", "militias", "militiamen", "gunmen",
        "insurgents", "jihadists", "mercenaries", "guerrillas", "paramilitaries", "combatants", "operatives", "cadres");

    /// <summary>"defence" is a head only after "air" ("Ukrainian air defence").</summary>
    public static readonly HashSet<string> DefenceWords = Set("defence", "defense", "defences", "defenses");

    /// <summary>Words between an adjective and its head ("Russian armed forces", "Russian cruise missiles", "Russian overnight attack").</summary>
    public static readonly HashSet<string> Modifiers = Set(
        "armed", "air", "ground", "naval", "special", "security", "government", "occupation", "occupying", "elite", "airborne",
        "kamikaze", "cruise", "ballistic", "guided", "glide", "loitering", "suicide", "combat", "heavy", "infantry",
        "reconnaissance", "long-range", "short-range", "medium-range", "unmanned", "strategic", "tactical", "proxy",
        "expeditionary", "regular", "coalition", "defence", "defense", "border", "frontline", "front-line", "air-defence",
        "air-defense", "mechanised", "mechanized", "motorised", "motorized", "marine", "mountain", "overnight", "night",
        "nighttime", "night-time", "morning", "latest", "new", "massive", "massed", "large-scale", "renewed", "deadly", "fresh",
        "intense", "retaliatory", "combined", "fighter", "attack", "assault", "military", "army", "artillery", "drone",
        "missile", "rocket", "mortar", "tank", "hypersonic", "precision", "sea", "naval-drone");

    /// <summary>Offices, their people and their voices: a name before one is an institution ("Taliban government", "Ukrainian officials").</summary>
    public static readonly HashSet<string> InstitutionNouns = Set(
        "government", "governments", "authorities", "officials", "official", "ministry", "ministries", "minister", "ministers",
        "administration", "leadership", "leaders", "leader", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "spokesmen", "media", "embassy", "envoy", "envoys", "ambassador", "diplomats", "diplomat", "president", "parliament",
        "council", "court", "courts", "prosecutors", "prosecutor", "agency", "agencies", "radio", "television", "TV", "press",
        "negotiators", "delegation", "politburo", "bureau", "office", "regime", "cabinet");

    /// <summary>
    /// Commentators: after a force noun they make it a speaker ("Russian military bloggers"); after a bare adjective they are
    /// a nationality ("a Russian journalist"), not a mention at all.
    /// </summary>
    public static readonly HashSet<string> SpeakerNouns = Set(
        "bloggers", "blogger", "analysts", "analyst", "experts", "expert", "sources", "correspondents", "correspondent",
        "journalists", "journalist", "reporters", "reporter", "commentators", "commentator", "observers", "insiders");

    /// <summary>Words between a name and an institution noun ("Hamas-run health ministry", "Russian state media", "Prime Minister").</summary>
    public static readonly HashSet<string> InstitutionModifiers = Set(
        "health", "interior", "defence", "defense", "foreign", "political", "press", "information", "state", "civil", "local",
        "regional", "provincial", "de", "facto", "de-facto", "war", "pro-war", "prime", "deputy", "senior", "top", "government",
        "military", "media", "security", "intelligence", "emergency", "emergencies");

    /// <summary>Things that are hit: a name before one is the target's owner ("Hamas positions", "Russian military base").</summary>
    public static readonly HashSet<string> TargetNouns = Set(
        "positions", "position", "targets", "target", "territory", "territories", "base", "bases", "airbase", "airbases",
        "airfield", "airfields", "depot", "depots", "warehouse", "warehouses", "facility", "facilities", "infrastructure",
        "headquarters", "HQ", "stronghold", "strongholds", "hideout", "hideouts", "camp", "camps", "tunnel", "tunnels", "trench",
        "trenches", "lines", "outpost", "outposts", "checkpoint", "checkpoints", "installation", "installations", "site", "sites",
        "compound", "compounds", "convoy", "convoys", "column", "columns", "vehicle", "vehicles", "equipment", "assets",
        "stockpile", "stockpiles", "arsenal", "arsenals", "factory", "factories", "plant", "plants", "refinery", "refineries",
        "vessel", "vessels", "ship", "ships", "submarine", "airstrip", "garrison", "barracks", "post", "posts", "emplacements",
        "dugouts", "fortifications", "hideaway", "lair", "lairs", "cell", "cells");

    /// <summary>The part after a hyphen that makes the name before it a modifier ("Hamas-run", "al-Shabaab-linked", "Iran-backed", "US-led").</summary>
    public static readonly HashSet<string> CompoundSuffixes = Set(
        "led", "linked", "affiliated", "aligned", "allied", "backed", "run", "controlled", "held", "occupied", "inspired",
        "claimed", "supported", "sponsored", "dominated", "made", "built", "born", "speaking", "funded", "trained", "armed",
        "friendly", "leaning", "related", "loyal", "owned", "operated", "based", "appointed", "installed", "imposed", "annexed",
        "ruled", "governed", "organised", "organized", "style", "type", "era", "connected", "associated", "tied", "orchestrated",
        "planned", "directed", "commanded", "launched", "fired", "supplied", "provided", "designed", "produced");

    /// <summary>Lower-case words before an ambiguous name that show it is a person ("the composer Wagner").</summary>
    public static readonly HashSet<string> PersonRoles = Set(
        "composer", "conductor", "singer", "actor", "actress", "author", "writer", "player", "coach", "striker", "midfielder",
        "defender", "goalkeeper", "manager", "director", "professor", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
        "Sir", "Saint", "St", "St.", "senator", "judge", "lawyer", "artist", "painter", "poet", "philosopher", "novelist",
        "pianist", "tenor", "soprano", "forward", "winger", "chef", "designer");

    /// <summary>
    /// Words that begin a sentence before a name without being a given name ("The Wagner group", "After Wagner's mutiny");
    /// any other capitalised word before an ambiguous name is taken for a given name ("Richard Wagner").
    /// </summary>
    public static readonly HashSet<string> SentenceStarters = Set(
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "when", "after", "before",
        "since", "as", "if", "but", "and", "or", "so", "yet", "meanwhile", "then", "now", "later", "earlier", "yesterday",
        "today", "tonight", "in", "on", "at", "by", "for", "with", "without", "under", "although", "though", "while",
        "because", "once", "until", "both", "some", "many", "several", "most", "all", "no", "only", "also", "how", "why",
        "where", "whether", "what", "which", "who", "suspected", "alleged", "former", "pro", "anti", "rival", "allied");

    /// <summary>English words an all-capitals acronym can be in an all-capitals line ("KYIV IS UNDER ATTACK").</summary>
    public static readonly HashSet<string> FunctionWords = Set(
        "is", "us", "let", "it", "as", "at", "am", "an", "or", "in", "on", "be", "do", "so", "no", "we", "he", "me", "up", "by",
        "to", "of", "if", "aa");

    /// <summary>Words that join two adjectives sharing one head ("Russian and Belarusian troops").</summary>
    public static readonly HashSet<string> Coordinators = Set("and", "or", ",", "&");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ForceHeadLookup = ForceHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActHeadLookup = ActHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeaponHeadLookup = WeaponHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularHeadLookup = IrregularHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DefenceLookup = DefenceWords.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifierLookup = Modifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InstitutionLookup = InstitutionNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InstitutionModifierLookup = InstitutionModifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TargetLookup = TargetNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = CompoundSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonRoleLookup = PersonRoles.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerLookup = SpeakerNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CoordinatorLookup = Coordinators.GetAlternateLookup<ReadOnlySpan<char>>();
}
