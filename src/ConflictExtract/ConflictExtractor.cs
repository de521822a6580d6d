using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using ConflictExtract.Batching;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract;

/// <summary>
/// The entry point: reads English conflict news and returns typed, source-grounded records.
/// Create one instance (models are loaded once) and share it: every method is thread-safe,
/// holds no per-call state, and returns immutable results. Results are deterministic.
/// </summary>
public sealed class ConflictExtractor
{
    private static readonly Lazy<ConflictExtractor> Shared = new(() => new ConflictExtractor(ModelSet.Default), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ExtractionPipeline _pipeline;

    /// <summary>Creates an extractor over the given models.</summary>
    public ConflictExtractor(ModelSet models)
    {
        ArgumentNullException.ThrowIfNull(models);
        Models = models;
        _pipeline = ExtractionPipelineBuilder.Default(models);
    }

    /// <summary>Creates an extractor over the models embedded in the package.</summary>
    public ConflictExtractor() : this(ModelSet.Default) { }

    /// <summary>A process-wide shared instance over the embedded models.</summary>
    public static ConflictExtractor Default => Shared.Value;

    /// <summary>
    /// Builds now what is otherwise built at first need: the Recognizers date model (about 74 MB, used only for dates the
    /// fast paths cannot read) and the transliteration index of the gazetteer. Extraction never needs this call; it lets
    /// a caller (the CLI's --stats) time extraction with every model loaded.
    /// </summary>
    internal void LoadLazyModels()
    {
        Models.Recognizers.LoadFallbackModel();
        _pipeline.LoadLazyModels();
    }

    /// <summary>The stages this extractor runs, in order.</summary>
    internal ExtractionPipeline Pipeline => _pipeline;

    /// <summary>The models this extractor uses.</summary>
    public ModelSet Models { get; }

    /// <summary>Extracts records from one document.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DocumentTooLargeException">The text is longer than <see cref="ExtractionOptions.MaxTextLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the message names it.</exception>
    public ExtractionResult Extract(string text, ExtractionOptions options) => Extract(text, options, CancellationToken.None);

    /// <summary>
    /// Extracts records from one document, stopping early when <paramref name="cancellationToken"/> is cancelled: the token
    /// is checked between the pipeline's stages and inside its long loops (the recognizer fallback, tagging sentence by
    /// sentence), so a cancelled call returns within about one Recognizers call (a few milliseconds), not at the end of
    /// the document.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DocumentTooLargeException">The text is longer than <see cref="ExtractionOptions.MaxTextLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the message names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ExtractionResult Extract(string text, ExtractionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        options.Validate();
        if (text.Length > options.EffectiveMaxTextLength)
            ThrowHelper.ThrowTooLarge(text.Length, options.EffectiveMaxTextLength);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(text))
            return ExtractionResult.Empty(options.DocumentId, options.PublishedAt);
        var run = new ExtractionRun(cancellationToken, options, text.Length);
        return run.Attach(_pipeline.Run(text, options, run));
    }

    /// <summary>Extracts records from one document with default options.</summary>
    public ExtractionResult Extract(string text) => Extract(text, new ExtractionOptions());

    /// <summary>Extracts records from one document, with its publication date.</summary>
    public ExtractionResult Extract(string text, DateOnly? publishedAt) => Extract(text, publishedAt, null);

    /// <summary>Extracts records from one document, with its publication date and the id its result carries.</summary>
    public ExtractionResult Extract(string text, DateOnly? publishedAt, string? documentId) =>
        Extract(text, new ExtractionOptions { PublishedAt = publishedAt, DocumentId = documentId });

    /// <summary>
    /// Extracts records from many documents on several threads, yielding results in input order.
    /// <see cref="BatchOptions.DegreeOfParallelism"/> threads extract, the caller's among them: while the next result is
    /// not ready, the enumerating thread extracts a document itself (as <see cref="System.Threading.Tasks.Parallel"/>'s
    /// caller does); the others are background workers kept parked between calls. At most 8 documents per thread are
    /// read ahead of the caller, so memory stays flat on any stream, and a stalled stream does not hold back results
    /// that are done. With one degree of parallelism the documents are extracted inline, on the caller's thread.
    /// A document that cannot be extracted (null, null text, too large, invalid fields) yields, in
    /// <see cref="BatchErrorMode.Report"/> mode (the default), a result with its id, empty record lists and
    /// <see cref="ExtractionResult.Error"/> set, and the batch goes on; in <see cref="BatchErrorMode.Throw"/> mode its
    /// exception is thrown when its turn comes. An exception from <paramref name="documents"/> itself is thrown after
    /// every result before it; cancelling <paramref name="cancellationToken"/> ends the batch with
    /// <see cref="OperationCanceledException"/>, stopping the documents in flight.
    /// </summary>
    public IEnumerable<ExtractionResult> ExtractMany(IEnumerable<DocumentInput> documents, BatchOptions options = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ExtractManyCore(documents, Normalize(options), cancellationToken);
    }

    private IEnumerable<ExtractionResult> ExtractManyCore(IEnumerable<DocumentInput> documents, BatchOptions options, CancellationToken ct) =>
        OrderedParallel.Run(documents, doc => ExtractOne(doc, options, ct), options.DegreeOfParallelism, ct);

    /// <summary>
    /// One document of a batch. In <see cref="BatchErrorMode.Report"/> mode what <see cref="Extract(string, ExtractionOptions, CancellationToken)"/>
    /// would throw for this document becomes its result's <see cref="ExtractionResult.Error"/>; the caller's cancellation
    /// (and running out of memory) still ends the batch.
    /// </summary>
    private ExtractionResult ExtractOne(DocumentInput? doc, BatchOptions options, CancellationToken ct)
    {
        if (options.Errors == BatchErrorMode.Throw)
        {
            ArgumentNullException.ThrowIfNull(doc);
            return Extract(doc.Text, options.Extraction with { DocumentId = doc.Id, PublishedAt = doc.PublishedAt }, ct);
        }
        try
        {
            ArgumentNullException.ThrowIfNull(doc);
            return Extract(doc.Text, options.Extraction with { DocumentId = doc.Id, PublishedAt = doc.PublishedAt }, ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            return ExtractionResult.Empty(doc?.Id, doc?.PublishedAt) with { Error = ExtractionError.From(e) };
        }
    }

    /// <summary>
    /// Extracts records from an asynchronous stream of documents on several threads, yielding results in input order.
    /// The stream is read by a task of its own, at most twice <see cref="BatchOptions.DegreeOfParallelism"/> documents
    /// ahead of the caller, so results that are done are handed over while the stream waits for its next document; an
    /// exception from the stream is thrown after every result of the documents read before it. Bad documents are
    /// handled as in <see cref="ExtractMany"/> (<see cref="BatchOptions.Errors"/>).
    /// </summary>
    public async IAsyncEnumerable<ExtractionResult> ExtractManyAsync(IAsyncEnumerable<DocumentInput> documents, BatchOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options = Normalize(options);
        int window = Math.Max(1, options.DegreeOfParallelism) * 2;
        // The reader starts each document's task as it reads it and queues it here, in input order.
        var started = Channel.CreateUnbounded<Task<ExtractionResult>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var room = new SemaphoreSlim(window, window); // documents read and not yet handed over
        using var limiter = new SemaphoreSlim(options.DegreeOfParallelism);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(documents, started.Writer, room, limiter, options, stop.Token), CancellationToken.None);
        try
        {
            while (await started.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (started.Reader.TryRead(out var next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = await next.ConfigureAwait(false);
                    room.Release();
                    yield return result;
                }
            }
            // Every document read has been handed over: now the stream's own error, if it ended with one.
            (await reader.ConfigureAwait(false))?.Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)reader).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // The caller left before these results' turn came: wait for them, never throw their errors from here
            // (as in ExtractMany, which swallows every in-flight task's failure while cleaning up).
            while (started.Reader.TryRead(out var t))
                await ((Task)t).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Reads <paramref name="documents"/>, starting each document's extraction and queueing its task, while there is
    /// room; returns the stream's error (null when it ended, or when the batch was left or cancelled).
    /// </summary>
    private async Task<ExceptionDispatchInfo?> ReadAsync(IAsyncEnumerable<DocumentInput> documents, ChannelWriter<Task<ExtractionResult>> started,
        SemaphoreSlim room, SemaphoreSlim limiter, BatchOptions options, CancellationToken stop)
    {
        ExceptionDispatchInfo? error = null;
        IAsyncEnumerator<DocumentInput>? e = null;
        try
        {
            e = documents.GetAsyncEnumerator(stop);
            while (true)
            {
                await room.WaitAsync(stop).ConfigureAwait(false);
                if (!await e.MoveNextAsync().ConfigureAwait(false)) break;
                started.TryWrite(Start(e.Current, options, limiter, stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception ex)
        {
            error = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            try
            {
                if (e is not null) await e.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (error is null && !stop.IsCancellationRequested)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
            catch (Exception) { } // an error is already kept, or the caller has left
            started.TryComplete();
        }
        return error;
    }

    private static BatchOptions Normalize(BatchOptions options)
    {
        // The optional parameter's `default` is default(BatchOptions), whose Extraction has IncludeEntities == false;
        // treat it as `new BatchOptions()` so ExtractMany(docs) gives the same results as Extract(text).
        if (options == default) options = new BatchOptions();
        if (options.DegreeOfParallelism == 0)
            options = options with { DegreeOfParallelism = Environment.ProcessorCount };
        if (options.DegreeOfParallelism <= 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(BatchOptions.DegreeOfParallelism), "must be positive");
        if (!Enum.IsDefined(options.Errors))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(BatchOptions.Errors), "is not a defined value");
        options.Extraction.Validate();
        return options;
    }

    private Task<ExtractionResult> Start(DocumentInput? doc, BatchOptions options, SemaphoreSlim limiter, CancellationToken ct)
    {
        return Task.Run(async () =>
        {
            await limiter.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                ct.ThrowIfCancellationRequested();
                return ExtractOne(doc, options, ct);
            }
            finally { limiter.Release(); }
        }, ct);
    }
}
