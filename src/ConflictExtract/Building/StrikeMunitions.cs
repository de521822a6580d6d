using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

internal sealed partial class StrikeRules
{
    /// <summary>How far before a count an interception word may stand ("shot down 38 drones").</summary>
    private const int InterceptBefore = 5;

    /// <summary>How far after a count's phrase its interception word may stand ("... were shot down").</summary>
    private const int InterceptAfter = 12;

    /// <summary>
    /// Munitions fired and shot down: "fired 90 missiles and 60 drones" (150 fired), "104 missiles and 42 drones were
    /// shot down" (146 intercepted), "air defences destroyed 18 of 20 missiles", "40 drones, 35 of which were shot down".
    /// </summary>
    private (Quantity? Munitions, Quantity? Intercepted) FindMunitionCounts(int from, int to)
    {
        _fired.Clear();
        _down.Clear();
        _countSpans.Clear();
        int skipUntil = -1;
        foreach (var q in _a.QuantitiesIn(from, to))
        {
            if (q.End > to || q.First < skipUntil) continue;
            int next = Math.Min(q.End + 1, _a.Tokens.Length - 1);
            if (_a.Has(q.End, Cue.Of) && _a.QuantityAt[next] is int k2 && k2 >= 0 && Phrases.IsMunitionAfter(_a, _a.Quantities[k2].End, to))
            {
                // "18 of 20 missiles"
                if (InterceptNear(q.First, q.End, from, to))
                {
                    _down.Add(q.Value);
                    _fired.Add(_a.Quantities[k2].Value);
                    skipUntil = _a.Quantities[k2].End;
                    _countSpans.Add((q.Start, _a.Quantities[k2].EndChar));
                }
                continue;
            }
            if (_a.Has(q.End, Cue.Of) && (_a.Has(q.End + 1, Cue.RelativeObject) || _a.Has(q.End + 1, Cue.Them)))
            {
                if (InterceptNear(q.First, q.End + 2, from, to)) // "35 of which were shot down"
                {
                    _down.Add(q.Value);
                    _countSpans.Add((q.Start, q.EndChar));
                }
                continue;
            }
            if (!Phrases.IsMunitionAfter(_a, q.End, to))
            {
                // "two were intercepted", "35 were shot down": a bare count as the subject of an interception.
                if (_a.Has(q.End, Cue.Auxiliary) && IsInterceptWord(q.End + 1) && q.First > from && !_a.Has(q.First - 1, Cue.Article))
                {
                    _down.Add(q.Value);
                    _countSpans.Add((q.Start, q.EndChar));
                }
                continue;
            }
            if (InterceptNear(q.First, q.End, from, to)) _down.Add(q.Value);
            else _fired.Add(q.Value);
            _countSpans.Add((q.Start, q.EndChar));
        }
        var fired = Sum(_fired);
        return (fired, Sum(_down) ?? PronounShotDown(from, to, fired));
    }

    /// <summary>
    /// "... launched a Kinzhal missile at Kyiv; it was shot down": a pronoun as the subject of an interception brings down
    /// the one munition fired ("it"), or all of them ("they", "all of them").
    /// </summary>
    private Quantity? PronounShotDown(int from, int to, Quantity? fired)
    {
        for (int i = from; i < to; i++)
        {
            // "it was", "they were": the pronoun is a subject ("its", "their" are not).
            if (!_a.Has(i, Cue.ActorPronoun) || !_a.Has(i + 1, Cue.Auxiliary) || !InterceptNear(i, i + 1, from, to)) continue;
            bool singular = _a.Has(i, Cue.DummySubject); // "it"
            if (singular) return fired is null || fired.Headline == 1 ? Quantity.Exact(1) : null;
            return fired;
        }
        return null;
    }

    /// <summary>The sum of several counts, with the loosest qualifier among them.</summary>
    private static Quantity? Sum(List<Quantity> list)
    {
        if (list.Count == 0) return null;
        if (list.Count == 1) return list[0];
        long total = 0;
        bool atLeast = false, approx = false;
        foreach (var q in list)
        {
            if (q.Headline is not { } n) return list[0];
            total += n;
            atLeast |= q.Qualifier == QuantityQualifier.AtLeast;
            approx |= q.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.AtMost or QuantityQualifier.Range;
        }
        return atLeast ? Quantity.AtLeast(total) : approx ? new Quantity(total, null, null, QuantityQualifier.Approximately) : Quantity.Exact(total);
    }

    /// <summary>An interception word before the count ("shot down 38 drones") or after its phrase, in the same clause ("... were shot down").</summary>
    private bool InterceptNear(int first, int end, int from, int to)
    {
        for (int i = first - 1; i >= Math.Max(from, first - InterceptBefore); i--)
        {
            if (_a.IsPunct(i, ';') || _a.IsPunct(i, ':') || _a.IsPunct(i, ',')) break;
            if (IsInterceptWord(i)) return true;
        }
        for (int i = end; i < Math.Min(to, end + InterceptAfter); i++)
        {
            if (_a.IsPunct(i, ';') || _a.IsPunct(i, ':') || _a.IsPunct(i, '.') || _a.Has(i, Cue.InterceptStop)) return false;
            if (IsInterceptWord(i) && (_a.Has(i - 1, Cue.Auxiliary) || _a.Has(i - 2, Cue.Auxiliary) || _a.Has(i - 1, Cue.RelativeObject) || _a.Has(i - 2, Cue.RelativeObject)))
                return true;
        }
        return false;
    }

    private bool IsInterceptWord(int i) => _a.Has(i, Cue.InterceptVerb) || _a.Has(i, Cue.Down) && _a.Has(i - 1, Cue.Shot);
}
