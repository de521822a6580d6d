using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

/// <summary>What belongs to which strike: counts, weapons and launch sites go to the strike whose words name them.</summary>
public class StrikeAssemblyTests : ExtractorTestBase
{
    [Theory]
    [InlineData("Overnight, air defence units shot down 14 of 17 Shahed drones over the Poltava region.", "Poltava Oblast", 17, 14)]
    [InlineData("Air defences destroyed 9 of 11 Shahed drones over the Vinnytsia region on Sunday night.", "Vinnytsia Oblast", 11, 9)]
    [InlineData("Russia launched 20 drones at the Cherkasy region overnight; 16 of them were shot down.", "Cherkasy Oblast", 20, 16)]
    public void MunitionsShotDownOverARegionAreAStrikeOnIt(string text, string place, int fired, int down)
    {
        var s = Assert.Single(Run(text).Strikes);
        Assert.Equal(place, s.Location?.Name);
        Assert.Equal(fired, s.MunitionCount?.Best);
        Assert.Equal(down, s.Intercepted?.Best);
    }

    [Theory]
    [InlineData("Air defence shot down a Russian Orlan-10 reconnaissance drone over Izium on Monday.")]
    [InlineData("Ukraine's air force said it shot down 30 drones over Ukraine overnight.")]
    public void AReconDroneOrAWholeCountryShotDownOverIsNoStrike(string text) => Assert.Empty(Run(text).Strikes); // guards: both fail without their check

    [Fact]
    public void CountsGoToTheStrikeTheyBelongTo()
    {
        var r = Run("Russian artillery shelled Nikopol in the morning, and Russia launched 12 drones at Odesa, 9 of which were shot down.");
        var nikopol = StrikeAt(r, "Nikopol");
        var odesa = StrikeAt(r, "Odesa");
        Assert.Null(nikopol.MunitionCount);
        Assert.Null(nikopol.Intercepted);
        Assert.Equal(12, odesa.MunitionCount?.Best);
        Assert.Equal(9, odesa.Intercepted?.Best);
        Assert.Equal(WeaponCategory.Artillery, nikopol.WeaponCategory);
        Assert.Equal(WeaponCategory.AttackDrone, odesa.WeaponCategory);
    }

    [Fact]
    public void AListOfPlacesCountsItsMunitionsOnce()
    {
        var r = Run("Russia fired 30 missiles at Lviv, Lutsk and Rivne overnight.");
        Assert.Equal(3, r.Strikes.Length);
        Assert.Equal(30, r.Strikes.Sum(s => s.MunitionCount?.Best ?? 0));
    }

    [Fact]
    public void AWeaponGoesOnlyToTheStrikesThatNameIt()
    {
        var r = Run("A Kh-101 cruise missile hit Lviv on Monday, and Russian artillery shelled Kherson.");
        var kh101 = Assert.Single(r.Weapons);
        Assert.Equal(kh101.Id, Assert.Single(StrikeAt(r, "Lviv").WeaponIds));
        Assert.Empty(StrikeAt(r, "Kherson").WeaponIds);
    }

    [Fact]
    public void TheMissileRefersBackToTheSystemNamedBefore()
    {
        var r = Run("Russia fired an Iskander-M ballistic missile from the Kursk region on Monday morning. The missile struck a school in Sumy.");
        var w = Assert.Single(r.Weapons);
        Assert.Equal(w.Id, Assert.Single(StrikeAt(r, "Sumy").WeaponIds));
    }

    [Fact]
    public void ASentenceWithoutAWeaponTakesNoneFromTheSentenceBefore()
    {
        var r = Run("Russia fired Kalibr missiles at Lviv on Monday. Officials said later that Russian forces attacked Sumy.");
        Assert.NotEmpty(StrikeAt(r, "Lviv").WeaponIds);
        Assert.Empty(StrikeAt(r, "Sumy").WeaponIds);
    }

    [Fact]
    public void ASystemOfTheOtherSideIsNotReferredTo()
    {
        var r = Run("Ukraine fired Storm Shadow missiles at Sevastopol on Monday. On Tuesday, Russian missiles hit Odesa.");
        Assert.NotEmpty(StrikeAt(r, "Sevastopol").WeaponIds);
        Assert.Empty(StrikeAt(r, "Odesa").WeaponIds);
    }

