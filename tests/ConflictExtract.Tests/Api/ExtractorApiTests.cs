using System.Text.Json;
using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Tests.Api;

public class ExtractorApiTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;

    [Fact]
    public void NullTextThrows() => Assert.Throws<ArgumentNullException>(() => Extractor.Extract(null!, new ExtractionOptions()));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void BlankTextGivesEmptyResult(string text)
    {
        var r = Extractor.Extract(text, new ExtractionOptions { DocumentId = "x" });
        Assert.Equal("x", r.DocumentId);
        Assert.Empty(r.Strikes);
        Assert.Empty(r.Casualties);
        Assert.Empty(r.Weapons);
        Assert.Null(r.Summary.Killed);
    }

    [Fact]
    public void OversizeTextThrowsTypedError()
    {
        var e = Assert.Throws<DocumentTooLargeException>(() => Extractor.Extract(new string('a', 101), new ExtractionOptions { MaxTextLength = 100 }));
        Assert.Equal(101, e.Length);
        Assert.Equal(100, e.MaxLength);
    }

    [Fact]
    public void InvalidOptionNamesTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Extract("text", new ExtractionOptions { MaxTextLength = -5 }));
        Assert.Equal("MaxTextLength", e.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Extract("text", new ExtractionOptions { PublishedAt = new DateOnly(1, 1, 1) }));
        Assert.Equal("PublishedAt", e2.ParamName);
    }

    [Fact]
    public void DefaultOptionsStructIsUsable()
    {
        var r = Extractor.Extract("Drones attacked Odesa.", default(ExtractionOptions));
        Assert.NotNull(r);
    }

    [Fact]
    public void BatchKeepsInputOrder()
    {
        var docs = Enumerable.Range(0, 40).Select(i => new DocumentInput("d" + i, i % 2 == 0 ? "Russian drones attacked Odesa, killing two people." : "Quiet day.", new DateOnly(2024, 1, 2))).ToList();
        var ids = Extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = 4 }).Select(r => r.DocumentId).ToList();
        Assert.Equal(docs.Select(d => d.Id), ids);
    }

    [Fact]
    public void BatchResultsEqualSingleResults()
    {
        var texts = new[] { "Russian missiles hit Lviv on Monday, killing three people.", "Shelling of Kherson: a man was injured.", "" };
        var docs = texts.Select((t, i) => new DocumentInput("d" + i, t, new DateOnly(2024, 5, 1))).ToList();
        var batch = Extractor.ExtractMany(docs, new BatchOptions { DegreeOfParallelism = 3 }).Select(r => ExtractionJson.Serialize(r)).ToList();
        var single = docs.Select(d => ExtractionJson.Serialize(Extractor.Extract(d.Text, d.PublishedAt, d.Id))).ToList();
        Assert.Equal(single, batch);
    }

    [Fact]
    public async Task AsyncBatchKeepsOrderAndCancels()
    {
        var docs = Enumerable.Range(0, 20).Select(i => new DocumentInput("d" + i, "Drones attacked Kharkiv.", null));
        var ids = new List<string?>();
        await foreach (var r in Extractor.ExtractManyAsync(ToAsync(docs), new BatchOptions { DegreeOfParallelism = 2 }))
            ids.Add(r.DocumentId);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "d" + i), ids);

        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(ToAsync(Endless()), new BatchOptions { DegreeOfParallelism = 2 }, cts.Token))
            {
                if (++seen == 5) await cts.CancelAsync();
            }
        });
        Assert.Equal(5, seen);
    }

    private static IEnumerable<DocumentInput> Endless()
    {
        for (int i = 0; ; i++) yield return new DocumentInput("e" + i, "Shelling of Kherson.", null);
    }

    private static async IAsyncEnumerable<DocumentInput> ToAsync(IEnumerable<DocumentInput> docs)
    {
        foreach (var d in docs)
        {
            await Task.Yield();
            yield return d;
        }
    }

    [Fact]
    public void JsonFollowsTheContract()
    {
        var q = new Quantity(24, 24, null, QuantityQualifier.AtLeast);
        var loc = new Location("Kharkiv", PlaceKind.City, "Kharkiv Oblast", "UA", 49.98, 36.25);
        var strike = new StrikeEvent("s1", new DateRange(new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2), DatePrecision.Day), loc, "RU", null, TargetCategory.CivilianInfrastructure,
            ["w1"], WeaponCategory.BallisticMissile, q, null, null, [], 0.8, [new Evidence(0, 3, "abc")]);
        var result = new ExtractionResult("doc", new DateOnly(2024, 2, 9), [], [strike], [], new Summary(q, null), [new Entity(EntityType.LOC, "Kharkiv", 4, 11)]);
        using var doc = JsonDocument.Parse(ExtractionJson.Serialize(result));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2024-02-09", root.GetProperty("publishedAt").GetString());
        var s = root.GetProperty("strikes")[0];
        Assert.Equal("at-least", s.GetProperty("munitionCount").GetProperty("qualifier").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("munitionCount").GetProperty("high").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("target").ValueKind);
        Assert.Equal("civilian-infrastructure", s.GetProperty("targetCategory").GetString());
        Assert.Equal("ballistic-missile", s.GetProperty("weaponCategory").GetString());
        Assert.Equal("city", s.GetProperty("location").GetProperty("kind").GetString());
        Assert.Equal("day", s.GetProperty("date").GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Array, s.GetProperty("casualtyIds").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("summary").GetProperty("injured").ValueKind);
        Assert.Equal("LOC", root.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.False(s.GetProperty("munitionCount").TryGetProperty("headline", out _));
        var back = ExtractionJson.Deserialize(ExtractionJson.Serialize(result));
        Assert.Equal(ExtractionJson.Serialize(result), ExtractionJson.Serialize(back!));
    }
}
