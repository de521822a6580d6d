using ConflictExtract.Records;
using ConflictExtract.Recognizers;
using ConflictExtract.Serialization;
using ConflictExtract.Tests.Robustness;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>
/// The date fallback's work per document is bounded by counting, not timing: windows stop before tokens that are not
/// date material (so the "January 12/3-7/21-..." shape makes few Recognizers calls), and a document makes at
/// most <c>4 + length / 8192</c> lookups by default, after which the result says where it stopped.
/// </summary>
public class FallbackBudgetTests
{
    private static readonly DateOnly Pub = new(2024, 3, 10);
    private static readonly ExtractionOptions Defaults = new() { PublishedAt = Pub };
    private static readonly ExtractionOptions Unbounded = new() { PublishedAt = Pub, MaxDateFallbacks = int.MaxValue };

    private static (ExtractionResult Result, long Lookups, long Calls) Run(ConflictExtractor extractor, string text, ExtractionOptions options)
    {
        long l0 = RecognizerLayer.Lookups, c0 = extractor.Models.Recognizers.FallbackCalls;
        var r = extractor.Extract(text, options);
        ContractCheck.Valid(r, text);
        return (r, RecognizerLayer.Lookups - l0, extractor.Models.Recognizers.FallbackCalls - c0);
    }

    private static int Limit(int length) => 4 + length / 8192;

    [Fact]
    public void SlashedNumberRunsStayOutOfTheWindows()
    {
        // Even with the budget lifted, a month followed by "12/3-7/21-..." runs is read as the month alone: the runs are
        // not date material, and "March" alone is one cached phrase. Before, each month was a new ~200-character call.
        var extractor = AdversarialText.FreshExtractor();
        string text = AdversarialText.MonthSlashDash(9_000, 3);
        var (_, _, calls) = Run(extractor, text, Unbounded);
        Assert.InRange(calls, 0, 30); // 12 months (and a few leftovers), where there were about 150
    }

    public static TheoryData<string, int> Adversarial() => new()
    {
        { "spaced", 1_000 }, { "spaced", 9_000 }, { "spaced", 50_000 },
        { "slashed", 9_000 }, { "slashed", 50_000 },
        { "ago", 9_000 },
    };

    private static string Text(string kind, int chars) => kind switch
    {
        "spaced" => AdversarialText.MonthSpacedNumbers(chars, chars),
        "slashed" => AdversarialText.MonthSlashDash(chars, chars),
        _ => string.Concat(Enumerable.Range(0, chars / 30).Select(i => $"some {i % 11 + 2} and a half weeks ago, ")),
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void LookupsPerDocumentAreCappedAndTheResultSaysWhere(string kind, int chars)
    {
        string text = Text(kind, chars);
        var (result, lookups, _) = Run(AdversarialText.FreshExtractor(), text, Defaults);
        Assert.InRange(lookups, 1, Limit(text.Length));
        // Every one of these texts has far more date-like phrases than the limit (a month or an "ago" every 20-45 characters).
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ExtractionDiagnosticKind.DateFallbackLimitReached, d.Kind);
        Assert.InRange(d.Offset, 0, text.Length - 1);
        Assert.Contains("MaxDateFallbacks", d.Message, StringComparison.Ordinal);
        Assert.NotEmpty(result.Entities.Where(e => e.Type == EntityType.DATE && e.Start < d.Offset)); // what was found before is kept
    }

    [Fact]
    public void FastPathDatesAfterTheLimitAreStillRead()
    {
        // The budget is spent in the first part; the common forms after it are read by the fast paths all the same.
        string text = AdversarialText.MonthSpacedNumbers(3_000, 5) + "\n\nOn March 3, 2024, a drone struck Kherson, killing two people.";
        var (result, _, _) = Run(AdversarialText.FreshExtractor(), text, Defaults);
        Assert.Equal(ExtractionDiagnosticKind.DateFallbackLimitReached, Assert.Single(result.Diagnostics).Kind);
        int tail = text.IndexOf("On March 3", StringComparison.Ordinal);
        Assert.Contains(result.Entities, e => e.Type == EntityType.DATE && e.Start >= tail && e.Text == "March 3, 2024");
        var strike = Assert.Single(result.Strikes, s => s.Location?.Name == "Kherson");
        Assert.Equal(new DateOnly(2024, 3, 3), strike.Date?.Start);
    }

