using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>The English cue words the record builders read. Lower case; matched case-insensitively.</summary>
internal static class Cues
{
    /// <summary>Words that report an attack on a place.</summary>
    public static readonly WordSet StrikeTriggers = new(
        "shell", "shells", "shelled", "shelling", "shellings", "strike", "strikes", "struck", "striking",
        "airstrike", "airstrikes", "air-strike", "air-strikes", "hit", "hits", "hitting", "attack", "attacks", "attacked", "attacking",
        "fired", "firing", "launched", "bombed", "bombing", "bombings", "bombardment", "bombardments", "bombarded",
        "explosion", "explosions", "blast", "blasts", "blow", "impact", "targeted", "targeting", "raid", "raids", "airstrike",
        "barrage", "salvo", "pounded", "pounding", "rocketed", "blew");

    /// <summary>Words naming what was fired: together with a casualty they imply an attack.</summary>
    public static readonly WordSet WeaponNouns = new(
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells", "bomb", "bombs", "mortar", "mortars",
        "artillery", "uav", "uavs", "munition", "munitions", "grenade", "grenades", "projectile", "projectiles", "mlrs", "howitzer", "howitzers");

    public static readonly WordSet Killed = new(
        "killed", "kill", "kills", "killing", "dead", "died", "dies", "die", "dying", "deaths", "death", "deceased", "perished", "fatalities",
        "lives", "victims", "victim", "destroyed", "eliminated", "liquidated", "neutralized", "neutralised", "bodies", "corpses",
        "murdered", "slain", "executed", "assassinated", "beheaded", "hanged", "massacred", "lynched", "succumbed", "gunned");

    public static readonly WordSet Injured = new(
        "injured", "injuring", "injures", "injure", "injuries", "wounded", "wounding", "wounds", "hurt", "hospitalized", "hospitalised", "casualties");

    public static readonly WordSet Missing = new("missing");

    /// <summary>Transitive casualty verbs whose count follows: "killed 14 civilians".</summary>
    public static readonly WordSet Transitive = new(
        "murdered", "executed", "massacred", "beheaded", "assassinated", "bodies", "corpses", "killed", "kill", "kills", "killing", "injured", "injuring", "injures", "wounded", "wounding", "destroyed", "eliminated", "liquidated", "neutralized", "neutralised", "lost", "left");

    /// <summary>Nouns that a number counts when they are not people: "60 shells", "five times", "24 hours".</summary>
    public static readonly WordSet NonPersonNouns = new(
        "times", "shells", "missiles", "drones", "rockets", "strikes", "attacks", "airstrikes", "houses", "buildings", "homes", "km", "kilometres",
        "kilometers", "miles", "hours", "days", "weeks", "months", "years", "percent", "per", "tons", "tonnes", "vehicles", "tanks", "villages",
        "settlements", "regions", "cities", "towns", "districts", "shots", "rounds", "bombs", "mines", "projectiles", "munitions", "fire", "missions",
        "sorties", "positions", "posts", "depots", "aircraft", "planes", "helicopters", "boats", "ships", "artillery", "launchers", "systems", "units", "pieces",
        "minutes", "seconds", "metres", "meters", "feet", "hectares", "dollars", "euros", "head", "livestock", "cattle", "cars", "trucks", "apartments", "floors",
        "storeys", "stories", "objects", "targets", "sites", "facilities", "schools", "hospitals", "shops", "incidents", "cases", "locations", "areas", "directions",
        "occasions", "attempts", "waves", "salvos", "explosions", "blasts", "year", "hour", "day", "week", "month", "communities", "hromadas",
        "localities", "municipalities", "neighbourhoods", "neighborhoods", "streets", "blocks", "regions", "oblasts", "provinces", "raions");

    /// <summary>Words that may stand between a transitive casualty verb and its count: "killed at least 14", "wounded some 30".</summary>
    public static readonly WordSet CountLead = new(
        "also", "another", "some", "at", "least", "more", "than", "over", "up", "to", "nearly", "almost", "about", "around", "roughly", "approximately",
        "an", "estimated", "as", "many", "no", "fewer", "less", "close", "reportedly", "dead", "down", "of", "the");

