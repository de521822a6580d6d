using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConflictExtract.Batching;
using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Cli;

/// <summary>One run of <c>extract</c>: reads the inputs in order, extracts on all cores, writes in input order.</summary>
internal sealed class ExtractJob(string[] inputs, DateOnly? published, bool jsonl, string? outputPath, bool stats, int threads,
    TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    private int _failures;
    private long _documents;
    private long _words;
    // Stopwatch timestamps for --stats: first document started, last document written (0 = not yet).
    private long _firstStart;
    private long _lastWritten;

    /// <summary>A document read from an input, or the error that stopped it being read.</summary>
    private sealed record Item(DocumentInput? Document, string Location, string? Error);

    public int Run()
    {
        var clock = Stopwatch.StartNew();
        var extractor = ConflictExtractor.Default;
        // With --stats, load every model before extraction starts (the date fallback model is otherwise built lazily,
        // at the first date the fast paths cannot read), so that extract_* figures exclude model loading.
        if (stats) extractor.LoadLazyModels();
        double loadSeconds = clock.Elapsed.TotalSeconds;
        string? tempPath = null;
        Stream outStream;
        if (outputPath is null)
        {
            outStream = Console.OpenStandardOutput();
            if (!ReferenceEquals(stdout, Console.Out)) outStream = new TextWriterStream(stdout);
        }
        else
        {
            string full = Path.GetFullPath(outputPath);
            string dir = Path.GetDirectoryName(full) ?? ".";
            try
            {
                Directory.CreateDirectory(dir);
                tempPath = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
                outStream = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                stderr.WriteLine($"conflict-extract: cannot write {outputPath}: {e.Message}");
                return CliApp.Usage;
            }
        }

        bool completed = false;
        try
        {
            if (!jsonl) outStream.WriteByte((byte)'[');
            bool first = true;
            foreach (var (item, json, error) in ExtractAll(extractor))
            {
                if (error is not null)
                {
                    Fail(item.Location, error);
                    continue;
                }
                if (!jsonl && !first) outStream.WriteByte((byte)',');
                first = false;
                outStream.Write(json);
                if (jsonl) outStream.WriteByte((byte)'\n');
                if (stats) _lastWritten = Stopwatch.GetTimestamp();
            }
            if (!jsonl) { outStream.WriteByte((byte)']'); outStream.WriteByte((byte)'\n'); }
            outStream.Flush();
            completed = true;
        }
        finally
        {
            if (outputPath is not null) outStream.Dispose();
            if (tempPath is not null)
            {
                if (completed) File.Move(tempPath, Path.GetFullPath(outputPath!), overwrite: true);
                else TryDelete(tempPath);
            }
        }

        if (stats) WriteStats(clock.Elapsed.TotalSeconds, loadSeconds);
        return _failures > 0 ? CliApp.SomeFailed : CliApp.Ok;
    }

    /// <summary>
    /// One line of figures on standard error. <c>seconds</c>/<c>words_per_second</c>: this run, model loading included
    /// (<c>process_seconds</c> adds the runtime's start-up); <c>load_seconds</c>: loading all the models, the lazily built
    /// date fallback model included (only under --stats is it built up front);
    /// <c>extract_seconds</c>/<c>extract_words_per_second</c>: from the start of the first document to the last document
    /// written, models already loaded (the like-for-like throughput figure).
    /// </summary>
    private void WriteStats(double secs, double loadSeconds)
    {
        var p = System.Diagnostics.Process.GetCurrentProcess();
        double processSecs = (DateTime.Now - p.StartTime).TotalSeconds;
        long first = Interlocked.Read(ref _firstStart);
        double extractSecs = first != 0 && _lastWritten > first ? Stopwatch.GetElapsedTime(first, _lastWritten).TotalSeconds : 0;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"documents={_documents} words={_words} seconds={secs:F3} words_per_second={(secs > 0 ? _words / secs : 0):F0} process_seconds={processSecs:F3} load_seconds={loadSeconds:F3} extract_seconds={extractSecs:F3} extract_words_per_second={(extractSecs > 0 ? _words / extractSecs : 0):F0} peak_memory_mb={p.PeakWorkingSet64 / (1024.0 * 1024.0):F1} allocated_mb={GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F1} gc_collections={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gc_pause_seconds={GC.GetTotalPauseDuration().TotalSeconds:F3} failed={_failures}"));
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void Fail(string location, string message)
    {
        _failures++;
        stderr.WriteLine($"conflict-extract: {location}: {message}");
    }

    /// <summary>
    /// Extracts and serializes each document on <c>threads</c> threads, the writing thread among them (inline when there
    /// is one), in input order. Serializing where the document was extracted keeps the writer from becoming the bottleneck.
    /// </summary>
    private IEnumerable<(Item Item, byte[] Json, string? Error)> ExtractAll(ConflictExtractor extractor) =>
        OrderedParallel.Run(ReadAll(), item => ProcessItem(extractor, item), threads, CancellationToken.None);

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private (Item, byte[], string?) ProcessItem(ConflictExtractor extractor, Item item)
    {
        if (item.Document is not { } doc) return (item, [], item.Error);
        if (stats && Interlocked.Read(ref _firstStart) == 0) Interlocked.CompareExchange(ref _firstStart, Stopwatch.GetTimestamp(), 0);
        ExtractionResult result;
        try
        {
            result = extractor.Extract(doc.Text, new ExtractionOptions { DocumentId = doc.Id, PublishedAt = doc.PublishedAt });
        }
        catch (ArgumentException e) // DocumentTooLargeException among them
        {
            return (item, [], e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A library fault on one document must not cost the others: report it with its location and go on.
            return (item, [], $"internal error ({e.GetType().Name}): {e.Message}");
        }
        Interlocked.Increment(ref _documents);
        Interlocked.Add(ref _words, CountWords(doc.Text));
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        writer.Reset(buffer);
        ExtractionJson.Write(writer, result);
        writer.Flush();
        return (item, buffer.WrittenSpan.ToArray(), null);
    }

    private static long CountWords(string text)
    {
        long n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool ws = char.IsWhiteSpace(c);
            if (!ws && !inWord) n++;
            inWord = !ws;
        }
        return n;
    }

    private IEnumerable<Item> ReadAll()
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                yield return new Item(new DocumentInput("stdin", stdin.ReadToEnd(), published), "-", null);
                continue;
            }
            if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in ReadJsonl(input)) yield return item;
                continue;
            }
            string? text = null, error = null;
            try { text = File.ReadAllText(input); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                error = $"cannot read: {e.Message}";
            }
            yield return text is null
                ? new Item(null, input, error)
                : new Item(new DocumentInput(Path.GetFileNameWithoutExtension(input), text, published), input, null);
        }
    }

    private IEnumerable<Item> ReadJsonl(string path)
    {
        StreamReader? reader = null;
        string? openError = null;
        try { reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            openError = $"cannot read: {e.Message}";
        }
        if (reader is null)
        {
            yield return new Item(null, path, openError);
            yield break;
        }
        using (reader)
        {
            int lineNo = 0;
            while (true)
            {
                string? line;
                string? readError = null;
                try { line = reader.ReadLine(); }
                catch (IOException e) { line = null; readError = e.Message; }
                if (readError is not null) { yield return new Item(null, $"{path}:{lineNo + 1}", $"cannot read: {readError}"); yield break; }
                if (line is null) yield break;
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return ParseLine(line, $"{path}:{lineNo}");
            }
        }
    }

    private Item ParseLine(string line, string location)
    {
        InputDocument? doc;
        try { doc = JsonSerializer.Deserialize(line, ContractJsonContext.Default.InputDocument); }
        catch (JsonException e) { return new Item(null, location, $"bad JSON: {e.Message}"); }
        if (doc is null) return new Item(null, location, "bad JSON: not an object");
        if (doc.Text is null) return new Item(null, location, "missing \"text\"");
        DateOnly? pub = published;
        if (doc.PublishedAt is not null)
        {
            if (!DateOnly.TryParseExact(doc.PublishedAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return new Item(null, location, $"invalid publishedAt '{doc.PublishedAt}' (expected YYYY-MM-DD)");
            pub = d;
        }
        return new Item(new DocumentInput(doc.Id, doc.Text, pub), location, null);
    }
}

/// <summary>Adapts a <see cref="TextWriter"/> as a write-only UTF-8 stream (used when a caller passes its own writer).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        int n = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }
}
