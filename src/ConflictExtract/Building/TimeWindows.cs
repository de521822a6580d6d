using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>How a time window stands against the recognizers' dates of its sentence.</summary>
internal enum WindowStrength : byte
{
    /// <summary>No window.</summary>
    None,
    /// <summary>A part of the day with no date ("in the evening"): it gives way to a window the report opened earlier.</summary>
    Weak,
    /// <summary>A window a sentence without a date of its own is dated by ("over the past day", "during the night").</summary>
    Plain,
    /// <summary>A window that corrects the recognizers' reading of the same words ("the night of 14-15 March" is the 14th, "this month" is the month so far).</summary>
    Override,
}

/// <summary>A relative time window found in a sentence: its dates and how it stands against the recognizers' dates.</summary>
internal readonly record struct TimeWindow(DateRange? Range, int First, WindowStrength Strength)
{
    public static TimeWindow None => default;
}

/// <summary>
/// Relative time windows of the daily reports (official summaries, governors' updates, wire copy), resolved against the
/// publication date P with the precision the contract asks for (tests/Specs/README.md, the window table):
/// <list type="bullet">
/// <item>"over the past day", "in the past 24 hours", "during the day", "per day", "18 times a day": [P-1, P], range
/// (a morning summary covers the day before publication up to its release: a range over both days is exact, and a
/// coder's single day overlaps it);</item>
/// <item>"overnight", "during the night", "at night", "last night", "per night", "night shelling", and "tonight" opening a sentence
/// (the official summaries' "tonight the enemy launched ..."): P-1, day (the night starts on the evening of P-1);</item>
/// <item>"on the night of 14 March" and "of 14-15 March": the 14th, the night named by its first day; "the night into
/// 15 March", "overnight into Tuesday": the day before the day named;</item>
/// <item>"in two days", "over the past 48 hours", "over the weekend": [P-2, P]; "for a week", "over the past week":
/// [P-7, P]; "over the past two weeks": [P-14, P]; "over the past month": [P minus a month, P], all ranges;</item>
/// <item>"since the start of the month", "this month": [the 1st, P]; of the week: [its Monday, P]; of the year:
/// [1 January, P], ranges (the period so far, not the calendar period: its rest lies after publication);</item>
/// <item>"the day before yesterday": P-2, day; "in the morning", "in the afternoon", "in the evening" with no date: P,
/// unless the report opened a window before.</item>
/// </list>
/// Words are read through their cue classes and the time classes of <c>time-words.txt</c>; nothing allocates but the
/// window found.
/// </summary>
internal static class TimeWindows
{
    /// <summary>A speech verb this close before a window makes it the time of the report ("officials said this morning").</summary>
    private const int ReportWindow = 3;

    /// <summary>The longest window in days a count may open ("over the past 400 days" is no report window).</summary>
    private const int MaxDays = 366;

    /// <summary>Hours in a day: "over the past 48 hours" is two days.</summary>
    private const int HoursPerDay = 24;

    /// <summary>Days in a week.</summary>
    private const int DaysPerWeek = 7;

    /// <summary>The first window of tokens [from, to) that is not the time of a report, or <see cref="TimeWindow.None"/>.</summary>
    public static TimeWindow Find(DocumentAnalysis a, TimeWordTable words, int from, int to, DateOnly pub)
    {
        var r = new Reader(a, words);
        for (int i = from; i < to; i++)
        {
            var c = r.Class(i);
            if (c == TimeWord.None) continue;
            var w = c switch
            {
                TimeWord.Night or TimeWord.Overnight or TimeWord.Tonight => Night(r, c, i, from, pub),
                TimeWord.Day => Day(r, i, pub),
                TimeWord.Days or TimeWord.Hours or TimeWord.Weeks => Counted(r, c, i, pub),
                TimeWord.Week or TimeWord.Month or TimeWord.Year => Period(r, c, i, pub),
                TimeWord.PeriodStart => SinceStart(r, i, pub),
                TimeWord.Weekend => Weekend(r, i, pub),
                TimeWord.PartOfDay => PartOfDay(r, i, pub),
                _ => TimeWindow.None,
            };
            if (w.Strength != WindowStrength.None && !r.AfterSpeech(w.First, from)) return w;
        }
        return TimeWindow.None;
    }

