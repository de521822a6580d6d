using System.Globalization;
using ConflictExtract.Records;

namespace ConflictExtract.Recognizers;

/// <summary>Resolves a TIMEX string (as Microsoft.Recognizers.Text writes it) against a publication date, with news rules: past readings.</summary>
internal static class TimexResolver
{
    public static DateValue Resolve(string? timex, string? mod, DateOnly? pub)
    {
        if (string.IsNullOrEmpty(timex) || timex.Length > 64) return default;
        DateValue v;
        if (timex[0] == '(')
        {
            var inner = timex.AsSpan(1, timex.Length - (timex[^1] == ')' ? 2 : 1));
            int c1 = inner.IndexOf(',');
            if (c1 < 0) return default;
            var rest = inner[(c1 + 1)..];
            int c2 = rest.IndexOf(',');
            var a = Point(inner[..c1], pub);
            var b = Point(c2 < 0 ? rest : rest[..c2], pub);
            if (!a.Valid || !b.Valid) return default;
            // "(2024-02-08T00:00:00,2024-02-09T00:00:00,PT24H)": an exclusive end at midnight covers the day before.
            if (b.Start is { } bs && a.Start is { } as_ && bs > as_ && (c2 < 0 ? rest : rest[..c2]).EndsWith("T00:00:00", StringComparison.Ordinal))
                b = b with { Start = bs.AddDays(-1), End = bs.AddDays(-1) };
            v = DateValue.Between(a, b) with { Timex = timex };
        }
        else
        {
            v = Point(timex, pub);
            if (!v.Valid) return default;
            v = v with { Timex = timex };
        }
        if (mod is null) return v;
        return mod switch
        {
            "since" => DateValue.Since(v, pub) with { Timex = timex },
            _ => new DateValue(null, null, DatePrecision.Range, timex),
        };
    }

    private static int Num(ReadOnlySpan<char> s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1;

    private static DateValue Point(ReadOnlySpan<char> t, DateOnly? pub)
    {
        int ti = t.IndexOf('T');
        if (ti >= 0) t = t[..ti];
        if (t.Length == 10 && t[4] == '-' && t[7] == '-')
        {
            int m = Num(t.Slice(5, 2)), d = Num(t.Slice(8, 2));
            if (t.StartsWith("XXXX")) return DateValue.MonthDay(m, d, pub);
            int y = Num(t[..4]);
            return y > 0 ? DateValue.Explicit(y, m, d) : default;
        }
        if (t.Length == 10 && t.StartsWith("XXXX-WXX-"))
        {
            int wd = Num(t[9..]);
            return wd is >= 1 and <= 7 ? DateValue.Weekday(wd, pub, strictlyBefore: false, "") : default;
        }
        if (t.Length == 7 && t[4] == '-' && t[5] != 'W')
        {
            int m = Num(t[5..]);
            if (m is < 1 or > 12) return default;
            if (t.StartsWith("XXXX")) return DateValue.MonthOnly(m, pub);
            int y = Num(t[..4]);
            return y > 0 ? DateValue.ExplicitMonth(y, m) : default;
        }
        if (t.Length == 8 && t[4] == '-' && t[5] == 'W')
        {
            int y = Num(t[..4]), w = Num(t[6..]);
            if (y < 1 || w is < 1 or > 53) return default;
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
            return new DateValue(monday, monday.AddDays(6), DatePrecision.Week, null);
        }
        if (t.Length == 4)
        {
            int y = Num(t);
            return y > 0 ? DateValue.ExplicitYear(y) : default;
        }
        return default;
    }
}
