using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConflictExtract.Recognizers;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace ConflictExtract.Tests.Recognizers;

/// <summary>
/// Under <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c> Recognizers' stock English date model cannot be built (it makes
/// an "en-us" CultureInfo); ours is built under the invariant culture's name, answers as the stock one does, and so the
/// tool's output is the same in both modes.
/// </summary>
public class InvariantGlobalizationTests
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Units = ["days", "weeks", "months", "years", "decades", "hours"];
    private static readonly string[] Words = ["two", "three", "eleven", "twenty-one", "a", "some"];

    /// <summary>Date phrases of the kinds the fallback sees, and some it never should.</summary>
    private static IEnumerable<string> Phrases()
    {
        var r = new Random(16);
        for (int i = 0; i < 150; i++)
        {
            string m = Months[r.Next(12)], m2 = Months[r.Next(12)], u = Units[r.Next(Units.Length)], w = Words[r.Next(Words.Length)];
            yield return (i % 10) switch
            {
                0 => $"{w} and a half {u} ago",
                1 => $"since {r.Next(1, 9)}.{r.Next(1, 9)} {u} ago",
                2 => $"between {m} {r.Next(1, 29)} and {m2} {r.Next(1, 29)}, {r.Next(1990, 2030)}",
                3 => $"late {m} or early {m2}",
                4 => $"mid-{m} {r.Next(1990, 2030)}",
                5 => $"on {r.Next(1, 13)}/{r.Next(1, 29)}/{r.Next(1990, 2030)} at {r.Next(1, 12)}:{r.Next(10, 60)} pm",
                6 => $"the {r.Next(4, 28)}th of {m}",
                7 => $"{m.Substring(0, 3)}. {r.Next(1, 29)}-{r.Next(1, 29)}",
                8 => $"{r.Next(2, 99)} {u} and {r.Next(2, 99)} days ago",
                _ => $"{m} {r.Next(1, 3000)} {r.Next(1, 3000)}",
            };
        }
    }

    private static string Describe(List<ModelResult> results) => string.Join(" | ", results.Select(x =>
    {
        var values = x.Resolution is { } res && res.TryGetValue("values", out var vs) && vs is System.Collections.IEnumerable seq
            ? string.Join(";", seq.OfType<IDictionary<string, string>>().Select(d => string.Join(",", d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))))
            : "";
        return $"{x.Start}-{x.End} {x.Text} {x.TypeName} {values}";
    }));

    [Fact]
    public void OurModelAnswersAsTheStockOne()
    {
        var stock = new DateTimeRecognizer(Culture.English).GetDateTimeModel();
        var ours = RecognizerLayer.CreateDateModel();
        foreach (var reference in new[] { new DateTime(1900, 6, 15), new DateTime(2024, 3, 10) })
            foreach (var p in Phrases())
                Assert.Equal(Describe(stock.Parse(p, reference)), Describe(ours.Parse(p, reference)));
    }

    private static string RunTool(string input, bool invariant)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "conflict-extract.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "extract", input, "--format", "jsonl", "--threads", "1" }) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariant ? "1" : "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [Fact]
    public void TheToolGivesTheSameOutputInInvariantMode()
    {
        string dir = Directory.CreateTempSubdirectory("ce-invariant-").FullName;
        try
        {
            string input = Path.Combine(dir, "docs.jsonl");
            var lines = new List<string>
            {
                // Dates only the fallback reads, so that a model that fails to build changes the output.
                JsonSerializer.Serialize(new { id = "ago", text = "The siege of the town began a year and a half ago; shelling killed four people there.", publishedAt = "2024-03-10" }),
                JsonSerializer.Serialize(new { id = "weeks", text = "Drones have struck Sumy every night since 3.5 weeks ago, officials said.", publishedAt = "2023-11-02" }),
                JsonSerializer.Serialize(new { id = "sample", text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "odesa-strike.txt")), publishedAt = "2024-03-14" }),
            };
            lines.AddRange(Phrases().Take(60).Select((p, i) => JsonSerializer.Serialize(new { id = "p" + i, text = "Shelling hit Kherson " + p + ".", publishedAt = "2024-03-10" })));
            File.WriteAllLines(input, lines, new UTF8Encoding(false));
            string normal = RunTool(input, invariant: false);
            string invariant = RunTool(input, invariant: true);
            Assert.Contains("\"text\":\"a year and a half ago\"", normal, StringComparison.Ordinal); // the fallback ran
            Assert.Equal(normal, invariant);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
