namespace ConflictExtract;

/// <summary>What to do with a document longer than <see cref="ExtractionOptions.MaxTextLength"/>.</summary>
public enum OversizeHandling
{
    /// <summary>Throw <see cref="DocumentTooLargeException"/>. (Windowed processing of long documents is planned.)</summary>
    Throw,
}

/// <summary>Options for one extraction. A <c>readonly record struct</c>: use <c>with</c> to change a field.</summary>
public readonly record struct ExtractionOptions
{
    /// <summary>Creates options with the defaults.</summary>
    public ExtractionOptions() { }

    /// <summary>An identifier copied to the result's <c>documentId</c>.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The publication date: the reference for relative dates. Null leaves relative dates unresolved; the machine clock is never used.</summary>
    public DateOnly? PublishedAt { get; init; }

    /// <summary>Largest text accepted, in UTF-16 code units. Default 1,000,000.</summary>
    public int MaxTextLength { get; init; } = 1_000_000;

    /// <summary>What to do with longer text. Default <see cref="OversizeHandling.Throw"/>.</summary>
    public OversizeHandling Oversize { get; init; } = OversizeHandling.Throw;

    /// <summary>Whether to fill <c>Entities</c>. Default true.</summary>
    public bool IncludeEntities { get; init; } = true;

    /// <summary>
    /// Most date-fallback lookups per document: short spans around date-like words that the fast paths cannot read,
    /// handed to Microsoft.Recognizers.Text (a few milliseconds each, whatever they hold, as the spans are capped in length and in
    /// numbers). Cache hits count too, so a result never depends on what other documents ran before. Past the limit,
    /// such phrases are skipped (the fast paths still read the common forms) and the result carries an
    /// <see cref="Records.ExtractionDiagnosticKind.DateFallbackLimitReached"/> diagnostic. News text needs very few: none
    /// in 803 of 804 development and training articles, 2 in the last (a relative phrase takes two: one for its TIMEX,
    /// one to resolve it against the publication date).
    /// 0 (the default) means 4 plus one per 8,192 characters of the document (5 for 10,000 characters, 126 for 1,000,000);
    /// <see cref="int.MaxValue"/> means no limit.
    /// </summary>
    public int MaxDateFallbacks { get; init; }

    /// <summary>
    /// Most time the document's date-fallback calls may take in all, checked before each call (a call, on at most 200
    /// characters, is never interrupted). Past it, such phrases are skipped and the result carries an
    /// <see cref="Records.ExtractionDiagnosticKind.DateFallbackTimeLimitReached"/> diagnostic. Off by default
    /// (<see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/>): unlike <see cref="MaxDateFallbacks"/>, its
    /// effect depends on the machine's speed and load (a busy machine, or the first call through one of Recognizers'
    /// code paths, which costs up to 200 ms once per process, can spend it), so a result that hits it may differ from run
    /// to run and from one thread count to another. Set it when a hard bound on wall time matters more than that.
    /// </summary>
    public TimeSpan DateFallbackTimeLimit { get; init; }

    /// <summary>The default <see cref="MaxDateFallbacks"/> for a document of <paramref name="length"/> characters.</summary>
    internal static int DefaultMaxDateFallbacks(int length) => 4 + Math.Max(0, length) / 8192;

    /// <summary>The limit in force: <see cref="MaxTextLength"/>, or 1,000,000 when it is 0 (as in <c>default(ExtractionOptions)</c>).</summary>
    internal int EffectiveMaxTextLength => MaxTextLength == 0 ? 1_000_000 : MaxTextLength;

    /// <summary>The fallback lookups allowed for a document of <paramref name="length"/> characters.</summary>
    internal int MaxDateFallbacksFor(int length) => MaxDateFallbacks == 0 ? DefaultMaxDateFallbacks(length) : MaxDateFallbacks;

    /// <summary>The fallback time allowed per document, in milliseconds; <see cref="long.MaxValue"/> for none.</summary>
    internal long DateFallbackTimeLimitMs =>
        DateFallbackTimeLimit == TimeSpan.Zero || DateFallbackTimeLimit == Timeout.InfiniteTimeSpan ? long.MaxValue
        : (long)Math.Ceiling(DateFallbackTimeLimit.TotalMilliseconds);

    internal void Validate()
    {
        if (MaxTextLength < 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxTextLength), "must not be negative (0 means the default)");
        if (!Enum.IsDefined(Oversize))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(Oversize), "is not a defined value");
        if (MaxDateFallbacks < 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxDateFallbacks), "must not be negative (0 means the default)");
        if (DateFallbackTimeLimit < TimeSpan.Zero && DateFallbackTimeLimit != Timeout.InfiniteTimeSpan)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(DateFallbackTimeLimit), "must not be negative (zero or Timeout.InfiniteTimeSpan mean no limit)");
        if (PublishedAt is { } d && (d.Year < 1800 || d.Year > 2200))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(PublishedAt), "must be between the years 1800 and 2200");
    }
}

/// <summary>One document for the batch API.</summary>
/// <param name="Id">Identifier copied to the result.</param>
/// <param name="Text">The text (null gives a <see cref="Records.ExtractionErrorKind.NullText"/> error in a batch).</param>
/// <param name="PublishedAt">Publication date, or null.</param>
public sealed record DocumentInput(string? Id, string Text, DateOnly? PublishedAt = null);

/// <summary>Options for the batch API.</summary>
public readonly record struct BatchOptions
{
    /// <summary>Creates options with the defaults.</summary>
    public BatchOptions() { }

    /// <summary>Documents processed at once, on this many threads, the enumerating thread among them. Default: the number of processors.</summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Per-document options; <c>DocumentId</c> and <c>PublishedAt</c> come from each <see cref="DocumentInput"/>.</summary>
    public ExtractionOptions Extraction { get; init; } = new();

    /// <summary>What a document that cannot be extracted does to the batch. Default <see cref="BatchErrorMode.Report"/>.</summary>
    public BatchErrorMode Errors { get; init; }
}

/// <summary>What a batch does with a document that cannot be extracted (null text, too large, invalid fields).</summary>
public enum BatchErrorMode
{
    /// <summary>
    /// Yield, in its place, a result with its id, empty record lists and <see cref="Records.ExtractionResult.Error"/> set,
    /// and go on: a batch never ends early for a document. The default.
    /// </summary>
    Report,

    /// <summary>Throw the document's exception when its turn comes, ending the batch (the behaviour before this option).</summary>
    Throw,
}

/// <summary>The document is longer than <see cref="ExtractionOptions.MaxTextLength"/>.</summary>
public sealed class DocumentTooLargeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DocumentTooLargeException(int length, int max)
        : base($"The document has {length:N0} characters; the limit is {max:N0} (ExtractionOptions.MaxTextLength). Raise the limit to process it.", "text")
    {
        Length = length;
        MaxLength = max;
    }

    /// <summary>Creates the exception.</summary>
    public DocumentTooLargeException() : this(0, 0) { }

    /// <summary>Creates the exception.</summary>
    public DocumentTooLargeException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public DocumentTooLargeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The document's length.</summary>
    public int Length { get; }

    /// <summary>The limit.</summary>
    public int MaxLength { get; }
}
