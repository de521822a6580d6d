using System.Collections.Concurrent;
using System.Globalization;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Robustness;

/// <summary>One extractor shared by many threads gives the single-thread answers; batch cancellation stops promptly and leaves nothing running.</summary>
public class ConcurrencyTests
{
    private static readonly DateOnly Pub = new(2024, 6, 1);

    private static ConflictExtractor Fresh() => new(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));

    [Fact]
    public void SixteenThreadsOverTheDevCorpusGiveTheSingleThreadJson()
    {
        if (SharedEval.DevDir is null) return; // shared eval data absent: nothing to compare
        var texts = Directory.GetFiles(SharedEval.DevDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(texts);
        var single = Fresh();
        var expected = texts.Select((t, i) => ExtractionJson.Serialize(single.Extract(t, Pub, "d" + i.ToString(CultureInfo.InvariantCulture)))).ToArray();

        var shared = Fresh(); // cold caches, filled concurrently
        var mismatches = new ConcurrentBag<string>();
        var threads = new Thread[16];
        using var start = new ManualResetEventSlim();
        for (int t = 0; t < threads.Length; t++)
        {
            int offset = t * 7;
            threads[t] = new Thread(() =>
            {
                start.Wait();
                for (int k = 0; k < texts.Length; k++)
                {
                    int i = (k + offset) % texts.Length; // each thread walks the corpus from a different place
                    string json = ExtractionJson.Serialize(shared.Extract(texts[i], Pub, "d" + i.ToString(CultureInfo.InvariantCulture)));
                    if (json != expected[i]) mismatches.Add("d" + i.ToString(CultureInfo.InvariantCulture));
                }
            });
            threads[t].Start();
        }
        start.Set();
        foreach (var th in threads) th.Join();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void BatchOverTheDevCorpusGivesTheSingleThreadJson()
    {
        if (SharedEval.DevDir is null) return;
        var texts = Directory.GetFiles(SharedEval.DevDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var e = Fresh();
        var docs = texts.Select((t, i) => new DocumentInput("d" + i.ToString(CultureInfo.InvariantCulture), t, Pub)).ToArray();
        var batch = e.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = 8 }).Select(r => ExtractionJson.Serialize(r)).ToArray();
        var one = docs.Select(d => ExtractionJson.Serialize(ConflictExtractor.Default.Extract(d.Text, d.PublishedAt, d.Id))).ToArray();
        Assert.Equal(one, batch);
    }

    [Fact]
    public void ExtractManyWithoutOptionsMatchesExtract()
    {
        const string text = "A Russian missile killed 4 people in Kharkiv on Monday, officials said.";
        var r = ConflictExtractor.Default.ExtractMany([new DocumentInput("x", text, Pub)]).Single();
        Assert.Equal(ExtractionJson.Serialize(ConflictExtractor.Default.Extract(text, Pub, "x")), ExtractionJson.Serialize(r));
        Assert.NotEmpty(r.Entities);
    }

    /// <summary>Slow documents, each with fallback-recognizer work on windows no other document has (so the counter moves while any runs).</summary>
    private static IEnumerable<DocumentInput> SlowDocuments(int count, Action onPull)
    {
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (int i = 0; i < count; i++)
        {
            onPull();
            var sb = new System.Text.StringBuilder();
            for (int k = 0; k < 150; k++)
                sb.Append(CultureInfo.InvariantCulture, $"Fighting raged near Kharkiv in {months[(i + k) % 12]} {k % 27 + 1} and a half years ago (doc {i} item {k}). At least {k + 1} people were killed.\n");
            yield return new DocumentInput("slow" + i.ToString(CultureInfo.InvariantCulture), sb.ToString(), Pub);
        }
    }

    [Fact]
    public void CancellingABatchStopsPromptlyAndLeavesNothingRunning()
    {
        var e = Fresh();
        int pulled = 0, consumed = 0;
        using var cts = new CancellationTokenSource();
        const int dop = 2;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var r in e.ExtractMany(SlowDocuments(10_000, () => Interlocked.Increment(ref pulled)), new BatchOptions { DegreeOfParallelism = dop }, cts.Token))
            {
                Assert.NotNull(r);
                if (++consumed == 3) cts.Cancel();
            }
        });
        // Nothing pulled beyond the window the workers may run ahead ...
        Assert.InRange(pulled, consumed, consumed + Batching.OrderedParallel.WindowFor(dop) + 1);
        // ... and no extraction is still running: the fallback counter of this extractor stays put.
        long calls = e.Models.Recognizers.FallbackCalls;
        Assert.True(calls > 0, "the documents exercise the fallback counter");
        Thread.Sleep(500);
        Assert.Equal(calls, e.Models.Recognizers.FallbackCalls);
    }

    [Fact]
    public void AbandoningABatchEnumeratorLeavesNothingRunning()
    {
        var e = Fresh();
        int pulled = 0;
        using (var en = e.ExtractMany(SlowDocuments(10_000, () => Interlocked.Increment(ref pulled)), new BatchOptions { DegreeOfParallelism = 2 }).GetEnumerator())
        {
            Assert.True(en.MoveNext());
            Assert.True(en.MoveNext());
        }
        Assert.InRange(pulled, 2, 2 + Batching.OrderedParallel.WindowFor(2) + 1);
        long calls = e.Models.Recognizers.FallbackCalls;
        Assert.True(calls > 0, "the documents exercise the fallback counter");
        Thread.Sleep(500);
        Assert.Equal(calls, e.Models.Recognizers.FallbackCalls);
    }

    [Fact]
    public void CancelledBeforeStartDoesNoWork()
    {
        var e = Fresh();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int pulled = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => e.ExtractMany(SlowDocuments(100, () => pulled++), default, cts.Token).ToList());
        Assert.InRange(pulled, 0, 1);
        Assert.Equal(0, e.Models.Recognizers.FallbackCalls);
    }

    [Fact]
    public void SourceThatThrowsMidwayPropagatesAndLeavesNothingRunning()
    {
        var e = Fresh();
        int pulled = 0;
        IEnumerable<DocumentInput> Source()
        {
            foreach (var d in SlowDocuments(5, () => pulled++)) yield return d;
            throw new IOException("disk gone");
        }
        var results = new List<string?>();
        var ex = Assert.Throws<IOException>(() => { foreach (var r in e.ExtractMany(Source(), new BatchOptions { DegreeOfParallelism = 2 })) results.Add(r.DocumentId); });
        Assert.Equal("disk gone", ex.Message);
        long calls = e.Models.Recognizers.FallbackCalls;
        Thread.Sleep(300);
        Assert.Equal(calls, e.Models.Recognizers.FallbackCalls);
    }

    [Fact]
    public async Task CancellingAnAsyncBatchStopsPromptlyAndLeavesNothingRunning()
    {
        var e = Fresh();
        int pulled = 0, consumed = 0;
        using var cts = new CancellationTokenSource();
        async IAsyncEnumerable<DocumentInput> Source()
        {
            foreach (var d in SlowDocuments(10_000, () => Interlocked.Increment(ref pulled)))
            {
                await Task.Yield();
                yield return d;
            }
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var r in e.ExtractManyAsync(Source(), new BatchOptions { DegreeOfParallelism = 2 }, cts.Token))
            {
                Assert.NotNull(r);
                if (++consumed == 3) await cts.CancelAsync();
            }
        });
        Assert.InRange(pulled, consumed, consumed + 2 * 2 + 1);
        long calls = e.Models.Recognizers.FallbackCalls;
        Assert.True(calls > 0, "the documents exercise the fallback counter");
        await Task.Delay(500);
        Assert.Equal(calls, e.Models.Recognizers.FallbackCalls);
    }

    private static DocumentInput[] WithAFailingDocument() =>
    [
        new("ok1", "Two people were killed in Kharkiv.", Pub),
        new("bad-date", "Three were wounded in Odesa.", new DateOnly(1700, 1, 1)), // outside the options contract: fails in its task
        new("too-big", new string('x', 1_000_001), Pub),
        new("ok2", "Drones hit Sumy.", Pub),
    ];

    [Fact]
    public void LeavingABatchEarlyIgnoresDocumentsThatFailedInFlight()
    {
        foreach (var r in ConflictExtractor.Default.ExtractMany(WithAFailingDocument(), new BatchOptions { DegreeOfParallelism = 4, Errors = BatchErrorMode.Throw }))
        {
            Assert.Equal("ok1", r.DocumentId);
            break; // the failed documents are still in flight: leaving must not throw their errors
        }
    }

    [Fact]
    public async Task LeavingAnAsyncBatchEarlyIgnoresDocumentsThatFailedInFlight()
    {
        async IAsyncEnumerable<DocumentInput> Source()
        {
            foreach (var d in WithAFailingDocument()) { await Task.Yield(); yield return d; }
        }
        await foreach (var r in ConflictExtractor.Default.ExtractManyAsync(Source(), new BatchOptions { DegreeOfParallelism = 4, Errors = BatchErrorMode.Throw }))
        {
            Assert.Equal("ok1", r.DocumentId);
            break;
        }
    }

    [Fact]
    public void AFailedDocumentSurfacesWhenItsTurnComes()
    {
        // Throw mode: the document's exception, after the results before it.
        var seen = new List<string?>();
        var e = Assert.ThrowsAny<ArgumentException>(() =>
        {
            foreach (var r in ConflictExtractor.Default.ExtractMany(WithAFailingDocument(), new BatchOptions { Errors = BatchErrorMode.Throw })) seen.Add(r.DocumentId);
        });
        Assert.Equal(["ok1"], seen);
        Assert.Equal("PublishedAt", e.ParamName);
        // Report mode (the default): a result in its place with the error, and the batch goes on.
        var all = ConflictExtractor.Default.ExtractMany(WithAFailingDocument()).ToList();
        Assert.Equal(["ok1", "bad-date", "too-big", "ok2"], all.Select(r => r.DocumentId));
        Assert.Equal([null, Records.ExtractionErrorKind.InvalidInput, Records.ExtractionErrorKind.TooLarge, null], all.Select(r => r.Error?.Kind));
    }
}
