using ConflictExtract.Lexicon;
using ConflictExtract.Tests.Building;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>The spelling fallback: transliterations of place names, never English words, brands or world places.</summary>
public class PlaceSpellingTests : ExtractorTestBase
{
    [Theory]
    [InlineData("Chuguiev", "Chuhuiv", true)]
    [InlineData("Snigirevka", "Snihurivka", true)]
    [InlineData("Yelenovka", "Olenivka", true)]
    [InlineData("Kurakhovoy", "Kurakhove", true)]
    [InlineData("Stepnoy", "Stepne", true)]
    [InlineData("Sievierodonetsk", "Severodonetsk", true)]
    [InlineData("Twitter", "Tovtry", false)]
    [InlineData("Somali", "Smila", false)]
    [InlineData("Rowena", "Rivne", false)]
    [InlineData("Kabul", "Koblo", false)]
    public void CloseSpellings(string word, string name, bool close) =>
        Assert.Equal(close, TransliterationIndex.IsCloseSpelling(word, name));

    [Fact]
    public void ARussianStyleSpellingInAUkrainianReportIsTheUkrainianPlace()
    {
        var r = Run("Russian rockets hit Chuguiev on Monday, injuring a man.");
        Assert.Equal("Chuhuiv", Assert.Single(r.Strikes).Location?.Name);
    }

    [Fact]
    public void InATextAboutElsewhereAnUnknownWordIsNoUkrainianVillage()
    {
        var r = Run("Militants from Kismayo and Baidoa attacked a base near Kuburvwa on Monday, officials in Mogadishu said.");
        Assert.DoesNotContain(r.Strikes, s => s.Location?.Country is "UA" or "RU");
        Assert.DoesNotContain(r.Entities, e => e.Text == "Kuburvwa" && r.Strikes.Any(s => s.Location?.Country == "UA"));
    }

    [Fact]
    public void AWorldCapitalNamedByItsOwnNameStaysTheCapital()
    {
        var r = Run("Delegates met in Minsk on Monday as shelling hit Horlivka in the Donetsk region.");
        Assert.DoesNotContain(r.Strikes, s => s.Location?.Admin1 == "Donetsk Oblast" && s.Location.Name != "Horlivka");
    }

    [Fact]
    public void APersonsNameIsNoPlace()
    {
        var r = Run("Russian shelling hit Kupiansk on Monday, Governor Syniehubov told Serhii Bolvinov.");
        Assert.Equal(["Kupiansk"], r.Strikes.Select(s => s.Location?.Name ?? "").ToArray());
    }
}
