using ConflictExtract.Records;
using ConflictExtract.Recognizers;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>
/// Day ranges, "N units ago", "since early/mid/late ..." and abbreviated month names: the fast path agrees with
/// Microsoft.Recognizers.Text (or departs from it on purpose, where its answer is no use to a coder) and does not call it.
/// </summary>
public class DateFastPathTests
{
    private static readonly DateOnly Pub = new(2024, 2, 9); // a Friday

    private static (DateMention Ours, long Calls) OneDate(string text, DateOnly? pub)
    {
        var layer = new RecognizerLayer();
        var r = layer.Recognize(text, TestTokens.Tokenize(text), pub);
        Assert.Single(r.Dates);
        return (r.Dates[0], layer.FallbackCalls);
    }

    private static DateMention TheirOnlyDate(string text)
    {
        var theirs = NaiveRecognizers.Recognize(text, Pub).Dates;
        Assert.Single(theirs);
        return theirs[0];
    }

    [Theory]
    [InlineData("Two soldiers were killed on 19-20 July.", "19-20 July")]
    [InlineData("Two soldiers were killed on 19\u201320 July 2023.", "19\u201320 July 2023")]
    [InlineData("Two soldiers were killed 19 to 20 July.", "19 to 20 July")]
    [InlineData("Two soldiers were killed from 19 to 20 July.", "from 19 to 20 July")]
    [InlineData("Two soldiers were killed between 3 and 5 March.", "between 3 and 5 March")]
    [InlineData("Two soldiers were killed between 19 and 20 July 2023.", "between 19 and 20 July 2023")]
    [InlineData("Two soldiers were killed on 3-5 March 2023.", "3-5 March 2023")]
    [InlineData("Shelling lasted from Jan 3 to 5.", "from Jan 3 to 5")]
    public void Day_ranges_agree_with_recognizers(string text, string span)
    {
        var (ours, theirs) = AgreeingDate(text, span);
        Assert.Equal(text[theirs.Start..theirs.End], text[ours.Start..ours.End], ignoreCase: true);
    }

    // Recognizers puts "on" into these spans ("on July 19-20"); the date is the same, the span starts at the month as "On Jan. 2" does.
    [Theory]
    [InlineData("Two soldiers were killed on July 19-20.", "July 19-20")]
    [InlineData("Two soldiers were killed on March 3-5, 2023.", "March 3-5, 2023")]
    [InlineData("Fighting raged on July 19 to 20.", "July 19 to 20")]
    public void Month_first_day_ranges_agree_with_recognizers(string text, string span)
    {
        var (ours, theirs) = AgreeingDate(text, span);
        Assert.Equal("on " + span, text[theirs.Start..theirs.End], ignoreCase: true);
    }

    [Fact]
    public void Day_range_resolves_to_the_most_recent_year()
    {
        var (d, _) = OneDate("Two soldiers were killed on 19-20 July.", Pub);
        Assert.Equal(new DateRange(new DateOnly(2023, 7, 19), new DateOnly(2023, 7, 20), DatePrecision.Range), d.Value);
    }

    [Fact]
    public void Between_month_day_and_day_is_a_range_unlike_recognizers()
    {
        const string text = "Fighting raged between July 19 and 20.";
        var theirs = TheirOnlyDate(text);
        Assert.Equal("XXXX-07-19", theirs.Timex); // Recognizers reads only "July 19"
        var (ours, calls) = OneDate(text, Pub);
        Assert.Equal(0, calls);
        Assert.Equal("between July 19 and 20", text[ours.Start..ours.End]);
        Assert.Equal(new DateRange(new DateOnly(2023, 7, 19), new DateOnly(2023, 7, 20), DatePrecision.Range), ours.Value);
    }

    [Theory]
    [InlineData("Two soldiers were killed between 3 and 5 March.")]
    [InlineData("Two soldiers were killed 19 to 20 July.")]
    [InlineData("Two soldiers were killed on 3-5 March 2023.")]
    public void Day_ranges_are_not_counts(string text)
    {
        var r = new RecognizerLayer().Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Single(r.Quantities); // "Two" only
        Assert.Equal("Two", text[r.Quantities[0].Start..r.Quantities[0].End]);
    }

    [Fact]
    public void Day_range_then_a_count_is_not_a_range()
    {
        const string text = "On July 19 to 20 soldiers were wounded.";
        var r = new RecognizerLayer().Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Single(r.Dates);
        Assert.Equal("July 19", text[r.Dates[0].Start..r.Dates[0].End]);
    }

