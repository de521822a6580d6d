using System.Globalization;
using ConflictExtract.Records;

namespace ConflictExtract.Recognizers;

/// <summary>A date phrase's meaning: its TIMEX and, when it can be resolved, its days.</summary>
internal readonly record struct DateValue(DateOnly? Start, DateOnly? End, DatePrecision Precision, string? Timex, bool Valid = true)
{
    public DateRange? Range => Valid && Start is { } s && End is { } e && s <= e ? new DateRange(s, e, Precision) : null;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool Ok(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    public static DateValue Explicit(int y, int m, int d)
    {
        if (!Ok(y, m, d)) return default;
        var day = new DateOnly(y, m, d);
        return new(day, day, DatePrecision.Day, D(day));
    }

    public static DateValue MonthDay(int m, int d, DateOnly? pub)
    {
        if (!Ok(2000, m, d)) return default;
        string timex = string.Create(CultureInfo.InvariantCulture, $"XXXX-{m:00}-{d:00}");
        if (pub is not { } p) return new(null, null, DatePrecision.Day, timex);
        // The most recent such day not after publication (news reports the past).
        for (int y = p.Year; y > p.Year - 8 && y >= 1; y--)
        {
            if (!Ok(y, m, d)) continue;
            var day = new DateOnly(y, m, d);
            if (day <= p) return new(day, day, DatePrecision.Day, timex);
        }
        return new(null, null, DatePrecision.Day, timex);
    }

    public static DateValue ExplicitMonth(int y, int m)
    {
        var s = new DateOnly(y, m, 1);
        return new(s, s.AddMonths(1).AddDays(-1), DatePrecision.Month, string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}"));
    }

    public static DateValue MonthOnly(int m, DateOnly? pub)
    {
        string timex = string.Create(CultureInfo.InvariantCulture, $"XXXX-{m:00}");
        if (pub is not { } p) return new(null, null, DatePrecision.Month, timex);
        int y = m <= p.Month ? p.Year : p.Year - 1;
        if (y < 1) return new(null, null, DatePrecision.Month, timex);
        var s = new DateOnly(y, m, 1);
        return new(s, s.AddMonths(1).AddDays(-1), DatePrecision.Month, timex);
    }

    public static DateValue ExplicitYear(int y) =>
        new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), DatePrecision.Year, y.ToString("0000", CultureInfo.InvariantCulture));

    /// <summary>ISO weekday 1 (Monday) .. 7 (Sunday).</summary>
    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static DateValue Weekday(int isoWeekday, DateOnly? pub, bool strictlyBefore, string partOfDay)
    {
        string timex = string.Create(CultureInfo.InvariantCulture, $"XXXX-WXX-{isoWeekday}{partOfDay}");
        if (pub is not { } p) return new(null, null, DatePrecision.Day, timex);
        int diff = (IsoDay(p) - isoWeekday + 7) % 7;
        if (strictlyBefore && diff == 0) diff = 7;
        if (p.DayNumber < diff) return new(null, null, DatePrecision.Day, timex);
        var day = p.AddDays(-diff);
        return new(day, day, DatePrecision.Day, timex);
    }

    /// <summary>pub + offset days ("yesterday" = -1). Its TIMEX is the resolved day: it has no reference-free form.</summary>
    public static DateValue Relative(DateOnly? pub, int offsetDays)
    {
        if (pub is not { } p || p.DayNumber + offsetDays < 0 || p.DayNumber + offsetDays > DateOnly.MaxValue.DayNumber) return new(null, null, DatePrecision.Day, null);
        var day = p.AddDays(offsetDays);
        return new(day, day, DatePrecision.Day, D(day));
    }

    /// <summary>The last <paramref name="days"/> days up to publication: pub-days .. pub, precision range.</summary>
    public static DateValue Window(DateOnly? pub, int days)
    {
        if (pub is not { } p || p.DayNumber < days) return new(null, null, DatePrecision.Range, null);
        var s = p.AddDays(-days);
        return new(s, p, DatePrecision.Range, string.Create(CultureInfo.InvariantCulture, $"({D(s)},{D(p)},P{days}D)"));
    }

    public static DateValue Week(DateOnly? pub, int weeks)
    {
        if (pub is not { } p || p.DayNumber < 400) return new(null, null, DatePrecision.Week, null);
        var monday = p.AddDays(1 - IsoDay(p)).AddDays(7 * weeks);
        string timex = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}");
        return new(monday, monday.AddDays(6), DatePrecision.Week, timex);
    }

    public static DateValue WeekAgo(DateOnly? pub, int weeks)
    {
        if (pub is not { } p || p.DayNumber < 7 * weeks + 400) return new(null, null, DatePrecision.Week, null);
        return Week(p.AddDays(-7 * weeks), 0);
    }

    public static DateValue MonthRel(DateOnly? pub, int months)
    {
        if (pub is not { } p || p.Year < 2) return new(null, null, DatePrecision.Month, null);
        var s = new DateOnly(p.Year, p.Month, 1).AddMonths(months);
        return ExplicitMonth(s.Year, s.Month);
    }

    public static DateValue YearRel(DateOnly? pub, int years)
    {
        if (pub is not { } p || p.Year < 2) return new(null, null, DatePrecision.Year, null);
        return ExplicitYear(p.Year + years);
    }

    /// <summary>"since X": X's first day .. publication.</summary>
    public static DateValue Since(DateValue from, DateOnly? pub)
    {
        if (from.Start is { } s && pub is { } p && s <= p) return new(s, p, DatePrecision.Range, from.Timex);
        return new(null, null, DatePrecision.Range, from.Timex);
    }

    /// <summary>
    /// Days <paramref name="d1"/>..<paramref name="d2"/> of one month ("19-20 July", "July 19 to 20, 2023"); year 0 when not written.
    /// TIMEX as Recognizers writes it: "(XXXX-07-19,XXXX-07-20,P1D)" or "(2023-07-19,2023-07-20,P1D)". Without a year the range is
    /// placed in the most recent year whose first day is not after publication, both ends in that year (Recognizers resolves each
    /// end on its own, which splits a range that contains the publication day across two years; a coder would not).
    /// </summary>
    public static DateValue DayRange(int y, int m, int d1, int d2, DateOnly? pub)
    {
        if (d1 >= d2 || !Ok(2000, m, d2) || d1 < 1) return default;
        if (y > 0)
        {
            if (!Ok(y, m, d2)) return default;
            var s = new DateOnly(y, m, d1);
            var e = new DateOnly(y, m, d2);
            return new(s, e, DatePrecision.Range, string.Create(CultureInfo.InvariantCulture, $"({D(s)},{D(e)},P{d2 - d1}D)"));
        }
        string timex = string.Create(CultureInfo.InvariantCulture, $"(XXXX-{m:00}-{d1:00},XXXX-{m:00}-{d2:00},P{d2 - d1}D)");
        if (pub is not { } p) return new(null, null, DatePrecision.Range, timex);
        for (int yy = p.Year; yy > p.Year - 8 && yy >= 1; yy--)
        {
            if (!Ok(yy, m, d2)) continue;
            var s = new DateOnly(yy, m, d1);
            if (s <= p) return new(s, new DateOnly(yy, m, d2), DatePrecision.Range, timex);
        }
        return new(null, null, DatePrecision.Range, timex);
    }

    /// <summary>
    /// "six months ago", "two years ago", "a decade ago": the day <paramref name="months"/> months before publication, as Recognizers
    /// resolves it (DateTime.AddMonths: the 31st becomes the month's last day). Its TIMEX is the resolved day.
    /// </summary>
    public static DateValue MonthsAgo(DateOnly? pub, int months)
    {
        if (pub is not { } p || months < 0 || p.Year * 12 + p.Month - months <= 12) return new(null, null, DatePrecision.Day, null);
        var day = p.AddMonths(-months);
        return new(day, day, DatePrecision.Day, D(day));
    }

    /// <summary>"less than a week ago": the span from <paramref name="from"/> to publication. TIMEX as Recognizers writes it: "(2024-02-02,2024-02-09,P1W)".</summary>
    public static DateValue SinceAgo(DateOnly? pub, DateOnly? from, int count, char unit)
    {
        if (pub is not { } p || from is not { } s || s > p) return new(null, null, DatePrecision.Range, null);
        return new(s, p, DatePrecision.Range, string.Create(CultureInfo.InvariantCulture, $"({D(s)},{D(p)},P{count}{unit})"));
    }

    /// <summary>"since late March": the month's value from day <paramref name="day"/> (early 1, mid 10, late 16, as Recognizers splits a month).</summary>
    public DateValue FromDay(int day)
    {
        if (Start is not { } s || Precision != DatePrecision.Month || day <= 1) return this;
        return this with { Start = new DateOnly(s.Year, s.Month, day) };
    }

    /// <summary>"between X and Y": X's first day .. Y's last day.</summary>
    public static DateValue Between(DateValue a, DateValue b)
    {
        if (a.Start is { } s && b.End is { } e && s <= e)
            return new(s, e, DatePrecision.Range, string.Create(CultureInfo.InvariantCulture, $"({D(s)},{D(e)},P{e.DayNumber - s.DayNumber}D)"));
        return new(null, null, DatePrecision.Range, a.Timex is null || b.Timex is null ? null : "(" + a.Timex + "," + b.Timex + ")");
    }
}
