namespace ConflictExtract.Languages;

/// <summary>The word tables of a language beside its cue classes: the place finder's words and the words of time windows.</summary>
internal sealed partial class LanguagePack
{
    private PlaceWordTable? _placeWords;
    private TimeWordTable? _timeWords;

    /// <summary>The words the place finder reads (<c>place-words.txt</c>), loaded at first need.</summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed.</exception>
    public PlaceWordTable PlaceWords => _placeWords ?? Interlocked.CompareExchange(ref _placeWords, PlaceWordTable.Load(Lines(Name, "place-words.txt")), null) ?? _placeWords;

    /// <summary>The words of relative time windows (<c>time-words.txt</c>), loaded at first need; each is also of the cue class <see cref="Cue.TimeWord"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed.</exception>
    public TimeWordTable TimeWords => _timeWords ?? Interlocked.CompareExchange(ref _timeWords, TimeWordTable.Load(Lines(Name, "time-words.txt")), null) ?? _timeWords;

    /// <summary>Adds the cue class <see cref="Cue.TimeWord"/> to every word of <c>time-words.txt</c> (while <see cref="Load"/> reads the cues).</summary>
    private static void MarkTimeWords(string language, Dictionary<string, CueSet> cues)
    {
        foreach (var w in TimeWordTable.Load(Lines(language, "time-words.txt")).Words.Keys)
            cues[w] = cues.GetValueOrDefault(w).With(Cue.TimeWord);
    }
}
