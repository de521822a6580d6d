namespace ConflictExtract.Tagging;

/// <summary>Word classes the tagger uses as features (several may apply to one word).</summary>
[Flags]
internal enum WordClass : ushort
{
    None = 0,
    Norp = 1,          // Russian, Ukrainians, Israeli
    OrgHead = 2,       // Ministry, Forces, Brigade
    OrgName = 4,       // OSCE, NATO, SBU
    Title = 8,         // President, Gen., Minister
    FirstName = 16,    // Volodymyr, Sergei
    WeaponCue = 32,    // missile, drone, howitzer
    Locative = 64,     // in, near, outside
    PlaceNoun = 128,   // village, town, region
    Month = 256,       // January, Jan.
    Speech = 512,      // said, says, told
    Function = 1024,   // the, a, of, and
}

/// <summary>Small closed word lists; case-insensitive lookups over spans, no allocation.</summary>
internal static class TaggerLexicon
{
    internal static readonly string[] NorpWords =
    [
        "Russian", "Russians", "Ukrainian", "Ukrainians", "American", "Americans", "British", "Briton", "Britons",
        "French", "German", "Germans", "Polish", "Pole", "Poles", "Belarusian", "Belarusians", "Belarussian",
        "Georgian", "Georgians", "Chechen", "Chechens", "Crimean", "Tatar", "Tatars", "Israeli", "Israelis",
        "Palestinian", "Palestinians", "Iranian", "Iranians", "Syrian", "Syrians", "Turkish", "Turk", "Turks",
        "Chinese", "Korean", "Koreans", "Japanese", "Indian", "Pakistani", "Afghan", "Afghans", "Iraqi", "Iraqis",
        "Lebanese", "Yemeni", "Yemenis", "Saudi", "Saudis", "Emirati", "Egyptian", "Libyan", "Sudanese", "Kurdish",
        "Kurd", "Kurds", "Armenian", "Armenians", "Azerbaijani", "Azeri", "Moldovan", "Romanian", "Hungarian",
        "Slovak", "Czech", "Lithuanian", "Latvian", "Estonian", "Finnish", "Swedish", "Norwegian", "Danish", "Dutch",
        "Belgian", "Swiss", "Austrian", "Italian", "Spanish", "Portuguese", "Greek", "Bulgarian", "Serbian", "Serb",
        "Serbs", "Croatian", "Bosnian", "Canadian", "Canadians", "Australian", "Mexican", "Brazilian", "European",
        "Europeans", "Western", "Soviet", "Kazakh", "Uzbek", "Tajik", "Kyrgyz", "Mongolian", "Vietnamese", "Thai",
        "Filipino", "Indonesian", "Malaysian", "Nigerian", "Ethiopian", "Somali", "Eritrean", "Malian", "Congolese",
        "Jewish", "Muslim", "Muslims", "Christian", "Christians", "Orthodox", "Catholic", "Sunni", "Shia", "Shiite",
        "Houthi", "Houthis", "Taliban", "Hutsul", "Cossack", "Cossacks", "Slav", "Slavic", "Arab", "Arabs",
    ];

    internal static readonly string[] OrgHeads =
    [
        "Ministry", "Forces", "Force", "Army", "Service", "Council", "Committee", "Headquarters", "Agency", "Brigade",
        "Battalion", "Police", "Guard", "Command", "Office", "Mission", "Corps", "Regiment", "Division", "Navy",
        "Directorate", "Department", "Parliament", "Rada", "Duma", "Kremlin", "Pentagon", "Militia", "Republic",
        "Organization", "Organisation", "Commission", "Union", "Party", "Group", "Center", "Centre", "Bureau",
        "Inspectorate", "Prosecutor", "HQ", "Court", "Administration", "Staff", "Fleet", "Company", "Unit", "Detachment",
    ];

    internal static readonly string[] OrgNames =
    [
        "OSCE", "NATO", "UN", "SBU", "SMM", "EU", "ATO", "JFO", "JCCC", "ICRC", "UNHCR", "OHCHR", "UNICEF", "IAEA", "HRW",
        "Amnesty", "Reuters", "AFP", "TASS", "Interfax", "RIA", "Ukrinform", "UNIAN", "DPR", "LPR", "DNR", "LNR", "FSB",
        "GRU", "SVR", "MVD", "GUR", "HUR", "NABU", "Wagner", "Azov", "Aidar", "Dnipro-1", "Rosgvardia", "OCHA", "PGO",
        "Gazprom", "Naftogaz", "Ukrenergo", "Energoatom", "Rosatom", "Pentagon", "Kremlin", "Hamas", "Hezbollah", "IDF",
    ];

    internal static readonly string[] Titles =
    [
        "President", "Minister", "Premier", "Gen.", "General", "Mr.", "Mrs.", "Ms.", "Dr.", "Col.", "Colonel", "Lt.",
        "Lieutenant", "Maj.", "Major", "Capt.", "Captain", "Sgt.", "Sergeant", "Commander", "Chief", "Spokesman",
        "Spokeswoman", "spokesman", "spokeswoman", "Governor", "Gov.", "Mayor", "Ambassador", "Envoy", "Secretary",
        "Chancellor", "Senator", "Sen.", "Rep.", "Pope", "Patriarch", "Prosecutor-General", "Ombudsman", "Speaker",
        "leader", "Leader", "head", "Head", "Marshal", "Admiral", "Adm.", "Private", "Pvt.", "Cpl.", "Corporal",
    ];

