using ConflictExtract.Records;
using Microsoft.Extensions.Logging;

namespace ConflictExtract.Extensions.DependencyInjection;

/// <summary>The package's log messages (source-generated: no formatting unless the level is enabled).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ConflictExtract models loaded in {ElapsedMs:F0} ms")]
    public static partial void ModelsLoaded(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Extracted {Documents} documents in {ElapsedSeconds:F2} s ({DocumentsPerSecond:F1} documents/s) on {Threads} threads")]
    public static partial void BatchDone(ILogger logger, long documents, double elapsedSeconds, double documentsPerSecond, int threads);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Document {DocumentId} (number {Index} of the batch) failed: {Reason}")]
    public static partial void DocumentFailed(ILogger logger, Exception exception, string? documentId, long index, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Batch stopped after {Documents} documents in {ElapsedSeconds:F2} s")]
    public static partial void BatchStopped(ILogger logger, long documents, double elapsedSeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Document {DocumentId} (number {Index} of the batch) was not extracted ({Kind}): {Reason}")]
    public static partial void DocumentReported(ILogger logger, string? documentId, long index, ExtractionErrorKind kind, string reason);
}
