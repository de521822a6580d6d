using System.Runtime.ExceptionServices;

namespace ConflictExtract.Batching;

/// <summary>
/// Runs a function over a stream on several threads and yields the results in input order.
/// <para>
/// The consumer's thread is one of the <c>degree</c> threads, as in <see cref="System.Threading.Tasks.Parallel"/>:
/// while the result it is owed is not ready it does an item that a worker has read ahead for it, and it sleeps only
/// when there is none. The other <c>degree - 1</c> threads are parked <see cref="WorkerThreads"/>, kept warm between
/// calls.
/// </para>
/// <para>
/// The source is read one item at a time, outside the lock that hands results over. Workers read it; the consumer reads
/// the first item before it wakes them, and later only when every item read so far has been handed over (a source slower
/// than the threads), so a stalled source (a pipe, a network stream) never holds back results that are done, nor an
/// item already read. At most <c>window</c> items are read ahead of the consumer, so memory stays flat on any stream. An exception from <c>work</c> or from the
/// source is thrown to the consumer when that item's turn comes. With one degree of parallelism everything runs inline
/// on the consumer's thread. Nobody spins.
/// </para>
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Items each thread may run ahead of the consumer.</summary>
    private const int WindowPerWorker = 8;

    /// <summary>
    /// Items a reading worker leaves read and waiting for whichever thread is free first. Four, not two: when one thread
    /// runs slower than the other (an SMT sibling busy, a slower vCPU), the faster one can finish two waiting items within
    /// one of the slower one's and then sleep; on the 2-vCPU VM of 2026-11-28, in rounds where its vCPUs ran 1.1 to 1.5
    /// times apart, the 2-thread call's share of both CPUs was 0.915-0.923 with four against 0.900-0.903 with two, and
    /// equal when they ran alike (benchmarks/results/2026-11-28-scaling.md).
    /// </summary>
    private const int Ahead = 4;

    /// <summary>Bounds the results held for the consumer, whatever the degree of parallelism.</summary>
    private const int MaxWindow = 1024;

    public static IEnumerable<TOut> Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int degree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        return degree <= 1 ? Inline(source, work, ct) : Parallel(source, work, degree, ct);
    }

    /// <summary>How many items <paramref name="degree"/> threads may take ahead of the consumer.</summary>
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
        var state = new State<TIn, TOut>(source.GetEnumerator(), work, WindowFor(degree), ct);
        using var registration = ct.UnsafeRegister(static s => ((State<TIn, TOut>)s!).Wake(), state);
        int helpers = degree - 1;
        using var exited = new CountdownEvent(helpers);
        int started = 0;
        try
        {
            // The caller reads the first item before it wakes any worker (waking a parked thread takes longer than
            // reading an item from memory), then runs it while the workers wake and read on.
            bool own = state.ReadFirst(out var first, out long firstSeq);
            for (; started < helpers; started++)
            {
                WorkerThreads.Start(state.Work, exited);
            }
            if (own) state.RunOwn(firstSeq, first);
            while (state.TryTakeNext(out var result)) yield return result;
        }
        finally
        {
            state.Stop();
            if (started < helpers) exited.Signal(helpers - started);
            exited.Wait(); // every worker has left Work: nothing runs on after the caller leaves
            state.Source.Dispose();
        }
    }

    private sealed class State<TIn, TOut>(IEnumerator<TIn> source, Func<TIn, TOut> work, int window, CancellationToken ct)
    {
        private readonly object _gate = new();
        private readonly Dictionary<long, (TOut Value, ExceptionDispatchInfo? Error)> _done = [];
        private readonly Queue<(long Seq, TIn Item)> _pending = new(); // read by a worker, for whichever thread is free first
        private long _nextIn;       // sequence number of the next item to read from the source
        private long _nextOut;      // sequence number of the next result the consumer is owed
        private long _end = long.MaxValue; // sequence number after the last item, once the source has ended
        private bool _stopped;
        private bool _reading;      // a worker is inside the source's MoveNext
        private int _waiting;       // threads asleep on _gate

        public IEnumerator<TIn> Source => source;

        /// <summary>A worker: takes items until the stream ends or the consumer leaves.</summary>
        public void Work()
        {
            while (TakeForWorker(out var item, out long seq))
                Complete(seq, Run(item));
        }

        /// <summary>The caller's read of the stream's first item, before any worker runs.</summary>
        public bool ReadFirst(out TIn item, out long seq)
        {
            lock (_gate) _reading = true;
            return ReadOne(enqueue: false, out item, out seq);
        }

        /// <summary>Runs an item this thread read itself and files its result.</summary>
        public void RunOwn(long seq, TIn item) => Complete(seq, Run(item));

        private (TOut, ExceptionDispatchInfo?) Run(TIn item)
        {
            try { return (work(item), null); }
            catch (Exception e) { return (default!, ExceptionDispatchInfo.Capture(e)); }
        }

        private void Complete(long seq, (TOut, ExceptionDispatchInfo?) entry)
        {
            lock (_gate)
            {
                _done[seq] = entry;
                if (seq == _nextOut) WakeAll(); // the consumer may be asleep, owed this one
            }
        }

        private bool Room => _nextIn - _nextOut < window;

        /// <summary>
        /// The next item for a worker. A worker that can read keeps <see cref="Ahead"/> items read and waiting before it
        /// takes one for itself, so a thread that finishes early (usually the consumer, whose result is not ready yet)
        /// finds work instead of sleeping until a worker's item ends. The consumer reads only when nothing read is
        /// unfinished, so a stalled source never keeps it from handing over results that are done; items already read
        /// wait in the queue for whichever thread is free, never behind the read after them.
        /// </summary>
        private bool TakeForWorker(out TIn item, out long seq)
        {
            while (true)
            {
                lock (_gate)
                {
                    while (true)
                    {
                        if (_stopped || ct.IsCancellationRequested) return Nothing(out item, out seq);
                        bool canRead = _nextIn < _end && !_reading && Room;
                        if (_pending.Count > (canRead ? Ahead : 0))
                        {
                            (seq, item) = _pending.Dequeue();
                            return true;
                        }
                        if (canRead)
                        {
                            _reading = true;
                            break;
                        }
                        if (_nextIn >= _end && _pending.Count == 0) return Nothing(out item, out seq);
                        Sleep();
                    }
                }
                ReadOne(enqueue: true, out _, out _);
            }
        }

        /// <summary>
        /// Reads the next item from the source, outside the lock, by the thread that has set <see cref="_reading"/>.
        /// A worker leaves the item in the queue (<paramref name="enqueue"/>); the consumer keeps it to run at once.
        /// Returns whether this thread got an item to run. A source that throws makes the error that position's result,
        /// and the stream ends after it.
        /// </summary>
        private bool ReadOne(bool enqueue, out TIn item, out long seq)
        {
            bool more;
            TIn next = default!;
            try
            {
                more = source.MoveNext();
                if (more) next = source.Current;
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _reading = false;
                    _done[_nextIn] = (default!, ExceptionDispatchInfo.Capture(e));
                    _end = ++_nextIn;
                    WakeAll();
                }
                return Nothing(out item, out seq);
            }
            lock (_gate)
            {
                _reading = false;
                WakeAll(); // the source is free again, an item is waiting, or the stream has ended
                if (!more)
                {
                    _end = _nextIn;
                    return Nothing(out item, out seq);
                }
                seq = _nextIn++;
                if (enqueue)
                {
                    _pending.Enqueue((seq, next));
                    item = default!;
                    return false;
                }
                item = next;
                return true;
            }
        }

        private static bool Nothing(out TIn item, out long seq)
        {
            item = default!;
            seq = -1;
            return false;
        }

        public bool TryTakeNext(out TOut result)
        {
            (TOut Value, ExceptionDispatchInfo? Error) entry;
            while (true)
            {
                (long Seq, TIn Item) help = default;
                bool read = false;
                lock (_gate)
                {
                    while (true)
                    {
                        ct.ThrowIfCancellationRequested();
                        if (_done.Remove(_nextOut, out entry))
                        {
                            _nextOut++;
                            WakeAll(); // room in the window
                            goto ready;
                        }
                        if (_nextOut >= _end && _pending.Count == 0)
                        {
                            result = default!;
                            return false;
                        }
                        // Not ready: do an item read ahead rather than sleep.
                        if (_pending.TryDequeue(out help)) break;
                        // Nothing read is unfinished, so no result can become ready while this thread reads: read the
                        // owed item here rather than sleep until a worker wakes to read it (a batch's first item, or a
                        // source slower than the threads).
                        if (_nextIn == _nextOut && _nextIn < _end && !_reading)
                        {
                            _reading = read = true;
                            break;
                        }
                        Sleep();
                    }
                }
                if (!read) RunOwn(help.Seq, help.Item);
                else if (ReadOne(enqueue: false, out var own, out long ownSeq)) RunOwn(ownSeq, own);
            }
        ready:
            entry.Error?.Throw();
            result = entry.Value;
            return true;
        }

        private void Sleep()
        {
            _waiting++;
            Monitor.Wait(_gate);
            _waiting--;
        }

        private void WakeAll()
        {
            if (_waiting > 0) Monitor.PulseAll(_gate);
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
