using ConflictExtract.Lexicon;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Tests.Tagging;

public class EntityTaggerTests
{
    private static readonly EntityTagger Tagger = EntityTagger.Default;

    private static List<(string Text, EntityLabel Label)> Tag(string text)
    {
        var result = new List<(string, EntityLabel)>();
        foreach (var s in Tagger.Tag(text)) result.Add((text[s.Start..s.End], s.Label));
        return result;
    }

    [Fact]
    public void DefaultModelLoadsFromTheEmbeddedResource()
    {
        Assert.True(Tagger.FeatureCount > 100);
        Assert.Equal(18, Tagger.HashBits);
    }

    [Fact]
    public void FindsAnUnseenWeaponDesignationInWeaponContext()
    {
        const string text = "Russian forces fired a new Kh-999 missile at the port overnight.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Empty(WeaponCatalogue.Default.Find(text, tokens)); // not in the catalogue: the tagger must generalise
        Assert.Contains(("Kh-999", EntityLabel.Weapon), Tag(text));
    }

    [Fact]
    public void FindsAnUnseenDroneName()
    {
        const string text = "The army said a Falcon-7 drone struck a depot in the south.";
        Assert.Empty(WeaponCatalogue.Default.Find(text, Tokenizer.Tokenize(text)));
        Assert.Contains(("Falcon-7", EntityLabel.Weapon), Tag(text));
    }

    [Fact]
    public void FindsAPlaceMissingFromTheGazetteerInLocativeContext()
    {
        const string text = "Two civilians were wounded in the village of Zorianyvka on Monday, the governor said.";
        Assert.Empty(Gazetteer.Default.Lookup("Zorianyvka"));
        Assert.Contains(("Zorianyvka", EntityLabel.Loc), Tag(text));
    }

    [Fact]
    public void FindsNorthKoreanAsNorp()
    {
        Assert.Contains(("North Korean", EntityLabel.Norp), Tag("North Korean soldiers were seen near the border, officials said."));
    }

    [Fact]
    public void FindsAPersonAfterPresident()
    {
        var spans = Tag("President Dravenko said the talks would resume next week.");
        Assert.Contains(("Dravenko", EntityLabel.Per), spans);
    }

    [Fact]
    public void FindsAnOrganisationEndingInMinistry()
    {
        var spans = Tag("The Ukrainian Defence Ministry said three soldiers were killed.");
        Assert.Contains(spans, s => s.Label == EntityLabel.Org && s.Text.EndsWith("Ministry", StringComparison.Ordinal));
    }

    [Fact]
    public void DoesNotTagLowercaseCommonWords()
    {
        const string text = "the storm hit the town, and a grad student saw a tank and a drone in the field.";
        Assert.Empty(Tagger.Tag(text));
    }

    [Fact]
    public void SpansPointIntoTheTextAndTokens()
    {
        const string text = "Ukrainian troops shot down a Kh-101 missile near Kharkiv on Tuesday.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var hints = EntityTagger.ComputeHints(text, tokens, sentences, PlaceFinder.Default, WeaponCatalogue.Default);
        var spans = Tagger.Tag(text, tokens, sentences, hints);
        Assert.NotEmpty(spans);
        foreach (var s in spans)
        {
            Assert.Equal(tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(tokens[s.EndToken - 1].End, s.End);
            Assert.InRange(s.Score, 0f, 1f);
        }
        Assert.Contains(spans, s => text[s.Start..s.End] == "Kharkiv" && s.Label == EntityLabel.Loc);
    }

    [Fact]
    public void WorksWithoutHintsAndWithMismatchedHints()
    {
        const string text = "Russian drones hit Odesa overnight.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var none = Tagger.Tag(text, tokens, sentences);
        var bad = Tagger.Tag(text, tokens, sentences, new TaggerHints[1]);
        Assert.Equal(none, bad);
        Assert.Contains(none, s => text[s.Start..s.End] == "Russian" && s.Label == EntityLabel.Norp);
    }

    [Fact]
    public void LoaderRoundTrips()
    {
        using var first = new MemoryStream();
        Tagger.Save(first);
        first.Position = 0;
        var copy = EntityTagger.Load(first);
        using var second = new MemoryStream();
        copy.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        const string text = "Governor Oleh Syniehubov said a Kh-59 missile hit a warehouse in Kharkiv.";
        Assert.Equal(Tagger.Tag(text), copy.Tag(text));
    }

    [Fact]
    public void LoadRejectsGarbage()
    {
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream([1, 2, 3, 4, 5])));
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(new byte[64])));
        using var ms = new MemoryStream();
        Tagger.Save(ms);
        var truncated = ms.ToArray()[..^3];
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(truncated)));
    }

    [Fact]
    public void TaggingIsDeterministicAcrossThreads()
    {
        const string text = "Ukrainian forces said Russian troops fired Iskander missiles at Kramatorsk; President Zelensky condemned the attack.";
        var expected = Tagger.Tag(text);
        Assert.NotEmpty(expected);
        var results = new IReadOnlyList<TaggedSpan>[64];
        Parallel.For(0, results.Length, i => results[i] = Tagger.Tag(text));
        foreach (var r in results) Assert.Equal(expected, r);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\0\u0001\u0002")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("...,,,;;;")]
    public void OddInputNeverThrows(string text)
    {
        var spans = Tagger.Tag(text);
        Assert.NotNull(spans);
        Assert.Empty(Tagger.Tag(null));
        Assert.Empty(Tagger.Tag(text, [], []));
    }

    [Fact]
    public void HugeInputIsTagged()
    {
        var text = string.Concat(Enumerable.Repeat("Russian forces shelled Kherson overnight. ", 2000));
        var spans = Tagger.Tag(text);
        Assert.True(spans.Count >= 2000);
    }

    [Fact]
    public void TokensOutsideTheTextGiveNoResult()
    {
        Assert.Empty(Tagger.Tag("short", [new Token(2, 10, TokenKind.Word, TokenFlags.None)], []));
    }
}

public class TaggerHintsTests
{
    [Fact]
    public void HintsFromExistingMentionsMatchComputedHints()
    {
        const string text = "A Kh-101 missile hit a depot near Lviv, officials said.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var computed = EntityTagger.ComputeHints(text, tokens, sentences, PlaceFinder.Default, WeaponCatalogue.Default);
        var reused = EntityTagger.HintsFrom(tokens, PlaceFinder.Default.Find(text, tokens, sentences), WeaponCatalogue.Default.Find(text, tokens));
        Assert.Equal(computed, reused);
        int kh = Array.FindIndex(tokens, t => text.Substring(t.Start, t.Length) == "Kh-101");
        int lviv = Array.FindIndex(tokens, t => text.Substring(t.Start, t.Length) == "Lviv");
        Assert.True(computed[kh].HasFlag(TaggerHints.WeaponBegin));
        Assert.True(computed[lviv].HasFlag(TaggerHints.PlaceBegin));
        Assert.Empty(EntityTagger.HintsFrom([], null, null));
    }
}
