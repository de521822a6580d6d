using ConflictExtract.Languages;

namespace ConflictExtract.Tests.Languages;

/// <summary>The English language data agrees with the cue classes the rules read.</summary>
public class LanguagePackTests
{
    private static readonly LanguagePack English = LanguagePack.English;

    [Fact]
    public void EveryCueClassHasWordsAndFitsInASet()
    {
        var classes = Enum.GetValues<Cue>();
        Assert.True(classes.Length <= CueSet.Capacity, $"{classes.Length} classes");
        foreach (var c in classes) Assert.True(English.Classes.Has(c), $"no English word is of class {c}");
    }

    [Fact]
    public void EveryClassHasABitOfItsOwn()
    {
        var classes = Enum.GetValues<Cue>();
        foreach (var a in classes)
        {
            var set = CueSet.Of(a);
            foreach (var b in classes)
                Assert.Equal(a == b, set.Has(b));
        }
    }

    [Theory]
    [InlineData("killed", "Killed", true)]
    [InlineData("KILLED", "Killed", true)]
    [InlineData("killed", "Injured", false)]
    [InlineData("five-year-old", "AgeWord", true)]
    [InlineData("year-old", "AgeWord", false)]
    [InlineData("local", "AdjectiveLike", true)]
    [InlineData("ambushed", "PastParticiple", true)]
    [InlineData("the", "Article", true)]
    [InlineData("headman", "SingularPerson", true)]
    [InlineData("tank", "SingularPerson", false)]
    public void WordsAreClassifiedByTheData(string word, string cue, bool expected) =>
        Assert.Equal(expected, English.Classify(word).Has(Enum.Parse<Cue>(cue)));

    [Fact]
    public void TablesAreLoaded()
    {
        Assert.True(English.TryGetTarget("refinery", out var target));
        Assert.Equal(ConflictExtract.Records.TargetCategory.Energy, target);
        Assert.True(English.WeaponWords.TryGet(ConflictExtract.Lexicon.LexiconKey.Of("glide bombs"), out var category));
        Assert.Equal(ConflictExtract.Records.WeaponCategory.GuidedBomb, category);
        Assert.False(English.WeaponWords.TryGet(ConflictExtract.Lexicon.LexiconKey.Of("missile"), out _)); // a bare missile has no category
    }
}
