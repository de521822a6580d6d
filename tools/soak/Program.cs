using System.Diagnostics;
using System.Globalization;
using ConflictExtract;

namespace ConflictExtract.Soak;

/// <summary>
/// Streams N generated documents (default 100,000) through <see cref="ConflictExtractor.ExtractMany"/> and prints,
/// every <c>--every</c> documents (default 10,000), the managed heap after a full GC and the process working set.
/// Documents are generated from templates with varying numbers, places, weapons and dates, so caches see new keys.
/// Usage: ConflictExtract.Soak [--docs N] [--every K] [--threads T]
/// </summary>
public static class Program
{
    private static readonly string[] Places = ["Kharkiv", "Odesa", "Kyiv", "Dnipro", "Zaporizhzhia", "Kherson", "Sumy", "Lviv", "Gaza City", "Rafah", "Khan Younis", "Beirut", "Aleppo", "Idlib", "Sanaa", "Hodeidah", "Belgorod", "Donetsk", "Mykolaiv", "Pokrovsk"];
    private static readonly string[] Weapons = ["Shahed drone", "Iskander-M missile", "Kalibr cruise missile", "glide bomb", "HIMARS rocket", "Kh-101 missile", "artillery shell", "FPV drone", "Lancet drone", "ballistic missile"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Groups = ["people", "civilians", "children", "soldiers", "residents", "workers"];
    private static readonly string[] Targets = ["an apartment block", "a hospital", "a power plant", "a railway station", "a school", "a market", "an airfield", "a fuel depot"];

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        int docs = Arg(args, "--docs", 100_000), every = Arg(args, "--every", 10_000), threads = Arg(args, "--threads", Environment.ProcessorCount);
        var extractor = ConflictExtractor.Default;
        var clock = Stopwatch.StartNew();
        long strikes = 0, casualties = 0, seen = 0;
        Console.WriteLine("documents,seconds,gc_heap_mb,working_set_mb,strikes,casualties");
        Sample(0, clock, strikes, casualties);
        foreach (var r in extractor.ExtractMany(Generate(docs), new BatchOptions { DegreeOfParallelism = threads }))
        {
            seen++;
            strikes += r.Strikes.Length;
            casualties += r.Casualties.Length;
            if (seen % every == 0) Sample(seen, clock, strikes, casualties);
        }
        if (seen % every != 0) Sample(seen, clock, strikes, casualties);
        return seen == docs ? 0 : 1;
    }

    private static void Sample(long n, Stopwatch clock, long strikes, long casualties)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        double heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        double ws = p.WorkingSet64 / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n},{clock.Elapsed.TotalSeconds:F1},{heap:F1},{ws:F1},{strikes},{casualties}"));
    }

    private static IEnumerable<DocumentInput> Generate(int count)
    {
        var rng = new Random(20261128);
        for (int i = 0; i < count; i++)
        {
            string place = Places[rng.Next(Places.Length)], place2 = Places[rng.Next(Places.Length)];
            string weapon = Weapons[rng.Next(Weapons.Length)];
            string month = Months[rng.Next(12)];
            int day = rng.Next(1, 29), killed = rng.Next(0, 500), injured = rng.Next(0, 2000), year = rng.Next(2014, 2026);
            string group = Groups[rng.Next(Groups.Length)], target = Targets[rng.Next(Targets.Length)];
            string text = rng.Next(4) switch
            {
                0 => $"At least {killed} {group} were killed and {injured} injured when a {weapon} hit {target} in {place} on {month} {day}, officials said.",
                1 => $"A {weapon} strike on {target} in {place} killed {killed} {group} on {month} {day}, {year}. Separately, {injured} were wounded in shelling of {place2}.",
                2 => $"Air defences shot down {killed % 40} of {killed % 40 + injured % 10} drones over {place} overnight. Debris damaged {target}; {injured % 30} {group} were hurt. Document {i}.",
                _ => $"{place}, {month} {day} — Between {killed} and {killed + injured} {group} died in an attack near {place2}, the governor of the region said. Ref {i}.",
            };
            yield return new DocumentInput("soak-" + i.ToString(CultureInfo.InvariantCulture), text, new DateOnly(year, rng.Next(1, 13), rng.Next(1, 29)));
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        int k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length && int.TryParse(args[k + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
    }
}
