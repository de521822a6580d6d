using ConflictExtract.Records;
using ConflictExtract.Recognizers;

namespace ConflictExtract.Tests.Recognizers;

public class RecognizerLayerTests
{
    private static readonly RecognizerLayer Layer = new();
    private static readonly DateOnly Pub = new(2024, 2, 9); // a Friday

    private static RecognizedValues Run(string text, DateOnly? pub = null) => Layer.Recognize(text, TestTokens.Tokenize(text), pub ?? Pub);

    private static QuantityMention OneQuantity(string text)
    {
        var r = Run(text);
        Assert.Single(r.Quantities);
        return r.Quantities[0];
    }

    [Theory]
    [InlineData("Officials said three people died.", "three", 3L, 3L, 3L, QuantityQualifier.Exact)]
    [InlineData("Thirteen drones were shot down.", "Thirteen", 13L, 13L, 13L, QuantityQualifier.Exact)]
    [InlineData("The strike killed at least 14 civilians.", "at least 14", 14L, 14L, null, QuantityQualifier.AtLeast)]
    [InlineData("The strike killed more than 14 civilians.", "more than 14", 14L, 15L, null, QuantityQualifier.AtLeast)]
    [InlineData("Over 14 houses burned.", "Over 14", 14L, 15L, null, QuantityQualifier.AtLeast)]
    [InlineData("It can carry up to 650 kilograms.", "up to 650", 650L, null, 650L, QuantityQualifier.AtMost)]
    [InlineData("Between 10 and 15 missiles were fired.", "Between 10 and 15", null, 10L, 15L, QuantityQualifier.Range)]
    [InlineData("Dozens of people were hurt.", "Dozens", null, 24L, null, QuantityQualifier.Approximately)]
    [InlineData("Hundreds of homes lost power.", "Hundreds", null, 200L, null, QuantityQualifier.Approximately)]
    [InlineData("About 30 soldiers were captured.", "About 30", 30L, null, null, QuantityQualifier.Approximately)]
    [InlineData("Some 30 soldiers were captured.", "Some 30", 30L, null, null, QuantityQualifier.Approximately)]
    [InlineData("Nearly 40 drones were launched.", "Nearly 40", 40L, null, 40L, QuantityQualifier.Approximately)]
    [InlineData("They launched a dozen drones.", "a dozen", 12L, 12L, 12L, QuantityQualifier.Exact)]
    [InlineData("Twenty-five people were rescued.", "Twenty-five", 25L, 25L, 25L, QuantityQualifier.Exact)]
    [InlineData("About 1.2 million people fled.", "About 1.2 million", 1200000L, null, null, QuantityQualifier.Approximately)]
    [InlineData("Some 1,200 troops arrived.", "Some 1,200", 1200L, null, null, QuantityQualifier.Approximately)]
    [InlineData("It fired two hundred and fifty shells.", "two hundred and fifty", 250L, 250L, 250L, QuantityQualifier.Exact)]
    [InlineData("They lost 1,200 vehicles.", "1,200", 1200L, 1200L, 1200L, QuantityQualifier.Exact)]
    [InlineData("More than a dozen were wounded.", "More than a dozen", 12L, 13L, null, QuantityQualifier.AtLeast)]
    [InlineData("Tens of thousands fled.", "Tens of thousands", null, 20000L, null, QuantityQualifier.Approximately)]
    [InlineData("Five to seven drones hit the depot.", "Five to seven", null, 5L, 7L, QuantityQualifier.Range)]
    public void Quantity_forms(string text, string span, long? best, long? low, long? high, QuantityQualifier qualifier)
    {
        var q = OneQuantity(text);
        Assert.Equal(span, text[q.Start..q.End]);
        Assert.Equal(new Quantity(best, low, high, qualifier), q.Value);
    }

