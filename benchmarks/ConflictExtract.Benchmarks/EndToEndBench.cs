using BenchmarkDotNet.Attributes;
using ConflictExtract.Recognizers;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// The whole extractor against the naive baseline (the three recognizers over the whole document), in one run, on
/// article-length documents (own sample text plus 20 UCDP headlines each, read at run time) and on headline-length
/// ones (one UCDP headline each). Documents rotate so that no result cache flatters either side.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBench
{
    private string[] _docs = [];
    private int _next;
    private readonly ConflictExtractor _extractor = ConflictExtractor.Default;

    /// <summary>Document length: "article" or "headline".</summary>
    [Params("article", "headline")]
    public string Length { get; set; } = "article";

    [GlobalSetup]
    public void Setup()
    {
        _docs = Length == "headline" ? BuildHeadlines() : BuildDocuments();
        _extractor.Extract(_docs[0], new ExtractionOptions { PublishedAt = new DateOnly(2022, 3, 1) });
    }

    /// <summary><see cref="BuildDocuments"/> as batch inputs ("d0", "d1", ...), published 2022-03-01.</summary>
    internal static DocumentInput[] BuildInputs() =>
        [.. BuildDocuments().Select((t, i) => new DocumentInput("d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), t, new DateOnly(2022, 3, 1)))];

    /// <summary>The bundled sample article plus 20 UCDP headlines each (up to 300 distinct documents).</summary>
    internal static string[] BuildDocuments()
    {
        var headlines = ReadHeadlines();
        string sample = File.ReadAllText(FindSample());
        var docs = new List<string>();
        for (int i = 0; i + 20 <= headlines.Count && docs.Count < 300; i += 20)
            docs.Add(sample + "\n\n" + string.Join("\n", headlines.Skip(i).Take(20)));
        return [.. docs];
    }

    /// <summary>Headline-length documents: 300 distinct UCDP headlines, one per document.</summary>
    internal static string[] BuildHeadlines() => [.. ReadHeadlines().Distinct(StringComparer.Ordinal).Take(300)];

    /// <summary>The UCDP Ukraine headlines of more than 20 characters, each ending in a full stop.</summary>
    private static List<string> ReadHeadlines()
    {
        string csv = TokenizerBench.FindDataFile(Path.Combine("ucdp-ukraine", "ucdp-ged-ukraine-2014-2021.csv"))
            ?? throw new FileNotFoundException("../shared/data/ucdp-ukraine not found beside the repository");
        var headlines = new List<string>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            int q1 = line.IndexOf(",\"", StringComparison.Ordinal);
            if (q1 < 0) continue;
            int q2 = line.IndexOf("\",", q1 + 2, StringComparison.Ordinal);
            if (q2 < 0) continue;
            foreach (var h in line[(q1 + 2)..q2].Split(';')) if (h.Length > 20) headlines.Add(h.Trim() + ".");
        }
        return headlines;
    }

    private static string FindSample()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string p = Path.Combine(d.FullName, "samples", "odesa-strike.txt");
            if (File.Exists(p)) return p;
        }
        throw new FileNotFoundException("samples/odesa-strike.txt not found");
    }

    private string Next() => _docs[_next++ % _docs.Length];

    [Benchmark(Baseline = true)]
    public int NaiveRecognizersWholeDocument() => NaiveRecognizers.Recognize(Next(), new DateOnly(2022, 3, 1)).Quantities.Count;

    [Benchmark]
    public int Extract() => _extractor.Extract(Next(), new ExtractionOptions { PublishedAt = new DateOnly(2022, 3, 1) }).Strikes.Length;
}
