using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

/// <summary>The phrasings of victim counts in wire reports, one test each.</summary>
public class CasualtyPatternTests : ExtractorTestBase
{
    [Theory]
    [InlineData("Troops shot dead six people in the market.", 6)]
    [InlineData("Assailants shot and killed a local teacher.", 1)]
    [InlineData("Eleven people have been confirmed dead after the strike.", 11)]
    [InlineData("Four villagers were feared killed in the raid.", 4)]
    [InlineData("The well-known singer Ivan Petrenko was killed on Monday.", 1)]
    [InlineData("Attackers hacked him to death outside his home.", 1)]
    [InlineData("Rebels have killed Samuel Okoro, a local councillor.", 1)]
    [InlineData("There is a dead man after the shelling of Kherson.", 1)]
    public void KilledCount(string text, int expected) => Assert.Equal(expected, Run(text).Summary.Killed?.Best);

    [Fact]
    public void ThereAreDeadHasNoCount()
    {
        var r = Run("Russians shelled Nikopol again, there are dead and wounded.");
        Assert.Empty(r.Casualties);
        Assert.Single(r.Strikes);
    }

    [Fact]
    public void WoundedThenDiedIsOneKilled()
    {
        var r = Run("A teenager wounded in the shelling of Kherson died in hospital.");
        var c = Assert.Single(r.Casualties);
        Assert.Equal(CasualtyKind.Killed, c.Kind);
        Assert.Equal(CasualtyGroup.Child, c.Group);
        Assert.Equal("Kherson", c.Location?.Name);
    }

    [Fact]
    public void IncludingListIsASubset()
    {
        var r = Run("The blast killed 24 people, including a paramedic and 13 children.");
        Assert.Equal(24, r.Summary.Killed?.Best);
        Assert.Contains(r.Casualties, c => c.Count.Best == 13 && c.Group == CasualtyGroup.Child);
    }

    [Fact]
    public void PerpetratorsAreNotVictims()
    {
        var r = Run("The gunmen killed 12 hostages before four attackers were gunned down by police.");
        Assert.Equal(12, r.Summary.Killed?.Best);
    }

    [Fact]
    public void ThingsCountedAreNotPeople()
    {
        var r = Run("In the Sumy region, three communities came under enemy fire, there are dead.");
        Assert.Empty(r.Casualties);
    }

    [Fact]
    public void AppositionTakesTheHead()
    {
        var r = Run("Seven people, three police officers and four students, were killed in the bombing.");
        Assert.Equal(7, r.Summary.Killed?.Best);
    }

    [Fact]
    public void KilledAndAWoman()
    {
        var r = Run("A rocket attack killed three boys and a teacher in the afternoon.");
        Assert.Equal(4, r.Summary.Killed?.Best);
    }

    [Fact]
    public void ACompanionIsAVictimOfHisOwn()
    {
        var r = Run("A soldier was wounded together with three civilians near the bridge.");
        Assert.Equal([1L, 3L], r.Casualties.Select(c => c.Count.Headline ?? 0).Order());
        Assert.Equal(4L, r.Summary.Injured?.Headline);
    }

    [Fact]
    public void AMergedReportLeavesItsCompanionApart()
    {
        // The second sentence repeats the first's victim; her nephew, in the same sentence, is another person.
        var r = Run("Gunmen on Friday killed Ana Ruiz in San Pedro. Ms. Ruiz was killed alongside her nephew at her home.");
        Assert.Equal(2, r.Casualties.Count(c => c.Kind == CasualtyKind.Killed));
    }

    [Fact]
    public void ASingularVerbMakesTheCommaAnAppositive()
    {
        Assert.Equal(1L, Run("A drone hit a minibus. Its driver, a 58-year-old woman, was killed.").Summary.Killed?.Headline);
        Assert.Equal(3L, Run("Shells fell on the farm. A farmer, his daughter and a neighbour were wounded.").Summary.Injured?.Headline);
    }

    [Fact]
    public void APossessorIsNoVictim()
    {
        var r = Run("An airstrike hit the house, killing the farmer's three sons and two daughters.");
        Assert.Equal(5L, r.Summary.Killed?.Headline);
        Assert.Equal([2L, 3L], r.Casualties.Select(c => c.Count.Headline ?? 0).Order()); // the farmer is no victim
    }
}

public class PlaceVariantTests : ExtractorTestBase
{
    [Fact]
    public void RussianStyleSpellingResolvesToTheUkrainianPlace()
    {
        var r = Run("Russian artillery shelled Ochakov overnight, wounding two people.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Mykolaiv Oblast", s.Location?.Admin1);
        Assert.Equal(new DateOnly(2024, 3, 14), s.Date?.Start);
    }

    [Fact]
    public void CapitalisedWordOutsideAPlacePositionIsNotGuessed()
    {
        var r = Run("Ochakov said the shelling of Kherson continued.");
        Assert.DoesNotContain(r.Strikes, s => s.Location?.Admin1 == "Mykolaiv Oblast");
    }
}
