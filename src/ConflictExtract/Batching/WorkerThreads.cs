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

    /// <summary>Runs <paramref name="work"/> on a parked worker, or on a new one when none is free. <paramref name="work"/> must not throw.</summary>
    public static void Start(Action work)
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
            w.Assign(work);
            return;
        }
        w = new Worker();
        w.Assign(work);
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

        public void Assign(Action work)
        {
            lock (_gate)
            {
                _work = work;
                Monitor.Pulse(_gate);
            }
        }

        public void Loop()
        {
            while (true)
            {
                Action work;
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
                    _work = null;
                }
                work();
                lock (s_idle) s_idle.Add(this);
            }
        }
    }
}
