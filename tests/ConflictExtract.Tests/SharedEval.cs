namespace ConflictExtract.Tests;

/// <summary>Finds ../shared/eval beside the repository (present on developer machines and in CI), read at run time only.</summary>
internal static class SharedEval
{
    public static string? DevDir { get; } = Find();

    private static string? Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!File.Exists(Path.Combine(d.FullName, "ConflictExtract.sln"))) continue;
            string dev = Path.Combine(d.FullName, "..", "shared", "eval", "dev");
            return Directory.Exists(dev) ? Path.GetFullPath(dev) : null;
        }
        return null;
    }
}
