using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

internal sealed partial class CasualtyRules
{
    /// <summary>How far after a transitive casualty verb its count may start ("killed at least 14").</summary>
    private const int RightWindow = 4;

    /// <summary>How far before a casualty word its count may stand ("three people were reportedly killed").</summary>
    private const int LeftWindow = 12;

    /// <summary>How far before a casualty word a singular subject's auxiliary may stand ("a guard was shot and killed").</summary>
    private const int SubjectWindow = 5;

    /// <summary>How far before a count the head of its apposition may stand ("Nine people, seven of them soldiers, ...").</summary>
    private const int AppositionWindow = 8;

    /// <summary>How far after a count its following counts may stand ("... , including five children").</summary>
    private const int FollowingWindow = 8;

    /// <summary>How far after one following count the next may stand ("five children and two women").</summary>
    private const int NextFollowingWindow = 6;

    /// <summary>How far after a count its group noun may stand ("14 local residents").</summary>
    private const int GroupWindow = 3;

    /// <summary>How far a determiner may stand before a singular person ("a local official").</summary>
    private const int DeterminerWindow = 3;

    /// <summary>How far after a singular person a companion may be named ("a boy and his mother").</summary>
    private const int CompanionWindow = 5;

    /// <summary>How far after a determiner its singular person noun may stand ("a 70-year-old retired teacher").</summary>
    private const int PersonAheadWindow = 6;

    /// <summary>"killed at least 14 civilians", "wounding 23", "killed a teacher", "shot him": the count after the verb.</summary>
    private CountHit? CountRight(int i, int to, CasualtyKind kind, bool needsObject)
    {
        int first = i + 1;
        if (_a.Has(i, Cue.Gunned) || _a.Has(i, Cue.BodyNoun)) first++; // "gunned down", "bodies of"
        for (int k = first; k < Math.Min(to, first + RightWindow); k++)
        {
            int q = _a.QuantityAt[k];
            if (q < 0)
            {
                var person = CountRightWithoutNumber(k, first, to, kind, needsObject, out bool skip);
                if (skip) continue;
                return person;
            }
            if (_used.Contains((q, kind))) return null;
            var qh = _a.Quantities[q];
            if (_a.Tokens[qh.First].Start != _a.Tokens[k].Start && k != qh.First) continue;
            if (Phrases.IsMunitionAfter(_a, qh.End, to) || IsNonPersonAfter(qh.End, to)) return null;
            var g = GroupAfter(qh.End, to, needsObject ? FollowingWindow : GroupWindow, out bool isPerson);
            if (needsObject && !isPerson) return null;
            return CountHit.OfQuantity(q, g);
        }
        return null;
    }

    /// <summary>A token after a transitive verb that is not a count: a lead word to skip, a singular person, or the end.</summary>
    private CountHit? CountRightWithoutNumber(int k, int first, int to, CasualtyKind kind, bool needsObject, out bool skip)
    {
        skip = false;
        if (_a.Has(k, Cue.CountLead) && !_a.Has(k, Cue.Dead) || k == first && (_a.Has(k, Cue.Dead) || _a.Has(k, Cue.Down)))
        {
            skip = true;
            return null;
        }
        if (needsObject) return null;
        // "killed a local official", "shot him dead", "killed Juan Perez": one person.
        if (kind != CasualtyKind.Missing && _a.Has(k, Cue.IndefiniteArticle) && SingularPersonAhead(k + 1, to, out int person))
            return CountHit.OfPerson(person, GroupOf(person));
        if (kind != CasualtyKind.Missing && k == first && _a.Has(k, Cue.ObjectPronoun))
            return CountHit.OfPerson(k, CasualtyGroup.Unknown);
        if (k == first && _a.IsCapitalizedWord(k) && _a.PlaceAt[k] < 0 && k + 1 < to && _a.IsCapitalizedWord(k + 1))
            return CountHit.OfPerson(k, CasualtyGroup.Unknown);
        return null;
    }

