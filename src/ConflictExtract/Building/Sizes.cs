namespace ConflictExtract.Building;

/// <summary>Size checks of the per-thread work memory that is kept between documents.</summary>
internal static class Sizes
{
    /// <summary>The largest of <paramref name="sizes"/> (0 when none).</summary>
    public static int Largest(params ReadOnlySpan<int> sizes)
    {
        int largest = 0;
        foreach (int s in sizes) largest = Math.Max(largest, s);
        return largest;
    }
}
