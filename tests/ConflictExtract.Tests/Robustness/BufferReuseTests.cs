using ConflictExtract.Pipeline;
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
    public void DraftsReusedOnAThreadCarryNothingOverInAnyOrder()
    {
        // The builder keeps its strike, casualty and weapon drafts for the thread's next document. Documents with and
        // without places, targets, launch sites, weapons, groups and dates, run one after another on one thread in
        // several orders, each give what they give on a fresh thread.
        string[] docs =
        [
            "On May 3, Russian forces launched 12 Shahed-136 drones and two Kh-101 missiles from Belgorod at Kharkiv, hitting a hospital; air defence shot down 10 drones. Four civilians, including a child, were killed and 17 were injured.",
            "Three soldiers were wounded on Tuesday. Another two people died later, officials said.",
            "Shelling of Nikopol killed a woman, the regional governor said. The total death toll since the start of the week has risen to 9.",
            Short,
            "A missile strike on a school in Zaporizhzhia injured at least 14 people, and five are missing under the rubble.",
            "The KN-23 missiles fired at Kyiv have a range of up to 900 km, the air force said.",
            "Two KN-23 missiles struck Kyiv overnight.",
        ];
        var e = ConflictExtractor.Default;
        var fresh = docs.Select((d, i) => OnFreshThread(() => ExtractionJson.Serialize(e.Extract(d, Pub, "d" + i)))).ToArray();
        int[][] orders = [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [0, 2, 0, 1, 4, 1, 3, 0, 3, 5, 6]];
        foreach (var order in orders)
        {
            var got = OnFreshThread(() => string.Join("\n", order.Select(i => ExtractionJson.Serialize(e.Extract(docs[i], Pub, "d" + i)))));
            Assert.Equal(string.Join("\n", order.Select(i => fresh[i])), got);
        }
        var first = e.Extract(docs[0], Pub, "d0"); // the drafts before carry everything a later one could take
        var strike = Assert.Single(first.Strikes);
        Assert.NotNull(strike.LaunchSite);
        Assert.NotNull(strike.Target);
        Assert.NotEmpty(strike.WeaponIds);
        Assert.Contains(first.Casualties, c => c.Location is not null && c.StrikeId is not null);
        Assert.All(e.Extract(docs[1], Pub, "d1").Casualties, c => Assert.Null(c.Location));
        Assert.Equal(900, Assert.Single(e.Extract(docs[5], Pub, "d5").Weapons).MaxRangeKm);
        Assert.NotEqual(900, Assert.Single(e.Extract(docs[6], Pub, "d6").Weapons).MaxRangeKm);
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
        var pipeline = ConflictExtractor.Default.Pipeline;
        ExtractionPipeline.AnalysisLease Analyze(string text) => pipeline.Analyze(text, new ExtractionOptions { PublishedAt = Pub });
        Analyze(Long).Dispose(); // this thread now holds memory to lend
        var firstLease = Analyze(Short);
        var first = firstLease.Analysis;
        int[] before = first.PlaceAt.ToArray();
        var placesBefore = first.Places.ToArray();
        var quantitiesBefore = first.Quantities.ToArray();
        var datesBefore = first.Dates.ToArray();
        var sentencesBefore = first.Sentences.ToArray();
        var taggedBefore = first.Tagged.ToArray();
        Assert.Equal("Two", Assert.Single(quantitiesBefore) is var q ? Short[q.Start..q.EndChar] : null);
        Assert.Equal("Monday", Assert.Single(datesBefore) is var d ? Short[d.Start..d.EndChar] : null);
        Assert.NotEmpty(taggedBefore);
        Assert.Contains(before, p => p >= 0); // Kherson
        Assert.Equal("Kherson", Assert.Single(placesBefore).Location.Name);
        Analyze(Long).Dispose();
        using var thirdLease = Analyze(Long); // takes the memory the second gave back
        var third = thirdLease.Analysis;
        Assert.Equal(before, first.PlaceAt.ToArray());
        Assert.Equal(placesBefore, first.Places.ToArray());
        Assert.Equal(quantitiesBefore, first.Quantities.ToArray());
        Assert.Equal(datesBefore, first.Dates.ToArray());
        Assert.Equal(sentencesBefore, first.Sentences.ToArray());
        Assert.Equal(taggedBefore, first.Tagged.ToArray());
        Assert.True(third.QuantityAt.Length == third.Tokens.Length);
        Assert.True(third.Quantities.Length > 50 && third.Sentences.Length == 60, $"{third.Quantities.Length} counts, {third.Sentences.Length} sentences");
        firstLease.Dispose();
        Assert.Throws<ObjectDisposedException>(() => first.PlaceAt.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Places.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Quantities.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Dates.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Distances.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Sentences.Length);
        Assert.Throws<ObjectDisposedException>(() => first.Tagged.Length);
    }

    [Fact]
    public void CueClassesAreNotCarriedOverFromTheDocumentBefore()
    {
        var pipeline = ConflictExtractor.Default.Pipeline;
        foreach (var text in new[] { Long, Short, Long, Short })
        {
            using var lease = pipeline.Analyze(text, new ExtractionOptions { PublishedAt = Pub });
            var a = lease.Analysis;
            Assert.Equal(Tokenizer.Tokenize(text).Length, a.Tokens.Length);
            for (int i = 0; i < a.Tokens.Length; i++)
            {
                var expected = a.Tokens[i].Kind is TokenKind.Word or TokenKind.Punctuation ? pipeline.Language.Classify(a.Word(i)) : default;
                Assert.Equal(expected, a.CuesOf(i));
            }
            Assert.False(a.CuesOf(a.Tokens.Length).Has(ConflictExtract.Languages.Cue.Killed)); // nothing past the document
        }
    }
}
