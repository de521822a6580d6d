using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// Casualties: per sentence (up to its attribution cut), every casualty word with its count, kind and group: tolls
/// ("the death toll rose to 12"), counts after a transitive verb ("killed 14 civilians"), counts and singular persons
/// before a casualty word ("three people were killed", "a man was killed"), and the counts that follow ("including five
/// children", "and three civilians"). The drafts join <see cref="RecordDrafts.Casualties"/> in sentence order.
/// </summary>
internal sealed class CasualtyStage : IStage
{
    public string Name => StageNames.Casualties;

    public void Run(DocumentContext doc) => doc.Scratch<CasualtyRules>().Run(doc);
}

/// <summary>The casualty stage's rules and its per-document state (kept per thread, emptied after each document).</summary>
internal sealed partial class CasualtyRules : Scratch
{
    /// <summary>How far after a toll word its casualty word may stand ("the death toll", "toll of the dead").</summary>
    private const int TollKindWindow = 8;

    /// <summary>How far after a toll word its figure may stand ("the toll ... has risen to 12").</summary>
    private const int TollFigureWindow = 30;

    /// <summary>How far before "died" a wound may stand ("a man wounded in Sunday's shelling died").</summary>
    private const int WoundedWindow = 25;

    private DocumentAnalysis _a = null!;
    private RecordDrafts _records = null!;
    /// <summary>The casualty word whose counts are being found.</summary>
    private int _word;
    /// <summary>The count found for <see cref="_word"/> heads an apposition ("Five people, four nationals and a foreigner, ...").</summary>
    private bool _apposition;
    private readonly HashSet<int> _woundedThenDied;
    private readonly Dictionary<int, int> _countFrom;
    private readonly List<CasualtyDraft> _found;
    private readonly HashSet<(int, CasualtyKind)> _used;
    private readonly HashSet<int> _consumed;

    public CasualtyRules()
    {
        _woundedThenDied = NewSet<int>();
        _countFrom = NewMap<int, int>();
        _found = NewList<CasualtyDraft>();
        _used = NewSet<(int, CasualtyKind)>();
        _consumed = NewSet<int>();
    }

    public override void Clear()
    {
        base.Clear();
        _a = null!;
        _records = null!;
    }

    public void Run(DocumentContext doc)
    {
        _a = doc.Analysis;
        _records = doc.Records;
        var frames = doc.Frames;
        for (int si = 0; si < _a.Sentences.Length; si++)
        {
            var f = frames[si];
            FindCasualties(si, _a.Sentences[si].FirstToken, f.Cut, f.Cumulative);
            LinkSubsets();
            foreach (var c in _found) c.Background |= IsWarToll(c, _a.Sentences[si].FirstToken, f.Cut);
            _records.Casualties.AddRange(_found);
        }
    }

    /// <summary>
    /// Each subset of the sentence is part of the figure of its kind that comes before it in the sentence ("20 killed,
    /// including 5 children"), else of the last figure of its kind before the sentence ("Two of the dead were children").
    /// </summary>
    private void LinkSubsets()
    {
        foreach (var sub in _found)
        {
            if (!sub.Subset) continue;
            CasualtyDraft? whole = null;
            foreach (var c in _found)
                if (!c.Subset && c.Kind == sub.Kind && c.CountToken < sub.CountToken && (whole is null || c.CountToken > whole.CountToken)) whole = c;
            for (int k = _records.Casualties.Count - 1; whole is null && k >= 0; k--)
                if (!_records.Casualties[k].Subset && _records.Casualties[k].Kind == sub.Kind) whole = _records.Casualties[k];
            sub.PartOf = whole;
        }
    }