    [Theory]
    [InlineData("The village was shelled three days ago.", "three days ago")]
    [InlineData("The village was shelled a day ago.", "a day ago")]
    [InlineData("The village was shelled a few days ago.", "a few days ago")]
    [InlineData("The village was shelled several days ago.", "several days ago")]
    [InlineData("The village was shelled some days ago.", "some days ago")]
    [InlineData("The village was shelled a couple of days ago.", "a couple of days ago")]
    [InlineData("The village was shelled a month ago.", "a month ago")]
    [InlineData("The village was shelled one month ago.", "one month ago")]
    [InlineData("The village was shelled 18 months ago.", "18 months ago")]
    [InlineData("The village was shelled a few months ago.", "a few months ago")]
    [InlineData("The village was shelled nearly three months ago.", "three months ago")]
    [InlineData("The village was shelled a year ago.", "a year ago")]
    [InlineData("The village was shelled two years ago.", "two years ago")]
    [InlineData("The village was shelled eighty years ago.", "eighty years ago")]
    [InlineData("The village was shelled almost a year ago.", "a year ago")]
    [InlineData("The village was shelled a decade ago.", "a decade ago")]
    [InlineData("The village was shelled about two days ago.", "two days ago")]
    [InlineData("The village was shelled some 10 days ago.", "10 days ago")]
    [InlineData("The village was shelled less than a week ago.", "less than a week ago")]
    public void Ago_forms_agree_with_recognizers(string text, string span)
    {
        var (ours, calls) = OneDate(text, Pub);
        var theirs = TheirOnlyDate(text);
        Assert.Equal(0, calls);
        Assert.NotNull(ours.Value);
        Assert.Equal(theirs.Value, ours.Value);
        Assert.Equal(theirs.Timex, ours.Timex);
        Assert.Equal(span, text[ours.Start..ours.End]);
        Assert.Equal(text[theirs.Start..theirs.End], span, ignoreCase: true);
    }

    // Weeks keep the fast path's reading, the ISO week; Recognizers' day lies inside it.
    [Theory]
    [InlineData("The village was shelled almost two weeks ago under the same conditions.", "two weeks ago")]
    [InlineData("The village was shelled two weeks ago.", "two weeks ago")]
    [InlineData("The village was shelled about two weeks ago.", "two weeks ago")]
    [InlineData("The village was shelled some two weeks ago.", "two weeks ago")]
    [InlineData("The village was shelled a week ago.", "a week ago")]
    [InlineData("The village was shelled a few weeks ago.", "a few weeks ago")]
    [InlineData("The village was shelled a fortnight ago.", "a fortnight ago")]
    public void Weeks_ago_is_the_week_that_holds_recognizers_day(string text, string span)
    {
        var (ours, calls) = OneDate(text, Pub);
        var theirs = TheirOnlyDate(text);
        Assert.Equal(0, calls);
        Assert.Equal(span, text[ours.Start..ours.End]);
        Assert.Equal(text[theirs.Start..theirs.End], span, ignoreCase: true);
        Assert.NotNull(ours.Value);
        Assert.Equal(DatePrecision.Week, ours.Value.Precision);
        Assert.NotNull(theirs.Value);
        Assert.InRange(theirs.Value.Start, ours.Value.Start, ours.Value.End);
    }

    // Recognizers keeps "more than"/"around" and gives a modifier ("before", "approx") that leaves no date; a coder dates the event.
    [Theory]
    [InlineData("The village was shelled more than two years ago.", "two years ago", "2022-02-09")]
    [InlineData("The village was shelled around a month ago.", "a month ago", "2024-01-09")]
    public void Qualified_ago_keeps_its_date_unlike_recognizers(string text, string span, string day)
    {
        Assert.Null(TheirOnlyDate(text).Value);
        var (ours, calls) = OneDate(text, Pub);
        Assert.Equal(0, calls);
        Assert.Equal(span, text[ours.Start..ours.End]);
        Assert.Equal(DateRange.Day(DateOnly.Parse(day)), ours.Value);
    }

    [Fact]
    public void Hours_ago_is_the_publication_day_unlike_recognizers()
    {
        const string text = "The village was shelled two hours ago.";
        Assert.Equal(DateRange.Day(new DateOnly(2024, 2, 8)), TheirOnlyDate(text).Value); // measured from midnight
        var (ours, _) = OneDate(text, Pub);
        Assert.Equal(DateRange.Day(Pub), ours.Value);
        // Whole days agree: 48 hours back is two days back for both (Recognizers' TIMEX keeps the hour).
        const string two = "The village was shelled 48 hours ago.";
        Assert.Equal(TheirOnlyDate(two).Value, OneDate(two, Pub).Ours.Value);
        Assert.Equal(DateRange.Day(new DateOnly(2024, 2, 7)), OneDate(two, Pub).Ours.Value);
    }

    [Fact]
    public void Ago_is_not_a_count()
    {
        const string text = "The village was shelled almost two weeks ago.";
        Assert.Empty(new RecognizerLayer().Recognize(text, TestTokens.Tokenize(text), Pub).Quantities);
    }

