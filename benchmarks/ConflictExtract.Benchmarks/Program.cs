// `scaling [PAIRS]`, `scaling-pinned [ROUNDS] [COPIES]`, `timeline [ROUNDS]`, `worst-case [SEEDS] [GENERATOR]` and `allocs`
// are plain runs (see ScalingRun, PinnedScalingRun, Timeline, WorstCaseRun, AllocProfile); anything else goes to BenchmarkDotNet.
switch (args.Length > 0 ? args[0] : "")
{
    case "scaling":
        ConflictExtract.Benchmarks.ScalingRun.Run(args);
        break;
    case "scaling-pinned":
        ConflictExtract.Benchmarks.PinnedScalingRun.Run(args);
        break;
    case "timeline":
        ConflictExtract.Benchmarks.Timeline.Run(args);
        break;
    case "worst-case":
        ConflictExtract.Benchmarks.WorstCaseRun.Run(args);
        break;
    case "allocs":
        ConflictExtract.Benchmarks.AllocProfile.Run();
        break;
    default:
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ConflictExtract.Benchmarks.ScalingRun).Assembly).Run(args);
        break;
}
