using System.Collections.Immutable;
using ConflictExtract.Records;

namespace ConflictExtract;

/// <summary>
/// The state of one <see cref="ConflictExtractor.Extract(string, ExtractionOptions, CancellationToken)"/> call, handed to
/// the stages that need it: the caller's cancellation token, the date fallback's per-document budget, and the
/// diagnostics the stages report. Made per call and used by one thread only.
/// </summary>
internal sealed class ExtractionRun
{
    private List<ExtractionDiagnostic>? _diagnostics;

    /// <summary>A run with the default budget for a text of <paramref name="length"/> characters, that cannot be cancelled.</summary>
    public static ExtractionRun Default(int length) => new(CancellationToken.None, new ExtractionOptions(), length);

    /// <summary>A run over a text of <paramref name="length"/> characters, with the limits <paramref name="options"/> set for it.</summary>
    public ExtractionRun(CancellationToken cancellation, in ExtractionOptions options, int length)
    {
        Cancellation = cancellation;
        MaxDateFallbacks = options.MaxDateFallbacksFor(length);
        DateFallbackTimeLimitMs = options.DateFallbackTimeLimitMs;
    }

    /// <summary>The caller's token: checked between stages and inside the long loops (the recognizer fallback, tagging).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Recognizers lookups (cache hits included, so that the result never depends on the cache) allowed per document.</summary>
    public int MaxDateFallbacks { get; }

    /// <summary>Milliseconds the document's Recognizers calls may take in all; <see cref="long.MaxValue"/> for no limit.</summary>
    public long DateFallbackTimeLimitMs { get; }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the caller has cancelled.</summary>
    public void ThrowIfCancelled() => Cancellation.ThrowIfCancellationRequested();

    public void Report(ExtractionDiagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);

    /// <summary>What the stages reported, in order; empty (and nothing allocated) for almost every document.</summary>
    public ImmutableArray<ExtractionDiagnostic> Diagnostics => _diagnostics is null ? [] : [.. _diagnostics];

    /// <summary><paramref name="result"/> with this run's diagnostics, or itself when there are none.</summary>
    public ExtractionResult Attach(ExtractionResult result) => _diagnostics is null ? result : result with { Diagnostics = Diagnostics };
}
