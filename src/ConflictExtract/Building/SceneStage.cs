using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>Where and when one sentence's event happened, as the scene stage found it.</summary>
internal struct SentenceScene
{
    /// <summary>The places struck: <see cref="SentenceScenes.Places"/>[PlaceStart .. PlaceStart + PlaceCount), most specific only.</summary>
    public int PlaceStart, PlaceCount;
    /// <summary>The places fired from: <see cref="SentenceScenes.Launches"/>[LaunchStart .. LaunchStart + LaunchCount).</summary>
    public int LaunchStart, LaunchCount;
    /// <summary>The sentence's date, or the period of the sentence before when it continues that sentence's listing.</summary>
    public DateRange? Date;
    /// <summary>The sentence reports an attack: an attack word, or a casualty together with a weapon.</summary>
    public bool IsEvent;
    /// <summary>A launch verb ("fired", "launched") before the attribution cut.</summary>
    public bool LaunchVerb;
    /// <summary>The last place struck in the sentences before this one (null when none).</summary>
    public Location? PreviousPlace;
}

/// <summary>The scene stage's output: one scene per sentence and their places.</summary>
internal sealed class SentenceScenes : Scratch
{
    public SentenceScenes()
    {
        Scenes = NewList<SentenceScene>(64);
        Places = NewList<PlaceHit>(32);
        Launches = NewList<PlaceHit>(4);
    }

    public List<SentenceScene> Scenes { get; }
    public List<PlaceHit> Places { get; }
    public List<PlaceHit> Launches { get; }

    public SentenceScene this[int sentence] => Scenes[sentence];

    public ReadOnlySpan<PlaceHit> PlacesOf(int sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Places).Slice(Scenes[sentence].PlaceStart, Scenes[sentence].PlaceCount);

    public ReadOnlySpan<PlaceHit> LaunchesOf(int sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Launches).Slice(Scenes[sentence].LaunchStart, Scenes[sentence].LaunchCount);
}

/// <summary>
/// Scenes: for each sentence, the places that are the scene of its event (not a source, an institution, a reference
/// point or a region whose place is named too), the places fired from, its date, and whether it reports an event.
/// </summary>
internal sealed class SceneStage : IStage
{
    public string Name => StageNames.Scenes;

    public void Run(DocumentContext doc) => doc.Scratch<SceneRules>().Run(doc);
}

/// <summary>The scene stage's rules and per-document working sets.</summary>
internal sealed partial class SceneRules : Scratch
{
    /// <summary>How many words ("the city of", ",") may stand between a locative and its place.</summary>
    private const int LocativeWindow = 6;

    /// <summary>A reference point ("a village near Kyiv") is at most this many tokens after the place it locates.</summary>
    private const int ReferenceWindow = 8;

    /// <summary>A speech verb this close before a date makes it the date of the report ("officials said on Friday").</summary>
    private const int ReportDateWindow = 3;

    /// <summary>A dateline's place names ("KHARKIV, Ukraine,") take at most this many tokens before its date.</summary>
    private const int DatelineWords = 8;

    private DocumentAnalysis _a = null!;
    private ExtractionPipeline _pipeline = null!;
    private TimeWordTable _timeWords = null!;
    private readonly List<PlaceHit> _kept;
    private readonly HashSet<int> _acceptedEnds;
    private readonly List<PlaceHit> _specific;
    private readonly HashSet<(string, string?)> _seenPlaces;
    private readonly HashSet<string> _admin1WithPlaces;
    private readonly HashSet<string> _countriesWithPlaces;
    private readonly List<bool> _anchored;

    public SceneRules()
    {
        _kept = NewList<PlaceHit>();
        _acceptedEnds = NewSet<int>();
        _specific = NewList<PlaceHit>();
        _seenPlaces = NewSet<(string, string?)>();
        _admin1WithPlaces = NewSet<string>(StringComparer.Ordinal);
        _countriesWithPlaces = NewSet<string>(StringComparer.Ordinal);
        _anchored = NewList<bool>(64);
    }

    public override void Clear()
    {
        base.Clear();
        _a = null!;
        _pipeline = null!;
        _timeWords = null!;
    }

