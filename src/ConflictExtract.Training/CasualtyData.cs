using System.Globalization;
using System.Text.Json;
using ConflictExtract.Building;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Training;

/// <summary>A document with its gold totals (a key the source does not give is null; a total of none is 0).</summary>
internal sealed record GoldDocument(string Id, string Source, string Text, DateOnly? PublishedAt, long? Killed, long? Injured);

/// <summary>
/// One figure of a document as the summary weighs it: its features, its number, its subset link, and its clause group
/// (the figures of one casualty word: "killed 5 soldiers and 3 civilians" are one group, counted together or not at all).
/// </summary>
internal sealed record Figure(float[] Features, long Value, bool Subset, int PartOf, int Group);

/// <summary>A document's figures of one kind, with the rules' total.</summary>
internal sealed record DocumentFigures(GoldDocument Document, CasualtyKind Kind, List<Figure> Figures, long RuleTotal)
{
    public long? Gold => Kind == CasualtyKind.Killed ? Document.Killed : Document.Injured;
}

/// <summary>
/// The training data of the casualty model: documents with gold totals, their figures as the library's own pipeline sees
/// them (a stage inserted before the summary records each figure's features), and the labels derived from the totals.
/// </summary>
internal static class CasualtyData
{
    /// <summary>WAD descriptions: NAME.txt and NAME.gold.json (summary.killed / summary.injured: a key absent is unknown, null is zero).</summary>
    public static List<GoldDocument> LoadWad(string dir)
    {
        var docs = new List<GoldDocument>();
        foreach (var gold in Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
        {
            string id = Path.GetFileName(gold)[..^".gold.json".Length];
            using var json = JsonDocument.Parse(File.ReadAllText(gold));
            var root = json.RootElement;
            DateOnly? pub = root.TryGetProperty("publishedAt", out var p) && p.ValueKind == JsonValueKind.String
                ? DateOnly.ParseExact(p.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var summary = root.GetProperty("summary");
            docs.Add(new GoldDocument(id, "wad", File.ReadAllText(Path.Combine(dir, id + ".txt")), pub, Total(summary, "killed"), Total(summary, "injured")));
        }
        return docs;
    }

    private static long? Total(JsonElement summary, string key)
    {
        if (!summary.TryGetProperty(key, out var q)) return null;
        if (q.ValueKind == JsonValueKind.Null) return 0;
        foreach (var k in (string[])["best", "low", "high"])
            if (q.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.Number) return v.GetInt64();
        return 0;
    }

    /// <summary>
    /// UCDP events as weak labels: the event's headlines (one per line) and UCDP's best estimate of its deaths. Only
    /// events with at most <paramref name="maxHeadlines"/> headlines and a best estimate of at most <paramref name="maxDeaths"/>
    /// are kept; the label derivation then keeps only those whose headlines state figures that can make the estimate.
    /// </summary>
    public static List<GoldDocument> LoadUcdp(string csv, int maxHeadlines, long maxDeaths)
    {
        var docs = new List<GoldDocument>();
        using var reader = new StreamReader(csv);
        var header = SplitCsv(reader.ReadLine() ?? "");
        int hi = header.IndexOf("source_headline"), di = header.IndexOf("source_date"), bi = header.IndexOf("best"), ii = header.IndexOf("id");
        while (reader.ReadLine() is { } line)
        {
            var f = SplitCsv(line);
            if (f.Count <= Math.Max(hi, Math.Max(di, bi))) continue;
            var heads = f[hi].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (heads.Length == 0 || heads.Length > maxHeadlines || !long.TryParse(f[bi], out long best) || best > maxDeaths) continue;
            DateOnly? pub = DateOnly.TryParseExact(f[di].Split(';')[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            docs.Add(new GoldDocument("ucdp-" + f[ii], "ucdp", string.Join("\n", heads), pub, best, null));
        }
        return docs;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    /// <summary>Every document's figures of both kinds, through the library's pipeline (single-threaded).</summary>
    public static List<DocumentFigures> Figures(IEnumerable<GoldDocument> docs)
    {
        var recorder = new FigureRecorder();
        // The summary decides by the rules here: the model being trained must not be needed to compute its own features.
        var pipeline = new ExtractionPipelineBuilder(ModelSet.Default).UseDefaultStages()
            .Replace(StageNames.Summary, new SummaryStage(null)).InsertBefore(StageNames.Summary, recorder).Build();
        var all = new List<DocumentFigures>();
        foreach (var d in docs)
        {
            recorder.Recorded.Clear();
            pipeline.Run(d.Text, new ExtractionOptions { PublishedAt = d.PublishedAt, DocumentId = d.Id });
            foreach (var (kind, figures, ruleTotal) in recorder.Recorded) all.Add(new DocumentFigures(d, kind, figures, ruleTotal));
        }
        return all;
    }

    /// <summary>A stage that records the figures the summary is about to weigh. Not thread-safe: one document at a time.</summary>
    private sealed class FigureRecorder : IStage
    {
        public List<(CasualtyKind Kind, List<Figure> Figures, long RuleTotal)> Recorded { get; } = [];

        public string Name => "figure-recorder";

        public void Run(DocumentContext doc)
        {
            var totals = doc.Scratch<Totals>();
            foreach (var kind in (CasualtyKind[])[CasualtyKind.Killed, CasualtyKind.Injured])
            {
                var (figures, ruleSelected, ruleTotal) = totals.Figures(doc.Analysis, doc.Records.Casualties, kind);
                var rows = new List<Figure>(figures.Count);
                for (int i = 0; i < figures.Count; i++)
                {
                    var x = new float[CasualtyFeatures.Count];
                    CasualtyFeatures.Compute(doc.Analysis, figures, i, ruleSelected, doc.Records.Casualties, x);
                    int group = i;
                    for (int j = 0; j < i && group == i; j++)
                        if (!figures[i].Subset && !figures[j].Subset && figures[j].Sentence == figures[i].Sentence && figures[j].WordToken == figures[i].WordToken) group = rows[j].Group;
                    rows.Add(new Figure(x, figures[i].Count.Headline ?? 0, figures[i].Subset, figures[i].PartOf is { } w ? figures.IndexOf(w) : -1, group));
                }
                Recorded.Add((kind, rows, ruleTotal?.Headline ?? 0));
            }
        }
    }

    /// <summary>The largest number of figures whose every combination is tried when labels are derived.</summary>
    public const int MaxFiguresSearched = 16;

    /// <summary>
    /// The figures that make up the gold total: of the combinations whose sum is the total (a subset never with its whole),
    /// the one closest to the rules' own choice, then the smallest, then the earliest. Null when no combination makes the
    /// total (the document then teaches nothing about this kind). A total of 0 chooses no figure.
    /// </summary>
    public static bool[]? DeriveLabels(DocumentFigures d)
    {
        if (d.Gold is not { } gold) return null;
        var f = d.Figures;
        int n = f.Count;
        var labels = new bool[n];
        if (gold == 0) return labels;
        if (n == 0 || n > MaxFiguresSearched) return null;
        int rule = 0;
        for (int i = 0; i < n; i++) if (f[i].Features[Array.IndexOf(CasualtyFeatures.Names, "rule_selected")] > 0) rule |= 1 << i;
        int best = -1, bestDistance = int.MaxValue, bestSize = int.MaxValue;
        for (int s = 1; s < 1 << n; s++)
        {
            long sum = 0;
            bool ok = true;
            for (int i = 0; i < n && ok; i++)
            {
                bool chosen = (s & (1 << i)) != 0, groupChosen = (s & (1 << f[i].Group)) != 0;
                if (!f[i].Subset && chosen != groupChosen) ok = false; // a clause group is chosen whole
                if (!chosen) continue;
                if (f[i].Subset && f[i].PartOf >= 0 && (s & (1 << f[i].PartOf)) != 0) ok = false;
                sum += f[i].Value;
            }
            if (!ok || sum != gold) continue;
            int distance = System.Numerics.BitOperations.PopCount((uint)(s ^ rule)), size = System.Numerics.BitOperations.PopCount((uint)s);
            if (distance < bestDistance || distance == bestDistance && size < bestSize)
            {
                best = s;
                bestDistance = distance;
                bestSize = size;
            }
        }
        if (best < 0) return null;
        for (int i = 0; i < n; i++) labels[i] = (best & (1 << i)) != 0;
        return labels;
    }

    /// <summary>The total of the chosen figures, as the summary stage sums them (a subset not added to its chosen whole).</summary>
    public static long SumChosen(List<Figure> figures, IReadOnlyList<bool> chosen)
    {
        // A clause group is counted whole when any of its figures is chosen, as the summary stage counts it.
        var groupChosen = new bool[figures.Count];
        for (int i = 0; i < figures.Count; i++) if (chosen[i] && !figures[i].Subset) groupChosen[figures[i].Group] = true;
        long sum = 0;
        for (int i = 0; i < figures.Count; i++)
        {
            if (!chosen[i] && !(!figures[i].Subset && groupChosen[figures[i].Group])) continue;
            if (figures[i].Subset && figures[i].PartOf >= 0 && chosen[figures[i].PartOf]) continue;
            sum += figures[i].Value;
        }
        return sum;
    }
}
