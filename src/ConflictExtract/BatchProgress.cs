using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConflictExtract.Records;

namespace ConflictExtract;

/// <summary>Progress of a batch call: the results handed over so far and the time since the call started.</summary>
/// <param name="Completed">Results handed over to the caller so far.</param>
/// <param name="Elapsed">Time since the batch started.</param>
public readonly record struct BatchProgress(long Completed, TimeSpan Elapsed)
{
    /// <summary>Results per second so far (0 before any time has passed).</summary>
    public double DocumentsPerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// <see cref="ConflictExtractor.ExtractMany"/> and <see cref="ConflictExtractor.ExtractManyAsync"/> with an
/// <see cref="IProgress{T}"/>: reported after the first result, then at most every 100 ms, and once when the batch has
/// been read to its end (<see cref="BatchProgress.Completed"/> is then the number of results). Reports are made on the
/// enumerating thread; keep the handler cheap.
/// </summary>
public static class BatchProgressExtensions
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Extracts records from many documents, in input order, reporting progress.</summary>
    public static IEnumerable<ExtractionResult> ExtractMany(this ConflictExtractor extractor, IEnumerable<DocumentInput> documents,
        IProgress<BatchProgress>? progress, BatchOptions options = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var results = extractor.ExtractMany(documents, options, cancellationToken);
        return progress is null ? results : Report(results, progress);
    }

    /// <summary>Extracts records from an asynchronous stream of documents, in input order, reporting progress.</summary>
    public static IAsyncEnumerable<ExtractionResult> ExtractManyAsync(this ConflictExtractor extractor, IAsyncEnumerable<DocumentInput> documents,
        IProgress<BatchProgress>? progress, BatchOptions options = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var results = extractor.ExtractManyAsync(documents, options, cancellationToken);
        return progress is null ? results : ReportAsync(results, progress, cancellationToken);
    }

    private static IEnumerable<ExtractionResult> Report(IEnumerable<ExtractionResult> results, IProgress<BatchProgress> progress)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        TimeSpan last = TimeSpan.MinValue;
        foreach (var r in results)
        {
            n++;
            var now = clock.Elapsed;
            if (last == TimeSpan.MinValue || now - last >= Interval)
            {
                last = now;
                progress.Report(new BatchProgress(n, now));
            }
            yield return r;
        }
        progress.Report(new BatchProgress(n, clock.Elapsed));
    }

    private static async IAsyncEnumerable<ExtractionResult> ReportAsync(IAsyncEnumerable<ExtractionResult> results, IProgress<BatchProgress> progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        TimeSpan last = TimeSpan.MinValue;
        await foreach (var r in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            n++;
            var now = clock.Elapsed;
            if (last == TimeSpan.MinValue || now - last >= Interval)
            {
                last = now;
                progress.Report(new BatchProgress(n, now));
            }
            yield return r;
        }
        progress.Report(new BatchProgress(n, clock.Elapsed));
    }
}
