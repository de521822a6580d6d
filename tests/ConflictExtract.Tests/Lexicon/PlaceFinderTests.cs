using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Lexicon;

public class PlaceFinderTests
{
    private static IReadOnlyList<PlaceMention> Find(string text)
    {
        var tokens = TestTokens.Tokenize(text);
        var sentences = TestTokens.Sentences(text, tokens);
        return PlaceFinder.Default.Find(text, tokens, sentences);
    }

    private static string Show(string text) =>
        string.Join("; ", Find(text).Select(m => $"{text[m.Start..m.End]}={m.Location.Name}|{m.Location.Kind}|{m.Location.Admin1}"));

    [Theory]
    [InlineData("Shelling hit the Kharkiv region overnight.", "Kharkiv region=Kharkiv Oblast|Region|Kharkiv Oblast")]
    [InlineData("Shelling hit Kharkiv oblast overnight.", "Kharkiv oblast=Kharkiv Oblast|Region|Kharkiv Oblast")]
    [InlineData("Shelling hit Kharkiv Oblast overnight.", "Kharkiv Oblast=Kharkiv Oblast|Region|Kharkiv Oblast")]
    [InlineData("Drones flew over the region of Kharkiv again.", "region of Kharkiv=Kharkiv Oblast|Region|Kharkiv Oblast")]
    [InlineData("Guns fired on the Zaporizhzhia region.", "Zaporizhzhia region=Zaporizhzhia Oblast|Region|Zaporizhzhia Oblast")]
    [InlineData("A plant in the Dnepropetrovsk region was hit.", "Dnepropetrovsk region=Dnipropetrovsk Oblast|Region|Dnipropetrovsk Oblast")]
    [InlineData("Power failed in the Kirovohrad region.", "Kirovohrad region=Kirovohrad Oblast|Region|Kirovohrad Oblast")]
    [InlineData("Officials in the Belgorod region reported damage.", "Belgorod region=Belgorod Oblast|Region|Belgorod Oblast")]
    [InlineData("Sirens sounded in the Kiev region.", "Kiev region=Kyiv Oblast|Region|Kyiv Oblast")]
    public void RegionPhrases(string text, string expected) => Assert.Equal(expected, Show(text));

    [Fact]
    public void CoordinatedRegions()
    {
        Assert.Equal("Donetsk=Donetsk Oblast|Region|Donetsk Oblast; Luhansk regions=Luhansk Oblast|Region|Luhansk Oblast",
            Show("Fighting raged in the Donetsk and Luhansk regions."));
        Assert.Equal("regions of Sumy=Sumy Oblast|Region|Sumy Oblast; Kharkiv=Kharkiv Oblast|Region|Kharkiv Oblast; Dnipro=Dnipropetrovsk Oblast|Region|Dnipropetrovsk Oblast",
            Show("Air-raid alerts sounded in the regions of Sumy, Kharkiv, and Dnipro."));
    }

    [Fact]
    public void SeparatistNamesAndDonbas()
    {
        Assert.Equal("DPR=Donetsk Oblast|Region|Donetsk Oblast", Show("Officials of the DPR spoke."));
        Assert.Equal("Donbas=Donbas|Region|", Show("The war in Donbas went on."));
        Assert.Equal("Luhansk People's Republic=Luhansk Oblast|Region|Luhansk Oblast", Show("He led the Luhansk People's Republic militia."));
    }

    [Theory]
    [InlineData("Missiles struck Kharkov on Monday.", "Kharkov=Kharkiv|City|Kharkiv Oblast")]
    [InlineData("Missiles struck Kiev on Monday.", "Kiev=Kyiv|City|Kyiv")]
    [InlineData("A port near Nikolaev burned.", "Nikolaev=Mykolaiv|City|Mykolaiv Oblast")]
    [InlineData("The front near Zaporozhye held.", "Zaporozhye=Zaporizhzhia|City|Zaporizhzhia Oblast")]
    [InlineData("Sirens wailed in Dnepr at dawn.", "Dnepr=Dnipro|City|Dnipropetrovsk Oblast")]
    [InlineData("Troops left Snigirevka last year.", "Snigirevka=Snihurivka|Town|Mykolaiv Oblast")]
    [InlineData("Troops left Izyum last year.", "Izyum=Izium|Town|Kharkiv Oblast")]
    [InlineData("Shells fell on Energodar at night.", "Energodar=Enerhodar|Town|Zaporizhzhia Oblast")]
    [InlineData("Shells fell on Makeevka at night.", "Makeevka=Makiivka|City|Donetsk Oblast")]
    [InlineData("Shells fell on Makiivka at night.", "Makiivka=Makiivka|City|Donetsk Oblast")]
    [InlineData("Fighting near Artemovsk went on.", "Artemovsk=Bakhmut|Town|Donetsk Oblast")]
    [InlineData("Fighting near Avdeyevka went on.", "Avdeyevka=Avdiivka|Town|Donetsk Oblast")]
    [InlineData("A drone hit Kupyansk.", "Kupyansk=Kupiansk|Town|Kharkiv Oblast")]
    [InlineData("A drone hit Odessa.", "Odessa=Odesa|City|Odesa Oblast")]
    [InlineData("A drone hit Kirovograd.", "Kirovograd=Kropyvnytskyi|City|Kirovohrad Oblast")]
    [InlineData("A drone hit Dnipropetrovsk.", "Dnipropetrovsk=Dnipro|City|Dnipropetrovsk Oblast")]
    public void SpellingVariants(string text, string expected)
    {
        // Kind and admin1 as the gazetteer has them; only the name and admin1 are compared strictly.
        var m = Assert.Single(Find(text));
        var parts = expected.Split('=')[1].Split('|');
        Assert.Equal(expected.Split('=')[0], text[m.Start..m.End]);
        Assert.Equal(parts[0], m.Location.Name);
        Assert.Equal(parts[2], m.Location.Admin1);
    }

