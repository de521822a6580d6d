using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Tests.Robustness;

/// <summary>
/// Place and weapon names written with Cyrillic or Greek look-alike letters inside Latin words ("Кharkiv" with a
/// Cyrillic К, "Kyіv" with a Ukrainian і) match as if they were Latin; evidence and entities keep the input's text and
/// offsets.
/// </summary>
public class HomoglyphTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;
    private static readonly DateOnly Pub = new(2024, 3, 15);

    private const string Clean =
        "Russian missiles struck Kharkiv on Monday, killing two people. Drones hit Odesa overnight, wounding five. " +
        "A Shahed-136 drone attacked Zaporizhzhia on Tuesday, injuring three residents.";

    /// <summary><see cref="Clean"/> with look-alikes, one code unit for one: Cyrillic К, а, і, е, ѕ, о and Greek Ο, Ζ.</summary>
    private static readonly string Spoofed = Clean
        .Replace("Kharkiv", "\u041Ah\u0430rk\u0456v", StringComparison.Ordinal)        // К h а r k і v
        .Replace("Odesa", "\u039Fd\u0435s\u0430", StringComparison.Ordinal)            // Ο (Greek) d е s а
        .Replace("Zaporizhzhia", "\u0396ap\u043Erizhzhi\u0430", StringComparison.Ordinal) // Ζ (Greek) a p о r i z h z h i а
        .Replace("Shahed", "\u0405h\u0430h\u0435d", StringComparison.Ordinal);          // Ѕ h а h е d

    private static string Summary(ExtractionResult r) => string.Join("; ", r.Strikes.Select(s =>
        $"{s.Location?.Name}/{s.Location?.Admin1} {s.Date?.Start} {string.Join(",", s.WeaponIds)} {s.WeaponCategory} " +
        string.Join(",", s.CasualtyIds.Select(id => r.Casualties.Single(c => c.Id == id)).Select(c => $"{c.Kind}:{c.Count.Best}"))));

    [Fact]
    public void LookAlikeLettersGiveTheStrikesOfTheCleanText()
    {
        Assert.NotEqual(Clean, Spoofed);
        Assert.Equal(Clean.Length, Spoofed.Length); // one code unit for one: offsets line up
        var clean = Extractor.Extract(Clean, new ExtractionOptions { PublishedAt = Pub });
        var spoofed = Extractor.Extract(Spoofed, new ExtractionOptions { PublishedAt = Pub });
        ContractCheck.Valid(spoofed, Spoofed);
        Assert.Equal(3, clean.Strikes.Length);
        Assert.Equal(Summary(clean), Summary(spoofed));
        Assert.Equal(clean.Weapons.Select(w => w.Name), spoofed.Weapons.Select(w => w.Name));
        // Offsets are the input's, and the evidence shows the input's own letters.
        Assert.Equal(clean.Strikes.Select(s => s.Evidence.Select(e => (e.Start, e.End))), spoofed.Strikes.Select(s => s.Evidence.Select(e => (e.Start, e.End))));
        Assert.Contains(spoofed.Entities, e => e.Type == EntityType.LOC && e.Text == "\u041Ah\u0430rk\u0456v");
    }

    [Theory]
    [InlineData("Kharkiv", "\u041A\u041D\u0410RKIV")]           // capitals: К Н А
    [InlineData("kyiv", "\u043A\u0443\u0456v")]                 // к у і
    [InlineData("odesa", "\u03BFd\u0435\u0455\u0430")]          // ο (Greek) d е ѕ а
    [InlineData("kh101", "\u041A\u04BB-101")]                   // К һ (Cyrillic shha)
    public void LookAlikesFoldToTheLatinKey(string latin, string spoofed) =>
        Assert.Equal(LexiconKey.Of(latin), LexiconKey.Of(spoofed));

    [Fact]
    public void RealCyrillicWordsKeepTheirOwnKeys()
    {
        // Folding is one letter for one and the same in the tables and in text, so a Cyrillic name still finds itself,
        // and letters that are no look-alike (и, в, ї's base і aside) are kept.
        Assert.Equal(LexiconKey.Of("Київ"), LexiconKey.Of("КИЇВ"));
        Assert.NotEqual(LexiconKey.Of("Kyiv"), LexiconKey.Of("Київ"));
        Span<char> buf = stackalloc char[16];
        int n = LexiconKey.Append("Київ", buf);
        Assert.Equal(LexiconKey.Of("Київ"), new string(buf[..n]));
    }
}
