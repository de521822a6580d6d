using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

internal sealed partial class RecordBuilder
{
    private CasualtyKind? KindAt(int i, int from)
    {
        var w = _a.Word(i);
        if (Cues.Missing.Contains(w)) return CasualtyKind.Missing;
        if (Cues.Injured.Contains(w))
        {
            if (w.Equals("casualties", StringComparison.OrdinalIgnoreCase)) return null;
            if (w.Equals("wounds", StringComparison.OrdinalIgnoreCase)) return null; // "died of wounds"
            return CasualtyKind.Injured;
        }
        if (!Cues.Killed.Contains(w)) return null;
        if (w.Equals("lives", StringComparison.OrdinalIgnoreCase))
            return i - 2 >= from && (_a.Is(i - 1, "their") || _a.Is(i - 1, "the")) && (_a.Is(i - 2, "lost") || _a.Is(i - 2, "claimed") || _a.Is(i - 2, "claiming")) ? CasualtyKind.Killed : null;
        if (w.Equals("victims", StringComparison.OrdinalIgnoreCase) || w.Equals("victim", StringComparison.OrdinalIgnoreCase) || w.Equals("death", StringComparison.OrdinalIgnoreCase))
            return null; // only inside "death toll" / "number of victims" (see the toll pass) or "a victim died"
        return CasualtyKind.Killed;
    }

