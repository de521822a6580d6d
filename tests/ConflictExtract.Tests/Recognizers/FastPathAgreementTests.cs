using ConflictExtract.Records;
using ConflictExtract.Recognizers;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>The fast paths give the same answers as Microsoft.Recognizers.Text on common phrases, and fix the cases where it is wrong for news.</summary>
public class FastPathAgreementTests
{
    private static readonly RecognizerLayer Layer = new();
    private static readonly DateOnly Pub = new(2024, 2, 9);

    [Theory]
    [InlineData("Officials said at least 24 people died.")]
    [InlineData("Officials said more than 14 people died.")]
    [InlineData("It can carry up to 650 kilograms.")]
    [InlineData("Officials said three people died.")]
    [InlineData("Thirteen people died.")]
    [InlineData("Twenty-five people died.")]
    [InlineData("They lost 1,200 vehicles.")]
    [InlineData("They launched a dozen drones.")]
    public void Quantities_agree_with_recognizers(string text)
    {
        var ours = Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Quantities;
        var theirs = NaiveRecognizers.Recognize(text, Pub).Quantities;
        Assert.Single(ours);
        Assert.Single(theirs);
        Assert.Equal(theirs[0].Value, ours[0].Value);
        Assert.Equal(text[theirs[0].Start..theirs[0].End], text[ours[0].Start..ours[0].End], ignoreCase: true);
    }

    [Theory]
    [InlineData("On Jan. 2 the city was hit.")]
    [InlineData("On December 30, 2023, the city was hit.")]
    [InlineData("On 30 December the city was hit.")]
    [InlineData("The attack on Thursday killed two.")]
    [InlineData("Drones struck yesterday.")]
    [InlineData("It has killed 14 civilians since Dec. 30.")]
    [InlineData("Raids between November 14, 2023 and January 9, 2024 left many dead.")]
    [InlineData("The bridge was hit three days ago.")]
    public void Dates_agree_with_recognizers(string text)
    {
        var ours = Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Dates;
        var theirs = NaiveRecognizers.Recognize(text, Pub).Dates;
        Assert.Single(ours);
        Assert.Single(theirs);
        Assert.Equal(theirs[0].Value, ours[0].Value);
        Assert.Equal(theirs[0].Timex, ours[0].Timex);
    }

    [Fact]
    public void Distances_agree_with_recognizers()
    {
        const string text = "The missile has a range of 650 km, or about 400 miles.";
        var ours = Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Distances;
        var theirs = NaiveRecognizers.Recognize(text, Pub).Distances;
        Assert.Equal(theirs.Count, ours.Count);
        for (int i = 0; i < ours.Count; i++) Assert.Equal(theirs[i].Kilometres, ours[i].Kilometres, 6);
    }

    // Where Recognizers is wrong for news, the fast path is right.

    [Fact]
    public void Between_range_is_inclusive_unlike_recognizers()
    {
        const string text = "Between 10 and 15 missiles were fired.";
        Assert.Equal(new Quantity(null, 10, 14, QuantityQualifier.Range), NaiveRecognizers.Recognize(text, Pub).Quantities[0].Value);
        Assert.Equal(new Quantity(null, 10, 15, QuantityQualifier.Range), Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Quantities[0].Value);
    }

    [Theory]
    [InlineData("A five-year-old girl was hurt.")]
    [InlineData("It fired KN-23 missiles.")]
    public void Ages_and_designations_are_not_counts_unlike_recognizers(string text)
    {
        Assert.NotEmpty(NaiveRecognizers.Recognize(text, Pub).Quantities);
        Assert.Empty(Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Quantities);
    }

    [Fact]
    public void Dozens_is_a_count_unlike_recognizers()
    {
        const string text = "Dozens of people were hurt.";
        Assert.Empty(NaiveRecognizers.Recognize(text, Pub).Quantities);
        Assert.Single(Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Quantities);
    }

    [Fact]
    public void In_a_day_is_the_past_day_not_tomorrow()
    {
        const string text = "They fired 40 drones in a day.";
        var theirs = NaiveRecognizers.Recognize(text, Pub).Dates;
        Assert.Equal(DateRange.Day(new DateOnly(2024, 2, 10)), theirs[0].Value);
        var ours = Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Dates;
        Assert.Equal(new DateRange(new DateOnly(2024, 2, 8), Pub, DatePrecision.Range), ours[0].Value);
    }

    [Fact]
    public void Overnight_is_found_unlike_recognizers()
    {
        const string text = "Drones struck overnight.";
        Assert.Empty(NaiveRecognizers.Recognize(text, Pub).Dates);
        Assert.Equal(DateRange.Day(new DateOnly(2024, 2, 8)), Layer.Recognize(text, TestTokens.Tokenize(text), Pub).Dates[0].Value);
    }
}