    [Theory]
    [InlineData("The war began in 2022.")]
    [InlineData("The alert sounded at 10:30 local time.")]
    [InlineData("A five-year-old girl was hurt.")]
    [InlineData("A 15-year-old boy was hurt.")]
    [InlineData("Prices rose 12% last month.")]
    [InlineData("Turnout was 40 percent.")]
    [InlineData("It fired KN-23 missiles from Su-34 jets.")]
    public void Non_counts_are_skipped(string text)
    {
        Assert.Empty(Run(text).Quantities);
    }

    [Fact]
    public void Quantity_at_token_includes_qualifier()
    {
        const string text = "Officials said at least 24 people were killed.";
        var tokens = TestTokens.Tokenize(text);
        int idx = Array.FindIndex(tokens, t => text.Substring(t.Start, t.Length) == "24");
        var q = Layer.QuantityAt(text, tokens, idx);
        Assert.NotNull(q);
        Assert.Equal("at least 24", text[q.Value.Start..q.Value.End]);
        Assert.Equal(Quantity.AtLeast(24), q.Value.Value);
        Assert.Null(Layer.QuantityAt(text, tokens, 0));
    }

    private static DateMention OneDate(string text, DateOnly? pub)
    {
        var r = Layer.Recognize(text, TestTokens.Tokenize(text), pub);
        Assert.Single(r.Dates);
        return r.Dates[0];
    }

    [Theory]
    [InlineData("On Jan. 2 the city was hit.", "Jan. 2", "2024-01-02", "2024-01-02", DatePrecision.Day)]
    [InlineData("On Dec. 30 the city was hit.", "Dec. 30", "2023-12-30", "2023-12-30", DatePrecision.Day)]
    [InlineData("On December 30, 2023, the city was hit.", "December 30, 2023", "2023-12-30", "2023-12-30", DatePrecision.Day)]
    [InlineData("On 30 December the city was hit.", "30 December", "2023-12-30", "2023-12-30", DatePrecision.Day)]
    [InlineData("The attack on Friday killed two.", "Friday", "2024-02-09", "2024-02-09", DatePrecision.Day)]
    [InlineData("The attack on Thursday killed two.", "Thursday", "2024-02-08", "2024-02-08", DatePrecision.Day)]
    [InlineData("Drones struck on Wednesday morning.", "Wednesday morning", "2024-02-07", "2024-02-07", DatePrecision.Day)]
    [InlineData("Drones struck yesterday.", "yesterday", "2024-02-08", "2024-02-08", DatePrecision.Day)]
    [InlineData("Drones struck today.", "today", "2024-02-09", "2024-02-09", DatePrecision.Day)]
    [InlineData("Drones struck last night.", "last night", "2024-02-08", "2024-02-08", DatePrecision.Day)]
    [InlineData("Drones struck overnight.", "overnight", "2024-02-08", "2024-02-08", DatePrecision.Day)]
    [InlineData("It has killed 14 civilians since Dec. 30.", "since Dec. 30", "2023-12-30", "2024-02-09", DatePrecision.Range)]
    [InlineData("Raids between November 14, 2023 and January 9, 2024 left many dead.", "between November 14, 2023 and January 9, 2024", "2023-11-14", "2024-01-09", DatePrecision.Range)]
    [InlineData("They fired 40 drones in a day.", "in a day", "2024-02-08", "2024-02-09", DatePrecision.Range)]
    [InlineData("They fired 40 drones over the past day.", "past day", "2024-02-08", "2024-02-09", DatePrecision.Range)]
    [InlineData("They fired 40 drones in the past 24 hours.", "past 24 hours", "2024-02-08", "2024-02-09", DatePrecision.Range)]
    [InlineData("The offensive began in May.", "May", "2023-05-01", "2023-05-31", DatePrecision.Month)]
    [InlineData("The offensive began in 2023.", "in 2023", "2023-01-01", "2023-12-31", DatePrecision.Year)]
    [InlineData("The bridge was hit three days ago.", "three days ago", "2024-02-06", "2024-02-06", DatePrecision.Day)]
    [InlineData("The bridge was hit last Friday.", "last Friday", "2024-02-02", "2024-02-02", DatePrecision.Day)]
    public void Date_forms(string text, string span, string start, string end, DatePrecision precision)
    {
        var d = OneDate(text, Pub);
        Assert.Equal(span, text[d.Start..d.End]);
        Assert.Equal(new DateRange(DateOnly.Parse(start), DateOnly.Parse(end), precision), d.Value);
    }

