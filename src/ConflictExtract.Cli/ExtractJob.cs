using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConflictExtract.Batching;
using ConflictExtract.Cli.Input;
using ConflictExtract.Cli.Output;
using ConflictExtract.Cli.Progress;
using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Cli;

/// <summary>Output formats of <c>extract</c>.</summary>
internal enum OutputFormat { Json, Jsonl, Csv, GeoJson, Html }

/// <summary>What happens to a document that cannot be read or extracted.</summary>
internal enum ErrorMode
{
    /// <summary>Reported on standard error with its location; exit code 1.</summary>
    Report,
    /// <summary>Reported on standard error and written into the output as an error record in its place; exit code 0.</summary>
    Inline,
}

/// <summary>Everything <c>extract</c> was asked to do, checked.</summary>
internal sealed record ExtractSettings(
    IReadOnlyList<string> Inputs,
    InputFormat InputFormat,
    DateOnly? Published,
    OutputFormat Format,
    bool Pretty,
    string? OutputPath,
    bool Stats,
    int Threads,
    ErrorMode Errors,
    ProgressMode Progress);

/// <summary>One run of <c>extract</c>: reads the inputs in order, extracts on several threads, writes in input order.</summary>
internal sealed class ExtractJob(ExtractSettings settings, CliConsole console)
{
    /// <summary>The exit code of a run whose output went to a closed pipe (as a shell reports a filter ended by SIGPIPE).</summary>
    public const int BrokenPipe = 141;

    private long _documents;
    private long _words;
    private int _failures;
    // Stopwatch timestamps for --stats: first document started, last document written (0 = not yet).
    private long _firstStart;
    private long _lastWritten;

    private TextWriter Stderr => console.Stderr;

    public int Run()
    {
        var clock = Stopwatch.StartNew();
        OutputTarget? target = null;
        Stream? rawOut;
        if (settings.OutputPath is { } path)
        {
            int removed = OutputTarget.RemoveStale(path);
            if (removed > 0 && settings.Progress != ProgressMode.None)
                Stderr.WriteLine($"conflict-extract: removed {removed} stale temporary file(s) of an earlier run for {path}");
            try { target = OutputTarget.Create(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                Stderr.WriteLine($"conflict-extract: cannot write {path}: {e.Message}");
                return CliApp.Usage;
            }
            rawOut = target.Stream;
        }
        else
        {
            rawOut = console.Stdout;
            if (rawOut is null)
            {
                Stderr.WriteLine("conflict-extract: standard output is closed; give --output PATH or open it");
                return CliApp.OutputFailed;
            }
        }

        try
        {
            var extractor = ConflictExtractor.Default;
            // With --stats, load every model before extraction starts (the date fallback model is otherwise built lazily,
            // at the first date the fast paths cannot read), so that extract_* figures exclude model loading.
            if (settings.Stats) extractor.LoadLazyModels();
            double loadSeconds = clock.Elapsed.TotalSeconds;

            var output = new BufferedStream(rawOut, 1 << 16);
            var writer = CreateWriter(output);
            var reader = new InputReader(settings.Inputs, settings.InputFormat, settings.Published, new ExtractionOptions().MaxTextLength,
                console.OpenStdin ?? (() => Stream.Null));
            var view = new BatchProgressView(settings.Progress, Stderr, settings.Inputs.Select(InputSize).ToList());

            int code = view.Run(() => WriteAll(extractor, reader, writer, output, view));
            if (code != CliApp.Ok) return code;
            try
            {
                output.Flush();
                target?.Commit();
            }
            catch (IOException e)
            {
                return OutputError(e);
            }
            view.Finish();
            if (settings.Stats) WriteStats(clock.Elapsed.TotalSeconds, loadSeconds);
            return _failures > 0 && settings.Errors == ErrorMode.Report ? CliApp.SomeFailed : CliApp.Ok;
        }
        finally
        {
            target?.Dispose();
        }
    }

    private static long? InputSize(string input)
    {
        if (input == "-") return null;
        try { return new FileInfo(input).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }

    private ResultWriter CreateWriter(Stream output) => settings.Format switch
    {
        OutputFormat.Json => new JsonResultWriter(output, lines: false, settings.Pretty) { InlineErrors = settings.Errors == ErrorMode.Inline },
        OutputFormat.Jsonl => new JsonResultWriter(output, lines: true, pretty: false) { InlineErrors = settings.Errors == ErrorMode.Inline },
        OutputFormat.Csv => new CsvResultWriter(output),
        OutputFormat.GeoJson => new GeoJsonResultWriter(output, settings.Pretty),
        OutputFormat.Html => new HtmlResultWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), "unknown format"),
    };

