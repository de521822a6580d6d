using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Adversarial inputs for the date fallback (Microsoft.Recognizers.Text) and the fast paths: generators of text that
/// triggers many, or costly, Recognizers calls, every number random so that no cache helps. Each generator writes
/// documents of 0.5 to 9.9 KB (1 KB = 1,024 UTF-16 code units) from several seeds; each document is extracted once on a
/// warm extractor (each is new: Recognizers keeps caches of its own, so a repeated input would be too fast), and the
/// worst cost per document and per KB is printed by generator, then overall: the extracting thread's CPU time (on a
/// shared machine wall time also measures the neighbours) beside the wall time.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- worst-case [SEEDS] [GENERATOR|all] [unbounded]
/// (SEEDS: documents per generator and size, default 3; GENERATOR: run only the one named; unbounded: lift the date
/// fallback's per-document limits, to see what the windows alone cost).
/// </summary>
internal static partial class WorstCaseRun
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Abbrev = ["Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Units = ["days", "weeks", "months", "years", "decades", "hours", "fortnights", "day", "week", "year"];
    private static readonly string[] Small = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "nineteen"];
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] Big = ["hundred", "thousand", "million", "billion", "dozen"];
    private static readonly int[] Sizes = [512, 1024, 2048, 4096, 8192, 10_100];

    /// <summary>The generators: name and a function of (random, characters wanted) appending one fragment at a time.</summary>
    internal static readonly (string Name, Action<Random, StringBuilder> Fragment)[] Generators =
    [
        // The issue's shape: month names, then runs of numbers joined with "/" and "-".
        ("month-slash-dash", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ');
            int k = r.Next(3, 9);
            for (int i = 0; i < k; i++) sb.Append(r.Next(1, 40)).Append(r.Next(2) == 0 ? '/' : '-');
            sb.Append(r.Next(1, 40)).Append(' ');
        }),
        // One long slashed run per month: the longest window Recognizers could be given.
        ("month-long-run", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ');
            for (int i = 0; i < 60; i++) sb.Append(r.Next(1, 40)).Append(r.Next(3) switch { 0 => '/', 1 => '-', _ => '.' });
            sb.Append(r.Next(1, 40)).Append(' ');
        }),
        // Month names with spaced numbers: no odd token, many numbers per window.
        ("month-spaced-numbers", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ');
            int k = r.Next(2, 7);
            for (int i = 0; i < k; i++) sb.Append(r.Next(1, 3000)).Append(' ');
        }),
        // Month names followed by runs of well-formed dates: every token passes for a date part.
        ("dense-dates", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ');
            int k = r.Next(3, 8);
            for (int i = 0; i < k; i++)
                sb.Append(r.Next(3) switch
                {
                    0 => $"{r.Next(1, 13)}/{r.Next(1, 29)}/{r.Next(1990, 2030)} ",
                    1 => $"{r.Next(1990, 2030)}-{r.Next(1, 13):D2}-{r.Next(1, 29):D2} ",
                    _ => $"{r.Next(1, 29)}-{r.Next(1, 29)} ",
                });
        }),
        // Long digit runs after month names.
        ("month-digit-runs", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ');
            int k = r.Next(20, 200);
            for (int i = 0; i < k; i++) sb.Append((char)('0' + r.Next(10)));
            sb.Append(' ');
        }),
        // Many date-like fragments of the forms the fast paths leave to Recognizers, and some they read.
        ("date-fragments", (r, sb) =>
        {
            string m = Months[r.Next(12)], m2 = Months[r.Next(12)], a = Abbrev[r.Next(Abbrev.Length)];
            sb.Append(r.Next(10) switch
            {
                0 => $"since {m} {r.Next(1, 29)}, ",
                1 => $"between {m} {r.Next(1, 29)} and {m2} {r.Next(1, 29)}, {r.Next(1990, 2030)} ",
                2 => $"{a} {r.Next(1, 29)}-{r.Next(1, 29)} ",
                3 => $"on {r.Next(1, 13)}/{r.Next(1, 29)}/{r.Next(1990, 2030)} ",
                4 => $"{Small[r.Next(Small.Length)]} and a half {Units[r.Next(Units.Length)]} ago ",
                5 => $"late {m} early {m2} mid-{m} ",
                6 => $"the {r.Next(1, 29)}th of {m} {r.Next(1990, 2030)} ",
                7 => $"{m} {r.Next(1, 29)} to {m2} {r.Next(1, 29)} ",
                8 => $"since {Weekdays[r.Next(7)]} {m} ",
                _ => $"{r.Next(2, 99)} {Units[r.Next(Units.Length)]} and {r.Next(2, 99)} {Units[r.Next(Units.Length)]} ago ",
            });
        }),
        // "ago" phrases the fast path does not read, with number words and fractions.
        ("ago-phrases", (r, sb) =>
        {
            sb.Append(r.Next(4) switch
            {
                0 => $"a {Units[r.Next(Units.Length)]} and a half ago, ",
                1 => $"{Tens[r.Next(Tens.Length)]}-{Small[r.Next(9)]} {Units[r.Next(Units.Length)]} and {Small[r.Next(Small.Length)]} {Units[r.Next(Units.Length)]} ago ",
                2 => $"{r.Next(1, 99)}.{r.Next(1, 9)} {Units[r.Next(Units.Length)]} ago ",
                _ => $"some {Small[r.Next(Small.Length)]} {Big[r.Next(Big.Length)]} {Units[r.Next(Units.Length)]} ago ",
            });
        }),
        // Huge numbers of number words, with months and "ago" among them.
        ("number-words", (r, sb) =>
        {
            int k = r.Next(4, 20);
            for (int i = 0; i < k; i++)
            {
                sb.Append(r.Next(4) switch { 0 => Small[r.Next(Small.Length)], 1 => Tens[r.Next(Tens.Length)], 2 => Big[r.Next(Big.Length)], _ => "and" }).Append(' ');
                if (r.Next(8) == 0) sb.Append(Months[r.Next(12)]).Append(' ');
            }
            sb.Append(Units[r.Next(Units.Length)]).Append(" ago ");
        }),
        // Deeply repeated punctuation between month names and numbers.
        ("punctuation", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]);
            int k = r.Next(5, 40);
            for (int i = 0; i < k; i++) sb.Append("-/.,:;!?'\"()"[r.Next(12)]);
            sb.Append(r.Next(1, 40));
            for (int i = 0; i < k; i++) sb.Append("-/.,:"[r.Next(5)]);
            sb.Append(' ');
        }),
        // "since" / "between" before weekdays and months, chained.
        ("since-between", (r, sb) =>
        {
            sb.Append(r.Next(2) == 0 ? "since " : "between ").Append(Weekdays[r.Next(7)]).Append(' ')
              .Append(r.Next(3) switch { 0 => "and ", 1 => "to ", _ => "" }).Append(Months[r.Next(12)]).Append(' ').Append(r.Next(1, 40)).Append(' ');
        }),
        // Clock times and ranges of them after dates.
        ("times", (r, sb) =>
        {
            sb.Append(Months[r.Next(12)]).Append(' ').Append(r.Next(1, 29)).Append(" at ").Append(r.Next(0, 24)).Append(':').Append(r.Next(10, 60))
              .Append(r.Next(2) == 0 ? " pm, " : "-").Append(r.Next(0, 24)).Append(':').Append(r.Next(10, 60)).Append('/').Append(r.Next(0, 24)).Append(":00 ");
        }),
        // Abbreviated months with day ranges, slashes and years.
        ("abbrev-ranges", (r, sb) =>
        {
            sb.Append(Abbrev[r.Next(Abbrev.Length)]).Append(' ').Append(r.Next(1, 32)).Append(r.Next(2) == 0 ? '-' : '/').Append(r.Next(1, 32))
              .Append(r.Next(2) == 0 ? $", {r.Next(1900, 2100)} " : " ");
        }),
        // Random tokens drawn from a date vocabulary.
        ("date-vocabulary", (r, sb) =>
        {
            string[] words = ["since", "between", "and", "to", "ago", "on", "in", "of", "the", "early", "late", "mid", "last", "past", "a", "half", ",", ".", "-", "/"];
            sb.Append(r.Next(6) switch
            {
                0 => Months[r.Next(12)],
                1 => Weekdays[r.Next(7)],
                2 => r.Next(1, 3000).ToString(CultureInfo.InvariantCulture),
                3 => Units[r.Next(Units.Length)],
                4 => Abbrev[r.Next(Abbrev.Length)],
                _ => words[r.Next(words.Length)],
            }).Append(' ');
        }),
    ];

    internal static string Generate(int generator, int chars, int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder(chars + 600);
        while (sb.Length < chars) Generators[generator].Fragment(r, sb);
        sb.Length = chars;
        return sb.ToString();
    }

    public static void Run(string[] args)
    {
        int seeds = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 3;
        string? only = args.Length > 2 && args[2] != "all" ? args[2] : null;
        bool unbounded = args.Length > 3 && args[3] == "unbounded";
        var extractor = ConflictExtractor.Default;
        var options = new ExtractionOptions { PublishedAt = new DateOnly(2024, 3, 10) };
        if (unbounded) options = Unbounded(options);
        extractor.LoadLazyModels();
        // Warm: the models built and every generator's paths run once (seeds apart from those measured), so that the
        // figures are a warm process's; the first call through a Recognizers path costs up to 200 ms once per process.
        var warm = Stopwatch.StartNew();
        for (int round = 0; round < 2; round++)
            for (int w = 0; w < Generators.Length; w++) extractor.Extract(Generate(w, 4096, 999_000 + 100 * round + w), options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up (models, then two 4 KB documents per generator): {warm.Elapsed.TotalSeconds:F1} s"));

        Console.WriteLine($"worst-case: {seeds} seed(s) per generator and size, sizes {string.Join(", ", Sizes)} chars; one run per document (distinct inputs: Recognizers keeps caches of its own){(unbounded ? "; date fallback limits lifted" : "")}");
        Console.WriteLine("cpu = the extracting thread's CPU time (the machine's other load left out); wall = elapsed time");
        Console.WriteLine("gc1/gc2 = gen1 and gen2 collections during the worst document (a blocking collection of the models' heap costs tens of ms); no-gc cpu = the worst document during which none ran");
        Console.WriteLine($"{"generator",-22} {"docs",5} {"worst cpu",10} {"at chars",9} {"gc1/gc2",8} {"no-gc cpu",10} {"cpu ms/KB",10} {"median",7} {"worst wall",11} {"wall ms/KB",11} {"calls/doc",10} {"budget hits",12}");
        double worstCpu = 0, worstPerKb = 0, worstWall = 0, worstWallPerKb = 0, worstNoGc = 0;
        string worstWhat = "", worstPerKbWhat = "", worstWallWhat = "";
        for (int g = 0; g < Generators.Length; g++)
        {
            if (only is not null && Generators[g].Name != only) continue;
            double gCpu = 0, gCpuPerKb = 0, gWall = 0, gWallPerKb = 0, gNoGc = 0;
            int gCpuChars = 0, budgetHits = 0;
            string gGcs = "";
            long calls = 0;
            var perKb = new List<double>();
            foreach (int size in Sizes)
            {
                for (int seed = 0; seed < seeds; seed++)
                {
                    string text = Generate(g, size, 1000 * g + 10 * size + seed);
                    long c0 = extractor.Models.Recognizers.FallbackCalls;
                    int gc1 = GC.CollectionCount(1), gc2 = GC.CollectionCount(2);
                    double cpu0 = ThreadCpuMs();
                    long t0 = Stopwatch.GetTimestamp();
                    var result = extractor.Extract(text, options);
                    double wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    double cpu = ThreadCpuMs() - cpu0;
                    if (double.IsNaN(cpu)) cpu = wall;
                    calls += extractor.Models.Recognizers.FallbackCalls - c0;
                    budgetHits += BudgetHits(result);
                    double kb = text.Length / 1024.0;
                    perKb.Add(cpu / kb);
                    if (cpu > gCpu) { gCpu = cpu; gCpuChars = text.Length; gGcs = $"{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}"; }
                    if (GC.CollectionCount(1) == gc1) gNoGc = Math.Max(gNoGc, cpu);
                    gCpuPerKb = Math.Max(gCpuPerKb, cpu / kb);
                    gWall = Math.Max(gWall, wall);
                    gWallPerKb = Math.Max(gWallPerKb, wall / kb);
                }
            }
            perKb.Sort();
            string name = Generators[g].Name;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {perKb.Count,5} {gCpu,10:F1} {gCpuChars,9} {gGcs,8} {gNoGc,10:F1} {gCpuPerKb,10:F2} {perKb[perKb.Count / 2],7:F2} {gWall,11:F1} {gWallPerKb,11:F2} {calls / (double)perKb.Count,10:F1} {budgetHits,12}"));
            if (gCpu > worstCpu) { worstCpu = gCpu; worstWhat = $"{name} at {gCpuChars} chars"; }
            worstNoGc = Math.Max(worstNoGc, gNoGc);
            if (gCpuPerKb > worstPerKb) { worstPerKb = gCpuPerKb; worstPerKbWhat = name; }
            if (gWall > worstWall) { worstWall = gWall; worstWallWhat = name; }
            worstWallPerKb = Math.Max(worstWallPerKb, gWallPerKb);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worst document: {worstCpu:F1} ms CPU ({worstWhat}), {worstPerKb:F2} ms/KB ({worstPerKbWhat}); without a gen1/gen2 collection during it: {worstNoGc:F1} ms; wall: {worstWall:F1} ms ({worstWallWhat}), {worstWallPerKb:F2} ms/KB"));
    }

    private const int ClockThreadCputimeId = 3; // Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    /// <summary>This thread's CPU time in milliseconds (Linux), or NaN elsewhere.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCputimeId, out var t) != 0) return double.NaN;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static ExtractionOptions Unbounded(ExtractionOptions o) => o with { MaxDateFallbacks = int.MaxValue, DateFallbackTimeLimit = Timeout.InfiniteTimeSpan }; // BEFORE: => o;

    /// <summary>Documents whose result says the date fallback's budget was spent.</summary>
    private static int BudgetHits(Records.ExtractionResult result) => result.Diagnostics.Length > 0 ? 1 : 0; // BEFORE: replace with 0
}