    /// <summary>Casualty words that need a military object to count as killed ("destroyed 20 soldiers").</summary>
    public static readonly WordSet NeedsPersonObject = new("destroyed", "eliminated", "liquidated", "neutralized", "neutralised");

    public static readonly WordSet Auxiliaries = new("was", "were", "been", "be", "is", "are", "being", "got", "get");

    public static readonly WordSet SpeechVerbs = new(
        "said", "says", "say", "reported", "reports", "report", "claimed", "claims", "announced", "announces", "told", "tells", "stated", "states",
        "confirmed", "confirms", "added", "noted", "wrote", "writes", "according");

    public static readonly WordSet Locatives = new(
        "in", "on", "at", "near", "of", "over", "into", "onto", "across", "toward", "towards", "around", "outside", "inside",
        "shelled", "hit", "attacked", "struck", "bombed", "targeted", "shell", "attack", "strike", "hitting", "shelling", "striking", "pounded", "targeting", "to", "against", "within");

    /// <summary>Words between a locative and the place name: "in the city of", "on the center of".</summary>
    public static readonly WordSet PlaceIntro = new(
        "the", "city", "town", "village", "settlement", "capital", "of", "center", "centre", "outskirts", "suburbs", "suburb", "area", "district",
        "private", "sector", "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern", "eastern", "western",
        "north", "south", "east", "west", "central", "frontline", "front-line", "regional", "port", "occupied", "urban-type", "small", "industrial",
        "residential", "areas", "cities", "towns", "villages", "and", "a", "an", "neighbourhood", "neighborhood", "downtown", "heart", "part", "parts", "districts",
        "settlements", "border");

    public static readonly WordSet People = new(
        "people", "persons", "person", "civilians", "civilian", "residents", "resident", "inhabitants", "men", "women", "man", "woman", "children",
        "child", "kids", "kid", "girl", "girls", "boy", "boys", "teenager", "teenagers", "teen", "baby", "infant", "soldiers", "soldier", "servicemen",
        "serviceman", "troops", "militants", "fighters", "fighter", "invaders", "mercenaries", "occupiers", "personnel", "policemen", "police", "officers",
        "officer", "others", "more", "rescuers", "rescuer", "workers", "worker", "passengers", "passenger", "pilgrims", "villagers", "students", "pupils",
        "protesters", "prisoners", "prisoner", "members", "guards", "volunteers", "journalists", "journalist", "doctors", "medics", "nationals", "victims",
        "citizens", "individuals", "family", "families", "relatives", "farmers", "shepherds", "herders", "miners", "driver", "drivers", "staff", "employees",
        "wounded", "dead", "peacekeepers", "militiamen", "gunmen", "insurgents", "rebels", "jihadists", "terrorists", "combatants", "recruits", "cadets",
        "veteran", "veterans", "elderly", "pensioner", "pensioners", "lives", "worshippers", "shoppers", "patients", "fishermen", "traders", "officials",
        "official", "leader", "leaders", "commander", "commanders", "member", "guard", "policeman", "militant", "gunman", "insurgent", "rebel", "daughter",
        "son", "father", "mother", "husband", "wife", "brother", "sister", "grandmother", "grandfather", "mayor", "priest", "journalist", "student", "farmer",
        "teacher", "teachers", "nurse", "doctor", "wounded", "ones", "foreigners", "tourists", "refugees", "migrants", "soldiers", "servicemembers",
        "marines", "paratroopers", "sailors", "airmen", "guardsmen", "deputy", "activist", "activists", "opponents", "supporters", "relative", "neighbour",
        "neighbor", "neighbors", "neighbours", "youth", "youths", "toddler", "infants", "babies", "minors", "minor", "adults", "adult", "body");

