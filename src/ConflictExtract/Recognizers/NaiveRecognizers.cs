using System.Globalization;
using ConflictExtract.Records;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;
using DateTimeRecognizer = Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer;

namespace ConflictExtract.Recognizers;

/// <summary>
/// The baseline: Microsoft.Recognizers.Text's Number, NumberRange, Dimension and DateTime models run over the whole
/// document. Slow (tens of milliseconds per article); kept for benchmarks and comparisons, not for production.
/// </summary>
internal static class NaiveRecognizers
{
    private static readonly Lazy<IModel> Number = new(() => new NumberRecognizer(Culture.English).GetNumberModel());
    private static readonly Lazy<IModel> Range = new(() => new NumberRecognizer(Culture.English).GetNumberRangeModel());
    private static readonly Lazy<IModel> Dimension = new(() => new NumberWithUnitRecognizer(Culture.English).GetDimensionModel());
    private static readonly Lazy<Microsoft.Recognizers.Text.DateTime.DateTimeModel> DateTime = new(() => new DateTimeRecognizer(Culture.English).GetDateTimeModel());

    /// <summary>Runs the recognizers over the whole <paramref name="text"/>.</summary>
    /// <param name="text">The document.</param>
    /// <param name="publishedAt">Reference date; relative dates are resolved against it (past readings).</param>
    public static RecognizedValues Recognize(string text, DateOnly? publishedAt)
    {
        if (string.IsNullOrEmpty(text)) return RecognizedValues.Empty;
        var qs = new List<QuantityMention>();
        var ds = new List<DateMention>();
        var ks = new List<DistanceMention>();
        try
        {
            var ranges = Range.Value.Parse(text);
            foreach (var r in ranges)
            {
                if (Str(r.Resolution, "value") is { } v && ParseRange(v) is { } q) qs.Add(new QuantityMention(r.Start, r.End + 1, q));
            }
            foreach (var r in Number.Value.Parse(text))
            {
                bool inRange = false;
                foreach (var x in qs) if (r.Start < x.End && r.End + 1 > x.Start) inRange = true;
                if (inRange) continue;
                if (double.TryParse(Str(r.Resolution, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && d >= 0 && d < 1e15)
                    qs.Add(new QuantityMention(r.Start, r.End + 1, Quantity.Exact((long)d)));
            }
            qs.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var r in Dimension.Value.Parse(text))
            {
                if (!double.TryParse(Str(r.Resolution, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) continue;
                string? unit = Str(r.Resolution, "unit");
                if (unit == "Kilometer") ks.Add(new DistanceMention(r.Start, r.End + 1, d));
                else if (unit == "Mile") ks.Add(new DistanceMention(r.Start, r.End + 1, d * 1.609344));
            }
            var reference = (publishedAt ?? new DateOnly(1900, 6, 15)).ToDateTime(TimeOnly.MinValue);
            foreach (var r in DateTime.Value.Parse(text, reference))
            {
                string? timex = null, mod = null;
                if (r.Resolution is { } res && res.TryGetValue("values", out var vs) && vs is System.Collections.IEnumerable seq)
                {
                    foreach (var o in seq)
                    {
                        if (o is IDictionary<string, string> dict) { dict.TryGetValue("timex", out timex); dict.TryGetValue("Mod", out mod); break; }
                    }
                }
                var dv = TimexResolver.Resolve(timex, mod, publishedAt);
                ds.Add(new DateMention(r.Start, r.End + 1, dv.Range, timex));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return RecognizedValues.Empty;
        }
        return new RecognizedValues(qs, ds, ks);
    }

    private static string? Str(SortedDictionary<string, object>? res, string key) =>
        res is not null && res.TryGetValue(key, out var o) ? o?.ToString() : null;

    /// <summary>"[24,)", "(14,)", "(,650]", "[10,15)".</summary>
    private static Quantity? ParseRange(string v)
    {
        if (v.Length < 3) return null;
        int comma = v.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return null;
        bool loIncl = v[0] == '[', hiIncl = v[^1] == ']';
        var loS = v.AsSpan(1, comma - 1);
        var hiS = v.AsSpan(comma + 1, v.Length - comma - 2);
        long? lo = double.TryParse(loS, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) ? (long)a + (loIncl ? 0 : 1) : null;
        long? hi = double.TryParse(hiS, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) ? (long)b - (hiIncl ? 0 : 1) : null;
        if (lo is { } l && hi is { } h) return new Quantity(null, l, h, QuantityQualifier.Range);
        if (lo is { } l2) return new Quantity(loIncl ? l2 : l2 - 1, l2, null, QuantityQualifier.AtLeast);
        if (hi is { } h2) return new Quantity(hiIncl ? h2 : h2 + 1, null, h2, QuantityQualifier.AtMost);
        return null;
    }
}
