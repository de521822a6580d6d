using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using ConflictExtract.Batching;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Where the time of a 2-thread batch call goes, against a 1-thread call of the same 95 articles run just before it:
/// when each thread starts its first article, how long the threads sit idle between articles and at the end, how much
/// longer the articles take when two run at once (the sum of per-article times, which includes collections that stop
/// both threads), and the gen0 collections per call. Then, in a separate traced pass, each collection's phases from the
/// runtime's GC events (suspending the threads, marking from stacks and from older objects, planning and compacting,
/// restarting), and a forced gen0 collection with nothing in flight for comparison.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- timeline [ROUNDS]
/// </summary>
internal static class Timeline
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var docs = EndToEndBench.BuildInputs();
        var extractor = ConflictExtractor.Default;
        int n = docs.Length;
        var start = new long[n];
        var end = new long[n];
        var onCaller = new bool[n];
        int caller = Environment.CurrentManagedThreadId;
        var index = docs.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        Func<DocumentInput, int> work = d =>
        {
            int i = index[d];
            start[i] = Stopwatch.GetTimestamp();
            extractor.Extract(d.Text, new ExtractionOptions { DocumentId = d.Id, PublishedAt = d.PublishedAt });
            end[i] = Stopwatch.GetTimestamp();
            onCaller[i] = Environment.CurrentManagedThreadId == caller;
            return i;
        };
        double Call(int threads)
        {
            long t0 = Stopwatch.GetTimestamp();
            foreach (var _ in OrderedParallel.Run(docs, work, threads, default)) { }
            return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        for (int w = 0; w < 40; w++) { Call(1); Call(2); } // past tiering and PGO

        var rows = new Dictionary<string, List<double>>();
        void Add(string key, double v) { if (!rows.TryGetValue(key, out var l)) rows[key] = l = []; l.Add(v); }
        for (int r = 0; r < rounds; r++)
        {
            Add("1 thread: call ms", Call(1));
            double busy1 = 0;
            for (int i = 0; i < n; i++) busy1 += Ms(end[i] - start[i]);
            int gen0 = GC.CollectionCount(0);
            long t0 = Stopwatch.GetTimestamp();
            foreach (var _ in OrderedParallel.Run(docs, work, 2, default)) { }
            long t1 = Stopwatch.GetTimestamp();
            Add("2 threads: call ms", Ms(t1 - t0));
            Add("2 threads: gen0 collections per call", GC.CollectionCount(0) - gen0);
            long[] first = [long.MaxValue, long.MaxValue], last = [0, 0];
            double[] busy = [0, 0];
            for (int i = 0; i < n; i++)
            {
                int k = onCaller[i] ? 0 : 1;
                first[k] = Math.Min(first[k], start[i]);
                last[k] = Math.Max(last[k], end[i]);
                busy[k] += Ms(end[i] - start[i]);
            }
            Add("2 threads: sum of article ms / 1 thread's", (busy[0] + busy[1]) / busy1);
            Add("2 threads: caller's first article starts at ms", Ms(first[0] - t0));
            Add("2 threads: worker's first article starts at ms", Ms(first[1] - t0));
            Add("2 threads: caller idle between its articles ms", Ms(last[0] - first[0]) - busy[0]);
            Add("2 threads: worker idle between its articles ms", Ms(last[1] - first[1]) - busy[1]);
            Add("2 threads: one thread done, other still working ms", Ms(Math.Abs(last[0] - last[1])));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of a 1-thread then a 2-thread call over {n} articles, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; medians"));
        foreach (var (key, v) in rows) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}: {ScalingRun.Quantile(v, 0.5):F3}"));

        using (var trace = new GcPhases())
        {
            for (int r = 0; r < 30; r++) Call(2);
            Thread.Sleep(1000); // events arrive on another thread
            Console.WriteLine("gen0/gen1 collections during 30 traced 2-thread calls (tracing slows each phase a little); medians:");
            foreach (var (key, v) in trace.Phases()) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}: {ScalingRun.Quantile(v, 0.5):F3} (n={v.Count})"));
        }
        var forced = new List<double>();
        for (int r = 0; r < 200; r++)
        {
            long a = Stopwatch.GetTimestamp();
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            forced.Add(Ms(Stopwatch.GetTimestamp() - a));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forced gen0 collection with no article in flight: median {ScalingRun.Quantile(forced, 0.5):F3} ms"));
    }

    /// <summary>The runtime's GC events, as the time between successive phase events of each collection.</summary>
    private sealed class GcPhases : EventListener
    {
        private readonly List<(string Name, DateTime At, int MarkType, long MarkBytes)> _events = [];

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            int type = -1;
            long bytes = 0;
            if (e.EventName == "GCMarkWithType" && e.Payload is { } p && e.PayloadNames is { } names)
            {
                type = Convert.ToInt32(p[names.IndexOf("Type")], CultureInfo.InvariantCulture);
                bytes = Convert.ToInt64(p[names.IndexOf("Bytes")], CultureInfo.InvariantCulture);
            }
            lock (_events) _events.Add((e.EventName ?? "", e.TimeStamp, type, bytes));
        }

        public Dictionary<string, List<double>> Phases()
        {
            List<(string Name, DateTime At, int MarkType, long MarkBytes)> events;
            lock (_events) events = [.. _events];
            var phases = new Dictionary<string, List<double>>();
            void Add(string key, double v) { if (!phases.TryGetValue(key, out var l)) phases[key] = l = []; l.Add(v); }
            // Mark root types of the GCMarkWithType event: 0 stacks, 3 older generations (cards); the others are small here.
            string[] markNames = ["stacks", "finalizer queue", "handles", "older generations", "sized ref handles", "overflow", "dependent handles", "new finalizable"];
            DateTime suspend = default, previous = default;
            foreach (var (name, at, markType, markBytes) in events)
            {
                switch (name)
                {
                    case "GCSuspendEEBegin_V1": suspend = at; break;
                    case "GCSuspendEEEnd_V1": Add("suspend threads ms", (at - suspend).TotalMilliseconds); previous = at; break;
                    case "GCStart_V2": Add("suspended to start ms", (at - previous).TotalMilliseconds); previous = at; break;
                    case "GCMarkWithType" when markType is 0 or 3:
                        Add($"mark from {markNames[markType]} ms", (at - previous).TotalMilliseconds);
                        Add($"mark from {markNames[markType]} KB", markBytes / 1024.0);
                        previous = at;
                        break;
                    case "GCMarkWithType": previous = at; break;
                    case "GCEnd_V1": Add("plan, relocate, compact ms", (at - previous).TotalMilliseconds); previous = at; break;
                    case "GCRestartEEEnd_V1":
                        Add("restart threads ms", (at - previous).TotalMilliseconds);
                        Add("whole pause ms", (at - suspend).TotalMilliseconds);
                        break;
                }
            }
            return phases;
        }
    }
}
