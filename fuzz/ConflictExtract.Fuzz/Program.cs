using System.Text;
using ConflictExtract;
using ConflictExtract.Serialization;
using SharpFuzz;

namespace ConflictExtract.Fuzz;

/// <summary>
/// Fuzz target for <see cref="ConflictExtractor.Extract(string, ExtractionOptions)"/>.
/// <list type="bullet">
/// <item><c>ConflictExtract.Fuzz</c> (no arguments): SharpFuzz AFL mode, run under afl-fuzz (scripts/fuzz.sh).</item>
/// <item><c>ConflictExtract.Fuzz --replay FILE|DIR ...</c>: runs the inputs in-process and prints any exception with its stack.</item>
/// </list>
/// Input decoding: a first byte 0xFF means the rest is UTF-16LE (so lone surrogates reach the library);
/// a first byte 0xFE means the next two bytes pick a publication date and the rest is UTF-8; anything else is UTF-8.
/// </summary>
public static class Program
{
    // Instrumented code must not run before Fuzzer.Run has set up the coverage map, so the extractor
    // (and its models) are created on the first input; SharpFuzz then keeps the process for later inputs.
    private static readonly Lazy<ConflictExtractor> Lazy = new(() => new ConflictExtractor());

    private static ConflictExtractor Extractor => Lazy.Value;

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--replay")
            return Replay(args[1..]);
        Fuzzer.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            Run(ms.ToArray());
        });
        return 0;
    }

    /// <summary>Decodes one fuzz input and extracts from it, checking the result's invariants.</summary>
    public static void Run(byte[] data)
    {
        var (text, published) = Decode(data);
        var result = Extractor.Extract(text, new ExtractionOptions { PublishedAt = published, DocumentId = "fuzz" });
        Check(result, text);
    }

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

    private static void Check(Records.ExtractionResult r, string? text = null)
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

    private static void CheckEvidence(System.Collections.Immutable.ImmutableArray<Records.Evidence> ev, string text)
    {
        foreach (var e in ev)
            if (e.Start < 0 || e.End < e.Start || e.End > text.Length || e.Text != text[e.Start..e.End])
                throw new InvalidOperationException($"evidence span {e.Start}..{e.End} does not match the text");
    }

    private static int Replay(string[] paths)
    {
        int failed = 0, total = 0;
        foreach (var p in paths)
        {
            var files = Directory.Exists(p) ? Directory.GetFiles(p) : [p];
            foreach (var f in files)
            {
                if (Path.GetFileName(f) == "README.txt") continue;
                total++;
                var sw = System.Diagnostics.Stopwatch.StartNew();
                try { Run(File.ReadAllBytes(f)); }
                catch (Exception ex)
                {
                    failed++;
                    Console.WriteLine($"FAIL {f}: {ex}");
                }
                if (sw.ElapsedMilliseconds > 1000) Console.WriteLine($"SLOW {f}: {sw.ElapsedMilliseconds} ms");
            }
        }
        Console.WriteLine($"replayed {total} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
