using System.Globalization;
using ConflictExtract.Text;

namespace ConflictExtract.Recognizers;

/// <summary>What a token means to the recognizer layer's fast paths.</summary>
internal enum LexKind : byte
{
    None = 0,
    /// <summary>A digit token ("24", "1,200", "3.5"); the value is parsed on demand.</summary>
    Digits,
    /// <summary>A digit token with a glued unit ("650km").</summary>
    DigitsKm,
    /// <summary>A digit range written as one token ("10-15").</summary>
    DigitRange,
    /// <summary>"one".."nineteen", "twenty-five" (Value = number).</summary>
    Small,
    /// <summary>"twenty".."ninety" (Value = number).</summary>
    Tens,
    /// <summary>"hundred", "thousand", "million", "billion" (Value = power of ten).</summary>
    Multiplier,
    /// <summary>"dozen" / "score" (Value = 12 / 20).</summary>
    Dozen,
    /// <summary>"dozens", "scores", "hundreds", "thousands", "millions", "tens" (Value = the implied low bound).</summary>
    Plural,
    /// <summary>A day-of-month ordinal word "30th", "2nd" (Value = day).</summary>
    Ordinal,
    Month,
    Weekday,
    Kw,
    Punct,
}

/// <summary>Keyword ids (Value of <see cref="LexKind.Kw"/>).</summary>
internal enum Kw : ushort
{
    None, A, Of, And, Or, To, At, Least, Most, More, Than, Over, Up, No, Not, Fewer, Less, Under, Below, Above,
    About, Around, Nearly, Almost, Some, Approximately, Roughly, Estimated, Close, Between, From, Upwards, Excess, In,
    As, Many, Minimum, Maximum, Half,
    Yesterday, Today, Tonight, Overnight, Last, Past, This, Night, Morning, Afternoon, Evening, Day, Days, Hours, Week, Weeks,
    MonthWord, Months, YearWord, Years, Ago, Since, On, Earlier, The, Early, Late, Mid, During, Until, Through, Previous,
    Old, Km, Mile, Percent, Am, Pm, Per, Cent,
    Hour, Decade, Decades, Fortnight, Fortnights, Few, Several, Couple, Just, Exactly,
}

internal readonly record struct Lex(LexKind Kind, int Value)
{
    public bool IsKw(Kw k) => Kind == LexKind.Kw && Value == (int)k;
    public bool IsPunct(char c) => Kind == LexKind.Punct && Value == c;
}

/// <summary>Token classification without allocation: lower-cases into a stack buffer and switches on it.</summary>
internal static class Lexer
{
    public static Lex Classify(string text, in Token t)
    {
        if ((uint)t.Start > (uint)text.Length || (uint)t.Length > (uint)(text.Length - t.Start) || t.Length == 0)
            return default;
        var s = text.AsSpan(t.Start, t.Length);
        switch (t.Kind)
        {
            case TokenKind.Number:
                return s.Contains(':') ? default : new Lex(LexKind.Digits, 0);
            case TokenKind.Punctuation:
            case TokenKind.Symbol:
                return s.Length == 1 ? new Lex(LexKind.Punct, s[0]) : default;
            case TokenKind.Word:
                break;
            default:
                return default;
        }
        if (s.Length > 1 && s[^1] == '.') s = s[..^1];
        if (s.Length > 24) return default;
        Span<char> buf = stackalloc char[24];
        int n = s.ToLowerInvariant(buf);
        if (n != s.Length) return default;
        ReadOnlySpan<char> w = buf[..n];
        if (char.IsAsciiDigit(w[0])) return ClassifyDigitWord(w);
        int hy = w.IndexOf('-');
        if (hy > 0)
        {
            // "twenty-five": tens + unit; anything else hyphenated ("five-year-old") is not a number.
            var a = Word(w[..hy]);
            var b = Word(w[(hy + 1)..]);
            if (a.Kind == LexKind.Tens && b.Kind == LexKind.Small && b.Value < 10)
                return new Lex(LexKind.Small, a.Value + b.Value);
            if (a.IsKw(Kw.Mid) && b.Kind == LexKind.Month) return new Lex(LexKind.Month, b.Value | 0x100);
            return default;
        }
        return Word(w);
    }

    /// <summary>The value of a number word below twenty ("four", "Eleven"), for callers outside the recognizers.</summary>
    public static bool TrySmallNumber(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        if (word.Length is 0 or > 24) return false;
        Span<char> buf = stackalloc char[24];
        int n = word.ToLowerInvariant(buf);
        var lex = Word(buf[..n]);
        if (lex.Kind != LexKind.Small) return false;
        value = lex.Value;
        return true;
    }

