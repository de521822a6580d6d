using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

public class CasualtyTests : ExtractorTestBase
{
    [Fact]
    public void KilledAndInjuredInOneSentenceAreTwoRecords()
    {
        var r = Run("A rocket hit a market in Kherson on Tuesday, and five people were killed and 31 others were injured.");
        Assert.Equal(5, Single(r, CasualtyKind.Killed).Count.Best);
        var injured = Single(r, CasualtyKind.Injured);
        Assert.Equal(Quantity.Exact(31), injured.Count);
        Assert.Equal("Kherson", injured.Location?.Name);
    }

    [Fact]
    public void ASingularPersonCountsOne()
    {
        var r = Run("A woman was killed when Russian troops shelled Nikopol overnight.");
        var c = Single(r, CasualtyKind.Killed);
        Assert.Equal(Quantity.Exact(1), c.Count);
    }

    [Fact]
    public void DozensIsApproximate()
    {
        var r = Run("Dozens were wounded after drones struck Zhytomyr.");
        var c = Single(r, CasualtyKind.Injured);
        Assert.Equal(QuantityQualifier.Approximately, c.Count.Qualifier);
        Assert.Equal(24, c.Count.Low);
        Assert.Null(c.Count.Best);
    }

    [Fact]
    public void TollRiseIsACount()
    {
        var r = Run("The death toll from Saturday's missile attack on Sumy rose to 12, officials said.");
        Assert.Contains(r.Casualties, c => c.Kind == CasualtyKind.Killed && c.Count.Best == 12);
    }

    [Fact]
    public void AtLeastKeepsItsQualifier()
    {
        var r = Run("The strike on Pokrovsk killed at least seven civilians.");
        var c = Single(r, CasualtyKind.Killed);
        Assert.Equal(Quantity.AtLeast(7), c.Count);
        Assert.Equal(CasualtyGroup.Civilian, c.Group);
    }

    [Fact]
    public void ChildrenAndSoldiersAreGrouped()
    {
        var r = Run("An 8-year-old girl died after the shelling of Orikhiv. Ukrainian forces said they killed 40 Russian soldiers near Robotyne.");
        Assert.Contains(r.Casualties, c => c.Group == CasualtyGroup.Child && c.Count.Best == 1);
        Assert.Contains(r.Casualties, c => c.Group == CasualtyGroup.Military && c.Count.Best == 40);
    }

    [Fact]
    public void NumbersThatAreNotPeopleAreNotCasualties()
    {
        var r = Run("Russian forces fired 60 shells at Kupiansk over 24 hours, but nobody was hurt.");
        Assert.DoesNotContain(r.Casualties, c => c.Count.Best == 60 || c.Count.Best == 24);
    }

    [Fact]
    public void CumulativeFigureHasNoStrike()
    {
        var r = Run("Russia has launched more than 90 missiles at Ukraine since Feb. 1, killing at least 30 civilians, officials said.");
        var c = Single(r, CasualtyKind.Killed);
        Assert.Null(c.StrikeId);
        Assert.Equal(DatePrecision.Range, c.Date?.Precision);
        Assert.Equal(new DateOnly(2024, 2, 1), c.Date?.Start);
    }
}
