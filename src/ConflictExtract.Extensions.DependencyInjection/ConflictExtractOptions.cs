namespace ConflictExtract.Extensions.DependencyInjection;

/// <summary>Settings of the registered extractor, bound with the Options pattern and validated when the host starts.</summary>
public sealed class ConflictExtractOptions
{
    /// <summary>Largest text accepted, in UTF-16 code units (1 to 100,000,000). Default 1,000,000.</summary>
    public int MaxTextLength { get; set; } = 1_000_000;

    /// <summary>Whether results carry the tagged entities. Default true; false saves about 40% of the allocation per document.</summary>
    public bool IncludeEntities { get; set; } = true;

    /// <summary>Threads a batch call extracts on; 0 (the default) means the number of processors.</summary>
    public int DegreeOfParallelism { get; set; }

    /// <summary>
    /// What a batch does with a document that cannot be extracted (null text, too large): <see cref="BatchErrorMode.Report"/>
    /// (the default) hands over a result carrying the error and goes on, and the service logs it; <see cref="BatchErrorMode.Throw"/>
    /// ends the batch with the exception.
    /// </summary>
    public BatchErrorMode Errors { get; set; } = BatchErrorMode.Report;

    /// <summary>Extracts one small document when the extractor is created, so that the gazetteer, the weapon catalogue and
    /// the tagger are loaded before the first request rather than during it (the Recognizers date model, used only for
    /// dates the fast paths cannot read, is still built at its first use). Default true.</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>The per-document options these settings give.</summary>
    public ExtractionOptions ToExtractionOptions(string? documentId = null, DateOnly? publishedAt = null) => new()
    {
        MaxTextLength = MaxTextLength,
        IncludeEntities = IncludeEntities,
        DocumentId = documentId,
        PublishedAt = publishedAt,
    };

    /// <summary>The batch options these settings give.</summary>
    public BatchOptions ToBatchOptions() => new()
    {
        DegreeOfParallelism = DegreeOfParallelism == 0 ? Environment.ProcessorCount : DegreeOfParallelism,
        Extraction = ToExtractionOptions(),
        Errors = Errors,
    };
}
