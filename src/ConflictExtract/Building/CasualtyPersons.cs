using ConflictExtract.Languages;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

internal sealed partial class CasualtyRules
{
    /// <summary>How far before a casualty word a singular subject's auxiliary may stand ("a guard was shot and killed").</summary>
    private const int SubjectWindow = 5;

    /// <summary>How far after a count its group noun may stand ("14 local residents").</summary>
    private const int GroupWindow = 3;

    /// <summary>How far a determiner may stand before a singular person ("a local official").</summary>
    private const int DeterminerWindow = 3;

    /// <summary>How far after a singular person a companion may be named ("a boy and his mother").</summary>
    private const int CompanionWindow = 5;

    /// <summary>How far after a determiner its person noun may stand ("a 70-year-old retired village teacher").</summary>
    private const int PersonAheadWindow = 6;

    /// <summary>How far into the sentence a name may start that an appositive separates from its verb ("Ana Ruiz, a nurse, was killed").</summary>
    private const int AppositiveNameWindow = 14;

    /// <summary>
    /// The person noun of a noun phrase starting at <paramref name="k"/> (after its determiner): "village headman",
    /// "senior Buddhist monk", "head of the council". The search stops at a count, a conjunction, punctuation or a casualty word.
    /// </summary>
    private bool SingularPersonAhead(int k, int to, out int person)
    {
        for (int j = k; j < Math.Min(to, k + PersonAheadWindow); j++)
        {
            if (_a.Has(j, Cue.Perpetrator)) break; // "killed a gunman": an attacker, not a victim
            // "the head of the council", "a village head": "head" names a person when a modifier or "of" goes with it.
            if (_a.Has(j, Cue.SingularPerson) || _a.Has(j, Cue.CoupleNoun) || _a.Has(j, Cue.HeadOf) && (_a.Has(j + 1, Cue.Of) || j > k)) { person = j; return true; }
            if (_a.Tokens[j].Kind == TokenKind.Punctuation || _a.QuantityAt[j] >= 0 && !_a.Has(j, Cue.AgeWord) || _a.Has(j, Cue.And)
                || KindAt(j, 0) is not null) break;
        }
        person = -1;
        return false;
    }

    /// <summary>How far back a pronoun's antecedent is looked for ("A gunman killed four people before police shot him dead").</summary>
    private const int AntecedentWindow = 40;

    /// <summary>
    /// "A gunman killed four customers before officers shot him dead": the nearest singular person noun before the pronoun
    /// is an attacker, so the pronoun is too, and he is no victim.
    /// </summary>
    private bool RefersToPerpetrator(int pronoun)
    {
        for (int k = pronoun - 1; k >= Math.Max(0, pronoun - AntecedentWindow); k--)
        {
            if (_a.Has(k, Cue.Perpetrator) && !_a.Has(k + 1, Cue.Person)) return _a.Has(k, Cue.SingularPerson) || IsSingularPerpetrator(k);
            if (_a.Has(k, Cue.SingularPerson) || _a.PlaceAt[k] < 0 && _a.IsCapitalizedWord(k) && _a.IsCapitalizedWord(k - 1) && !_a.Has(k, Cue.Perpetrator)) return false;
        }
        return false;
    }

    /// <summary>"attacker", "bomber", "assailant": a perpetrator noun in the singular (the class holds both numbers).</summary>
    private bool IsSingularPerpetrator(int k) => !_a.Word(k).EndsWith('s');

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

    /// <summary>"a devotee injured": an indefinite article, a lower-case noun that is not a weapon or attack word, a casualty word.</summary>
    private bool BarePersonBefore(int i, int from) =>
        i - 2 >= from && _a.Has(i - 2, Cue.IndefiniteArticle) && _a.Tokens[i - 1].Kind == TokenKind.Word && _a.IsLowerInitial(i - 1)
        && !_a.Has(i - 1, Cue.WeaponNoun) && !_a.Has(i - 1, Cue.StrikeTrigger) && !_a.Has(i - 1, Cue.NonPersonNoun) && _a.Has(i, Cue.BareCasualtyWord);

