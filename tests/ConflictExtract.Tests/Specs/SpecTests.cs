using ConflictExtract.Specs;
using Xunit.Abstractions;

namespace ConflictExtract.Tests.Specs;

/// <summary>
/// Runs every golden spec under tests/Specs/English (copied to the output's Specs/English) through the
/// extractor: one test per spec, named by its id. A spec marked "pending" must fail (strict xfail): when it
/// starts to pass, this test fails so that whoever fixed it removes the mark.
/// </summary>
public sealed class SpecTests(ITestOutputHelper output)
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Specs", "English");
    private static readonly Lazy<(IReadOnlyDictionary<string, SpecCase>? Cases, string? Error)> Loaded = new(Load);

    /// <summary>The id of every spec; a single row "spec-files" when the files break the format.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        var (cases, _) = Loaded.Value;
        if (cases is null) data.Add("spec-files");
        else foreach (var id in cases.Keys) data.Add(id);
        return data;
    }

    [SpecTheory]
    [MemberData(nameof(Ids))]
    public void Spec(string id)
    {
        var (cases, error) = Loaded.Value;
        Assert.True(cases is not null, error);
        var c = cases[id];
        var outcome = SpecScorer.Run(ConflictExtractor.Default, c);
        if (c.Pending is not null)
        {
            if (outcome.Passed) Assert.Fail($"spec {c.Area}/{c.Id} passes now: remove its pending mark ('{c.Pending}')");
            output.WriteLine(outcome.Describe());
            return;
        }
        if (!outcome.Passed) Assert.Fail(outcome.Describe());
    }

    private static (IReadOnlyDictionary<string, SpecCase>?, string?) Load()
    {
        try
        {
            var list = SpecLoader.LoadDirectory(Directory);
            return list.Count == 0 ? (null, $"no specs under {Directory}") : (list.ToDictionary(c => c.Id, StringComparer.Ordinal), null);
        }
        catch (SpecFormatException e)
        {
            return (null, e.Message);
        }
    }
}