    private CasualtyKind? KindAt(int i, int from)
    {
        if (_a.Has(i, Cue.Missing)) return CasualtyKind.Missing;
        if (_a.Has(i, Cue.FatalVerb) && _a.Has(i - 1, Cue.FatalAdverb)) return CasualtyKind.Killed; // "fatally shot", "mortally wounded"
        if (_a.Has(i, Cue.Injured))
            return _a.Has(i, Cue.AmbiguousCasualty) || _a.Has(i, Cue.WoundNoun) ? null : CasualtyKind.Injured; // "died of wounds"
        if (!_a.Has(i, Cue.Killed)) return null;
        if (_a.Has(i, Cue.LifeNoun)) // "lost their lives", "claimed the lives of"
            return i - 2 >= from && (_a.Has(i - 1, Cue.Possessive) || _a.Has(i - 1, Cue.Article)) && _a.Has(i - 2, Cue.LifeTakingVerb) ? CasualtyKind.Killed : null;
        if (_a.Has(i, Cue.DeathNoun)) return _a.Has(i - 1, Cue.To) || _a.Has(i + 1, Cue.Of) ? CasualtyKind.Killed : null; // "hacked to death", "the death of"
        if (_a.Has(i, Cue.NominalKilling)) return _a.Has(i + 1, Cue.Of) ? CasualtyKind.Killed : null; // "the massacre of 30"
        if (_a.Has(i, Cue.Gunned)) return _a.Has(i + 1, Cue.Down) ? CasualtyKind.Killed : null;
        if (_a.Has(i, Cue.BodyNoun) && _a.Has(i - 1, Cue.Possessive)) return null; // "their bodies were dumped": the dead counted before
        if (_a.Has(i, Cue.VictimNoun)) return null; // only inside a toll ("the number of victims") or "a victim died"
        return CasualtyKind.Killed;
    }

    /// <summary>The casualty drafts of one sentence, into <see cref="_found"/>.</summary>
    private void FindCasualties(int si, int from, int to, bool cumulative)
    {
        _found.Clear();
        _used.Clear();
        _consumed.Clear();
        FindTolls(si, from, to, cumulative);
        FindWoundedThenDied(from, to);
        for (int i = from; i < to; i++)
        {
            if (_consumed.Contains(i) || _woundedThenDied.Contains(i)) continue;
            var kind = KindAt(i, from);
            if (kind is null || IsIrrealis(i)) continue;
            _word = i;
            _apposition = false;
            bool passive = i > from && (_a.Has(i - 1, Cue.Auxiliary) || _a.Has(i - 2, Cue.Auxiliary) && _a.Has(i - 1, Cue.Been));
            bool transitive = (_a.Has(i, Cue.Transitive) || _a.Has(i, Cue.FatalVerb) && _a.Has(i - 1, Cue.FatalAdverb)) && !passive
                    && (!_a.Has(i, Cue.BodyNoun) || _a.Has(i + 1, Cue.Of))
                || _a.Has(i, Cue.Dead) && _a.Has(i - 1, Cue.Shot) || _a.Has(i, Cue.KillingNoun) && _a.Has(i + 1, Cue.Of)
                || _a.Has(i, Cue.DeathNoun) && _a.Has(i - 1, Cue.To) && !passive; // "beat to death a village elder"
            bool needsObject = _a.Has(i, Cue.NeedsPersonObject);
            CountHit? hit = null;
            if (transitive) hit = CountRight(i, to, kind.Value, needsObject);
            if (hit is null && !needsObject) hit = CountLeft(i, from, kind.Value, si, cumulative);
            if (hit is { IsNone: false } h) AddCount(si, i, from, to, kind.Value, h, transitive, cumulative);
        }
    }

    /// <summary>A count found for a casualty word: a quantity, or a singular person noun that counts one.</summary>
    /// <remarks><see cref="People"/>: how many a person noun counts ("a couple": two).</remarks>
    private readonly record struct CountHit(int Quantity, int Person, CasualtyGroup Group, int People = 1)
    {
        public static CountHit OfQuantity(int q, CasualtyGroup g) => new(q, -1, g);
        public static CountHit OfPerson(int token, CasualtyGroup g, int people = 1) => new(-1, token, g, people);

        /// <summary>The words decide that the casualty word counts no victim ("there are dead", "police shot him" of an attacker).</summary>
        public static CountHit None => new(-1, -1, CasualtyGroup.Unknown);

        public bool IsNone => Quantity < 0 && Person < 0;
    }