    /// <summary>
    /// "Pedro R. was killed", "a village elder has been stabbed", "she was wounded", "a muezzin — who led the prayers —
    /// was shot", "Ana Ruiz, a nurse at the clinic, was killed": a singular subject of the casualty word <paramref name="i"/>.
    /// </summary>
    private CountHit? SingularSubject(int startAt, int from, int i)
    {
        for (int k = startAt - 1; k >= Math.Max(from, startAt - SubjectWindow); k--)
        {
            if (_a.Has(k, Cue.WasVerb) || _a.Has(k, Cue.HasVerb) && _a.Has(k + 1, Cue.Been))
            {
                int subj = k - 1;
                if (_a.Has(subj, Cue.Genitive) || _a.Has(subj, Cue.RelativeSubject)) subj--;
                subj = SkipParenthetical(subj, from);
                if (_a.IsPunct(subj, ',')) return AppositiveName(subj, from);
                if (subj >= from && _a.Tokens[subj].Kind == TokenKind.Word && !_a.Has(subj, Cue.DummySubject) && !_a.Has(subj, Cue.Perpetrator)
                    && (_a.Tokens[subj].Has(TokenFlags.Capitalized) || _a.Has(subj, Cue.SingularPerson) || _a.Has(subj, Cue.SubjectPronoun)
                        || UnlistedPersonNoun(subj, from, i)))
                    return CountHit.OfPerson(subj, GroupOf(subj));
                return null;
            }
            if (!_a.Has(k, Cue.VerbGap) && !(_a.Has(k, Cue.PastParticiple) && _a.Has(k + 1, Cue.And))) return null; // "was ambushed and murdered"
        }
        return null;
    }

    /// <summary>The token before a dash-delimited parenthetical that ends at <paramref name="k"/>, else <paramref name="k"/>.</summary>
    private int SkipParenthetical(int k, int from)
    {
        if (!_a.IsDash(k)) return k;
        for (int j = k - 1; j >= Math.Max(from, k - ParentheticalWindow); j--)
        {
            if (_a.IsClauseEnd(j)) return k;
            if (_a.IsDash(j)) return j - 1;
        }
        return k;
    }

    /// <summary>
    /// "Ana Ruiz, a nurse at the clinic, was killed": a name near the sentence start (two or more capitalised words, or a
    /// PER span, not a place), a comma, then an appositive with no clause end or casualty word before the subject's comma.
    /// </summary>
    private CountHit? AppositiveName(int comma, int from)
    {
        int end = Math.Min(comma, from + AppositiveNameWindow);
        for (int j = from + 1; j < end; j++)
        {
            if (!_a.IsPunct(j, ',')) continue;
            int r = j;
            while (r > from && (_a.IsCapitalizedWord(r - 1) && _a.PlaceAt[r - 1] < 0 || _a.Has(r - 1, Cue.NameParticle) && _a.IsCapitalizedWord(r - 2))) r--;
            if (j - r < 2 && !IsPersonSpanEnd(j)) continue;
            for (int k = j + 1; k < comma; k++)
                if (_a.IsClauseEnd(k) || KindAt(k, from) is not null || _a.Has(k, Cue.SpeechVerb)) return null;
            return CountHit.OfPerson(Math.Max(r, from), CasualtyGroup.Unknown);
        }
        return null;
    }

    /// <summary>True when a tagged PER span ends right before token <paramref name="k"/>.</summary>
    private bool IsPersonSpanEnd(int k)
    {
        foreach (var t in _a.Tagged)
        {
            if (t.EndToken > k) break;
            if (t.EndToken == k && t.Label == EntityLabel.Per) return true;
        }
        return false;
    }

    /// <summary>
    /// A lower-case noun with a determiner before it, subject of a killing ("an imam was beheaded", "a vendor was shot
    /// dead"): a person unless the language lists it as a thing, an animal, a weapon or an attack.
    /// </summary>
    private bool UnlistedPersonNoun(int subj, int from, int i) =>
        _a.IsLowerInitial(subj) && _a.Has(i, Cue.Killed) && !_a.Has(i, Cue.NeedsPersonObject) && _a.PlaceAt[subj] < 0 && _a.WeaponAt[subj] < 0
        && !_a.Has(subj, Cue.NonPersonNoun) && !_a.Has(subj, Cue.WeaponNoun) && !_a.Has(subj, Cue.StrikeTrigger) && !_a.Has(subj, Cue.Person)
        && (_a.Has(subj - 1, Cue.IndefiniteArticle) || _a.Has(subj - 2, Cue.IndefiniteArticle) && _a.Tokens[subj - 1].Kind == TokenKind.Word);

    /// <summary>True when the count counts things or attackers, not victims: "60 shells", "five times", "two gunmen", "dozens of homes".</summary>
    private bool IsNonPersonAfter(int k, int to)
    {
        if (_a.Has(k, Cue.Of) && !_a.Has(k + 1, Cue.Them)) k += _a.Has(k + 1, Cue.Article) ? 2 : 1; // "dozens of homes", "hundreds of the cattle"
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
            if (_a.Has(i, Cue.Person) || IsNationalityNoun(i)) person = true;
        }
        return CasualtyGroup.Unknown;
    }

    /// <summary>A capitalised plural the tagger marks as a nationality or a community ("eight Somalis"): people.</summary>
    private bool IsNationalityNoun(int i)
    {
        if (!_a.IsCapitalizedWord(i)) return false;
        var tagged = _a.Tagged;
        int lo = 0, hi = tagged.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tagged[mid].EndToken <= i) lo = mid + 1; else hi = mid;
        }
        return lo < tagged.Length && tagged[lo].FirstToken <= i && tagged[lo].Label == EntityLabel.Norp;
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
