using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ConflictExtract;
using ConflictExtract.Cli;
using ConflictExtract.Records;
using ConflictExtract.Serialization;
using SharpFuzz;

namespace ConflictExtract.Fuzz;

/// <summary>
/// Fuzz targets, run under afl-fuzz in SharpFuzz's AFL mode (scripts/fuzz.sh):
/// <list type="bullet">
/// <item><c>ConflictExtract.Fuzz [extract]</c>: <see cref="ConflictExtractor.Extract(string, ExtractionOptions)"/> on one
/// document. Input decoding: a first byte 0xFF means the rest is UTF-16LE (so lone surrogates reach the library); a
/// first byte 0xFE means the next two bytes pick a publication date and the rest is UTF-8; anything else is UTF-8.</item>
/// <item><c>ConflictExtract.Fuzz jsonl</c>: the command-line tool's JSONL reader, through <see cref="CliApp.Run"/> on the
/// input written as a .jsonl file (one thread, JSONL output): every non-blank line must give one output line or one
/// error report, never an exception, a lost line or bad JSON.</item>
/// <item><c>ConflictExtract.Fuzz --replay [extract|jsonl] FILE|DIR ...</c>: runs saved inputs in-process, prints any failure
/// with its stack and the counters below.</item>
/// </list>
/// Counters (written every 5 s to <c>$FUZZ_STATS</c> when set, and printed by --replay): inputs run, Recognizers date
/// model calls (<see cref="Recognizers.RecognizerLayer.FallbackCalls"/>, cache misses), inputs that made at least one, the
/// diagnostics by kind, and the slowest input's CPU milliseconds. Inputs over 50 ms of CPU are copied to
/// <c>$FUZZ_SLOW</c> when set.
/// </summary>
public static class Program
{
    // Instrumented code must not run before Fuzzer.Run has set up the coverage map, so the extractor (and its models)
    // is made on the first input; SharpFuzz then keeps the process for later inputs. The shared instance is the one the
    // tool uses, so the counters see both targets' calls.
    private static bool s_started;

    private static ConflictExtractor Extractor
    {
        get
        {
            s_started = true;
            return ConflictExtractor.Default;
        }
    }