    public void Run(DocumentContext doc)
    {
        _a = doc.Analysis;
        _pipeline = doc.Pipeline;
        var frames = doc.Frames;
        var scenes = doc.Scenes;
        var casualties = doc.Records.Casualties;
        _timeWords = doc.Pipeline.Language.TimeWords;
        Location? lastPlace = null;
        DateRange? previousRange = null, carried = null;
        bool carriedWindow = false;
        int nextCasualty = 0;
        for (int si = 0; si < _a.Sentences.Length; si++)
        {
            var s = _a.Sentences[si];
            var f = frames[si];
            var scene = new SentenceScene { PreviousPlace = lastPlace, PlaceStart = scenes.Places.Count, LaunchStart = scenes.Launches.Count };
            ScenePlaces(s.FirstToken, f, frames.AgentsOf(si), scenes.Launches);
            AddRegionOfPlaceBefore(s.FirstToken, f.Cut, lastPlace);
            scenes.Places.AddRange(_kept);
            scene.PlaceCount = _kept.Count;
            scene.LaunchCount = scenes.Launches.Count - scene.LaunchStart;
            // A listing that continues a cumulative sentence ("between Dec. 30 and Feb. 7 ... 12 attacks. The areas struck
            // included ...") shares its period; a sentence with no date of its own is dated by the report's window or
            // the last event dated before it ("Over the past day, ... A man was wounded in Kupiansk.").
            var own = SentenceDate(s.FirstToken, f.Cut, carriedWindow, out bool isWindow);
            scene.Date = own ?? previousRange ?? carried;
            int hasCasualties = 0;
            while (nextCasualty < casualties.Count && casualties[nextCasualty].Sentence == si) { hasCasualties++; nextCasualty++; }
            scene.IsEvent = f.ExplicitTrigger || hasCasualties > 0 && f.WeaponWord;
            if (own is not null && (isWindow || scene.IsEvent)) (carried, carriedWindow) = (own, isWindow);
            _anchored.Add(hasCasualties > 0 || f.Cumulative); // a country struck here carries figures: it stays
            for (int i = s.FirstToken; i < f.Cut && !scene.LaunchVerb; i++) scene.LaunchVerb = _a.Has(i, Cue.LaunchVerb);
            previousRange = scene.IsEvent && scene.Date is { Precision: DatePrecision.Range } && f.Cumulative ? scene.Date : null;
            if (_kept.Count > 0) lastPlace = _kept[^1].Location;
            scenes.Scenes.Add(scene);
        }
        CoverAcrossSentences(scenes, _anchored);
    }

    /// <summary>
    /// The date of tokens [from, to): a window that corrects the recognizers' reading of its words, else the first
    /// recognized date that is neither a report's ("officials said on Friday") nor a dateline's ("KYIV, May 22 -"), else
    /// a window (<see cref="TimeWindows"/>); a part of the day gives way to a window the report opened before. Null when
    /// none: the caller then dates the sentence by the report's window.
    /// </summary>
    private DateRange? SentenceDate(int from, int to, bool windowCarried, out bool isWindow)
    {
        var window = _a.PublishedAt is { } pub ? TimeWindows.Find(_a, _timeWords, from, to, pub) : TimeWindow.None;
        isWindow = true;
        if (window.Strength == WindowStrength.Override) return window.Range;
        foreach (var d in _a.DatesIn(from, to))
        {
            if (d.End > to || d.Value is null || IsReportDate(d.First, from) || IsDateline(d, from)) continue;
            isWindow = d.Value.Precision == DatePrecision.Range && d.Value.End == _a.PublishedAt; // "in the past day", "since Dec. 30"
            return d.Value;
        }
        if (window.Strength == WindowStrength.Plain || window.Strength == WindowStrength.Weak && !windowCarried) return window.Range;
        isWindow = false;
        return null;
    }

    /// <summary>"…, officials said on Friday": a speech verb just before the date makes it the date of the report, not of the event.</summary>
    private bool IsReportDate(int first, int from)
    {
        for (int k = first - 1; k >= Math.Max(from, first - ReportDateWindow); k--)
            if (_a.Has(k, Cue.SpeechVerb)) return true;
        return false;
    }

    /// <summary>"KHARKIV, Ukraine, May 22 - ...", "Kyiv, March 5 (Reuters) -": a date after the opening place names and before a dash dates the dispatch.</summary>
    private bool IsDateline(DateHit d, int from)
    {
        if (d.First - from > DatelineWords) return false;
        for (int k = from; k < d.First; k++)
            if (!(_a.IsCapitalizedWord(k) || _a.IsPunct(k, ',') || _a.IsPunct(k, '(') || _a.IsPunct(k, ')'))) return false;
        int after = d.End;
        if (_a.IsPunct(after, '(') && _a.IsPunct(after + 2, ')')) after += 3; // "(Reuters)"
        return _a.IsDash(after);
    }
}