    /// <summary>The night before publication; "of" a date, that date's first day; "into" a date, the day before it; "tonight" opening a sentence, the night before.</summary>
    private static TimeWindow Night(Reader r, TimeWord c, int i, int from, DateOnly pub)
    {
        if (r.Is(i + 1, Cue.Of) && r.DateAt(i + 2) is { } of) return new(DateRange.Day(of.Start), i, WindowStrength.Override);
        if ((r.Class(i + 1) == TimeWord.Into || r.Is(i + 1, Cue.To)) && r.DateAt(i + 2) is { } into)
            return new(DateRange.Day(into.Start.AddDays(-1)), i, WindowStrength.Override);
        var night = DateRange.Day(pub.AddDays(-1));
        if (c == TimeWord.Tonight) return i == from || r.a.IsPunct(i - 1, '"') && i - 1 == from ? new(night, i, WindowStrength.Override) : TimeWindow.None;
        if (c == TimeWord.Overnight) return new(night, i, WindowStrength.Plain);
        if (r.DateAt(i) is not null) return TimeWindow.None; // "Sunday night": the recognizers' day
        bool during = r.Is(i - 1, Cue.Article) && r.IsLead(i - 2);
        bool at = r.Is(i - 1, Cue.At) || r.Is(i - 1, Cue.Last) || r.Is(i - 1, Cue.Per); // "at night", "last night", "three attacks per night"
        bool attack = r.Is(i + 1, Cue.StrikeTrigger) || r.Is(i + 1, Cue.WeaponNoun);
        return during || at || attack ? new(night, during ? i - 2 : i - 1, WindowStrength.Plain) : TimeWindow.None;
    }

    /// <summary>"during the day", "over the past day", "per day", "18 times a day": [P-1, P]; "the day before yesterday": P-2.</summary>
    private static TimeWindow Day(Reader r, int i, DateOnly pub)
    {
        if (r.Is(i - 1, Cue.Article) && r.Class(i + 1) == TimeWord.Before && r.Class(i + 2) == TimeWord.Yesterday)
            return new(DateRange.Day(pub.AddDays(-2)), i - 1, WindowStrength.Override);
        var day = new DateRange(pub.AddDays(-1), pub, DatePrecision.Range);
        if (r.Is(i - 1, Cue.Article) && r.IsLead(i - 2)) return new(day, i - 2, WindowStrength.Plain);
        if (r.Is(i - 1, Cue.Per)) return new(day, i - 1, WindowStrength.Plain);
        if (r.Is(i - 1, Cue.IndefiniteArticle) && (r.Is(i - 2, Cue.NonPersonNoun) || r.a.QuantityAt[Math.Max(0, i - 2)] >= 0 && i >= 2))
            return new(day, i - 1, WindowStrength.Plain);
        int lead = r.LeadBefore(i);
        return lead >= 0 && (r.Is(i - 1, Cue.Past) || r.Is(i - 1, Cue.Last)) ? new(day, lead, WindowStrength.Plain) : TimeWindow.None;
    }

    /// <summary>"in two days", "over the past 48 hours", "over the past two weeks": [P-n, P] after a lead word.</summary>
    private static TimeWindow Counted(Reader r, TimeWord c, int i, DateOnly pub)
    {
        int q = i > 0 ? r.a.QuantityAt[i - 1] : -1;
        if (q < 0 || r.a.Quantities[q].Value.Best is not long n || n < 1) return TimeWindow.None;
        int first = r.a.Quantities[q].First;
        int lead = r.Is(first - 1, Cue.Past) || r.Is(first - 1, Cue.Last) ? r.LeadBefore(first) : r.IsLead(first - 1) ? first - 1 : -1;
        if (lead < 0) return TimeWindow.None;
        long days = c switch
        {
            TimeWord.Hours => Math.Max(1, (n + HoursPerDay - 1) / HoursPerDay),
            TimeWord.Weeks => n * DaysPerWeek,
            _ => n,
        };
        return days > MaxDays ? TimeWindow.None : new(new DateRange(pub.AddDays(-(int)days), pub, DatePrecision.Range), lead, WindowStrength.Plain);
    }

    /// <summary>"this week / month / year": the period so far; "for a week", "over the past week / month": a rolling period ending at P.</summary>
    private static TimeWindow Period(Reader r, TimeWord c, int i, DateOnly pub)
    {
        if (r.Class(i - 1) == TimeWord.This) return new(new DateRange(PeriodStart(c, pub), pub, DatePrecision.Range), i - 1, WindowStrength.Override);
        int lead = r.Is(i - 1, Cue.Past) || r.Is(i - 1, Cue.Last) ? r.LeadBefore(i)
            : c == TimeWord.Week && r.Is(i - 1, Cue.IndefiniteArticle) && r.IsLead(i - 2) ? i - 2
            : c == TimeWord.Week && r.Is(i - 1, Cue.Article) && r.Is(i - 2, Cue.During) ? i - 2 : -1;
        if (lead < 0) return TimeWindow.None; // "last week", "last month" alone: the calendar period, as the recognizers read it
        var start = c switch
        {
            TimeWord.Week => pub.AddDays(-DaysPerWeek),
            TimeWord.Month => pub.AddMonths(-1),
            _ => pub.AddYears(-1),
        };
        return new(new DateRange(start, pub, DatePrecision.Range), lead, WindowStrength.Plain);
    }

