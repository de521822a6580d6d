using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

public class SummaryTests : ExtractorTestBase
{
    [Fact]
    public void DistinctGroupsAdd()
    {
        var r = Run("The attack on Bakhmut killed five soldiers and three civilians.");
        Assert.Equal(8, r.Summary.Killed?.Best);
    }

    [Fact]
    public void SubsetIsNotAdded()
    {
        var r = Run("Twenty people, including five children, died when shells struck Avdiivka.");
        Assert.Equal(20, r.Summary.Killed?.Best);
        Assert.Contains(r.Casualties, c => c.Count.Best == 5 && c.Group == CasualtyGroup.Child);
    }

    [Fact]
    public void RaisedTollReplacesEarlierFigure()
    {
        var r = Run("Nine people were killed in a missile strike on Chernihiv on Monday. The death toll in Chernihiv later rose to 12.");
        Assert.Equal(12, r.Summary.Killed?.Best);
    }

    [Fact]
    public void RepeatedHeadlineCountsOnce()
    {
        var r = Run("Two civilians killed in shelling of Kurakhove\nTwo civilians killed in shelling of Kurakhove");
        Assert.Equal(2, r.Summary.Killed?.Best);
        Assert.Single(r.Casualties, c => c.Kind == CasualtyKind.Killed);
    }

    [Fact]
    public void CumulativeIncludesTheStrikesItCovers()
    {
        var r = Run("Russian strikes have killed at least 20 civilians since Jan. 5, officials said. The deadliest hit Kramatorsk on Jan. 9, when four people were killed and 40 were wounded.");
        Assert.Equal(20, r.Summary.Killed?.Best);
        Assert.Equal(40, r.Summary.Injured?.Best);
    }

    [Fact]
    public void NothingReportedIsNull()
    {
        var r = Run("Drones attacked Odesa overnight; there were no casualties.");
        Assert.Null(r.Summary.Killed);
        Assert.Null(r.Summary.Injured);
    }
}

public class DiscourseTests : ExtractorTestBase
{
    private const string Article =
        "A Russian missile hit an apartment block in Kryvyi Rih on Friday, killing 11 people, regional officials said.\n\n" +
        "Rescuers pulled 46 wounded residents from the rubble, and the death toll rose to 13, the governor of the Dnipropetrovsk region said.\n\n" +
        "Separately, two servicemen were injured when Ukrainian forces repelled an attack near Robotyne.";

    [Fact]
    public void FiguresWithoutAPlaceBelongToThePlaceJustReported()
    {
        var r = Run(Article, "2024-06-15");
        Assert.Equal(13, r.Summary.Killed?.Best);
        Assert.Equal(48, r.Summary.Injured?.Best);
        Assert.DoesNotContain(r.Casualties, c => c.Location?.Name == "Dnipro");
    }

    [Fact]
    public void DefendersAreNotAttackers()
    {
        var r = Run(Article, "2024-06-15");
        Assert.NotEqual("UA", Assert.Single(r.Strikes, s => s.Location?.Name == "Robotyne").Attacker);
    }

    [Fact]
    public void CountryWideFigureIsATotalNotAPlace()
    {
        var r = Run("At least seven people were killed across Ukraine. In Sumy, a drone killed two people. In Lviv, a missile killed three.");
        Assert.Equal(7, r.Summary.Killed?.Best);
    }
}

public class AdditiveTests : ExtractorTestBase
{
    [Fact]
    public void AlsoKilledAddsToTheFigureBefore()
    {
        var r = Run("Security forces killed eight militants in a raid, the army said. Two soldiers were also killed.");
        Assert.Equal(10, r.Summary.Killed?.Best);
    }

    [Fact]
    public void ARestatedFigureDoesNotAdd()
    {
        var r = Run("Eight militants were killed in a raid, the army said. The army said the eight militants were killed in a gunfight.");
        Assert.Equal(8, r.Summary.Killed?.Best);
    }
}