    [Theory]
    [InlineData("On Jan. 2 the city was hit.", "XXXX-01-02")]
    [InlineData("The attack on Friday killed two.", "XXXX-WXX-5")]
    [InlineData("Drones struck yesterday.", null)]
    [InlineData("It has killed 14 civilians since Dec. 30.", "XXXX-12-30")]
    public void Relative_dates_without_publication_stay_unresolved(string text, string? timex)
    {
        var d = OneDate(text, null);
        Assert.Null(d.Value);
        Assert.Equal(timex, d.Timex);
    }

    [Fact]
    public void Explicit_dates_resolve_without_publication()
    {
        var d = OneDate("The report was published on February 7, 2024.", null);
        Assert.Equal(DateRange.Day(new DateOnly(2024, 2, 7)), d.Value);
        Assert.Equal("2024-02-07", d.Timex);
    }

    [Theory]
    [InlineData("The missile has a range of 650 km.", "650 km", 650.0)]
    [InlineData("It can fly up to 650 kilometres.", "up to 650 kilometres", 650.0)]
    [InlineData("The drone flew 300 miles.", "300 miles", 482.8032)]
    [InlineData("A 650km range.", "650km", 650.0)]
    public void Distances(string text, string span, double km)
    {
        var r = Run(text);
        Assert.Single(r.Distances);
        Assert.Equal(span, text[r.Distances[0].Start..r.Distances[0].End]);
        Assert.Equal(km, r.Distances[0].Kilometres, 3);
        Assert.Empty(r.Quantities);
    }

    [Fact]
    public void Fallback_uses_recognizers_for_rare_forms_and_caches()
    {
        var layer = new RecognizerLayer();
        const string text = "The siege began a year and a half ago, officials said.";
        var r = layer.Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.NotEmpty(r.Dates);
        long calls = layer.FallbackCalls;
        Assert.True(calls >= 1);
        var again = layer.Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Equal(calls, layer.FallbackCalls); // both lookups (the phrase, and the phrase on the publication day) hit
        Assert.Equal(r.Dates, again.Dates);
        var otherDay = layer.Recognize(text, TestTokens.Tokenize(text), Pub.AddDays(400));
        Assert.Equal(calls + 1, layer.FallbackCalls); // another publication day is another key
        Assert.NotEqual(r.Dates[0].Value, otherDay.Dates[0].Value);
    }

    [Fact]
    public void Common_article_needs_no_fallback()
    {
        var layer = new RecognizerLayer();
        const string text = "KYIV, Feb. 9 - Russia launched 64 drones and five missiles overnight, killing at least three people. " +
            "Strikes on Thursday hit Kharkiv; more than 20 were hurt. Since Dec. 30, attacks have killed dozens.";
        var r = layer.Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Equal(0, layer.FallbackCalls);
        Assert.Equal(4, r.Dates.Count);
        Assert.Equal(5, r.Quantities.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\ud800 \udfff")]
    [InlineData("at least")]
    [InlineData("between")]
    [InlineData("since")]
    public void Odd_input_does_not_throw(string text)
    {
        var r = Run(text);
        Assert.NotNull(r);
    }

    [Fact]
    public void Bad_tokens_give_empty_result()
    {
        var r = Layer.Recognize("abc", [new ConflictExtract.Text.Token(2, 10, ConflictExtract.Text.TokenKind.Word, 0)], Pub);
        Assert.Empty(r.Quantities);
    }
}
