using System.Collections.Frozen;

namespace ConflictExtract.Languages;

/// <summary>A named word list of a language's data: the file and section it comes from, and its words.</summary>
/// <param name="File">The data file, e.g. <c>tokens.txt</c>.</param>
/// <param name="Section">The list's name in the file, e.g. <c>abbreviations</c>.</param>
/// <param name="Words">The words, compared as the code that reads the list compares them.</param>
internal sealed record WordList(string File, string Section, FrozenSet<string> Words);

/// <summary>
/// The closed word lists of one language read below the record layer: the tokenizer's abbreviations and top-level
/// domains (<c>tokens.txt</c>), the sentence splitter's lists (<c>sentences.txt</c>), the tagger's word classes
/// (<c>tagger-words.txt</c>) and the words the weapon finder reads around an alias (<c>weapon-context.txt</c>).
/// Loaded once from the language folder's files (embedded in the package), each a set of named lists; immutable and
/// safe to share between threads.
/// </summary>
/// <remarks>
/// A file is lines of words under "[name]" headers ("#" starts a comment line). Each property below names its file and
/// section and says how its words are compared; the comparison is the one its reader has always used, so moving a list
/// here changes nothing. A second language is a second folder with the same files.
/// </remarks>
internal sealed class TextWords
{
    private static readonly Lazy<TextWords> EnglishWords = new(() => Load("English"), LazyThreadSafetyMode.ExecutionAndPublication);

    private const string TokenFile = "tokens.txt";
    private const string SentenceFile = "sentences.txt";
    private const string TaggerFile = "tagger-words.txt";
    private const string WeaponFile = "weapon-context.txt";

    private static readonly StringComparer Exact = StringComparer.Ordinal;
    private static readonly StringComparer AnyCase = StringComparer.OrdinalIgnoreCase;

    private TextWords(string name, Sections data)
    {
        Name = name;
        Abbreviations = data.Take(TokenFile, "abbreviations", Exact);
        TopLevelDomains = data.Take(TokenFile, "domains", Exact);
        SentenceEndAbbreviations = data.Take(SentenceFile, "sentence-end-abbreviations", Exact);
        SentenceStarters = data.Take(SentenceFile, "sentence-starters", Exact);
        LineEndFunctionWords = data.Take(SentenceFile, "line-end-function-words", Exact);
        Nationalities = data.Take(TaggerFile, "nationalities", AnyCase);
        OrganisationHeads = data.Take(TaggerFile, "organisation-heads", AnyCase);
        OrganisationNames = data.Take(TaggerFile, "organisation-names", AnyCase);
        Titles = data.Take(TaggerFile, "titles", AnyCase);
        FirstNames = data.Take(TaggerFile, "first-names", AnyCase);
        WeaponCues = data.Take(TaggerFile, "weapon-cues", AnyCase);
        Locatives = data.Take(TaggerFile, "locatives", AnyCase);
        PlaceNouns = data.Take(TaggerFile, "place-nouns", AnyCase);
        Months = data.Take(TaggerFile, "months", AnyCase);
        SpeechVerbs = data.Take(TaggerFile, "speech-verbs", AnyCase);
        FunctionWords = data.Take(TaggerFile, "function-words", AnyCase);
        WeaponContext = data.Take(WeaponFile, "weapon-context", AnyCase);
        BlockingNext = data.Take(WeaponFile, "blocking-next", AnyCase);
        BlockingPrevious = data.Take(WeaponFile, "blocking-previous", AnyCase);
        DesignationSuffixes = data.Take(WeaponFile, "designation-suffixes", AnyCase);
        Lists = data.Taken;
    }

    /// <summary>English, from <c>Languages/English/</c>.</summary>
    public static TextWords English => EnglishWords.Value;

    /// <summary>The language's folder name.</summary>
    public string Name { get; }

    /// <summary>Every list, in the order of the properties (for tests and tools).</summary>
    public IReadOnlyList<WordList> Lists { get; }

    /// <summary>Abbreviations that keep their full stop, written without it ("Dec", "Gen", "etc"); case-sensitive.</summary>
    public FrozenSet<string> Abbreviations { get; }

    /// <summary>Top-level domains that make a bare host name a URL ("org"); lower case, case-sensitive.</summary>
    public FrozenSet<string> TopLevelDomains { get; }

    /// <summary>Abbreviations whose stop may also end a sentence ("Ltd", "etc"), without the stop; case-sensitive.</summary>
    public FrozenSet<string> SentenceEndAbbreviations { get; }

    /// <summary>Capitalised closed-class words that begin a sentence and are not names ("The", "However"); case-sensitive.</summary>
    public FrozenSet<string> SentenceStarters { get; }

    /// <summary>Function words that, ending a line, say the text goes on ("the", "of"); case-sensitive.</summary>
    public FrozenSet<string> LineEndFunctionWords { get; }

    /// <summary>Nationality and group words ("Russian", "Houthi"): the tagger's Norp class; any case.</summary>
    public FrozenSet<string> Nationalities { get; }

    /// <summary>Head nouns of organisation names ("Ministry", "Brigade"); any case.</summary>
    public FrozenSet<string> OrganisationHeads { get; }

    /// <summary>Organisations known by name or initials ("OSCE", "NATO"); any case (the training rules also compare exactly).</summary>
    public FrozenSet<string> OrganisationNames { get; }

    /// <summary>Titles and ranks before a name ("President", "Gen."); any case.</summary>
    public FrozenSet<string> Titles { get; }