    public static readonly WordSet Civilian = new(
        "civilians", "civilian", "residents", "resident", "inhabitants", "villagers", "passengers", "pilgrims", "worshippers", "shoppers", "citizens", "farmers",
        "shepherds", "herders", "pensioners", "pensioner", "students", "pupils", "patients", "refugees", "migrants", "tourists", "fishermen", "traders");

    public static readonly WordSet Child = new(
        "children", "child", "kids", "kid", "girl", "girls", "boy", "boys", "teenager", "teenagers", "teen", "baby", "babies", "infant", "infants",
        "minors", "minor", "toddler", "schoolchildren", "schoolboy", "schoolgirl", "son", "daughter");

    public static readonly WordSet Military = new(
        "soldiers", "soldier", "servicemen", "serviceman", "troops", "militants", "militant", "fighters", "fighter", "invaders", "mercenaries", "occupiers",
        "personnel", "policemen", "policeman", "police", "marines", "paratroopers", "sailors", "airmen", "guardsmen", "peacekeepers", "militiamen",
        "gunmen", "gunman", "insurgents", "insurgent", "rebels", "rebel", "jihadists", "terrorists", "combatants", "recruits", "cadets", "servicemembers",
        "commanders", "commander", "officers", "guards", "military", "army", "nationalists", "units");

    /// <summary>Singular person nouns that make "a man was killed" a count of one.</summary>
    public static readonly WordSet SingularPerson = new(
        "person", "man", "woman", "child", "girl", "boy", "teenager", "teen", "baby", "infant", "civilian", "resident", "soldier", "serviceman", "policeman",
        "officer", "driver", "worker", "passenger", "student", "farmer", "teacher", "nurse", "doctor", "journalist", "priest", "mayor", "official", "member",
        "guard", "militant", "gunman", "insurgent", "rebel", "fighter", "pensioner", "volunteer", "rescuer", "prisoner", "employee", "toddler", "minor",
        "resident", "victim", "villager", "shepherd", "herder", "fisherman", "trader", "leader", "commander", "deputy", "activist", "elder", "relative",
        "neighbour", "neighbor", "youth", "father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "grandmother", "grandfather",
        "singer", "devotee", "hostage", "colleague", "friend", "occupant", "spokesman", "politician", "elder", "businessman", "lawyer", "judge", "chief", "cleric", "imam", "student", "pupil", "medic", "paramedic", "security", "pilot", "tourist");

    /// <summary>Words that start a new clause for a leftward count search.</summary>
    public static readonly WordSet ClauseBreak = new("and", "while", "but", "after", "when", "as", "since", "whereas", "which", "who", "whom", "that", "because");

    /// <summary>Perpetrators: coders do not count them among the victims ("six attackers were gunned down").</summary>
    public static readonly WordSet Perpetrators = new(
        "attackers", "attacker", "bombers", "bomber", "assailants", "assailant", "gunmen", "hostage-takers", "perpetrators", "kidnappers", "shooters", "raiders");

    /// <summary>Participles that report rather than attribute: "confirmed dead", "reported killed", "feared killed".</summary>
    public static readonly WordSet ReportParticiples = new("confirmed", "reported", "feared", "believed", "presumed", "reportedly", "said");

    /// <summary>Words after which a count is a subset of a count before it.</summary>
    public static readonly WordSet Including = new("including", "among", "includes", "include", "incl");

    public static readonly WordSet TollWords = new("toll", "number", "count", "tally");

    public static readonly WordSet RiseVerbs = new("rose", "rises", "risen", "rise", "increased", "increases", "increase", "climbed", "climbs", "reached", "reaches", "jumped", "grew", "grown", "up", "mounted", "soared");

