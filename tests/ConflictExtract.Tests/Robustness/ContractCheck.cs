using System.Collections.Immutable;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Robustness;

/// <summary>Checks an <see cref="ExtractionResult"/> against the output contract; throws with a message naming the broken rule.</summary>
internal static class ContractCheck
{
    public static void Valid(ExtractionResult r, string text)
    {
        Assert.NotNull(r);
        True(!r.Weapons.IsDefault && !r.Strikes.IsDefault && !r.Casualties.IsDefault && !r.Entities.IsDefault, "lists are never null");
        Assert.NotNull(r.Summary);
        foreach (var e in r.Entities)
            Span(e.Start, e.End, e.Text, text, $"entity {e.Type}");
        var weaponIds = new HashSet<string>(StringComparer.Ordinal);
        var strikeIds = new HashSet<string>(StringComparer.Ordinal);
        var casualtyIds = new HashSet<string>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in r.Weapons)
        {
            True(weaponIds.Add(w.Id) && all.Add(w.Id), $"weapon id {w.Id} is unique");
            True(!w.Mentions.IsDefault, "weapon mentions not null");
            Evidence(w.Evidence, text, $"weapon {w.Id}");
        }
        foreach (var s in r.Strikes)
        {
            True(strikeIds.Add(s.Id) && all.Add(s.Id), $"strike id {s.Id} is unique");
            True(!s.WeaponIds.IsDefault && !s.CasualtyIds.IsDefault, "strike lists not null");
            True(s.Confidence is >= 0 and <= 1 && !double.IsNaN(s.Confidence), $"strike {s.Id} confidence {s.Confidence} in [0,1]");
            Quantity(s.MunitionCount, $"strike {s.Id} munitionCount");
            Quantity(s.Intercepted, $"strike {s.Id} intercepted");
            Date(s.Date, $"strike {s.Id} date");
            Evidence(s.Evidence, text, $"strike {s.Id}");
        }
        foreach (var c in r.Casualties)
        {
            True(casualtyIds.Add(c.Id) && all.Add(c.Id), $"casualty id {c.Id} is unique");
            Assert.NotNull(c.Count);
            Quantity(c.Count, $"casualty {c.Id} count");
            Date(c.Date, $"casualty {c.Id} date");
            Evidence(c.Evidence, text, $"casualty {c.Id}");
            if (c.StrikeId is not null) True(strikeIds.Contains(c.StrikeId), $"casualty {c.Id} strikeId {c.StrikeId} resolves");
        }
        foreach (var s in r.Strikes)
        {
            foreach (var id in s.WeaponIds) True(weaponIds.Contains(id), $"strike {s.Id} weaponId {id} resolves");
            foreach (var id in s.CasualtyIds) True(casualtyIds.Contains(id), $"strike {s.Id} casualtyId {id} resolves");
        }
        Quantity(r.Summary.Killed, "summary.killed");
        Quantity(r.Summary.Injured, "summary.injured");
    }

    private static void Evidence(ImmutableArray<Evidence> ev, string text, string what)
    {
        True(!ev.IsDefault && ev.Length > 0, $"{what} has at least one evidence span");
        foreach (var e in ev) Span(e.Start, e.End, e.Text, text, what + " evidence");
    }

    private static void Span(int start, int end, string spanText, string text, string what)
    {
        True(0 <= start && start <= end && end <= text.Length, $"{what} span {start}..{end} within 0..{text.Length}");
        True(string.Equals(spanText, text[start..end], StringComparison.Ordinal), $"{what} text equals input[{start}..{end}]");
    }

    private static void Quantity(Quantity? q, string what)
    {
        if (q is null) return;
        True(q.Best is null or >= 0 && q.Low is null or >= 0 && q.High is null or >= 0, $"{what} is not negative: {q}");
        if (q.Low is { } lo && q.High is { } hi) True(lo <= hi, $"{what} low <= high: {q}");
        if (q.Best is { } b2 && q.High is { } h) True(b2 <= h, $"{what} best <= high: {q}");
        switch (q.Qualifier)
        {
            case QuantityQualifier.Exact:
                True(q.Best is not null && q.Low == q.Best && q.High == q.Best, $"{what} exact has best == low == high: {q}");
                break;
            case QuantityQualifier.AtLeast:
                True(q.Low is not null && q.High is null, $"{what} atLeast has low and no high: {q}");
                break;
            case QuantityQualifier.AtMost:
                True(q.High is not null && q.Low is null, $"{what} atMost has high and no low: {q}");
                break;
            case QuantityQualifier.Range:
                True(q.Low is not null && q.High is not null, $"{what} range has low and high: {q}");
                break;
            case QuantityQualifier.Approximately:
                True(q.Headline is not null, $"{what} approximately has a value: {q}");
                break;
            default:
                True(false, $"{what} qualifier {q.Qualifier} is defined");
                break;
        }
    }

    private static void Date(DateRange? d, string what)
    {
        if (d is null) return;
        True(d.Start <= d.End, $"{what} start <= end: {d}");
    }

    private static void True(bool condition, string rule)
    {
        if (!condition) throw new Xunit.Sdk.XunitException("contract: " + rule);
    }
}