    private static long s_inputs, s_fallbackInputs, s_limit, s_timeLimit, s_failed, s_linesIn, s_linesOut, s_lineErrors;
    private static double s_slowestMs;
    private static long s_lastStats;

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--replay")
        {
            bool jsonl = args.Length > 1 && args[1] == "jsonl";
            int skip = args.Length > 1 && args[1] is "jsonl" or "extract" ? 2 : 1;
            return Replay(jsonl, args[skip..]);
        }
        bool lines = args.Length > 0 && args[0] == "jsonl";
        Fuzzer.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var data = ms.ToArray();
            double cpu0 = ThreadCpuMs();
            if (lines) RunJsonl(data);
            else Run(data);
            Account(data, ThreadCpuMs() - cpu0);
        });
        return 0;
    }

    /// <summary>Decodes one fuzz input and extracts from it, checking the result's invariants.</summary>
    public static void Run(byte[] data)
    {
        var (text, published) = Decode(data);
        long calls0 = Extractor.Models.Recognizers.FallbackCalls;
        var result = Extractor.Extract(text, new ExtractionOptions { PublishedAt = published, DocumentId = "fuzz" });
        if (Extractor.Models.Recognizers.FallbackCalls > calls0) s_fallbackInputs++;
        foreach (var d in result.Diagnostics)
        {
            if (d.Kind == ExtractionDiagnosticKind.DateFallbackLimitReached) s_limit++;
            else if (d.Kind == ExtractionDiagnosticKind.DateFallbackTimeLimitReached) s_timeLimit++;
            else throw new InvalidOperationException($"unexpected diagnostic: {d.Message}"); // the date model must work
        }
        Check(result, text);
    }

    /// <summary>
    /// Writes <paramref name="data"/> as a .jsonl file and runs the tool on it: exit 0 or 1, one output line per document
    /// read, one error line per line refused, the two together one per non-blank input line, each output line a JSON
    /// object of the contract's schema.
    /// </summary>
    public static void RunJsonl(byte[] data)
    {
        string path = Path.Combine(TempDir, "in-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".jsonl");
        File.WriteAllBytes(path, data);
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        long calls0 = Extractor.Models.Recognizers.FallbackCalls;
        int code = CliApp.Run(["extract", path, "--format", "jsonl", "--threads", "1"], TextReader.Null, stdout, stderr);
        if (Extractor.Models.Recognizers.FallbackCalls > calls0) s_fallbackInputs++;
        if (code is not (CliApp.Ok or CliApp.SomeFailed)) throw new InvalidOperationException($"exit code {code}: {stderr}");
        int expected = 0;
        using (var reader = new StreamReader(new MemoryStream(data), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            for (string? line; (line = reader.ReadLine()) is not null;)
                if (!string.IsNullOrWhiteSpace(line)) expected++;
        int written = 0;
        foreach (var line in stdout.ToString().Split('\n'))
        {
            if (line.Length == 0) continue;
            written++;
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("schemaVersion").GetInt32() != 1) throw new InvalidOperationException("schemaVersion");
            _ = doc.RootElement.GetProperty("strikes").GetArrayLength();
        }
        int reported = stderr.ToString().Split('\n').Count(l => l.Contains(path, StringComparison.Ordinal));
        if (written + reported != expected)
            throw new InvalidOperationException($"{expected} lines in, {written} written and {reported} reported: a line was lost or doubled\n{stderr}");
        if ((code == CliApp.Ok) != (reported == 0)) throw new InvalidOperationException($"exit code {code} with {reported} lines reported");
        s_linesIn += expected;
        s_linesOut += written;
        s_lineErrors += reported;
    }

    private static string TempDir { get; } = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    private static (string Text, DateOnly? Published) Decode(byte[] data)
    {
        if (data.Length > 0 && data[0] == 0xFF)
            return (Encoding.Unicode.GetString(data, 1, (data.Length - 1) & ~1), null);
        if (data.Length >= 3 && data[0] == 0xFE)
        {
            int days = (data[1] << 8) | data[2];
            // Spread over the contract's range 1800-01-01 .. 2199-09 (ExtractionOptions rejects years outside 1800..2200).
            var d = new DateOnly(1800, 1, 1).AddDays(days * 2 % 146_000);
            return (Encoding.UTF8.GetString(data, 3, data.Length - 3), d);
        }
        return (Encoding.UTF8.GetString(data), null);
    }

    private static void Check(ExtractionResult r, string? text = null)
    {
        string json = ExtractionJson.Serialize(r);
        if (json.Length == 0) throw new InvalidOperationException("empty JSON");
        if (text is null) return;
        foreach (var e in r.Entities)
            if (e.Start < 0 || e.End < e.Start || e.End > text.Length || e.Text != text[e.Start..e.End])
                throw new InvalidOperationException($"entity span {e.Start}..{e.End} does not match the text");
        foreach (var s in r.Strikes) CheckEvidence(s.Evidence, text);
        foreach (var c in r.Casualties) CheckEvidence(c.Evidence, text);
        foreach (var w in r.Weapons) CheckEvidence(w.Evidence, text);
    }

    private static void CheckEvidence(System.Collections.Immutable.ImmutableArray<Evidence> ev, string text)
    {
        foreach (var e in ev)
            if (e.Start < 0 || e.End < e.Start || e.End > text.Length || e.Text != text[e.Start..e.End])
                throw new InvalidOperationException($"evidence span {e.Start}..{e.End} does not match the text");
    }

    private static void Account(byte[] data, double cpuMs)
    {
        s_inputs++;
        if (cpuMs > s_slowestMs && s_inputs > 1) s_slowestMs = cpuMs; // the first input builds the models
        if (cpuMs > 50 && s_inputs > 1 && Environment.GetEnvironmentVariable("FUZZ_SLOW") is { Length: > 0 } slow)
        {
            Directory.CreateDirectory(slow);
            File.WriteAllBytes(Path.Combine(slow, $"{(int)cpuMs:D6}ms-{Environment.ProcessId}-{s_inputs}"), data);
        }
        long now = Environment.TickCount64;
        if (now - s_lastStats < 5000) return;
        s_lastStats = now;
        if (Environment.GetEnvironmentVariable("FUZZ_STATS") is { Length: > 0 } stats)
            File.WriteAllText(stats + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Stats());
    }

    private static string Stats() => string.Create(CultureInfo.InvariantCulture,
        $"inputs={s_inputs} recognizers_calls={(s_started ? Extractor.Models.Recognizers.FallbackCalls : 0)} inputs_with_recognizers_calls={s_fallbackInputs} " +
        $"limit_diagnostics={s_limit} time_limit_diagnostics={s_timeLimit} failed={s_failed} jsonl_lines_in={s_linesIn} jsonl_written={s_linesOut} jsonl_reported={s_lineErrors} slowest_cpu_ms={s_slowestMs:F1}\n");

    private const int ClockThreadCputimeId = 3; // Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    /// <summary>This thread's CPU time in milliseconds (Linux), or 0 elsewhere.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCputimeId, out var t) != 0) return 0;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static int Replay(bool jsonl, string[] paths)
    {
        int total = 0;
        foreach (var p in paths)
        {
            var files = Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal).ToArray() : [p];
            foreach (var f in files)
            {
                if (Path.GetFileName(f) == "README.txt") continue;
                total++;
                var data = File.ReadAllBytes(f);
                double cpu0 = ThreadCpuMs();
                try
                {
                    if (jsonl) RunJsonl(data);
                    else Run(data);
                }
                catch (Exception ex)
                {
                    s_failed++;
                    Console.WriteLine($"FAIL {f}: {ex}");
                }
                double cpu = ThreadCpuMs() - cpu0;
                Account(data, cpu);
                if (cpu > 1000) Console.WriteLine($"SLOW {f}: {cpu:F0} ms CPU");
            }
        }
        Console.WriteLine($"replayed {total} inputs, {s_failed} failed");
        Console.Write(Stats());
        return s_failed == 0 ? 0 : 1;
    }
}
