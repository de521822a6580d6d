using System.Diagnostics;
using System.Text;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Robustness;

/// <summary>
/// Odd and hostile input: every case returns a result that honours the contract (possibly empty), never an exception,
/// and finishes within a generous time bound (a hang or quadratic blow-up on these sizes would take minutes).
/// </summary>
public class InputContractTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;
    private static readonly DateOnly Pub = new(2024, 3, 10);

    private static Records.ExtractionResult Run(string text, DateOnly? pub = null, int maxSeconds = 30)
    {
        var sw = Stopwatch.StartNew();
        var r = Extractor.Extract(text, new ExtractionOptions { PublishedAt = pub ?? Pub, DocumentId = "t" });
        sw.Stop();
        ContractCheck.Valid(r, text);
        Assert.NotEmpty(ExtractionJson.Serialize(r));
        Assert.True(sw.Elapsed.TotalSeconds < maxSeconds, $"took {sw.Elapsed.TotalSeconds:F1} s");
        return r;
    }

    public static TheoryData<string, string> OddInputs() => new()
    {
        { "html", "<html><body><p>Russian <b>missiles</b> hit <a href=\"x\">Kharkiv</a>, killing <i>five</i> people.</p><script>alert('x')</script></body></html>" },
        { "html-entities", "Five&nbsp;people were killed &amp; 12&#160;injured in Odesa &lt;Monday&gt;." },
        { "control-chars", "Two\u0000 people\u0001 were\u0007 killed\u001b[31m in\u0008 Sumy\u007f on\u0085 Monday\u2028.\u000b\u000c" },
        { "lone-high-surrogate", "Three people were killed \uD800 in Lviv." },
        { "lone-low-surrogate", "\uDC00Three people were killed in Lviv.\uDFFF" },
        { "reversed-pair", "Four \uDC00\uD800 killed in Dnipro \uD83D" },
        { "rtl", "قُتل خمسة أشخاص في غزة. Five people were killed in Gaza City, \u202Eofficials said\u202C. שלושה נפצעו" },
        { "cyrillic", "Пять человек погибли в Харькове. In Kharkiv, 5 people were killed by a Shahed drone, said Олег Синєгубов." },
        { "emoji", "💥🚀 Two 👨‍👩‍👧 killed in 🇺🇦 Kyiv 🔥🔥 strike 😢 on Monday 🕯️" },
        { "cjk", "俄罗斯导弹袭击基辅，造成3人死亡。ロシアのミサイル攻撃でキーウで3人が死亡した。" },
        { "mixed-scripts", "Ки́їв: Three killed. Ελλάδα. ქართული. हिन्दी में 3 लोग मारे गए। Türkçe: 3 kişi öldü." },
        { "zero-width", "Two\u200B people\u200C were\u200D killed\uFEFF in\u2060 Odesa." },
        { "combining", "Ki\u0301\u0302\u0303\u0304\u0305\u0306yiv: t\u0336w\u0336o\u0336 killed" },
        { "only-punct", ".,;:!?()[]{}\"'«»—–-…/\\|@#$%^&*+=~`" },
        { "only-digits-punct", "1,2.3-4/5:6;7 8%9 10,000.5 1e9 0x1F -5 +7" },
        { "negative-numbers", "-5 people were killed and −12 injured; minus three missing." },
        { "overflow", "1,000,000,000,000,000 people were killed in a strike on Kharkiv." },
        { "overflow-2", "99999999999999999999999999999999999 civilians died and 9223372036854775808 were wounded." },
        { "overflow-words", "A trillion billion million thousand hundred people were killed." },
        { "bad-dates", "On December 32 and February 30, 2023 and 31/31/2024 and 2024-13-45, five people were killed in Sumy." },
        { "date-extremes", "On January 1, 0001 and December 31, 9999 and 10000 BC, drones struck Odesa." },
        { "huge-ago", "999999999 days ago and 99999999999999 years ago a missile killed 3 in Kyiv." },
        { "huge-range", "Between 1 and 999999999999999999 people were killed." },
        { "weird-quotes", "“Five killed,” he said. «Seven wounded» ‘in Kherson’ „yesterday“." },
        { "newlines", "\r\n\r\nTwo killed\r\r\nin\n\n\n\nKyiv\r\n." },
        { "tabs-nbsp", "Two\tkilled\u00A0in\u2003Kyiv\u3000on Monday." },
        { "replacement-chars", "\uFFFD\uFFFD killed \uFFFE in \uFFFF Kyiv" },
        { "private-use", "\uE000\uF8FF killed in \U000F0000 Odesa" },
        { "repeated-at-least", "at least at least at least at least at least at least 5 people were killed" },
        { "numbers-glued", "5killed12injured3missing in Kharkiv2024" },
        { "single-char", "k" },
        { "single-surrogate", "\uD800" },
        { "dot", "." },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void OddInputGivesAValidResult(string name, string text)
    {
        Assert.NotNull(name);
        Run(text);
        Run(text, new DateOnly(1800, 1, 1));
    }

    [Fact]
    public void LongSentenceWithoutPunctuation()
    {
        var sb = new StringBuilder(100_000);
        string[] words = ["the", "drone", "hit", "Kharkiv", "and", "killed", "three", "people", "near", "a", "school", "on", "Monday"];
        for (int i = 0; sb.Length < 100_000; i++) sb.Append(words[i % words.Length]).Append(' ');
        Run(sb.ToString(0, 100_000));
    }

    [Fact]
    public void HundredThousandDigits()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) sb.Append((char)('0' + i * 7 % 10));
        string digits = sb.ToString();
        var r = Run(digits + " people were killed in Kyiv.");
        Assert.All(r.Casualties, c => Assert.True(c.Count.Headline is null or < 1_000_000_000_000_000));
        Run("At least " + digits + " people were killed.");
        Run(string.Join(",", Enumerable.Repeat("000", 30_000)) + " killed");
        Run(string.Join(" ", Enumerable.Repeat("123", 30_000)));
    }

    [Fact]
    public void OneMegabyteOfRandomText()
    {
        var rng = new Random(1);
        var chars = new char[1_000_000]; // the default MaxTextLength
        for (int i = 0; i < chars.Length; i++)
        {
            int k = rng.Next(100);
            chars[i] = k switch
            {
                < 60 => (char)rng.Next(0x20, 0x7F),
                < 70 => ' ',
                < 75 => '\n',
                < 85 => (char)rng.Next(0x400, 0x500),
                < 90 => (char)rng.Next(0xD800, 0xE000), // lone surrogates
                _ => (char)rng.Next(0, 0xFFFF),
            };
        }
        Run(new string(chars), maxSeconds: 60);
    }

    [Fact]
    public void QuarterMegabyteOfRandomConflictWords()
    {
        var rng = new Random(2);
        string[] words = ["killed", "wounded", "Kharkiv", "Odesa", "missile", "drone", "at", "least", "12", "1,000", "between", "and", "on", "Monday", "March", "5", ".", ",", "Shahed", "strike", "hit", "people", "civilians", "said", "ago", "since", "yesterday"];
        var sb = new StringBuilder(260_000);
        while (sb.Length < 250_000) sb.Append(words[rng.Next(words.Length)]).Append(' ');
        Run(sb.ToString(), maxSeconds: 60);
    }

    [Fact]
    public void RepeatedCasualtyWords()
    {
        Run(string.Concat(Enumerable.Repeat("killed ", 50_000)));
        Run(string.Concat(Enumerable.Repeat("killed. ", 20_000)));
        // Sizes kept modest where records pile up: record building grows faster than linearly in the number of
        // casualty records (10,000 repetitions took 6 s; reported to the Building owner).
        Run(string.Concat(Enumerable.Repeat("5 killed 3 wounded in Kyiv ", 3_000)));
        Run(string.Concat(Enumerable.Repeat("Kharkiv ", 30_000)));
        Run(string.Concat(Enumerable.Repeat("Shahed ", 10_000)));
        Run(string.Concat(Enumerable.Repeat("March ", 30_000)));
        Run(string.Concat(Enumerable.Repeat("since March ", 20_000)));
        Run(string.Concat(Enumerable.Repeat("ago ", 30_000)));
    }

    [Fact]
    public void OverflowingCountIsNotReportedAsAWrappedNumber()
    {
        var r = Run("1,000,000,000,000,000 people were killed in a strike on Kharkiv.");
        Assert.All(r.Casualties, c => Assert.True(c.Count.Headline is null or >= 0));
        var r2 = Run("9223372036854775807 people were killed and 9223372036854775808 injured.");
        Assert.All(r2.Casualties, c => Assert.True(c.Count.Headline is null or >= 0));
    }

    public static TheoryData<DateOnly> OddPublicationDates() => new()
    {
        new DateOnly(1800, 1, 1), new DateOnly(2200, 12, 31), new DateOnly(2024, 2, 29), new DateOnly(2023, 12, 31),
        new DateOnly(2024, 1, 1), new DateOnly(1900, 6, 15), new DateOnly(1899, 12, 31),
    };

    [Theory]
    [MemberData(nameof(OddPublicationDates))]
    public void OddPublicationDatesResolveOrLeaveDatesOpen(DateOnly pub)
    {
        const string text = "Yesterday a missile killed 3 people in Kyiv. Last week 5 died in Odesa. Three days ago drones hit Sumy. " +
            "Since December 30, 12 civilians were wounded. Next year and last month and 1,000 days ago and on Sunday, Monday and December 31 strikes hit Lviv.";
        Run(text, pub);
    }

    [Fact]
    public void PublicationDatesOutsideTheContractAreATypedOptionError()
    {
        foreach (var d in new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1799, 12, 31), new DateOnly(2201, 1, 1) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Extract("Two killed in Kyiv yesterday.", d));
            Assert.Equal("PublishedAt", e.ParamName);
        }
    }

    [Fact]
    public void TextAtTheSizeLimitIsAcceptedAndOneMoreIsATypedError()
    {
        Run(new string('x', 1_000_000));
        Assert.Throws<DocumentTooLargeException>(() => Extractor.Extract(new string('x', 1_000_001)));
    }
}
