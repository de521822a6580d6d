using System.Diagnostics;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Training;

/// <summary>Cold-start check of the embedded gazetteer and weapon catalogue: load time and managed memory in a fresh process.</summary>
public sealed class GazetteerCheckCommand : ITrainingCommand
{
    public string Name => "gazetteer-check";

    public string Help => "load the embedded gazetteer and weapon catalogue once in this process and print load time and managed memory";

    public int Run(string[] args)
    {
        long before = GC.GetTotalMemory(true);
        long allocBefore = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        var g = Gazetteer.Default;
        sw.Stop();
        long allocated = GC.GetTotalAllocatedBytes(true) - allocBefore;
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"cold load {sw.Elapsed.TotalMilliseconds:F0} ms (includes JIT), retained {(after - before) / 1048576.0:F1} MB, allocated {allocated / 1048576.0:F1} MB, {g.Places.Count} places, {g.KeyCount} keys");
        sw.Restart();
        using (var s = Gazetteer.OpenEmbedded()!) Gazetteer.Load(s);
        Console.WriteLine($"warm reload {sw.Elapsed.TotalMilliseconds:F0} ms");

        before = GC.GetTotalMemory(true);
        allocBefore = GC.GetTotalAllocatedBytes(true);
        sw.Restart();
        var w = WeaponCatalogue.Default;
        sw.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocBefore;
        after = GC.GetTotalMemory(true);
        Console.WriteLine($"weapon catalogue: cold load {sw.Elapsed.TotalMilliseconds:F0} ms (includes JIT), retained {(after - before) / 1048576.0:F2} MB, allocated {allocated / 1048576.0:F2} MB, {w.Count} systems, {w.AliasCount} names");
        return 0;
    }
}