    private static Lex ClassifyDigitWord(ReadOnlySpan<char> w)
    {
        int i = 0;
        while (i < w.Length && char.IsAsciiDigit(w[i])) i++;
        var rest = w[i..];
        if (i <= 2 && (rest is "st" or "nd" or "rd" or "th"))
        {
            int d = int.Parse(w[..i], NumberStyles.None, CultureInfo.InvariantCulture);
            return d is >= 1 and <= 31 ? new Lex(LexKind.Ordinal, d) : default;
        }
        if (rest is "km" or "-km" or "-kilometre" or "-kilometer") return new Lex(LexKind.DigitsKm, 0);
        if (rest is "-mile") return new Lex(LexKind.DigitsKm, 1);
        if (rest.Length > 1 && (rest[0] == '-' || rest[0] == '\u2013'))
        {
            foreach (char c in rest[1..]) if (!char.IsAsciiDigit(c)) return default;
            return new Lex(LexKind.DigitRange, 0);
        }
        return default;
    }

    private static Lex K(Kw k) => new(LexKind.Kw, (int)k);

    private static Lex Word(ReadOnlySpan<char> w) => w switch
    {
        "one" => new(LexKind.Small, 1), "two" => new(LexKind.Small, 2), "three" => new(LexKind.Small, 3),
        "four" => new(LexKind.Small, 4), "five" => new(LexKind.Small, 5), "six" => new(LexKind.Small, 6),
        "seven" => new(LexKind.Small, 7), "eight" => new(LexKind.Small, 8), "nine" => new(LexKind.Small, 9),
        "ten" => new(LexKind.Small, 10), "eleven" => new(LexKind.Small, 11), "twelve" => new(LexKind.Small, 12),
        "thirteen" => new(LexKind.Small, 13), "fourteen" => new(LexKind.Small, 14), "fifteen" => new(LexKind.Small, 15),
        "sixteen" => new(LexKind.Small, 16), "seventeen" => new(LexKind.Small, 17), "eighteen" => new(LexKind.Small, 18),
        "nineteen" => new(LexKind.Small, 19),
        "twenty" => new(LexKind.Tens, 20), "thirty" => new(LexKind.Tens, 30), "forty" => new(LexKind.Tens, 40),
        "fifty" => new(LexKind.Tens, 50), "sixty" => new(LexKind.Tens, 60), "seventy" => new(LexKind.Tens, 70),
        "eighty" => new(LexKind.Tens, 80), "ninety" => new(LexKind.Tens, 90),
        "hundred" => new(LexKind.Multiplier, 2), "thousand" => new(LexKind.Multiplier, 3),
        "million" => new(LexKind.Multiplier, 6), "billion" => new(LexKind.Multiplier, 9),
        "dozen" => new(LexKind.Dozen, 12), "score" => new(LexKind.Dozen, 20),
        "dozens" => new(LexKind.Plural, 24), "scores" => new(LexKind.Plural, 40), "hundreds" => new(LexKind.Plural, 200),
        "thousands" => new(LexKind.Plural, 2000), "millions" => new(LexKind.Plural, 2000000), "tens" => new(LexKind.Plural, 20),
        "january" or "jan" => new(LexKind.Month, 1), "february" or "feb" => new(LexKind.Month, 2),
        "march" or "mar" => new(LexKind.Month, 3), "april" or "apr" => new(LexKind.Month, 4), "may" => new(LexKind.Month, 5),
        "june" or "jun" => new(LexKind.Month, 6), "july" or "jul" => new(LexKind.Month, 7),
        "august" or "aug" => new(LexKind.Month, 8), "september" or "sep" or "sept" => new(LexKind.Month, 9),
        "october" or "oct" => new(LexKind.Month, 10), "november" or "nov" => new(LexKind.Month, 11),
        "december" or "dec" => new(LexKind.Month, 12),
        "monday" => new(LexKind.Weekday, 1), "tuesday" => new(LexKind.Weekday, 2), "wednesday" => new(LexKind.Weekday, 3),
        "thursday" => new(LexKind.Weekday, 4), "friday" => new(LexKind.Weekday, 5), "saturday" => new(LexKind.Weekday, 6),
        "sunday" => new(LexKind.Weekday, 7),
        "a" or "an" => K(Kw.A), "of" => K(Kw.Of), "and" => K(Kw.And), "or" => K(Kw.Or), "to" => K(Kw.To), "at" => K(Kw.At),
        "least" => K(Kw.Least), "most" => K(Kw.Most), "more" => K(Kw.More), "than" => K(Kw.Than), "over" => K(Kw.Over),
        "up" => K(Kw.Up), "no" => K(Kw.No), "not" => K(Kw.Not), "fewer" => K(Kw.Fewer), "less" => K(Kw.Less),
        "under" => K(Kw.Under), "below" => K(Kw.Below), "above" => K(Kw.Above), "about" => K(Kw.About),
        "around" => K(Kw.Around), "nearly" => K(Kw.Nearly), "almost" => K(Kw.Almost), "some" => K(Kw.Some),
        "approximately" or "approx" => K(Kw.Approximately), "roughly" => K(Kw.Roughly), "estimated" => K(Kw.Estimated),
        "close" => K(Kw.Close), "between" => K(Kw.Between), "from" => K(Kw.From), "upwards" => K(Kw.Upwards),
        "excess" => K(Kw.Excess), "in" => K(Kw.In), "as" => K(Kw.As), "many" => K(Kw.Many),
        "minimum" => K(Kw.Minimum), "maximum" => K(Kw.Maximum), "half" => K(Kw.Half),
        "yesterday" => K(Kw.Yesterday), "today" => K(Kw.Today), "tonight" => K(Kw.Tonight), "overnight" => K(Kw.Overnight),
        "last" => K(Kw.Last), "past" => K(Kw.Past), "this" => K(Kw.This), "night" => K(Kw.Night), "morning" => K(Kw.Morning),
        "afternoon" => K(Kw.Afternoon), "evening" => K(Kw.Evening), "day" => K(Kw.Day), "days" => K(Kw.Days),
        "hours" => K(Kw.Hours), "week" => K(Kw.Week), "weeks" => K(Kw.Weeks), "month" => K(Kw.MonthWord),
        "months" => K(Kw.Months), "year" => K(Kw.YearWord), "years" => K(Kw.Years), "ago" => K(Kw.Ago),
        "since" => K(Kw.Since), "on" => K(Kw.On), "earlier" => K(Kw.Earlier), "the" => K(Kw.The), "early" => K(Kw.Early),
        "late" => K(Kw.Late), "mid" => K(Kw.Mid), "during" => K(Kw.During), "until" or "till" => K(Kw.Until),
        "through" => K(Kw.Through), "previous" => K(Kw.Previous), "old" => K(Kw.Old),
        "hour" => K(Kw.Hour), "decade" => K(Kw.Decade), "decades" => K(Kw.Decades), "fortnight" => K(Kw.Fortnight),
        "fortnights" => K(Kw.Fortnights), "few" => K(Kw.Few), "several" => K(Kw.Several), "couple" => K(Kw.Couple),
        "just" => K(Kw.Just), "exactly" => K(Kw.Exactly),
        "km" or "kilometres" or "kilometers" or "kilometre" or "kilometer" or "kms" => K(Kw.Km),
        "miles" or "mile" => K(Kw.Mile), "percent" => K(Kw.Percent), "per" => K(Kw.Per), "cent" => K(Kw.Cent),
        "am" or "a.m" => K(Kw.Am), "pm" or "p.m" => K(Kw.Pm),
        _ => default,
    };

    /// <summary>Parses a digit token: "24", "1,200", "1.2", "2023". Rejects malformed grouping.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> s, out double value, out bool isDecimal, out bool grouped)
    {
        value = 0; isDecimal = false; grouped = false;
        if (s.IsEmpty || s.Length > 20 || !char.IsAsciiDigit(s[0])) return false;
        double v = 0; int sinceComma = -1; int fracDigits = 0; bool inFrac = false;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (inFrac) { fracDigits++; v += (c - '0') / Math.Pow(10, fracDigits); }
                else { v = v * 10 + (c - '0'); if (sinceComma >= 0) sinceComma++; }
            }
            else if (c == ',' && !inFrac)
            {
                if (sinceComma >= 0 && sinceComma != 3) return false;
                sinceComma = 0; grouped = true;
            }
            else if (c == '.' && !inFrac) { if (sinceComma >= 0 && sinceComma != 3) return false; inFrac = true; }
            else return false;
        }
        if (sinceComma >= 0 && sinceComma != 3 && !inFrac) return false;
        if (inFrac && fracDigits == 0) return false;
        isDecimal = inFrac;
        value = v;
        return true;
    }
}
