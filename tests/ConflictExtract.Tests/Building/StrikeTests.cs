using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

public class StrikeTests : ExtractorTestBase
{
    [Fact]
    public void OneStrikePerPlace()
    {
        var r = Run("Russian missiles hit Lviv and Ternopil on Monday.");
        Assert.Equal(2, r.Strikes.Length);
        Assert.Equal("Lviv Oblast", StrikeAt(r, "Lviv").Location?.Admin1);
        Assert.Equal("Ternopil Oblast", StrikeAt(r, "Ternopil").Location?.Admin1);
        Assert.All(r.Strikes, s => Assert.Equal("RU", s.Attacker));
        Assert.All(r.Strikes, s => Assert.Equal(new DateOnly(2024, 3, 11), s.Date?.Start));
    }

    [Fact]
    public void TheEnemyInUkrainianStatementsIsRussia()
    {
        var r = Run("The enemy shelled Kherson region overnight, the regional administration said.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("RU", s.Attacker);
        Assert.Equal("Kherson Oblast", s.Location?.Name);
        Assert.Equal(WeaponCategory.Artillery, s.WeaponCategory);
    }

    [Fact]
    public void UkrainianForcesAsAttacker()
    {
        var r = Run("Ukrainian forces shelled Horlivka, local officials reported.");
        Assert.Equal("UA", Assert.Single(r.Strikes).Attacker);
    }

    [Fact]
    public void ASpeakerCityIsNotAPlaceStruck()
    {
        var r = Run("Kyiv said Russian drones attacked Odesa on Sunday.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Odesa", s.Location?.Name);
    }

    [Theory]
    [InlineData("Drones hit an oil refinery in Ryazan on Friday.", TargetCategory.Energy)]
    [InlineData("A missile struck an airfield near Myrhorod on Friday.", TargetCategory.Military)]
    [InlineData("A drone hit an apartment block in Sumy on Friday.", TargetCategory.Residential)]
    [InlineData("Missiles struck the port of Izmail on Friday.", TargetCategory.Transport)]
    public void TargetCategories(string text, TargetCategory expected)
    {
        var r = Run(text);
        Assert.Equal(expected, Assert.Single(r.Strikes).TargetCategory);
    }

    [Fact]
    public void MunitionAndInterceptionCounts()
    {
        var r = Run("Russia launched 40 drones at Kharkiv overnight, 35 of which were shot down.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal(40, s.MunitionCount?.Best);
        Assert.Equal(35, s.Intercepted?.Best);
    }

    [Fact]
    public void DestroyedNOfMMissiles()
    {
        var r = Run("Air defences destroyed 18 of 20 missiles fired at Kyiv.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal(20, s.MunitionCount?.Best);
        Assert.Equal(18, s.Intercepted?.Best);
    }

    [Fact]
    public void LaunchSiteIsNotAPlaceStruck()
    {
        var r = Run("The missiles that hit Kharkiv were launched from the Belgorod region.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Kharkiv", s.Location?.Name);
        Assert.Equal("Belgorod Oblast", s.LaunchSite?.Admin1);
    }

    [Fact]
    public void HeadlineAndBodyMergeIntoOneStrike()
    {
        var r = Run("Missile strike on Poltava kills three\n\nA Russian missile struck Poltava on Wednesday, killing three people.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Poltava", s.Location?.Name);
        Assert.Equal(new DateOnly(2024, 3, 13), s.Date?.Start);
        var killed = Single(r, CasualtyKind.Killed);
        Assert.Equal(s.Id, killed.StrikeId);
        Assert.Contains(killed.Id, s.CasualtyIds);
    }

    [Fact]
    public void CityInsideANamedRegionIsTheStrikePlace()
    {
        var r = Run("Russians shelled Vovchansk in Kharkiv region, two dead.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Vovchansk", s.Location?.Name);
        Assert.Equal("Kharkiv Oblast", s.Location?.Admin1);
    }

    [Fact]
    public void NamedWeaponIsLinked()
    {
        var r = Run("Russia struck Dnipro with a Kh-101 cruise missile on Tuesday.");
        var w = Assert.Single(r.Weapons);
        Assert.Equal("Kh-101", w.Name);
        Assert.Equal(WeaponCategory.CruiseMissile, w.Category);
        var s = Assert.Single(r.Strikes);
        Assert.Equal(w.Id, Assert.Single(s.WeaponIds));
        Assert.Equal(WeaponCategory.CruiseMissile, s.WeaponCategory);
    }

    [Fact]
    public void NoStrikeWithoutAnAttackWord()
    {
        var r = Run("The mayor of Lviv opened a new bridge on Monday.");
        Assert.Empty(r.Strikes);
    }
}

public class StrikeContextTests : ExtractorTestBase
{
    [Fact]
    public void TheRegionAfterACityIsItsRegion()
    {
        var r = Run("The enemy hit the outskirts of Sumy, and one resident was killed in the region.");
        Assert.Contains(r.Strikes, s => s.Location?.Name == "Sumy");
        Assert.Contains(r.Strikes, s => s.Location?.Name == "Sumy Oblast");
    }

    [Fact]
    public void ShellingFromACountryNamesTheAttacker()
    {
        var r = Run("A woman was wounded in Belgorod during shelling from Ukraine.");
        Assert.Equal("UA", Assert.Single(r.Strikes).Attacker);
    }
}

public class AttackerTests : ExtractorTestBase
{
    [Theory]
    [InlineData("A Russian Iskander missile struck a school in Kramatorsk.", "RU")]
    [InlineData("A Russian glide bomb hit a hospital in Kupiansk.", "RU")]
    [InlineData("The RSF shelled El Fasher on Saturday.", "SD")]
    [InlineData("Israeli airstrikes hit Khan Younis overnight.", "IL")]
    [InlineData("Hamas fired rockets at Ashkelon.", "PS")]
    [InlineData("Ukrainian drones attacked an oil depot in Russia's Belgorod region.", "UA")]
    public void AttackerFromTheAgentPhrase(string text, string attacker) => Assert.Equal(attacker, Assert.Single(Run(text).Strikes).Attacker);

    [Fact]
    public void WorldPlacesUseTheirEnglishAsciiName()
    {
        var s = Assert.Single(Run("Israeli airstrikes hit Khan Younis overnight.").Strikes);
        Assert.Equal("Khan Yunis", s.Location?.Name);
        Assert.Equal("PS", s.Location?.Country);
    }
}

public class MunitionTests : ExtractorTestBase
{
    [Theory]
    [InlineData("Russia launched 43 Shahed drones and three Kh-101 cruise missiles at Ukraine overnight; air defences shot down 38 drones and all three missiles.", 46, 41)]
    [InlineData("Russia fired 90 missiles and 60 drones at Ukraine overnight, the air force said, adding that 104 missiles and 42 drones were shot down.", 150, 146)]
    [InlineData("Russia launched 40 drones at Kharkiv overnight, 35 of which were shot down.", 40, 35)]
    public void CoordinatedCountsAddUp(string text, int fired, int intercepted)
    {
        var s = Assert.Single(Run(text).Strikes);
        Assert.Equal(fired, s.MunitionCount?.Best);
        Assert.Equal(intercepted, s.Intercepted?.Best);
    }

    [Fact]
    public void DatelineCityIsNotAnAttacker()
    {
        var r = Run("KYIV, March 14 (Wire) - Russian forces shelled Kherson on Thursday.");
        Assert.Equal("RU", Assert.Single(r.Strikes).Attacker);
    }

    [Fact]
    public void ABomberIsNotTheWeaponOfEveryStrike()
    {
        var r = Run("Tu-95MS bombers took off from Engels. Later, a substation was hit in the Odesa region.");
        Assert.DoesNotContain(r.Strikes, s => s.WeaponIds.Length > 0);
    }
}
