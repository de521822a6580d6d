using System.Text.Json.Serialization;

namespace ConflictExtract.Records;

/// <summary>How a count was stated.</summary>
public enum QuantityQualifier
{
    /// <summary>"three people".</summary>
    Exact,
    /// <summary>"at least 14", "more than 14".</summary>
    AtLeast,
    /// <summary>"up to 650".</summary>
    AtMost,
    /// <summary>"about 30", "dozens".</summary>
    Approximately,
    /// <summary>"between 10 and 15".</summary>
    Range,
}

/// <summary>A count of people, munitions or attacks, as the text states it.</summary>
/// <param name="Best">The headline number, or null ("dozens", "between 10 and 15").</param>
/// <param name="Low">Lower bound, or null.</param>
/// <param name="High">Upper bound, or null.</param>
/// <param name="Qualifier">How the count was stated.</param>
public sealed record Quantity(long? Best, long? Low, long? High, QuantityQualifier Qualifier)
{
    /// <summary>An exact count.</summary>
    public static Quantity Exact(long n) => new(n, n, n, QuantityQualifier.Exact);

    /// <summary>"at least n".</summary>
    public static Quantity AtLeast(long n) => new(n, n, null, QuantityQualifier.AtLeast);

    /// <summary>"up to n".</summary>
    public static Quantity AtMost(long n) => new(n, null, n, QuantityQualifier.AtMost);

    /// <summary>The headline number: best, else low, else high.</summary>
    [JsonIgnore]
    public long? Headline => Best ?? Low ?? High;
}
