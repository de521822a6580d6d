using System.Text;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Building;

/// <summary>
/// A strike's evidence is the words that carry it (its place, its attack word, its attacker, target, weapons and counts),
/// not its whole sentence: a long list of places after one attack word then gives output linear in the input.
/// </summary>
public class StrikeEvidenceTests : ExtractorTestBase
{
    /// <summary>Distinct one-word Ukrainian cities and towns the gazetteer knows under one name only (no namesake to resolve).</summary>
    private static readonly string[] Towns = [.. Gazetteer.Default.Places
        .Where(p => p.Country == "UA" && p.Kind is PlaceKind.City or PlaceKind.Town && p.Name.All(char.IsAsciiLetter) && p.Name.Length > 4)
        .Select(p => p.Name).Distinct(StringComparer.Ordinal)
        .Where(n => Gazetteer.Default.Lookup(n).Count == 1)
        .Order(StringComparer.Ordinal)];

    /// <summary>"Russian forces shelled A, B, C, ... and Z on Monday." with the first <paramref name="n"/> towns.</summary>
    private static string ListOfPlaces(int n) =>
        new StringBuilder("Russian forces shelled ").AppendJoin(", ", Towns.Take(n)).Append(" on Monday.").ToString();

    private static (int Strikes, long Bytes) Output(string text)
    {
        var r = Extractor.Extract(text, new ExtractionOptions { PublishedAt = new DateOnly(2024, 3, 15) });
        AssertGrounded(text, r);
        return (r.Strikes.Length, Encoding.UTF8.GetByteCount(ExtractionJson.Serialize(r with { Entities = [] })));
    }

    [Fact]
    public void OutputGrowsLinearlyWithAListOfPlaces()
    {
        Assert.True(Towns.Length >= 200, $"only {Towns.Length} towns to list");
        var (strikes1, bytes1) = Output(ListOfPlaces(100));
        var (strikes2, bytes2) = Output(ListOfPlaces(200));
        Assert.True(strikes1 >= 90, $"{strikes1} strikes of 100 places");
        Assert.True(strikes2 >= 2 * strikes1 * 9 / 10, $"{strikes1} -> {strikes2} strikes");
        double ratio = (double)bytes2 / bytes1;
        // With the sentence in every strike's evidence the output is quadratic: doubling the list gave 3.4 times the bytes.
        Assert.True(ratio < 2.4, $"{bytes1} -> {bytes2} bytes of JSON, ratio {ratio:F2} (expected about 2)");
    }

    [Fact]
    public void EvidenceIsTheWordsOfTheRecordNotTheSentence()
    {
        const string text = "On Tuesday, Russian forces fired two Iskander-M missiles at Kremenchuk, hitting an oil refinery, regional officials said.";
        var s = Assert.Single(Run(text).Strikes);
        var spans = s.Evidence.Select(e => e.Text).ToList();
        Assert.Contains("Kremenchuk", spans);
        Assert.Contains("fired", spans);
        Assert.Contains("Russian forces", spans);
        Assert.Contains("Iskander-M", spans);
        Assert.Contains("two", spans);
        Assert.Contains(spans, t => t.Contains("refinery", StringComparison.Ordinal));
        Assert.All(spans, t => Assert.True(t.Length < 20, $"evidence '{t}' is longer than the words of the record"));
    }

    [Fact]
    public void StrikesOfOneListShareTheirAttackWordsEvidence()
    {
        var r = Run("Russian drones struck Kherson, Mykolaiv and Ochakiv overnight.");
        Assert.Equal(3, r.Strikes.Length);
        Assert.All(r.Strikes, s => Assert.Contains(s.Evidence, e => e.Text == "struck"));
        Assert.All(r.Strikes, s => Assert.Contains(s.Evidence, e => e.Text == s.Location!.Name));
    }
}