    private List<CasualtyDraft> FindCasualties(int si, int from, int to)
    {
        var found = new List<CasualtyDraft>();
        var usedQuantities = new HashSet<(int, CasualtyKind)>();
        var consumed = new HashSet<int>();
        bool cumulative = IsCumulativeSentence(from, to);

        // Tolls: "the death toll rose to 12", "the number of injured increased to six".
        for (int i = from; i < to; i++)
        {
            if (!_a.In(i, Cues.TollWords)) continue;
            CasualtyKind kind = CasualtyKind.Killed;
            bool casualtyWord = false;
            for (int k = Math.Max(from, i - 2); k < Math.Min(to, i + 5); k++)
            {
                if (_a.In(k, Cues.Injured) && !_a.Is(k, "casualties")) { kind = CasualtyKind.Injured; casualtyWord = true; }
                else if (_a.Is(k, "death") || _a.Is(k, "dead") || _a.Is(k, "victims") || _a.Is(k, "killed") || _a.Is(k, "deaths") || _a.Is(k, "fatalities")) casualtyWord = true;
            }
            if (!casualtyWord) continue;
            for (int k = i + 1; k < Math.Min(to, i + 16); k++)
            {
                if (!_a.Is(k, "to") || !_a.In(k - 1, Cues.RiseVerbs) && !_a.In(k - 2, Cues.RiseVerbs)) continue;
                int q = k + 1 < _a.Tokens.Length ? _a.QuantityAt[k + 1] : -1;
                if (q < 0 || usedQuantities.Contains((q, kind))) break;
                var qh = _a.Quantities[q];
                var c = new CasualtyDraft { Kind = kind, Count = qh.Value, Sentence = si, CountToken = qh.First, Update = true, Cumulative = cumulative };
                c.Group = GroupAround(i, to);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[i].Start, qh.EndChar));
                found.Add(c);
                usedQuantities.Add((q, kind));
                for (int m = i; m < qh.End; m++) consumed.Add(m);
                break;
            }
        }

        for (int i = from; i < to; i++)
        {
            if (consumed.Contains(i)) continue;
            var kind = KindAt(i, from);
            if (kind is null) continue;
            bool passive = i > from && (_a.In(i - 1, Cues.Auxiliaries) || _a.In(i - 2, Cues.Auxiliaries) && _a.Is(i - 1, "been"));
            bool transitive = _a.In(i, Cues.Transitive) && !passive;
            bool needsObject = _a.In(i, Cues.NeedsPersonObject);
            (int q, CasualtyGroup g, bool subset)? hit = null;
            if (transitive) hit = CountRight(i, to, kind.Value, needsObject, usedQuantities);
            if (hit is null && !needsObject) hit = CountLeft(i, from, kind.Value, usedQuantities, found, si, cumulative);
            if (hit is null) continue;
            var (qi, group, _) = hit.Value;
            Quantity count;
            int start, end, countToken;
            if (qi >= 0)
            {
                var qh = _a.Quantities[qi];
                count = qh.Value;
                countToken = qh.First;
                usedQuantities.Add((qi, kind.Value));
                start = Math.Min(qh.Start, _a.Tokens[i].Start);
                end = Math.Max(qh.EndChar, _a.Tokens[i].End);
            }
            else
            {
                // A singular person: "a man was killed".
                int personToken = -qi - 1;
                count = Quantity.Exact(SingularCount(personToken, from));
                countToken = personToken;
                start = Math.Min(_a.Tokens[personToken].Start, _a.Tokens[i].Start);
                end = Math.Max(_a.Tokens[personToken].End, _a.Tokens[i].End);
                if (found.Exists(f => f.Kind == kind && f.CountToken == personToken)) continue;
            }
            var c = new CasualtyDraft { Kind = kind.Value, Count = count, Group = group, Sentence = si, CountToken = countToken, Cumulative = cumulative };
            c.Evidence.Add(Evidence.Of(_a.Text, start, end));
            found.Add(c);
        }
        return found;
    }

    private bool IsCumulativeSentence(int from, int to)
    {
        foreach (var d in _a.Dates)
        {
            if (d.First < from || d.End > to || d.Value is null || d.Value.Precision != DatePrecision.Range) continue;
            for (int k = Math.Max(from, d.First - 1); k <= d.First; k++)
                if (_a.Is(k, "since") || _a.Is(k, "between")) return true;
        }
        return false;
    }

    /// <summary>"killed at least 14 civilians", "wounding 23": the count after the verb.</summary>
    private (int, CasualtyGroup, bool)? CountRight(int i, int to, CasualtyKind kind, bool needsObject, HashSet<(int, CasualtyKind)> used)
    {
        for (int k = i + 1; k < Math.Min(to, i + 4); k++)
        {
            int q = _a.QuantityAt[k];
            if (q < 0)
            {
                if (_a.Tokens[k].Kind == TokenKind.Punctuation) return null;
                continue;
            }
            if (used.Contains((q, kind))) return null;
            var qh = _a.Quantities[q];
            if (_a.Tokens[qh.First].Start != _a.Tokens[k].Start && k != qh.First) continue;
            if (IsMunitionAfter(qh.End, to) || IsNonPersonAfter(qh.End, to)) return null;
            var g = GroupAfter(qh.End, to, needsObject ? 8 : 3, out bool person);
            if (needsObject && !person) return null;
            return (q, g, false);
        }
        return null;
    }

    /// <summary>"three people were killed", "One dead and three wounded", "a man was killed": the count before the word.</summary>
    private (int, CasualtyGroup, bool)? CountLeft(int i, int from, CasualtyKind kind, HashSet<(int, CasualtyKind)> used, List<CasualtyDraft> found, int si, bool cumulative)
    {
        int limit = Math.Max(from, i - 12);
        int singular = -1;
        for (int k = i - 1; k >= limit; k--)
        {
            var w = _a.Word(k);
            if (KindAt(k, from) is not null && k != i) return null;
            if (w is ";" or ":" or "." or "?" or "!" || _a.In(k, Cues.SpeechVerbs)) break;
            if (IsDash(w) && _a.Tokens[k].Has(TokenFlags.SpaceBefore)) break;
            int q = _a.QuantityAt[k];
            if (q >= 0)
            {
                var qh = _a.Quantities[q];
                k = qh.First;
                if (used.Contains((q, kind)) || IsMunitionAfter(qh.End, i) || IsNonPersonAfter(qh.End, i)) { if (singular >= 0) break; continue; }
                if (k > from && _a.In(k - 1, Cues.Including))
                {
                    // A subset ("including three children"): its own record, then keep looking for the whole.
                    var sub = new CasualtyDraft { Kind = kind, Count = qh.Value, Group = GroupAfter(qh.End, i, 3, out _), Sentence = si, CountToken = qh.First, Subset = true, Cumulative = cumulative };
                    sub.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[k - 1].Start, qh.EndChar));
                    found.Add(sub);
                    used.Add((q, kind));
                    k--;
                    continue;
                }
                var g = GroupAfter(qh.End, i, 4, out _);
                if (g == CasualtyGroup.Unknown && singular >= 0) g = GroupOf(singular);
                return (q, g, false);
            }
            if (singular < 0 && _a.In(k, Cues.SingularPerson) && HasSingularDeterminer(k, limit))
            {
                singular = k;
                if (k > from && _a.In(k - 1, Cues.Including) || k > from + 1 && _a.In(k - 2, Cues.Including)) { singular = -1; continue; }
            }
            if (_a.In(k, Cues.ClauseBreak) && !_a.Is(k, "and")) break;
            if (_a.Is(k, "and") && singular >= 0 && !_a.In(k - 1, Cues.People) && !_a.In(k + 1, Cues.People) && !IsPossessive(k + 1)) break;
        }
        if (singular >= 0) return (-singular - 1, GroupOf(singular), false);
        return null;
    }

    private bool IsPossessive(int k) => _a.Is(k, "his") || _a.Is(k, "her") || _a.Is(k, "their");

    private bool HasSingularDeterminer(int k, int limit)
    {
        for (int d = k - 1; d >= Math.Max(limit, k - 3); d--)
        {
            if (_a.Is(d, "a") || _a.Is(d, "an") || _a.Is(d, "the") || _a.Is(d, "one") || _a.Is(d, "another") || _a.Is(d, "his") || _a.Is(d, "her")) return true;
            if (_a.Tokens[d].Kind == TokenKind.Punctuation) return false;
        }
        // A headline: "Woman killed in rocket attack".
        return k == limit || _a.Tokens[k].Has(TokenFlags.Capitalized) && (k == 0 || _a.Tokens[k - 1].Kind == TokenKind.Punctuation || _a.Tokens[k].Has(TokenFlags.NewlineBefore));
    }

    /// <summary>"A five-year-old boy and his father died": two.</summary>
    private int SingularCount(int person, int from)
    {
        int n = 1;
        for (int k = person + 1; k < Math.Min(_a.Tokens.Length, person + 5); k++)
        {
            if (_a.Is(k, "and") && (_a.In(k + 1, Cues.SingularPerson) || IsPossessive(k + 1) && _a.In(k + 2, Cues.SingularPerson) || (_a.Is(k + 1, "a") || _a.Is(k + 1, "an")) && _a.In(k + 2, Cues.SingularPerson)))
            {
                n++;
                break;
            }
            if (KindAt(k, from) is not null) break;
        }
        return n;
    }

    private bool IsNonPersonAfter(int k, int to)
    {
        if (k >= to) return false;
        var w = _a.Word(k);
        if (_a.In(k, Cues.People) || _a.In(k, Cues.Auxiliaries) || KindAt(k, 0) is not null || _a.In(k, Cues.Including)) return false;
        if (_a.Tokens[k].Kind == TokenKind.Punctuation) return false;
        if (w.Equals("of", StringComparison.OrdinalIgnoreCase) || w.Equals("in", StringComparison.OrdinalIgnoreCase) || w.Equals("and", StringComparison.OrdinalIgnoreCase)
            || w.Equals("others", StringComparison.OrdinalIgnoreCase) || w.Equals("more", StringComparison.OrdinalIgnoreCase) || w.Equals("had", StringComparison.OrdinalIgnoreCase)
            || w.Equals("have", StringComparison.OrdinalIgnoreCase) || w.Equals("has", StringComparison.OrdinalIgnoreCase) || w.Equals("on", StringComparison.OrdinalIgnoreCase)
            || w.Equals("at", StringComparison.OrdinalIgnoreCase) || w.Equals("during", StringComparison.OrdinalIgnoreCase) || w.Equals("from", StringComparison.OrdinalIgnoreCase)
            || w.Equals("as", StringComparison.OrdinalIgnoreCase) || w.Equals("after", StringComparison.OrdinalIgnoreCase) || w.Equals("when", StringComparison.OrdinalIgnoreCase))
            return false;
        // An adjective before the noun ("Ukrainian soldiers", "local residents"): look one further.
        if (k + 1 < to && (_a.In(k + 1, Cues.People) || KindAt(k + 1, 0) is not null)) return false;
        if (k + 2 < to && _a.In(k + 2, Cues.People)) return false;
        return true;
    }

    private CasualtyGroup GroupAfter(int k, int to, int span, out bool person)
    {
        person = false;
        for (int i = k; i < Math.Min(to, k + span); i++)
        {
            var g = GroupOf(i);
            if (g != CasualtyGroup.Unknown) { person = true; return g; }
            if (_a.In(i, Cues.People)) person = true;
        }
        return CasualtyGroup.Unknown;
    }

    private CasualtyGroup GroupAround(int i, int to)
    {
        for (int k = i; k < Math.Min(to, i + 8); k++)
        {
            var g = GroupOf(k);
            if (g != CasualtyGroup.Unknown) return g;
        }
        return CasualtyGroup.Unknown;
    }

    private CasualtyGroup GroupOf(int i)
    {
        if ((uint)i >= (uint)_a.Tokens.Length) return CasualtyGroup.Unknown;
        if (_a.In(i, Cues.Child)) return CasualtyGroup.Child;
        var w = _a.Word(i);
        // "11-year-old", "four-year-old girl"
        if (w.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) || w.EndsWith("-year-olds", StringComparison.OrdinalIgnoreCase))
        {
            if (i + 1 < _a.Tokens.Length && _a.In(i + 1, Cues.Child)) return CasualtyGroup.Child;
            int age = AgeOf(w);
            if (age is > 0 and < 18) return CasualtyGroup.Child;
            return i + 1 < _a.Tokens.Length ? GroupOf(i + 1) : CasualtyGroup.Unknown;
        }
        if (_a.In(i, Cues.Military)) return CasualtyGroup.Military;
        if (_a.In(i, Cues.Civilian)) return CasualtyGroup.Civilian;
        return CasualtyGroup.Unknown;
    }

    private static readonly WordMap<int> SmallNumbers = new(new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
    });

    private static int AgeOf(ReadOnlySpan<char> w)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0) return -1;
        var head = w[..dash];
        if (int.TryParse(head, out int n)) return n;
        return SmallNumbers.TryGet(head, out n) ? n : -1;
    }
}
