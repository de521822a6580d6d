using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

internal sealed partial class CasualtyRules
{
    /// <summary>How far after a transitive casualty verb its count may start ("killed at least 14").</summary>
    private const int RightWindow = 4;

    /// <summary>How far before a casualty word its count may stand ("Eight members of the X party were shot dead").</summary>
    private const int LeftWindow = 20;

    /// <summary>How far before a count the head of its apposition may stand ("Nine people, seven of them soldiers, ...").</summary>
    private const int AppositionWindow = 8;

    /// <summary>How far after a count its following counts may stand ("... , including five children").</summary>
    private const int FollowingWindow = 8;

    /// <summary>How far after one following count the next may stand ("five children and two women").</summary>
    private const int NextFollowingWindow = 6;

    /// <summary>How far before a subject's "and" the conjunct before it may start ("13 inmates of the jail and a guard").</summary>
    private const int CoordinationWindow = 10;

    /// <summary>The longest parenthetical between dashes that a leftward search crosses ("17 civilians — among them ... —").</summary>
    private const int ParentheticalWindow = 14;

    /// <summary>"killed at least 14 civilians", "wounding 23", "killed a teacher", "shot him": the count after the verb.</summary>
    private CountHit? CountRight(int i, int to, CasualtyKind kind, bool needsObject)
    {
        int first = i + 1;
        if (_a.Has(i, Cue.Gunned) || _a.Has(i, Cue.BodyNoun)) first++; // "gunned down", "bodies of"
        for (int k = first; k < Math.Min(to, first + RightWindow); k++)
        {
            int q = _a.QuantityAt[k];
            if (q < 0 && k == first && PossessorEnd(k, to) is var owned and > 0)
            {
                // "killing the farmer's three sons", "shot the mayor's wife": the possessor is no victim; what follows is the object.
                if (_a.QuantityAt[owned] < 0)
                    return !needsObject && kind != CasualtyKind.Missing && SingularPersonAhead(owned, to, out int kin) ? Singular(kin) : null;
                first = owned;
                k = owned - 1;
                continue;
            }
            if (q < 0)
            {
                var person = CountRightWithoutNumber(k, first, to, kind, needsObject, out bool skip);
                if (skip) continue;
                return person;
            }
            if (_used.Contains((q, kind))) return null;
            var qh = _a.Quantities[q];
            if (_a.Tokens[qh.First].Start != _a.Tokens[k].Start && k != qh.First) continue;
            if (Phrases.IsMunitionAfter(_a, qh.End, to) || IsNonPersonAfter(qh.End, to))
            {
                // "killed 40 cattle and two herders": the people may follow the things.
                int and = ConjunctAfter(qh.End, to);
                if (and < 0) return null;
                k = and;
                first = and + 1;
                continue;
            }
            var g = GroupAfter(qh.End, to, needsObject ? FollowingWindow : GroupWindow, out bool isPerson);
            if (needsObject && !isPerson) return null;
            return CountHit.OfQuantity(q, g);
        }
        return null;
    }

    /// <summary>The "and" right after the noun phrase that ends before <paramref name="k"/>, or -1 (a clause end first).</summary>
    private int ConjunctAfter(int k, int to)
    {
        for (int j = k; j < Math.Min(to, k + GroupWindow + 1); j++)
        {
            if (_a.Has(j, Cue.And)) return j;
            if (_a.Tokens[j].Kind == TokenKind.Punctuation || KindAt(j, 0) is not null) return -1;
        }
        return -1;
    }

