using System.Diagnostics;
using ConflictExtract.Tests.Robustness;

namespace ConflictExtract.Tests.Api;

/// <summary>
/// Extract(text, options, token) stops inside a document, not after it: the token is checked between stages and inside
/// the recognizer fallback's loop. The input is one that makes many slow Recognizers calls; the bounds are generous
/// (seconds), far below the tens of seconds the whole document takes.
/// </summary>
public class CancellationTests
{
    private static readonly DateOnly Pub = new(2024, 3, 10);

    /// <summary>Options under which the slow input stays slow: the date fallback's per-document budget lifted.</summary>
    internal static ExtractionOptions Unbounded => new() { PublishedAt = Pub, MaxDateFallbacks = int.MaxValue, DateFallbackTimeLimit = Timeout.InfiniteTimeSpan };

    [Fact]
    public void CancelledTokenThrowsBeforeAnyWork()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => ConflictExtractor.Default.Extract("Drones hit Odesa on Monday.", new ExtractionOptions(), cts.Token));
    }

    [Fact]
    public void UncancelledTokenGivesTheSameResult()
    {
        const string text = "Russian missiles struck Kharkiv a year and a half ago, killing three people.";
        using var cts = new CancellationTokenSource();
        var a = ConflictExtract.Serialization.ExtractionJson.Serialize(ConflictExtractor.Default.Extract(text, new ExtractionOptions { PublishedAt = Pub }, cts.Token));
        var b = ConflictExtract.Serialization.ExtractionJson.Serialize(ConflictExtractor.Default.Extract(text, new ExtractionOptions { PublishedAt = Pub }));
        Assert.Equal(b, a);
    }

    [Fact]
    public void CancellingDuringTheSlowFallbackReturnsPromptly()
    {
        var extractor = AdversarialText.FreshExtractor();
        var layer = extractor.Models.Recognizers;
        string text = AdversarialText.MonthSpacedNumbers(60_000, 11); // about 3,000 new fallback windows: far longer than 2 s uncancelled
        using var cts = new CancellationTokenSource();
        Exception? error = null;
        long returnedAt = 0;
        var worker = new Thread(() =>
        {
            try { extractor.Extract(text, Unbounded, cts.Token); }
            catch (Exception e) { error = e; }
            Volatile.Write(ref returnedAt, Stopwatch.GetTimestamp());
        });
        worker.Start();
        // Wait until the document is inside the fallback loop (the model built, calls flowing), then cancel.
        var waited = Stopwatch.StartNew();
        while (layer.FallbackCalls < 5 && worker.IsAlive && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
        Assert.True(worker.IsAlive, "the document finished before it could be cancelled");
        long calls = layer.FallbackCalls;
        long cancelledAt = Stopwatch.GetTimestamp();
        cts.Cancel();
        Assert.True(worker.Join(TimeSpan.FromSeconds(30)), "Extract did not return within 30 s of the cancellation");
        var afterCancel = Stopwatch.GetElapsedTime(cancelledAt, Volatile.Read(ref returnedAt));
        Assert.IsType<OperationCanceledException>(error, exactMatch: false);
        Assert.True(afterCancel < TimeSpan.FromSeconds(2), $"returned {afterCancel.TotalMilliseconds:F0} ms after the cancellation");
        // Structural: the document stopped after a handful of further calls, not after its ~3,000 windows.
        Assert.InRange(layer.FallbackCalls - calls, 0, 50);
    }

    [Fact]
    public void CancellingABatchStopsTheDocumentsInFlight()
    {
        var extractor = AdversarialText.FreshExtractor();
        var layer = extractor.Models.Recognizers;
        var docs = Enumerable.Range(0, 4).Select(i => new DocumentInput("slow" + i, AdversarialText.MonthSpacedNumbers(60_000, 100 + i), Pub)).ToArray();
        using var cts = new CancellationTokenSource();
        Exception? error = null;
        long returnedAt = 0;
        var worker = new Thread(() =>
        {
            try
            {
                foreach (var _ in extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = 2, Extraction = Unbounded }, cts.Token)) { }
            }
            catch (Exception e) { error = e; }
            Volatile.Write(ref returnedAt, Stopwatch.GetTimestamp());
        });
        worker.Start();
        var waited = Stopwatch.StartNew();
        while (layer.FallbackCalls < 5 && worker.IsAlive && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
        Assert.True(worker.IsAlive, "the batch finished before it could be cancelled");
        long cancelledAt = Stopwatch.GetTimestamp();
        cts.Cancel();
        Assert.True(worker.Join(TimeSpan.FromSeconds(30)), "ExtractMany did not return within 30 s of the cancellation");
        var afterCancel = Stopwatch.GetElapsedTime(cancelledAt, Volatile.Read(ref returnedAt));
        Assert.IsType<OperationCanceledException>(error, exactMatch: false);
        Assert.True(afterCancel < TimeSpan.FromSeconds(2), $"returned {afterCancel.TotalMilliseconds:F0} ms after the cancellation");
    }
}
