using System.Diagnostics.CodeAnalysis;

namespace ConflictExtract;

internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string field, string why) =>
        throw new ArgumentOutOfRangeException(field, $"{field} {why}.");

    [DoesNotReturn]
    public static void ThrowTooLarge(int length, int max) => throw new DocumentTooLargeException(length, max);
}
