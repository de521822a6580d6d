using System.Globalization;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Recognizers;

/// <summary>
/// The fast paths: a cursor over tokens with a lazily filled classification cache.
/// All parsing works on <see cref="Lex"/> codes; no per-token strings.
/// </summary>
internal ref struct Scan
{
    public readonly string Text;
    public readonly ReadOnlySpan<Token> Tokens;
    private readonly Span<int> _cache; // 0 = not computed; else ((kind + 1) << 24) | value

    public Scan(string text, ReadOnlySpan<Token> tokens, Span<int> cache)
    {
        Text = text;
        Tokens = tokens;
        _cache = cache;
        _cache.Clear();
    }

    public readonly int Count => Tokens.Length;

    public readonly Lex L(int i)
    {
        if ((uint)i >= (uint)Tokens.Length) return default;
        int c = _cache[i];
        if (c == 0)
        {
            var lex = Lexer.Classify(Text, Tokens[i]);
            c = ((int)(lex.Kind + 1) << 24) | (lex.Value & 0xFFFFFF);
            _cache[i] = c;
        }
        return new Lex((LexKind)((c >> 24) - 1), c & 0xFFFFFF);
    }

    public readonly bool Kw(int i, Kw k) => L(i).IsKw(k);

    /// <summary>Token i touches token i-1 (no space between).</summary>
    public readonly bool Glued(int i) => i > 0 && i < Tokens.Length && Tokens[i].Start == Tokens[i - 1].End;

    public readonly int StartOf(int i) => Tokens[i].Start;

    public readonly int EndOf(int iExclusive) => Tokens[iExclusive - 1].End;

    /// <summary>Skips a "." token glued to a month abbreviation.</summary>
    private readonly int SkipDot(int j) => L(j).IsPunct('.') && Glued(j) ? j + 1 : j;

    // ---------------------------------------------------------------- numbers

    /// <summary>Parses a number at token i. <paramref name="plural"/> marks "dozens"/"hundreds" (value = implied low bound).</summary>
    public readonly bool TryNumber(int i, out long value, out int end, out bool plural, out bool yearLike)
    {
        value = 0; end = i; plural = false; yearLike = false;
        var l = L(i);
        switch (l.Kind)
        {
            case LexKind.Digits:
            {
                if (!Lexer.TryParseDigits(Tokens[i].Slice(Text), out double v, out bool dec, out bool grouped)) return false;
                var m = L(i + 1);
                if (m.Kind == LexKind.Multiplier && m.Value >= 3)
                {
                    value = (long)Math.Round(v * Math.Pow(10, m.Value));
                    end = i + 2;
                    return true;
                }
                if (dec) return false;
                if (v > 1e15) return false;
                value = (long)v;
                if (!grouped && Tokens[i].Length == 4 && value is >= 1900 and <= 2100) yearLike = true;
                end = i + 1;
                return true;
            }
            case LexKind.Plural:
            {
                if (l.Value == 20) // "tens of thousands"
                {
                    if (Kw(i + 1, Recognizers.Kw.Of) && L(i + 2).Kind == LexKind.Plural && L(i + 2).Value >= 2000)
                    { value = 10L * L(i + 2).Value; end = i + 3; plural = true; return true; }
                    return false;
                }
                if (l.Value == 40 && !Kw(i + 1, Recognizers.Kw.Of)) return false; // "scores" needs "of"
                value = l.Value;
                end = i + 1;
                if (l.Value == 200 && Kw(i + 1, Recognizers.Kw.Of) && L(i + 2).Kind == LexKind.Plural && L(i + 2).Value >= 2000)
                { value = 100L * L(i + 2).Value; end = i + 3; }
                plural = true;
                return true;
            }
            case LexKind.Kw when l.Value == (int)Recognizers.Kw.Half:
                if (Kw(i + 1, Recognizers.Kw.A) && L(i + 2).Kind == LexKind.Dozen) { value = L(i + 2).Value / 2; end = i + 3; return true; }
                return false;
            case LexKind.Kw when l.Value == (int)Recognizers.Kw.A:
            {
                var m = L(i + 1);
                if (m.Kind == LexKind.Dozen) { value = m.Value; end = i + 2; return true; }
                if (m.Kind != LexKind.Multiplier) return false;
                return Compose(i + 1, 1, 1, out value, out end);
            }
            case LexKind.Small:
            case LexKind.Tens:
            {
                if (!Compose(i, 0, 0, out value, out end)) return false;
                if (L(end).Kind == LexKind.Dozen) { value *= L(end).Value; end++; }
                return true;
            }
            default:
                return false;
        }
    }

    private readonly bool Compose(int i, long cur, int last, out long value, out int end)
    {
        long total = 0;
        int j = i;
        bool any = last != 0;
        while (j < Tokens.Length)
        {
            var l = L(j);
            if (l.Kind == LexKind.Small)
            {
                if (last == 1 || (last == 2 && l.Value >= 10)) break;
                cur += l.Value; last = 1;
            }
            else if (l.Kind == LexKind.Tens)
            {
                if (last is 1 or 2) break;
                cur += l.Value; last = 2;
            }
            else if (l.Kind == LexKind.Multiplier && any)
            {
                if (l.Value == 2)
                {
                    if (last == 3) break;
                    cur = (cur == 0 ? 1 : cur) * 100; last = 3;
                }
                else
                {
                    total += (cur == 0 ? 1 : cur) * (long)Math.Pow(10, l.Value);
                    cur = 0; last = 4;
                }
            }
            else if (l.IsKw(Recognizers.Kw.And) && last is 3 or 4 && L(j + 1).Kind is LexKind.Small or LexKind.Tens)
            {
                j++;
                continue;
            }
            else break;
            any = true;
            j++;
        }
        value = total + cur;
        end = j;
        return any && j > i;
    }

    /// <summary>True when the number at [i, end) is not a count: a percentage, a clock time, an age, money or part of a designation.</summary>
    public readonly bool IsNotACount(int i, int end)
    {
        var next = L(end);
        if (next.IsPunct('%') || next.IsKw(Recognizers.Kw.Percent) || (next.IsKw(Recognizers.Kw.Per) && Kw(end + 1, Recognizers.Kw.Cent))) return true;
        if (next.IsKw(Recognizers.Kw.Am) || next.IsKw(Recognizers.Kw.Pm)) return true;
        if (next.IsPunct(':') && Glued(end) && L(end + 1).Kind == LexKind.Digits) return true;
        if ((next.IsKw(Recognizers.Kw.Years) || next.IsKw(Recognizers.Kw.YearWord)) && Kw(end + 1, Recognizers.Kw.Old)) return true;
        if (i > 0 && Glued(i))
        {
            var prev = L(i - 1);
            if (prev.IsPunct(':') || prev.IsPunct('$') || prev.IsPunct('€') || prev.IsPunct('£')) return true;
            if (Tokens[i - 1].Kind == TokenKind.Word) return true;
            if ((prev.IsPunct('-') || prev.IsPunct('/')) && i > 1 && Glued(i - 1) && Tokens[i - 2].Kind == TokenKind.Word) return true;
        }
        if (end < Tokens.Length && Glued(end) && (next.IsPunct('-') || Tokens[end].Kind == TokenKind.Word)) return true;
        return false;
    }

    // ---------------------------------------------------------------- quantities and distances

    private enum Qual : byte { None, AtLeast, MoreThan, AtMost, LessThan, Approx, ApproxBelow }

    /// <summary>
    /// Parses a count (with its qualifier) starting at token i. Returns 0 when nothing starts here,
    /// 1 for a quantity, 2 for a distance, -1 when a number was found that is not a count (end says how far to skip).
    /// </summary>
    public readonly int TryQuantity(int i, out QuantityMention q, out DistanceMention d, out int end)
    {
        q = default; d = default; end = i;
        int j = i;
        Qual qual = Qual.None;
        var l = L(i);
        if (l.Kind == LexKind.Kw)
        {
            if ((Kw)l.Value is Recognizers.Kw.Between or Recognizers.Kw.From) return TryRangeQuantity(i, (Kw)l.Value, out q, out d, out end);
            j += Qualifier(i, (Kw)l.Value, out qual);
        }
        if (l.Kind == LexKind.DigitRange) return DigitRangeQuantity(i, out q, out d, out end);
        if (l.Kind == LexKind.DigitsKm) return KmDistance(i, l, out d, out end);
        if (!TryNumber(j, out long n, out int e, out bool plural, out bool yearLike))
            return 0;
        end = e;
        if (yearLike && qual == Qual.None) return -1;
        if (IsNotACount(j, e)) return -1;
        Quantity value;
        if (plural) value = new Quantity(null, n, null, QuantityQualifier.Approximately);
        else if (qual == Qual.None && (Kw(e, Recognizers.Kw.To) || Kw(e, Recognizers.Kw.Or))
                 && TryNumber(e + 1, out long hi, out int e2, out bool p2, out bool y2) && !p2 && !y2 && hi > n && !IsNotACount(e + 1, e2))
        {
            end = e2;
            value = new Quantity(null, n, hi, QuantityQualifier.Range);
        }
        else value = Qualified(qual, n);
        return Emit(i, end, value, value.Best ?? value.High ?? value.Low ?? 0, out q, out d, ref end);
    }

    /// <summary>
    /// The qualifier that keyword <paramref name="k"/> at token i begins ("at least", "more than", "up to", "about",
    /// "nearly", ...) and how many tokens it takes; 0 and <see cref="Qual.None"/> when it begins none.
    /// </summary>
    private readonly int Qualifier(int i, Kw k, out Qual qual)
    {
        switch (k)
        {
            case Recognizers.Kw.At when Kw(i + 1, Recognizers.Kw.Least): qual = Qual.AtLeast; return 2;
            case Recognizers.Kw.At when Kw(i + 1, Recognizers.Kw.Most): qual = Qual.AtMost; return 2;
            case Recognizers.Kw.No or Recognizers.Kw.Not when (Kw(i + 1, Recognizers.Kw.Fewer) || Kw(i + 1, Recognizers.Kw.Less)) && Kw(i + 2, Recognizers.Kw.Than):
                qual = Qual.AtLeast; return 3;
            case Recognizers.Kw.No when Kw(i + 1, Recognizers.Kw.More) && Kw(i + 2, Recognizers.Kw.Than): qual = Qual.AtMost; return 3;
            case Recognizers.Kw.A when Kw(i + 1, Recognizers.Kw.Minimum) && Kw(i + 2, Recognizers.Kw.Of): qual = Qual.AtLeast; return 3;
            case Recognizers.Kw.A when Kw(i + 1, Recognizers.Kw.Maximum) && Kw(i + 2, Recognizers.Kw.Of): qual = Qual.AtMost; return 3;
            case Recognizers.Kw.A when Kw(i + 1, Recognizers.Kw.Estimated): qual = Qual.Approx; return 2;
            case Recognizers.Kw.More when Kw(i + 1, Recognizers.Kw.Than): qual = Qual.MoreThan; return 2;
            case Recognizers.Kw.Over or Recognizers.Kw.Above: qual = Qual.MoreThan; return 1;
            case Recognizers.Kw.Upwards when Kw(i + 1, Recognizers.Kw.Of): qual = Qual.MoreThan; return 2;
            case Recognizers.Kw.In when Kw(i + 1, Recognizers.Kw.Excess) && Kw(i + 2, Recognizers.Kw.Of): qual = Qual.MoreThan; return 3;
            case Recognizers.Kw.Up when Kw(i + 1, Recognizers.Kw.To): qual = Qual.AtMost; return 2;
            case Recognizers.Kw.As when Kw(i + 1, Recognizers.Kw.Many) && Kw(i + 2, Recognizers.Kw.As): qual = Qual.AtMost; return 3;
            case Recognizers.Kw.Fewer or Recognizers.Kw.Less when Kw(i + 1, Recognizers.Kw.Than): qual = Qual.LessThan; return 2;
            case Recognizers.Kw.Under or Recognizers.Kw.Below: qual = Qual.LessThan; return 1;
            case Recognizers.Kw.About or Recognizers.Kw.Around or Recognizers.Kw.Some or Recognizers.Kw.Approximately
                or Recognizers.Kw.Roughly or Recognizers.Kw.Estimated: qual = Qual.Approx; return 1;
            case Recognizers.Kw.Nearly or Recognizers.Kw.Almost: qual = Qual.ApproxBelow; return 1;
            case Recognizers.Kw.Close when Kw(i + 1, Recognizers.Kw.To): qual = Qual.ApproxBelow; return 2;
            default: qual = Qual.None; return 0;
        }
    }

    /// <summary>The quantity a qualifier gives number <paramref name="n"/> ("more than 5" is at least 6).</summary>
    private static Quantity Qualified(Qual qual, long n) => qual switch
    {
        Qual.AtLeast => Quantity.AtLeast(n),
        Qual.MoreThan => new Quantity(n, n + 1, null, QuantityQualifier.AtLeast),
        Qual.AtMost => Quantity.AtMost(n),
        Qual.LessThan => new Quantity(n, null, Math.Max(0, n - 1), QuantityQualifier.AtMost),
        Qual.Approx => new Quantity(n, null, null, QuantityQualifier.Approximately),
        Qual.ApproxBelow => new Quantity(n, null, n, QuantityQualifier.Approximately),
        _ => Quantity.Exact(n),
    };

    /// <summary>"between 5 and 10", "from 5 to 10" at token i (<paramref name="k"/> is Between or From); 0 when no range follows.</summary>
    private readonly int TryRangeQuantity(int i, Kw k, out QuantityMention q, out DistanceMention d, out int end)
    {
        q = default; d = default; end = i;
        var sep = k == Recognizers.Kw.Between ? Recognizers.Kw.And : Recognizers.Kw.To;
        if (TryNumber(i + 1, out long a, out int e1, out bool p1, out bool y1) && !p1 && !y1 && Kw(e1, sep)
            && TryNumber(e1 + 1, out long b, out int e2, out bool p2, out bool y2) && !p2 && !y2 && a <= b)
        {
            end = e2;
            if (IsNotACount(e1 + 1, e2)) return -1;
            return Emit(i, e2, new Quantity(null, a, b, QuantityQualifier.Range), b, out q, out d, ref end);
        }
        return 0;
    }

    /// <summary>A digit range token "10-15" at i: a range of counts, or (a year range, a reversed range) not a count.</summary>
    private readonly int DigitRangeQuantity(int i, out QuantityMention q, out DistanceMention d, out int end)
    {
        q = default; d = default;
        var s = Tokens[i].Slice(Text);
        int h = s.IndexOfAny('-', '\u2013');
        if (Lexer.TryParseDigits(s[..h], out double a, out bool da, out _) && Lexer.TryParseDigits(s[(h + 1)..], out double b, out bool db, out _)
            && !da && !db && a <= b && b < 1900)
        {
            end = i + 1;
            if (IsNotACount(i, i + 1)) return -1;
            return Emit(i, i + 1, new Quantity(null, (long)a, (long)b, QuantityQualifier.Range), (long)b, out q, out d, ref end);
        }
        end = i + 1;
        return -1;
    }

    /// <summary>A distance token "15km" / "10mi" at i (<paramref name="l"/>.Value 1 for miles), in kilometres.</summary>
    private readonly int KmDistance(int i, Lex l, out DistanceMention d, out int end)
    {
        d = default;
        var s = Tokens[i].Slice(Text);
        int k = 0;
        while (k < s.Length && (char.IsAsciiDigit(s[k]) || s[k] == ',' || s[k] == '.')) k++;
        end = i + 1;
        if (!Lexer.TryParseDigits(s[..k], out double v, out _, out _)) return -1;
        d = new DistanceMention(StartOf(i), Tokens[i].End, l.Value == 1 ? v * 1.609344 : v);
        return 2;
    }

    private readonly int Emit(int i, int e, Quantity value, long distanceValue, out QuantityMention q, out DistanceMention d, ref int end)
    {
        var u = L(e);
        if (u.IsKw(Recognizers.Kw.Km) || u.IsKw(Recognizers.Kw.Mile))
        {
            q = default;
            d = new DistanceMention(StartOf(i), Tokens[e].End, u.IsKw(Recognizers.Kw.Mile) ? distanceValue * 1.609344 : distanceValue);
            end = e + 1;
            return 2;
        }
        d = default;
        q = new QuantityMention(StartOf(i), EndOf(e), value);
        end = e;
        return 1;
    }

    // ---------------------------------------------------------------- dates

    /// <summary>A year token 1900..2100 at j.</summary>
    private readonly bool Year(int j, out int year)
    {
        year = 0;
        if (L(j).Kind != LexKind.Digits || Tokens[j].Length != 4) return false;
        var s = Tokens[j].Slice(Text);
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
        return year is >= 1900 and <= 2100;
    }

    private readonly bool Day(int j, out int day)
    {
        day = 0;
        var l = L(j);
        if (l.Kind == LexKind.Ordinal) { day = l.Value; return true; }
        if (l.Kind != LexKind.Digits || Tokens[j].Length > 2) return false;
        var s = Tokens[j].Slice(Text);
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out day)) return false;
        return day is >= 1 and <= 31;
    }

    private static bool MonthAloneContext(Lex prev) =>
        prev.IsKw(Recognizers.Kw.In) || prev.IsKw(Recognizers.Kw.Since) || prev.IsKw(Recognizers.Kw.During)
        || prev.IsKw(Recognizers.Kw.Early) || prev.IsKw(Recognizers.Kw.Late) || prev.IsKw(Recognizers.Kw.Mid) || prev.IsKw(Recognizers.Kw.Until)
        || prev.IsKw(Recognizers.Kw.Of) || prev.IsKw(Recognizers.Kw.Through) || prev.IsKw(Recognizers.Kw.Between)
        || prev.IsKw(Recognizers.Kw.From) || prev.IsKw(Recognizers.Kw.To) || prev.IsKw(Recognizers.Kw.And);

    /// <summary>A point date at i: "Dec. 30", "December 30, 2023", "30 December", "Friday", "yesterday", "in May", "in 2023".</summary>
    public readonly bool TryPoint(int i, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        var l = L(i);
        switch (l.Kind)
        {
            case LexKind.Month:
                return TryMonthFirst(i, l, pub, out v, out end);
            case LexKind.Digits:
            case LexKind.Ordinal:
                return TryDayFirst(i, pub, out v, out end);
            case LexKind.Weekday:
            {
                end = i + 1;
                string part = PartOfDay(end);
                if (part.Length > 0) end++;
                v = DateValue.Weekday(l.Value, pub, strictlyBefore: false, part);
                return true;
            }
            case LexKind.Kw:
                return TryRelativeDay(i, (Kw)l.Value, pub, out v, out end);
            default:
                return false;
        }
    }

    /// <summary>
    /// A date that starts with the month <paramref name="l"/> at i: "Dec. 30", "December 30, 2023", "July 2023", and a month
    /// alone where the month cannot be a word ("mid-May") or follows "in", "since", "during", ....
    /// </summary>
    private readonly bool TryMonthFirst(int i, Lex l, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        int month = l.Value & 0xFF;
        bool capital = char.IsUpper(Text[StartOf(i)]);
        int j = Tokens[i].Length <= 4 ? SkipDot(i + 1) : i + 1;
        if (Day(j, out int day) && !(L(j + 1).Kind == LexKind.Multiplier))
        {
            int k = j + 1;
            int year = 0;
            if (L(k).IsPunct(',') && Year(k + 1, out year)) k += 2;
            else if (Year(k, out year)) k += 1;
            if (!capital && (month is 3 or 5)) return false;
            end = k;
            v = year > 0 ? DateValue.Explicit(year, month, day) : DateValue.MonthDay(month, day, pub);
            return v.Valid;
        }
        if (!capital && (l.Value & 0x100) == 0) return false;
        {
            int k = j;
            if (L(k).IsPunct(',')) k++;
            if (Year(k, out int year))
            {
                end = k + 1;
                v = DateValue.ExplicitMonth(year, month);
                return true;
            }
        }
        if ((l.Value & 0x100) != 0 || MonthAloneContext(L(i - 1)))
        {
            end = i + 1;
            v = DateValue.MonthOnly(month, pub);
            return true;
        }
        return false;
    }

    /// <summary>A date that starts with the day at i: "30 December", "30th of Dec. 2023", "30 December, 2023".</summary>
    private readonly bool TryDayFirst(int i, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        if (!Day(i, out int day)) return false;
        int j = i + 1;
        if (Kw(j, Recognizers.Kw.Of)) j++;
        var m = L(j);
        if (m.Kind != LexKind.Month || !char.IsUpper(Text[StartOf(j)])) return false;
        int k = SkipDot(j + 1);
        if (L(k).IsPunct(',') && Year(k + 1, out int y2)) { end = k + 2; v = DateValue.Explicit(y2, m.Value & 0xFF, day); return v.Valid; }
        if (Year(k, out int year)) { end = k + 1; v = DateValue.Explicit(year, m.Value & 0xFF, day); return v.Valid; }
        end = j + 1;
        v = DateValue.MonthDay(m.Value & 0xFF, day, pub);
        return v.Valid;
    }

    /// <summary>A day named relative to publication by keyword <paramref name="k"/> at i: "yesterday", "today", "tonight", "overnight", "earlier today".</summary>
    private readonly bool TryRelativeDay(int i, Kw k, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        switch (k)
        {
            case Recognizers.Kw.Yesterday:
                end = i + 1;
                if (PartOfDay(end).Length > 0) end++;
                v = DateValue.Relative(pub, -1);
                return true;
            case Recognizers.Kw.Today:
            case Recognizers.Kw.Tonight:
                end = i + 1;
                v = DateValue.Relative(pub, 0);
                return true;
            case Recognizers.Kw.Overnight:
                end = i + 1;
                v = DateValue.Relative(pub, -1);
                return true;
            case Recognizers.Kw.Earlier when Kw(i + 1, Recognizers.Kw.Today):
                end = i + 2;
                v = DateValue.Relative(pub, 0);
                return true;
        }
        return false;
    }

    private readonly string PartOfDay(int j)
    {
        var l = L(j);
        if (l.Kind != LexKind.Kw) return "";
        return (Kw)l.Value switch
        {
            Recognizers.Kw.Morning => "TMO",
            Recognizers.Kw.Afternoon => "TAF",
            Recognizers.Kw.Evening => "TEV",
            Recognizers.Kw.Night => "TNI",
            _ => "",
        };
    }

    /// <summary>
    /// The date fast path at token i. Returns false when no common form starts here. The mention covers tokens
    /// [<paramref name="start"/>, <paramref name="end"/>); start is past i when a qualifier is left out ("almost [two weeks ago]").
    /// </summary>
    public readonly bool TryDate(int i, DateOnly? pub, out DateValue v, out int start, out int end)
    {
        start = i;
        if (TryDate(i, pub, out v, out end)) return true;
        // "almost two weeks ago", "more than a year ago", "less than a week ago"
        int q = AgoQualifier(i, out bool within);
        if (q > 0 && TryAgo(i + q, pub, out v, out end, out int count, out char unit))
        {
            if (!within) { start = i + q; return true; }
            if (unit == 'H') return false;
            // "less than a week ago" = within the last week, as Recognizers reads it: (pub - 1 week, pub).
            DateOnly? from = pub is { } p ? unit switch
            {
                'D' => p.DayNumber > count ? p.AddDays(-count) : null,
                'W' => p.DayNumber > 7 * count ? p.AddDays(-7 * count) : null,
                _ => DateValue.MonthsAgo(p, unit == 'M' ? count : 12 * count).Start,
            } : null;
            v = DateValue.SinceAgo(pub, from, count, unit);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Tokens of a qualifier before "N units ago" at i, or 0. The span leaves the qualifier out, as Recognizers does for
    /// about/almost/nearly/some/over; for "more than", "around" and "at least" Recognizers keeps it and gives a modifier our
    /// resolver cannot place ("before", "approx"), so the phrase would lose its date: a coder would still date the event to
    /// about N units before publication, so these read as the plain form. "less than"/"under" (<paramref name="within"/>)
    /// keep the qualifier and mean the span from N units ago to publication, as Recognizers reads them.
    /// </summary>
    private readonly int AgoQualifier(int i, out bool within)
    {
        within = false;
        var l = L(i);
        if (l.Kind != LexKind.Kw) return 0;
        switch ((Kw)l.Value)
        {
            case Recognizers.Kw.About or Recognizers.Kw.Around or Recognizers.Kw.Almost or Recognizers.Kw.Nearly or Recognizers.Kw.Some
                or Recognizers.Kw.Roughly or Recognizers.Kw.Approximately or Recognizers.Kw.Just or Recognizers.Kw.Exactly or Recognizers.Kw.Over:
                return 1;
            case Recognizers.Kw.More when Kw(i + 1, Recognizers.Kw.Than):
            case Recognizers.Kw.At when Kw(i + 1, Recognizers.Kw.Least):
            case Recognizers.Kw.Close when Kw(i + 1, Recognizers.Kw.To):
                return 2;
            case Recognizers.Kw.Less or Recognizers.Kw.Fewer when Kw(i + 1, Recognizers.Kw.Than):
                within = true;
                return 2;
            case Recognizers.Kw.Under:
                within = true;
                return 1;
            default:
                return 0;
        }
    }

    /// <summary>
    /// "three days ago", "a month ago", "two years ago", "a few weeks ago", "several days ago", "a couple of days ago", "48 hours ago".
    /// Resolved as Recognizers resolves them (publication minus the duration, one day), except: weeks give the ISO week (the fast
    /// path's reading since it was written: "two weeks ago" is about a week, not a day), and hours count whole days back
    /// ("two hours ago" is the publication day; Recognizers, which measures from midnight, says the day before).
    /// </summary>
    private readonly bool TryAgo(int i, DateOnly? pub, out DateValue v, out int end, out int count, out char unit)
    {
        v = default; end = i; count = 0; unit = '\0';
        int j;
        long n;
        var l = L(i);
        bool vague = false;
        if (l.IsKw(Recognizers.Kw.A) && Kw(i + 1, Recognizers.Kw.Few)) { n = 3; j = i + 2; vague = true; }
        else if (l.IsKw(Recognizers.Kw.A) && Kw(i + 1, Recognizers.Kw.Couple) && Kw(i + 2, Recognizers.Kw.Of)) { n = 2; j = i + 3; vague = true; }
        else if (l.IsKw(Recognizers.Kw.Several) || l.IsKw(Recognizers.Kw.Some)) { n = 3; j = i + 1; vague = true; }
        else if (TryNumber(i, out n, out j, out bool plural, out bool yl)) { if (plural || yl) return false; }
        else if (l.IsKw(Recognizers.Kw.A)) { n = 1; j = i + 1; }
        else return false;
        if (n < 1 || n > 9999 || !Kw(j + 1, Recognizers.Kw.Ago)) return false;
        var u = L(j);
        if (u.Kind != LexKind.Kw) return false;
        bool one = n == 1 && !vague;
        int c = (int)n;
        switch ((Kw)u.Value)
        {
            case Recognizers.Kw.Day when one:
            case Recognizers.Kw.Days when c <= 366:
                v = DateValue.Relative(pub, -c); unit = 'D'; break;
            case Recognizers.Kw.Week when one:
            case Recognizers.Kw.Weeks when c <= 366:
                v = DateValue.WeekAgo(pub, c); unit = 'W'; break;
            case Recognizers.Kw.Fortnight when one:
            case Recognizers.Kw.Fortnights when c <= 183:
                c *= 2; v = DateValue.WeekAgo(pub, c); unit = 'W'; break;
            case Recognizers.Kw.MonthWord when one:
            case Recognizers.Kw.Months when c <= 1200:
                v = DateValue.MonthsAgo(pub, c); unit = 'M'; break;
            case Recognizers.Kw.YearWord when one:
            case Recognizers.Kw.Years when c <= 1000:
                v = DateValue.MonthsAgo(pub, 12 * c); unit = 'Y'; break;
            case Recognizers.Kw.Decade when one:
            case Recognizers.Kw.Decades when c <= 100:
                c *= 10; v = DateValue.MonthsAgo(pub, 120 * (int)n); unit = 'Y'; break;
            case Recognizers.Kw.Hour when one:
            case Recognizers.Kw.Hours when c <= 8784:
                v = DateValue.Relative(pub, -(c / 24)); unit = 'H'; break;
            default:
                return false;
        }
        count = c;
        end = j + 2;
        return true;
    }

    /// <summary>Days d1..d2 of a digit range token "19-20" / "19–20".</summary>
    private readonly bool DigitDayRange(int j, out int d1, out int d2)
    {
        d1 = 0; d2 = 0;
        if (L(j).Kind != LexKind.DigitRange) return false;
        var s = Tokens[j].Slice(Text);
        int h = s.IndexOfAny('-', '\u2013');
        if (h is < 1 or > 2 || s.Length - h - 1 is < 1 or > 2) return false;
        if (!int.TryParse(s[..h], NumberStyles.None, CultureInfo.InvariantCulture, out d1) || !int.TryParse(s[(h + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out d2)) return false;
        return d1 is >= 1 and <= 31 && d2 > d1 && d2 <= 31;
    }

    /// <summary>A month name usable in a day range at j: capitalised (or "mid-"); "march"/"may" in lower case are words.</summary>
    private readonly bool RangeMonth(int j, out int month)
    {
        var l = L(j);
        month = l.Value & 0xFF;
        return l.Kind == LexKind.Month && (l.Value & 0x100) == 0 && char.IsUpper(Text[StartOf(j)]);
    }

    /// <summary>A range separator between two days: "to", "through", "until", a lone dash; "and" only after "between".</summary>
    private readonly bool DaySep(int j, Kw mode)
    {
        var l = L(j);
        if (mode == Recognizers.Kw.Between) return l.IsKw(Recognizers.Kw.And);
        return l.IsKw(Recognizers.Kw.To) || l.IsKw(Recognizers.Kw.Through) || l.IsKw(Recognizers.Kw.Until)
            || (mode == Recognizers.Kw.None && (l.IsPunct('-') || l.IsPunct('\u2013')));
    }

    /// <summary>An optional year after a date at k: ", 2023" or "2023".</summary>
    private readonly int OptYear(int k, out int year)
    {
        if (L(k).IsPunct(',') && Year(k + 1, out year)) return k + 2;
        if (Year(k, out year)) return k + 1;
        year = 0;
        return k;
    }

    /// <summary>An optional year after a month name ending at k ("July 2023", "Jul. 2023"); a full stop is taken only before a year.</summary>
    private readonly int YearAfterMonth(int k, out int year)
    {
        int e = OptYear(SkipDot(k), out year);
        return year > 0 ? e : k;
    }

    /// <summary>
    /// Days of one month written as a range: "19-20 July", "July 19-20, 2023", "19 to 20 July", "July 19 to 20"
    /// (<paramref name="mode"/> None), "3 and 5 March" / "March 3 and 5" after "between", "19 to 20 July" after "from".
    /// "between March 3 and 5" is March 3-5 to a coder; Recognizers reads only "March 3" there.
    /// </summary>
    public readonly bool TryDayRange(int i, DateOnly? pub, Kw mode, out DateValue v, out int end)
    {
        v = default; end = i;
        int d1, d2, month, k;
        var l = L(i);
        if (l.Kind == LexKind.DigitRange)
        {
            if (!DigitDayRange(i, out d1, out d2) || !RangeMonth(i + 1, out month)) return false;
            k = YearAfterMonth(i + 2, out int y);
            v = DateValue.DayRange(y, month, d1, d2, pub);
            end = k;
            return v.Valid;
        }
        if (l.Kind == LexKind.Month)
        {
            if (!RangeMonth(i, out month)) return false;
            int j = Tokens[i].Length <= 4 ? SkipDot(i + 1) : i + 1;
            if (mode == Recognizers.Kw.None && DigitDayRange(j, out d1, out d2)) k = j + 1;
            else if (Day(j, out d1) && DaySep(j + 1, mode) && Day(j + 2, out d2) && d2 > d1)
            {
                k = j + 3;
                // "July 19 to 20 soldiers": a count follows, not a date.
                var next = L(k);
                if (next.Kind is LexKind.Month or LexKind.Multiplier or LexKind.Dozen || (next.Kind == LexKind.None && k < Count && Tokens[k].Kind == TokenKind.Word)) return false;
            }
            else return false;
            k = OptYear(k, out int y);
            v = DateValue.DayRange(y, month, d1, d2, pub);
            end = k;
            return v.Valid;
        }
        if (!Day(i, out d1) || !DaySep(i + 1, mode) || !Day(i + 2, out d2) || !RangeMonth(i + 3, out month)) return false;
        k = YearAfterMonth(i + 4, out int yr);
        v = DateValue.DayRange(yr, month, d1, d2, pub);
        end = k;
        return v.Valid;
    }

    private readonly bool TryDate(int i, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        var l = L(i);
        if (l.Kind == LexKind.Kw)
        {
            switch ((Kw)l.Value)
            {
                case Recognizers.Kw.Since:
                    return TrySince(i, pub, out v, out end);
                case Recognizers.Kw.Between:
                case Recognizers.Kw.From:
                    return TryBetween(i, (Kw)l.Value, pub, out v, out end);
                case Recognizers.Kw.Last:
                case Recognizers.Kw.Past:
                case Recognizers.Kw.This:
                case Recognizers.Kw.Previous:
                    return TryLastOrThis(i, (Kw)l.Value, pub, out v, out end);
                case Recognizers.Kw.In when (Kw(i + 1, Recognizers.Kw.A) || L(i + 1) == new Lex(LexKind.Small, 1)) && Kw(i + 2, Recognizers.Kw.Day):
                    end = i + 3; v = DateValue.Window(pub, 1); return true;
                case Recognizers.Kw.In or Recognizers.Kw.During when Year(i + 1, out _) && L(i + 2).Kind != LexKind.Multiplier:
                    if (!TryYear(i + 1, out v, out end)) return false;
                    return true;
            }
        }
        if (TryAgo(i, pub, out v, out end, out _, out _)) return true;
        if (l.Kind is LexKind.Digits or LexKind.Ordinal or LexKind.DigitRange or LexKind.Month && TryDayRange(i, pub, Recognizers.Kw.None, out v, out end)) return true;
        return TryPoint(i, pub, out v, out end);
    }

    /// <summary>"since" at i and the date it starts from: "since Sept 27", "since late March", "since mid-Sept", "since 2022".</summary>
    private readonly bool TrySince(int i, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        // "since early Sept 27", "since late March", "since mid-Sept": early/mid/late move a month's start
        // to day 1/10/16 as Recognizers does; next to a day they mean a time of that day and are dropped.
        int k = i + 1, from = 1;
        if (Kw(k, Recognizers.Kw.Early)) k++;
        else if (Kw(k, Recognizers.Kw.Mid)) { from = 10; k++; }
        else if (Kw(k, Recognizers.Kw.Late)) { from = 16; k++; }
        if (L(k).Kind == LexKind.Month && (L(k).Value & 0x100) != 0) from = 10;
        if (TryDayRange(k, pub, Recognizers.Kw.None, out var p, out end) || TryPoint(k, pub, out p, out end) || (k == i + 1 && TryYear(k, out p, out end)))
        { v = DateValue.Since(p.FromDay(from), pub); return true; }
        return false;
    }

    /// <summary>
    /// "between" or "from" (<paramref name="mode"/>) at i and two dates: "between May 3 and May 5", "from 2021 to 2022",
    /// or days of one month ("between 3 and 5 March").
    /// </summary>
    private readonly bool TryBetween(int i, Kw mode, DateOnly? pub, out DateValue v, out int end)
    {
        end = i;
        if ((TryPoint(i + 1, pub, out var a, out int e1) || TryYear(i + 1, out a, out e1)))
        {
            var sep = L(e1);
            bool ok = mode == Recognizers.Kw.Between ? sep.IsKw(Recognizers.Kw.And)
                : sep.IsKw(Recognizers.Kw.To) || sep.IsKw(Recognizers.Kw.Until) || sep.IsKw(Recognizers.Kw.Through);
            if (ok && (TryPoint(e1 + 1, pub, out var b, out end) || TryYear(e1 + 1, out b, out end)))
            {
                v = DateValue.Between(a, b);
                return true;
            }
        }
        if (TryDayRange(i + 1, pub, mode, out v, out end)) return true;
        return false;
    }

    /// <summary>
    /// "last", "past", "this" or "previous" (<paramref name="k"/>) at i and what it qualifies: "last Friday", "last night",
    /// "this morning", "the past day", "last week/month/year", "the past 3 days", "the past 48 hours".
    /// </summary>
    private readonly bool TryLastOrThis(int i, Kw k, DateOnly? pub, out DateValue v, out int end)
    {
        v = default; end = i;
        var m = L(i + 1);
        bool isThis = k == Recognizers.Kw.This;
        if (m.Kind == LexKind.Weekday && k == Recognizers.Kw.Last)
        {
            end = i + 2;
            string part = PartOfDay(end);
            if (part.Length > 0) end++;
            v = DateValue.Weekday(m.Value, pub, strictlyBefore: true, part);
            return true;
        }
        if (m.Kind == LexKind.Kw)
        {
            switch ((Kw)m.Value)
            {
                case Recognizers.Kw.Night when k == Recognizers.Kw.Last:
                    end = i + 2; v = DateValue.Relative(pub, -1); return true;
                case Recognizers.Kw.Morning or Recognizers.Kw.Afternoon or Recognizers.Kw.Evening when isThis:
                    end = i + 2; v = DateValue.Relative(pub, 0); return true;
                case Recognizers.Kw.Day when !isThis && k != Recognizers.Kw.Previous:
                    end = i + 2; v = DateValue.Window(pub, 1); return true;
                case Recognizers.Kw.Week when k != Recognizers.Kw.Past:
                    end = i + 2; v = DateValue.Week(pub, isThis ? 0 : -1); return true;
                case Recognizers.Kw.MonthWord when k != Recognizers.Kw.Past:
                    end = i + 2; v = DateValue.MonthRel(pub, isThis ? 0 : -1); return true;
                case Recognizers.Kw.YearWord when k != Recognizers.Kw.Past:
                    end = i + 2; v = DateValue.YearRel(pub, isThis ? 0 : -1); return true;
            }
        }
        if (!isThis && k != Recognizers.Kw.Previous && TryNumber(i + 1, out long n, out int e, out bool pl, out _) && !pl && n is > 0 and <= 366)
        {
            var unit = L(e);
            if (unit.IsKw(Recognizers.Kw.Days)) { end = e + 1; v = DateValue.Window(pub, (int)n); return true; }
            if (unit.IsKw(Recognizers.Kw.Hours) && n % 24 == 0) { end = e + 1; v = DateValue.Window(pub, (int)(n / 24)); return true; }
        }
        return false;
    }

    private readonly bool TryYear(int i, out DateValue v, out int end)
    {
        v = default; end = i;
        if (!Year(i, out int y)) return false;
        end = i + 1;
        v = DateValue.ExplicitYear(y);
        return true;
    }
}
