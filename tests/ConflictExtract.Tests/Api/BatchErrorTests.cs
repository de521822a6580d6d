using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Api;

/// <summary>
/// A bad document of a batch becomes a result with its id and a typed error (BatchErrorMode.Report, the default), so
/// that the rest of the batch is processed; BatchErrorMode.Throw keeps the exception; one Extract still throws.
/// </summary>
public class BatchErrorTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;
    private static readonly DateOnly Pub = new(2024, 5, 2);

    /// <summary>Good documents around a null text, an oversize text, an invalid date and a null document.</summary>
    private static DocumentInput[] Mixed() =>
    [
        new("good-1", "Russian missiles hit Lviv on Monday, killing three people.", Pub),
        new("null-text", null!, Pub),
        new("too-large", new string('x', 2_000), Pub),
        new("bad-date", "Shelling of Kherson wounded two.", new DateOnly(1700, 1, 1)),
        null!,
        new("good-2", "A drone struck an apartment block in Odesa, injuring five people.", Pub),
    ];

    private static BatchOptions Options(int threads, BatchErrorMode mode = BatchErrorMode.Report) =>
        new() { DegreeOfParallelism = threads, Errors = mode, Extraction = new ExtractionOptions { MaxTextLength = 1_000 } };

    private static void AssertReported(IReadOnlyList<ExtractionResult> results)
    {
        Assert.Equal(["good-1", "null-text", "too-large", "bad-date", null, "good-2"], results.Select(r => r.DocumentId));
        Assert.Equal([null, ExtractionErrorKind.NullText, ExtractionErrorKind.TooLarge, ExtractionErrorKind.InvalidInput, ExtractionErrorKind.NullText, null],
            results.Select(r => r.Error?.Kind));
        Assert.Contains("1,000", results[2].Error!.Message, StringComparison.Ordinal); // the limit, as the exception says it
        Assert.Contains("PublishedAt", results[3].Error!.Message, StringComparison.Ordinal);
        foreach (var bad in results.Where(r => r.Error is not null))
        {
            Assert.Empty(bad.Strikes);
            Assert.Empty(bad.Casualties);
            Assert.Empty(bad.Weapons);
            Assert.Empty(bad.Entities);
            Assert.NotEmpty(ExtractionJson.Serialize(bad)); // still serializes (the error is not part of the JSON)
        }
        // The good documents are extracted as on their own.
        Assert.Single(results[0].Strikes);
        Assert.Equal(ExtractionJson.Serialize(Extractor.Extract(Mixed()[5].Text, Pub, "good-2")), ExtractionJson.Serialize(results[5]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ReportModeNeverEndsTheBatchEarly(int threads) =>
        AssertReported(Extractor.ExtractMany(Mixed(), Options(threads)).ToList());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task ReportModeNeverEndsTheAsyncBatchEarly(int threads)
    {
        var results = new List<ExtractionResult>();
        await foreach (var r in Extractor.ExtractManyAsync(ToAsync(Mixed()), Options(threads))) results.Add(r);
        AssertReported(results);
    }

    [Fact]
    public void ReportIsTheDefault()
    {
        var docs = new[] { new DocumentInput("a", null!), new DocumentInput("b", "Drones hit Sumy.") };
        Assert.Equal([ExtractionErrorKind.NullText, (ExtractionErrorKind?)null], Extractor.ExtractMany(docs).Select(r => r.Error?.Kind));
        Assert.Equal(BatchErrorMode.Report, default(BatchOptions).Errors);
        Assert.Equal(BatchErrorMode.Report, new BatchOptions().Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ThrowModeKeepsTheException(int threads)
    {
        var seen = new List<string?>();
        Assert.Throws<ArgumentNullException>(() =>
        {
            foreach (var r in Extractor.ExtractMany(Mixed(), Options(threads, BatchErrorMode.Throw))) seen.Add(r.DocumentId);
        });
        Assert.Equal(["good-1"], seen);
    }

    [Fact]
    public async Task AsyncThrowModeKeepsTheException()
    {
        var seen = new List<string?>();
        await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (var r in Extractor.ExtractManyAsync(ToAsync(Mixed()), Options(2, BatchErrorMode.Throw))) seen.Add(r.DocumentId);
        });
        Assert.Equal(["good-1"], seen);
    }

    [Fact]
    public void OneDocumentStillThrows()
    {
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract(null!, new ExtractionOptions()));
        Assert.Throws<DocumentTooLargeException>(() => Extractor.Extract(new string('x', 2_000), new ExtractionOptions { MaxTextLength = 1_000 }));
        Assert.Null(Extractor.Extract("Drones hit Sumy.").Error);
    }

    [Fact]
    public void AnUndefinedModeIsRefused() =>
        Assert.Equal("Errors", Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.ExtractMany([], new BatchOptions { Errors = (BatchErrorMode)7 }).ToList()).ParamName);

    private static async IAsyncEnumerable<DocumentInput> ToAsync(IEnumerable<DocumentInput> docs)
    {
        foreach (var d in docs)
        {
            await Task.Yield();
            yield return d;
        }
    }
}
