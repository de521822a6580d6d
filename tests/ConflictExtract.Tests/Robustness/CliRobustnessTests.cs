using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConflictExtract.Cli;
using ConflictExtract.Tests.Cli;

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

    // ---- Issue 16, the tool as a process ----

    private static string Corpus(string path, int documents, int badEvery = 0)
    {
        string[] towns = ["Kherson", "Sumy", "Odesa", "Kharkiv", "Dnipro", "Mykolaiv", "Poltava"];
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < documents; i++)
        {
            if (badEvery > 0 && i % badEvery == badEvery - 1) { w.WriteLine("{\"id\": \"bad" + i + "\", \"text\": "); continue; }
            w.WriteLine(Line("d" + i, $"Russian artillery shelled {towns[i % towns.Length]} on Friday, killing {i % 6 + 1} residents and wounding {i % 11 + 2}. Item {i}.", $"2024-04-{i % 28 + 1:00}"));
        }
        return path;
    }

    [Fact]
    public void ALineLongerThanAnyDocumentIsSkippedUnreadAndItsNeighboursAreWritten()
    {
        // 150 MB of text on one line, under a 512 MB heap limit: held whole (as a string it is 300 MB, plus the reader's
        // buffers) it cannot fit; skipped while it is read, it costs nothing.
        string path = Path.Combine(_dir, "huge.jsonl");
        using (var f = new FileStream(path, FileMode.Create))
        {
            f.Write(Encoding.UTF8.GetBytes(Line("before", "Russian drones struck Sumy on Monday, injuring three people.") + "\n"));
            f.Write("{\"id\": \"huge\", \"text\": \""u8);
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (int i = 0; i < 150; i++) f.Write(chunk);
            f.Write("\"}\n"u8);
            f.Write(Encoding.UTF8.GetBytes(Line("after", "Shelling of Kherson killed two people.") + "\n"));
        }
        var r = CliProcess.Run(["extract", path, "--format", "jsonl"], env: new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" });
        Assert.Equal(1, r.Code);
        Assert.Equal(["before", "after"], Ids(r.Out));
        Assert.Contains("huge.jsonl:2", r.Err);
        Assert.Contains("skipped unread", r.Err);
    }

    [Fact]
    public void ThreadsAreCappedAtTheCoresAndAtTheDocuments()
    {
        string a = Path.Combine(_dir, "a.txt"), b = Path.Combine(_dir, "b.txt");
        File.WriteAllText(a, "Shelling of Kherson killed two people.");
        File.WriteAllText(b, "Drones hit Sumy.");
        var two = CliProcess.Run(["extract", a, b, "--threads", "100000", "--stats", "--format", "jsonl"]);
        Assert.Equal(0, two.Code);
        Assert.Equal(["a", "b"], Ids(two.Out));
        Assert.Contains($"threads={Math.Min(Environment.ProcessorCount, 2)} ", two.Err);
        string jsonl = Corpus(Path.Combine(_dir, "c.jsonl"), 5);
        var many = CliProcess.Run(["extract", jsonl, "--threads", "10000", "--stats", "--format", "jsonl"]);
        Assert.Equal(0, many.Code);
        Assert.Equal(5, Ids(many.Out).Count);
        Assert.Contains($"threads={Environment.ProcessorCount} ", many.Err);
        var help = Run("extract", "--help");
        Assert.Matches("--threads[^\n]*[Cc]apped at the core count", help.Out.ReplaceLineEndings(" ").Replace("  ", " "));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1799-12-31")]
    public void PublishedOutsideTheLibrarysRangeIsAUsageError(string date)
    {
        string a = Path.Combine(_dir, "a.txt");
        File.WriteAllText(a, "Shelling of Kherson killed two people on Monday.");
        var r = CliProcess.Run(["extract", a, "--published", date]);
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.Contains("1800", r.Err);
        Assert.Contains("--published", r.Err);
    }

    [Fact]
    public void LoneSurrogateEscapesAreReadAsReplacementCharacters()
    {
        string path = Path.Combine(_dir, "surrogates.jsonl");
        // Python's json.dumps writes a lone surrogate as \ud800; the line is valid JSON.
        File.WriteAllLines(path,
        [
            """{"id": "high", "text": "Russian missiles struck Odesa\ud800 on Monday, killing two people.", "publishedAt": "2024-01-10"}""",
            """{"id": "low", "text": "\udc00\udc01 A drone hit Kharkiv overnight.", "publishedAt": "2024-01-10"}""",
            """{"id": "pair", "text": "Shelling of Kherson \ud83d\udca5 killed three.", "publishedAt": "2024-01-10"}""",
        ]);
        var (code, stdout, stderr, _) = CliProcess.Run(["extract", path, "--format", "jsonl"]);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(["high", "low", "pair"], Ids(stdout));
        string[] texts =
        [
            "Russian missiles struck Odesa\uFFFD on Monday, killing two people.",
            "\uFFFD\uFFFD A drone hit Kharkiv overnight.",
            "Shelling of Kherson \U0001F4A5 killed three.",
        ];
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bool sawAfterReplacement = false; // a span after a replacement character: its offsets count the character
        for (int i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            foreach (var list in new[] { "strikes", "casualties", "weapons" })
                foreach (var record in doc.RootElement.GetProperty(list).EnumerateArray())
                    foreach (var span in record.GetProperty("evidence").EnumerateArray())
                    {
                        int start = span.GetProperty("start").GetInt32(), end = span.GetProperty("end").GetInt32();
                        Assert.Equal(texts[i][start..end], span.GetProperty("text").GetString());
                        int replacement = texts[i].IndexOf('\uFFFD', StringComparison.Ordinal);
                        sawAfterReplacement |= replacement >= 0 && replacement < start;
                    }
        }
        Assert.True(sawAfterReplacement, "some evidence span lies after a replacement character");
    }

    [Fact]
    public void OutputToADirectoryIsRefusedBeforeAnyWork()
    {
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 3);
        var r = CliProcess.Run(["extract", input, "--output", _dir, "--stats"]);
        Assert.Equal(2, r.Code);
        Assert.Contains("directory", r.Err);
        Assert.DoesNotContain("documents=", r.Err); // no work was done
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData(15, 143)] // SIGTERM
    [InlineData(2, 130)]  // SIGINT (Ctrl-C)
    public void ASignalRemovesTheTemporaryFileAndKeepsThePreviousOutput(int signal, int expectedCode)
    {
        string input = Corpus(Path.Combine(_dir, "large.jsonl"), 40_000);
        string output = Path.Combine(_dir, "result.json");
        const string previous = "[{\"previous\":\"complete version\"}]\n";
        File.WriteAllText(output, previous);
        using var p = CliProcess.Start("extract", input, "--output", output, "--threads", "1");
        var clock = Stopwatch.StartNew();
        bool sawTemp = false;
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var temps = Directory.GetFiles(_dir, ".result.json.*.tmp");
            if (temps.Length > 0 && new FileInfo(temps[0]).Length > 4096) { sawTemp = true; break; }
            Thread.Sleep(20);
        }
        Assert.True(sawTemp, "the run was signalled while writing");
        CliProcess.Signal(p, signal);
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(expectedCode, p.ExitCode);
        Assert.Empty(Directory.GetFiles(_dir, ".result.json.*.tmp"));
        Assert.Equal(previous, File.ReadAllText(output));
    }

    [Fact]
    public void AStaleTemporaryFileOfAKilledRunIsRemovedByTheNextRunAndALiveOneIsNot()
    {
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 4);
        string output = Path.Combine(_dir, "result.json");
        string stale = Path.Combine(_dir, ".result.json.999999.0badf00d.tmp");
        File.WriteAllText(stale, "[{\"half\":");
        string live = Path.Combine(_dir, ".result.json.1.feedbeef.tmp");
        using (var held = new FileStream(live, FileMode.Create, FileAccess.Write, FileShare.None)) // a run still writing holds its file
        {
            var (code, _, _, _) = CliProcess.Run(["extract", input, "--output", output]);
            Assert.Equal(0, code);
            Assert.False(File.Exists(stale), "the stale temporary file was removed");
            Assert.True(File.Exists(live), "a file another run holds is left alone");
        }
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetArrayLength());
    }

    [Fact]
    public void AFullDiskIsReportedWithANonZeroExit()
    {
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 3);
        var r = CliProcess.Run(["extract", input], shell: ">/dev/full");
        Assert.Equal(CliApp.OutputFailed, r.Code);
        Assert.Contains("No space left on device", r.Err);
        Assert.DoesNotContain("Unhandled", r.Err);
    }

    [Fact]
    public void AClosedStandardOutputIsReportedWithANonZeroExit()
    {
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 3);
        var r = CliProcess.Run(["extract", input], shell: "1>&-");
        Assert.Equal(CliApp.OutputFailed, r.Code);
        Assert.Contains("standard output is closed", r.Err);
        Assert.DoesNotContain("Unhandled", r.Err);
    }

    [Fact]
    public void ABrokenPipeEndsQuietlyButNotWithZero()
    {
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 3000);
        string status = Path.Combine(_dir, "status");
        var r = CliProcess.Run(["extract", input, "--format", "jsonl"], shell: $"| head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}} > {CliProcess.Quote(status)}");
        // `exec` is not applied to a pipeline's first command, so read its own status from PIPESTATUS.
        int code = int.Parse(File.ReadAllText(status).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, code);
        Assert.Equal(141, code);
        Assert.DoesNotContain("Unhandled", r.Err);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("jsonl")]
    public void AClosedStandardInputIsReadAsEmpty(string inputFormat)
    {
        var r = CliProcess.Run(["extract", "-", "--input-format", inputFormat, "--format", "jsonl"], shell: "<&-", timeoutSeconds: 60);
        Assert.False(r.TimedOut, "the run ended by itself");
        Assert.Equal(0, r.Code);
        if (inputFormat == "txt")
        {
            using var doc = JsonDocument.Parse(r.Out.Trim());
            Assert.Equal("stdin", doc.RootElement.GetProperty("documentId").GetString());
            Assert.Equal(0, doc.RootElement.GetProperty("strikes").GetArrayLength());
        }
        else Assert.Equal("", r.Out);
    }

    [Fact]
    public void AKilledRunsTemporaryFileIsRemovedByTheNextRun()
    {
        string input = Corpus(Path.Combine(_dir, "large.jsonl"), 40_000);
        string output = Path.Combine(_dir, "result.json");
        using (var p = CliProcess.Start("extract", input, "--output", output, "--threads", "1"))
        {
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && Directory.GetFiles(_dir, ".result.json.*.tmp").Length == 0) Thread.Sleep(20);
            p.Kill(entireProcessTree: true); // SIGKILL: nothing can clean up
            p.WaitForExit();
        }
        Assert.NotEmpty(Directory.GetFiles(_dir, ".result.json.*.tmp"));
        string small = Corpus(Path.Combine(_dir, "small.jsonl"), 2);
        var (code, _, _, _) = CliProcess.Run(["extract", small, "--output", output]);
        Assert.Equal(0, code);
        Assert.Empty(Directory.GetFiles(_dir, ".result.json.*.tmp"));
    }

    [Fact]
    public void OutputToAFileSharedWithTheNextCommandIsNotOverwritten()
    {
        // `{ tool; echo; } > file`: the tool must advance the descriptor's shared offset, or the echo writes over it.
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Shelling of Kherson killed two people.");
        string file = Path.Combine(_dir, "shared.txt");
        var r = CliProcess.Run(["extract", input, "--format", "jsonl"], shell: $"; echo AFTER) > {CliProcess.Quote(file)}", wrap: true);
        Assert.Equal(0, r.Code);
        var lines = File.ReadAllLines(file);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["a"], Ids(lines[0]));
        Assert.Equal("AFTER", lines[1]);
    }

    [Fact]
    public async Task AnOutputThatIsNoRegularFileIsWrittenDirectlyNotReplaced()
    {
        // `--output /dev/null` or a named pipe: renaming a temporary file over it would replace the device or the pipe.
        string fifo = Path.Combine(_dir, "results.pipe");
        var mk = Process.Start("mkfifo", fifo)!;
        mk.WaitForExit();
        Assert.Equal(0, mk.ExitCode);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        string input = Corpus(Path.Combine(_dir, "in.jsonl"), 3);
        var r = CliProcess.Run(["extract", input, "--format", "jsonl", "--output", fifo]);
        Assert.Equal(0, r.Code);
        string received = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["d0", "d1", "d2"], Ids(received));
        var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", fifo]) { RedirectStandardOutput = true })!;
        Assert.Equal("fifo", stat.StandardOutput.ReadToEnd().Trim());
        Assert.Empty(Directory.GetFiles(_dir, ".results.pipe.*.tmp"));
    }
}