    /// <summary>"since the start of the month", "from the beginning of the week / year": the period so far.</summary>
    private static TimeWindow SinceStart(Reader r, int i, DateOnly pub)
    {
        if (!r.Is(i - 1, Cue.Article) || !(r.Is(i - 2, Cue.Since) || r.Is(i - 2, Cue.From)) || !r.Is(i + 1, Cue.Of)) return TimeWindow.None;
        int k = r.Is(i + 2, Cue.Article) || r.Class(i + 2) == TimeWord.This ? i + 3 : i + 2;
        var c = r.Class(k);
        return c is TimeWord.Week or TimeWord.Month or TimeWord.Year
            ? new(new DateRange(PeriodStart(c, pub), pub, DatePrecision.Range), i - 2, WindowStrength.Override)
            : TimeWindow.None; // "since the start of the war": no report window
    }

    /// <summary>"over the weekend": from its Saturday to publication when published by the Monday after, else the Saturday and Sunday.</summary>
    private static TimeWindow Weekend(Reader r, int i, DateOnly pub)
    {
        if (!(r.Is(i - 1, Cue.Article) || r.Class(i - 1) == TimeWord.This)) return TimeWindow.None;
        var saturday = pub.AddDays(-(((int)pub.DayOfWeek - (int)DayOfWeek.Saturday + DaysPerWeek) % DaysPerWeek));
        var end = pub.DayNumber - saturday.DayNumber <= 2 ? pub : saturday.AddDays(1);
        return new(new DateRange(saturday, end, DatePrecision.Range), i - 1, WindowStrength.Override);
    }

    /// <summary>"in the morning", "in the evening" with no date: the day of publication, giving way to a window the report opened.</summary>
    private static TimeWindow PartOfDay(Reader r, int i, DateOnly pub) =>
        r.Is(i - 1, Cue.Article) && (r.Is(i - 2, Cue.In) || r.Is(i - 2, Cue.During)) && r.DateAt(i) is null
            ? new(DateRange.Day(pub), i - 2, WindowStrength.Weak)
            : TimeWindow.None;

    /// <summary>The first day of the week (Monday), month or year of <paramref name="pub"/>.</summary>
    private static DateOnly PeriodStart(TimeWord c, DateOnly pub) => c switch
    {
        TimeWord.Week => pub.AddDays(-(((int)pub.DayOfWeek + DaysPerWeek - 1) % DaysPerWeek)),
        TimeWord.Month => new DateOnly(pub.Year, pub.Month, 1),
        _ => new DateOnly(pub.Year, 1, 1),
    };

    /// <summary>Reads tokens' cue and time classes (no allocation).</summary>
    private readonly ref struct Reader(DocumentAnalysis analysis, TimeWordTable words)
    {
        public readonly DocumentAnalysis a = analysis;

        public bool Is(int i, Cue cue) => a.Has(i, cue);

        public TimeWord Class(int i) => a.Has(i, Cue.TimeWord) ? words.Of(a.Word(i)) : TimeWord.None;

        /// <summary>A word that opens a period: "in", "over", "during", "for", "within", "throughout".</summary>
        public bool IsLead(int i) => Is(i, Cue.In) || Is(i, Cue.Over) || Is(i, Cue.During) || Class(i) == TimeWord.Lead;

        /// <summary>The lead of "over the past day" / "in the last 24 hours" / "past day" for "past"/"last" at <paramref name="at"/> - 1: its token, or -1.</summary>
        public int LeadBefore(int at)
        {
            int k = at - 2;
            if (Is(k, Cue.Article)) k--;
            return IsLead(k) ? k : Is(at - 1, Cue.Past) ? at - 1 : -1;
        }

        /// <summary>The recognizers' date covering token <paramref name="i"/>, or null.</summary>
        public DateRange? DateAt(int i)
        {
            if ((uint)i >= (uint)a.Tokens.Length) return null;
            int d = a.DateAt[i];
            return d >= 0 ? a.Dates[d].Value : null;
        }

        /// <summary>"…, officials said this morning": a speech verb just before the window.</summary>
        public bool AfterSpeech(int first, int from)
        {
            for (int k = first - 1; k >= Math.Max(from, first - ReportWindow); k--)
                if (Is(k, Cue.SpeechVerb)) return true;
            return false;
        }
    }
}