    /// <summary>"three people were killed", "One dead and three wounded", "a man was killed": the count before the word.</summary>
    private CountHit? CountLeft(int i, int from, CasualtyKind kind, int si, bool cumulative)
    {
        int startAt = _countFrom.TryGetValue(i, out int wounded) ? wounded : i;
        int limit = Math.Max(from, startAt - LeftWindow);
        int singular = -1;
        for (int k = startAt - 1; k >= limit; k--)
        {
            if (KindAt(k, from) is not null && k != i && !_woundedThenDied.Contains(k))
                return singular >= 0 ? CountHit.OfPerson(singular, GroupOf(singular)) : null;
            if (NextToWord(i, k) is { } near) return near.Person < 0 ? null : near;
            if (k >= i - 2 && _a.Has(k, Cue.ReportParticiple)) continue; // "confirmed dead", "feared killed"
            if (_a.IsClauseEnd(k) || _a.Has(k, Cue.SpeechVerb)) break;
            if (_a.IsDash(k) && _a.Tokens[k].Has(TokenFlags.SpaceBefore)) break;
            int q = _a.QuantityAt[k];
            if (q >= 0)
            {
                var qh = _a.Quantities[q];
                k = qh.First;
                if (_used.Contains((q, kind)) || Phrases.IsMunitionAfter(_a, qh.End, i) || IsNonPersonAfter(qh.End, i))
                {
                    if (singular >= 0) break;
                    continue;
                }
                if (k > from && _a.Has(k - 1, Cue.Including))
                {
                    // A subset ("including three children"): its own record, then keep looking for the whole.
                    AddSubset(si, kind, q, cumulative, GroupAfter(qh.End, i, GroupWindow, out _), _a.Tokens[k - 1].Start, qh.EndChar);
                    k--;
                    continue;
                }
                if (_a.Has(qh.End, Cue.Of) && (_a.Has(qh.End + 1, Cue.Article) || _a.Has(qh.End + 1, Cue.Them) || _a.Has(qh.End + 1, Cue.RelativeObject))
                    || _a.Has(k - 1, Cue.Remaining))
                {
                    // "Two of the dead were children", "the remaining 45": part of a count given elsewhere.
                    AddSubset(si, kind, q, cumulative, GroupAfter(qh.End, i + 2, NextFollowingWindow, out _), qh.Start, _a.Tokens[i].End);
                    return null;
                }
                q = AppositionHead(k, limit, kind, q);
                var g = GroupAfter(_a.Quantities[q].End, i, GroupWindow + 1, out _);
                if (g == CasualtyGroup.Unknown && singular >= 0) g = GroupOf(singular);
                return CountHit.OfQuantity(q, g);
            }
            if (singular < 0 && _a.Has(k, Cue.SingularPerson) && HasSingularDeterminer(k, limit))
                singular = k > from && _a.Has(k - 1, Cue.Including) || k > from + 1 && _a.Has(k - 2, Cue.Including) ? -1 : k;
            if (_a.Has(k, Cue.ClauseBreak) && !_a.Has(k, Cue.And)) break;
            if (_a.Has(k, Cue.And) && singular >= 0 && !_a.Has(k - 1, Cue.Person) && !_a.Has(k + 1, Cue.Person) && !_a.Has(k + 1, Cue.Possessive)) break;
        }
        if (singular >= 0) return CountHit.OfPerson(singular, GroupOf(singular));
        if (startAt == i && BarePersonBefore(i, from)) return CountHit.OfPerson(i - 1, GroupOf(i - 1)); // "a devotee injured"
        return SingularSubject(startAt, from);
    }

    /// <summary>
    /// The words right before a casualty word that decide it: "shot the driver to death", "shot him dead", "one dead",
    /// or "there are dead" (no count: a hit with no person). Null when they decide nothing.
    /// </summary>
    private CountHit? NextToWord(int i, int k)
    {
        if (k == i - 2 && _a.Has(i, Cue.DeathNoun) && _a.Has(i - 1, Cue.To) && (_a.Has(k, Cue.ObjectPronoun) || _a.IsCapitalizedWord(k)))
            return CountHit.OfPerson(k, CasualtyGroup.Unknown); // "stabbed Ms. Ortiz to death", "beat him to death"
        if (k != i - 1) return null;
        if (_a.Has(i, Cue.Dead) && _a.Has(k, Cue.ObjectPronoun)) return CountHit.OfPerson(k, CasualtyGroup.Unknown); // "shot him dead"
        if ((_a.Has(k, Cue.IndefiniteArticle) || _a.Has(k, Cue.NumeralOne)) && _a.Has(i, Cue.Dead)) return CountHit.OfPerson(k, GroupOf(i + 1)); // "one dead"
        if (_a.Has(k, Cue.BeVerb) && _a.Has(k - 1, Cue.Existential)) return new CountHit(-1, -1, CasualtyGroup.Unknown); // "there are dead"
        return null;
    }

