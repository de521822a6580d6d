using System.Diagnostics;
using System.Globalization;
using ConflictExtract.Batching;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Batch scaling measured in adjacent pairs: one call with 1 thread, then one with 2, over and over, each pair's ratio
/// taken on its own. A shared VM's speed drifts by tens of percent from minute to minute, so two BenchmarkDotNet cases
/// run a minute apart can disagree by more than the effect measured; a pair 50 ms apart sees the same machine.
/// The same pairs run over arithmetic kernels through the same batch engine give the machine's own 2-core scaling in the
/// same sitting: items of one length (ComputeOnly), of lengths from 0.5 to 1.5 times (ComputeVaried: what the engine
/// loses to uneven items), and items that also allocate an article's worth of short-lived memory (ComputeAllocating:
/// what collections that stop both threads cost on this machine).
/// On a VM whose one-thread speed is at times bimodal (a slow state 40-50% slower), the ratio of the two p10s (each
/// side's fast state) is printed beside the pair median.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- scaling [PAIRS]
/// (prefix DOTNET_gcServer=1 for the server GC).
/// </summary>
internal static class ScalingRun
{
    /// <summary>95 items, as many as the batch has articles.</summary>
    internal static readonly int[] Items = [.. Enumerable.Range(0, 95)];

    /// <summary>About as long as one article's extraction here (0.3 to 0.4 ms), in registers only.</summary>
    internal static long Spin(int seed) => Spin(seed, 200_000);

    /// <summary>As <see cref="Spin(int)"/>, but items last from 0.5 to 1.5 times as long, as articles do.</summary>
    internal static long SpinVaried(int seed) => Spin(seed, 100_000 + (int)((uint)(seed * 7919) % 200_000));

    /// <summary>As <see cref="Spin(int)"/>, also allocating an article's worth of short-lived objects (60 KB).</summary>
    internal static long SpinAllocating(int seed)
    {
        var keep = new object[64];
        long r = 0;
        for (int k = 0; k < 64; k++) { keep[k] = new byte[900]; r += Spin(seed + k, 200_000 / 64); }
        return r + keep.Length;
    }

    private static long Spin(int seed, int rounds)
    {
        ulong x = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        for (int i = 0; i < rounds; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        return (long)(x & 0xFFFF);
    }

    public static void Run(string[] args)
    {
        int pairs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var docs = EndToEndBench.BuildInputs();
        var extractor = ConflictExtractor.Default;
        var gc = new GcCost[3]; // by thread count; index 0 unused

        double Timed(int threads, Action<int> call)
        {
            long bytes = GC.GetTotalAllocatedBytes(true);
            int gen0 = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            long t0 = Stopwatch.GetTimestamp();
            call(threads);
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            gc[threads].Add(GC.GetTotalAllocatedBytes(true) - bytes, GC.CollectionCount(0) - gen0, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
            return ms;
        }
        void Extract(int threads) { foreach (var _ in extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = threads })) { } }
        Action<int> Over(Func<int, long> kernel) => threads => { foreach (var _ in OrderedParallel.Run(Items, kernel, threads, default)) { } };

        var rows = new (string Name, Action<int> Call)[]
        {
            ("ExtractMany", Extract),
            ("ComputeOnly", Over(Spin)),
            ("ComputeVaried", Over(SpinVaried)),
            ("ComputeAllocating", Over(SpinAllocating)),
        };
        for (int w = 0; w < 40; w++) foreach (var (_, call) in rows) { Timed(1, call); Timed(2, call); } // past tiering and PGO

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{docs.Length} items per call, {pairs} pairs, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} processors"));
        var one = rows.Select(_ => new List<double>()).ToArray();
        var two = rows.Select(_ => new List<double>()).ToArray();
        var ratio = rows.Select(_ => new List<double>()).ToArray();
        var extractGc = new GcCost[3];
        for (int i = 0; i < pairs; i++)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                Array.Clear(gc);
                double a = Timed(1, rows[r].Call), b = Timed(2, rows[r].Call);
                one[r].Add(a); two[r].Add(b); ratio[r].Add(a / b);
                if (r == 0) { extractGc[1].Add(gc[1]); extractGc[2].Add(gc[2]); }
            }
        }
        for (int r = 0; r < rows.Length; r++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows[r].Name,-17} 1 thread {Summary(one[r])} ms | 2 threads {Summary(two[r])} ms | pair ratio median {Quantile(ratio[r], 0.5):F2} (p25 {Quantile(ratio[r], 0.25):F2}, p75 {Quantile(ratio[r], 0.75):F2}) | p10 ratio {Quantile(one[r], 0.1) / Quantile(two[r], 0.1):F2}"));
        }
        for (int t = 1; t <= 2; t++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ExtractMany on {t} thread(s), per call: {extractGc[t].Bytes / (double)pairs / 1024 / 1024:F2} MB allocated, {extractGc[t].Gen0 / (double)pairs:F2} gen0 collections, {extractGc[t].PausedMs / pairs:F2} ms paused"));
        }
    }

    /// <summary>Allocation and collections over some calls.</summary>
    private struct GcCost
    {
        public long Bytes;
        public int Gen0;
        public double PausedMs;

        public void Add(long bytes, int gen0, double pausedMs)
        {
            Bytes += bytes;
            Gen0 += gen0;
            PausedMs += pausedMs;
        }

        public void Add(GcCost other) => Add(other.Bytes, other.Gen0, other.PausedMs);
    }

    private static string Summary(List<double> v) =>
        string.Create(CultureInfo.InvariantCulture, $"p10 {Quantile(v, 0.1):F1} median {Quantile(v, 0.5):F1} p90 {Quantile(v, 0.9):F1}");

    internal static double Quantile(List<double> v, double q)
    {
        var s = v.Order().ToList();
        return s[(int)Math.Round(q * (s.Count - 1))];
    }
}
