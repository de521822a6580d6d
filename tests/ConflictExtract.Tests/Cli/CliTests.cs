using System.Text.Json;
using ConflictExtract.Cli;

namespace ConflictExtract.Tests.Cli;

public class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ce-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new StringReader("Drones attacked Odesa on Monday, killing a man."), o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void BadJsonlLineIsReportedAndOthersAreWritten()
    {
        string input = Path.Combine(_dir, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "text": "Russian shelling of Kherson killed two people.", "publishedAt": "2024-01-05"}""",
            """{"id": "b", "text": oops""",
            """{"id": "c"}""",
            """{"id": "d", "text": "Drones hit Sumy.", "publishedAt": "2024-13-45"}""",
            """{"id": "e", "text": "Drones hit Sumy.", "publishedAt": null}""",
        ]);
        var (code, stdout, stderr) = Run("extract", input, "--format", "jsonl");
        Assert.Equal(1, code);
        var ids = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("documentId").GetString()).ToList();
        Assert.Equal(["a", "e"], ids);
        Assert.Contains("in.jsonl:2", stderr);
        Assert.Contains("in.jsonl:3", stderr);
        Assert.Contains("in.jsonl:4", stderr);
    }

    [Fact]
    public void TxtFileAndStdinAsJsonArray()
    {
        string input = Path.Combine(_dir, "report-1.txt");
        File.WriteAllText(input, "A missile hit Dnipro on Friday.");
        var (code, stdout, _) = Run("extract", input, "-", "--published", "2024-02-09");
        Assert.Equal(0, code);
        var arr = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, arr.GetArrayLength());
        Assert.Equal("report-1", arr[0].GetProperty("documentId").GetString());
        Assert.Equal("2024-02-09", arr[1].GetProperty("publishedAt").GetString());
    }

    [Theory]
    [InlineData("extract", "x.txt", "--format", "xml")]
    [InlineData("extract", "x.txt", "--published", "yesterday")]
    [InlineData("extract")]
    [InlineData("nonsense")]
    public void UsageErrorsExitTwo(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void MissingFileIsReportedWithExitOne()
    {
        var (code, stdout, stderr) = Run("extract", Path.Combine(_dir, "nope.txt"), "--format", "jsonl");
        Assert.Equal(1, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("nope.txt", stderr);
    }

    [Fact]
    public void OutputFileIsWrittenWhole()
    {
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Shelling of Kherson.");
        string output = Path.Combine(_dir, "out", "result.json");
        var (code, stdout, _) = Run("extract", input, "--output", output);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetArrayLength());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [Fact]
    public void StatsGoToStandardError()
    {
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Shelling of Kherson killed two people.");
        var (code, stdout, stderr) = Run("extract", input, "--stats", "--format", "jsonl");
        Assert.Equal(0, code);
        Assert.Contains("documents=1", stderr);
        Assert.Contains("words=6", stderr);
        Assert.DoesNotContain("documents=", stdout);
    }

    [Fact]
    public void StatsReportMemoryAndCollections()
    {
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Shelling of Kherson killed two people.");
        var (_, _, stderr) = Run("extract", input, "--stats");
        Assert.Matches(@"peak_memory_mb=\d+\.\d allocated_mb=\d+\.\d gc_collections=\d+/\d+/\d+ gc_pause_seconds=\d+\.\d{3}", stderr);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void ThreadCountChangesNeitherOutputNorItsOrder(string format)
    {
        string input = Path.Combine(_dir, "many.jsonl");
        var lines = new List<string>();
        string[] towns = ["Kherson", "Sumy", "Odesa", "Kharkiv", "Zaporizhzhia", "Dnipro"];
        for (int i = 0; i < 30; i++)
        {
            lines.Add(i == 11
                ? """{"id": "broken", "text": """
                : $$"""{"id": "d{{i}}", "text": "Russian shelling of {{towns[i % towns.Length]}} killed {{i % 7 + 1}} people and injured {{i}} others on Monday.", "publishedAt": "2024-03-0{{i % 9 + 1}}"}""");
        }
        File.WriteAllLines(input, lines);
        var one = Run("extract", input, "--format", format, "--threads", "1");
        var three = Run("extract", input, "--format", format, "--threads", "3");
        Assert.Equal(1, one.Code);
        Assert.Equal(one.Out, three.Out);
        Assert.Equal(one.Err, three.Err);
        Assert.Contains("many.jsonl:12", one.Err);
        var ids = format == "jsonl"
            ? one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("documentId").GetString()).ToList()
            : JsonDocument.Parse(one.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("documentId").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i != 11).Select(i => "d" + i), ids);
    }
}
