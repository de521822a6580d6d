using System.Diagnostics;
using ConflictExtract;
using ConflictExtract.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// In the container's own namespace, as the framework's Add* methods are, so that no extra using is needed.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of ConflictExtract in an <see cref="IServiceCollection"/>.</summary>
public static class ConflictExtractServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ConflictExtractor"/> (models loaded once, shared by every thread) and a singleton
    /// <see cref="ConflictExtractionService"/> that applies <see cref="ConflictExtractOptions"/> and logs. The options are
    /// validated when the host starts (<c>ValidateOnStart</c>), so a bad setting stops the application at start-up rather
    /// than at its first document; without a host, <c>provider.GetRequiredService&lt;IStartupValidator&gt;().Validate()</c>
    /// does the same. Calling it again adds configuration, not a second extractor.
    /// </summary>
    public static IServiceCollection AddConflictExtract(this IServiceCollection services, Action<ConflictExtractOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ConflictExtractOptions>();
        if (configure is not null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConflictExtractOptions>, ConflictExtractOptionsValidator>());
        services.TryAddSingleton(CreateExtractor);
        services.TryAddSingleton<ConflictExtractionService>();
        return services;
    }

    private static ConflictExtractor CreateExtractor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<ConflictExtractOptions>>().Value;
        var logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("ConflictExtract");
        var clock = Stopwatch.StartNew();
        var extractor = new ConflictExtractor();
        // One small document loads the gazetteer, the weapon catalogue and the tagger now rather than at the first request.
        if (options.WarmUpAtStart) extractor.Extract("Two drones hit Kyiv on Monday.", new DateOnly(2024, 1, 1));
        Log.ModelsLoaded(logger, clock.Elapsed.TotalMilliseconds);
        return extractor;
    }
}
