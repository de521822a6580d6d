using System.Diagnostics;
using System.Globalization;
using ConflictExtract.Batching;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Batch scaling measured in adjacent pairs: one call with 1 thread, then one with 2, over and over, each pair's ratio
/// taken on its own. A shared VM's speed drifts by tens of percent from minute to minute, so two BenchmarkDotNet cases
/// run a minute apart can disagree by more than the effect measured; a pair 50 ms apart sees the same machine.
/// The same pairs run over pure arithmetic (the batch engine, no memory traffic) give the machine's own 2-core scaling
/// in the same sitting. Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- scaling [PAIRS]
/// (prefix DOTNET_gcServer=1 for the server GC).
/// </summary>
internal static class ScalingRun
{
    /// <summary>95 items, as many as the batch has articles.</summary>
    internal static readonly int[] Items = [.. Enumerable.Range(0, 95)];

    /// <summary>About as long as one article's extraction here (0.3 to 0.4 ms), in registers only.</summary>
    internal static long Spin(int seed)
    {
        ulong x = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        for (int i = 0; i < 200_000; i++)
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
        var texts = EndToEndBench.BuildDocuments();
        var docs = texts.Select((t, i) => new DocumentInput("d" + i.ToString(CultureInfo.InvariantCulture), t, new DateOnly(2022, 3, 1))).ToArray();
        var extractor = ConflictExtractor.Default;

        double Extract(int threads)
        {
            long t0 = Stopwatch.GetTimestamp();
            foreach (var _ in extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = threads })) { }
            return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        double Compute(int threads)
        {
            long t0 = Stopwatch.GetTimestamp();
            foreach (var _ in OrderedParallel.Run(Items, Spin, threads, default)) { }
            return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        for (int w = 0; w < 40; w++) { Extract(1); Extract(2); Compute(1); Compute(2); } // past tiering and PGO
        var e1 = new List<double>(); var e2 = new List<double>(); var c1 = new List<double>(); var c2 = new List<double>();
        var er = new List<double>(); var cr = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            double a = Extract(1), b = Extract(2), c = Compute(1), d = Compute(2);
            e1.Add(a); e2.Add(b); c1.Add(c); c2.Add(d);
            er.Add(a / b); cr.Add(c / d);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{docs.Length} articles per call, {pairs} pairs, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} processors"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ExtractMany  1 thread {Summary(e1)} ms | 2 threads {Summary(e2)} ms | pair ratio median {Quantile(er, 0.5):F2} (p25 {Quantile(er, 0.25):F2}, p75 {Quantile(er, 0.75):F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ComputeOnly  1 thread {Summary(c1)} ms | 2 threads {Summary(c2)} ms | pair ratio median {Quantile(cr, 0.5):F2} (p25 {Quantile(cr, 0.25):F2}, p75 {Quantile(cr, 0.75):F2})"));
    }

    private static string Summary(List<double> v) =>
        string.Create(CultureInfo.InvariantCulture, $"p10 {Quantile(v, 0.1):F1} median {Quantile(v, 0.5):F1} p90 {Quantile(v, 0.9):F1}");

    private static double Quantile(List<double> v, double q)
    {
        var s = v.Order().ToList();
        return s[(int)Math.Round(q * (s.Count - 1))];
    }
}