    private void AddSubset(int si, CasualtyKind kind, int q, bool cumulative, CasualtyGroup group, int start, int end)
    {
        var qh = _a.Quantities[q];
        var sub = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, group, subset: true);
        sub.Evidence.Add(Evidence.Of(_a.Text, start, end));
        _found.Add(sub);
        _used.Add((q, kind));
    }

    /// <summary>"Nine people, seven soldiers and two medics, were killed": the count that heads the apposition, else <paramref name="q"/>.</summary>
    private int AppositionHead(int k, int limit, CasualtyKind kind, int q)
    {
        for (int b = k - 1; b >= Math.Max(limit, k - AppositionWindow); b--)
        {
            if (!_a.IsPunct(b, ',')) continue;
            for (int h = b - 1; h >= Math.Max(limit, b - GroupWindow); h--)
            {
                int hq = _a.QuantityAt[h];
                if (hq >= 0 && !_used.Contains((hq, kind)) && _a.Has(_a.Quantities[hq].End, Cue.Person)
                    && KindAt(_a.Quantities[hq].End, 0) is null && _a.Quantities[hq].End == b - 1)
                    return hq;
            }
            break;
        }
        return q;
    }

    /// <summary>"a devotee injured": an indefinite article, a lower-case noun that is not a weapon or attack word, a casualty word.</summary>
    private bool BarePersonBefore(int i, int from) =>
        i - 2 >= from && _a.Has(i - 2, Cue.IndefiniteArticle) && _a.Tokens[i - 1].Kind == TokenKind.Word && _a.IsLowerInitial(i - 1)
        && !_a.Has(i - 1, Cue.WeaponNoun) && !_a.Has(i - 1, Cue.StrikeTrigger) && !_a.Has(i - 1, Cue.NonPersonNoun) && _a.Has(i, Cue.BareCasualtyWord);

    /// <summary>"Pedro R. was killed", "a village elder has been stabbed", "she was wounded": a singular subject.</summary>
    private CountHit? SingularSubject(int startAt, int from)
    {
        for (int k = startAt - 1; k >= Math.Max(from, startAt - SubjectWindow); k--)
        {
            if (_a.Has(k, Cue.WasVerb) || _a.Has(k, Cue.HasVerb) && _a.Has(k + 1, Cue.Been))
            {
                int subj = k - 1;
                if (_a.Has(subj, Cue.Genitive) || _a.Has(subj, Cue.RelativeSubject)) subj--;
                if (subj >= from && _a.Tokens[subj].Kind == TokenKind.Word && !_a.Has(subj, Cue.DummySubject)
                    && (_a.Tokens[subj].Has(TokenFlags.Capitalized) || _a.Has(subj, Cue.SingularPerson) || _a.Has(subj, Cue.SubjectPronoun)))
                    return CountHit.OfPerson(subj, GroupOf(subj));
                return null;
            }
            if (!_a.Has(k, Cue.VerbGap)) return null;
        }
        return null;
    }

    /// <summary>
    /// After a count: "24 dead, including 13 children" (a subset), and for a transitive verb "killed five soldiers and
    /// three civilians" / "killed two children and a woman" (more groups).
    /// </summary>
    private void FollowingCounts(int si, int after, int to, CasualtyKind kind, bool coordinated, bool cumulative)
    {
        int k = after + 1;
        int stop = Math.Min(to, after + FollowingWindow);
        bool inSubsetList = false;
        while (k < stop)
        {
            if (KindAt(k, 0) is not null) return;
            bool including = _a.Has(k, Cue.Including) || inSubsetList && _a.Has(k, Cue.And);
            if (including) inSubsetList = true;
            bool and = coordinated && _a.Has(k, Cue.And);
            if (!including && !and)
            {
                if (_a.Tokens[k].Kind == TokenKind.Punctuation && !_a.IsPunct(k, ',')) return;
                k++;
                continue;
            }
            int j = k + 1;
            if (_a.Has(j, Cue.Them)) j++;
            if (_a.IsPunct(j, ',') || _a.IsPunct(j, ':')) j++;
            int q = j < _a.Tokens.Length ? _a.QuantityAt[j] : -1;
            if (q >= 0 && !_used.Contains((q, kind)) && !IsNonPersonAfter(_a.Quantities[q].End, to))
            {
                var qh = _a.Quantities[q];
                var g = GroupAfter(qh.End, to, GroupWindow, out bool person);
                if (!person && !including) return;
                var c = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, g, subset: including);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[k].Start, qh.EndChar));
                _found.Add(c);
                _used.Add((q, kind));
                k = qh.End;
                stop = Math.Min(to, k + NextFollowingWindow);
                continue;
            }
            if (including && _a.Has(j, Cue.IndefiniteArticle) && SingularPersonAhead(j + 1, to, out int member))
            {
                k = member + 1; // "including a nurse and 13 children": the list goes on
                stop = Math.Min(to, k + NextFollowingWindow);
                continue;
            }
            if (and && (_a.Has(j, Cue.IndefiniteArticle) || _a.Has(j, Cue.NumeralOne) || _a.Has(j, Cue.Possessive) || _a.Has(j, Cue.Another))
                && SingularPersonAhead(j + 1, to, out int person1))
            {
                var c = _records.NewCasualty(kind, Quantity.Exact(1), si, person1, cumulative, GroupOf(person1));
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[j].Start, _a.Tokens[person1].End));
                _found.Add(c);
                k = person1 + 1;
                continue;
            }
            return;
        }
    }

    private bool SingularPersonAhead(int k, int to, out int person)
    {
        for (int j = k; j < Math.Min(to, k + PersonAheadWindow); j++)
        {
            if (_a.Has(j, Cue.SingularPerson)) { person = j; return true; }
            if (_a.Tokens[j].Kind == TokenKind.Punctuation) break;
        }
        person = -1;
        return false;
    }

    private bool HasSingularDeterminer(int k, int limit)
    {
        if (k > 0 && _a.PlaceAt[k - 1] >= 0) return true; // "Kherson resident", "Gaza man"
        for (int d = k - 1; d >= Math.Max(limit, k - DeterminerWindow); d--)
        {
            if (_a.Has(d, Cue.IndefiniteArticle) || _a.Has(d, Cue.Article) || _a.Has(d, Cue.NumeralOne) || _a.Has(d, Cue.Another)
                || _a.Has(d, Cue.Possessive)) return true;
            if (_a.Tokens[d].Kind == TokenKind.Punctuation) return false;
        }
        // A headline: "Woman killed in rocket attack".
        return k == limit || _a.Tokens[k].Has(TokenFlags.Capitalized) && (k == 0 || _a.Tokens[k - 1].Kind == TokenKind.Punctuation || _a.Tokens[k].Has(TokenFlags.NewlineBefore));
    }

    /// <summary>"A teenager and her grandmother died": two.</summary>
    private int SingularCount(int person, int from)
    {
        for (int k = person + 1; k < Math.Min(_a.Tokens.Length, person + CompanionWindow); k++)
        {
            if (_a.Has(k, Cue.And) && (_a.Has(k + 1, Cue.SingularPerson) || _a.Has(k + 1, Cue.Possessive) && _a.Has(k + 2, Cue.SingularPerson)
                || _a.Has(k + 1, Cue.IndefiniteArticle) && _a.Has(k + 2, Cue.SingularPerson)))
                return 2;
            if (KindAt(k, from) is not null) break;
        }
        return 1;
    }

    /// <summary>True when the count counts things or attackers, not victims: "60 shells", "five times", "two gunmen".</summary>
    private bool IsNonPersonAfter(int k, int to)
    {
        for (int j = k; j < Math.Min(to, k + GroupWindow); j++)
        {
            if (_a.Has(j, Cue.Perpetrator)) return true;
            if (_a.Has(j, Cue.Person) || KindAt(j, 0) is not null) return false;
            if (_a.Has(j, Cue.NonPersonNoun) || _a.WeaponAt[j] >= 0) return true;
            if (_a.Tokens[j].Kind == TokenKind.Punctuation) return false;
            // adjectives and nationalities before the noun: "Ukrainian soldiers", "local residents"
            if (!(_a.Tokens[j].Has(TokenFlags.Capitalized) || _a.Has(j, Cue.AdjectiveLike) || _a.Has(j, Cue.MoreOther))) return false;
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
            if (_a.Has(i, Cue.Person)) person = true;
        }
        return CasualtyGroup.Unknown;
    }

    private CasualtyGroup GroupAround(int i, int to)
    {
        for (int k = i; k < Math.Min(to, i + TollKindWindow); k++)
        {
            var g = GroupOf(k);
            if (g != CasualtyGroup.Unknown) return g;
        }
        return CasualtyGroup.Unknown;
    }

    private CasualtyGroup GroupOf(int i)
    {
        if ((uint)i >= (uint)_a.Tokens.Length) return CasualtyGroup.Unknown;
        if (_a.Has(i, Cue.Child)) return CasualtyGroup.Child;
        if (_a.Has(i, Cue.AgeWord)) // "an 11-year-old", "a four-year-old girl"
        {
            if (_a.Has(i + 1, Cue.Child)) return CasualtyGroup.Child;
            int age = AgeOf(_a.Word(i));
            if (age is > 0 and < 18) return CasualtyGroup.Child;
            return GroupOf(i + 1);
        }
        if (_a.Has(i, Cue.Military)) return CasualtyGroup.Military;
        if (_a.Has(i, Cue.Civilian)) return CasualtyGroup.Civilian;
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
