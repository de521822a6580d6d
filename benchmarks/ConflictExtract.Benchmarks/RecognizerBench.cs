using BenchmarkDotNet.Attributes;
using ConflictExtract.Recognizers;
using ConflictExtract.Text;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// The recognizer layer (fast paths + cached Recognizers fallback) against Recognizers run over whole documents.
/// Each invocation processes the next of many distinct composed articles, so Recognizers' internal cache cannot help.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- --filter '*RecognizerBench*' --job short
/// </summary>
[MemoryDiagnoser]
public class RecognizerBench
{
    private static readonly string Csv = TokenizerBench.FindDataFile(Path.Combine("ucdp-ukraine", "ucdp-ged-ukraine-2014-2021.csv"))
        ?? throw new FileNotFoundException("../shared/data/ucdp-ukraine not found beside the repository");

    private static readonly string[] Paragraphs =
    [
        "Russia launched 64 drones and five missiles overnight, the air force said, adding that 44 drones were shot down.",
        "At least three people were killed and 12 were injured when a missile struck an apartment block on Thursday morning.",
        "Since Dec. 30, strikes on the city have killed more than 14 civilians and damaged hundreds of buildings, officials said.",
        "The missile, which has a range of up to 650 km, was fired from the Belgorod region at about 10:30 local time.",
        "Between 10 and 15 drones were launched at energy facilities on Jan. 2, and dozens of homes lost power.",
        "A five-year-old girl was among the wounded, the regional governor said on Friday, adding that two of them were in serious condition.",
        "Ukraine said its forces shot down 18 of 20 cruise missiles in the past 24 hours, a rate of 90 percent.",
        "Around 1,200 residents were evacuated yesterday after shelling that began on December 30, 2023 and continued into February.",
        "Officials said nearly 40 Shahed drones flew some 300 miles before reaching their targets last night.",
    ];

    private string[] _docs = [];
    private Token[][] _tokens = [];
    private int _next;
    private readonly RecognizerLayer _layer = new();
    private static readonly DateOnly Pub = new(2024, 2, 9);

    [GlobalSetup]
    public void Setup()
    {
        var headlines = new List<string>();
        foreach (var line in File.ReadLines(Csv).Skip(1))
        {
            // source_headline is the 8th column; headlines are quoted and may hold commas.
            var h = HeadlineField(line);
            if (h.Length > 20) headlines.Add(h.Replace(';', '.'));
            if (headlines.Count >= 4000) break;
        }
        var docs = new List<string>();
        for (int d = 0; d < 400; d++)
        {
            var sb = new System.Text.StringBuilder();
            for (int p = 0; p < 12; p++)
            {
                sb.Append(headlines[(d * 12 + p) % headlines.Count]).Append(". ");
                if (p % 2 == 0) sb.Append(Paragraphs[(d + p) % Paragraphs.Length]).Append("\n\n");
            }
            docs.Add(sb.ToString());
        }
        _docs = docs.ToArray();
        _tokens = _docs.Select(SimpleTokens).ToArray();
        // Warm both and print a comparison of what each finds on the first document.
        var ours = _layer.Recognize(_docs[0], _tokens[0], Pub);
        var naive = NaiveRecognizers.Recognize(_docs[0], Pub);
        Console.WriteLine($"// doc0 chars={_docs[0].Length} ours: q={ours.Quantities.Count} d={ours.Dates.Count} km={ours.Distances.Count}; naive: q={naive.Quantities.Count} d={naive.Dates.Count} km={naive.Distances.Count}");
        foreach (var q in ours.Quantities) Console.WriteLine($"//   ours Q '{_docs[0][q.Start..q.End]}' {q.Value}");
        foreach (var q in naive.Quantities) Console.WriteLine($"//  naive Q '{_docs[0][q.Start..q.End]}' {q.Value}");
        foreach (var q in ours.Dates) Console.WriteLine($"//   ours D '{_docs[0][q.Start..q.End]}' {q.Value}");
        foreach (var q in naive.Dates) Console.WriteLine($"//  naive D '{_docs[0][q.Start..q.End]}' {q.Value}");
    }

    private static string HeadlineField(string line)
    {
        int field = 0, i = 0;
        while (i < line.Length && field < 7)
        {
            if (line[i] == '"') { i++; while (i < line.Length && !(line[i] == '"' && (i + 1 == line.Length || line[i + 1] != '"'))) i += line[i] == '"' ? 2 : 1; i++; }
            else { while (i < line.Length && line[i] != ',') i++; }
            i++; field++;
        }
        if (i >= line.Length) return "";
        if (line[i] == '"')
        {
            int s = i + 1, e = s;
            while (e < line.Length && !(line[e] == '"' && (e + 1 == line.Length || line[e + 1] != '"'))) e += line[e] == '"' ? 2 : 1;
            return line[s..Math.Min(e, line.Length)].Replace("\"\"", "\"");
        }
        int c = line.IndexOf(',', i);
        return c < 0 ? line[i..] : line[i..c];
    }

    /// <summary>Same rules as the tests' stand-in tokenizer.</summary>
    private static Token[] SimpleTokens(string text)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                bool letters = false;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetter(d)) { letters = true; i++; }
                    else if (char.IsDigit(d)) i++;
                    else if ((d is '-' or '\'' or '/' || (!letters && d is ',' or '.')) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                             && (d is not (',' or '.') || char.IsDigit(text[i + 1]))) i++;
                    else break;
                }
                kind = letters || text.AsSpan(start, i - start).ContainsAny('-', '/') ? TokenKind.Word : TokenKind.Number;
            }
            else { i++; kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol; }
            list.Add(new Token(start, i - start, kind, start == 0 || char.IsWhiteSpace(text[start - 1]) ? TokenFlags.SpaceBefore : TokenFlags.None));
        }
        return list.ToArray();
    }

    [Benchmark(Baseline = true, Description = "Naive: Recognizers over whole article")]
    public int Naive()
    {
        int d = _next++ % _docs.Length;
        var r = NaiveRecognizers.Recognize(_docs[d], Pub);
        return r.Quantities.Count + r.Dates.Count + r.Distances.Count;
    }

    [Benchmark(Description = "RecognizerLayer (fast path + cached fallback)")]
    public int Layer()
    {
        int d = _next++ % _docs.Length;
        var r = _layer.Recognize(_docs[d], _tokens[d], Pub);
        return r.Quantities.Count + r.Dates.Count + r.Distances.Count;
    }
}
