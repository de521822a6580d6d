using ConflictExtract.Records;
using ConflictExtract.Tests.Building;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>Which places are the places struck: qualifiers, passive subjects, background places (the scene stage's place rules).</summary>
public class PlaceSceneTests : ExtractorTestBase
{
    private static string[] Places(ExtractionResult r) => r.Strikes.Select(s => s.Location?.Name ?? "?").ToArray();

    [Theory]
    [InlineData("Russian forces shelled Velykyi Burluk, Kharkiv, on 3 April.", "Velykyi Burluk")]
    [InlineData("Russian forces shelled Ocheretyne, Pokrovsk district, Donetsk Oblast, on 3 April.", "Ocheretyne")]
    [InlineData("Russian forces shelled Bilozerka of the Kherson district on 3 April.", "Bilozerka")]
    [InlineData("Israeli aircraft struck Rafah, Gaza Strip, on 3 April.", "Rafah")]
    [InlineData("Staryi Saltiv (Chuhuiv, Kharkiv) came under Russian shelling on 3 April.", "Staryi Saltiv")]
    [InlineData("Russian forces shelled Kupiansk, Kupianskyi district, Kharkiv, on 3 April.", "Kupiansk")]
    public void AQualifierIsNoStrikeOfItsOwn(string text, string place) => Assert.Equal([place], Places(Run(text)));

    [Fact]
    public void ARegionAfterAnUnknownPlaceIsTheSceneKnown()
    {
        var s = Assert.Single(Run("Ukrainian drones struck Tyotkino, Kursk oblast, on 3 April.").Strikes);
        Assert.Equal("Kursk Oblast", s.Location?.Name);
    }

    [Fact]
    public void AQualifierLendsItsLocativeToItsPlace()
    {
        var s = Assert.Single(Run("Prykolotne in Kharkiv region came under Russian shelling on 5 March.").Strikes);
        Assert.Equal("Prykolotne", s.Location?.Name);
        Assert.Equal("Kharkiv Oblast", s.Location?.Admin1);
    }

    [Theory]
    [InlineData("Shostka and Esman were shelled on Sunday.", "Shostka|Esman")]
    [InlineData("On Sunday, Avdiivka and Marinka in Donetsk region were hit by artillery.", "Avdiivka|Marinka")]
    [InlineData("The enemy attacked the Kharkiv region 25 times on Sunday; Vovchansk and Lyptsi were shelled.", "Vovchansk|Lyptsi")]
    public void PlacesThatOpenAPassiveClauseAreStruck(string text, string places) =>
        Assert.Equal(places.Split('|'), Places(Run(text)));

    [Fact]
    public void PlacesAfterIncludingAreTheStrikesOfTheirRegion() =>
        Assert.Equal(["Orikhiv", "Huliai-Pole"],
            Places(Run("Russian troops shelled 9 settlements of Zaporizhzhia region, including Orikhiv and Huliaipole, on Monday.")));

    [Theory]
    [InlineData("Speaking in Kyiv on Monday, the minister said Russian drones hit Sumy.", "Sumy")]
    [InlineData("Russian bombs hit Vovchansk on Monday; residents fled to Kharkiv and Chuhuiv.", "Vovchansk")]
    [InlineData("As leaders gathered in Brussels, Russian missiles hit Kryvyi Rih on Monday.", "Kryvyi Rih")]
    [InlineData("Fighting went on in the Pokrovsk direction, and Russian aircraft bombed Myrnohrad on Monday.", "Myrnohrad")]
    [InlineData("The Russian attack on Odesa on Monday was the deadliest since the strike on Sumy.", "Odesa")]
    [InlineData("Shelling hit Horlivka on Monday as delegates sat at the Minsk talks.", "Horlivka")]
    public void BackgroundPlacesAreNoStrikes(string text, string place) => Assert.Equal([place], Places(Run(text)));

    [Fact]
    public void ASimilarEarlierAttackIsBackground() =>
        Assert.Equal(["Dnipro"], Places(Run("A Russian missile hit Dnipro on Monday. A similar attack on Zaporizhzhia killed four.")));

    [Fact]
    public void ARegionNamedAsASetOfPlacesIsCoveredByThePlacesNamedNext()
    {
        var r = Run("Over the past day, the enemy fired on 8 settlements of the Kherson region. Bilozerka and Antonivka were shelled.");
        Assert.Equal(["Bilozerka", "Antonivka"], Places(r));
    }

    [Fact]
    public void ARegionStruckWithoutItsPlacesStays() =>
        Assert.Equal(["Kharkiv Oblast"], Places(Run("Over the past day, the enemy shelled 11 settlements of the Kharkiv region. No one was hurt.")));

    [Fact]
    public void ACountryIsNoStrikeWhenItsPlaceStruckIsNamed()
    {
        var r = Run("Russia launched 30 drones at Ukraine overnight. Debris from a downed drone hit houses in Kyiv.");
        Assert.Equal(["Kyiv"], Places(r));
    }
}
