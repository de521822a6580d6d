using BenchmarkDotNet.Attributes;
using ConflictExtract.Pipeline;
using ConflictExtract.Text;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// One benchmark per pipeline stage (tokenize, split sentences, match places, match weapons, tag, recognize values,
/// analyze = every analysis stage from tokens to the sealed analysis, build records = every record stage) and the whole extractor, on
/// the same rotating documents as <see cref="EndToEndBench"/>: article-length (own sample text plus 20 UCDP headlines
/// each) and headline-length (one UCDP headline each).
/// Each invocation processes one document, so "Allocated" is bytes per document; divide by <see cref="TokensPerArticle"/>
/// for bytes per token. Inputs of later stages are computed once in setup.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- --filter '*StageBench*' --job short
/// </summary>
[MemoryDiagnoser]
public class StageBench
{
    private static readonly DateOnly Pub = new(2022, 3, 1);
    private readonly ConflictExtractor _extractor = ConflictExtractor.Default;
    private readonly ModelSet _models = ModelSet.Default;
    private ExtractionPipeline _pipeline = null!;
    private string[] _docs = [];
    private Token[][] _tokens = [];
    private Sentence[][] _sentences = [];
    private ExtractionPipeline.AnalysisLease[] _analyses = [];
    private Tagging.TaggerHints[][] _hints = [];
    private readonly List<Token> _tokenBuffer = new(8192);
    private readonly List<Sentence> _sentenceBuffer = new(1024);
    private int _next;

    /// <summary>Mean tokens per document.</summary>
    public double TokensPerArticle { get; private set; }

    /// <summary>Document length: "article" or "headline".</summary>
    [Params("article", "headline")]
    public string Length { get; set; } = "article";

    [GlobalSetup]
    public void Setup()
    {
        _docs = Length == "headline" ? EndToEndBench.BuildHeadlines() : EndToEndBench.BuildDocuments();
        _hints = new Tagging.TaggerHints[_docs.Length][];
        _pipeline = _extractor.Pipeline;
        _tokens = new Token[_docs.Length][];
        _sentences = new Sentence[_docs.Length][];
        _analyses = new ExtractionPipeline.AnalysisLease[_docs.Length];
        long tokens = 0;
        for (int i = 0; i < _docs.Length; i++)
        {
            _tokens[i] = Tokenizer.Tokenize(_docs[i]);
            _sentences[i] = SentenceSplitter.Split(_docs[i], _tokens[i]);
            _analyses[i] = _pipeline.Analyze(_docs[i], new ExtractionOptions { PublishedAt = Pub });
            _hints[i] = Tagging.EntityTagger.ComputeHints(_docs[i], _tokens[i], _sentences[i], _models.Places, _models.Weapons);
            tokens += _tokens[i].Length;
        }
        TokensPerArticle = (double)tokens / _docs.Length;
        Console.WriteLine($"// StageBench ({Length}): {_docs.Length} documents, {TokensPerArticle:F0} tokens and {_docs.Average(d => d.Length):F0} chars per document");
    }

    private int Next() => _next++ % _docs.Length;

    [Benchmark]
    public int Tokenize()
    {
        _tokenBuffer.Clear();
        Tokenizer.Tokenize(_docs[Next()], _tokenBuffer);
        return _tokenBuffer.Count;
    }

    [Benchmark]
    public int TokenizeToArray() => Tokenizer.Tokenize(_docs[Next()]).Length;

    [Benchmark]
    public int SplitSentences()
    {
        int d = Next();
        _sentenceBuffer.Clear();
        SentenceSplitter.Split(_docs[d], _tokens[d], _sentenceBuffer);
        return _sentenceBuffer.Count;
    }

    [Benchmark]
    public int MatchPlaces()
    {
        int d = Next();
        return _models.Places.Find(_docs[d], _tokens[d], _sentences[d]).Count;
    }

    [Benchmark]
    public int MatchWeapons()
    {
        int d = Next();
        return _models.Weapons.Find(_docs[d], _tokens[d]).Count;
    }

    [Benchmark]
    public int Tag()
    {
        int d = Next();
        return _models.Tagger.Tag(_docs[d], _tokens[d], _sentences[d], _hints[d]).Count;
    }

    [Benchmark]
    public int Recognize()
    {
        int d = Next();
        var r = _models.Recognizers.Recognize(_docs[d], _tokens[d], Pub);
        return r.Quantities.Count + r.Dates.Count + r.Distances.Count;
    }

    [Benchmark]
    public int Analyze()
    {
        int d = Next();
        using var lease = _pipeline.Analyze(_docs[d], new ExtractionOptions { PublishedAt = Pub });
        return lease.Analysis.Places.Length; // the lease gives the thread's work memory to the next document, as extraction does
    }

    [Benchmark]
    public int Build()
    {
        int d = Next();
        return _analyses[d].BuildRecords().Strikes.Length;
    }

    [Benchmark]
    public int Extract() => _extractor.Extract(_docs[Next()], new ExtractionOptions { PublishedAt = Pub }).Strikes.Length;
}
