using System.Globalization;
using ConflictExtract.Records;

namespace ConflictExtract.Recognizers;

/// <summary>
/// One document's budget for the date fallback (Microsoft.Recognizers.Text), kept on the stack by
/// <see cref="RecognizerLayer"/>: a count of lookups (cache hits included, so that where a document stops never depends
/// on the cache, which other documents fill) and a total time for the calls themselves, measured with
/// <see cref="Environment.TickCount64"/> around each call (a coarse clock, read twice per call: nothing on the fast paths).
/// Once either is spent, the rest of the document gets no fallback; the first phrase refused and how many were are
/// reported to the run as one diagnostic.
/// </summary>
internal struct FallbackBudget(ExtractionRun run)
{
    private readonly int _limit = run.MaxDateFallbacks;
    private readonly long _timeLimitMs = run.DateFallbackTimeLimitMs;
    private int _taken;
    private long _spentMs;
    private ExtractionDiagnosticKind _stoppedBy;
    private int _stoppedAt = -1;
    private int _refused;
    private int _failedAt = -1;
    private string? _failure;

    public readonly CancellationToken Cancellation => run.Cancellation;

    /// <summary>Takes one lookup for the phrase at offset <paramref name="at"/>; false when the budget is spent.</summary>
    public bool TryTake(int at)
    {
        if (_stoppedAt >= 0) { _refused++; return false; }
        if (_taken >= _limit) { Stop(ExtractionDiagnosticKind.DateFallbackLimitReached, at); return false; }
        _taken++;
        return true;
    }

    /// <summary>Whether a Recognizers call (a cache miss) for the phrase at <paramref name="at"/> may start.</summary>
    public bool TryCall(int at)
    {
        if (_spentMs < _timeLimitMs) return true;
        Stop(ExtractionDiagnosticKind.DateFallbackTimeLimitReached, at);
        return false;
    }

    /// <summary>Notes that the fallback could not serve the phrase at <paramref name="at"/> (the first such failure is reported).</summary>
    public void Failed(int at, string why)
    {
        if (_failedAt >= 0) return;
        _failedAt = at;
        _failure = why;
    }

    /// <summary>Counts the time one call took.</summary>
    public void Spent(long ms) => _spentMs += Math.Max(0, ms);

    private void Stop(ExtractionDiagnosticKind kind, int at)
    {
        _stoppedBy = kind;
        _stoppedAt = at;
        _refused = 1;
    }

    /// <summary>Reports a failure and a spent budget to <paramref name="to"/> (nothing when the document had neither).</summary>
    public readonly void Report(ExtractionRun to)
    {
        if (_failedAt >= 0)
            to.Report(new ExtractionDiagnostic(ExtractionDiagnosticKind.DateFallbackFailed, _failedAt,
                string.Create(CultureInfo.InvariantCulture, $"Date phrases from offset {_failedAt} on that only the date fallback reads were skipped: {_failure}")));
        if (_stoppedAt < 0) return;
        string message = _stoppedBy == ExtractionDiagnosticKind.DateFallbackLimitReached
            ? string.Create(CultureInfo.InvariantCulture, $"The date fallback's limit of {_limit} lookups per document (ExtractionOptions.MaxDateFallbacks) was reached at offset {_stoppedAt}; {_refused} later date-like phrase(s) that only Recognizers reads were skipped.")
            : string.Create(CultureInfo.InvariantCulture, $"The date fallback's time limit of {_timeLimitMs} ms per document (ExtractionOptions.DateFallbackTimeLimit) was reached at offset {_stoppedAt} after {_taken} lookups; {_refused} later date-like phrase(s) that only Recognizers reads were skipped.");
        to.Report(new ExtractionDiagnostic(_stoppedBy, _stoppedAt, message));
    }
}
