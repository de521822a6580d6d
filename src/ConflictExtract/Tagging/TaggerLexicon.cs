using System.Collections.Frozen;
using ConflictExtract.Languages;

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

/// <summary>
/// The tagger's word classes, from the language's closed word lists (<c>Languages/English/tagger-words.txt</c>, one
/// list per class); case-insensitive lookups over spans, no allocation.
/// </summary>
internal static class TaggerLexicon
{
    /// <summary>Organisations known by name or initials (the <see cref="WordClass.OrgName"/> words).</summary>
    internal static FrozenSet<string> OrgNames => TextWords.English.OrganisationNames;

    private static readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> s_lookup = Build();

    private static Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var d = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> list, WordClass c)
        {
            foreach (var w in list) d[w] = d.TryGetValue(w, out var old) ? old | c : c;
        }
        var words = TextWords.English;
        Add(words.Nationalities, WordClass.Norp);
        Add(words.OrganisationHeads, WordClass.OrgHead);
        Add(words.OrganisationNames, WordClass.OrgName);
        Add(words.Titles, WordClass.Title);
        Add(words.FirstNames, WordClass.FirstName);
        Add(words.WeaponCues, WordClass.WeaponCue);
        Add(words.Locatives, WordClass.Locative);
        Add(words.PlaceNouns, WordClass.PlaceNoun);
        Add(words.Months, WordClass.Month);
        Add(words.SpeechVerbs, WordClass.Speech);
        Add(words.FunctionWords, WordClass.Function);
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The classes of <paramref name="word"/> (case-insensitive).</summary>
    public static WordClass Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 40) return WordClass.None;
        return s_lookup.TryGetValue(word, out var c) ? c : WordClass.None;
    }
}
