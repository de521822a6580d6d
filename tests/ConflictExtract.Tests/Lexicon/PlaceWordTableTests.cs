using ConflictExtract.Languages;

namespace ConflictExtract.Tests.Lexicon;

/// <summary>The place finder's and the time windows' word tables: loaded from the language's data files, typed errors for bad lines.</summary>
public class PlaceWordTableTests
{
    [Fact]
    public void TheEnglishPlaceWordsHaveTheirClasses()
    {
        var w = LanguagePack.English.PlaceWords;
        Assert.True(w.Of("Oblast").HasFlag(PlaceWord.RegionNoun));
        Assert.True(w.Of("district").HasFlag(PlaceWord.DistrictNoun));
        Assert.True(w.Of("Northern").HasFlag(PlaceWord.North));
        Assert.True(w.Of("Zelensky").HasFlag(PlaceWord.Stop));
        Assert.Equal(PlaceWord.None, w.Of("Kupiansk"));
        Assert.Equal(PlaceWord.None, w.Of(new string('a', 40)));
        Assert.Equal("raion", w.RaionName);
    }

    [Fact]
    public void TheEnglishTimeWordsHaveTheirClassesAndTheCue()
    {
        var pack = LanguagePack.English;
        Assert.Equal(TimeWord.Night, pack.TimeWords.Of("Night"));
        Assert.Equal(TimeWord.Weekend, pack.TimeWords.Of("weekend"));
        Assert.Equal(TimeWord.None, pack.TimeWords.Of("drone"));
        foreach (var word in pack.TimeWords.Words.Keys) Assert.True(pack.Classify(word).Has(Cue.TimeWord), word);
    }

    [Theory]
    [InlineData("NoSuchClass: word")]
    [InlineData("no colon here")]
    [InlineData("None: word")]
    public void ABadPlaceWordLineIsATypedError(string line) =>
        Assert.Throws<InvalidDataException>(() => PlaceWordTable.Load([(line, "test:1")]));

    [Fact]
    public void PlaceWordsWithoutTheRaionWordAreATypedError() =>
        Assert.Throws<InvalidDataException>(() => PlaceWordTable.Load([("RegionNoun: region", "test:1")]));

    [Theory]
    [InlineData("Night: night\nNight: night")]
    [InlineData("Sometime: soon")]
    public void ABadTimeWordLineIsATypedError(string lines) =>
        Assert.Throws<InvalidDataException>(() => TimeWordTable.Load(lines.Split('\n').Select((l, i) => (l, $"test:{i + 1}"))));
}
