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
        if (w.Equals("death", StringComparison.OrdinalIgnoreCase))
            return _a.Is(i - 1, "to") ? CasualtyKind.Killed : null; // "hacked to death", "put to death"
        if (w.Equals("gunned", StringComparison.OrdinalIgnoreCase))
            return _a.Is(i + 1, "down") ? CasualtyKind.Killed : null;
        if (w.Equals("victims", StringComparison.OrdinalIgnoreCase) || w.Equals("victim", StringComparison.OrdinalIgnoreCase))
            return null; // only inside "death toll" / "number of victims" (see the toll pass) or "a victim died"
        return CasualtyKind.Killed;
    }

    private readonly HashSet<int> _woundedThenDied = [];
    private readonly Dictionary<int, int> _countFrom = [];

    private static bool HasDraftAt(List<CasualtyDraft> found, CasualtyKind kind, int countToken)
    {
        foreach (var f in found)
            if (f.Kind == kind && f.CountToken == countToken) return true;
        return false;
    }

    // Per-sentence scratch of FindCasualties, cleared at each call (a builder serves one document on one thread).
    private readonly List<CasualtyDraft> _found = [];
    private readonly HashSet<(int, CasualtyKind)> _usedQuantities = [];
    private readonly HashSet<int> _consumed = [];

    /// <summary>The casualty drafts of one sentence. The list is reused: read it before the next call.</summary>
    private List<CasualtyDraft> FindCasualties(int si, int from, int to)
    {
        var found = _found;
        var usedQuantities = _usedQuantities;
        var consumed = _consumed;
        found.Clear();
        usedQuantities.Clear();
        consumed.Clear();
        bool cumulative = IsCumulativeSentence(from, to);

        // Tolls: "the death toll rose to 12", "the number of injured increased to six".
        for (int i = from; i < to; i++)
        {
            if (!_a.In(i, Cues.TollWords)) continue;
            CasualtyKind kind = CasualtyKind.Killed;
            bool casualtyWord = false;
            for (int k = Math.Max(from, i - 2); k < Math.Min(to, i + 8); k++)
            {
                if (_a.In(k, Cues.Injured) && !_a.Is(k, "casualties")) { kind = CasualtyKind.Injured; casualtyWord = true; }
                else if (_a.Is(k, "death") || _a.Is(k, "dead") || _a.Is(k, "victims") || _a.Is(k, "killed") || _a.Is(k, "deaths") || _a.Is(k, "fatalities")) casualtyWord = true;
            }
            if (!casualtyWord) continue;
            for (int k = i + 1; k < Math.Min(to, i + 30); k++)
            {
                if (!_a.Is(k, "to") || !_a.In(k - 1, Cues.RiseVerbs) && !_a.In(k - 2, Cues.RiseVerbs)) continue;
                int q = k + 1 < _a.Tokens.Length ? _a.QuantityAt[k + 1] : -1;
                if (q < 0 || usedQuantities.Contains((q, kind))) break;
                var qh = _a.Quantities[q];
                var c = NewCasualty(kind, qh.Value, si, qh.First, cumulative, update: true);
                c.Group = GroupAround(i, to);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[i].Start, qh.EndChar));
                found.Add(c);
                usedQuantities.Add((q, kind));
                for (int m = i; m < qh.End; m++) consumed.Add(m);
                break;
            }
        }

        // "A man wounded in the shelling died": one person killed, not also injured.
        for (int i = from; i < to; i++)
        {
            if (!(_a.Is(i, "died") || _a.Is(i, "dies") || _a.Is(i, "succumbed") || _a.Is(i, "dead") && _a.Is(i - 1, "later"))) continue;
            for (int k = i - 1; k >= Math.Max(from, i - 25); k--)
            {
                if (_a.QuantityAt[k] >= 0 && !_a.Is(k, "one")) break;
                if (KindAt(k, from) == CasualtyKind.Killed) break;
                if ((_a.Is(k, "wounded") || _a.Is(k, "injured")) && !consumed.Contains(k)) { _woundedThenDied.Add(k); _countFrom[i] = k; break; }
            }
        }
        for (int i = from; i < to; i++)
        {
            if (consumed.Contains(i) || _woundedThenDied.Contains(i)) continue;
            var kind = KindAt(i, from);
            if (kind is null) continue;
            bool passive = i > from && (_a.In(i - 1, Cues.Auxiliaries) || _a.In(i - 2, Cues.Auxiliaries) && _a.Is(i - 1, "been"));
            bool transitive = _a.In(i, Cues.Transitive) && !passive || _a.Is(i, "dead") && _a.Is(i - 1, "shot") || (_a.Is(i, "killing") || _a.Is(i, "deaths") || _a.Is(i, "murder")) && _a.Is(i + 1, "of");
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
                count = Quantity.Exact(personToken > i ? 1 : SingularCount(personToken, from)); // objects: "and his friend" is added by FollowingCounts
                countToken = personToken;
                start = Math.Min(_a.Tokens[personToken].Start, _a.Tokens[i].Start);
                end = Math.Max(_a.Tokens[personToken].End, _a.Tokens[i].End);
                if (HasDraftAt(found, kind.Value, personToken)) continue;
            }
            var c = NewCasualty(kind.Value, count, si, countToken, cumulative, group);
            c.Evidence.Add(Evidence.Of(_a.Text, start, end));
            c.Additive = IsAdditive(Math.Min(countToken, i), Math.Max(countToken, i) + 1);
            found.Add(c);
            FollowingCounts(si, Math.Max(i, qi >= 0 ? _a.Quantities[qi].End - 1 : countToken), to, kind.Value, transitive && countToken > i, cumulative, usedQuantities, found);
        }
        return found;
    }

    /// <summary>
    /// After a count: "24 dead, including 13 children" (a subset), and for a transitive verb
    /// "killed five soldiers and three civilians" / "killed four children and a woman" (more groups).
    /// </summary>
    private void FollowingCounts(int si, int after, int to, CasualtyKind kind, bool coordinated, bool cumulative, HashSet<(int, CasualtyKind)> used, List<CasualtyDraft> found)
    {
        int k = after + 1;
        int stop = Math.Min(to, after + 8);
        bool inSubsetList = false;
        while (k < stop)
        {
            if (KindAt(k, 0) is not null) return;
            bool including = _a.In(k, Cues.Including) || _a.Is(k, "among") && _a.Is(k + 1, "them") || inSubsetList && _a.Is(k, "and");
            if (including) inSubsetList = true;
            bool and = coordinated && _a.Is(k, "and");
            if (!including && !and)
            {
                if (_a.Tokens[k].Kind == TokenKind.Punctuation && _a.Word(k) is not ",") return;
                k++;
                continue;
            }
            int j = k + 1;
            if (_a.Is(j, "them")) j++;
            if (_a.Is(j, ",") || _a.Is(j, ":")) j++;
            int q = j < _a.Tokens.Length ? _a.QuantityAt[j] : -1;
            if (q >= 0 && !used.Contains((q, kind)) && !IsNonPersonAfter(_a.Quantities[q].End, to))
            {
                var qh = _a.Quantities[q];
                var g = GroupAfter(qh.End, to, 3, out bool person);
                if (!person && !including) return;
                var c = NewCasualty(kind, qh.Value, si, qh.First, cumulative, g, subset: including);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[k].Start, qh.EndChar));
                found.Add(c);
                used.Add((q, kind));
                k = qh.End;
                stop = Math.Min(to, k + 6);
                continue;
            }
            if (including && (_a.Is(j, "a") || _a.Is(j, "an")) && SingularPersonAhead(j + 1, to, out int member))
            {
                k = member + 1; // "including a pregnant woman and 13 children": the list goes on
                stop = Math.Min(to, k + 6);
                continue;
            }
            if (and && (_a.Is(j, "a") || _a.Is(j, "an") || _a.Is(j, "one") || _a.Is(j, "his") || _a.Is(j, "her") || _a.Is(j, "another")) && SingularPersonAhead(j + 1, to, out int person1))
            {
                var c = NewCasualty(kind, Quantity.Exact(1), si, person1, cumulative, GroupOf(person1));
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[j].Start, _a.Tokens[person1].End));
                found.Add(c);
                k = person1 + 1;
                continue;
            }
            return;
        }
    }

    private bool SingularPersonAhead(int k, int to, out int person)
    {
        for (int j = k; j < Math.Min(to, k + 6); j++)
        {
            if (_a.In(j, Cues.SingularPerson)) { person = j; return true; }
            if (_a.Tokens[j].Kind == TokenKind.Punctuation) break;
        }
        person = -1;
        return false;
    }

    private bool IsCumulativeSentence(int from, int to)
    {
        foreach (var d in _a.DatesIn(from, to))
        {
            if (d.End > to || d.Value is null || d.Value.Precision != DatePrecision.Range) continue;
            for (int k = Math.Max(from, d.First - 1); k <= d.First; k++)
                if (_a.Is(k, "since") || _a.Is(k, "between")) return true;
        }
        return false;
    }

    /// <summary>"killed at least 14 civilians", "wounding 23": the count after the verb.</summary>
    private (int, CasualtyGroup, bool)? CountRight(int i, int to, CasualtyKind kind, bool needsObject, HashSet<(int, CasualtyKind)> used)
    {
        int first = i + 1;
        if (_a.Is(i, "gunned") || _a.Is(i, "bodies") || _a.Is(i, "corpses")) first++; // "gunned down", "bodies of"
        for (int k = first; k < Math.Min(to, first + 4); k++)
        {
            int q = _a.QuantityAt[k];
            if (q < 0)
            {
                if (_a.In(k, Cues.CountLead) && !_a.Is(k, "dead")) continue;
                if (k == first && (_a.Is(k, "dead") || _a.Is(k, "down"))) continue;
                // "killed a local official", "killed Nelson Garcia", "shot him dead": one person.
                if (!needsObject && kind != CasualtyKind.Missing && (_a.Is(k, "a") || _a.Is(k, "an")) && SingularPersonAhead(k + 1, to, out int personTok))
                    return (-personTok - 1, GroupOf(personTok), false);
                if (!needsObject && kind != CasualtyKind.Missing && k == first && (_a.Is(k, "him") || _a.Is(k, "her")))
                    return (-k - 1, CasualtyGroup.Unknown, false);
                if (!needsObject && k == first && _a.Tokens[k].Has(TokenFlags.Capitalized) && _a.Tokens[k].Kind == TokenKind.Word && _a.PlaceAt[k] < 0
                    && k + 1 < to && _a.Tokens[k + 1].Has(TokenFlags.Capitalized) && _a.Tokens[k + 1].Kind == TokenKind.Word)
                    return (-k - 1, CasualtyGroup.Unknown, false);
                return null;
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
        int startAt = _countFrom.TryGetValue(i, out int wounded) ? wounded : i;
        int limit = Math.Max(from, startAt - 12);
        int singular = -1;
        for (int k = startAt - 1; k >= limit; k--)
        {
            var w = _a.Word(k);
            if (KindAt(k, from) is not null && k != i && !_woundedThenDied.Contains(k) && !(_a.Is(k, "shot") || _a.Is(k, "and")))
                return singular >= 0 ? (-singular - 1, GroupOf(singular), false) : null;
            if (k == i - 2 && _a.Is(i, "death") && _a.Is(i - 1, "to") && (_a.Is(k, "him") || _a.Is(k, "her") || _a.Tokens[k].Has(TokenFlags.Capitalized) && _a.Tokens[k].Kind == TokenKind.Word))
                return (-k - 1, CasualtyGroup.Unknown, false); // "shot Mr. Garcia to death", "hacked him to death"
            if (k >= i - 2 && _a.In(k, Cues.ReportParticiples)) continue; // "confirmed dead", "feared killed"
            if (k == i - 1 && _a.Is(i, "dead") && (_a.Is(k, "him") || _a.Is(k, "her"))) return (-k - 1, CasualtyGroup.Unknown, false); // "shot him dead"
            if (k == i - 1 && (_a.Is(k, "a") || _a.Is(k, "one")) && _a.Is(i, "dead")) return (-k - 1, GroupOf(i + 1), false); // "there is a dead (man)"
            if (k == i - 1 && (_a.Is(k, "are") || _a.Is(k, "were")) && _a.Is(k - 1, "there")) return null; // "there are dead": no count
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
                    var sub = NewCasualty(kind, qh.Value, si, qh.First, cumulative, GroupAfter(qh.End, i, 3, out _), subset: true);
                    sub.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[k - 1].Start, qh.EndChar));
                    found.Add(sub);
                    used.Add((q, kind));
                    k--;
                    continue;
                }
                if (_a.Is(qh.End, "of") && (_a.Is(qh.End + 1, "the") || _a.Is(qh.End + 1, "them") || _a.Is(qh.End + 1, "whom")) || _a.Is(k - 1, "remaining"))
                {
                    // "Two of the dead were children", "the remaining 45": part of a count given elsewhere.
                    var part = NewCasualty(kind, qh.Value, si, qh.First, cumulative, GroupAfter(qh.End, i + 2, 6, out _), subset: true);
                    part.Evidence.Add(Evidence.Of(_a.Text, qh.Start, _a.Tokens[i].End));
                    found.Add(part);
                    used.Add((q, kind));
                    return null;
                }
                // "Six people, two Turkish nationals and four Somalis, were killed": the head of the apposition.
                for (int b = k - 1; b >= Math.Max(limit, k - 8); b--)
                {
                    if (!_a.Is(b, ",")) continue;
                    for (int h = b - 1; h >= Math.Max(limit, b - 3); h--)
                    {
                        int hq = _a.QuantityAt[h];
                        if (hq >= 0 && !used.Contains((hq, kind)) && _a.In(_a.Quantities[hq].End, Cues.People) && KindAt(_a.Quantities[hq].End, 0) is null && _a.Quantities[hq].End == b - 1)
                        {
                            q = hq;
                            qh = _a.Quantities[hq];
                            break;
                        }
                    }
                    break;
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
        if (startAt == i && i - 2 >= from && (_a.Is(i - 2, "a") || _a.Is(i - 2, "an")) && _a.Tokens[i - 1].Kind == TokenKind.Word && char.IsLower(_a.Word(i - 1)[0])
            && !_a.In(i - 1, Cues.WeaponNouns) && !_a.In(i - 1, Cues.StrikeTriggers) && !_a.In(i - 1, Cues.NonPersonNouns) && (_a.Is(i, "injured") || _a.Is(i, "wounded") || _a.Is(i, "killed") || _a.Is(i, "died") || _a.Is(i, "dead")))
            return (-(i - 1) - 1, GroupOf(i - 1), false); // "a devotee injured"
        // "Pascal N. was killed", "a local official has been shot and killed": a singular subject.
        for (int k = startAt - 1; k >= Math.Max(from, startAt - 5); k--)
        {
            if (_a.Is(k, "was") || _a.Is(k, "has") && _a.Is(k + 1, "been"))
            {
                int subj = k - 1;
                if (_a.Is(subj, "’s") || _a.Is(subj, "'s") || _a.Is(subj, "who") || _a.Is(subj, "that")) subj--;
                if (subj >= from && _a.Tokens[subj].Kind == TokenKind.Word && (_a.Tokens[subj].Has(TokenFlags.Capitalized) || _a.In(subj, Cues.SingularPerson) || _a.Is(subj, "he") || _a.Is(subj, "she")) && !_a.Is(subj, "it") && !_a.Is(subj, "there"))
                    return (-subj - 1, GroupOf(subj), false);
                break;
            }
            if (!(_a.Is(k, "been") || _a.Is(k, "and") || _a.Is(k, "shot") || _a.Is(k, "also") || _a.Is(k, "reportedly") || _a.Is(k, "later") || _a.Is(k, "confirmed") || _a.Is(k, "found") || _a.Is(k, "fatally") || _a.Is(k, "seriously") || _a.Is(k, "critically") || _a.Is(k, "badly") || _a.Is(k, "stabbed") || _a.Is(k, "then"))) break;
        }
        return null;
    }

    private bool IsAdditive(int from, int to)
    {
        for (int k = Math.Max(0, from - 1); k < Math.Min(_a.Tokens.Length, to); k++)
            if (_a.Is(k, "also") || _a.Is(k, "another") || _a.Is(k, "additional") || _a.Is(k, "further")) return true;
        return false;
    }

    private bool IsPossessive(int k) => _a.Is(k, "his") || _a.Is(k, "her") || _a.Is(k, "their");

    private bool HasSingularDeterminer(int k, int limit)
    {
        if (k > 0 && _a.PlaceAt[k - 1] >= 0) return true; // "Horlivka resident", "Gorlovka woman"
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

    /// <summary>True when the count counts things, not people: "60 shells", "five times", "10 airstrikes".</summary>
    private bool IsNonPersonAfter(int k, int to)
    {
        for (int j = k; j < Math.Min(to, k + 3); j++)
        {
            if (_a.In(j, Cues.Perpetrators)) return true;
            if (_a.In(j, Cues.People) || KindAt(j, 0) is not null) return false;
            if (_a.In(j, Cues.NonPersonNouns) || _a.WeaponAt[j] >= 0) return true;
            if (_a.Tokens[j].Kind == TokenKind.Punctuation) return false;
            // adjectives and nationalities before the noun: "Ukrainian soldiers", "local residents"
            if (!(_a.Tokens[j].Has(TokenFlags.Capitalized) || _a.Word(j).EndsWith("al", StringComparison.Ordinal) || _a.Word(j).EndsWith("an", StringComparison.Ordinal) || _a.Word(j).EndsWith("ish", StringComparison.Ordinal) || _a.Is(j, "more") || _a.Is(j, "other"))) return false;
        }
        return false;
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

    private static int AgeOf(ReadOnlySpan<char> w)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0) return -1;
        var head = w[..dash];
        if (int.TryParse(head, out int n)) return n;
        return Recognizers.Lexer.TrySmallNumber(head, out n) ? n : -1;
    }
}
