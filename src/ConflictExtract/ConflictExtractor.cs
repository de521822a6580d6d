using System.Runtime.CompilerServices;
using ConflictExtract.Batching;
using ConflictExtract.Building;
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
    private readonly DocumentPipeline _pipeline;

    /// <summary>Creates an extractor over the given models.</summary>
    public ConflictExtractor(ModelSet models)
    {
        ArgumentNullException.ThrowIfNull(models);
        Models = models;
        _pipeline = new DocumentPipeline(models);
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
    public ExtractionResult Extract(string text, DateOnly? publishedAt, string? documentId = null) =>
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
    /// </summary>
    public async IAsyncEnumerable<ExtractionResult> ExtractManyAsync(IAsyncEnumerable<DocumentInput> documents, BatchOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options = Normalize(options);
        int window = Math.Max(1, options.DegreeOfParallelism) * 2;
        var inFlight = new Queue<Task<ExtractionResult>>(window);
        using var limiter = new SemaphoreSlim(options.DegreeOfParallelism);
        try
        {
            await foreach (var doc in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                inFlight.Enqueue(Start(doc, options, limiter, cancellationToken));
                if (inFlight.Count >= window)
                    yield return await inFlight.Dequeue().ConfigureAwait(false);
            }
            while (inFlight.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return await inFlight.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var t in inFlight)
            {
                // Wait for it, but never throw its error from here: the caller left before its turn came
                // (as in ExtractMany, which swallows every in-flight task's failure while cleaning up).
                try { await ((Task)t).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); } catch (OperationCanceledException) { }
            }
        }
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