    /// <summary>Given names ("Volodymyr", "Olena"); any case.</summary>
    public FrozenSet<string> FirstNames { get; }

    /// <summary>Words naming or describing a weapon ("missile", "cruise"): the tagger's WeaponCue class; any case.</summary>
    public FrozenSet<string> WeaponCues { get; }

    /// <summary>Words before or around a place name ("in", "near", "outskirts"); any case.</summary>
    public FrozenSet<string> Locatives { get; }

    /// <summary>Nouns naming a kind of place ("village", "oblast"); any case.</summary>
    public FrozenSet<string> PlaceNouns { get; }

    /// <summary>Month and weekday names and month abbreviations with their stop ("March", "Dec.", "Friday"); any case.</summary>
    public FrozenSet<string> Months { get; }

    /// <summary>Verbs and words of reporting ("said", "according"); any case.</summary>
    public FrozenSet<string> SpeechVerbs { get; }

    /// <summary>Closed-class function words the tagger reads ("the", "of"); any case.</summary>
    public FrozenSet<string> FunctionWords { get; }

    /// <summary>Weapon words that make an ambiguous alias a weapon when one is near it ("launcher", "fired"); any case.</summary>
    public FrozenSet<string> WeaponContext { get; }

    /// <summary>Words after an ambiguous alias that make it the name of something else ("Force", "Day", "said"); any case.</summary>
    public FrozenSet<string> BlockingNext { get; }

    /// <summary>Words before an ambiguous alias that make it a person's or a storm's name ("Abu", "Mr", "Storm"); any case.</summary>
    public FrozenSet<string> BlockingPrevious { get; }

    /// <summary>Parts after a hyphen that still name the designation before it ("type" of "Shahed-type"); any case.</summary>
    public FrozenSet<string> DesignationSuffixes { get; }

    /// <summary>Loads the language folder <paramref name="name"/> from the package's resources.</summary>
    /// <exception cref="InvalidDataException">A file or list is missing or malformed; the message names the file and line.</exception>
    public static TextWords Load(string name)
    {
        var data = new Sections(name, file => Read(name, file));
        var words = new TextWords(name, data);
        data.CheckAllTaken();
        return words;
    }

    /// <summary>
    /// The named lists of one file: each "[name]" line starts a list and the words of the lines after it are its words.
    /// </summary>
    /// <exception cref="InvalidDataException">Words before the first list, an empty or malformed list name, or a list named twice.</exception>
    internal static Dictionary<string, List<(string Word, string At)>> Parse(TextReader reader, string file)
    {
        var lists = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        List<(string, string)>? current = null;
        int n = 0;
        while (reader.ReadLine() is { } raw)
        {
            n++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string at = $"{file}:{n}";
            if (line[0] == '[')
            {
                string section = line.Length > 2 && line[^1] == ']' ? line[1..^1].Trim() : "";
                if (section.Length == 0 || section.Contains(' ')) throw new InvalidDataException($"{at}: expected \"[name]\"");
                if (lists.ContainsKey(section)) throw new InvalidDataException($"{at}: the list [{section}] is named twice");
                lists[section] = current = [];
                continue;
            }
            if (current is null) throw new InvalidDataException($"{at}: words before the first \"[name]\" line");
            foreach (var w in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)) current.Add((w, at));
        }
        return lists;
    }

    private static Dictionary<string, List<(string Word, string At)>> Read(string language, string file)
    {
        var asm = typeof(TextWords).Assembly;
        string resource = $"ConflictExtract.Languages.{language}.{file}";
        string? found = Array.Find(asm.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == resource);
        using var stream = (found is null ? null : asm.GetManifestResourceStream(found))
            ?? throw new InvalidDataException($"the language data {language}/{file} is missing from the package");
        using var reader = new StreamReader(stream);
        return Parse(reader, $"{language}/{file}");
    }

    /// <summary>The parsed files of one language, read on first use; each list is taken once, as a frozen set.</summary>
    private sealed class Sections(string language, Func<string, Dictionary<string, List<(string Word, string At)>>> read)
    {
        private readonly Dictionary<string, Dictionary<string, List<(string Word, string At)>>> _files = new(StringComparer.Ordinal);

        public List<WordList> Taken { get; } = [];

        /// <summary>The list <paramref name="section"/> of <paramref name="file"/>, compared with <paramref name="comparer"/>.</summary>
        /// <exception cref="InvalidDataException">The list is missing, empty, or has a word twice (under the comparer).</exception>
        public FrozenSet<string> Take(string file, string section, StringComparer comparer)
        {
            if (!_files.TryGetValue(file, out var lists)) _files[file] = lists = read(file);
            if (!lists.Remove(section, out var words) || words.Count == 0)
                throw new InvalidDataException($"{language}/{file}: the list [{section}] is missing or empty");
            var seen = new HashSet<string>(comparer);
            foreach (var (w, at) in words)
                if (!seen.Add(w)) throw new InvalidDataException($"{at}: \"{w}\" is already in [{section}]");
            var set = seen.ToFrozenSet(comparer);
            Taken.Add(new WordList(file, section, set));
            return set;
        }

        /// <summary>Every list of every file read has been taken: a list no code reads is a typo in its name.</summary>
        public void CheckAllTaken()
        {
            foreach (var (file, lists) in _files)
            {
                if (lists.Count > 0)
                    throw new InvalidDataException($"{language}/{file}: no code reads the list [{lists.Keys.First()}]");
            }
        }
    }
}
