namespace ConflictExtract.Batching;

/// <summary>
/// Dedicated background threads for batch workers, kept parked between batches. A thread started per batch costs its
/// creation and cold per-thread state (scratch buffers, allocation context) every call: on 95-article batches that was
/// about 4 ms of a 27 ms call on 2 cores. Unlike the shared thread pool, a worker here never waits behind the host's own
/// queued work, and a blocked worker never looks like pool starvation. A thread parked for <see cref="IdleLifetime"/>
/// ends, so an idle process keeps none.
/// </summary>
internal static class WorkerThreads
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);
    private static readonly List<Worker> s_idle = [];

    /// <summary>
    /// Runs <paramref name="work"/> on a parked worker, or on a new one when none is free, and signals
    /// <paramref name="done"/> once the worker is parked again, so a batch started right after finds it free.
    /// <paramref name="work"/> must not throw.
    /// </summary>
    public static void Start(Action work, CountdownEvent done)
    {
        Worker? w = null;
        lock (s_idle)
        {
            if (s_idle.Count > 0)
            {
                w = s_idle[^1];
                s_idle.RemoveAt(s_idle.Count - 1);
            }
        }
        if (w is not null)
        {
            w.Assign(work, done);
            return;
        }
        w = new Worker();
        w.Assign(work, done);
        new Thread(w.Loop) { IsBackground = true, Name = "ConflictExtract worker" }.UnsafeStart();
    }

    /// <summary>Parked workers now (for tests).</summary>
    internal static int IdleCount
    {
        get { lock (s_idle) return s_idle.Count; }
    }

    private sealed class Worker
    {
        private readonly object _gate = new();
        private Action? _work;
        private CountdownEvent? _done;

        public void Assign(Action work, CountdownEvent done)
        {
            lock (_gate)
            {
                _work = work;
                _done = done;
                Monitor.Pulse(_gate);
            }
        }

        public void Loop()
        {
            while (true)
            {
                Action work;
                CountdownEvent done;
                lock (_gate)
                {
                    while (_work is null)
                    {
                        if (Monitor.Wait(_gate, IdleLifetime) || _work is not null) continue;
                        // Idle too long: leave, unless Start has just taken this worker (its work is on the way).
                        lock (s_idle)
                        {
                            if (s_idle.Remove(this)) return;
                        }
                    }
                    work = _work;
                    done = _done!;
                    _work = null;
                    _done = null;
                }
                try
                {
                    work();
                }
                finally
                {
                    lock (s_idle) s_idle.Add(this);
                    done.Signal();
                }
            }
        }
    }
}
