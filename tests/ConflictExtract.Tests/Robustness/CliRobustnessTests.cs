using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConflictExtract.Cli;

namespace ConflictExtract.Tests.Robustness;

/// <summary>The CLI never loses data: bad inputs are reported on stderr with their location, every other document is written, exit code 1; --output is atomic.</summary>
public class CliRobustnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ce-robust-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new StringReader(""), o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static List<string?> Ids(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("documentId").GetString()).ToList();

    private static string Line(string id, string text, string? pub = "2024-01-05") =>
        JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = id, ["text"] = text, ["publishedAt"] = pub });

    [Fact]
    public void BadLinesOversizeAndUnreadableFilesAreReportedAndEverythingElseIsWritten()
    {
        string big = new('x', 1_000_001);
        string jsonl = Path.Combine(_dir, "mixed.jsonl");
        File.WriteAllLines(jsonl,
        [
            Line("a", "Russian shelling of Kherson killed two people."),
            "{\"id\": \"broken\", \"text\": \"unterminated",                       // line 2: bad JSON
            Line("big", big),                                                      // line 3: over the 1,000,000-character limit
            "[1, 2, 3]",                                                           // line 4: not an object
            Line("b", "Drones hit Sumy, wounding 4.", "2024-02-30"),               // line 5: impossible date
            "",                                                                    // blank lines are skipped
            Line("c", "\u0000\uD800 <b>killed</b> 💥 in Odesa"),                   // odd text is fine
            "\u00FF\u00FE garbage \u0001",                                          // line 8: not JSON
            Line("d", "A missile struck Dnipro on Monday, killing 3."),
        ]);
        string dirAsTxt = Path.Combine(_dir, "folder.txt");
        Directory.CreateDirectory(dirAsTxt);                                       // exists but cannot be read as a file
        string dirAsJsonl = Path.Combine(_dir, "folder.jsonl");
        Directory.CreateDirectory(dirAsJsonl);
        string bigTxt = Path.Combine(_dir, "big.txt");
        File.WriteAllText(bigTxt, big);
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Two people were killed in Kharkiv.");
        string badUtf8 = Path.Combine(_dir, "badutf8.txt");
        File.WriteAllBytes(badUtf8, [0xC3, 0x28, 0xFF, 0xFE, 0x20, (byte)'k', (byte)'i', (byte)'l', (byte)'l', (byte)'e', (byte)'d']);

        var (code, stdout, stderr) = Run("extract", jsonl, dirAsTxt, dirAsJsonl, bigTxt, good, badUtf8, Path.Combine(_dir, "missing.txt"), "--format", "jsonl", "--threads", "3");

        Assert.Equal(1, code);
        Assert.Equal(["a", "c", "d", "good", "badutf8"], Ids(stdout));
        foreach (var location in new[] { "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4", "mixed.jsonl:5", "mixed.jsonl:8", "folder.txt", "folder.jsonl", "big.txt", "missing.txt" })
            Assert.Contains(location, stderr);
        Assert.Contains("1,000,001", stderr); // the oversize message names the size
        Assert.Equal(9, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void JsonArrayOutputStaysValidWhenSomeDocumentsFail()
    {
        string jsonl = Path.Combine(_dir, "in.jsonl");
        File.WriteAllLines(jsonl, [Line("a", "Five were killed in Kyiv."), "not json", Line("b", "Quiet.")]);
        string output = Path.Combine(_dir, "out.json");
        var (code, stdout, stderr) = Run("extract", jsonl, "--output", output);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("in.jsonl:2", stderr);
        var arr = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        Assert.Equal(2, arr.GetArrayLength());
    }

    private static string CliDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "conflict-extract.dll");
        Assert.True(File.Exists(dll), dll);
        return dll;
    }

    [Fact]
    public void KilledMidRunLeavesThePreviousOutputWhole()
    {
        // A large input so the run takes a few seconds; the child is killed while it is writing the temporary file.
        string input = Path.Combine(_dir, "large.jsonl");
        using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (int i = 0; i < 30_000; i++)
                w.WriteLine(Line("d" + i, $"At least {i % 300} people were killed when a Shahed drone hit an apartment block in Odesa on March {i % 28 + 1}, officials said. Document {i}."));
        }
        string output = Path.Combine(_dir, "result.json");
        const string previous = "[{\"previous\":\"complete version\"}]\n";
        File.WriteAllText(output, previous);

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { CliDll(), "extract", input, "--output", output, "--threads", "1" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var clock = Stopwatch.StartNew();
        bool sawTemp = false;
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var temps = Directory.GetFiles(_dir, ".result.json.*.tmp");
            if (temps.Length > 0 && new FileInfo(temps[0]).Length > 4096) { sawTemp = true; break; }
            Thread.Sleep(20);
        }
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        Assert.True(sawTemp, "the run was killed while writing (it finished too fast to test otherwise)");
        // The target is the previous complete version, never a partial file.
        Assert.Equal(previous, File.ReadAllText(output));

        // A complete run then replaces it whole.
        var (code, _, _) = Run("extract", input, "--output", output, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(30_000, JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetArrayLength());
    }

    [Fact]
    public void KilledMidRunWithNoPreviousOutputLeavesNoTargetFile()
    {
        string input = Path.Combine(_dir, "large.jsonl");
        using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (int i = 0; i < 30_000; i++)
                w.WriteLine(Line("d" + i, $"Air defences shot down {i % 40} of {i % 40 + 3} drones over Kyiv overnight; {i % 7} people were hurt. Ref {i}."));
        }
        string output = Path.Combine(_dir, "fresh.json");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { CliDll(), "extract", input, "--output", output, "--threads", "1", "--format", "jsonl" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var temps = Directory.GetFiles(_dir, ".fresh.json.*.tmp");
            if (temps.Length > 0 && new FileInfo(temps[0]).Length > 4096) break;
            Thread.Sleep(20);
        }
        bool killed = !p.HasExited;
        if (killed) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        Assert.True(killed, "the run was killed mid-way");
        Assert.False(File.Exists(output), "no partial target file");
    }
}
