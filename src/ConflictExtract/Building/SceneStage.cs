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

    private DocumentAnalysis _a = null!;
    private ExtractionPipeline _pipeline = null!;
    private readonly List<PlaceHit> _kept;
    private readonly HashSet<int> _acceptedEnds;
    private readonly List<PlaceHit> _specific;
    private readonly HashSet<(string, string?)> _seenPlaces;
    private readonly HashSet<string> _admin1WithPlaces;
    private readonly HashSet<string> _countriesWithPlaces;

    public SceneRules()
    {
        _kept = NewList<PlaceHit>();
        _acceptedEnds = NewSet<int>();
        _specific = NewList<PlaceHit>();
        _seenPlaces = NewSet<(string, string?)>();
        _admin1WithPlaces = NewSet<string>(StringComparer.Ordinal);
        _countriesWithPlaces = NewSet<string>(StringComparer.Ordinal);
    }

    public override void Clear()
    {
        base.Clear();
        _a = null!;
        _pipeline = null!;
    }

    public void Run(DocumentContext doc)
    {
        _a = doc.Analysis;
        _pipeline = doc.Pipeline;
        var frames = doc.Frames;
        var scenes = doc.Scenes;
        var casualties = doc.Records.Casualties;
        Location? lastPlace = null;
        DateRange? previousRange = null;
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
            // included ...") shares its period.
            scene.Date = SentenceDate(s.FirstToken, f.Cut) ?? previousRange;
            int hasCasualties = 0;
            while (nextCasualty < casualties.Count && casualties[nextCasualty].Sentence == si) { hasCasualties++; nextCasualty++; }
            scene.IsEvent = f.ExplicitTrigger || hasCasualties > 0 && f.WeaponWord;
            for (int i = s.FirstToken; i < f.Cut && !scene.LaunchVerb; i++) scene.LaunchVerb = _a.Has(i, Cue.LaunchVerb);
            previousRange = scene.IsEvent && scene.Date is { Precision: DatePrecision.Range } && f.Cumulative ? scene.Date : null;
            if (_kept.Count > 0) lastPlace = _kept[^1].Location;
            scenes.Scenes.Add(scene);
        }
    }

    /// <summary>The places of tokens [from, cut) that are the scene of the event, into <see cref="_kept"/>; places fired from into <paramref name="launches"/>.</summary>
    private void ScenePlaces(int from, SentenceFrame f, ReadOnlySpan<Agent> agents, List<PlaceHit> launches)
    {
        int cut = f.Cut;
        _kept.Clear();
        _acceptedEnds.Clear();
        foreach (var p in _a.PlacesIn(from, cut))
        {
            if (p.End > cut || OverlapsAgent(agents, p.First, p.End) || IsSource(p.End)) continue;
            int before = p.First - 1;
            while (before >= from && (_a.Has(before, Cue.Article) || _a.Has(before, Cue.RegionNoun) || _a.Has(before, Cue.Of) && _a.Has(before - 1, Cue.RegionNoun))) before--;
            if (_a.Has(before, Cue.From))
            {
                launches.Add(p);
                continue;
            }
            // "the head of the Kharkiv regional administration", "Kherson police": an institution, not the scene.
            if (_a.Has(p.End, Cue.InstitutionHead) || _a.Has(p.End, Cue.MilitaryWord) && _a.Has(p.End + 1, Cue.AdministrationWord)) continue;
            // "Kharkiv residents": the place of the people named.
            bool ofPeople = _a.Has(p.End, Cue.Person);
            // The subject of a passive attack ("Derhachi was hit by ...", "X came under fire") is struck too (the frame stage).
            bool patient = p.First >= f.PatientFirst && p.End <= f.PatientEnd;
            if (!ofPeople && !patient && !IsLocativeBefore(p.First, from)) continue;
            // A country is struck "in/on/at" it, not "of" it ("the aggression of the Russian Federation").
            if (p.Location.Kind == PlaceKind.Country && (_a.Has(before, Cue.Of) || _a.Has(p.First - 1, Cue.Of))) continue;
            if (IsDistrictOfPlace(p)) continue;
            _kept.Add(p);
            _acceptedEnds.Add(p.End);
        }
        MostSpecific();
    }

    /// <summary>"Kharkiv said", "Kharkiv's governor said": the place names the source.</summary>
    private bool IsSource(int end) =>
        _a.Has(end, Cue.SpeechVerb) || _a.Has(end, Cue.Genitive) && _a.Has(end + 1, Cue.SpeechVerb);

    /// <summary>"the Kyivskyi district of Odesa": the city after "of" is the place; the district's end is accepted for lists.</summary>
    private bool IsDistrictOfPlace(PlaceHit p)
    {
        int after = p.End;
        if (_a.Has(after, Cue.DistrictNoun)) after++;
        int n = _a.Tokens.Length - 1;
        bool placeAfterOf = _a.Has(after, Cue.Of)
            && (_a.PlaceAt[Math.Min(after + 1, n)] >= 0 || _a.Has(after + 1, Cue.Article) && _a.PlaceAt[Math.Min(after + 2, n)] >= 0);
        if (!placeAfterOf || !(_a.Has(p.End - 1, Cue.DistrictNoun) || _a.Has(p.End, Cue.DistrictNoun))) return false;
        _acceptedEnds.Add(after);
        return true;
    }

    /// <summary>A locative before the place, over intro words ("in the city of"), or a list of places struck ("Izium and Kupiansk").</summary>
    private bool IsLocativeBefore(int first, int sentenceStart)
    {
        int k = first - 1;
        int skipped = 0;
        while (k >= sentenceStart && skipped < LocativeWindow)
        {
            if (_acceptedEnds.Contains(k + 1) && skipped > 0) return true; // a list: "Kupiansk and Izium", "Sumy, Poltava, and Kharkiv"
            if (_a.IsPunct(k, ',') && _acceptedEnds.Contains(k)) return true;
            if (_a.Has(k, Cue.Locative)) return true;
            if (_a.Has(k, Cue.PlaceIntro) || _a.IsPunct(k, ',') || _a.Has(k, Cue.Genitive)) { k--; skipped++; continue; }
            return false; // a number or a quantity phrase in a list: "three strikes on Kyiv, two on Kharkiv"
        }
        return false;
    }

    /// <summary>
    /// "in the region" after a named place: that place's region, a strike of its own ("hit Kharkiv; a woman died from
    /// shelling in the region").
    /// </summary>
    private void AddRegionOfPlaceBefore(int from, int cut, Location? lastPlace)
    {
        for (int i = from + 1; i < cut; i++)
        {
            if (!(_a.Has(i, Cue.RegionSingular) && _a.Has(i - 1, Cue.Article) && _a.PlaceAt[i] < 0 && !_a.Has(i + 1, Cue.Of))) continue;
            var reference = lastPlace;
            foreach (var p in _kept) if (p.End <= i && p.Location.Kind is not PlaceKind.Region and not PlaceKind.Country) reference = p.Location;
            if (reference?.Admin1 is not { } admin1 || reference.Kind is PlaceKind.Region or PlaceKind.Country) return;
            var region = _pipeline.RegionByName(admin1);
            if (region is not null && !HasPlaceNamed(region.Name))
                _kept.Add(new PlaceHit(i - 1, i + 1, _a.Tokens[i - 1].Start, _a.Tokens[i].End, region));
            return;
        }
    }

    private bool HasPlaceNamed(string name)
    {
        foreach (var p in _kept)
            if (p.Location.Name == name) return true;
        return false;
    }

    private static bool OverlapsAgent(ReadOnlySpan<Agent> agents, int first, int end)
    {
        foreach (var ag in agents)
            if (first < ag.End && ag.First < end) return true;
        return false;
    }

    /// <summary>
    /// Keeps in <see cref="_kept"/> the most specific places: the same place named twice once, a region or country not
    /// when a place inside it is named too, a place named only as a reference ("near Kyiv") not. Linear in the places.
    /// </summary>
    private void MostSpecific()
    {
        var places = _specific;
        places.Clear();
        _seenPlaces.Clear();
        foreach (var p in _kept)
            if (_seenPlaces.Add((p.Location.Name, p.Location.Admin1))) places.Add(p);
        _kept.Clear();
        if (places.Count < 2)
        {
            _kept.AddRange(places);
            return;
        }
        _admin1WithPlaces.Clear();
        _countriesWithPlaces.Clear();
        foreach (var h in places)
        {
            var q = h.Location;
            if (q.Kind is not PlaceKind.Region and not PlaceKind.Country && q.Admin1 is not null) _admin1WithPlaces.Add(q.Admin1);
            if (q.Kind != PlaceKind.Country) _countriesWithPlaces.Add(q.Country);
        }
        for (int i = 0; i < places.Count; i++)
        {
            var p = places[i].Location;
            bool covered = p.Kind switch
            {
                PlaceKind.Region => p.Admin1 is not null && _admin1WithPlaces.Contains(p.Admin1),
                PlaceKind.Country => _countriesWithPlaces.Contains(p.Country),
                _ => i > 0 && IsReferencePoint(places[i - 1], places[i]),
            };
            if (!covered) _kept.Add(places[i]);
        }
    }

    /// <summary>"Bucha near Kyiv", "a village outside Lviv", "20 km north of Kharkiv": the second place is a reference.</summary>
    private bool IsReferencePoint(PlaceHit previous, PlaceHit place)
    {
        int at = place.First;
        return previous.Location.Kind is not PlaceKind.Region and not PlaceKind.Country
            && (_a.Has(at - 1, Cue.Proximity) || _a.Has(at - 1, Cue.Of) && _a.Has(at - 2, Cue.Compass))
            && at - previous.End <= ReferenceWindow;
    }

    /// <summary>The first date of tokens [from, to) that is not the date of a report; else a part of the day news uses without a date.</summary>
    private DateRange? SentenceDate(int from, int to)
    {
        foreach (var d in _a.DatesIn(from, to))
        {
            if (d.End > to || d.Value is null) continue;
            bool reportDate = false; // "…, officials said on Friday": the date of the report, not of the event.
            for (int k = d.First - 1; k >= Math.Max(from, d.First - ReportDateWindow); k--)
                if (_a.Has(k, Cue.SpeechVerb)) { reportDate = true; break; }
            if (!reportDate) return d.Value;
        }
        if (_a.PublishedAt is not { } pub) return null;
        // "at night", "night shelling", "overnight": the night before publication; "during the day", "in 24 hours": the day to it.
        for (int i = from; i < to; i++)
        {
            if (_a.Has(i, Cue.Night) && (_a.Has(i - 1, Cue.At) || _a.Has(i - 1, Cue.Last) || _a.Has(i - 1, Cue.Per) || _a.Has(i + 1, Cue.StrikeTrigger) || _a.Has(i + 1, Cue.WeaponNoun))
                || _a.Has(i, Cue.Overnight))
                return DateRange.Day(pub.AddDays(-1));
            if (_a.Has(i, Cue.DayNoun) && _a.Has(i - 1, Cue.Article) && (_a.Has(i - 2, Cue.During) || _a.Has(i - 2, Cue.Over))
                || _a.Has(i, Cue.HourNoun) && i > 0 && _a.Word(i - 1) is "24" && (_a.Has(i - 2, Cue.In) || _a.Has(i - 2, Cue.Past) || _a.Has(i - 2, Cue.Last)))
                return new DateRange(pub.AddDays(-1), pub, DatePrecision.Range);
        }
        return null;
    }
}
