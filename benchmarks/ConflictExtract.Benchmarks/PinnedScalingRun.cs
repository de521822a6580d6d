using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Batch scaling on a machine whose two CPUs are not always equal. On the 2-vCPU VM of 2026-11-28 one vCPU was, at
/// times, 1.5 to 1.9 times slower than the other for extraction (memory-bound) while equal for register-only arithmetic,
/// so a 1-thread call was fast or slow depending on where it ran, and 1-thread/2-thread ratios swung from 1.4 to 2.3.
/// Here each round runs the 95 articles once on one thread pinned to CPU 0, once pinned to CPU 1, then on two threads
/// (unpinned), and reports the two-thread speed as a share of the sum of the two CPUs' one-thread speeds measured in
/// that round (1.0 = perfect use of both). Rounds in which the two CPUs ran within 5% of each other give a plain
/// speedup over one CPU. Linux only (sched_setaffinity).
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- scaling-pinned [ROUNDS]
/// </summary>
internal static partial class PinnedScalingRun
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint cpusetsize, ref ulong mask);

    /// <summary>Pins the calling thread to the CPUs in <paramref name="mask"/>.</summary>
    private static void Pin(ulong mask)
    {
        if (sched_setaffinity(0, sizeof(ulong), ref mask) != 0)
            throw new InvalidOperationException($"sched_setaffinity failed ({Marshal.GetLastPInvokeError()})");
    }

    public static void Run(string[] args)
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2)
        {
            Console.WriteLine("scaling-pinned needs Linux and at least 2 CPUs");
            return;
        }
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        int copies = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var one = EndToEndBench.BuildInputs();
        var docs = Enumerable.Range(0, copies).SelectMany(_ => one).ToArray();
        var extractor = ConflictExtractor.Default;
        double Call(int threads)
        {
            long t0 = Stopwatch.GetTimestamp();
            foreach (var _ in extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = threads })) { }
            return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        const ulong Cpu0 = 1, Cpu1 = 2, Both = 3;
        for (int w = 0; w < 40; w++) { Pin(w % 2 == 0 ? Cpu0 : Cpu1); Call(1); Pin(Both); Call(2); } // past tiering and PGO
        var share = new List<double>();
        var overFaster = new List<double>();
        var asymmetry = new List<double>();
        var evenSpeedup = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            Pin(Cpu0);
            double a = Call(1);
            Pin(Cpu1);
            double b = Call(1);
            Pin(Both);
            double c = Call(2);
            double s = (1 / c) / (1 / a + 1 / b);
            share.Add(s);
            overFaster.Add(Math.Min(a, b) / c);
            asymmetry.Add(Math.Max(a, b) / Math.Min(a, b));
            if (Math.Max(a, b) / Math.Min(a, b) < 1.05) evenSpeedup.Add(2 * s);
        }
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"{rounds} rounds of (1 thread on CPU 0, 1 thread on CPU 1, 2 threads), {docs.Length} articles per call, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        Console.WriteLine(string.Create(ci, $"2-thread speed / (CPU 0 speed + CPU 1 speed): {Spread(share)}"));
        Console.WriteLine(string.Create(ci, $"faster 1-thread time / 2-thread time: {Spread(overFaster)}"));
        Console.WriteLine(string.Create(ci, $"slower CPU's time / faster CPU's: {Spread(asymmetry)}"));
        Console.WriteLine(evenSpeedup.Count > 0
            ? string.Create(ci, $"{evenSpeedup.Count} rounds with the CPUs within 5% of each other: speedup over one CPU {Spread(evenSpeedup)}")
            : "no round had the CPUs within 5% of each other");
    }

    private static string Spread(List<double> v) => string.Create(CultureInfo.InvariantCulture,
        $"median {ScalingRun.Quantile(v, 0.5):F3} (p25 {ScalingRun.Quantile(v, 0.25):F3}, p75 {ScalingRun.Quantile(v, 0.75):F3})");
}