    internal static readonly string[] FirstNames =
    [
        "Volodymyr", "Vladimir", "Oleksandr", "Olexander", "Alexander", "Aleksandr", "Alexei", "Alexey", "Oleksiy",
        "Sergei", "Sergey", "Serhiy", "Serhii", "Igor", "Ihor", "Denis", "Denys", "Andriy", "Andrii", "Andrei", "Andrey",
        "Viktor", "Victor", "Petro", "Pyotr", "Yuriy", "Yuri", "Yury", "Mykola", "Nikolai", "Dmytro", "Dmitry", "Dmitri",
        "Mykhailo", "Mikhail", "Vitaliy", "Vitaly", "Vitali", "Valeriy", "Valery", "Anatoliy", "Anatoly", "Oleg", "Oleh",
        "Roman", "Maksym", "Maxim", "Bohdan", "Taras", "Arsen", "Arseniy", "Arseny", "Yulia", "Yuliia", "Olena", "Elena",
        "Iryna", "Irina", "Natalia", "Natalya", "Tetiana", "Tatiana", "Svitlana", "Svetlana", "Oksana", "Olga", "Maria",
        "Anna", "Ivan", "Pavlo", "Pavel", "Yevhen", "Yevgeny", "Evgeny", "Vasyl", "Vasily", "Ruslan", "Eduard", "Leonid",
        "Boris", "Borys", "Konstantin", "Kostiantyn", "Stepan", "Hennadiy", "Gennady", "Vadym", "Vadim", "Volodymyr",
        "Joe", "Joseph", "John", "Barack", "Donald", "Hillary", "Angela", "Emmanuel", "Francois", "Boris", "Antony",
        "Lloyd", "Jens", "Ursula", "Frank-Walter", "Recep", "Ramzan", "Kurt", "Mike", "Michael", "David", "James",
        "Robert", "Ban", "Heorhiy", "Georgiy", "Georgy", "Hryhoriy", "Grigory", "Artem", "Artyom", "Kyrylo", "Kirill", "Nazar", "Vladyslav", "Vladislav", "Yaroslav", "Rostyslav", "Mykyta", "Nikita", "Danylo", "Oleksandra", "Ilya", "Illia", "Semen", "Semyon", "Fedir", "Fyodor", "Zakhar", "Arkadiy", "Mariia", "Kateryna", "Yevheniia", "Antonio", "Josep", "Olaf", "Rishi", "Justin", "Kamala", "Jake", "Ned", "Samantha", "Ertugrul",
    ];

    internal static readonly string[] WeaponCues =
    [
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "UAV", "UAVs", "howitzer", "howitzers", "tank",
        "tanks", "launcher", "launchers", "system", "systems", "mortar", "mortars", "gun", "guns", "rifle", "rifles",
        "grenade", "grenades", "jet", "jets", "fighter", "bomber", "bombers", "helicopter", "helicopters", "munition",
        "munitions", "shell", "shells", "bomb", "bombs", "warhead", "interceptor", "interceptors", "MLRS", "artillery",
        "cruise", "ballistic", "hypersonic", "kamikaze", "loitering", "anti-tank", "anti-aircraft", "air-defence",
        "air-defense", "vehicle", "vehicles", "APC", "IFV", "aircraft", "variant", "version", "model", "mine", "mines",
    ];

    internal static readonly string[] Locatives =
    [
        "in", "near", "at", "outside", "from", "to", "into", "across", "around", "towards", "toward", "of", "on",
        "inside", "between", "nearby", "along", "north", "south", "east", "west", "northeast", "northwest",
        "southeast", "southwest", "outskirts", "village", "town", "city",
    ];

    internal static readonly string[] PlaceNouns =
    [
        "village", "villages", "town", "towns", "city", "cities", "region", "regions", "oblast", "oblasts", "district",
        "districts", "raion", "settlement", "settlements", "province", "area", "outskirts", "suburb", "port", "airport",
        "river", "hamlet", "township", "community", "hromada", "republic",
    ];

    internal static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ];

    internal static readonly string[] SpeechWords =
    [
        "said", "says", "say", "told", "tells", "reported", "reports", "claims", "claimed", "announced", "stated",
        "according", "warned", "warns", "urges", "urged", "accused", "accuses",
    ];

    internal static readonly string[] FunctionWords =
    [
        "the", "a", "an", "and", "or", "of", "for", "by", "with", "as", "after", "before", "over", "under", "against",
        "amid", "during", "since", "while", "but", "not", "no", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "it", "its", "their", "his", "her", "this", "that", "these", "those", "who", "which", "up", "down", "out",
    ];

    private static readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> s_lookup = Build();

    private static Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var d = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Add(string[] words, WordClass c)
        {
            foreach (var w in words) d[w] = d.TryGetValue(w, out var old) ? old | c : c;
        }
        Add(NorpWords, WordClass.Norp);
        Add(OrgHeads, WordClass.OrgHead);
        Add(OrgNames, WordClass.OrgName);
        Add(Titles, WordClass.Title);
        Add(FirstNames, WordClass.FirstName);
        Add(WeaponCues, WordClass.WeaponCue);
        Add(Locatives, WordClass.Locative);
        Add(PlaceNouns, WordClass.PlaceNoun);
        Add(Months, WordClass.Month);
        Add(SpeechWords, WordClass.Speech);
        Add(FunctionWords, WordClass.Function);
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The classes of <paramref name="word"/> (case-insensitive).</summary>
    public static WordClass Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 40) return WordClass.None;
        return s_lookup.TryGetValue(word, out var c) ? c : WordClass.None;
    }
}
