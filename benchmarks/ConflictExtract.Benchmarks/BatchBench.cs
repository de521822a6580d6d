using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// <see cref="ConflictExtractor.ExtractMany"/> over the <see cref="EndToEndBench"/> articles (95 when run from this repository) with 1 and 2 threads,
/// under the workstation GC (a console host's default) and the server GC (ASP.NET Core's default, and the command-line tool's).
/// Scaling = time(1) / time(2) within one GC mode; the target is 1.8 or more on 2 otherwise idle cores.
/// <see cref="ComputeOnly"/> is the machine's own scaling in the same sitting: the same batch engine over 95 items of pure
/// arithmetic (no memory traffic, no allocation), so a shared or throttled host shows in it too.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- --filter '*BatchBench*' --iterationCount 25
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GcModes))]
public class BatchBench
{
    private sealed class GcModes : ManualConfig
    {
        public GcModes()
        {
            AddJob(Job.Default.WithGcServer(false).WithId("WorkstationGC"));
            AddJob(Job.Default.WithGcServer(true).WithId("ServerGC"));
        }
    }

    private DocumentInput[] _inputs = [];
    private readonly ConflictExtractor _extractor = ConflictExtractor.Default;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = EndToEndBench.BuildInputs();
        foreach (var _ in _extractor.ExtractMany(_inputs, new BatchOptions { DegreeOfParallelism = 2 })) { }
    }

    [Benchmark]
    public long ComputeOnly()
    {
        long n = 0;
        foreach (var r in Batching.OrderedParallel.Run(ScalingRun.Items, ScalingRun.Spin, Threads, default)) n += r;
        return n;
    }

    [Benchmark]
    public int ExtractManyAll()
    {
        int n = 0;
        foreach (var r in _extractor.ExtractMany(_inputs, new BatchOptions { DegreeOfParallelism = Threads })) n += r.Strikes.Length;
        return n;
    }
}