    [Fact]
    public void TheDefendersSystemIsNotTheStrikesWeapon()
    {
        var r = Run("Russia fired ten Kalibr missiles at Kyiv overnight; Patriot systems shot down eight of them.");
        var s = Assert.Single(r.Strikes);
        var kalibr = Assert.Single(r.Weapons, w => w.Name == "Kalibr");
        Assert.Equal(kalibr.Id, Assert.Single(s.WeaponIds));
        Assert.Equal(10, s.MunitionCount?.Best);
        Assert.Equal(8, s.Intercepted?.Best);
    }

    [Fact]
    public void ALaunchSiteGoesToTheStrikesItIsAbout()
    {
        var r = Run("Russian forces shelled Kupiansk on Monday morning. Later, drones struck Izium. The drones were launched from the Belgorod region.");
        Assert.Null(StrikeAt(r, "Kupiansk").LaunchSite);
        Assert.Equal("Belgorod Oblast", StrikeAt(r, "Izium").LaunchSite?.Name);
    }

    [Theory]
    [InlineData("Russia has launched more than 300 drones against Ukraine this week, officials said.")]
    [InlineData("Since the start of the full-scale invasion, Russia has fired more than 9,000 missiles at Ukraine.")]
    [InlineData("Since the start of the war, Russian forces have fired over 8,000 missiles at Kharkiv.")]
    public void ACumulativeFigureIsNoStrike(string text) => Assert.Empty(Run(text).Strikes);

    [Fact]
    public void ATallyOfPastAttacksIsNoStrike()
    {
        var r = Run("Since Russia left the grain corridor in July, the port of Izmail has been struck more than 30 times.");
        Assert.Empty(r.Strikes);
    }

    [Fact]
    public void APassiveKeepsItsPlaceAndCasualty()
    {
        var r = Run("On 3 May, Kupiansk was hit by Russian artillery. A 52-year-old man was wounded.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Kupiansk", s.Location?.Name);
        Assert.Equal("RU", s.Attacker);
        Assert.Equal(s.Id, Single(r, CasualtyKind.Injured).StrikeId);
    }
}

/// <summary>Attack words and frames beyond single verbs: several-word frames, passives, frames that need their subject.</summary>
public class AttackFrameTests : ExtractorTestBase
{
    [Theory]
    [InlineData("A Russian drone slammed into an apartment block in Sumy on Monday.", "Sumy")]
    [InlineData("On 4 June, Vovchansk came under Russian artillery fire.", "Vovchansk")]
    [InlineData("Orikhiv came under attack from Russian drones on Friday.", "Orikhiv")]
    [InlineData("Russian troops opened fire on Ukrainian positions near Robotyne on 8 June.", "Robotyne")]
    [InlineData("A suicide bomber blew himself up at a checkpoint in Kandahar on Monday.", "Kandahar")]
    [InlineData("A car bomb went off outside a hotel in Mogadishu on Friday.", "Mogadishu")]
    [InlineData("An explosive device detonated near a police station in Quetta on Sunday.", "Quetta")]
    [InlineData("Gunmen stormed a hotel in Mogadishu on Friday evening.", "Mogadishu")]
    [InlineData("Militants ambushed a military convoy near Timbuktu on Tuesday.", "Timbuktu")]
    [InlineData("Insurgents set fire to houses in Gwoza on Saturday.", "Gwoza")]
    [InlineData("A Russian drone dropped explosives on a car in Kherson on Monday.", "Kherson")]
    [InlineData("Russian forces dropped two guided bombs on Kostiantynivka on Monday.", "Kostiantynivka")]
    [InlineData("Beryslav was shelled by Russian forces on Monday.", "Beryslav")]
    [InlineData("On 5 March, Orikhiv was struck by a Russian guided bomb.", "Orikhiv")]
    [InlineData("Nikopol was the target of a Russian drone attack on Monday.", "Nikopol")]
    public void FramesReportAnAttack(string text, string place) => Assert.Equal(place, Assert.Single(Run(text).Strikes).Location?.Name);

    [Theory]
    [InlineData("Protesters stormed the parliament building in Kyiv on Monday.")]
    [InlineData("Fireworks went off over Lviv on New Year's Eve.")]
    public void AFrameWithoutItsSubjectIsNoAttack(string text) => Assert.Empty(Run(text).Strikes);

    [Fact]
    public void AnArmedGroupKillingIsAnAttack()
    {
        var r = Run("Jihadist militants killed nine villagers near Djibo on Sunday.");
        var s = Assert.Single(r.Strikes);
        Assert.Equal("Djibo", s.Location?.Name);
        Assert.Equal(s.Id, Single(r, CasualtyKind.Killed).StrikeId);
    }
}
