using System.Runtime.ExceptionServices;

namespace ConflictExtract.Batching;

/// <summary>
/// Runs a function over a stream on dedicated worker threads and yields the results in input order.
/// Workers pull the next item themselves (the source is read by one thread at a time) and hand results to the consumer
/// through one monitor; nobody spins, so on a single core the consumer costs nothing while it waits. At most
/// <c>window</c> items are taken ahead of the consumer, so memory stays flat on any stream. An exception from
/// <c>work</c> or from the source is thrown to the consumer when that item's turn comes. With one degree of
/// parallelism everything runs inline on the consumer's thread.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>
    /// Items each worker may run ahead of the consumer. The consumer is woken for a quarter of the window at a time:
    /// on 2 cores, a window of 4 per worker woken for every 2 results gave 1.3 to 1.5 times the 1-thread speed, 32 per
    /// worker woken for 16 gave 1.6 to 1.7 (2,000 headline documents, in-process, interleaved rounds).
    /// </summary>
    private const int WindowPerWorker = 32;

    /// <summary>Bounds the results held for the consumer, whatever the degree of parallelism.</summary>
    private const int MaxWindow = 1024;

    public static IEnumerable<TOut> Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int degree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        return degree <= 1 ? Inline(source, work, ct) : Parallel(source, work, degree, ct);
    }

    /// <summary>How many items <paramref name="degree"/> workers may take ahead of the consumer.</summary>
    internal static int WindowFor(int degree) => (int)Math.Min(MaxWindow, (long)Math.Max(1, degree) * WindowPerWorker);

    private static IEnumerable<TOut> Inline<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, CancellationToken ct)
    {
        foreach (var item in source)
        {
            ct.ThrowIfCancellationRequested();
            yield return work(item);
        }
    }

    private static IEnumerable<TOut> Parallel<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int degree, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        int window = WindowFor(degree);
        var state = new State<TIn, TOut>(source.GetEnumerator(), work, window, batch: Math.Max(1, window / 4), ct);
        var workers = new Thread[degree];
        using var registration = ct.UnsafeRegister(static s => ((State<TIn, TOut>)s!).Wake(), state);
        try
        {
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = new Thread(state.Work) { IsBackground = true, Name = "ConflictExtract batch " + i };
                workers[i].Start();
            }
            while (state.TryTakeNext(out var result)) yield return result;
        }
        finally
        {
            state.Stop();
            foreach (var t in workers) t?.Join();
            state.Source.Dispose();
        }
    }

    // Hand-off: the consumer sleeps until the result it is owed is ready *and* a batch of results is (or no more will
    // come soon: nothing else in flight, the window full, the source ended). Waking a thread on another core costs far
    // more than the hand-off itself (on a 2-core VM, one wake per document gave 20,000 context switches per 10,000
    // documents), so results are handed over a few at a time.
    private sealed class State<TIn, TOut>(IEnumerator<TIn> source, Func<TIn, TOut> work, int window, int batch, CancellationToken ct)
    {
        private readonly object _gate = new();
        private readonly object _sourceGate = new();
        private readonly Dictionary<long, (TOut Value, ExceptionDispatchInfo? Error)> _done = [];
        private long _nextIn;       // sequence number of the next item to take from the source
        private long _nextOut;      // sequence number of the next result the consumer is owed
        private long _end = long.MaxValue; // sequence number after the last item, once the source has ended
        private bool _stopped;
        private int _inFlight;      // taken from the source, not yet done

        public IEnumerator<TIn> Source => source;

        public void Work()
        {
            while (true)
            {
                TIn item;
                long seq;
                // One reader of the source at a time. The consumer never takes this lock, so results that are done are
                // handed over while a slow source (a network stream, a pipe) keeps a worker waiting for the next item.
                lock (_sourceGate)
                {
                    lock (_gate)
                    {
                        while (!_stopped && _nextIn < _end && _nextIn - _nextOut >= window && !ct.IsCancellationRequested)
                            Monitor.Wait(_gate);
                        if (_stopped || _nextIn >= _end || ct.IsCancellationRequested) return;
                        seq = _nextIn;
                    }
                    bool more;
                    try
                    {
                        more = source.MoveNext();
                        item = more ? source.Current : default!;
                    }
                    catch (Exception e)
                    {
                        // The source failed: that is this position's result, and the stream ends after it.
                        lock (_gate)
                        {
                            _done[seq] = (default!, ExceptionDispatchInfo.Capture(e));
                            _nextIn = _end = seq + 1;
                            Monitor.PulseAll(_gate);
                        }
                        return;
                    }
                    lock (_gate)
                    {
                        if (!more)
                        {
                            _end = seq;
                            Monitor.PulseAll(_gate);
                            return;
                        }
                        _nextIn++;
                        _inFlight++;
                    }
                }

                (TOut, ExceptionDispatchInfo?) entry;
                try { entry = (work(item), null); }
                catch (Exception e) { entry = (default!, ExceptionDispatchInfo.Capture(e)); }
                lock (_gate)
                {
                    _done[seq] = entry;
                    _inFlight--;
                    if (ConsumerShouldWake()) Monitor.PulseAll(_gate);
                }
            }
        }

        private bool ConsumerShouldWake()
        {
            if (!_done.ContainsKey(_nextOut)) return false;
            if (_inFlight == 0 || _nextIn - _nextOut >= window || _nextIn >= _end) return true;
            int ready = 1;
            while (ready < batch && _done.ContainsKey(_nextOut + ready)) ready++;
            return ready >= batch;
        }

        public bool TryTakeNext(out TOut result)
        {
            (TOut Value, ExceptionDispatchInfo? Error) entry;
            lock (_gate)
            {
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    if (_done.Remove(_nextOut, out entry)) break;
                    if (_nextOut >= _end)
                    {
                        result = default!;
                        return false;
                    }
                    Monitor.Wait(_gate);
                }
                if (_nextIn - _nextOut >= window) Monitor.PulseAll(_gate); // workers may be waiting for room in the window
                _nextOut++;
            }
            entry.Error?.Throw();
            result = entry.Value;
            return true;
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void Wake()
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }
    }
}
