using System.Collections.Frozen;

namespace ConflictExtract.Languages;

/// <summary>The classes of the words of relative time windows (<c>time-words.txt</c>); a word is in one class.</summary>
internal enum TimeWord : byte
{
    None,
    /// <summary>"night": "during the night", "on the night of 14 March".</summary>
    Night,
    /// <summary>"overnight".</summary>
    Overnight,
    /// <summary>"tonight".</summary>
    Tonight,
    /// <summary>"day": "over the past day", "during the day", "18 times a day".</summary>
    Day,
    /// <summary>"days": "in two days", "over the past seven days".</summary>
    Days,
    /// <summary>"hours": "over the past 24 hours".</summary>
    Hours,
    /// <summary>"week": "for a week", "over the past week", "this week".</summary>
    Week,
    /// <summary>"weeks": "over the past two weeks".</summary>
    Weeks,
    /// <summary>"month": "since the start of the month", "this month".</summary>
    Month,
    /// <summary>"year": "since the beginning of the year".</summary>
    Year,
    /// <summary>"weekend": "over the weekend".</summary>
    Weekend,
    /// <summary>Parts of the day named without a date: "in the morning", "this evening".</summary>
    PartOfDay,
    /// <summary>The start of a period: "since the start of the month".</summary>
    PeriodStart,
    /// <summary>"this".</summary>
    This,
    /// <summary>"into": "the night into 15 March".</summary>
    Into,
    /// <summary>"before": "the day before yesterday".</summary>
    Before,
    /// <summary>"yesterday".</summary>
    Yesterday,
    /// <summary>Words that open a period besides the cue classes In, Over and During: "for a week", "within 24 hours".</summary>
    Lead,
}

/// <summary>
/// The words of relative time windows of one language (any case), loaded from <c>time-words.txt</c> (lines
/// "Class: word word ..."). Immutable and safe to share between threads.
/// </summary>
internal sealed class TimeWordTable
{
    private readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> _words;

    private TimeWordTable(Dictionary<string, TimeWord> words)
    {
        Words = words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _words = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every word and its class.</summary>
    public FrozenDictionary<string, TimeWord> Words { get; }

    /// <summary>The class of a word (any case).</summary>
    public TimeWord Of(ReadOnlySpan<char> word) => _words.TryGetValue(word, out var c) ? c : TimeWord.None;

    /// <summary>Reads the table from the lines of <c>time-words.txt</c>.</summary>
    /// <exception cref="InvalidDataException">A line names no class of <see cref="TimeWord"/>, or a word is listed twice; the message names the line.</exception>
    public static TimeWordTable Load(IEnumerable<(string Line, string At)> lines)
    {
        var words = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, at) in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || !Enum.TryParse<TimeWord>(line[..colon].Trim(), out var cls) || cls == TimeWord.None || !Enum.IsDefined(cls))
                throw new InvalidDataException($"{at}: expected \"Class: words\" with a class of the TimeWord enum");
            foreach (var w in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!words.TryAdd(w, cls)) throw new InvalidDataException($"{at}: \"{w}\" is listed twice");
        }
        return new TimeWordTable(words);
    }
}
