using ConflictExtract.Records;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Tests.Lexicon;

public class WeaponClassifierTests
{
    [Theory]
    [InlineData("ballistic missile", WeaponCategory.BallisticMissile)]
    [InlineData("Ballistic missiles", WeaponCategory.BallisticMissile)]
    [InlineData("cruise missile", WeaponCategory.CruiseMissile)]
    [InlineData("cruise missiles", WeaponCategory.CruiseMissile)]
    [InlineData("hypersonic missile", WeaponCategory.HypersonicMissile)]
    [InlineData("anti-ship missile", WeaponCategory.AntiShipMissile)]
    [InlineData("drone", WeaponCategory.AttackDrone)]
    [InlineData("drones", WeaponCategory.AttackDrone)]
    [InlineData("UAV", WeaponCategory.AttackDrone)]
    [InlineData("kamikaze drone", WeaponCategory.AttackDrone)]
    [InlineData("reconnaissance drone", WeaponCategory.ReconDrone)]
    [InlineData("glide bomb", WeaponCategory.GuidedBomb)]
    [InlineData("guided aerial bombs", WeaponCategory.GuidedBomb)]
    [InlineData("bombs", WeaponCategory.GuidedBomb)]
    [InlineData("shelling", WeaponCategory.Artillery)]
    [InlineData("artillery", WeaponCategory.Artillery)]
    [InlineData("shells", WeaponCategory.Artillery)]
    [InlineData("mortar", WeaponCategory.Artillery)]
    [InlineData("MLRS", WeaponCategory.RocketArtillery)]
    [InlineData("multiple rocket launcher", WeaponCategory.RocketArtillery)]
    [InlineData("rockets", WeaponCategory.RocketArtillery)]
    [InlineData("air strike", WeaponCategory.Aircraft)]
    [InlineData("airstrike", WeaponCategory.Aircraft)]
    [InlineData("air-strikes", WeaponCategory.Aircraft)]
    [InlineData("surface-to-air missile", WeaponCategory.AirDefenceMissile)]
    [InlineData("car bomb", WeaponCategory.Other)]
    public void CategoryOfGenericPhrases(string phrase, WeaponCategory expected)
    {
        Assert.Equal(expected, WeaponClassifier.CategoryOf(phrase));
    }

    [Theory]
    [InlineData("missile")]
    [InlineData("peace talks")]
    [InlineData("")]
    [InlineData(null)]
    public void CategoryOfUnknownIsNull(string? phrase)
    {
        Assert.Null(WeaponClassifier.CategoryOf(phrase));
    }

    [Fact]
    public void FindsGenericPhrasesLongestFirst()
    {
        const string text = "Russia launched ballistic missiles, kamikaze drones and glide bombs; shelling continued and a car bomb exploded.";
        var ms = WeaponClassifier.Find(text, WeaponTestTokens.Tokenize(text));
        var got = new List<(string, WeaponCategory)>();
        foreach (var m in ms) got.Add((text[m.Start..m.End], m.Category));
        Assert.Equal(
            [
                ("ballistic missiles", WeaponCategory.BallisticMissile),
                ("kamikaze drones", WeaponCategory.AttackDrone),
                ("glide bombs", WeaponCategory.GuidedBomb),
                ("shelling", WeaponCategory.Artillery),
                ("car bomb", WeaponCategory.Other),
            ],
            got);
        Assert.Equal("cruise-missile", WeaponCategory.CruiseMissile.ToContractString());
    }

    [Fact]
    public void OddInputNeverThrows()
    {
        Assert.Empty(WeaponClassifier.Find("", []));
        const string s = "\ud800drone\0";
        _ = WeaponClassifier.Find(s, WeaponTestTokens.Tokenize(s));
    }
}
