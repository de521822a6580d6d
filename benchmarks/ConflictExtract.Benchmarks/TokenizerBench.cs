using System.Text;
using BenchmarkDotNet.Attributes;
using ConflictExtract.Text;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// Tokenizer and sentence splitter on one article-length document: hand-written news paragraphs plus
/// UCDP source headlines read at run time. Tokens/second = <see cref="TokenCount"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBench
{
    private const string Paragraphs = """
        KYIV, Feb 9 (Reuters) - Russia launched 40 Shahed-136 drones and three Kh-101 cruise missiles at Ukraine overnight, the air force said on Friday, adding that air defences shot down 35 of the drones.

        Ukraine’s prosecutor general said the KN-23/24 missiles fired since Dec. 30 had killed at least 14 civilians and injured 64 others in Kharkiv, Kyiv and Zaporizhzhia regions.

        “Many of those missiles miss their targets,” he told reporters. “We didn't expect so many.”

        Lt. Col. Ivan Petrenko, a spokesman for the 93rd brigade, said Su-34 and MiG-31K jets had been seen near Kamianets-Podilskyi; about 1,000 residents were evacuated within a 24-hour period.

        The U.S. and U.K. pledged $5 billion in aid, roughly 10% more than in 2023-12-30 estimates. See https://www.example.org/ukraine/aid for details, or write to press@example.org.

        The strike on the apartment block in Dnipro... left 1.2 million people without power. Emergency crews worked through the night – again – to clear debris from the North Korean-made missile.
        """;

    private string _text = "";
    private readonly List<Token> _tokens = new(8192);
    private readonly List<Sentence> _sentences = new(1024);
    private Token[] _tokenArray = [];

    /// <summary>Tokens in the benchmark document.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        sb.Append(Paragraphs).Append("\n\n");
        var headlines = ReadHeadlines(80);
        foreach (var h in headlines) sb.Append(h).Append('\n');
        sb.Append('\n').Append(Paragraphs);
        _text = sb.ToString();
        _tokenArray = Tokenizer.Tokenize(_text);
        TokenCount = _tokenArray.Length;
        Console.WriteLine($"// TokenizerBench document: {_text.Length} chars, {TokenCount} tokens, {headlines.Count} UCDP headlines, {SentenceSplitter.Split(_text, _tokenArray).Length} sentences");
    }

    [Benchmark]
    public int Tokenize()
    {
        _tokens.Clear();
        Tokenizer.Tokenize(_text, _tokens);
        return _tokens.Count;
    }

    [Benchmark]
    public int SplitSentences()
    {
        _sentences.Clear();
        SentenceSplitter.Split(_text, _tokenArray, _sentences);
        return _sentences.Count;
    }

    /// <summary>Reads up to <paramref name="max"/> headlines (column source_headline) from the UCDP Ukraine file.</summary>
    private static List<string> ReadHeadlines(int max)
    {
        var result = new List<string>();
        string? path = FindDataFile(Path.Combine("ucdp-ukraine", "ucdp-ged-ukraine-2014-2021.csv"));
        if (path is null)
        {
            Console.WriteLine("// UCDP file not found; using written paragraphs only");
            return result;
        }
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (header is null) return result;
        int col = Array.IndexOf(ParseCsvLine(header), "source_headline");
        if (col < 0) return result;
        string? line;
        while (result.Count < max && (line = reader.ReadLine()) is not null)
        {
            var fields = ParseCsvLine(line);
            if (col >= fields.Length) continue;
            foreach (var h in fields[col].Split(';'))
            {
                string t = h.Trim();
                if (t.Length > 0 && result.Count < max) result.Add(t);
            }
        }
        return result;
    }

    private static string[] ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
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
        return fields.ToArray();
    }

    /// <summary>Walks up from the current and base directories looking for shared/data (or a sibling ../shared).</summary>
    internal static string? FindDataFile(string relative)
    {
        foreach (var startDir in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(startDir);
            while (dir is not null)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", relative), Path.Combine(dir.FullName, "..", "shared", "data", relative) })
                    if (File.Exists(candidate)) return Path.GetFullPath(candidate);
                dir = dir.Parent;
            }
        }
        return null;
    }
}
