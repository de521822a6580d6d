namespace ConflictExtract;

/// <summary>
/// The state of one <see cref="ConflictExtractor.Extract(string, ExtractionOptions, CancellationToken)"/> call, handed to
/// the stages that need it: the caller's cancellation token. Made per call and used by one thread only.
/// </summary>
internal sealed class ExtractionRun
{
    /// <summary>A run that cannot be cancelled, for internal callers that have no caller's token.</summary>
    public static ExtractionRun None => new(CancellationToken.None);

    public ExtractionRun(CancellationToken cancellation) => Cancellation = cancellation;

    /// <summary>The caller's token: checked between stages and inside the long loops (the recognizer fallback, tagging).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the caller has cancelled.</summary>
    public void ThrowIfCancelled() => Cancellation.ThrowIfCancellationRequested();
}
