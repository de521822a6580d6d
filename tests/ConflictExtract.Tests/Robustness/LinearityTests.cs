using System.Text;
using ConflictExtract.Recognizers;

namespace ConflictExtract.Tests.Robustness;

/// <summary>
/// Work grows linearly with input size, measured by counting, not by wall time. Counters:
/// <list type="bullet">
/// <item>RecognizerLayer.Lookups: date-fallback lookups (cache hits and calls into Microsoft.Recognizers.Text), thread-local;</item>
/// <item>bytes allocated on the calling thread by one whole Extract (tokens, sentences, places, weapons, values, records, JSON-free):
/// covers the Building stage too, where a quadratic loop would also allocate quadratically.</item>
/// </list>
/// Each input is compared with its doubled version; the ratio must lie in 1.6..2.4.
/// </summary>
public class LinearityTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;
    private static readonly DateOnly Pub = new(2024, 3, 10);

    private static readonly string[] Places = ["Kharkiv", "Odesa", "Kyiv", "Dnipro", "Sumy", "Kherson", "Lviv", "Gaza City", "Rafah", "Beirut", "Aleppo", "Belgorod"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Weapons = ["Shahed drone", "Iskander-M missile", "glide bomb", "HIMARS rocket", "Kalibr cruise missile", "artillery shell"];

    /// <summary>News-like text of about <paramref name="chars"/> characters; every sentence differs (so no cache hides work).</summary>
    internal static string News(int chars, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(chars + 200);
        for (int i = 0; sb.Length < chars; i++)
        {
            string place = Places[rng.Next(Places.Length)], month = Months[rng.Next(12)], weapon = Weapons[rng.Next(Weapons.Length)];
            int day = rng.Next(1, 29), k = rng.Next(1, 900), year = rng.Next(1990, 2030);
            sb.Append(rng.Next(4) switch
            {
                3 => $"Fighting raged in {place} in {month} {day} and a half years ago, officials said ({i}). ",
                0 => $"On {month} {day}, {year}, a {weapon} killed {k} people in {place}, officials said. ",
                1 => $"At least {k} civilians were wounded in {place} since {month} {day} ({i}). ",
                _ => $"Air defences shot down {k % 50} drones over {place} {k % 40 + 2} days ago; report {i}.\n\n",
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// The date fallback's per-document budget lifted: these tests measure how the work itself grows; the budget, which
    /// caps it at a linear function of the length, has tests of its own (FallbackBudgetTests).
    /// </summary>
    private static readonly ExtractionOptions Unbounded = new() { PublishedAt = Pub, MaxDateFallbacks = int.MaxValue, DateFallbackTimeLimit = Timeout.InfiniteTimeSpan };

    private static (long Allocated, long Fallback) Measure(ConflictExtractor extractor, string text, bool warm = false)
    {
        extractor.Extract("Warm-up: 3 killed in Kyiv on March 3. Since March 3, 2023, five died.", Unbounded);
        if (warm) extractor.Extract(text, Unbounded); // fill the recognizer cache so both sizes pay the same for it
        long fb0 = RecognizerLayer.Lookups;
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        var r = extractor.Extract(text, Unbounded);
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        ContractCheck.Valid(r, text);
        return (a1 - a0, RecognizerLayer.Lookups - fb0);
    }

    /// <summary>Doubling the input must not more than about double the work; constant work (one huge token) is fine.</summary>
    private static void AssertAtMostDouble(long single, long doubled, string what)
    {
        Assert.True(single > 0, $"{what}: no work counted");
        double ratio = (double)doubled / single;
        Assert.True(ratio is >= 0.9 and <= 2.4, $"{what}: {single} -> {doubled}, ratio {ratio:F2} (expected at most 2.4)");
    }

    private static void AssertAboutDouble(long single, long doubled, string what)
    {
        Assert.True(single > 0, $"{what}: no work counted");
        double ratio = (double)doubled / single;
        Assert.True(ratio is >= 1.6 and <= 2.4, $"{what}: {single} -> {doubled}, ratio {ratio:F2} (expected 1.6..2.4)");
    }

    public static TheoryData<string, string> Pathological() => new()
    {
        { "no-punctuation", string.Concat(Enumerable.Repeat("the drone hit Kharkiv and killed three people near a school on Monday ", 600)) },
        { "killed-repeated", string.Concat(Enumerable.Repeat("killed ", 6000)) },
        { "digits", string.Concat(Enumerable.Repeat("1234567890", 4000)) },
        { "digit-groups", string.Concat(Enumerable.Repeat("1,000 ", 6000)) },
        { "numbers-and-casualties", string.Concat(Enumerable.Repeat("at least 5 killed and 3 wounded in Odesa ", 800)) },
        { "months", string.Concat(Enumerable.Repeat("March ", 6000)) },
        { "since-between", string.Concat(Enumerable.Repeat("since between March Monday ", 1500)) },
        { "places", string.Concat(Enumerable.Repeat("Kharkiv, ", 4000)) },
        { "weapons", string.Concat(Enumerable.Repeat("Shahed drones and Iskander-M missiles ", 1000)) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void RepeatedInputDoubledDoesDoubleWork(string name, string text)
    {
        var (a1, _) = Measure(Extractor, text, warm: true);
        var (a2, _) = Measure(Extractor, text + " " + text, warm: true);
        AssertAtMostDouble(a1, a2, name + " allocated bytes");
    }

    [Fact]
    public void NewsDoubledDoesDoubleWork()
    {
        string one = News(50_000, 7);
        string two = one + News(one.Length, 8);
        var fresh1 = new ConflictExtractor(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));
        var fresh2 = new ConflictExtractor(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));
        var (a1, f1) = Measure(fresh1, one);
        var (a2, f2) = Measure(fresh2, two);
        AssertAboutDouble(f1, f2, "recognizer fallback lookups");
        // Allocations of the analysis stages (tokens, sentences, places, weapons, values), and of the whole pipeline
        // including record building and merging.
        AssertAboutDouble(AnalysisAllocations(one), AnalysisAllocations(two), "analysis allocated bytes");
        AssertAtMostDouble(a1, a2, "whole-pipeline allocated bytes");
    }

    private static long AnalysisAllocations(string text)
    {
        var pipeline = Extractor.Pipeline;
        var options = new ExtractionOptions { PublishedAt = Pub };
        pipeline.Analyze(text, options).Dispose();
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Analyze(text, options).Dispose();
        return GC.GetAllocatedBytesForCurrentThread() - a0;
    }

    [Fact]
    public void RecognizerFallbackIsCalledOnBoundedWindowsOnly()
    {
        // A long run of date triggers with no sentence boundary: each call gets a window of at most 10 tokens / 200 characters
        // (RecognizerLayer.MaxWindowChars), so the lookups are bounded by the triggers (two each at most), and the run finishes.
        string text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{Months[i % 12]} {i % 27 + 1} and a half years ago "));
        var fresh = new ConflictExtractor(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));
        var (_, calls) = Measure(fresh, text);
        Assert.InRange(calls, 1, 2 * 2000 + 4);
    }
}
