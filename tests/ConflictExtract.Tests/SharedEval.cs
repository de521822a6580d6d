using System.Text.Json;

namespace ConflictExtract.Tests;

/// <summary>Finds ../shared/eval beside the repository (present on developer machines and in CI), read at run time only.</summary>
internal static class SharedEval
{
    public static string? DevDir { get; } = Find();

    /// <summary>The (name, admin1) of every strike and casualty location in one gold file.</summary>
    public static IEnumerable<(string Name, string? Admin1)> GoldLocations(string goldFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(goldFile));
        var result = new List<(string, string?)>();
        foreach (var arr in new[] { "strikes", "casualties" })
        {
            if (!doc.RootElement.TryGetProperty(arr, out var items) || items.ValueKind != JsonValueKind.Array) continue;
            foreach (var it in items.EnumerateArray())
            {
                if (!it.TryGetProperty("location", out var loc) || loc.ValueKind != JsonValueKind.Object) continue;
                string? name = loc.TryGetProperty("name", out var n) ? n.GetString() : null;
                string? a1 = loc.TryGetProperty("admin1", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                if (name is not null) result.Add((name, a1));
            }
        }
        return result;
    }

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
