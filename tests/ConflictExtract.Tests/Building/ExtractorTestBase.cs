using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

public abstract class ExtractorTestBase
{
    protected static readonly ConflictExtractor Extractor = ConflictExtractor.Default;

    protected static ExtractionResult Run(string text, string published = "2024-03-15")
    {
        var r = Extractor.Extract(text, new ExtractionOptions { PublishedAt = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) });
        AssertGrounded(text, r);
        return r;
    }

    protected static void AssertGrounded(string text, ExtractionResult r)
    {
        foreach (var e in r.Weapons.SelectMany(w => w.Evidence).Concat(r.Strikes.SelectMany(s => s.Evidence)).Concat(r.Casualties.SelectMany(c => c.Evidence)))
        {
            Assert.InRange(e.Start, 0, text.Length);
            Assert.InRange(e.End, e.Start, text.Length);
            Assert.Equal(text[e.Start..e.End], e.Text);
        }
        foreach (var e in r.Entities) Assert.Equal(text[e.Start..e.End], e.Text);
    }

    protected static Casualty Single(ExtractionResult r, CasualtyKind kind) => Assert.Single(r.Casualties, c => c.Kind == kind);

    protected static StrikeEvent StrikeAt(ExtractionResult r, string place) => Assert.Single(r.Strikes, s => s.Location?.Name == place);
}
