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

/// <summary>Why a document of a batch has no records (see <see cref="ExtractionError"/>).</summary>
public enum ExtractionErrorKind
{
    /// <summary>The document, or its text, was null.</summary>
    NullText,

    /// <summary>The text is longer than <see cref="ExtractionOptions.MaxTextLength"/> (what <see cref="DocumentTooLargeException"/> says for one document).</summary>
    TooLarge,

    /// <summary>The document's own fields are invalid (for example a <c>PublishedAt</c> outside the years 1800-2200).</summary>
    InvalidInput,

    /// <summary>The library failed on this document (a bug: please report it with the text).</summary>
    Internal,
}

/// <summary>
/// A document of a batch that could not be extracted, as a value: in <see cref="BatchErrorMode.Report"/> mode (the
/// default) <see cref="ConflictExtractor.ExtractMany"/> and <see cref="ConflictExtractor.ExtractManyAsync"/> yield, in that
/// document's place, a result with its id, empty record lists and this in <see cref="ExtractionResult.Error"/>, and go on.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">The message of the exception that <see cref="ConflictExtractor.Extract(string, ExtractionOptions)"/> would have thrown.</param>
public sealed record ExtractionError(ExtractionErrorKind Kind, string Message)
{
    /// <summary>The error for an exception thrown by one document's extraction.</summary>
    internal static ExtractionError From(Exception e) => e switch
    {
        ArgumentNullException => new(ExtractionErrorKind.NullText, e.Message),
        DocumentTooLargeException => new(ExtractionErrorKind.TooLarge, e.Message),
        ArgumentException => new(ExtractionErrorKind.InvalidInput, e.Message),
        _ => new(ExtractionErrorKind.Internal, $"{e.GetType().Name}: {e.Message}"),
    };
}
