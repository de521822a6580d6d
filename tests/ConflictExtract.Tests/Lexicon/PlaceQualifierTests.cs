using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>Qualifiers, foreign first-level regions and names that go on, as the place finder reads them.</summary>
public class PlaceQualifierTests
{
    private static IReadOnlyList<PlaceMention> Find(string text)
    {
        var tokens = TestTokens.Tokenize(text);
        return PlaceFinder.Default.Find(text, tokens, TestTokens.Sentences(text, tokens));
    }

    private static string Show(string text) =>
        string.Join("; ", Find(text).Select(m => $"{text[m.Start..m.End]}={m.Location.Name}|{m.Location.Kind}|{m.Location.Admin1}|{m.Location.Country}"));

    [Theory]
    [InlineData("Russian forces shelled Velykyi Burluk, Kharkiv.", "Kharkiv=Kharkiv Oblast|Region|Kharkiv Oblast|UA")]
    [InlineData("Russian forces shelled Kurakhove, Donetsk, on Monday.", "Donetsk=Donetsk Oblast|Region|Donetsk Oblast|UA")]
    [InlineData("Shells hit Stepnohirsk, Zaporozhye, on Monday.", "Zaporozhye=Zaporizhzhia Oblast|Region|Zaporizhzhia Oblast|UA")]
    [InlineData("Shells hit Ochakiv, Nikolayev, on Monday.", "Nikolayev=Mykolaiv Oblast|Region|Mykolaiv Oblast|UA")]
    [InlineData("Shells hit Nikopol in Dnipropetrovsk on Monday.", "Dnipropetrovsk=Dnipropetrovsk Oblast|Region|Dnipropetrovsk Oblast|UA")]
    [InlineData("A man died at Kamyanka, Donetsk Obl on Monday.", "Donetsk Obl=Donetsk Oblast|Region|Donetsk Oblast|UA")]
    public void ABareRegionStemAfterAPlaceIsTheRegion(string text, string expectedQualifier) =>
        Assert.Contains(expectedQualifier, Show(text));

    [Fact]
    public void TheQualifiedVillageLiesInTheQualifiersRegion()
    {
        const string t = "Shells hit Semenivka, Poltava, on Monday.";
        var village = Find(t).Single(m => t[m.Start..m.End] == "Semenivka");
        Assert.Equal("Poltava Oblast", village.Location.Admin1);
        Assert.DoesNotContain(Find(t), m => m.Location.Kind == PlaceKind.City && m.Location.Name == "Poltava");
    }

    [Fact]
    public void ADistrictAndARegionInBrackets()
    {
        Assert.Equal("Borova=Borova|Village|Kharkiv Oblast|UA; Izium=Izium Raion|Other|Kharkiv Oblast|UA; Kharkiv=Kharkiv Oblast|Region|Kharkiv Oblast|UA",
            Show("Bombs fell on Borova (Izium, Kharkiv) on Monday."));
        Assert.Contains("Pokrovsk district=Pokrovsk Raion|Other|Donetsk Oblast|UA", Show("Bombs fell on Ocheretyne, Pokrovsk district, Donetsk Oblast."));
    }

    [Fact]
    public void ACityInAListIsNoQualifier() =>
        Assert.Equal("Kupiansk=Kupiansk|Town|Kharkiv Oblast|UA; Kharkiv=Kharkiv|City|Kharkiv Oblast|UA; Izium=Izium|Town|Kharkiv Oblast|UA",
            Show("Russian forces shelled Kupiansk, Kharkiv and Izium."));

    [Theory]
    [InlineData("The junta bombed Lashio, Shan State, on Sunday.", "Lashio=Lashio|City|Shan State|MM; Shan State=Shan State|Region|Shan State|MM")]
    [InlineData("A blast hit a bar in Odessa, Texas, on Sunday.", "Odessa=Odesa|City|Texas|US; Texas=Texas|Region|Texas|US")]
    [InlineData("A shell hit a market in Omdurman, Khartoum state, on Sunday.", "Omdurman=Omdurman|City|Khartoum|SD; Khartoum state=Khartoum|Region|Khartoum|SD")]
    [InlineData("RSF fighters shelled El Fasher, North Darfur, on Sunday.", "El Fasher=El Fasher|City|Northern Darfur|SD; North Darfur=Northern Darfur|Region|Northern Darfur|SD")]
    public void AForeignFirstLevelRegionQualifiesItsPlace(string text, string expected) => Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("Fighters attacked a village in Borno State on Monday.", "Borno State=Borno State|Region|Borno State|NG")]
    [InlineData("An airstrike in Shan State killed five people on Monday.", "Shan State=Shan State|Region|Shan State|MM")]
    [InlineData("A bomb went off in Balochistan on Monday, Pakistani police said in Quetta.", "Balochistan=Balochistan|Region|Balochistan|PK")]
    public void AFirstLevelRegionNamedOnItsOwn(string text, string expected) => Assert.Contains(expected, Show(text));

    [Theory]
    [InlineData("Talks in the Somali capital ended on Monday.", "Somali")]
    [InlineData("Fighters crossed into Kurdistan on Monday.", "Kurdistan")]
    public void AForeignRegionNeedsItsNounOrItsCountry(string text, string notRegion) =>
        Assert.DoesNotContain(Find(text), m => m.Location.Kind == PlaceKind.Region && text[m.Start..m.End].StartsWith(notRegion, StringComparison.Ordinal));

    [Fact]
    public void TheGazaStripIsTheTerritoryNotTheCity() =>
        Assert.Equal("Gaza Strip=Gaza Strip|Region|Gaza Strip|PS", Show("Israeli strikes hit the Gaza Strip on Monday."));

    [Theory]
    [InlineData("Gunmen attacked a village in Niger State on Monday.")]
    [InlineData("Settlers attacked a village in the Jordan Valley on Monday.")]
    public void ACountryBeforeAFeatureNounIsNoCountry(string text) =>
        Assert.DoesNotContain(Find(text), m => m.Location.Kind == PlaceKind.Country);

    [Theory]
    [InlineData("A Russian drone hit a Nova Poshta terminal in Odesa.", "Nova Poshta=")]
    [InlineData("Militants attacked a base in Cabo Delgado on Monday.", "Cabo=")]
    public void ANameThatGoesOnIsNoVillage(string text, string notExpected) =>
        Assert.DoesNotContain(notExpected, Show(text).Replace("Nova=", "Nova Poshta=", StringComparison.Ordinal));

    [Fact]
    public void AnUnambiguousListMemberDecidesBetweenVillages()
    {
        const string t = "Russian forces shelled Orlivka and Tonenke on 1 March.";
        Assert.Equal("Donetsk Oblast", Find(t).Single(m => t[m.Start..m.End] == "Orlivka").Location.Admin1);
    }
}