    /// <summary>The loop: every document, in input order, is written or reported. Returns a non-zero code only when the
    /// output could not be written.</summary>
    private int WriteAll(ConflictExtractor extractor, InputReader reader, ResultWriter writer, Stream output, BatchProgressView view)
    {
        bool pretty = writer is JsonResultWriter { Pretty: true };
        bool json = writer.WantsJson;
        try
        {
            writer.Begin();
            foreach (var done in OrderedParallel.Run(reader.ReadAll(), item => Process(extractor, item, json, pretty), settings.Threads, CancellationToken.None))
            {
                if (done.Error is { } error)
                {
                    _failures++;
                    view.Report($"conflict-extract: {done.Item.Location}: {error.Message}");
                    if (writer.InlineErrors) writer.WriteError(done);
                }
                else
                {
                    foreach (var d in done.Diagnostics) view.Report($"conflict-extract: {done.Item.Location}: note: {d.Message} (at character {d.Offset})");
                    writer.WriteResult(done);
                    if (settings.Stats) _lastWritten = Stopwatch.GetTimestamp();
                }
                view.Advance(done.Error is not null, done.Item.InputIndex, done.Item.Position);
            }
            writer.End();
            output.Flush();
            return CliApp.Ok;
        }
        catch (IOException e) // the inputs report their own I/O errors as items, so this one is the output's
        {
            return OutputError(e);
        }
    }

    private int OutputError(IOException e)
    {
        if (IsBrokenPipe(e)) return BrokenPipe; // the reader left, as `head` does: end quietly, but not with 0
        Stderr.WriteLine($"conflict-extract: cannot write the output: {e.Message}");
        return CliApp.OutputFailed;
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == 32 /* EPIPE */ || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_compact;
    [ThreadStatic] private static Utf8JsonWriter? t_pretty;

    /// <summary>Extracts one document (and serializes it for the JSON formats) on a worker thread.</summary>
    private Processed Process(ConflictExtractor extractor, Item item, bool json, bool pretty)
    {
        if (item.Document is not { } doc) return new Processed(item, null, null, item.Error);
        if (settings.Stats && Interlocked.Read(ref _firstStart) == 0) Interlocked.CompareExchange(ref _firstStart, Stopwatch.GetTimestamp(), 0);
        ExtractionResult result;
        try
        {
            result = extractor.Extract(doc.Text, new ExtractionOptions { DocumentId = doc.Id, PublishedAt = doc.PublishedAt });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reader validated the document, so this is a fault of the library on this one: report it with its
            // location and go on with the others.
            return new Processed(item, null, null, new InputError(InputError.ExtractionFailed, $"extraction failed: {e.Message}"));
        }
        Interlocked.Increment(ref _documents);
        Interlocked.Add(ref _words, CountWords(doc.Text));
        if (!json) return new Processed(item, result, null, null) { Diagnostics = result.Diagnostics };
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        var writer = pretty
            ? t_pretty ??= new Utf8JsonWriter(buffer, JsonResultWriter.PrettyOptions)
            : t_compact ??= new Utf8JsonWriter(buffer, JsonResultWriter.CompactOptions);
        writer.Reset(buffer);
        ExtractionJson.Write(writer, result);
        writer.Flush();
        return new Processed(item, null, buffer.WrittenSpan.ToArray(), null) { Diagnostics = result.Diagnostics };
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

    /// <summary>
    /// One line of figures on standard error. <c>seconds</c>/<c>words_per_second</c>: this run, model loading included
    /// (<c>process_seconds</c> adds the runtime's start-up); <c>load_seconds</c>: loading all the models, the lazily built
    /// date fallback model included (only under --stats is it built up front);
    /// <c>extract_seconds</c>/<c>extract_words_per_second</c>: from the start of the first document to the last document
    /// written, models already loaded (the like-for-like throughput figure); <c>threads</c>: the threads extracting.
    /// </summary>
    private void WriteStats(double secs, double loadSeconds)
    {
        var p = System.Diagnostics.Process.GetCurrentProcess();
        double processSecs = (DateTime.Now - p.StartTime).TotalSeconds;
        long first = Interlocked.Read(ref _firstStart);
        double extractSecs = first != 0 && _lastWritten > first ? Stopwatch.GetElapsedTime(first, _lastWritten).TotalSeconds : 0;
        Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"documents={_documents} words={_words} seconds={secs:F3} words_per_second={(secs > 0 ? _words / secs : 0):F0} process_seconds={processSecs:F3} load_seconds={loadSeconds:F3} extract_seconds={extractSecs:F3} extract_words_per_second={(extractSecs > 0 ? _words / extractSecs : 0):F0} peak_memory_mb={p.PeakWorkingSet64 / (1024.0 * 1024.0):F1} allocated_mb={GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F1} gc_collections={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gc_pause_seconds={GC.GetTotalPauseDuration().TotalSeconds:F3} threads={settings.Threads} failed={_failures}"));
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
