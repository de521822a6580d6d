using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

/// <summary>Relative time windows resolved against the publication date (Building/TimeWindows.cs, the scene stage's dates).</summary>
public class TimeWindowTests : ExtractorTestBase
{
    private static string Show(DateRange? d) =>
        d is null ? "null" : d.Start == d.End && d.Precision == DatePrecision.Day ? $"{d.Start:yyyy-MM-dd}" : $"{d.Start:yyyy-MM-dd}..{d.End:yyyy-MM-dd} {d.Precision}";

    // 2024-05-13 is a Monday.
    [Theory]
    [InlineData("During the night, Russian drones attacked Sumy.", "2024-05-13", "2024-05-12")]
    [InlineData("In the night, Russian drones attacked Sumy.", "2024-05-13", "2024-05-12")]
    [InlineData("Three strikes per night hit the outskirts of Sumy, the enemy firing drones.", "2024-05-13", "2024-05-12")]
    [InlineData("Tonight the enemy attacked Odesa with attack drones.", "2024-05-13", "2024-05-12")]
    [InlineData("Russian drones attacked Odesa tonight.", "2024-05-13", "2024-05-13")]
    [InlineData("On the night of 7-8 May, Russian missiles hit Lviv.", "2024-05-13", "2024-05-07")]
    [InlineData("On the night of 7 to 8 May, Russian missiles hit Lviv.", "2024-05-13", "2024-05-07")]
    [InlineData("On the night into 8 May, Russian missiles hit Lviv.", "2024-05-13", "2024-05-07")]
    [InlineData("Russian drones struck Poltava overnight into Friday.", "2024-05-13", "2024-05-09")]
    [InlineData("The day before yesterday, Russian artillery shelled Nikopol.", "2024-05-13", "2024-05-11")]
    [InlineData("In the evening, Russian drones hit Kharkiv.", "2024-05-13", "2024-05-13")]
    public void NightsAndDays(string text, string published, string expected) =>
        Assert.Equal(expected, Show(Assert.Single(Run(text, published).Strikes).Date));

    [Theory]
    [InlineData("Over the past day, the enemy shelled Kupiansk.", "2024-05-13", "2024-05-12..2024-05-13 Range")]
    [InlineData("During the day, the enemy shelled Kupiansk.", "2024-05-13", "2024-05-12..2024-05-13 Range")]
    [InlineData("The enemy shelled Marhanets 12 times a day.", "2024-05-13", "2024-05-12..2024-05-13 Range")]
    [InlineData("The enemy shelled Marhanets 12 times per day.", "2024-05-13", "2024-05-12..2024-05-13 Range")]
    [InlineData("In two days, the enemy shelled Orikhiv 30 times.", "2024-05-13", "2024-05-11..2024-05-13 Range")]
    [InlineData("Over the weekend, Russian guided bombs hit Kupiansk.", "2024-05-13", "2024-05-11..2024-05-13 Range")]
    [InlineData("Over the weekend, Russian guided bombs hit Kupiansk.", "2024-05-15", "2024-05-11..2024-05-12 Range")]
    [InlineData("For a week, the occupiers shelled Kupiansk 40 times.", "2024-05-13", "2024-05-06..2024-05-13 Range")]
    [InlineData("Over the past week, Russian artillery shelled Vovchansk.", "2024-05-13", "2024-05-06..2024-05-13 Range")]
    [InlineData("Over the past two weeks, Russian artillery shelled Vovchansk.", "2024-05-13", "2024-04-29..2024-05-13 Range")]
    [InlineData("This week, Russian artillery shelled Vovchansk.", "2024-05-15", "2024-05-13..2024-05-15 Range")]
    [InlineData("Since the start of the month, Russian troops have shelled Kurakhove.", "2024-05-13", "2024-05-01..2024-05-13 Range")]
    [InlineData("Since the beginning of this month, Russian troops have shelled Kurakhove.", "2024-05-13", "2024-05-01..2024-05-13 Range")]
    [InlineData("This month, Russian drones struck Kherson.", "2024-05-13", "2024-05-01..2024-05-13 Range")]
    [InlineData("Since the start of the year, Russian drones struck Kherson 900 times.", "2024-05-13", "2024-01-01..2024-05-13 Range")]
    [InlineData("Last week, Russian drones struck Kherson.", "2024-05-13", "2024-05-06..2024-05-12 Week")]
    public void Periods(string text, string published, string expected) =>
        Assert.Equal(expected, Show(Assert.Single(Run(text, published).Strikes).Date));

    [Fact]
    public void SinceTheStartOfTheWarIsNoWindow()
    {
        // A war-long statement is no strike (the frame stage); a war-long toll is dated by no window.
        Assert.Empty(Run("Since the start of the war, Russian forces have shelled Kherson.", "2024-05-13").Strikes);
        var c = Assert.Single(Run("Since the start of the war, Russian shelling has killed 40 people in Kherson.", "2024-05-13").Casualties);
        Assert.Null(c.Date);
    }

    [Fact]
    public void WithoutAPublicationDateWindowsStayUnresolved()
    {
        var r = Extractor.Extract("During the night, Russian drones attacked Sumy.", new ExtractionOptions());
        Assert.Null(Assert.Single(r.Strikes).Date);
    }

    [Fact]
    public void CasualtiesOfAWindowSentenceTakeTheWindow()
    {
        var r = Run("During the night, Russian drones hit Sumy, injuring three people.", "2024-05-13");
        Assert.Equal("2024-05-12", Show(Single(r, CasualtyKind.Injured).Date));
    }

    [Fact]
    public void TheReportsWindowDatesTheSentencesAfterIt()
    {
        var r = Run("Over the past day, Russian artillery shelled Kupiansk and Vovchansk. A woman was wounded in Kupiansk. "
            + "A drone later hit a shop in Zolochiv.", "2024-05-13");
        Assert.Equal("2024-05-12..2024-05-13 Range", Show(Single(r, CasualtyKind.Injured).Date));
        Assert.Equal("2024-05-12..2024-05-13 Range", Show(StrikeAt(r, "Zolochiv").Date));
    }

    [Fact]
    public void APartOfTheDayGivesWayToTheReportsWindow()
    {
        var r = Run("Over the past day, Russian artillery shelled Kupiansk. In the evening, a drone hit a house in Vovchansk.", "2024-05-13");
        Assert.Equal("2024-05-12..2024-05-13 Range", Show(StrikeAt(r, "Vovchansk").Date));
    }

    [Fact]
    public void ASentenceWithADateOfItsOwnKeepsIt()
    {
        var r = Run("Over the past day, Russian artillery shelled Kupiansk. On Saturday, a drone hit a house in Vovchansk.", "2024-05-13");
        Assert.Equal("2024-05-11", Show(StrikeAt(r, "Vovchansk").Date));
    }

    [Fact]
    public void AWindowAfterASpeechVerbIsTheReportsTime()
    {
        var r = Run("Russian shells hit Nikopol, the governor told reporters during the day.", "2024-05-13");
        Assert.Null(Assert.Single(r.Strikes).Date);
    }

    [Fact]
    public void ADatelineDoesNotDateTheEvent()
    {
        var r = Run("KHARKIV, May 14 - Russian guided bombs hit Kharkiv on Monday, killing two people.", "2024-05-14");
        Assert.Equal("2024-05-13", Show(Assert.Single(r.Strikes).Date));
    }
}