    /// <summary>
    /// A token after a transitive verb that is not a count: a lead word to skip ("at least"), a person named by a noun
    /// ("killed a village headman", "shot dead the mayor", "killed his wife", "an elderly couple", "a family of four"), a
    /// pronoun or a name ("shot him", "killed 52-year-old Ana Ruiz"), or the end of the search.
    /// </summary>
    private CountHit? CountRightWithoutNumber(int k, int first, int to, CasualtyKind kind, bool needsObject, out bool skip)
    {
        skip = false;
        if (!needsObject && kind != CasualtyKind.Missing && PersonPhraseAt(k, to) is { } phrase) return phrase;
        if (_a.Has(k, Cue.CountLead) && !_a.Has(k, Cue.Dead) || k == first && (_a.Has(k, Cue.Dead) || _a.Has(k, Cue.Down)))
        {
            skip = true;
            return null;
        }
        if (needsObject) return null;
        if (kind != CasualtyKind.Missing && k == first && _a.Has(k, Cue.ObjectPronoun)) // "police killed him": none when he is the attacker
            return RefersToPerpetrator(k) ? CountHit.None : CountHit.OfPerson(k, CasualtyGroup.Unknown);
        // "killed prominent Jordanian writer Ana Ruiz", "murdered senior judge of the court": a role with no determiner.
        if (kind != CasualtyKind.Missing && k == first && SingularPersonAhead(k, to, out int role) && role > k
            && (_a.IsCapitalizedWord(role + 1) || _a.Has(role + 1, Cue.Of)))
            return CountHit.OfPerson(role, GroupOf(role));
        // "killed director of the palace", "killed mayor Pedro Ruiz", "wounding another": a person with no determiner.
        if (kind != CasualtyKind.Missing && k == first && (_a.Has(k, Cue.SingularPerson) && !_a.Has(k, Cue.Perpetrator)
                && (_a.Has(k + 1, Cue.Of) || _a.IsCapitalizedWord(k + 1))
            || _a.Has(k, Cue.Another) && _a.QuantityAt[Math.Min(k + 1, _a.Tokens.Length - 1)] < 0 && !_a.Has(k + 1, Cue.Person)))
            return CountHit.OfPerson(k, GroupOf(k));
        int name = k == first && _a.Has(k, Cue.AgeWord) ? k + 1 : k; // "killed 68-year-old Ana Ruiz"
        // A first name may be a place's name too ("Aydin"); the surname after it may not.
        if ((k == first || name > k) && _a.IsCapitalizedWord(name) && name + 1 < to && _a.IsCapitalizedWord(name + 1) && _a.PlaceAt[name + 1] < 0
            && (_a.PlaceAt[name] < 0 || _a.PlaceAt[name] != _a.PlaceAt[name + 1]))
            return CountHit.OfPerson(name, CasualtyGroup.Unknown);
        return null;
    }

    /// <summary>"the farmer's", "a local official's": a determiner, a person noun and a genitive; the token after it, else -1.</summary>
    private int PossessorEnd(int k, int to)
    {
        if (!(_a.Has(k, Cue.IndefiniteArticle) || _a.Has(k, Cue.Article) || _a.Has(k, Cue.Possessive))) return -1;
        if (!SingularPersonAhead(k + 1, to, out int owner) || !_a.Has(owner + 1, Cue.Genitive) || owner + 2 >= to) return -1;
        return owner + 2;
    }

    /// <summary>
    /// A determiner before a person noun: "a/the/his [modifiers] headman" (one), "an elderly couple" (two), "a family of
    /// four" (the count after "of").
    /// </summary>
    private CountHit? PersonPhraseAt(int k, int to)
    {
        if (!(_a.Has(k, Cue.IndefiniteArticle) || _a.Has(k, Cue.Article) || _a.Has(k, Cue.Possessive))) return null;
        if (_a.Has(k + 1, Cue.FamilyNoun) && _a.Has(k + 2, Cue.Of) && k + 3 < to && _a.QuantityAt[k + 3] is int q and >= 0 && !_used.Contains((q, CasualtyKind.Killed)))
            return CountHit.OfQuantity(q, CasualtyGroup.Civilian);
        if (!SingularPersonAhead(k + 1, to, out int person)) return null;
        return CountHit.OfPerson(person, GroupOf(person), _a.Has(person, Cue.CoupleNoun) ? 2 : 1);
    }

