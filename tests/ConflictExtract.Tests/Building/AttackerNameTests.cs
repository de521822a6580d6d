using System.Text.Json;
using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Building;

/// <summary>attacker and attackerName from the actor catalogue, by the grammar of agency.</summary>
public class AttackerNameTests : ExtractorTestBase
{
    private static StrikeEvent One(string text, string published = "2024-03-15") => Assert.Single(Run(text, published).Strikes);

    [Theory]
    [InlineData("Russian forces shelled Kupiansk on Monday.", "RU", "Russian forces")]
    [InlineData("The Russian army struck Kramatorsk with a missile on Monday.", "RU", "Russian forces")]
    [InlineData("Ukrainian drones attacked an oil depot in Bryansk overnight.", "UA", "Ukrainian forces")]
    [InlineData("The IDF carried out an airstrike on Khan Younis on Monday.", "IL", "Israel Defense Forces")]
    [InlineData("Hezbollah fired rockets at Kiryat Shmona on Sunday.", "LB", "Hezbollah")]
    [InlineData("Houthi forces launched a drone at Eilat on Friday.", "YE", "Houthis")]
    [InlineData("Al-Shabaab fighters attacked a base near Kismayo on Tuesday.", "SO", "al-Shabaab")]
    [InlineData("Boko Haram gunmen raided Bama on Saturday.", "NG", "Boko Haram")]
    [InlineData("RSF fighters shelled El Fasher on Thursday.", "SD", "Rapid Support Forces")]
    public void CatalogueNamesTheAttacker(string text, string attacker, string name)
    {
        var s = One(text);
        Assert.Equal(attacker, s.Attacker);
        Assert.Equal(name, s.AttackerName);
    }

    [Theory]
    [InlineData("Kherson was shelled by Russian forces on Monday.", "Russian forces")]
    [InlineData("Two civilians were wounded in Sumy by a Russian drone strike.", "Russian forces")]
    [InlineData("Shelling from Russia damaged houses in Vovchansk on Monday.", "Russian forces")]
    [InlineData("The army of Ukraine shelled Horlivka on Monday.", "Ukrainian forces")]
    [InlineData("Islamic State claimed a suicide bombing in Jalalabad on Monday.", "Islamic State")]
    [InlineData("The Russian Defence Ministry said its forces struck a fuel depot in Chernihiv on Monday.", "Russian forces")]
    [InlineData("The Houthis said they fired a missile at Eilat on Monday.", "Houthis")]
    public void TheGrammarOfAgency(string text, string name) => Assert.Equal(name, One(text).AttackerName);

    [Theory]
    [InlineData("A Ukrainian soldier was wounded amid nine enemy attacks near Avdiivka on Monday.", "Avdiivka", "Russian forces")]
    [InlineData("Two civilians were injured in DPR shelling by the Ukrainian military on Monday.", "Donetsk Oblast", "Ukrainian forces")]
    [InlineData("Two LPR fighters were killed in shelling by Ukrainian troops on Monday.", "Luhansk Oblast", "Ukrainian forces")]
    [InlineData("Two women were killed in LPR in shelling by Ukrainian troops on Monday.", "Luhansk Oblast", "Ukrainian forces")]
    public void APolitysNameOrACountIsNotTheSideThatActed(string text, string place, string name)
    {
        var s = One(text);
        Assert.Equal(place, s.Location?.Name);
        Assert.Equal(name, s.AttackerName);
    }

    [Fact]
    public void AStatesNameBeforeANounPhraseIsThePlace()
    {
        var s = One("Four soldiers were killed in an eastern Ukraine grenade attack on Monday.");
        Assert.Equal("UA", s.Location?.Country);
        Assert.Null(s.AttackerName);
    }

    [Fact]
    public void ATargetNamedAsASideIsNotTheAttacker()
    {
        var s = One("Russian artillery fired on Ukrainian positions near Bakhmut on Monday.");
        Assert.Equal("RU", s.Attacker);
        Assert.Equal("Russian forces", s.AttackerName);
    }

