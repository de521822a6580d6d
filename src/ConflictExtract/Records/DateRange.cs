namespace ConflictExtract.Records;

/// <summary>How precise a date is.</summary>
public enum DatePrecision
{
    /// <summary>One day.</summary>
    Day,
    /// <summary>One week.</summary>
    Week,
    /// <summary>One month.</summary>
    Month,
    /// <summary>One year.</summary>
    Year,
    /// <summary>A span between two days.</summary>
    Range,
}

/// <summary>A date or span of dates, inclusive at both ends.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End, DatePrecision Precision)
{
    /// <summary>A single day.</summary>
    public static DateRange Day(DateOnly d) => new(d, d, DatePrecision.Day);
}
