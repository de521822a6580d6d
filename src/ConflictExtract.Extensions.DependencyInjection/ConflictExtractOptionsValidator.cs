using Microsoft.Extensions.Options;

namespace ConflictExtract.Extensions.DependencyInjection;

/// <summary>Checks <see cref="ConflictExtractOptions"/>; each failure names its field.</summary>
internal sealed class ConflictExtractOptionsValidator : IValidateOptions<ConflictExtractOptions>
{
    public ValidateOptionsResult Validate(string? name, ConflictExtractOptions options)
    {
        var failures = new List<string>();
        if (options.MaxTextLength is < 1 or > 100_000_000)
            failures.Add($"{nameof(ConflictExtractOptions.MaxTextLength)} must be between 1 and 100,000,000 (was {options.MaxTextLength}).");
        if (options.DegreeOfParallelism < 0)
            failures.Add($"{nameof(ConflictExtractOptions.DegreeOfParallelism)} must be 0 (all processors) or positive (was {options.DegreeOfParallelism}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
