using System.Text;
using System.Text.Json;
using ConflictExtract.Cli;
using PuppeteerSharp;

namespace ConflictExtract.BrowserTests;

/// <summary>
/// The review page in headless Chromium: every record's evidence is highlighted, clicking a record selects exactly its
/// spans, the text shown is the input, and the page makes no request. A screenshot is saved under the test output
/// (bin/.../screenshots/review-page.png).
/// </summary>
public sealed class ReviewPageTests : IAsyncLifetime
{
    /// <summary>The browser: the system's Chromium, or CE_CHROMIUM.</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CE_CHROMIUM") ?? "/usr/bin/chromium";

    private static readonly string[] Texts =
    [
        "Missiles launched from Crimea hit Kherson on Tuesday, killing three people and wounding 11, the governor said. " +
        "Air defences downed 4 of 6 Shahed drones over the Mykolaiv region.\n\nA guided bomb struck a market in Kharkiv on Monday, injuring five civilians.",
        "The drones that struck Sumy overnight were launched from Kursk, killing two civilians.",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("ce-browser-").FullName;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run does)");
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            IgnoreDefaultArgs = true,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(_dir, "profile")}", "--window-size=1400,1000",
            ],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private (string Html, JsonElement[] Results) Extract()
    {
        string input = string.Join('\n', Texts.Select((t, i) => JsonSerializer.Serialize(new { id = "doc" + (i + 1), text = t, publishedAt = "2024-03-20" })));
        string Run(string format)
        {
            var stdout = new MemoryStream();
            var stderr = new StringWriter();
            int code = CliApp.Run(["extract", "-", "--input-format", "jsonl", "--format", format], new CliConsole
            {
                OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(input)),
                Stdout = stdout,
                Stderr = stderr,
            });
            Assert.True(code == 0, stderr.ToString());
            return Encoding.UTF8.GetString(stdout.ToArray());
        }
        var results = Run("jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        return (Run("html"), results);
    }

    private static IEnumerable<(string Id, List<(int Start, int End)> Spans)> Records(JsonElement result) =>
        new[] { "strikes", "casualties", "weapons" }.SelectMany(list => result.GetProperty(list).EnumerateArray()).Select(r =>
            (r.GetProperty("id").GetString()!, r.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())).ToList()));

    /// <summary>The stretches of text between consecutive span boundaries that some span covers: one highlight each.</summary>
    private static int ExpectedHighlights(JsonElement result)
    {
        var spans = Records(result).SelectMany(r => r.Spans).ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToList();
        int n = 0;
        for (int i = 0; i + 1 < cuts.Count; i++)
            if (spans.Any(s => s.Start <= cuts[i] && cuts[i + 1] <= s.End)) n++;
        return n;
    }

    [Fact]
    public async Task HighlightsEveryRecordAndAClickSelectsItsSpans()
    {
        var (html, results) = Extract();
        string file = Path.Combine(_dir, "review.html");
        await File.WriteAllTextAsync(file, html);

        await using var page = await _browser!.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, e) => requests.Add(e.Request.Url);
        var errors = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
        page.PageError += (_, e) => errors.Add(e.Message);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);

        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('section.doc').length"));
        for (int d = 0; d < results.Length; d++)
        {
            string section = $"#doc-{d + 1}";
            // The text shown is the input, character for character.
            Assert.Equal(Texts[d], await page.EvaluateExpressionAsync<string>($"document.querySelector('{section} .text').textContent"));
            int expected = ExpectedHighlights(results[d]);
            Assert.True(expected > 0);
            Assert.Equal(expected, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('{section} mark.ev').length"));
            var records = Records(results[d]).ToList();
            Assert.Equal(records.Count, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('{section} tr.rec').length"));
            foreach (var (id, spans) in records)
            {
                await page.ClickAsync($"{section} tr.rec[data-r=\"{id}\"]");
                // Selected: exactly the highlights inside the record's spans, which together cover them.
                var selected = await page.EvaluateExpressionAsync<int[][]>(
                    $"Array.from(document.querySelectorAll('{section} mark.ev.sel')).map(m => [+m.dataset.start, +m.dataset.end])");
                Assert.NotEmpty(selected);
                Assert.All(selected, m => Assert.Contains(spans, s => s.Start <= m[0] && m[1] <= s.End));
                int covered = selected.Sum(m => m[1] - m[0]);
                int union = Enumerable.Range(0, Texts[d].Length).Count(i => spans.Any(s => s.Start <= i && i < s.End));
                Assert.Equal(union, covered);
                Assert.Equal(id, await page.EvaluateExpressionAsync<string>($"document.querySelector('{section} tr.rec.active').dataset.r"));
                Assert.Equal(spans.Count, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('{section} .detail li').length"));
                Assert.False(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{section} .detail').hidden"));
            }
        }

        // A click on a highlight selects the most specific record covering it.
        string firstWeapon = results[0].GetProperty("weapons")[0].GetProperty("id").GetString()!;
        var weaponSpan = results[0].GetProperty("weapons")[0].GetProperty("evidence")[0];
        await page.ClickAsync($"#doc-1 mark.ev[data-start=\"{weaponSpan.GetProperty("start").GetInt32()}\"]");
        Assert.Equal(firstWeapon, await page.EvaluateExpressionAsync<string>("document.querySelector('#doc-1 tr.rec.active').dataset.r"));

        // Leave a strike of the first document selected for the picture.
        await page.ClickAsync("#doc-1 tr.rec[data-r=\"s1\"]");
        string shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        string png = Path.Combine(shots, "review-page.png");
        await page.ScreenshotAsync(png, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(png).Length > 10_000);

        Assert.Empty(errors);
        Assert.Equal([new Uri(file).AbsoluteUri], requests); // the page itself, nothing else
    }
}