    [Fact]
    public void BareCityBeatsRegionAndVillages()
    {
        Assert.Equal("Kharkiv=Kharkiv|City|Kharkiv Oblast", Show("Explosions shook Kharkiv overnight."));
        Assert.Equal("Kyiv=Kyiv|City|Kyiv", Show("Explosions shook Kyiv overnight."));
        Assert.Equal("Ukraine=Ukraine|Country|; Russia=Russia|Country|", Show("Ukraine said Russia fired 40 missiles."));
    }

    [Fact]
    public void DniproRiverIsNotTheCity()
    {
        Assert.Empty(Find("Troops crossed the Dnipro at night."));
        Assert.Empty(Find("Troops crossed the Dnipro River at night."));
        Assert.Equal("Dnipro=Dnipro|City|Dnipropetrovsk Oblast", Show("A missile hit Dnipro at night."));
    }

    [Fact]
    public void NamesakeVillagesFollowTheNamedRegion()
    {
        // Several villages share these names; the region the text names decides.
        var a = Find("Russian forces shelled the village of Stepne in the Zaporizhzhia region.");
        Assert.Equal("Zaporizhzhia Oblast", a[0].Location.Admin1);
        var b = Find("In the Donetsk region, Russian forces shelled the village of Stepne.");
        Assert.Equal("Donetsk Oblast", b.Single(m => m.Location.Name == "Stepne").Location.Admin1);
        // Pervomaiskyi in Kharkiv Oblast is Zlatopil since 2024 (GeoNames keeps the old name as a variant).
        const string t = "In the Kharkiv region, a strike hit Pervomaiskyi.";
        var c = Find(t);
        Assert.Equal("Kharkiv Oblast", c.Single(m => t[m.Start..m.End] == "Pervomaiskyi").Location.Admin1);
        Assert.Equal("Donetsk Oblast", Find("In the Donetsk region, a strike hit Pervomaiskyi.").Single(m => m.Location.Kind != PlaceKind.Region).Location.Admin1);
    }

    [Fact]
    public void PersonNamesAndCommonWordsAreNotPlaces()
    {
        Assert.DoesNotContain(Find("Prosecutor General Andriy Kostin visited the site."), m => m.Place.Kind == PlaceKind.Village);
        Assert.Empty(Find("Kostin said the attack was deliberate."));
        Assert.Empty(Find("Victory will come, the president said."));
        Assert.Empty(Find("May brought heavy rain."));
        Assert.Empty(Find("they met us on the road."));
        Assert.Empty(Find("Mary and Sofia waited for news."));
    }

    [Fact]
    public void LocativeContextAdmitsSmallPlaces()
    {
        Assert.Equal("Bucha=Bucha|Town|Kyiv Oblast", Show("Bodies were found in the town of Bucha."));
        Assert.Contains(Find("Troops advanced near Olenivka."), m => m.Location.Name == "Olenivka");
        Assert.Contains(Find("Two civilians died in the village of Rubtsi."), m => m.Location.Name == "Rubtsi");
    }

    [Fact]
    public void OffsetsAreExact()
    {
        const string text = "Strikes on Nova Kakhovka and Kryvyi Rih killed two.";
        var ms = Find(text);
        Assert.Equal(["Nova Kakhovka", "Kryvyi Rih"], ms.Select(m => text[m.Start..m.End]).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\ud800 x")]
    [InlineData("KHARKIV")]
    public void OddInputDoesNotThrow(string text)
    {
        var r = Find(text);
        Assert.NotNull(r);
        Assert.Empty(PlaceFinder.Default.Find(text, [], []));
    }
}