    private void AddCount(int si, int i, int from, int to, CasualtyKind kind, CountHit hit, bool transitive, bool cumulative)
    {
        Quantity count;
        int start, end, countToken;
        if (hit.Quantity >= 0)
        {
            var qh = _a.Quantities[hit.Quantity];
            count = qh.Value;
            countToken = qh.First;
            _used.Add((hit.Quantity, kind));
            start = Math.Min(qh.Start, _a.Tokens[i].Start);
            end = Math.Max(qh.EndChar, _a.Tokens[i].End);
        }
        else
        {
            // A singular person: "a man was killed"; an object's companions ("and his friend") are added by FollowingCounts.
            int person = hit.Person;
            count = Quantity.Exact(person > i ? hit.People : Math.Max(hit.People, SingularCount(person, from)));
            countToken = person;
            start = Math.Min(_a.Tokens[person].Start, _a.Tokens[i].Start);
            end = Math.Max(_a.Tokens[person].End, _a.Tokens[i].End);
            if (HasDraftAt(kind, person)) return;
        }
        var origin = (hit.Quantity >= 0, countToken > i) switch
        {
            (true, true) => CountOrigin.Object,
            (true, false) => CountOrigin.Subject,
            (false, true) => CountOrigin.ObjectPerson,
            _ => CountOrigin.SubjectPerson,
        };
        var c = _records.NewCasualty(kind, count, si, countToken, cumulative, hit.Group, origin, i);
        c.Background = IsPastYearIncident(i);
        c.Earlier = IsEarlierIncident(i, from);
        c.Evidence.Add(Evidence.Of(_a.Text, start, end));
        c.Additive = IsAdditive(Math.Min(countToken, i), Math.Max(countToken, i) + 1)
            || hit.Quantity >= 0 && _a.Has(_a.Quantities[hit.Quantity].End, Cue.MoreAfter); // "two more people", "17 others"
        _found.Add(c);
        int after = Math.Max(i, hit.Quantity >= 0 ? _a.Quantities[hit.Quantity].End - 1 : countToken);
        FollowingCounts(si, after, to, kind, transitive && countToken > i, cumulative);
        // "The driver, a 41-year-old man, was killed": a singular verb has one subject; the phrase before the comma is its appositive.
        if (countToken < i && !SingularVerbGroup(i, from)) CoordinatedBefore(si, PhraseStart(countToken, from), from, kind, cumulative);
    }

    /// <summary>Where the noun phrase of a count or person noun starts: its determiner when it has one ("a local official").</summary>
    private int PhraseStart(int token, int from)
    {
        for (int d = token - 1; d >= Math.Max(from, token - 3); d--)
        {
            if (_a.Has(d, Cue.IndefiniteArticle) || _a.Has(d, Cue.Article) || _a.Has(d, Cue.Possessive) || _a.Has(d, Cue.NumeralOne) || _a.Has(d, Cue.Another)) return d;
            if (_a.Tokens[d].Kind != Text.TokenKind.Word || _a.Has(d, Cue.And)) break;
        }
        return token;
    }

    private bool HasDraftAt(CasualtyKind kind, int countToken)
    {
        foreach (var f in _found)
            if (f.Kind == kind && f.CountToken == countToken) return true;
        return false;
    }

