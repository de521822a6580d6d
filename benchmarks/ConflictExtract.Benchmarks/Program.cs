if (args.Length > 0 && args[0] == "allocs") { ConflictExtract.Benchmarks.AllocProfile.Run(); return; }
if (args.Length > 0 && args[0] == "scaling")
{
    ConflictExtract.Benchmarks.ScalingRun.Run(args);
    return;
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ConflictExtract.Benchmarks.ScalingRun).Assembly).Run(args);
