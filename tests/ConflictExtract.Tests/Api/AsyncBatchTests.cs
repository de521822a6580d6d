using System.Globalization;

namespace ConflictExtract.Tests.Api;

/// <summary>
/// ExtractManyAsync hands over everything it has finished: every result read before a source error comes before that
/// error, and results that are done are delivered while the source stalls (as ExtractMany does; checked for both).
/// </summary>
public class AsyncBatchTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;
    private const int Documents = 50;

    private static DocumentInput Doc(int i) => new(
        "d" + i.ToString(CultureInfo.InvariantCulture),
        i % 3 == 0 ? "Russian drones struck Odesa overnight, killing two people." : i % 3 == 1 ? "Shelling of Kherson wounded a man." : "A quiet day in Lviv.",
        new DateOnly(2024, 4, 1));

    private sealed class SourceFailed : Exception
    {
        public SourceFailed() : base("the source failed") { }
    }

    private static async IAsyncEnumerable<DocumentInput> Throwing()
    {
        for (int i = 0; i < Documents; i++)
        {
            await Task.Yield();
            yield return Doc(i);
        }
        throw new SourceFailed();
    }

    private static IEnumerable<DocumentInput> ThrowingSync()
    {
        for (int i = 0; i < Documents; i++) yield return Doc(i);
        throw new SourceFailed();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task EveryResultBeforeTheSourcesErrorIsDelivered(int threads)
    {
        var ids = new List<string?>();
        await Assert.ThrowsAsync<SourceFailed>(async () =>
        {
            await foreach (var r in Extractor.ExtractManyAsync(Throwing(), new BatchOptions { DegreeOfParallelism = threads })) ids.Add(r.DocumentId);
        });
        Assert.Equal(Enumerable.Range(0, Documents).Select(i => "d" + i.ToString(CultureInfo.InvariantCulture)), ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void SyncBatchDeliversEveryResultBeforeTheSourcesErrorToo(int threads)
    {
        var ids = new List<string?>();
        Assert.Throws<SourceFailed>(() =>
        {
            foreach (var r in Extractor.ExtractMany(ThrowingSync(), new BatchOptions { DegreeOfParallelism = threads })) ids.Add(r.DocumentId);
        });
        Assert.Equal(Documents, ids.Count);
    }

    /// <summary>Yields <paramref name="before"/> documents, then waits for <paramref name="resume"/>, then yields the rest.</summary>
    private static async IAsyncEnumerable<DocumentInput> Stalling(int before, Task resume)
    {
        for (int i = 0; i < Documents; i++)
        {
            if (i == before) await resume.ConfigureAwait(false);
            else await Task.Yield();
            yield return Doc(i);
        }
    }

    private static IEnumerable<DocumentInput> StallingSync(int before, Task resume)
    {
        for (int i = 0; i < Documents; i++)
        {
            if (i == before) resume.Wait();
            yield return Doc(i);
        }
    }

    // The consumer resumes the source only once it holds every result read before the stall. A batch that holds results
    // back while its source waits would never get there; the watchdog then resumes the source (so the test ends) and the
    // count of results seen before it fired tells.

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task ResultsAreHandedOverWhileTheSourceStalls(int threads)
    {
        const int before = 30;
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int seenAtWatchdog = -1, seen = 0;
        using var watchdog = new Timer(_ =>
        {
            Volatile.Write(ref seenAtWatchdog, Volatile.Read(ref seen));
            resume.TrySetResult();
        }, null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        var ids = new List<string?>();
        await foreach (var r in Extractor.ExtractManyAsync(Stalling(before, resume.Task), new BatchOptions { DegreeOfParallelism = threads }))
        {
            ids.Add(r.DocumentId);
            if (Interlocked.Increment(ref seen) == before) resume.TrySetResult();
        }
        Assert.True(Volatile.Read(ref seenAtWatchdog) < 0, $"only {seenAtWatchdog} of {before} results were handed over while the source stalled");
        Assert.Equal(Enumerable.Range(0, Documents).Select(i => "d" + i.ToString(CultureInfo.InvariantCulture)), ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void SyncBatchHandsOverResultsWhileTheSourceStallsToo(int threads)
    {
        const int before = 30;
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int seenAtWatchdog = -1, seen = 0;
        using var watchdog = new Timer(_ =>
        {
            Volatile.Write(ref seenAtWatchdog, Volatile.Read(ref seen));
            resume.TrySetResult();
        }, null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        // With one thread everything runs inline on the caller's thread: the stall is the caller's own wait.
        if (threads == 1) { resume.TrySetResult(); }
        int n = 0;
        foreach (var r in Extractor.ExtractMany(StallingSync(before, resume.Task), new BatchOptions { DegreeOfParallelism = threads }))
        {
            n++;
            if (Interlocked.Increment(ref seen) == before) resume.TrySetResult();
        }
        Assert.True(Volatile.Read(ref seenAtWatchdog) < 0, $"only {seenAtWatchdog} of {before} results were handed over while the source stalled");
        Assert.Equal(Documents, n);
    }

    [Fact]
    public async Task LeavingEarlyStopsReadingTheSource()
    {
        int read = 0;
        async IAsyncEnumerable<DocumentInput> Counting()
        {
            for (int i = 0; ; i++)
            {
                await Task.Yield();
                Interlocked.Increment(ref read);
                yield return Doc(i);
            }
        }
        await foreach (var _ in Extractor.ExtractManyAsync(Counting(), new BatchOptions { DegreeOfParallelism = 2 })) break;
        int after = Volatile.Read(ref read);
        await Task.Delay(200);
        Assert.Equal(after, Volatile.Read(ref read)); // nothing reads on after the caller left
        Assert.InRange(after, 1, 2 * 2 + 1);           // and at most the window was read ahead
    }
}
