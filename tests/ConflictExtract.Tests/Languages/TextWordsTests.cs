using ConflictExtract.Languages;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Tests.Languages;

/// <summary>The English word lists of the tokenizer, sentence splitter, tagger and weapon finder load from the data files.</summary>
public class TextWordsTests
{
    private static readonly TextWords English = TextWords.English;

    private static readonly (string File, string Section)[] ExpectedLists =
    [
        ("tokens.txt", "abbreviations"),
        ("tokens.txt", "domains"),
        ("sentences.txt", "sentence-end-abbreviations"),
        ("sentences.txt", "sentence-starters"),
        ("sentences.txt", "line-end-function-words"),
        ("tagger-words.txt", "nationalities"),
        ("tagger-words.txt", "organisation-heads"),
        ("tagger-words.txt", "organisation-names"),
        ("tagger-words.txt", "titles"),
        ("tagger-words.txt", "first-names"),
        ("tagger-words.txt", "weapon-cues"),
        ("tagger-words.txt", "locatives"),
        ("tagger-words.txt", "place-nouns"),
        ("tagger-words.txt", "months"),
        ("tagger-words.txt", "speech-verbs"),
        ("tagger-words.txt", "function-words"),
        ("weapon-context.txt", "weapon-context"),
        ("weapon-context.txt", "blocking-next"),
        ("weapon-context.txt", "blocking-previous"),
        ("weapon-context.txt", "designation-suffixes"),
    ];

    [Fact]
    public void EveryListLoadsAndIsNotEmpty()
    {
        Assert.Equal("English", English.Name);
        Assert.Equal(ExpectedLists, English.Lists.Select(l => (l.File, l.Section)));
        foreach (var list in English.Lists) Assert.True(list.Words.Count > 0, $"{list.File} [{list.Section}] is empty");
    }

    [Theory]
    // Case-sensitive lists: the tokenizer's and the sentence splitter's.
    [InlineData("abbreviations", "Dec", true)]
    [InlineData("abbreviations", "Lieut", true)]
    [InlineData("abbreviations", "approx", true)]
    [InlineData("abbreviations", "dec", false)]
    [InlineData("abbreviations", "Dec.", false)]
    [InlineData("domains", "org", true)]
    [InlineData("domains", "ua", true)]
    [InlineData("domains", "ORG", false)]
    [InlineData("sentence-end-abbreviations", "Ltd", true)]
    [InlineData("sentence-end-abbreviations", "Gen", false)]
    [InlineData("sentence-starters", "However", true)]
    [InlineData("sentence-starters", "Authorities", true)]
    [InlineData("sentence-starters", "however", false)]
    [InlineData("line-end-function-words", "the", true)]
    [InlineData("line-end-function-words", "near", true)]
    [InlineData("line-end-function-words", "The", false)]
    // Lists read in any case: the tagger's and the weapon finder's.
    [InlineData("nationalities", "Ukrainians", true)]
    [InlineData("nationalities", "houthi", true)]
    [InlineData("organisation-heads", "Brigade", true)]
    [InlineData("organisation-heads", "directorate", true)]
    [InlineData("organisation-names", "OSCE", true)]
    [InlineData("organisation-names", "Ukrenergo", true)]
    [InlineData("titles", "Gen.", true)]
    [InlineData("titles", "SPOKESWOMAN", true)]
    [InlineData("titles", "Leader", true)]
    [InlineData("first-names", "Olena", true)]
    [InlineData("first-names", "Volodymyr", true)]
    [InlineData("weapon-cues", "howitzer", true)]
    [InlineData("weapon-cues", "Loitering", true)]
    [InlineData("locatives", "outskirts", true)]
    [InlineData("place-nouns", "oblast", true)]
    [InlineData("place-nouns", "hromada", true)]
    [InlineData("months", "Sept.", true)]
    [InlineData("months", "friday", true)]
    [InlineData("speech-verbs", "according", true)]
    [InlineData("function-words", "amid", true)]
    [InlineData("weapon-context", "salvo", true)]
    [InlineData("weapon-context", "ATGM", true)]
    [InlineData("blocking-next", "Festival", true)]
    [InlineData("blocking-next", "said", true)]
    [InlineData("blocking-previous", "Ayatollah", true)]
    [InlineData("blocking-previous", "Mr.", true)]
    [InlineData("designation-suffixes", "launched", true)]
    [InlineData("designation-suffixes", "type", true)]
    [InlineData("designation-suffixes", "missile", false)]
    public void ListsHoldTheirWords(string section, string word, bool expected) =>
        Assert.Equal(expected, English.Lists.Single(l => l.Section == section).Words.Contains(word));

    [Fact]
    public void TheReadersUseTheLists()
    {
        // Tokenizer: a listed abbreviation keeps its stop; an unlisted word of the same shape does not.
        var tokens = Tokenizer.Tokenize("Lieut. Lieux. moved");
        Assert.True(tokens[0].Has(TokenFlags.Abbreviation));
        Assert.Equal(6, tokens[0].Length);
        Assert.False(tokens[1].Has(TokenFlags.Abbreviation));
        // Sentence splitter: "Ltd." ends a sentence before a starter; "Gen." never does.
        Assert.Equal(2, SentenceSplitter.Split("Shares of Acme Ltd. The firm said so.").Length);
        Assert.Single(SentenceSplitter.Split("They met Gen. The Envoy later."));
        // Tagger: classes in any case, from every list a word is in.
        Assert.Equal(WordClass.Title, TaggerLexicon.Classify("HEAD") & WordClass.Title);
        Assert.Equal(WordClass.Locative | WordClass.PlaceNoun, TaggerLexicon.Classify("Village"));
        Assert.Equal(WordClass.None, TaggerLexicon.Classify("kettle"));
    }

    [Theory]
    [InlineData("words before\n[list]\n", "x.txt:1")]
    [InlineData("[list]\none\n[list]\ntwo\n", "x.txt:3")]
    [InlineData("# comment\n[]\nword\n", "x.txt:2")]
    [InlineData("[two words]\nword\n", "x.txt:1")]
    [InlineData("[open\nword\n", "x.txt:1")]
    public void MalformedFilesAreTypedErrorsThatNameTheLine(string content, string at)
    {
        var e = Assert.Throws<InvalidDataException>(() => TextWords.Parse(new StringReader(content), "x.txt"));
        Assert.StartsWith(at + ":", e.Message);
    }

    [Fact]
    public void ParseKeepsEveryWordOfAListAcrossLines()
    {
        var lists = TextWords.Parse(new StringReader("# lists\n[a]\none two\n\n  three\t four \n[b]\n# none yet\nfive\n"), "x.txt");
        Assert.Equal(new[] { "one", "two", "three", "four" }, lists["a"].Select(w => w.Word));
        Assert.Equal(new[] { "five" }, lists["b"].Select(w => w.Word));
        Assert.Equal("x.txt:5", lists["a"][2].At);
    }

    [Fact]
    public void AMissingLanguageIsATypedError()
    {
        var e = Assert.Throws<InvalidDataException>(() => TextWords.Load("Klingon"));
        Assert.Contains("Klingon/tokens.txt", e.Message);
    }
}
