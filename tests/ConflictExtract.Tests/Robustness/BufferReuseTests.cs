using ConflictExtract.Building;
using ConflictExtract.Serialization;
using ConflictExtract.Text;

namespace ConflictExtract.Tests.Robustness;

/// <summary>Per-thread work buffers are reused from one document to the next; nothing of one document leaks into another.</summary>
public class BufferReuseTests
{
    private static readonly DateOnly Pub = new(2024, 6, 1);

    // A long document dense in places, counts, dates and weapons, so every per-token buffer is filled far past the
    // length of the short one.
    private static readonly string Long = string.Concat(Enumerable.Range(0, 60).Select(i =>
        $"On March {i % 28 + 1}, a Shahed drone hit Kharkiv and at least {i + 2} people were killed near Odesa. "));

    private const string Short = "Two civilians were wounded in Kherson on Monday when Russian forces shelled the city.";

    private static string OnFreshThread(Func<string> f)
    {
        string? r = null;
        var t = new Thread(() => r = f());
        t.Start();
        t.Join();
        return r!;
    }

    [Fact]
    public void AShortDocumentAfterALongOneGivesWhatItGivesOnAFreshThread()
    {
        var e = ConflictExtractor.Default;
        string fresh = OnFreshThread(() => ExtractionJson.Serialize(e.Extract(Short, Pub, "s")));
        string longFirst = OnFreshThread(() =>
        {
            e.Extract(Long, Pub, "l");
            return ExtractionJson.Serialize(e.Extract(Short, Pub, "s"));
        });
        Assert.Equal(fresh, longFirst);
        Assert.Contains("\"injured\"", fresh); // the short document does yield records
    }

    [Fact]
    public void ABuilderReusedOnAThreadCarriesNoPlaceOrAttackerOver()
    {
        // The record builder is kept per thread. A toll with no place in its sentence takes the place of the sentence
        // before, but never the last place of the document before.
        const string Placeless = "The death toll rose to 13 on Tuesday, and 40 people were wounded, officials said.";
        var e = ConflictExtractor.Default;
        var fresh = OnFreshThread(() => ExtractionJson.Serialize(e.Extract(Placeless, Pub, "p")));
        var afterLong = OnFreshThread(() =>
        {
            e.Extract(Long, Pub, "l");
            return ExtractionJson.Serialize(e.Extract(Placeless, Pub, "p"));
        });
        Assert.Equal(fresh, afterLong);
        Assert.Contains(e.Extract(Long, Pub, "l").Casualties, c => c.Location is not null); // the document before has placed tolls
        var result = e.Extract(Placeless, Pub, "p");
        Assert.Contains(result.Casualties, c => c.Count.Headline == 13);
        Assert.All(result.Casualties, c => Assert.Null(c.Location));
    }

    [Fact]
    public void RecordIdsStayDistinctPastTheCachedOnes()
    {
        // 140 tolls with different figures: 140 casualty records, ids c1 ... c140 (the first 128 are made once).
        string text = string.Concat(Enumerable.Range(1, 140).Select(n => $"Shelling killed {n} civilians in Kharkiv. "));
        var result = ConflictExtractor.Default.Extract(text, Pub, "many");
        var ids = result.Casualties.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > 128, $"{ids.Count} casualties");
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => "c" + n), ids);
    }

    [Fact]
    public void TwoAnalysesAliveOnOneThreadKeepTheirOwnIndexes()
    {
        var pipeline = new DocumentPipeline(ConflictExtractor.Default.Models);
        DocumentAnalysis Analyze(string text)
        {
            var tokens = Tokenizer.Tokenize(text);
            return pipeline.Analyze(text, tokens, SentenceSplitter.Split(text, tokens), Pub);
        }
        Analyze(Long).Release(); // this thread now holds buffers to lend
        var first = Analyze(Short);
        int[] before = first.PlaceAt.ToArray();
        var placesBefore = first.Places.ToArray();
        Assert.Contains(before, p => p >= 0); // Kherson
        Assert.Equal("Kherson", Assert.Single(placesBefore).Location.Name);
        var second = Analyze(Long);
        second.Release();
        var third = Analyze(Long); // takes the buffers the second gave back
        Assert.Equal(before, first.PlaceAt.ToArray());
        Assert.Equal(placesBefore, first.Places.ToArray());
        Assert.True(third.QuantityAt.Length == third.Tokens.Length);
        first.Release();
        Assert.Throws<ObjectDisposedException>(() => first.PlaceAt.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Places.Length);
    }

    [Fact]
    public void WordSetAnswersAreNotCarriedOverFromTheDocumentBefore()
    {
        var pipeline = new DocumentPipeline(ConflictExtractor.Default.Models);
        WordSet[] sets = [Cues.Killed, Cues.Injured, Cues.People, Cues.StrikeTriggers, Cues.WeaponNouns];
        Assert.All(sets, s => Assert.True(s.Id < 64, "the memo covers these sets"));
        foreach (var text in new[] { Long, Short, Long, Short })
        {
            var tokens = Tokenizer.Tokenize(text);
            var a = pipeline.Analyze(text, tokens, SentenceSplitter.Split(text, tokens), Pub);
            for (int pass = 0; pass < 2; pass++) // the second pass reads the memo
                for (int i = 0; i < tokens.Length; i++)
                    foreach (var set in sets)
                        Assert.Equal(set.Contains(a.Word(i)), a.In(i, set));
            a.Release();
        }
    }
}
