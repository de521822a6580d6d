using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConflictExtract.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConflictExtract.Extensions.DependencyInjection;

/// <summary>
/// The registered extractor with the registered options and logging: a failed document is logged with its id and its
/// place in the batch (then thrown, as <see cref="ConflictExtractor"/> does), and each batch read to its end is logged
/// with its count, time and rate. Thread-safe; a singleton.
/// </summary>
public sealed class ConflictExtractionService
{
    private readonly ConflictExtractOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the service (the container does this).</summary>
    public ConflictExtractionService(ConflictExtractor extractor, IOptions<ConflictExtractOptions> options, ILogger<ConflictExtractionService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(options);
        Extractor = extractor;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The shared extractor.</summary>
    public ConflictExtractor Extractor { get; }

    /// <summary>Extracts records from one document with the registered options.</summary>
    /// <exception cref="DocumentTooLargeException">The text is longer than <see cref="ConflictExtractOptions.MaxTextLength"/> (logged).</exception>
    public ExtractionResult Extract(string text, DateOnly? publishedAt = null, string? documentId = null)
    {
        try
        {
            return Extractor.Extract(text, _options.ToExtractionOptions(documentId, publishedAt));
        }
        catch (Exception e) when (e is ArgumentException)
        {
            Log.DocumentFailed(_logger, e, documentId, 1, e.Message);
            throw;
        }
    }

    /// <summary>Extracts records from many documents in input order with the registered options, reporting progress.</summary>
    public IEnumerable<ExtractionResult> ExtractMany(IEnumerable<DocumentInput> documents, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var options = _options.ToBatchOptions();
        var tracker = new Tracker();
        return Logged(Extractor.ExtractMany(tracker.Track(documents), progress, options, cancellationToken), tracker, options.DegreeOfParallelism);
    }

    /// <summary>Extracts records from an asynchronous stream of documents in input order with the registered options, reporting progress.</summary>
    public async IAsyncEnumerable<ExtractionResult> ExtractManyAsync(IAsyncEnumerable<DocumentInput> documents, IProgress<BatchProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var options = _options.ToBatchOptions();
        var tracker = new Tracker();
        var clock = Stopwatch.StartNew();
        long n = 0;
        bool finished = false;
        await using var e = Extractor.ExtractManyAsync(tracker.TrackAsync(documents, cancellationToken), progress, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ExtractionResult r;
                try
                {
                    if (!await e.MoveNextAsync().ConfigureAwait(false)) break;
                    r = e.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(tracker, n, ex);
                    throw;
                }
                n++;
                tracker.Handed();
                if (r.Error is { } error) Log.DocumentReported(_logger, r.DocumentId, n, error.Kind, error.Message);
                yield return r;
            }
            finished = true;
        }
        finally
        {
            Done(n, clock.Elapsed, options.DegreeOfParallelism, finished);
        }
    }

    private IEnumerable<ExtractionResult> Logged(IEnumerable<ExtractionResult> results, Tracker tracker, int threads)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        bool finished = false;
        using var e = results.GetEnumerator();
        try
        {
            while (true)
            {
                ExtractionResult r;
                try
                {
                    if (!e.MoveNext()) break;
                    r = e.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(tracker, n, ex);
                    throw;
                }
                n++;
                tracker.Handed();
                if (r.Error is { } error) Log.DocumentReported(_logger, r.DocumentId, n, error.Kind, error.Message);
                yield return r;
            }
            finished = true;
        }
        finally
        {
            Done(n, clock.Elapsed, threads, finished);
        }
    }

    private void Failed(Tracker tracker, long handed, Exception ex) =>
        Log.DocumentFailed(_logger, ex, tracker.NextId(), handed + 1, ex.Message);

    private void Done(long n, TimeSpan elapsed, int threads, bool finished)
    {
        if (finished) Log.BatchDone(_logger, n, elapsed.TotalSeconds, elapsed > TimeSpan.Zero ? n / elapsed.TotalSeconds : 0, threads);
        else Log.BatchStopped(_logger, n, elapsed.TotalSeconds);
    }

    /// <summary>
    /// The ids of the documents read but not yet handed over, in order: the batch engine reads a bounded window ahead, and
    /// the one whose turn fails is the oldest of these.
    /// </summary>
    private sealed class Tracker
    {
        private readonly Queue<string?> _ids = new();

        public IEnumerable<DocumentInput> Track(IEnumerable<DocumentInput> documents)
        {
            foreach (var d in documents)
            {
                lock (_ids) _ids.Enqueue(d?.Id);
                yield return d!;
            }
        }

        public async IAsyncEnumerable<DocumentInput> TrackAsync(IAsyncEnumerable<DocumentInput> documents, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var d in documents.WithCancellation(ct).ConfigureAwait(false))
            {
                lock (_ids) _ids.Enqueue(d?.Id);
                yield return d!;
            }
        }

        public void Handed()
        {
            lock (_ids) _ids.TryDequeue(out _);
        }

        public string? NextId()
        {
            lock (_ids) return _ids.TryPeek(out var id) ? id : null;
        }
    }
}
