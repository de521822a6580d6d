using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictExtract.Lexicon;
using ConflictExtract.Tagging;
using ConflictExtract.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ConflictExtract.Training;

/// <summary>
/// Builds models/tagger: bootstraps stand-off annotations of the UCDP headlines (<c>--bootstrap</c>), prints a review sample
/// (<c>--review N</c>), and trains the per-token BIO classifier with Microsoft.ML, reporting held-out span P/R/F1 and
/// writing the weights to tagger.bin for the runtime <see cref="EntityTagger"/>.
/// </summary>
public sealed class TaggerCommand : ITrainingCommand
{
    private const int Bits = 18;
    private const double HintDropout = 0.3;

    public string Name => "tagger";

    public string Help => "--data DIR --out models/tagger [--bootstrap] [--review N] [--trainer lbfgs|sdca|both] [--no-hints] [--l1 X --l2 Y (lbfgs)] [--tag FILE (print a text with its tags)] [--speed]: build annotations, train the entity tagger";

    public int Run(string[] args)
    {
        string data = "../shared/data/ucdp-ukraine", outDir = "models/tagger", trainer = "both";
        bool bootstrap = false, noHints = false;
        string? tagFile = null;
        bool speed = false;
        int review = 0, seed = 7;
        float l1 = 0.01f, l2 = 0.01f;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
                case "--trainer" when i + 1 < args.Length: trainer = args[++i]; break;
                case "--review" when i + 1 < args.Length: review = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--l1" when i + 1 < args.Length: l1 = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--l2" when i + 1 < args.Length: l2 = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--tag" when i + 1 < args.Length: tagFile = args[++i]; break;
                case "--speed": speed = true; break;
                case "--bootstrap": bootstrap = true; break;
                case "--no-hints": noHints = true; break;
                default:
                    Console.Error.WriteLine($"tagger: unknown argument '{args[i]}'\n  {Help}");
                    return 2;
            }
        }
        if (tagFile is not null) return TagFile(tagFile, Path.Combine(outDir, "tagger.bin"));
        string csv = Directory.Exists(data) ? Path.Combine(data, "ucdp-ged-ukraine-2014-2021.csv") : data;
        if (!File.Exists(csv)) { Console.Error.WriteLine($"tagger: {csv} not found"); return 1; }
        Directory.CreateDirectory(outDir);
        string annPath = Path.Combine(outDir, "annotations.tsv");
        var headlines = AnnotationData.ReadHeadlines(csv);
        Console.WriteLine($"{headlines.Count} headlines in {csv}");

        if (bootstrap) return Bootstrap(headlines, outDir, annPath);
        if (!File.Exists(annPath)) { Console.Error.WriteLine($"tagger: {annPath} not found; run with --bootstrap first"); return 1; }
        var ann = AnnotationData.ReadAnnotations(annPath);
        if (review > 0) return Review(headlines, ann, review, seed);
        if (speed)
        {
            var docs = new List<Doc>();
            var seenText = new HashSet<string>(StringComparer.Ordinal);
            foreach (var h in headlines)
                if (Usable(h.Text) && seenText.Add(h.Text)) docs.Add(MakeDoc(h.Text, h.RowId, [], false));
            MeasureSpeed(Path.Combine(outDir, "tagger.bin"), docs);
            return 0;
        }
        return Train(headlines, ann, outDir, trainer, noHints, l1, l2);
    }

    // ---------------------------------------------------------------- annotations

    private static int Bootstrap(List<Headline> headlines, string outDir, string annPath)
    {
        var corrections = AnnotationData.ReadCorrections(Path.Combine(outDir, "corrections.txt"));
        var items = new List<(Headline, List<LabelSpan>)>();
        int spans = 0, applied = 0;
        var byKey = new Dictionary<(long, int), Headline>();
        foreach (var h in headlines) byKey[(h.RowId, h.Index)] = h;
        var labelled = new Dictionary<(long, int), List<LabelSpan>>();
        foreach (var h in headlines)
        {
            if (!Usable(h.Text)) continue;
            var tokens = Tokenizer.Tokenize(h.Text);
            var sentences = SentenceSplitter.Split(h.Text, tokens);
            labelled[(h.RowId, h.Index)] = AnnotationRules.Label(h.Text, tokens, sentences);
        }
        foreach (var c in corrections)
        {
            if (!byKey.TryGetValue((c.Row, c.Index), out var h) || c.End > h.Text.Length || c.Start >= c.End)
            {
                Console.Error.WriteLine($"warning: correction {c} does not fit a headline");
                continue;
            }
            if (!labelled.TryGetValue((c.Row, c.Index), out var list)) labelled[(c.Row, c.Index)] = list = [];
            list.RemoveAll(s => s.Start < c.End && c.Start < s.End);
            if (c.Label != "-") list.Add(new LabelSpan(c.Start, c.End, AnnotationData.ParseLabel(c.Label)));
            list.Sort((a, b) => a.Start - b.Start);
            applied++;
        }
        foreach (var h in headlines)
            if (labelled.TryGetValue((h.RowId, h.Index), out var list) && list.Count > 0)
            {
                items.Add((h, list));
                spans += list.Count;
            }
        AnnotationData.WriteAnnotations(annPath, items);
        var perType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, l) in items) foreach (var s in l) perType[AnnotationData.LabelName(s.Label)] = perType.GetValueOrDefault(AnnotationData.LabelName(s.Label)) + 1;
        Console.WriteLine($"wrote {annPath}: {spans} spans in {items.Count} headlines; {applied} hand corrections applied");
        foreach (var (k, v) in perType) Console.WriteLine($"  {k,-7} {v}");
        return 0;
    }

    /// <summary>Prints a text file with the tagger's spans inline, using the model in <paramref name="bin"/>.</summary>
    private static int TagFile(string path, string bin)
    {
        EntityTagger tagger;
        using (var fs = File.OpenRead(bin)) tagger = EntityTagger.Load(fs);
        string text = File.ReadAllText(path);
        var spans = new List<LabelSpan>();
        foreach (var s in tagger.Tag(text)) spans.Add(new LabelSpan(s.Start, s.End, s.Label));
        Console.WriteLine(Render(text, spans));
        return 0;
    }

    /// <summary>Headlines worth labelling: readable Latin text with at least three words.</summary>
    internal static bool Usable(string text)
    {
        int q = 0, letters = 0, words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (c == '?') q++;
            if (char.IsLetter(c)) { letters++; if (!inWord) { words++; inWord = true; } }
            else if (c == ' ') inWord = false;
        }
        return words >= 3 && q * 5 < letters;
    }

    private static int Review(List<Headline> headlines, Dictionary<(long, int), List<LabelSpan>> ann, int count, int seed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<Headline>();
        foreach (var h in headlines) if (Usable(h.Text) && seen.Add(h.Text)) unique.Add(h);
        var rng = new Random(seed);
        for (int k = 0; k < count && unique.Count > 0; k++)
        {
            int j = rng.Next(unique.Count);
            var h = unique[j];
            unique.RemoveAt(j);
            var spans = ann.GetValueOrDefault((h.RowId, h.Index)) ?? [];
            Console.WriteLine($"{h.RowId} {h.Index}\t{Render(h.Text, spans)}");
        }
        return 0;
    }

    private static string Render(string text, List<LabelSpan> spans)
    {
        var sb = new StringBuilder();
        int at = 0;
        foreach (var s in spans)
        {
            if (s.Start < at) continue;
            sb.Append(text, at, s.Start - at).Append('[').Append(text, s.Start, s.End - s.Start).Append("](")
              .Append(AnnotationData.LabelName(s.Label)).Append(' ').Append(s.Start).Append(' ').Append(s.End).Append(')');
            at = s.End;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    // ---------------------------------------------------------------- training

    private sealed class Doc
    {
        public required string Text;
        public required long RowId;
        public required List<LabelSpan> Gold;
        public required Token[] Tokens;
        public required Sentence[] Sentences;
        public required TaggerHints[] Hints;
        public bool Synthetic;
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        [VectorType(1 << Bits)]
        public VBuffer<float> Features { get; set; }
    }

    private static Doc MakeDoc(string text, long rowId, List<LabelSpan> gold, bool synthetic)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var hints = EntityTagger.ComputeHints(text, tokens, sentences, PlaceFinder.Default, WeaponCatalogue.Default);
        return new Doc { Text = text, RowId = rowId, Gold = gold, Tokens = tokens, Sentences = sentences, Hints = hints, Synthetic = synthetic };
    }

    private static bool IsTest(long rowId) => (uint)(unchecked((ulong)rowId * 0x9E3779B97F4A7C15UL) >> 40) % 5 == 0;

    private static int Train(List<Headline> headlines, Dictionary<(long, int), List<LabelSpan>> ann, string outDir, string trainerName, bool noHints, float l1, float l2)
    {
        // One document per distinct headline text, owned by the first row that carries it; split by that row id.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var train = new List<Doc>();
        var test = new List<Doc>();
        foreach (var h in headlines)
        {
            if (!Usable(h.Text) || !seen.Add(h.Text)) continue;
            var doc = MakeDoc(h.Text, h.RowId, ann.GetValueOrDefault((h.RowId, h.Index)) ?? [], false);
            (IsTest(h.RowId) ? test : train).Add(doc);
        }
        var own = AnnotationData.ReadSentences(Path.Combine(outDir, "sentences.txt"));
        var ownTest = new List<Doc>();
        for (int k = 0; k < own.Count; k++) (k % 5 == 4 ? ownTest : train).Add(MakeDoc(own[k].Text, -1, own[k].Spans, true));
        int trainTok = 0, testTok = 0;
        foreach (var d in train) trainTok += d.Tokens.Length;
        foreach (var d in test) testTok += d.Tokens.Length;
        Console.WriteLine($"train: {train.Count} texts ({own.Count - ownTest.Count} hand-written sentences), {trainTok} tokens; held-out: {test.Count} headlines, {testTok} tokens (rows with id-hash % 5 == 0); {ownTest.Count} held-out hand-written sentences");

        var ml = new MLContext(seed: 1);
        var results = new List<(string Name, EntityTagger Tagger, double F1)>();
        var trainers = trainerName == "both" ? new[] { "lbfgs", "sdca" } : new[] { trainerName };
        foreach (var tn in trainers)
        {
            foreach (bool hints in noHints ? new[] { false } : new[] { true, false })
            {
                var sw = Stopwatch.StartNew();
                var tagger = Fit(ml, tn, train, hints, l1, l2);
                Console.WriteLine($"\n== {tn}{(tn == "lbfgs" ? $" (L1 {l1}, L2 {l2})" : "")}, {(hints ? "with lexicon hints (30% dropout)" : "NO gazetteer/catalogue hints")}: trained in {sw.Elapsed.TotalSeconds:F1}s, {tagger.FeatureCount} feature rows");
                Console.WriteLine("   held-out UCDP headlines:");
                double f1 = Evaluate(tagger, train, test, hints);
                if (hints)
                {
                    Console.WriteLine("   same model, hints withheld at inference:");
                    Evaluate(tagger, train, test, false);
                }
                Console.WriteLine("   held-out hand-written sentences (weapons and places outside the lists):");
                Evaluate(tagger, train, ownTest, hints);
                results.Add(($"{tn}{(hints ? "" : "-nohints")}", tagger, f1));
            }
        }

        // Ship the best model trained with hints (the pipeline passes them); fall back to the best overall.
        (string Name, EntityTagger Tagger, double F1) best = results[0];
        foreach (var r in results)
            if ((r.Tagger.UsesHints && !best.Tagger.UsesHints) || (r.Tagger.UsesHints == best.Tagger.UsesHints && r.F1 > best.F1)) best = r;
        string bin = Path.Combine(outDir, "tagger.bin");
        using (var fs = File.Create(bin)) best.Tagger.Save(fs);
        Console.WriteLine($"\nwrote {bin} ({new FileInfo(bin).Length} bytes) from {best.Name} (micro F1 {best.F1:F3})");

        var all = new List<Doc>(train.Count + test.Count);
        all.AddRange(train); all.AddRange(test);
        MeasureSpeed(bin, all);
        return 0;
    }

    /// <summary>Speed of the shipped model: tagging only (tokens, sentences and hints computed beforehand).</summary>
    private static void MeasureSpeed(string bin, List<Doc> docs)
    {
        EntityTagger shipped;
        using (var fs = File.OpenRead(bin)) shipped = EntityTagger.Load(fs);
        long tokens = 0;
        foreach (var d in docs) tokens += d.Tokens.Length;
        for (int warm = 0; warm < 3; warm++) foreach (var d in docs) shipped.Tag(d.Text, d.Tokens, d.Sentences, d.Hints);
        const int reps = 10;
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < reps; r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var timer = Stopwatch.StartNew();
            foreach (var d in docs) shipped.Tag(d.Text, d.Tokens, d.Sentences, d.Hints);
            best = Math.Min(best, timer.Elapsed.TotalMilliseconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        Console.WriteLine($"speed: {best * 1e6 / tokens:F0} ns/token wall clock, {bestCpu * 1e6 / tokens:F0} ns/token process CPU time (best of {reps} passes over {docs.Count} texts, {tokens} tokens; tagging only, hints precomputed); load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    private static EntityTagger Fit(MLContext ml, string trainerName, List<Doc> train, bool useHints, float l1, float l2)
    {
        var rows = new List<Row>();
        Span<int> feats = stackalloc int[TaggerFeatures.MaxFeatures];
        var counts = new SortedDictionary<int, float>();
        int dropped = 0;
        foreach (var d in train)
        {
            // Deterministic hint dropout per document, so the model also works when the lexicons are silent.
            bool withHints = useHints && (d.Synthetic || Hash01(d.Text) >= HintDropout);
            var hints = withHints ? d.Hints : [];
            var labels = Bio(d, ref dropped);
            var classes = new WordClass[d.Tokens.Length];
            var words = new uint[d.Tokens.Length];
            var shapes = new uint[d.Tokens.Length];
            TaggerFeatures.Prepare(d.Text, d.Tokens, classes, words, shapes);
            foreach (var s in SentencesOf(d))
            {
                var info = TaggerFeatures.Describe(d.Text, d.Tokens, s.FirstToken, s.EndToken);
                for (int i = s.FirstToken; i < s.EndToken; i++)
                {
                    int n = TaggerFeatures.Extract(d.Text, d.Tokens, i, info, classes, words, shapes, hints, Bits, feats);
                    counts.Clear();
                    for (int k = 0; k < n; k++) counts[feats[k]] = counts.GetValueOrDefault(feats[k]) + 1;
                    var idx = new int[counts.Count];
                    var val = new float[counts.Count];
                    int j = 0;
                    foreach (var (key, v) in counts) { idx[j] = key; val[j] = v; j++; }
                    int reps = d.Synthetic ? 2 : 1;
                    for (int r = 0; r < reps; r++)
                        rows.Add(new Row { Label = (uint)labels[i], Features = new VBuffer<float>(1 << Bits, idx.Length, val, idx) });
                }
            }
        }
        if (dropped > 0) Console.WriteLine($"   ({dropped} gold spans not on token boundaries were skipped)");
        var present = new bool[EntityTagger.ClassCount];
        foreach (var r in rows) present[r.Label] = true;
        for (int c = 0; c < present.Length; c++)
            if (!present[c]) throw new InvalidOperationException($"class {c} has no training example; the key mapping needs all classes");
        // Keys sorted by value, so key index c is BIO class c (checked below against ML.NET's own predictions).
        var raw = ml.Data.LoadFromEnumerable(rows);
        var view = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(raw).Transform(raw);
        ITransformer transformer;
        MaximumEntropyModelParameters model;
        if (trainerName == "sdca")
        {
            var t = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", L2Regularization = 1e-4f, L1Regularization = 1e-3f,
                MaximumNumberOfIterations = 30, NumberOfThreads = 1, Shuffle = true,
            }).Fit(view);
            transformer = t; model = t.Model;
        }
        else
        {
            var t = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", L1Regularization = l1, L2Regularization = l2,
                OptimizationTolerance = 1e-6f, MaximumNumberOfIterations = 300, NumberOfThreads = 1,
            }).Fit(view);
            transformer = t; model = t.Model;
        }
        VBuffer<float>[] w = [];
        model.GetWeights(ref w, out int numClasses);
        var biases = new float[EntityTagger.ClassCount];
        int bi = 0;
        foreach (var b in model.GetBiases()) { if (bi < biases.Length) biases[bi] = b; bi++; }
        {
            // Sanity check: the extracted weights reproduce ML.NET's own argmax, and key index c is BIO class c.
            var scored = transformer.Transform(view);
            int agree = 0, total = 0, correct = 0;
            using var it = ml.Data.CreateEnumerable<Pred>(scored, reuseRowObject: false).GetEnumerator();
            foreach (var r in rows)
            {
                if (total >= 3000 || !it.MoveNext()) break;
                var pr = it.Current.Score;
                int mlArg = 0; for (int c = 1; c < pr.Length; c++) if (pr[c] > pr[mlArg]) mlArg = c;
                var ind = r.Features.GetIndices(); var vv = r.Features.GetValues();
                int myArg = 0; float best = float.NegativeInfinity;
                for (int c = 0; c < numClasses; c++)
                {
                    float sc = biases[c];
                    var wv = w[c].GetValues(); var wi = w[c].GetIndices();
                    for (int k = 0; k < ind.Length; k++)
                    {
                        float wt = 0;
                        if (w[c].IsDense) wt = wv[ind[k]];
                        else { int pos = wi.BinarySearch(ind[k]); if (pos >= 0) wt = wv[pos]; }
                        sc += wt * vv[k];
                    }
                    if (sc > best) { best = sc; myArg = c; }
                }
                if (myArg == mlArg) agree++;
                if (mlArg == r.Label) correct++;
                total++;
            }
            Console.WriteLine($"   check on {total} training tokens: extracted weights agree with ML.NET {agree}, ML.NET correct {correct}");
            if (agree < total * 0.99) throw new InvalidOperationException("extracted weights do not reproduce the ML.NET model");
        }
        if (numClasses != EntityTagger.ClassCount) throw new InvalidOperationException($"model has {numClasses} classes, expected {EntityTagger.ClassCount}");
        var dense = new float[EntityTagger.ClassCount][];
        for (int c = 0; c < numClasses; c++)
        {
            dense[c] = new float[1 << Bits];
            var vals = w[c].GetValues();
            var ind = w[c].GetIndices();
            if (w[c].IsDense) for (int k = 0; k < vals.Length; k++) dense[c][k] = vals[k];
            else for (int k = 0; k < vals.Length; k++) dense[c][ind[k]] = vals[k];
        }
        var buckets = new List<int>();
        var weights = new List<float>();
        for (int k = 0; k < 1 << Bits; k++)
        {
            bool any = false;
            for (int c = 0; c < numClasses; c++) if (MathF.Abs(dense[c][k]) >= 1e-3f) { any = true; break; }
            if (!any) continue;
            buckets.Add(k);
            for (int c = 0; c < numClasses; c++) weights.Add(dense[c][k]);
        }
        // Round-trip through the binary format so evaluation sees the float16 weights the library will load.
        using var ms = new MemoryStream();
        EntityTagger.Write(ms, Bits, biases, buckets.ToArray(), weights.ToArray(), useHints);
        ms.Position = 0;
        return EntityTagger.Load(ms);
    }

    private sealed class Pred
    {
        public float[] Score { get; set; } = [];
    }
    private static IEnumerable<Sentence> SentencesOf(Doc d) =>
        d.Sentences.Length > 0 ? d.Sentences : [new Sentence(0, d.Tokens.Length, 0, d.Text.Length)];

    private static double Hash01(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = unchecked((h ^ c) * 16777619);
        return (h % 10000) / 10000.0;
    }

    /// <summary>BIO class per token: 0 = O, 1..5 = B-label, 6..10 = I-label.</summary>
    private static int[] Bio(Doc d, ref int dropped)
    {
        var labels = new int[d.Tokens.Length];
        foreach (var s in d.Gold)
        {
            int f = -1, e = -1;
            for (int i = 0; i < d.Tokens.Length; i++)
            {
                if (d.Tokens[i].Start == s.Start) f = i;
                if (d.Tokens[i].End == s.End) { e = i + 1; break; }
            }
            if (f < 0 || e <= f) { dropped++; continue; }
            labels[f] = (int)s.Label;
            for (int i = f + 1; i < e; i++) labels[i] = (int)s.Label + EntityTagger.LabelCount;
        }
        return labels;
    }

    private static double Evaluate(EntityTagger tagger, List<Doc> train, List<Doc> test, bool useHints)
    {
        // Entity surfaces seen in training, and spans the lexicons cover, for the generalisation columns.
        var trainSurfaces = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in train) foreach (var s in d.Gold) trainSurfaces.Add(d.Text[s.Start..s.End]);
        var tp = new int[6]; var fp = new int[6]; var fn = new int[6];
        var unseenGold = new int[6]; var unseenHit = new int[6];
        var noLexGold = new int[6]; var noLexHit = new int[6];
        foreach (var d in test)
        {
            var pred = tagger.Tag(d.Text, d.Tokens, d.Sentences, useHints ? d.Hints : default);
            var predSet = new HashSet<(int, int, EntityLabel)>();
            foreach (var p in pred) predSet.Add((p.Start, p.End, p.Label));
            var goldSet = new HashSet<(int, int, EntityLabel)>();
            foreach (var g in d.Gold) goldSet.Add((g.Start, g.End, g.Label));
            foreach (var p in predSet) if (goldSet.Contains(p)) tp[(int)p.Item3]++; else fp[(int)p.Item3]++;
            foreach (var g in goldSet)
            {
                int l = (int)g.Item3;
                bool hit = predSet.Contains(g);
                if (!hit) fn[l]++;
                if (!trainSurfaces.Contains(d.Text[g.Item1..g.Item2])) { unseenGold[l]++; if (hit) unseenHit[l]++; }
                if (!CoveredByHint(d, g.Item1, g.Item2)) { noLexGold[l]++; if (hit) noLexHit[l]++; }
            }
        }
        Console.WriteLine("   type     gold   P      R      F1     | recall on unseen surfaces | recall on spans no lexicon hit");
        int TP = 0, FP = 0, FN = 0;
        for (int l = 1; l <= 5; l++)
        {
            TP += tp[l]; FP += fp[l]; FN += fn[l];
            Console.WriteLine($"   {AnnotationData.LabelName((EntityLabel)l),-7} {tp[l] + fn[l],5}  {P(tp[l], fp[l]):F3}  {P(tp[l], fn[l]):F3}  {F(tp[l], fp[l], fn[l]):F3}  | {unseenHit[l],4}/{unseenGold[l],-4} {P(unseenHit[l], unseenGold[l] - unseenHit[l]):F3}       | {noLexHit[l],4}/{noLexGold[l],-4} {P(noLexHit[l], noLexGold[l] - noLexHit[l]):F3}");
        }
        double f1 = F(TP, FP, FN);
        Console.WriteLine($"   micro   {TP + FN,5}  {P(TP, FP):F3}  {P(TP, FN):F3}  {f1:F3}");
        return f1;
    }

    private static bool CoveredByHint(Doc d, int start, int end)
    {
        for (int i = 0; i < d.Tokens.Length; i++)
            if (d.Tokens[i].Start < end && start < d.Tokens[i].End && d.Hints.Length > 0 && d.Hints[i] != TaggerHints.None) return true;
        return false;
    }

    private static double P(int a, int b) => a + b == 0 ? 0 : (double)a / (a + b);

    private static double F(int tp, int fp, int fn)
    {
        double p = P(tp, fp), r = P(tp, fn);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
