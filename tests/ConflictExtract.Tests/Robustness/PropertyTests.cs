using System.Globalization;
using ConflictExtract.Serialization;
using CsCheck;

namespace ConflictExtract.Tests.Robustness;

/// <summary>
/// CsCheck properties over random documents built from conflict-news fragments, numbers, punctuation and Unicode junk:
/// the output contract holds, extraction is deterministic, and a document's batch result ignores the rest of the batch.
/// </summary>
public class PropertyTests
{
    private static readonly ConflictExtractor Extractor = ConflictExtractor.Default;

    private static readonly string[] Fragments =
    [
        // places
        "Kharkiv", "Odesa", "Kyiv", "Dnipro", "Zaporizhzhia", "Kherson", "Sumy", "Lviv", "Mykolaiv", "Pokrovsk", "Gaza City", "Rafah",
        "Khan Younis", "Beirut", "Aleppo", "Idlib", "Sanaa", "Hodeidah", "Belgorod", "Donetsk", "Kharkiv region", "the Black Sea", "Crimea",
        // weapons
        "Shahed drone", "Shahed-136", "Iskander-M", "Kalibr cruise missiles", "Kh-101", "HIMARS", "glide bombs", "FPV drones", "Lancet",
        "S-300 missiles", "artillery", "a ballistic missile", "Storm Shadow", "ATACMS", "Patriot", "mortar fire",
        // casualty phrases
        "killed", "were killed", "died", "dead", "wounded", "injured", "were hurt", "missing", "killing", "wounding", "left dead",
        "people", "civilians", "children", "soldiers", "residents", "including", "among them", "a woman", "two men",
        // quantities and qualifiers
        "at least", "more than", "up to", "about", "nearly", "between", "and", "dozens of", "hundreds of", "a dozen", "three", "twenty-one",
        "one", "none", "tens of thousands", "half", "several",
        // dates
        "on Monday", "yesterday", "overnight", "last week", "three days ago", "since", "on March 3", "December 31", "Jan. 2",
        "in 2023", "on 5 May 2024", "earlier this month", "February 29", "December 32", "next year",
        // verbs and glue
        "struck", "hit", "attacked", "shot down", "intercepted", "launched", "from", "in", "on", "near", "the", "a", "strike", "attack",
        "an apartment block", "a hospital", "a power plant", "officials said", "the governor said", "according to", "Russian", "Ukrainian",
        "Israeli", "Houthi", "forces",
        // punctuation
        ".", ",", ";", ":", "—", "–", "-", "(", ")", "\"", "“", "”", "'", "!", "?", "...", "\n", "\n\n", "/", "%",
        // junk
        "<b>", "</p>", "&amp;", "\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B", "\uFEFF", "💥", "🇺🇦", "Київ", "غزة", "中文", "\t", "\r\n",
    ];

    private static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.Int[0, 1000].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[1000, 5_000_000].Select(n => n.ToString("N0", CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[1, 31].Select(n => n.ToString(CultureInfo.InvariantCulture) + "-" + (n + 1).ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[1990, 2030].Select(n => n.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (12, Gen.OneOf(Fragments)),
        (3, Number),
        (1, Gen.Char.Array[1, 3].Select(cs => new string(cs))));

    private static readonly Gen<string> Separator = Gen.Frequency((8, Gen.Const(" ")), (1, Gen.Const("")), (1, Gen.Const(", ")), (1, Gen.Const(". ")));

    /// <summary>A random document of 1..60 pieces.</summary>
    internal static readonly Gen<string> Document =
        Gen.Select(Piece, Separator).Array[1, 60].Select(parts =>
        {
            var sb = new System.Text.StringBuilder();
            foreach (var (p, s) in parts) sb.Append(p).Append(s);
            return sb.ToString();
        });

    private static readonly Gen<DateOnly?> Published = Gen.Frequency(
        (1, Gen.Const(default(DateOnly?))),
        (4, Gen.Int[0, 146_000].Select(d => (DateOnly?)new DateOnly(1800, 1, 1).AddDays(d))));

    private static string Json(ConflictExtractor e, string text, DateOnly? pub, string id = "d") =>
        ExtractionJson.Serialize(e.Extract(text, new ExtractionOptions { PublishedAt = pub, DocumentId = id }));

    [Fact]
    public void EveryResultHonoursTheContract() =>
        Gen.Select(Document, Published).Sample((text, pub) =>
        {
            var r = Extractor.Extract(text, new ExtractionOptions { PublishedAt = pub });
            ContractCheck.Valid(r, text);
        }, iter: 500, threads: 1, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void ExtractionIsDeterministic()
    {
        // A fresh extractor has cold caches; its answers must equal those of the warm shared one, and repeat.
        var fresh = new ConflictExtractor(new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger));
        Gen.Select(Document, Published).Sample((text, pub) =>
        {
            string a = Json(Extractor, text, pub);
            string b = Json(fresh, text, pub);
            string c = Json(Extractor, text, pub);
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void BatchResultIgnoresTheOtherDocuments() =>
        Gen.Select(Gen.Select(Document, Published).Array[1, 6], Gen.Int[0, 1000]).Sample((docs, pick) =>
        {
            var inputs = new DocumentInput[docs.Length];
            for (int i = 0; i < docs.Length; i++) inputs[i] = new DocumentInput("d" + i.ToString(CultureInfo.InvariantCulture), docs[i].Item1, docs[i].Item2);
            var batch = new List<string>();
            foreach (var r in Extractor.ExtractMany(inputs, new BatchOptions { DegreeOfParallelism = 3 })) batch.Add(ExtractionJson.Serialize(r));
            Assert.Equal(docs.Length, batch.Count);
            for (int i = 0; i < docs.Length; i++)
                Assert.Equal(Json(Extractor, docs[i].Item1, docs[i].Item2, inputs[i].Id!), batch[i]);
            // The picked document alone, and in reverse order with the others, gives the same result.
            int k = pick % docs.Length;
            var alone = Extractor.ExtractMany([inputs[k]]).Single();
            Assert.Equal(batch[k], ExtractionJson.Serialize(alone));
            var reversed = inputs.Reverse().ToArray();
            var rev = Extractor.ExtractMany(reversed, new BatchOptions { DegreeOfParallelism = 2 }).Select(r => ExtractionJson.Serialize(r)).ToArray();
            Assert.Equal(batch[k], rev[docs.Length - 1 - k]);
        }, iter: 100, threads: 1);
}