    [Fact]
    public void TheResultDoesNotDependOnTheCache()
    {
        // Hits count like misses, so a warm cache (filled by other documents) stops the document at the same place.
        string text = AdversarialText.MonthSpacedNumbers(9_000, 8);
        var cold = AdversarialText.FreshExtractor();
        var first = cold.Extract(text, Defaults);
        var again = cold.Extract(text, Defaults); // every window now cached
        var other = AdversarialText.FreshExtractor().Extract(text, Defaults);
        Assert.Equal(ExtractionJson.Serialize(first), ExtractionJson.Serialize(again));
        Assert.Equal(ExtractionJson.Serialize(first), ExtractionJson.Serialize(other));
        Assert.Equal(first.Diagnostics.ToArray(), again.Diagnostics.ToArray());
        Assert.Equal(first.Diagnostics.ToArray(), other.Diagnostics.ToArray());
    }

    [Fact]
    public void NewsNeedsNoDiagnostic()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "odesa-strike.txt"));
        Assert.Empty(ConflictExtractor.Default.Extract(text, Defaults).Diagnostics);
        const string relative = "The siege began a year and a half ago; two weeks and three days ago a drone hit Sumy.";
        Assert.Empty(ConflictExtractor.Default.Extract(relative, Defaults).Diagnostics);
    }

    [Fact]
    public void TheLimitIsAnOption()
    {
        string text = AdversarialText.MonthSpacedNumbers(9_000, 9);
        var (two, lookups, _) = Run(AdversarialText.FreshExtractor(), text, Defaults with { MaxDateFallbacks = 2 });
        Assert.InRange(lookups, 0, 2);
        Assert.Contains("limit of 2 lookups", Assert.Single(two.Diagnostics).Message, StringComparison.Ordinal);
        var (all, unbounded, _) = Run(AdversarialText.FreshExtractor(), text, Unbounded);
        Assert.Empty(all.Diagnostics);
        Assert.True(unbounded > 100, $"{unbounded} lookups");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConflictExtractor.Default.Extract("text", new ExtractionOptions { MaxDateFallbacks = -1 }));
        Assert.Equal("MaxDateFallbacks", e.ParamName);
        var t = Assert.Throws<ArgumentOutOfRangeException>(() => ConflictExtractor.Default.Extract("text", new ExtractionOptions { DateFallbackTimeLimit = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("DateFallbackTimeLimit", t.ParamName);
    }

    [Fact]
    public void TheOptionalTimeLimitStopsTheFallbackAndSaysSo()
    {
        // Not a timing assertion: about a thousand new Recognizers calls take far more than the 1 ms allowed, so the
        // limit is spent early; what is checked is that the document then stops calling and says where.
        string text = AdversarialText.MonthSpacedNumbers(30_000, 10);
        var extractor = AdversarialText.FreshExtractor();
        extractor.Models.Recognizers.LoadFallbackModel();
        var (result, _, calls) = Run(extractor, text, Unbounded with { DateFallbackTimeLimit = TimeSpan.FromMilliseconds(1) });
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ExtractionDiagnosticKind.DateFallbackTimeLimitReached, d.Kind);
        Assert.True(calls < 500, $"{calls} calls after a 1 ms limit");
    }

    [Fact]
    public void RecognizeReportsTheBudgetToo()
    {
        string text = AdversarialText.MonthSpacedNumbers(9_000, 12);
        var values = new RecognizerLayer().Recognize(text, TestTokens.Tokenize(text), Pub);
        Assert.Equal(ExtractionDiagnosticKind.DateFallbackLimitReached, Assert.Single(values.Diagnostics).Kind);
        Assert.NotEmpty(values.Dates);
    }
}
