using System.Text;
using ConflictExtract.Building;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

/// <summary>The casualty model file is read and scored by our own code; malformed files are refused with a typed error.</summary>
public class CountModelTests
{
    private static string Features => string.Join(",", CasualtyFeatures.Names.Select(n => $"\"{n}\""));

    private static CountModel Load(string json) => CountModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ATreeSendsEachFeatureVectorDownItsSplits()
    {
        // One tree: node 0 tests feature 1 (log_value) <= 1.0 -> leaf 0 (-2), else node 1 tests feature 0 <= 0.5 -> leaf 1 (+1), else leaf 2 (+3).
        var model = Load($$"""{"format":"{{CountModel.Format}}","features":[{{Features}}],"kind":"trees","bias":0.5,"trees":[{"weight":2,"feature":[1,0],"threshold":[1.0,0.5],"left":[-1,-2],"right":[1,-3],"leaf":[-2,1,3]}]}""");
        var x = new float[CasualtyFeatures.Count];
        x[1] = 0.5f;
        Assert.Equal(0.5f + 2 * -2, model.Score(x));
        x[1] = 2f;
        Assert.Equal(0.5f + 2 * 1, model.Score(x));
        x[0] = 1f;
        Assert.Equal(0.5f + 2 * 3, model.Score(x));
    }

    [Fact]
    public void ALinearModelIsADotProduct()
    {
        var weights = string.Join(",", CasualtyFeatures.Names.Select((_, i) => i == 2 ? "4" : "0"));
        var model = Load($$"""{"format":"{{CountModel.Format}}","features":[{{Features}}],"kind":"linear","bias":-1,"weights":[{{weights}}]}""");
        var x = new float[CasualtyFeatures.Count];
        Assert.Equal(-1f, model.Score(x));
        x[2] = 1;
        Assert.Equal(3f, model.Score(x));
    }

    [Theory]
    [InlineData("""{"format":"something-else"}""")]
    [InlineData("""{"format":"conflictextract-casualty-model/1","features":["a"],"kind":"linear","bias":0,"weights":[1]}""")]
    [InlineData("not json")]
    public void MalformedModelsAreRefused(string json) =>
        Assert.Throws<InvalidDataException>(() => Load(json));

    [Fact]
    public void ATreeWithALoopOrAnIndexOutOfRangeIsRefused()
    {
        string Tree(string left) => $$"""{"format":"{{CountModel.Format}}","features":[{{Features}}],"kind":"trees","bias":0,"trees":[{"weight":1,"feature":[0],"threshold":[0],"left":[{{left}}],"right":[-1],"leaf":[1]}]}""";
        Assert.Throws<InvalidDataException>(() => Load(Tree("0")));  // a node pointing at itself
        Assert.Throws<InvalidDataException>(() => Load(Tree("-5"))); // a leaf that does not exist
        Assert.Equal(1f, Load(Tree("-1")).Score(new float[CasualtyFeatures.Count]));
    }

    [Fact]
    public void AModelThatChoosesNoFigureLeavesTheRulesTotal()
    {
        // A model outside what it learned (a digest of many headlines) may score every figure below zero; the summary then
        // reports the rules' count, not "none", while a model that chooses figures still decides.
        var rejectAll = Load($$"""{"format":"{{CountModel.Format}}","features":[{{Features}}],"kind":"linear","bias":-1,"weights":[{{string.Join(',', Enumerable.Repeat("0", CasualtyFeatures.Count))}}]}""");
        var acceptAll = Load($$"""{"format":"{{CountModel.Format}}","features":[{{Features}}],"kind":"linear","bias":1,"weights":[{{string.Join(',', Enumerable.Repeat("0", CasualtyFeatures.Count))}}]}""");
        const string text = "Shelling killed two soldiers near Avdiivka on Monday. A drone killed three civilians in Nikopol on Tuesday. "
            + "Officials said earlier that as many as 40 people had died in the region since the spring.";
        var options = new ExtractionOptions { PublishedAt = new DateOnly(2024, 6, 12) };
        ExtractionResult With(CountModel? m) => new ExtractionPipelineBuilder(ModelSet.Default).UseDefaultStages()
            .Replace(StageNames.Summary, new SummaryStage(m)).Build().Run(text, options);

        var rules = With(null).Summary.Killed;
        Assert.NotNull(rules);
        Assert.Equal(rules, With(rejectAll).Summary.Killed);
        var every = With(acceptAll).Summary.Killed;
        Assert.NotNull(every);
        Assert.True(every.Best >= rules.Best, $"choosing every figure gives {every.Best}, the rules {rules.Best}");
    }
}
