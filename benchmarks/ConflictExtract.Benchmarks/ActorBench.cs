using BenchmarkDotNet.Attributes;
using ConflictExtract.Text;

namespace ConflictExtract.Benchmarks;

/// <summary>
/// <see cref="Lexicon.ActorCatalogue.Find"/> on article-length documents, beside <see cref="Lexicon.WeaponCatalogue.Find"/>
/// on the same tokens: "article" is <see cref="EndToEndBench"/>'s documents (the sample article plus 20 UCDP headlines),
/// "actor-dense" an article of this project's own sentences that name actors in many ways (about 60 mentions).
/// Each invocation processes one document, so "Allocated" is bytes per document. Setup also prints the bytes one Find
/// allocates, counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> over every document.
/// Run: dotnet run -c Release --project benchmarks/ConflictExtract.Benchmarks -- --filter '*ActorBench*' --job short
/// </summary>
[MemoryDiagnoser]
public class ActorBench
{
    private readonly ModelSet _models = ModelSet.Default;
    private string[] _docs = [];
    private Token[][] _tokens = [];
    private int _next;

    /// <summary>"article" or "actor-dense".</summary>
    [Params("article", "actor-dense")]
    public string Length { get; set; } = "article";

    [GlobalSetup]
    public void Setup()
    {
        _docs = Length == "actor-dense" ? BuildActorDense() : EndToEndBench.BuildDocuments();
        _tokens = [.. _docs.Select(Tokenizer.Tokenize)];
        long mentions = 0, tokens = 0;
        for (int i = 0; i < _docs.Length; i++) _models.Actors.Find(_docs[i], _tokens[i]); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < _docs.Length; i++) mentions += _models.Actors.Find(_docs[i], _tokens[i]).Count;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        foreach (var t in _tokens) tokens += t.Length;
        Console.WriteLine($"// ActorBench ({Length}): {_docs.Length} documents, {tokens / _docs.Length} tokens and {(double)mentions / _docs.Length:F1} actor mentions per document; " +
            $"Find allocates {(double)bytes / _docs.Length:F0} bytes per document ({(mentions == 0 ? 0 : (double)bytes / mentions):F1} per mention)");
    }

    private int Next() => _next++ % _docs.Length;

    [Benchmark(Baseline = true)]
    public int MatchWeapons()
    {
        int d = Next();
        return _models.Weapons.Find(_docs[d], _tokens[d]).Count;
    }

    [Benchmark]
    public int MatchActors()
    {
        int d = Next();
        return _models.Actors.Find(_docs[d], _tokens[d]).Count;
    }

    /// <summary>Documents of about 1,000 words each, from sentences written for this benchmark, rotated so no two are alike.</summary>
    internal static string[] BuildActorDense()
    {
        string[] sentences =
        [
            "Russian forces shelled the outskirts of the town overnight, the regional governor said.",
            "The enemy launched 27 attack drones and four cruise missiles; air defence downed most of them.",
            "Ukrainian troops said they had pushed the occupiers back from two villages.",
            "A Russian journalist who covered the front said the Russian economy could not sustain the pace.",
            "Israeli jets struck Hamas positions in the south, and the Hamas-run health ministry reported 14 dead.",
            "Hezbollah fired rockets at a base in the north; the IDF said it hit launchers in response.",
            "Houthi rebels claimed a missile attack on a tanker, and US and British warplanes struck sites near the port.",
            "The RSF shelled El Fasher as the Sudanese army flew drones over Omdurman.",
            "Islamic State West Africa Province fighters raided a camp, while Boko Haram kidnapped farmers.",
            "Al-Shabaab-linked gunmen stormed a hotel before Somali forces ended the siege.",
            "The Taliban government denied that ISKP had a presence in the capital.",
            "Pakistani Taliban militants attacked a checkpoint, and the army said 12 attackers died.",
            "JNIM claimed the ambush on Malian forces and Africa Corps troops near the border.",
            "M23 rebels entered the town as FARDC soldiers withdrew and ADF fighters struck further north.",
            "Wagner fighters were filmed at the airport before the Wagner Group announced its exit.",
            "The Arakan Army captured a junta base in Rakhine, and junta forces answered with airstrikes in Sagaing.",
            "Turkish drones hit PKK hideouts in the mountains, the defence ministry said.",
            "Iran-backed militias fired at a US base, and the Islamic Resistance in Iraq claimed it.",
            "Fano militiamen clashed with Ethiopian troops outside the town.",
            "The Baloch Liberation Army said it attacked a convoy on the highway.",
        ];
        var docs = new List<string>();
        for (int d = 0; d < 50; d++)
        {
            var sb = new System.Text.StringBuilder();
            for (int k = 0; k < 60; k++)
            {
                sb.Append(sentences[(d + k * 7) % sentences.Length]);
                sb.Append(k % 5 == 4 ? "\n\n" : " ");
            }
            docs.Add(sb.ToString());
        }
        return [.. docs];
    }
}
