using ConflictExtract.Cli;
using static ConflictExtract.Tests.Cli.CliHarness;

namespace ConflictExtract.Tests.Cli;

/// <summary>Issue 17, item 3: help, unknown options, ids, reading JSONL from standard input, the usage line.</summary>
public class CliFixTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ce-cli-fix-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ExtractHelpShowsEveryOptionAndExitsZero()
    {
        var r = Run(["extract", "--help"]);
        Assert.Equal(0, r.Code);
        foreach (var option in new[] { "--input-format", "--published", "--format", "--pretty", "--output", "--errors", "--threads", "--progress", "--quiet", "--stats" })
            Assert.Contains(option, r.Out);
        Assert.Equal("", r.Err);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--thread")]
    [InlineData("-x")]
    public void AnUnknownOptionIsAUsageErrorNotAFileName(string option)
    {
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Drones hit Sumy.");
        var r = Run(["extract", input, option]);
        Assert.Equal(CliApp.Usage, r.Code);
        Assert.Contains($"unknown option '{option}'", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void AFileNamedLikeAnOptionIsReadAfterTheDoubleDash()
    {
        string input = Path.Combine(_dir, "-odd.txt");
        File.WriteAllText(input, "Drones hit Sumy.");
        var r = Run(["extract", "--format", "jsonl", "--", input]);
        Assert.Equal(0, r.Code);
        Assert.Equal("-odd", Lines(r.Out)[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public void NumericIdsAreAcceptedAndOtherKindsAreRefusedInPlainWords()
    {
        string jsonl = string.Join('\n',
            """{"id": 42, "text": "Drones hit Sumy."}""",
            """{"id": -7.5e2, "text": "Drones hit Sumy."}""",
            """{"id": {"n": 1}, "text": "Drones hit Sumy."}""",
            """{"id": true, "text": "Drones hit Sumy."}""",
            """{"id": "x", "text": 12}""",
            """{"id": "y", "text": "Drones hit Sumy.", "publishedAt": 20240101}""");
        var r = Run(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"], jsonl);
        Assert.Equal(1, r.Code);
        Assert.Equal(["42", "-7.5e2"], Lines(r.Out).Select(e => e.GetProperty("documentId").GetString()));
        Assert.Contains("-:3: \"id\" must be a string or a number", r.Err);
        Assert.Contains("-:4: \"id\" must be a string or a number", r.Err);
        Assert.Contains("-:5: \"text\" must be a string", r.Err);
        Assert.Contains("-:6: \"publishedAt\" must be a string", r.Err);
        Assert.DoesNotMatch("System\\.|JsonElement|InputDocument|Nullable|String\\b|Int32|ConflictExtract", r.Err);
    }

    [Fact]
    public void JsonlComesFromStandardInputWithInputFormat()
    {
        string jsonl = Line("a", "Shelling of Kherson killed two people.") + "\n\n" + Line("b", "Drones hit Sumy.") + "\n";
        var r = Run(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"], jsonl);
        Assert.Equal(0, r.Code);
        Assert.Equal(["a", "b"], Lines(r.Out).Select(e => e.GetProperty("documentId").GetString()));
        // Without it standard input is one text document.
        var txt = Run(["extract", "-", "--format", "jsonl"], jsonl);
        Assert.Equal(["stdin"], Lines(txt.Out).Select(e => e.GetProperty("documentId").GetString()));
    }

    [Fact]
    public void InputFormatOverridesTheExtension()
    {
        string asText = Path.Combine(_dir, "notes.jsonl");
        File.WriteAllText(asText, "Shelling of Kherson killed two people.");
        var r = Run(["extract", asText, "--input-format", "txt", "--format", "jsonl"]);
        Assert.Equal(0, r.Code);
        Assert.Equal("notes", Lines(r.Out)[0].GetProperty("documentId").GetString());
        string asJsonl = Path.Combine(_dir, "batch.txt");
        File.WriteAllText(asJsonl, Line("z", "Drones hit Sumy.") + "\n");
        var j = Run(["extract", asJsonl, "--input-format", "jsonl", "--format", "jsonl"]);
        Assert.Equal("z", Lines(j.Out)[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public void TheUsageLineNamesEveryOption()
    {
        var r = Run(["extract"]);
        Assert.Equal(CliApp.Usage, r.Code);
        foreach (var option in new[] { "--threads", "--input-format", "--format json|jsonl|csv|geojson|html", "--errors", "--progress", "--quiet", "--pretty" })
            Assert.Contains(option, r.Err);
    }
}

/// <summary>What the library reports about a document (a spent date-fallback budget) reaches standard error, never the output.</summary>
public class CliDiagnosticTests
{
    [Fact]
    public void ASpentDateBudgetIsReportedOnStandardError()
    {
        string text = Robustness.AdversarialText.MonthSpacedNumbers(9_000, 9_000);
        var r = CliHarness.Run(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"], CliHarness.Line("d1", text) + "\n");
        Assert.Equal(0, r.Code);
        Assert.Contains("note:", r.Err, StringComparison.Ordinal);
        Assert.Contains("MaxDateFallbacks", r.Err, StringComparison.Ordinal);
        Assert.Single(CliHarness.Lines(r.Out)); // the document is still written, once
        Assert.DoesNotContain("note:", r.Out, StringComparison.Ordinal);
    }
}
