using System.Text;
using System.Text.Json;
using ConflictExtract.Cli;
using static ConflictExtract.Tests.Cli.CliHarness;

namespace ConflictExtract.Tests.Cli;

/// <summary>Issue 17, item 4: <c>extract - --input-format jsonl --format jsonl</c> as a filter, per partition.</summary>
public class CliFilterTests
{
    private static readonly string[] Filter = ["extract", "-", "--input-format", "jsonl", "--format", "jsonl", "--errors", "inline"];

    /// <summary>A corpus of our own sentences with a few bad lines (bad JSON, no text, a bad date, a numeric id).</summary>
    private static List<string> Corpus()
    {
        string[] towns = ["Kherson", "Sumy", "Odesa", "Kharkiv", "Dnipro", "Mykolaiv", "Zaporizhzhia", "Poltava"];
        string[] weapons = ["Shahed drones", "Iskander-M missiles", "guided bombs", "artillery"];
        var lines = new List<string>();
        for (int i = 0; i < 90; i++)
        {
            lines.Add((i % 23) switch
            {
                5 => "{\"id\": \"broken" + i + "\", \"text\": ",
                11 => "{\"id\": \"notext" + i + "\"}",
                17 => Line("baddate" + i, "Drones hit Sumy.", "2024-02-30"),
                19 => Line(i, $"Shelling of {towns[i % towns.Length]} wounded {i % 9 + 1} people on Monday."),
                _ => Line("d" + i, $"Russian forces attacked {towns[i % towns.Length]} with {weapons[i % weapons.Length]} on Sunday, killing {i % 5 + 1} people and injuring {i % 13 + 2}. Note {i}.", $"2024-06-{i % 28 + 1:00}"),
            });
        }
        return lines;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void PartitionsRunSeparatelyAndConcatenatedEqualOneRunByteForByte(int parts)
    {
        var lines = Corpus();
        var whole = Run(Filter, string.Join('\n', lines) + "\n");
        Assert.Equal(0, whole.Code);
        Assert.Equal(lines.Count, Lines(whole.Out).Count); // every line is a record: none lost
        var joined = new StringBuilder();
        int size = (lines.Count + parts - 1) / parts;
        for (int p = 0; p < parts; p++)
        {
            var part = lines.Skip(p * size).Take(size).ToList();
            var r = Run(Filter, part.Count == 0 ? "" : string.Join('\n', part) + "\n");
            Assert.Equal(0, r.Code);
            joined.Append(r.Out);
        }
        Assert.Equal(whole.Out, joined.ToString());
    }

    [Fact]
    public void ABadLineBecomesAnErrorRecordInItsPlace()
    {
        string input = string.Join('\n', Line("a", "Drones hit Sumy."), "{\"id\": \"b\", \"text\": ", "{\"id\": \"c\"}", Line("d", "Drones hit Sumy.", "2024-13-01"), Line("e", "Drones hit Sumy."));
        var r = Run(Filter, input);
        Assert.Equal(CliApp.Ok, r.Code); // the errors are in the data, so a partition's task does not fail
        var records = Lines(r.Out);
        Assert.Equal(5, records.Count);
        Assert.Equal("a", records[0].GetProperty("documentId").GetString());
        Assert.False(records[0].TryGetProperty("error", out _));
        var bad = records[1];
        Assert.Equal(1, bad.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("documentId").ValueKind);
        Assert.Equal("bad-json", bad.GetProperty("error").GetProperty("kind").GetString());
        Assert.StartsWith("bad JSON", bad.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(["schemaVersion", "documentId", "error"], bad.EnumerateObject().Select(p => p.Name));
        Assert.Equal("c", records[2].GetProperty("documentId").GetString());
        Assert.Equal("missing-text", records[2].GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("invalid-date", records[3].GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("e", records[4].GetProperty("documentId").GetString());
        // Diagnostics still go to standard error, with the line number.
        Assert.Contains("-:2: bad JSON", r.Err);
        Assert.Contains("-:3: missing \"text\"", r.Err);
        // Without --errors inline the line is reported only, and the exit code says so.
        var report = Run(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"], input);
        Assert.Equal(CliApp.SomeFailed, report.Code);
        Assert.Equal(2, Lines(report.Out).Count);
    }

    [Fact]
    public void InlineErrorsInAJsonArray()
    {
        var r = Run(["extract", "-", "--input-format", "jsonl", "--errors", "inline"], Line("a", "Drones hit Sumy.") + "\nnot json\n");
        Assert.Equal(0, r.Code);
        var arr = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(2, arr.GetArrayLength());
        Assert.Equal("bad-json", arr[1].GetProperty("error").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("geojson")]
    [InlineData("html")]
    public void InlineErrorsNeedAJsonFormat(string format) =>
        Assert.Equal(CliApp.Usage, Run(["extract", "-", "--format", format, "--errors", "inline"], "x").Code);

    [Fact]
    public void TheFilterWritesNoFileAndOnlyRecordsToStandardOutput()
    {
        string work = Directory.CreateTempSubdirectory("ce-filter-cwd-").FullName;
        string tmp = Directory.CreateTempSubdirectory("ce-filter-tmp-").FullName;
        try
        {
            var lines = Corpus().Take(30).ToList();
            var r = CliProcess.Run(Filter, stdin: string.Join('\n', lines) + "\n", workingDirectory: work,
                env: new Dictionary<string, string> { ["TMPDIR"] = tmp, ["DOTNET_CLI_HOME"] = tmp });
            Assert.Equal(0, r.Code);
            Assert.Empty(Directory.GetFileSystemEntries(work));
            // The runtime's own diagnostics endpoints (clr-debug-pipe, dotnet-diagnostic) may live there; nothing of ours.
            Assert.DoesNotContain(Directory.GetFileSystemEntries(tmp), e => !Path.GetFileName(e).StartsWith("clr-debug-pipe", StringComparison.Ordinal) && !Path.GetFileName(e).StartsWith("dotnet-diagnostic", StringComparison.Ordinal) && !Path.GetFileName(e).StartsWith(".dotnet", StringComparison.Ordinal));
            Assert.Equal(30, Lines(r.Out).Count);
            Assert.Contains("-:6: bad JSON", r.Err);
        }
        finally
        {
            Directory.Delete(work, true);
            Directory.Delete(tmp, true);
        }
    }
}
