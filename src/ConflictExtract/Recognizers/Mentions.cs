using ConflictExtract.Records;

namespace ConflictExtract.Recognizers;

/// <summary>A count found in the text: the span covers the qualifier and the number ("at least 24", "between 10 and 15", "dozens").</summary>
/// <param name="Start">UTF-16 start offset into the input.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Value">The count with its bounds and qualifier.</param>
internal readonly record struct QuantityMention(int Start, int End, Quantity Value);

/// <summary>A date phrase found in the text.</summary>
/// <param name="Start">UTF-16 start offset into the input.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Value">The resolved date or span, or null when it cannot be resolved (a relative date without a publication date).</param>
/// <param name="Timex">The TIMEX form of the phrase ("XXXX-01-02", "XXXX-WXX-5", "2023-12-30"), or null when it has none that is independent of the reference date.</param>
internal readonly record struct DateMention(int Start, int End, DateRange? Value, string? Timex);

/// <summary>A distance found in the text ("650 km", "up to 650 kilometres", "300 miles"), converted to kilometres.</summary>
/// <param name="Start">UTF-16 start offset into the input.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Kilometres">The distance in kilometres.</param>
internal readonly record struct DistanceMention(int Start, int End, double Kilometres);

/// <summary>Everything the recognizer layer found in one text, each list ordered by start offset.</summary>
internal sealed class RecognizedValues
{
    /// <summary>An empty result.</summary>
    public static RecognizedValues Empty { get; } = new([], [], []);

    /// <summary>Creates a result.</summary>
    /// <param name="quantities">Counts.</param>
    /// <param name="dates">Dates.</param>
    /// <param name="distances">Distances.</param>
    public RecognizedValues(IReadOnlyList<QuantityMention> quantities, IReadOnlyList<DateMention> dates, IReadOnlyList<DistanceMention> distances)
        : this(quantities, dates, distances, []) { }

    /// <summary>Creates a result that carries diagnostics.</summary>
    /// <param name="quantities">Counts.</param>
    /// <param name="dates">Dates.</param>
    /// <param name="distances">Distances.</param>
    /// <param name="diagnostics">What cut the work short, if anything.</param>
    public RecognizedValues(IReadOnlyList<QuantityMention> quantities, IReadOnlyList<DateMention> dates, IReadOnlyList<DistanceMention> distances,
        IReadOnlyList<ExtractionDiagnostic> diagnostics)
    {
        Quantities = quantities;
        Dates = dates;
        Distances = distances;
        Diagnostics = diagnostics;
    }

    /// <summary>Counts ("three", "at least 14", "dozens"), not including years, times, percentages, ages or designations.</summary>
    public IReadOnlyList<QuantityMention> Quantities { get; }

    /// <summary>Dates and date ranges.</summary>
    public IReadOnlyList<DateMention> Dates { get; }

    /// <summary>Distances in kilometres.</summary>
    public IReadOnlyList<DistanceMention> Distances { get; }

    /// <summary>When the date fallback's budget was spent: where, and how many phrases were skipped (see <see cref="ExtractionDiagnostic"/>).</summary>
    public IReadOnlyList<ExtractionDiagnostic> Diagnostics { get; }
}
