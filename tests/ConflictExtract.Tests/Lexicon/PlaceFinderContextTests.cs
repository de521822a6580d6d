using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Lexicon;

public class PlaceFinderContextTests
{
    private static IReadOnlyList<PlaceMention> Find(string text)
    {
        var tokens = TestTokens.Tokenize(text);
        return PlaceFinder.Default.Find(text, tokens, TestTokens.Sentences(text, tokens));
    }

    private static string[] Names(string text) => Find(text).Select(m => m.Location.Name).ToArray();

    [Fact]
    public void WeaponsAgenciesAndNationalitiesAreNotPlaces()
    {
        Assert.Empty(Find("Iskander and Kinzhal missiles were downed by Patriot batteries, Reuters and TASS reported."));
        Assert.Empty(Find("Ukrainian and Russian officials met; Shahed drones and Storm Shadow missiles were discussed."));
        Assert.Empty(Find("Google and Telegram posts showed the damage."));
    }

    [Fact]
    public void PossessiveAndOccupiedPrefix()
    {
        Assert.Equal(["Kharkiv"], Names("Kharkiv's mayor Ihor Terekhov said two people died."));
        Assert.Equal(["Olenivka"], Names("The prisoners were held in Russian-occupied Olenivka."));
        Assert.Equal(["Belgorod"], Names("Debris fell on Belgorod overnight."));
    }

    [Fact]
    public void RussianStyleSpellings()
    {
        Assert.Equal(["Horlivka"], Names("Shelling hit Gorlovka again."));
        Assert.Equal(["Marhanets"], Names("Shells landed in Marganets."));
        Assert.Equal(["Sievierodonetsk"], Names("Fighting in Severodonetsk continued."));
        Assert.Equal(["Lysychansk"], Names("Fighting in Lisichansk continued."));
    }

    [Fact]
    public void RegionOfCityInSameText()
    {
        // The village named after a region phrase resolves inside that region.
        var ms = Find("Russian troops shelled Kupiansk in the Kharkiv region and the nearby village of Petropavlivka.");
        Assert.Contains(ms, m => m.Location.Name == "Petropavlivka" && m.Location.Admin1 == "Kharkiv Oblast");
    }

    [Fact]
    public void Raions()
    {
        Assert.Equal("Nikopol district|Nikopol Raion|Other|Dnipropetrovsk Oblast",
            string.Join(";", Find("Shelling hit the Nikopol district overnight.").Select(m => $"{"Shelling hit the Nikopol district overnight."[m.Start..m.End]}|{m.Location.Name}|{m.Location.Kind}|{m.Location.Admin1}")));
        Assert.Equal(["Nikopol Raion"], Names("Shelling hit Nikopol Raion overnight."));
        Assert.Equal(["Nikopol"], Names("Shelling hit Nikopol overnight."));
        Assert.Equal(["Nikopol Raion"], Names("Forty shells fell in the Nikopol region."));
    }

    [Fact]
    public void CityDistrictIsTheCity()
    {
        // "the Leninskyi district of Donetsk"-style phrases name a part of the city.
        Assert.Equal(["Donetsk"], Names("A man was hurt in the Kiev region of Donetsk."));
        Assert.Equal(["Donetsk"], Names("Shells hit the Kirovsky district of Donetsk."));
        Assert.Equal(["Khmelnytskyi"], Names("A drone fell near Khmelnitsky."));
        const string t = "Shelling hit Pervomaisky in the Kharkiv region.";
        Assert.Equal("Kharkiv Oblast", Find(t).Single(m => t[m.Start..m.End] == "Pervomaisky").Location.Admin1);
    }

    [Fact]
    public void CountryMentionsAndAllCapsAcronyms()
    {
        Assert.Equal(["United States", "Ukraine"], Names("The US sent more aid to Ukraine."));
        Assert.Empty(Find("They told us to leave."));
        Assert.Equal(["Donetsk Oblast", "Luhansk Oblast"], Names("The DPR and LPR were annexed."));
    }

    [Fact]
    public void ManyMentionsKeepTextOrderAndOffsets()
    {
        const string t = "Strikes hit Kyiv, Odesa and Lviv; later Dnipro and Zaporizhzhia.";
        var ms = Find(t);
        Assert.Equal(["Kyiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia"], ms.Select(m => t[m.Start..m.End]).ToArray());
        Assert.All(ms, m => Assert.Equal(PlaceKind.City, m.Location.Kind));
    }

    [Fact]
    public void SharedFinderIsThreadSafe()
    {
        const string t = "Russian forces shelled the village of Stepne in the Zaporizhzhia region and struck Kharkov, Izyum and Odessa.";
        var expected = string.Join(";", Find(t).Select(m => $"{m.Start}-{m.End}:{m.Location}"));
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = string.Join(";", Find(t).Select(m => $"{m.Start}-{m.End}:{m.Location}")));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void TokensThatDoNotFitTheTextAreIgnored()
    {
        var tokens = TestTokens.Tokenize("Shelling hit Kharkiv and the Donetsk region, officials said.");
        var r = PlaceFinder.Default.Find("Kharkiv", tokens, []);
        Assert.NotNull(r);
        var big = string.Concat(Enumerable.Repeat("Kyiv, Lviv and the Kharkiv region were hit. ", 5000));
        var bt = TestTokens.Tokenize(big);
        Assert.Equal(15000, PlaceFinder.Default.Find(big, bt, TestTokens.Sentences(big, bt)).Count);
    }
}
