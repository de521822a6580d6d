using System.Collections.Frozen;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;
using ConflictExtract.Serialization;
using ConflictExtract.Text;

namespace ConflictExtract.Languages;

/// <summary>
/// The words of one language, as the record layer reads them: the cue classes of every word, the target nouns, the
/// attack frames and the generic weapon phrases (the sides of a war are the actor catalogue's, not a language's). Loaded
/// once from a language folder's data files (embedded in the package); immutable and safe to share between threads.
/// </summary>
internal sealed partial class LanguagePack
{
    private static readonly Lazy<LanguagePack> EnglishPack = new(() => Load("English"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CueSet>.AlternateLookup<ReadOnlySpan<char>> _cues;
    private readonly (string Suffix, CueSet Cues)[] _suffixes;
    private readonly FrozenDictionary<string, TargetCategory>.AlternateLookup<ReadOnlySpan<char>> _targets;

    private LanguagePack(string name, Dictionary<string, CueSet> cues, List<(string, CueSet)> suffixes,
        Dictionary<string, TargetCategory> targets, AttackFrames frames, List<(string, WeaponCategory)> weaponWords)
    {
        Name = name;
        _cues = cues.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixes = [.. suffixes];
        _targets = targets.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Frames = frames;
        var phrases = new List<(string, WeaponCategory)>(weaponWords.Count * 2);
        phrases.AddRange(weaponWords);
        foreach (var (p, c) in weaponWords) phrases.Add((p + "s", c));
        WeaponWords = new PhraseMatcher<WeaponCategory>(phrases);
        Classes = cues.Values.Concat(suffixes.Select(x => x.Item2)).Aggregate(default(CueSet), (a, b) => a.Union(b));
    }

    /// <summary>English, from <c>Languages/English/</c>.</summary>
    public static LanguagePack English => EnglishPack.Value;

    /// <summary>The language's folder name.</summary>
    public string Name { get; }

    /// <summary>Every class some word of this language belongs to.</summary>
    public CueSet Classes { get; }

    /// <summary>Attack frames of several words or with a condition on their subject ("came under fire", "gunmen stormed").</summary>
    public AttackFrames Frames { get; }

    /// <summary>Generic weapon phrases ("ballistic missiles", "shelling") and the category each gives.</summary>
    public PhraseMatcher<WeaponCategory> WeaponWords { get; }

    /// <summary>The cue classes of one word (any case).</summary>
    public CueSet Classify(ReadOnlySpan<char> word)
    {
        _cues.TryGetValue(word, out var set);
        foreach (var (suffix, cues) in _suffixes)
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) set = set.Union(cues);
        return set;
    }

    /// <summary>Classifies every token of <paramref name="tokens"/> into <paramref name="cues"/> (one set per token).</summary>
    public void ClassifyAll(string text, ReadOnlySpan<Token> tokens, Span<CueSet> cues)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            cues[i] = t.Kind is TokenKind.Word or TokenKind.Punctuation ? Classify(t.Slice(text)) : default;
        }
    }

    /// <summary>The target category a noun gives a strike ("refinery": energy).</summary>
    public bool TryGetTarget(ReadOnlySpan<char> word, out TargetCategory category) => _targets.TryGetValue(word, out category);

    /// <summary>Loads the language folder <paramref name="name"/> from the package's resources.</summary>
    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names the file and line.</exception>
    public static LanguagePack Load(string name)
    {
        if (Enum.GetValues<Cue>().Length > CueSet.Capacity)
            throw new InvalidOperationException($"the Cue enum has more classes than a CueSet holds ({CueSet.Capacity})");
        var cues = new Dictionary<string, CueSet>(StringComparer.OrdinalIgnoreCase);
        var suffixes = new List<(string, CueSet)>();
        foreach (var (line, at) in Lines(name, "cues.txt"))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || !Enum.TryParse<Cue>(line[..colon].Trim(), out var cue))
                throw new InvalidDataException($"{at}: expected \"Class: words\" with a class of the Cue enum");
            foreach (var w in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (w.Length > 1 && w[0] == '*') { Add(suffixes, w[1..], cue); continue; }
                cues[w] = cues.GetValueOrDefault(w).With(cue);
            }
        }
        MarkTimeWords(name, cues);
        var targets = new Dictionary<string, TargetCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, at) in Lines(name, "targets.tsv"))
        {
            var f = Fields(line, 2, at);
            targets[f[0]] = ParseEnum<TargetCategory>(f[1], at);
        }
        var frames = AttackFrames.Parse(Lines(name, "frames.txt"));
        foreach (var w in frames.FirstWords) cues[w] = cues.GetValueOrDefault(w).With(Cue.FrameStart);
        var weaponWords = new List<(string, WeaponCategory)>();
        foreach (var (line, at) in Lines(name, "weapon-words.tsv"))
        {
            var f = Fields(line, 2, at);
            weaponWords.Add((f[0], ParseEnum<WeaponCategory>(f[1], at)));
        }
        return new LanguagePack(name, cues, suffixes, targets, frames, weaponWords);

        static void Add(List<(string, CueSet)> list, string suffix, Cue cue)
        {
            int i = list.FindIndex(x => x.Item1 == suffix);
            if (i < 0) list.Add((suffix, CueSet.Of(cue)));
            else list[i] = (suffix, list[i].Item2.With(cue));
        }
    }

    private static string[] Fields(string line, int count, string at)
    {
        var f = line.Split('\t');
        if (f.Length != count || f.Any(string.IsNullOrWhiteSpace))
            throw new InvalidDataException($"{at}: expected {count} tab-separated fields");
        return f;
    }

    /// <summary>A contract name ("civilian-infrastructure") or enum name ("Adjective", "adjective") as <typeparamref name="T"/>.</summary>
    private static T ParseEnum<T>(string s, string at) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            string n = v.ToString();
            if (s.Equals(n, StringComparison.OrdinalIgnoreCase) || s == ContractEnumConverter<T>.Kebab(n)) return v;
        }
        throw new InvalidDataException($"{at}: \"{s}\" is not a {typeof(T).Name}");
    }

    /// <summary>The non-blank, non-comment lines of one data file, with "file:line" for messages.</summary>
    private static IEnumerable<(string Line, string At)> Lines(string language, string file)
    {
        var asm = typeof(LanguagePack).Assembly;
        string resource = $"ConflictExtract.Languages.{language}.{file}";
        string? found = Array.Find(asm.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == resource);
        using var stream = (found is null ? null : asm.GetManifestResourceStream(found))
            ?? throw new InvalidDataException($"the language data {language}/{file} is missing from the package");
        using var reader = new StreamReader(stream);
        int n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            string t = line.TrimEnd();
            if (t.Length == 0 || t[0] == '#') continue;
            yield return (t, $"{language}/{file}:{n}");
        }
    }
}