    /// <summary>Attackers by phrase head. Key: a word; value: ISO country.</summary>
    public static readonly WordMap<string> AttackerWords = new(new Dictionary<string, string>
    {
        ["russians"] = "RU", ["russia"] = "RU", ["russian"] = "RU", ["enemy"] = "RU", ["invaders"] = "RU", ["occupiers"] = "RU", ["rf"] = "RU",
        ["racists"] = "RU", ["orcs"] = "RU", ["kremlin"] = "RU", ["moscow"] = "RU", ["rashists"] = "RU",
        ["ukrainian"] = "UA", ["ukraine"] = "UA", ["ukrainians"] = "UA", ["afu"] = "UA", ["apu"] = "UA", ["uaf"] = "UA", ["zsu"] = "UA", ["kyiv"] = "UA", ["kiev"] = "UA",
        ["israel"] = "IL", ["israeli"] = "IL", ["idf"] = "IL", ["israelis"] = "IL",
        ["syrian"] = "SY", ["assad"] = "SY", ["saudi"] = "SA", ["saudi-led"] = "SA", ["turkish"] = "TR", ["turkey"] = "TR", ["iranian"] = "IR", ["iran"] = "IR",
        ["american"] = "US", ["u.s."] = "US", ["us-led"] = "US", ["u.s.-led"] = "US", ["pakistani"] = "PK", ["afghan"] = "AF", ["iraqi"] = "IQ", ["nigerian"] = "NG",
        ["sudanese"] = "SD", ["ethiopian"] = "ET", ["azerbaijani"] = "AZ", ["armenian"] = "AM", ["houthi"] = "YE", ["houthis"] = "YE", ["hezbollah"] = "LB",
        ["hamas"] = "PS", ["rsf"] = "SD", ["saf"] = "SD", ["sudanese"] = "SD", ["palestinian"] = "PS", ["lebanese"] = "LB", ["yemeni"] = "YE",
    });

    /// <summary>Words after an attacker adjective that make it an agent: "Russian forces", "Ukrainian shelling".</summary>
    public static readonly WordSet AgentHeads = new(
        "forces", "force", "troops", "military", "army", "armed", "shelling", "strike", "strikes", "attack", "attacks", "missile", "missiles", "drone", "drones",
        "artillery", "aviation", "aircraft", "jets", "warplanes", "bombers", "side", "federation", "servicemen", "invaders", "occupiers", "defense", "defence",
        "rocket", "rockets", "fire", "shells", "air", "navy", "gunners", "units", "formations", "militants", "security", "command", "bombing", "bombardment",
        "helicopters", "planes", "airstrike", "airstrikes", "raid", "raids", "offensive", "assault", "occupation", "regime", "government",
        "bomb", "bombs", "shell", "mortar", "mortars", "howitzer", "howitzers", "warplane", "jet", "fighters", "militants", "gunmen", "rebels", "paramilitaries");

    /// <summary>Words after a place that make it an institution's name, not a scene: "the Dnipropetrovsk regional administration".</summary>
    public static readonly WordSet InstitutionHeads = new(
        "regional", "administration", "governor", "authorities", "police", "officials", "mayor", "council", "prosecutor", "prosecutors");

    /// <summary>Verbs after a side that make it the losing or defending side, not the attacker: "Ukrainian forces repelled an attack".</summary>
    public static readonly WordSet NonAttackerVerbs = new(
        "lost", "suffered", "repelled", "repulsed", "intercepted", "downed", "defended", "held");

    /// <summary>Words after an attacker adjective that make it a victim: "Ukrainian soldiers".</summary>
    public static readonly WordSet VictimHeads = new(
        "soldiers", "soldier", "civilians", "civilian", "servicemen", "serviceman", "people", "citizens", "children", "prisoners", "positions", "cities", "city", "towns", "territory", "regions", "region", "village", "villages", "border", "side");

