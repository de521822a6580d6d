using System.Diagnostics.Tracing;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Where the bytes go: allocated bytes per article (exact, this thread), then the runtime's allocation samples (one
/// about every 100 KB) counted by type, so the largest allocators stand out. Same 95 articles as EndToEndBench.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- allocs
/// </summary>
internal static class AllocProfile
{
    public static void Run()
    {
        var texts = EndToEndBench.BuildDocuments();
        var extractor = ConflictExtractor.Default;
        var options = new ExtractionOptions { PublishedAt = new DateOnly(2022, 3, 1) };
        for (int r = 0; r < 20; r++) foreach (var t in texts) extractor.Extract(t, options); // past tiering
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 10; r++) foreach (var t in texts) extractor.Extract(t, options);
        Console.WriteLine($"bytes per article: {(GC.GetAllocatedBytesForCurrentThread() - before) / (10.0 * texts.Length):F0}");
        var noEntities = options with { IncludeEntities = false };
        for (int r = 0; r < 5; r++) foreach (var t in texts) extractor.Extract(t, noEntities);
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 10; r++) foreach (var t in texts) extractor.Extract(t, noEntities);
        Console.WriteLine($"bytes per article without the entity list (IncludeEntities = false): {(GC.GetAllocatedBytesForCurrentThread() - before) / (10.0 * texts.Length):F0}");

        using var samples = new AllocationSamples();
        for (int r = 0; r < 100; r++) foreach (var t in texts) extractor.Extract(t, options);
        samples.Stop();
        var byType = samples.ByType();
        long total = byType.Values.Sum();
        Console.WriteLine($"{total} allocation samples; the 30 largest types by share of sampled bytes:");
        foreach (var (type, n) in byType.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Take(30))
            Console.WriteLine($"{n * 100.0 / total,6:F1}%  {type}");
    }

    private sealed class AllocationSamples : EventListener
    {
        private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
        private volatile bool _on = true;

        public void Stop() => _on = false;

        public Dictionary<string, long> ByType()
        {
            lock (_byType) return new Dictionary<string, long>(_byType, StringComparer.Ordinal);
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            // GC keyword (0x1) at verbose level: the GCAllocationTick events.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
            int i = e.PayloadNames?.IndexOf("TypeName") ?? -1;
            string type = i >= 0 ? e.Payload?[i] as string ?? "?" : "?";
            lock (_byType) _byType[type] = _byType.GetValueOrDefault(type) + 1;
        }
    }
}
