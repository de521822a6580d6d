using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConflictExtract.Cli.Output;
using nietras.SeparatedValues;
using static ConflictExtract.Tests.Cli.CliHarness;

namespace ConflictExtract.Tests.Cli;

/// <summary>--format csv, geojson, html and --pretty, on sentences written for these tests.</summary>
public partial class CliFormatTests
{
    private const string Kherson = "Missiles launched from Crimea hit Kherson on Tuesday, killing three people, the \"regional\" governor said.";
    private const string Kharkiv = "The drones that struck Kharkiv overnight were launched from Belgorod, killing two civilians.";
    private const string Country = "Russia fired more than 30 drones at Ukraine overnight, the air force said.";

    private static string Batch => string.Join('\n', Line("k", Kherson), Line("h", Kharkiv), Line("u", Country), Line("quiet", "Nothing happened today."));

    [Fact]
    public void CsvHasAcledsColumnsAndOneRowPerStrike()
    {
        var r = Run(["extract", "-", "--input-format", "jsonl", "--format", "csv"], Batch);
        Assert.Equal(0, r.Code);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(r.Out);
        Assert.Equal(CsvResultWriter.Columns, reader.Header.ColNames);
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>();
            foreach (var c in CsvResultWriter.Columns) values[c] = row[c].ToString();
            rows.Add(values);
        }
        Assert.Equal(["k:s1", "h:s1", "u:s1"], rows.Select(x => x["event_id"]));
        var k = rows[0];
        Assert.Equal("2024-03-19", k["event_date"]);          // the Tuesday before Wednesday 2024-03-20
        Assert.Equal("1", k["time_precision"]);
        Assert.Equal("Explosions/Remote violence", k["event_type"]);
        Assert.Equal("Kherson", k["location"]);
        Assert.Equal("Kherson Oblast", k["admin1"]);
        Assert.Equal("UA", k["country"]);
        Assert.Equal("1", k["geo_precision"]);
        Assert.Equal("3", k["fatalities"]);
        Assert.Equal(Kherson, k["notes"]);                   // quotes and commas survive the round trip
        Assert.Equal("k", k["source"]);
        Assert.InRange(double.Parse(k["latitude"], System.Globalization.CultureInfo.InvariantCulture), 46, 47);
        Assert.Equal("2", rows[1]["fatalities"]);
        Assert.Equal("Air/drone strike", rows[2]["sub_event_type"]);
        Assert.Equal("RU", rows[2]["actor1"]);
        Assert.Equal("3", rows[2]["geo_precision"]);         // a country
        Assert.Equal("", rows[2]["latitude"]);
    }

    [Fact]
    public void CsvOfADocumentWithoutStrikesIsTheHeaderAlone()
    {
        var r = Run(["extract", "-", "--format", "csv"], "Nothing happened today.");
        Assert.Equal(0, r.Code);
        Assert.Equal(string.Join(',', CsvResultWriter.Columns) + "\n", r.Out);
    }

    [Fact]
    public void GeoJsonHoldsStrikesAndLaunchSitesAsTwoLayers()
    {
        var r = Run(["extract", "-", "--input-format", "jsonl", "--format", "geojson"], Batch);
        Assert.Equal(0, r.Code);
        var root = JsonNode.Parse(r.Out)!;
        Assert.Equal("FeatureCollection", (string?)root["type"]);
        var features = root["features"]!.AsArray();
        var strikes = features.Where(f => (string?)f!["properties"]!["layer"] == "strike").ToList();
        var launches = features.Where(f => (string?)f!["properties"]!["layer"] == "launch-site").ToList();
        Assert.Equal(["k:s1", "h:s1", "u:s1"], strikes.Select(f => (string?)f!["id"]));
        Assert.Equal(["Crimea", "Belgorod"], launches.Select(f => (string?)f!["properties"]!["location"]));
        var kharkiv = strikes[1]!;
        var c = kharkiv["geometry"]!["coordinates"]!.AsArray();
        Assert.InRange((double)c[0]!, 36, 37);   // longitude first
        Assert.InRange((double)c[1]!, 49.5, 50.5);
        Assert.Equal(2, (long?)kharkiv["properties"]!["killed"]);
        var belgorod = launches[1]!;
        Assert.Equal("s1", (string?)belgorod["properties"]!["strikeId"]);
        Assert.Equal("h", (string?)belgorod["properties"]!["documentId"]);
        Assert.Equal("Kharkiv", (string?)belgorod["properties"]!["struck"]);
        Assert.Equal("Point", (string?)belgorod["geometry"]!["type"]);
        // A strike on a country has no point: it is kept, with a null geometry.
        Assert.Null(strikes[2]!["geometry"]);
        Assert.Equal("Ukraine", (string?)strikes[2]!["properties"]!["location"]);
    }

    [Fact]
    public void PrettyJsonIsTheSameDocumentIndented()
    {
        var compact = Run(["extract", "-", "--input-format", "jsonl", "--format", "json"], Batch);
        var pretty = Run(["extract", "-", "--input-format", "jsonl", "--format", "json", "--pretty"], Batch);
        Assert.Equal(0, pretty.Code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compact.Out), JsonNode.Parse(pretty.Out)));
        Assert.StartsWith("[\n  {\n    \"schemaVersion\": 1,\n    \"documentId\": \"k\",", pretty.Out);
        Assert.DoesNotContain('\n', compact.Out.TrimEnd('\n'));
        var geo = Run(["extract", "-", "--input-format", "jsonl", "--format", "geojson", "--pretty"], Batch);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Run(["extract", "-", "--input-format", "jsonl", "--format", "geojson"], Batch).Out), JsonNode.Parse(geo.Out)));
        Assert.Contains("\n  \"features\": [", geo.Out);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("html")]
    public void PrettyIsOnlyForJsonAndGeoJson(string format) =>
        Assert.Equal(2, Run(["extract", "-", "--format", format, "--pretty"], "x").Code);

    [Fact]
    public void TheHtmlPageHoldsEachDocumentsTextWholeAndNeedsNoNetwork()
    {
        var r = Run(["extract", "-", "--input-format", "jsonl", "--format", "html"], Batch);
        Assert.Equal(0, r.Code);
        string html = r.Out;
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("default-src 'none'", html);
        Assert.DoesNotMatch("(?i)(https?:|//cdn|<link|\\ssrc=|@import|url\\()", html);
        var articles = ArticleRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, articles.Count);
        // The text shown is the input exactly: tags taken away and entities decoded, nothing added or lost.
        string[] texts = [Kherson, Kharkiv, Country, "Nothing happened today."];
        for (int i = 0; i < 4; i++)
            Assert.Equal(texts[i], WebUtility.HtmlDecode(TagRegex().Replace(articles[i], "")));
        // Every highlight names its offsets, and they are where its text is.
        foreach (Match m in MarkRegex().Matches(articles[0]))
        {
            int start = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), end = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Kherson[start..end], WebUtility.HtmlDecode(m.Groups[3].Value));
        }
        Assert.Contains("no records", html);
    }

    [GeneratedRegex("<article class=\"text\">(.*?)</article>", RegexOptions.Singleline)]
    private static partial Regex ArticleRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex("<mark class=\"[^\"]*\" data-start=\"(\\d+)\" data-end=\"(\\d+)\"[^>]*>([^<]*)</mark>")]
    private static partial Regex MarkRegex();
}
