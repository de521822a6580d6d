using System.Text.Json;
using ConflictExtract.Cli;
using static ConflictExtract.Tests.Cli.CliHarness;

namespace ConflictExtract.Tests.Cli;

/// <summary>Issue 17, item 2: progress on standard error for a terminal, on request otherwise, never with --quiet.</summary>
public class CliProgressTests
{
    private static string Batch(int n) => string.Join('\n', Enumerable.Range(0, n).Select(i => Line("d" + i, $"Drones hit Sumy on Monday, injuring {i + 1} people.")));

    private static readonly string[] Extract = ["extract", "-", "--input-format", "jsonl", "--format", "jsonl"];

    [Fact]
    public void OnATerminalABarIsDrawnOnStandardErrorAndTheOutputIsUntouched()
    {
        var r = Run(Extract, Batch(12), terminal: true);
        Assert.Equal(0, r.Code);
        Assert.Contains("\u001b[", r.Err, StringComparison.Ordinal);            // drawn with terminal escapes
        Assert.Contains("12 documents", r.Err);
        Assert.Contains("docs/s", r.Err);
        Assert.Contains("conflict-extract: 12 documents in", r.Err);
        Assert.Equal(12, Lines(r.Out).Count);
        Assert.DoesNotContain("\u001b", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RedirectedStandardErrorGetsNoProgressUnlessAsked()
    {
        var silent = Run(Extract, Batch(5));
        Assert.Equal("", silent.Err);
        var asked = Run([.. Extract, "--progress"], Batch(5));
        Assert.Equal(0, asked.Code);
        Assert.Contains("conflict-extract: 5 documents in", asked.Err);
        Assert.DoesNotContain("\u001b", asked.Err, StringComparison.Ordinal);   // plain lines for a log
    }

    [Fact]
    public void QuietSilencesProgressButNotErrors()
    {
        var r = Run([.. Extract, "--quiet"], Batch(3) + "\nnot json\n", terminal: true);
        Assert.Equal(CliApp.SomeFailed, r.Code);
        Assert.Equal("conflict-extract: -:4: bad JSON", r.Err.Split('\n')[0][..31]);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ProgressAndQuietExcludeEachOther() =>
        Assert.Equal(CliApp.Usage, Run([.. Extract, "--progress", "--quiet"], Batch(1)).Code);

    [Fact]
    public void ErrorsAppearAboveALiveBar()
    {
        var r = Run(Extract, Batch(2) + "\n{\"id\": 1}\n", terminal: true);
        Assert.Equal(CliApp.SomeFailed, r.Code);
        Assert.Contains("-:3: missing \"text\"", r.Err);
        Assert.Contains("(1 failed)", r.Err);
    }

    [Fact]
    public void ProgressOfFilesCountsBytesTowardsAShare()
    {
        string dir = Directory.CreateTempSubdirectory("ce-progress-").FullName;
        try
        {
            string path = Path.Combine(dir, "in.jsonl");
            File.WriteAllText(path, Batch(6) + "\n");
            var r = Run(["extract", path, "--format", "jsonl"], terminal: true);
            Assert.Equal(0, r.Code);
            Assert.Contains("100%", r.Err);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void StatsNameTheThreadsUsed()
    {
        var r = Run([.. Extract, "--stats", "--threads", "1"], Batch(2));
        Assert.Contains("threads=1 ", r.Err);
        Assert.Equal(2, Lines(r.Out).Count);
        _ = JsonDocument.Parse(Lines(r.Out)[0].GetRawText());
    }
}
