using ConflictExtract.Lexicon;
using ConflictExtract.Text;

namespace ConflictExtract.Tests.Building;

/// <summary>The record layer's scan of the actor catalogue: over a stretch of a document, and past plain lower-case words.</summary>
public class ActorScanTests
{
    private static readonly ActorCatalogue Actors = ActorCatalogue.Default;

    [Theory]
    [InlineData("the enemy shelled the village again", "Russian forces")]
    [InlineData("witnesses said hamas fighters crossed the fence", "Hamas")]
    [InlineData("residents said russian forces shelled the market", "Russian forces")]
    [InlineData("a statement said al-shabaab fighters attacked the base", "al-Shabaab")]
    [InlineData("officials blamed the occupiers for the strike", "Russian forces")]
    public void LowerCaseNamesAreStillFound(string text, string actor)
    {
        var tokens = Tokenizer.Tokenize(text);
        var list = new List<ActorMention>();
        Actors.FindInto(text, tokens, list);
        Assert.Contains(list, m => m.Actor.Name == actor);
    }

    [Fact]
    public void AStretchGivesTheDocumentsTokenIndexes()
    {
        const string text = "Officials met on Monday. Russian forces shelled Kupiansk, and Hamas fired rockets at Sderot.";
        var tokens = Tokenizer.Tokenize(text);
        var whole = new List<ActorMention>();
        Actors.FindInto(text, tokens, whole);
        int from = Array.FindIndex(tokens, t => t.Slice(text).SequenceEqual("Russian"));
        var part = new List<ActorMention>();
        Actors.FindInto(text, tokens.AsSpan(from), part, from);
        Assert.Equal(2, part.Count);
        Assert.Equal(whole.Select(m => (m.FirstToken, m.EndToken, m.HeadToken, m.Start, m.End, m.Actor.Name)),
            part.Select(m => (m.FirstToken, m.EndToken, m.HeadToken, m.Start, m.End, m.Actor.Name)));
        Assert.Equal("Russian forces", text[part[0].Start..part[0].End]);
    }
}
