using ConflictExtract.Batching;

namespace ConflictExtract.Tests.Api;

/// <summary>The batch engine under ExtractMany and the CLI: input order, real parallelism, bounded read-ahead, errors in turn.</summary>
public class OrderedParallelTests
{
    [Fact]
    public void ResultsComeInInputOrderWhenLaterItemsFinishFirst()
    {
        // Item i sleeps longer the smaller i is, so workers finish out of order.
        var output = OrderedParallel.Run(Enumerable.Range(0, 24), i => { Thread.Sleep((24 - i) % 5); return i * 10; }, 4, default).ToList();
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * 10), output);
    }

    [Fact]
    public void RunsDegreeItemsAtOnceTheCallerBeingOne()
    {
        int running = 0, peak = 0, caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        using var twoIn = new CountdownEvent(2);
        var output = OrderedParallel.Run(Enumerable.Range(0, 6), i =>
        {
            int now = Interlocked.Increment(ref running);
            lock (threads) { threads.Add(Environment.CurrentManagedThreadId); peak = Math.Max(peak, now); }
            if (i < 2) { twoIn.Signal(); twoIn.Wait(TimeSpan.FromSeconds(10)); } // the first two wait for each other
            Interlocked.Decrement(ref running);
            return i;
        }, 2, default).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], output);
        Assert.Equal(2, peak);
        // Two threads in all, the caller's among them: it works while it waits, as Parallel.For's caller does.
        Assert.Equal(2, threads.Count);
        Assert.Contains(caller, threads);
    }

    [Fact]
    public void OneDegreeRunsInlineOnTheCallersThread()
    {
        int caller = Environment.CurrentManagedThreadId;
        var seen = OrderedParallel.Run(Enumerable.Range(0, 3), _ => Environment.CurrentManagedThreadId, 1, default).ToList();
        Assert.All(seen, id => Assert.Equal(caller, id));
    }

    [Fact]
    public void ReadsOnlyAFewItemsAheadOfTheConsumer()
    {
        int pulled = 0;
        IEnumerable<int> Source() { for (int i = 0; i < 10_000; i++) { Interlocked.Increment(ref pulled); yield return i; } }
        using var e = OrderedParallel.Run(Source(), i => i, 2, default).GetEnumerator();
        Assert.True(e.MoveNext());
        Thread.Sleep(100); // give the workers time to run ahead as far as they may
        Assert.InRange(Volatile.Read(ref pulled), 1, OrderedParallel.WindowFor(2) + 2); // the window, plus the one consumed
        Assert.True(OrderedParallel.WindowFor(2) < 10_000 / 100, "the window is a small part of the stream");
    }

    [Fact]
    public void AFailingItemThrowsInItsTurnAfterTheEarlierResults()
    {
        var got = new List<int>();
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedParallel.Run(Enumerable.Range(0, 50), i => i == 7 ? throw new InvalidOperationException("item 7") : i, 3, default))
                got.Add(r);
        });
        Assert.Equal("item 7", ex.Message);
        Assert.Equal(Enumerable.Range(0, 7), got);
    }

    [Fact]
    public void LeavingEarlyStopsTheWorkers()
    {
        int started = 0;
        foreach (var r in OrderedParallel.Run(Enumerable.Range(0, 100_000), i => { Interlocked.Increment(ref started); return i; }, 2, default))
            if (r == 3) break;
        int after = Volatile.Read(ref started);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref started)); // nothing is still running once the loop is left
        Assert.True(after < 100, $"{after} items started");
    }

    [Fact]
    public void CancellationWakesAWaitingConsumer()
    {
        using var cts = new CancellationTokenSource();
        using var gate = new ManualResetEventSlim();
        // The workers block until cancellation; the consumer, waiting for item 0, must wake and throw.
        using var release = cts.Token.Register(gate.Set);
        var run = OrderedParallel.Run(Enumerable.Range(0, 4), i => { gate.Wait(TimeSpan.FromSeconds(10)); return i; }, 2, cts.Token);
        cts.CancelAfter(50);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => { foreach (var _ in run) { } });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ResultsThatAreDoneArriveWhileTheSourceWaitsForTheNextItem()
    {
        // A stream that delivers two items and then stalls, like a pipe with nothing more written yet.
        using var more = new ManualResetEventSlim();
        IEnumerable<int> Source()
        {
            yield return 0;
            yield return 1;
            more.Wait(TimeSpan.FromSeconds(30));
            yield return 2;
        }
        var got = new List<int>();
        using var twoSeen = new ManualResetEventSlim();
        var consumer = Task.Run(() =>
        {
            foreach (var r in OrderedParallel.Run(Source(), i => i * 10, 2, default))
            {
                lock (got) got.Add(r);
                if (r == 10) twoSeen.Set();
            }
        });
        // Both results are handed over although a worker is still inside the stalled source.
        bool arrived = twoSeen.Wait(TimeSpan.FromSeconds(10));
        lock (got) Assert.True(arrived, $"got [{string.Join(", ", got)}] while the source was stalled");
        more.Set();
        await consumer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([0, 10, 20], got);
    }

    [Fact]
    public void TheConsumerFindsWorkWhileAWorkerIsOnALongItem()
    {
        // Each of a worker's first three items lasts until the consumer's thread has done four more items. The consumer
        // must find those read and waiting, not sleep until the worker's item ends (articles differ in length, and
        // threads in speed: a consumer that waits out every longer article loses a share of a core). The consumer's own
        // items take 30 ms, so it cannot have finished the four before the worker's item starts counting.
        int caller = Environment.CurrentManagedThreadId;
        int byCaller = 0, workerItems = 0, waitedOut = 0;
        var output = OrderedParallel.Run(Enumerable.Range(0, 30).ToArray(), i =>
        {
            if (Environment.CurrentManagedThreadId == caller)
            {
                Thread.Sleep(30);
                Interlocked.Increment(ref byCaller);
            }
            else if (Interlocked.Increment(ref workerItems) <= 3)
            {
                int target = Volatile.Read(ref byCaller) + 4;
                if (!SpinWait.SpinUntil(() => Volatile.Read(ref byCaller) >= target, TimeSpan.FromSeconds(5))) Interlocked.Increment(ref waitedOut);
            }
            return i;
        }, 2, default).ToList();
        Assert.Equal(Enumerable.Range(0, 30), output);
        Assert.Equal(0, waitedOut);
    }

    [Fact]
    public void TheCallerReadsABatchsFirstItemBeforeItWakesAWorker()
    {
        // Waking a parked worker takes a while (a quarter of a millisecond on the 2-vCPU VM of the benchmarks). With
        // nothing read yet, no result can be held back by the caller reading, so the caller reads the first item itself
        // before it wakes a worker. Before, only workers read: the caller never did.
        int caller = Environment.CurrentManagedThreadId;
        int firstReadByCaller = 0;
        for (int b = 0; b < 20; b++)
        {
            int firstReader = -1;
            IEnumerable<int> Source()
            {
                Interlocked.CompareExchange(ref firstReader, Environment.CurrentManagedThreadId, -1);
                yield return 0;
                yield return 1;
                yield return 2;
            }
            Assert.Equal([0, 1, 2], OrderedParallel.Run(Source(), i => i, 2, default).ToList());
            if (firstReader == caller) firstReadByCaller++;
        }
        Assert.Equal(20, firstReadByCaller);
    }

    [Fact]
    public void WorkerThreadsAreKeptForTheNextBatch()
    {
        // Five batches one after another: a worker parked after one batch takes the next, so far fewer than five
        // distinct worker threads are used (other tests running at the same time may take a parked worker now and then).
        int caller = Environment.CurrentManagedThreadId;
        var workers = new HashSet<int>();
        for (int b = 0; b < 5; b++)
        {
            using var bothIn = new CountdownEvent(2);
            var ids = OrderedParallel.Run(Enumerable.Range(0, 2), _ =>
            {
                bothIn.Signal();
                bothIn.Wait(TimeSpan.FromSeconds(10)); // the two items run at once: one on a worker
                return Environment.CurrentManagedThreadId;
            }, 2, default).ToList();
            foreach (var id in ids) if (id != caller) workers.Add(id);
        }
        Assert.InRange(workers.Count, 1, 3);
    }
}