    /// <summary>"three people were killed", "One dead and three wounded", "a man was killed": the count before the word.</summary>
    private CountHit? CountLeft(int i, int from, CasualtyKind kind, int si, bool cumulative)
    {
        int startAt = _countFrom.TryGetValue(i, out int wounded) ? wounded : i;
        int limit = Math.Max(from, startAt - LeftWindow);
        bool singularVerb = SingularVerbGroup(i, from);
        bool inParenthetical = false;
        int singular = -1;
        bool joined = false; // an "and" before the singular person: a subject of its own
        for (int k = startAt - 1; k >= limit; k--)
        {
            if (KindAt(k, from) is not null && k != i && !_woundedThenDied.Contains(k))
                return singular >= 0 ? Singular(singular) : null;
            if (NextToWord(i, k) is { } near) return near;
            if (k >= i - 2 && _a.Has(k, Cue.ReportParticiple)) continue; // "confirmed dead", "feared killed"
            if (_a.IsClauseEnd(k) || _a.Has(k, Cue.SpeechVerb) && !_a.Has(k - 1, Cue.Auxiliary)) break; // "were reported to have died" reads on
            if (_a.IsDash(k) && _a.Tokens[k].Has(TokenFlags.SpaceBefore))
            {
                // "Six children - three of them siblings - were killed": a parenthetical between dashes is crossed.
                if (inParenthetical) { inParenthetical = false; continue; }
                if (!DashBefore(k, limit)) break;
                inParenthetical = true;
                continue;
            }
            int q = _a.QuantityAt[k];
            if (q >= 0 && inParenthetical)
            {
                k = SubsetBetweenDashes(q, i, si, kind, cumulative);
                continue;
            }
            if (q >= 0)
            {
                var qh = _a.Quantities[q];
                k = qh.First;
                if (_used.Contains((q, kind)) || Phrases.IsMunitionAfter(_a, qh.End, i) || IsNonPersonAfter(qh.End, i)
                    || singularVerb && (qh.Value.Headline ?? 0) > 1 && !inParenthetical)
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
                if (IsPartOfAnother(qh, k) && HasFigureBefore(kind))
                {
                    // "Two of the dead were children", "the remaining 45": part of a count given elsewhere (or, between
                    // dashes, of the count before the dash).
                    AddSubset(si, kind, q, cumulative, GroupAfter(qh.End, i + 2, NextFollowingWindow, out _), qh.Start, _a.Tokens[i].End);
                    if (inParenthetical) continue;
                    return null;
                }
                int inner = q;
                q = AppositionHead(k, limit, kind, q, i);
                if (q != inner) _apposition = true; // the list inside the commas is not coordinated with the head
                var g = GroupAfter(_a.Quantities[q].End, i, GroupWindow + 1, out _);
                if (joined) AddJoinedPerson(si, kind, singular, cumulative); // "two sons and a neighbour were killed": 2 and 1
                else if (g == CasualtyGroup.Unknown && singular >= 0) g = GroupOf(singular);
                return CountHit.OfQuantity(q, g);
            }
            if (singular < 0 && !inParenthetical && IsPersonNoun(k) && !_a.Has(k, Cue.Perpetrator) && HasSingularDeterminer(k, limit))
                singular = AfterIncluding(k, from) ? -1 : k;
            if (_a.Has(k, Cue.ClauseBreak) && !_a.Has(k, Cue.And))
            {
                // "the two guards who were shot dead": the relative pronoun's antecedent is the count.
                if (_a.Has(k, Cue.RelativeSubject) && singular < 0 && OnlyVerbGroup(k + 1, i)) continue;
                break;
            }
            if (_a.Has(k, Cue.And) && singular >= 0)
            {
                if (!_a.Has(k - 1, Cue.Person) && !_a.Has(k + 1, Cue.Person) && !_a.Has(k + 1, Cue.Possessive)) break;
                joined = true;
            }
        }
        if (singular >= 0) return Singular(singular);
        if (startAt == i && BarePersonBefore(i, from)) return CountHit.OfPerson(i - 1, GroupOf(i - 1)); // "a devotee injured"
        return SingularSubject(startAt, from, i);
    }

    /// <summary>
    /// Between dashes a count is part of the count before them ("Six children - three of them siblings -"): a subset
    /// when it names people or a part. Returns the count's first token, where the leftward scan goes on.
    /// </summary>
    private int SubsetBetweenDashes(int q, int i, int si, CasualtyKind kind, bool cumulative)
    {
        var ph = _a.Quantities[q];
        if (!_used.Contains((q, kind)) && GroupAfter(ph.End, i, NextFollowingWindow, out bool isPerson) is var pg
            && (isPerson || IsPartOfAnother(ph, ph.First)))
            AddSubset(si, kind, q, cumulative, pg, ph.Start, ph.EndChar);
        return ph.First;
    }