    [Theory]
    [InlineData("The village was shelled three months ago.")]
    [InlineData("The village was shelled almost two weeks ago.")]
    [InlineData("The village was shelled two years ago.")]
    [InlineData("The village was shelled less than a week ago.")]
    public void Ago_without_publication_stays_unresolved(string text)
    {
        var (d, calls) = OneDate(text, null);
        Assert.Equal(0, calls);
        Assert.Null(d.Value);
        Assert.Null(d.Timex);
    }

    [Fact]
    public void Day_range_without_publication_keeps_its_timex()
    {
        var (d, _) = OneDate("Two soldiers were killed on 19-20 July.", null);
        Assert.Null(d.Value);
        Assert.Equal("(XXXX-07-19,XXXX-07-20,P1D)", d.Timex);
    }

    [Theory]
    [InlineData("Attacks have continued since early Sept 27.", "since early Sept 27", "2023-09-27")]
    [InlineData("Attacks have continued since early Sept. 27.", "since early Sept. 27", "2023-09-27")]
    [InlineData("Attacks have continued since late Sept. 27.", "since late Sept. 27", "2023-09-27")]
    [InlineData("Attacks have continued since late March.", "since late March", "2023-03-16")]
    [InlineData("Attacks have continued since mid-Sept.", "since mid-Sept", "2023-09-10")]
    [InlineData("Attacks have continued since early Sept.", "since early Sept.", "2023-09-01")]
    public void Since_early_mid_late(string text, string span, string start)
    {
        var (ours, calls) = OneDate(text, Pub);
        Assert.Equal(0, calls);
        Assert.Equal(span, text[ours.Start..ours.End]);
        Assert.Equal(new DateRange(DateOnly.Parse(start), Pub, DatePrecision.Range), ours.Value);
        // Same phrase and TIMEX as Recognizers; its "since-start/-mid/-end" modifiers leave it no range we can use.
        var theirs = TheirOnlyDate(text);
        Assert.Equal(theirs.Timex, ours.Timex);
        Assert.Equal(text[theirs.Start..theirs.End].TrimEnd('.'), span.TrimEnd('.'), ignoreCase: true);
    }

    [Theory]
    [InlineData("The convoy was hit on Ali Jan Street earlier today.")]
    [InlineData("Officer Dec Smith said so.")]
    [InlineData("Jan Kowalski said the village was hit.")]
    [InlineData("The Sept Road checkpoint was hit.")]
    [InlineData("The Aug Group said so.")]
    [InlineData("It happened many years ago.")]
    [InlineData("It happened decades ago.")]
    public void False_triggers_do_not_call_recognizers(string text)
    {
        var layer = new RecognizerLayer();
        var r = layer.Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Equal(0, layer.FallbackCalls);
        foreach (var d in r.Dates) Assert.DoesNotContain(text[d.Start..d.End], new[] { "Jan", "Dec", "Sept", "Aug" });
    }

    [Fact]
    public void Abbreviated_month_name_is_a_name_unlike_recognizers()
    {
        const string text = "The convoy was hit on Ali Jan Street earlier today.";
        var theirs = NaiveRecognizers.Recognize(text, Pub).Dates;
        Assert.Contains(theirs, d => d.Timex == "XXXX-01");
        var ours = new RecognizerLayer().Recognize(text, TestTokens.Tokenize(text), Pub).Dates;
        Assert.Single(ours);
        Assert.Equal("earlier today", text[ours[0].Start..ours[0].End]);
    }

    [Fact]
    public void Fallback_ago_without_publication_is_unresolved_not_a_nineteenth_century_day()
    {
        var layer = new RecognizerLayer();
        const string text = "The siege began a year and a half ago.";
        var r = layer.Recognize(text, TestTokens.Tokenize(text), null);
        Assert.True(layer.FallbackCalls >= 1);
        Assert.Single(r.Dates);
        Assert.Equal("a year and a half ago", text[r.Dates[0].Start..r.Dates[0].End]);
        Assert.Null(r.Dates[0].Value);
    }

    /// <summary>Our one date in <paramref name="text"/> (read without the fallback) and Recognizers' one date agree in value and timex; ours spans <paramref name="span"/>.</summary>
    private static (DateMention Ours, DateMention Theirs) AgreeingDate(string text, string span)
    {
        var (ours, calls) = OneDate(text, Pub);
        var theirs = TheirOnlyDate(text);
        Assert.Equal(0, calls);
        Assert.Equal(theirs.Value, ours.Value);
        Assert.Equal(theirs.Timex, ours.Timex);
        Assert.Equal(span, text[ours.Start..ours.End]);
        return (ours, theirs);
    }
}