    [Theory]
    [InlineData("Militants attacked Nigerian troops near Maiduguri on Monday.")]
    [InlineData("A suicide bomber struck a Pakistani army convoy in Bannu on Monday.")]
    [InlineData("Gunmen opened fire on Afghan security forces in Kunduz on Monday.")]
    [InlineData("Unidentified gunmen attacked a bus near Quetta on Monday, killing three passengers.")]
    [InlineData("Ukrainian soldier killed by rebel shelling near Avdiivka on Monday.")]
    public void TheAttackedSideIsNotTheAttacker(string text)
    {
        var s = One(text);
        Assert.Null(s.Attacker);
        Assert.Null(s.AttackerName);
    }

    [Fact]
    public void AVictimSideIsNotTheAttacker()
    {
        var s = One("Ukrainian soldiers at a checkpoint near Pokrovsk came under drone fire on Monday.");
        Assert.Null(s.AttackerName);
    }

    [Fact]
    public void ASpeakingSideIsNotTheAttacker()
    {
        var s = One("Ukraine's air force said drones hit Odesa overnight.");
        Assert.Null(s.AttackerName);
    }

    [Fact]
    public void ARelatedSideInACompoundIsNotTheAttacker()
    {
        var s = One("Iran-backed Houthi rebels fired a missile at Eilat on Monday.");
        Assert.Equal("Houthis", s.AttackerName);
        Assert.Equal("YE", s.Attacker);
    }

    [Fact]
    public void TheEnemyOfAUkrainianTextIsRussianForces()
    {
        var s = One("The enemy shelled Marhanets with artillery on Monday, the regional administration said.");
        Assert.Equal("RU", s.Attacker);
        Assert.Equal("Russian forces", s.AttackerName);
    }

    [Fact]
    public void TheEnemyOfARussianTextIsUkrainianForces()
    {
        var s = One("The enemy attacked Shebekino with drones on Monday, the Belgorod governor said.");
        Assert.Equal("UA", s.Attacker);
        Assert.Equal("Ukrainian forces", s.AttackerName);
    }

    [Fact]
    public void AnUnlistedGroupKeepsItsOwnName()
    {
        var s = One("The Ansar al-Kheir militia attacked a village near Bunia on Monday.");
        Assert.Null(s.Attacker);
        Assert.Equal("Ansar al-Kheir", s.AttackerName);
    }

    [Fact]
    public void AStatesNameInPlaceIsNotAnAgent()
    {
        var r = Run("Drones hit an airfield near Kursk overnight, and Russia blamed Kyiv.");
        var s = Assert.Single(r.Strikes);
        Assert.Null(s.AttackerName);
    }

    [Fact]
    public void AttackerNameFollowsAttackerInTheContractJson()
    {
        var r = Run("Russian forces shelled Kupiansk on Monday.");
        using var doc = JsonDocument.Parse(ExtractionJson.Serialize(r));
        var names = doc.RootElement.GetProperty("strikes")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.IndexOf("attacker") + 1, names.IndexOf("attackerName"));
        Assert.Equal("Russian forces", doc.RootElement.GetProperty("strikes")[0].GetProperty("attackerName").GetString());
        Assert.Equal(["id", "date", "location", "attacker", "attackerName", "target"], names.Take(6));
        var back = ExtractionJson.Deserialize(ExtractionJson.Serialize(r));
        Assert.Equal("Russian forces", Assert.Single(back!.Strikes).AttackerName);
    }

    [Fact]
    public void AnUnnamedAttackerIsNullInTheJson()
    {
        var r = Run("Drones struck an oil depot in Belgorod on Monday, the governor said.");
        using var doc = JsonDocument.Parse(ExtractionJson.Serialize(r));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("strikes")[0].GetProperty("attackerName").ValueKind);
    }
}
