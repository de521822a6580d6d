using System.Text;

namespace ConflictExtract.Tests.Robustness;

/// <summary>
/// Texts built to make the date fallback (Microsoft.Recognizers.Text) slow, every number random so that no cache helps:
/// the shapes of the benchmark's <c>month-slash-dash</c> and <c>month-spaced-numbers</c> generators
/// (benchmarks/ConflictExtract.Benchmarks/WorstCaseRun.cs).
/// </summary>
internal static class AdversarialText
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>About <paramref name="chars"/> characters of "June 27-19/14-7/27 December 20-2/9 ..." from <paramref name="seed"/>.</summary>
    public static string MonthSlashDash(int chars, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(chars + 64);
        while (sb.Length < chars)
        {
            sb.Append(Months[rng.Next(12)]).Append(' ');
            int k = rng.Next(3, 9);
            for (int i = 0; i < k; i++) sb.Append(rng.Next(1, 40)).Append(rng.Next(2) == 0 ? '/' : '-');
            sb.Append(rng.Next(1, 40)).Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// About <paramref name="chars"/> characters of "March 12 345 6 April 7 ...": month names followed by spaced random
    /// numbers. Every window the date fallback makes of it is new (no cache helps) and none is noise, so with the
    /// per-document budget lifted each month costs one Recognizers call.
    /// </summary>
    public static string MonthSpacedNumbers(int chars, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(chars + 64);
        while (sb.Length < chars)
        {
            sb.Append(Months[rng.Next(12)]).Append(' ');
            int k = rng.Next(2, 7);
            for (int i = 0; i < k; i++) sb.Append(rng.Next(1, 3000)).Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>A fresh extractor: its Recognizers cache starts empty, so every window is a real call.</summary>
    public static ConflictExtractor FreshExtractor() =>
        new(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));
}