    public static readonly WordMap<TargetCategory> Targets = new(new Dictionary<string, TargetCategory>
    {
        ["refinery"] = TargetCategory.Energy, ["power"] = TargetCategory.Energy, ["substation"] = TargetCategory.Energy, ["thermal"] = TargetCategory.Energy,
        ["energy"] = TargetCategory.Energy, ["oil"] = TargetCategory.Energy, ["fuel"] = TargetCategory.Energy, ["gas"] = TargetCategory.Energy, ["depot"] = TargetCategory.Military,
        ["airfield"] = TargetCategory.Military, ["airbase"] = TargetCategory.Military, ["base"] = TargetCategory.Military, ["barracks"] = TargetCategory.Military,
        ["positions"] = TargetCategory.Military, ["command"] = TargetCategory.Military, ["checkpoint"] = TargetCategory.Military, ["ammunition"] = TargetCategory.Military,
        ["apartment"] = TargetCategory.Residential, ["residential"] = TargetCategory.Residential, ["house"] = TargetCategory.Residential, ["houses"] = TargetCategory.Residential,
        ["home"] = TargetCategory.Residential, ["homes"] = TargetCategory.Residential, ["building"] = TargetCategory.Residential, ["high-rise"] = TargetCategory.Residential,
        ["dormitory"] = TargetCategory.Residential, ["private"] = TargetCategory.Residential,
        ["port"] = TargetCategory.Transport, ["railway"] = TargetCategory.Transport, ["railroad"] = TargetCategory.Transport, ["station"] = TargetCategory.Transport,
        ["bridge"] = TargetCategory.Transport, ["airport"] = TargetCategory.Transport, ["crossing"] = TargetCategory.Transport, ["train"] = TargetCategory.Transport, ["bus"] = TargetCategory.Transport,
        ["hospital"] = TargetCategory.CivilianInfrastructure, ["school"] = TargetCategory.CivilianInfrastructure, ["market"] = TargetCategory.CivilianInfrastructure,
        ["kindergarten"] = TargetCategory.CivilianInfrastructure, ["church"] = TargetCategory.CivilianInfrastructure, ["mosque"] = TargetCategory.CivilianInfrastructure,
        ["infrastructure"] = TargetCategory.CivilianInfrastructure, ["hotel"] = TargetCategory.CivilianInfrastructure, ["shop"] = TargetCategory.CivilianInfrastructure,
        ["supermarket"] = TargetCategory.CivilianInfrastructure, ["university"] = TargetCategory.CivilianInfrastructure, ["colony"] = TargetCategory.Government,
        ["factory"] = TargetCategory.Industrial, ["plant"] = TargetCategory.Industrial, ["enterprise"] = TargetCategory.Industrial, ["warehouse"] = TargetCategory.Industrial,
        ["administration"] = TargetCategory.Government, ["ministry"] = TargetCategory.Government, ["parliament"] = TargetCategory.Government, ["council"] = TargetCategory.Government,
    });

    /// <summary>Generic weapon words and the category they set on a strike.</summary>
    public static readonly WordMap<WeaponCategory> GenericWeapons = new(new Dictionary<string, WeaponCategory>
    {
        ["shelling"] = WeaponCategory.Artillery, ["shelled"] = WeaponCategory.Artillery, ["shell"] = WeaponCategory.Artillery, ["shells"] = WeaponCategory.Artillery,
        ["shellings"] = WeaponCategory.Artillery, ["artillery"] = WeaponCategory.Artillery, ["mortar"] = WeaponCategory.Artillery, ["mortars"] = WeaponCategory.Artillery,
        ["howitzer"] = WeaponCategory.Artillery, ["howitzers"] = WeaponCategory.Artillery, ["cannon"] = WeaponCategory.Artillery,
        ["drone"] = WeaponCategory.AttackDrone, ["drones"] = WeaponCategory.AttackDrone, ["uav"] = WeaponCategory.AttackDrone, ["uavs"] = WeaponCategory.AttackDrone,
        ["kamikaze"] = WeaponCategory.AttackDrone, ["mlrs"] = WeaponCategory.RocketArtillery, ["rockets"] = WeaponCategory.RocketArtillery,
        ["airstrike"] = WeaponCategory.Aircraft, ["airstrikes"] = WeaponCategory.Aircraft, ["warplanes"] = WeaponCategory.Aircraft, ["jets"] = WeaponCategory.Aircraft,
        ["helicopters"] = WeaponCategory.Aircraft, ["helicopter"] = WeaponCategory.Aircraft, ["aviation"] = WeaponCategory.Aircraft,
    });
}
