using System.Collections.Concurrent;
using ConflictExtract.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConflictExtract.Extensions.DependencyInjection.Tests;

/// <summary>Captures log entries.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Event, string Message, Exception? Error)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>Records every report, on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class ListProgress : IProgress<BatchProgress>
{
    public List<BatchProgress> Reports { get; } = [];
    public void Report(BatchProgress value) { lock (Reports) Reports.Add(value); }
}

public class RegistrationTests
{
    private static (ServiceProvider Provider, ListLoggerProvider Logs) Build(Action<ConflictExtractOptions>? configure = null)
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddConflictExtract(configure);
        return (services.BuildServiceProvider(), logs);
    }

    private static DocumentInput[] Documents(int n) =>
        Enumerable.Range(0, n).Select(i => new DocumentInput("d" + i, $"Russian drones struck Sumy on Monday, injuring {i + 2} people.", new DateOnly(2024, 3, 20))).ToArray();

    [Fact]
    public void TheExtractorIsOneSingletonAndItsLoadTimeIsLogged()
    {
        var (provider, logs) = Build();
        using (provider)
        {
            var a = provider.GetRequiredService<ConflictExtractor>();
            var b = provider.GetRequiredService<ConflictExtractor>();
            Assert.Same(a, b);
            Assert.Same(a, provider.GetRequiredService<ConflictExtractionService>().Extractor);
            var loaded = Assert.Single(logs.Entries, e => e.Event.Id == 1);
            Assert.Matches("^ConflictExtract models loaded in \\d+ ms$", loaded.Message);
            Assert.Equal(LogLevel.Information, loaded.Level);
        }
    }

    [Fact]
    public void TheOptionsApplyToEveryCall()
    {
        var (provider, _) = Build(o => { o.IncludeEntities = false; o.MaxTextLength = 5_000; });
        using (provider)
        {
            var service = provider.GetRequiredService<ConflictExtractionService>();
            var result = service.Extract("Russian drones struck Sumy on Monday, injuring three people.", new DateOnly(2024, 3, 20), "x1");
            Assert.Equal("x1", result.DocumentId);
            Assert.Empty(result.Entities);
            Assert.Equal("Sumy", Assert.Single(result.Strikes).Location?.Name);
            var many = service.ExtractMany(Documents(3)).ToList();
            Assert.All(many, r => Assert.Empty(r.Entities));
            Assert.Throws<DocumentTooLargeException>(() => service.Extract(new string('a', 5_001)));
        }
    }

    [Theory]
    [InlineData(0, 0, "MaxTextLength")]
    [InlineData(-5, 0, "MaxTextLength")]
    [InlineData(1000, -1, "DegreeOfParallelism")]
    public async Task BadOptionsStopTheHostAtStart(int maxLength, int threads, string field)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddConflictExtract(o => { o.MaxTextLength = maxLength; o.DegreeOfParallelism = threads; });
        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void BadOptionsFailTheStartupValidatorWithoutAHost()
    {
        var (provider, _) = Build(o => o.DegreeOfParallelism = -2);
        using (provider)
        {
            var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("DegreeOfParallelism must be 0", e.Message);
        }
    }

    [Fact]
    public void ABatchIsSummarisedInTheLog()
    {
        var (provider, logs) = Build(o => o.DegreeOfParallelism = 2);
        using (provider)
        {
            var results = provider.GetRequiredService<ConflictExtractionService>().ExtractMany(Documents(7)).ToList();
            Assert.Equal(Documents(7).Select(d => d.Id), results.Select(r => r.DocumentId));
            var summary = Assert.Single(logs.Entries, e => e.Event.Id == 2);
            Assert.Matches("^Extracted 7 documents in \\d+\\.\\d\\d s \\(\\d+\\.\\d documents/s\\) on 2 threads$", summary.Message);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFailedDocumentIsLoggedWithItsIdAndPlace(int threads)
    {
        var (provider, logs) = Build(o => { o.MaxTextLength = 200; o.DegreeOfParallelism = threads; o.Errors = BatchErrorMode.Throw; });
        using (provider)
        {
            var docs = Documents(6).ToList();
            docs[3] = new DocumentInput("too-long", new string('x', 201));
            var seen = new List<string?>();
            Assert.Throws<DocumentTooLargeException>(() =>
            {
                foreach (var r in provider.GetRequiredService<ConflictExtractionService>().ExtractMany(docs)) seen.Add(r.DocumentId);
            });
            Assert.Equal(["d0", "d1", "d2"], seen);
            var failed = Assert.Single(logs.Entries, e => e.Event.Id == 3);
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.StartsWith("Document too-long (number 4 of the batch) failed: The document has 201 characters", failed.Message);
            Assert.IsType<DocumentTooLargeException>(failed.Error);
            Assert.Single(logs.Entries, e => e.Event.Id == 4); // the batch was left before its end
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ByDefaultAFailedDocumentIsAResultTheBatchGoesOnAndTheFailureIsLogged(int threads)
    {
        var (provider, logs) = Build(o => { o.MaxTextLength = 200; o.DegreeOfParallelism = threads; });
        using (provider)
        {
            var service = provider.GetRequiredService<ConflictExtractionService>();
            var docs = Documents(6).ToList();
            docs[3] = new DocumentInput("too-long", new string('x', 201));
            var results = service.ExtractMany(docs).ToList();
            Assert.Equal(["d0", "d1", "d2", "too-long", "d4", "d5"], results.Select(r => r.DocumentId));
            Assert.Equal(ConflictExtract.Records.ExtractionErrorKind.TooLarge, results[3].Error?.Kind);
            Assert.All(results.Where((_, i) => i != 3), r => Assert.Null(r.Error));
            var reported = Assert.Single(logs.Entries, e => e.Event.Id == 5);
            Assert.Equal(LogLevel.Warning, reported.Level);
            Assert.StartsWith("Document too-long (number 4 of the batch) was not extracted (TooLarge)", reported.Message);
            Assert.Single(logs.Entries, e => e.Event.Id == 2); // the batch ran to its end

            async IAsyncEnumerable<DocumentInput> Source()
            {
                foreach (var d in docs) { await Task.Yield(); yield return d; }
            }
            var asyncIds = new List<string?>();
            await foreach (var r in service.ExtractManyAsync(Source())) asyncIds.Add(r.DocumentId);
            Assert.Equal(6, asyncIds.Count);
            Assert.Equal(2, logs.Entries.Count(e => e.Event.Id == 5));
        }
    }

    [Fact]
    public async Task AFailedDocumentOfAnAsyncBatchIsLoggedToo()
    {
        var (provider, logs) = Build(o => { o.MaxTextLength = 200; o.Errors = BatchErrorMode.Throw; });
        using (provider)
        {
            var service = provider.GetRequiredService<ConflictExtractionService>();
            async IAsyncEnumerable<DocumentInput> Source()
            {
                foreach (var d in Documents(2)) { await Task.Yield(); yield return d; }
                yield return new DocumentInput("big", new string('y', 500));
            }
            var seen = new List<string?>();
            await Assert.ThrowsAsync<DocumentTooLargeException>(async () =>
            {
                await foreach (var r in service.ExtractManyAsync(Source())) seen.Add(r.DocumentId);
            });
            Assert.Equal(["d0", "d1"], seen);
            Assert.Contains("Document big (number 3 of the batch) failed", Assert.Single(logs.Entries, e => e.Event.Id == 3).Message);
        }
    }

    [Fact]
    public void ProgressIsReportedAndEndsWithTheBatchSize()
    {
        var (provider, _) = Build();
        using (provider)
        {
            var progress = new ListProgress();
            var results = provider.GetRequiredService<ConflictExtractionService>().ExtractMany(Documents(9), progress).ToList();
            Assert.Equal(9, results.Count);
            Assert.True(progress.Reports.Count >= 2);
            Assert.Equal(1, progress.Reports[0].Completed);
            Assert.Equal(9, progress.Reports[^1].Completed);
            Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Completed <= p.Second.Completed && p.First.Elapsed <= p.Second.Elapsed));
        }
    }

    [Fact]
    public async Task TheLibrarysOwnBatchCallsTakeProgress()
    {
        var extractor = ConflictExtractor.Default;
        var progress = new ListProgress();
        var sync = extractor.ExtractMany(Documents(4), progress).ToList();
        Assert.Equal(4, progress.Reports[^1].Completed);
        var asyncProgress = new ListProgress();
        var list = new List<ExtractionResult>();
        await foreach (var r in extractor.ExtractManyAsync(ToAsync(Documents(5)), asyncProgress)) list.Add(r);
        Assert.Equal(5, list.Count);
        Assert.Equal(5, asyncProgress.Reports[^1].Completed);
        Assert.Equal(sync.Select(r => r.DocumentId), list.Take(4).Select(r => r.DocumentId));
        // No progress given: the plain call.
        Assert.Equal(4, extractor.ExtractMany(Documents(4), (IProgress<BatchProgress>?)null).Count());
    }

    private static async IAsyncEnumerable<DocumentInput> ToAsync(IEnumerable<DocumentInput> docs)
    {
        foreach (var d in docs) { await Task.Yield(); yield return d; }
    }
}