    /// <summary>Tolls: "the death toll rose to 12", "the number of injured increased to six".</summary>
    private void FindTolls(int si, int from, int to, bool cumulative)
    {
        for (int i = from; i < to; i++)
        {
            if (!_a.Has(i, Cue.TollWord)) continue;
            var kind = CasualtyKind.Killed;
            bool casualtyWord = false;
            for (int k = Math.Max(from, i - 2); k < Math.Min(to, i + TollKindWindow); k++)
            {
                if (_a.Has(k, Cue.Injured) && !_a.Has(k, Cue.AmbiguousCasualty)) { kind = CasualtyKind.Injured; casualtyWord = true; }
                else if (_a.Has(k, Cue.DeathWord)) casualtyWord = true;
            }
            if (!casualtyWord) continue;
            for (int k = i + 1; k < Math.Min(to, i + TollFigureWindow); k++)
            {
                // "the toll rose to 12", "the toll ... stands at 20", "puts the death toll at 14", "a death toll of 9"
                bool rise = _a.Has(k, Cue.To) && (_a.Has(k - 1, Cue.RiseVerb) || _a.Has(k - 2, Cue.RiseVerb));
                bool at = _a.Has(k, Cue.At) && (_a.Has(k - 1, Cue.TollAtVerb) || HasTollAtVerbBefore(i, from));
                bool of = k == i + 1 && _a.Has(k, Cue.Of) && _a.QuantityAt[Math.Min(k + 1, _a.Tokens.Length - 1)] >= 0;
                if (!rise && !at && !of) continue;
                int q = k + 1 < _a.Tokens.Length ? _a.QuantityAt[k + 1] : -1;
                if (q < 0 || _used.Contains((q, kind))) break;
                var qh = _a.Quantities[q];
                var c = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, GroupAround(i, to), CountOrigin.Toll, i);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[i].Start, qh.EndChar));
                _found.Add(c);
                _used.Add((q, kind));
                for (int m = i; m < qh.End; m++) _consumed.Add(m);
                break;
            }
        }
    }

    /// <summary>"puts the toll at 14", "Officials put the number of dead at 20": the verb before the toll word.</summary>
    private bool HasTollAtVerbBefore(int toll, int from)
    {
        for (int k = toll - 1; k >= Math.Max(from, toll - 4); k--)
            if (_a.Has(k, Cue.TollAtVerb)) return true;
        return false;
    }

    /// <summary>"A man wounded in the shelling died": one person killed, not also injured.</summary>
    private void FindWoundedThenDied(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!(_a.Has(i, Cue.DiedVerb) || _a.Has(i, Cue.Dead) && _a.Has(i - 1, Cue.Later))) continue;
            for (int k = i - 1; k >= Math.Max(from, i - WoundedWindow); k--)
            {
                if (_a.QuantityAt[k] >= 0 && !_a.Has(k, Cue.NumeralOne)) break;
                if (KindAt(k, from) == CasualtyKind.Killed) break;
                if (_a.Has(k, Cue.WoundedWord) && !_consumed.Contains(k)) { _woundedThenDied.Add(k); _countFrom[i] = k; break; }
            }
        }
    }

    /// <summary>How far before a noun of killing its year may stand ("the 1998 slaying of", "a 2009 massacre of").</summary>
    private const int YearWindow = 3;

    /// <summary>How far before a casualty word a year or a relative clause's anchor may stand.</summary>
    private const int EarlierWindow = 24;

    /// <summary>
    /// "In 2014, gunmen killed 30", "a month after an assault in which 37 people were killed", "since a 2014 massacre in
    /// which 140 died": a year before publication, or a relative clause hung on a word of another time, before the
    /// casualty word in its sentence.
    /// </summary>
    private bool IsEarlierIncident(int word, int from)
    {
        bool relative = false;
        for (int k = word - 1; k >= Math.Max(from, word - EarlierWindow); k--)
        {
            relative |= _a.Has(k, Cue.RelativeObject) && _a.Has(k - 1, Cue.In); // "in which"
            if (relative && _a.Has(k, Cue.BackgroundCue)) return true;
            var w = _a.Word(k);
            if (_a.PublishedAt is { } pub && w.Length == 4 && int.TryParse(w, out int year) && year >= 1900 && year < pub.Year) return true;
        }
        return false;
    }

    /// <summary>"the 1998 slaying of a bishop", "a 2009 massacre of 40 villagers": a killing of a year before publication.</summary>
    private bool IsPastYearIncident(int word)
    {
        if (!_a.Has(word, Cue.KillingNoun) || _a.PublishedAt is not { } pub) return false;
        for (int k = word - 1; k >= Math.Max(0, word - YearWindow); k--)
        {
            var w = _a.Word(k);
            if (w.Length == 4 && int.TryParse(w, out int year) && year >= 1900 && year < pub.Year) return true;
        }
        return false;
    }

    /// <summary>How far from its casualty word a war noun makes a figure the war's toll.</summary>
    private const int WarWindow = 8;

    /// <summary>
    /// "The war has killed tens of thousands", "more than 30,000 have been killed since the war began": a war noun near a
    /// casualty word in the perfect (or with "since"): the whole war's toll, a figure of history, not of the reported attack.
    /// </summary>
    private bool IsWarToll(CasualtyDraft c, int from, int to)
    {
        int w = c.WordToken;
        bool perfect = _a.Has(w - 1, Cue.PerfectAux) || _a.Has(w - 1, Cue.Been) && _a.Has(w - 2, Cue.PerfectAux) || c.Cumulative;
        if (!perfect) return false;
        // "the war", "the conflict": the whole war; "a conflict between two villages" is the reported clash.
        for (int k = Math.Max(from, w - WarWindow); k < Math.Min(to, w + WarWindow); k++)
            if (_a.Has(k, Cue.WarNoun) && (_a.Has(k - 1, Cue.Article) || _a.Has(k - 1, Cue.Possessive))) return true;
        return false;
    }

    /// <summary>"threatened to kill", "vowed to kill": no one was killed.</summary>
    private bool IsIrrealis(int i) => _a.Has(i - 1, Cue.To) && _a.Has(i - 2, Cue.IrrealisLead);

    private bool IsAdditive(int from, int to)
    {
        for (int k = Math.Max(0, from - 1); k < Math.Min(_a.Tokens.Length, to); k++)
            if (_a.Has(k, Cue.Additive)) return true;
        return false;
    }
}