    /// <summary>The person joined by "and" after a count ("two sons and a neighbour"): one casualty of its own.</summary>
    private void AddJoinedPerson(int si, CasualtyKind kind, int person, bool cumulative)
    {
        if (HasDraftAt(kind, person)) return;
        var c = _records.NewCasualty(kind, Quantity.Exact(_a.Has(person, Cue.CoupleNoun) ? 2 : 1), si, person, cumulative, GroupOf(person), CountOrigin.Coordinated, _word);
        c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[person].Start, _a.Tokens[person].End));
        _found.Add(c);
    }

    /// <summary>A noun naming one person ("headman"), two ("couple"), or "head" before "of" ("the head of the council").</summary>
    private bool IsPersonNoun(int k) =>
        _a.Has(k, Cue.SingularPerson) || _a.Has(k, Cue.CoupleNoun) || _a.Has(k, Cue.HeadOf) && _a.Has(k + 1, Cue.Of);

    /// <summary>"including the state minister", "among them a nurse": the person is part of a count before.</summary>
    private bool AfterIncluding(int k, int from)
    {
        for (int d = k - 1; d >= Math.Max(from, k - DeterminerWindow - 1); d--)
        {
            if (_a.Has(d, Cue.Including)) return true;
            if (_a.Tokens[d].Kind != TokenKind.Word || _a.Has(d, Cue.And)) return false;
        }
        return false;
    }

    private CountHit Singular(int token) => CountHit.OfPerson(token, GroupOf(token), _a.Has(token, Cue.CoupleNoun) ? 2 : 1);

    /// <summary>"Two of the dead", "three of them", "the remaining 45": a part of another count.</summary>
    private bool IsPartOfAnother(Analysis.QuantityHit qh, int k) =>
        _a.Has(qh.End, Cue.Of) && (_a.Has(qh.End + 1, Cue.Article) || _a.Has(qh.End + 1, Cue.Them) || _a.Has(qh.End + 1, Cue.RelativeObject))
        || _a.Has(k - 1, Cue.Remaining);

    /// <summary>
    /// A figure of <paramref name="kind"/> found before, in this sentence or an earlier one: "two of the dead" is part of
    /// it; with none, "one of the most prominent singers was killed" is a count of its own.
    /// </summary>
    private bool HasFigureBefore(CasualtyKind kind)
    {
        foreach (var c in _found) if (c.Kind == kind && !c.Subset) return true;
        foreach (var c in _records.Casualties) if (c.Kind == kind && !c.Subset) return true;
        return false;
    }

    /// <summary>A dash (with a space before it) among the <see cref="ParentheticalWindow"/> tokens before <paramref name="k"/>.</summary>
    private bool DashBefore(int k, int limit)
    {
        for (int j = k - 1; j >= Math.Max(limit, k - ParentheticalWindow); j--)
        {
            if (_a.IsClauseEnd(j)) return false;
            if (_a.IsDash(j) && _a.Tokens[j].Has(TokenFlags.SpaceBefore)) return true;
        }
        return false;
    }

    /// <summary>The verb group before casualty word <paramref name="i"/> is singular: "was killed", "has been shot", "is dead".</summary>
    private bool SingularVerbGroup(int i, int from)
    {
        for (int k = i - 1; k >= Math.Max(from, i - SubjectWindow); k--)
        {
            if (_a.Has(k, Cue.SingularAux)) return true;
            if (!(_a.Has(k, Cue.VerbGap) || _a.Has(k, Cue.Been) || _a.Has(k, Cue.ReportParticiple))) return false;
        }
        return false;
    }

    /// <summary>Tokens [<paramref name="from"/>, <paramref name="to"/>) are auxiliaries and adverbs only: "had been", "was reportedly".</summary>
    private bool OnlyVerbGroup(int from, int to)
    {
        for (int k = from; k < to; k++)
            if (!(_a.Has(k, Cue.Auxiliary) || _a.Has(k, Cue.PerfectAux) || _a.Has(k, Cue.VerbGap) || _a.Has(k, Cue.ReportParticiple))) return false;
        return true;
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
        if (_a.Has(i, Cue.Dead) && _a.Has(k, Cue.ObjectPronoun)) // "shot him dead"
            return RefersToPerpetrator(k) ? CountHit.None : CountHit.OfPerson(k, CasualtyGroup.Unknown);
        if ((_a.Has(k, Cue.IndefiniteArticle) || _a.Has(k, Cue.NumeralOne)) && _a.Has(i, Cue.Dead)) return CountHit.OfPerson(k, GroupOf(i + 1)); // "one dead"
        if (_a.Has(k, Cue.BeVerb) && _a.Has(k - 1, Cue.Existential)) return CountHit.None; // "there are dead"
        return null;
    }

    private void AddSubset(int si, CasualtyKind kind, int q, bool cumulative, CasualtyGroup group, int start, int end)
    {
        var qh = _a.Quantities[q];
        var sub = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, group, CountOrigin.Subset, _word);
        sub.Evidence.Add(Evidence.Of(_a.Text, start, end));
        _found.Add(sub);
        _used.Add((q, kind));
    }

    /// <summary>
    /// "Nine people, seven soldiers and two medics, were killed": the count that heads the apposition, else <paramref
    /// name="q"/>. The apposition must close with a comma right before the verb group.
    /// </summary>
    private int AppositionHead(int k, int limit, CasualtyKind kind, int q, int i)
    {
        // The apposition closes with a comma after the inner count and before the verb.
        bool closed = false;
        for (int c = _a.Quantities[q].End; c < i && !closed; c++)
        {
            if (_a.IsClauseEnd(c)) break;
            closed = _a.IsPunct(c, ',');
        }
        if (!closed) return q;
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

    /// <summary>
    /// The subjects joined to a subject count by "and" or commas: "Eight engineers of the company and three other people
    /// were found dead" (8 and 3), "A journalist and two colleagues were killed" (1 and 2). Each is a draft of its own.
    /// </summary>
    private void CoordinatedBefore(int si, int first, int from, CasualtyKind kind, bool cumulative)
    {
        if (_apposition) return;
        int k = first - 1;
        if (!(_a.Has(k, Cue.And) || _a.IsPunct(k, ','))) return;
        for (int j = k - 1; j >= Math.Max(from, k - CoordinationWindow); j--)
        {
            if (_a.IsClauseEnd(j) || KindAt(j, from) is not null || _a.Has(j, Cue.SpeechVerb) || _a.Has(j, Cue.ClauseBreak) && !_a.Has(j, Cue.And)
                || _a.Has(j, Cue.Auxiliary) || _a.Has(j, Cue.PerfectAux)) return;
            int q = _a.QuantityAt[j];
            if (q >= 0)
            {
                var qh = _a.Quantities[q];
                if (_used.Contains((q, kind)) || _a.Has(qh.First - 1, Cue.Including) || IsNonPersonAfter(qh.End, k)) return;
                var g = GroupAfter(qh.End, k, GroupWindow, out bool person);
                if (!person) return;
                var c = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, g, CountOrigin.Coordinated, _word);
                c.Evidence.Add(Evidence.Of(_a.Text, qh.Start, _a.Tokens[k - 1].End));
                _found.Add(c);
                _used.Add((q, kind));
                CoordinatedBefore(si, qh.First, from, kind, cumulative);
                return;
            }
            if (_a.Has(j, Cue.Perpetrator)) return;
            if (_a.Has(j, Cue.SingularPerson) && HasSingularDeterminer(j, from) && !_a.Has(j - 1, Cue.Including) && !HasDraftAt(kind, j))
            {
                var c = _records.NewCasualty(kind, Quantity.Exact(1), si, j, cumulative, GroupOf(j), CountOrigin.Coordinated, _word);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[j].Start, _a.Tokens[j].End));
                _found.Add(c);
                CoordinatedBefore(si, PhraseStart(j, from), from, kind, cumulative); // "a woman, a man and a child"
                return;
            }
        }
    }

    /// <summary>"alongside", "along with", "together with" at token <paramref name="k"/>.</summary>
    private bool IsCompanion(int k) => _a.Has(k, Cue.Companion) || _a.Has(k, Cue.CompanionLead) && _a.Has(k + 1, Cue.With);

    /// <summary>
    /// After a count: "24 dead, including 13 children" (a subset), and for a transitive verb "killed five soldiers and
    /// three civilians" / "killed two children and a woman" (more groups); after any casualty word a companion ("was
    /// killed alongside his nephew", "along with two guards").
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
            bool companion = IsCompanion(k);
            bool and = coordinated && _a.Has(k, Cue.And) || companion;
            if (companion && !_a.Has(k, Cue.Companion)) k++; // "along with": the list starts after "with"
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
                var c = _records.NewCasualty(kind, qh.Value, si, qh.First, cumulative, g, including ? CountOrigin.Subset : CountOrigin.Following, _word);
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
            if (and && (_a.Has(j, Cue.IndefiniteArticle) || _a.Has(j, Cue.NumeralOne) || _a.Has(j, Cue.Possessive) || _a.Has(j, Cue.Another)
                || _a.Has(j, Cue.Article)) && SingularPersonAhead(j + 1, to, out int person1))
            {
                var c = _records.NewCasualty(kind, Quantity.Exact(1), si, person1, cumulative, GroupOf(person1), CountOrigin.Following, _word);
                c.Evidence.Add(Evidence.Of(_a.Text, _a.Tokens[j].Start, _a.Tokens[person1].End));
                _found.Add(c);
                k = person1 + 1;
                continue;
            }
            return;
        }
    }
}
