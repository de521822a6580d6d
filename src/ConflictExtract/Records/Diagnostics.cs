namespace ConflictExtract.Records;

/// <summary>What an <see cref="ExtractionDiagnostic"/> reports.</summary>
public enum ExtractionDiagnosticKind
{
    /// <summary>
    /// The document used up its budget of date-fallback windows (<see cref="ExtractionOptions.MaxDateFallbacks"/>): from
    /// <see cref="ExtractionDiagnostic.Offset"/> on, date phrases that only Microsoft.Recognizers.Text reads were skipped
    /// (the fast paths still read the common forms). Deterministic: the same text always stops at the same place.
    /// </summary>
    DateFallbackLimitReached,

    /// <summary>
    /// The document's date fallback ran longer than <see cref="ExtractionOptions.DateFallbackTimeLimit"/>: from
    /// <see cref="ExtractionDiagnostic.Offset"/> on, date phrases that only Recognizers reads were skipped. This one
    /// depends on the machine's speed and load; a result that carries it may differ from run to run.
    /// </summary>
    DateFallbackTimeLimitReached,

    /// <summary>The Recognizers date model could not be built, or failed on a phrase: those dates were skipped.</summary>
    DateFallbackFailed,
}

/// <summary>
/// Something the caller should know about how a result was made: the values found are right, but the work was cut
/// short or a model was unavailable, so some may be missing. Listed in <see cref="ExtractionResult.Diagnostics"/>; not
/// part of the JSON contract.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Offset">The UTF-16 offset in the input where it happened (the first phrase skipped).</param>
/// <param name="Message">A sentence for a log.</param>
public sealed record ExtractionDiagnostic(ExtractionDiagnosticKind Kind, int Offset, string Message);
