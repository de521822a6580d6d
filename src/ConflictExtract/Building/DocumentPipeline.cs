using System.Collections.Concurrent;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;
using ConflictExtract.Serialization;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>Runs the stages over one document: tokens, sentences, places, weapons, values, records. Holds only immutable models; thread-safe.</summary>
internal sealed class DocumentPipeline(ModelSet models)
{
    private readonly ConcurrentDictionary<WeaponEntry, WeaponInfo> _weaponInfo = new();
    private readonly ConcurrentDictionary<string, Location?> _regions = new(StringComparer.Ordinal);

    public ModelSet Models { get; } = models;

    public ExtractionResult Run(string text, ExtractionOptions options)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var analysis = Analyze(text, tokens, sentences, options.PublishedAt);
        return RecordBuilder.Build(analysis, options, RegionByName);
    }

    internal DocumentAnalysis Analyze(string text, Token[] tokens, Sentence[] sentences, DateOnly? publishedAt)
    {
        var placeMentions = Models.Places.Find(text, tokens, sentences);
        var places = new PlaceHit[placeMentions.Count];
        for (int i = 0; i < places.Length; i++)
        {
            var p = placeMentions[i];
            places[i] = new PlaceHit(p.FirstToken, p.EndToken, p.Start, p.End, p.Location, p.Location.Kind == PlaceKind.Region);
        }

        var weaponMentions = Models.Weapons.Find(text, tokens);
        var weapons = new WeaponHit[weaponMentions.Count];
        var tmp = new DocumentAnalysis(text, tokens, sentences, publishedAt, [], [], [], [], []);
        for (int i = 0; i < weapons.Length; i++)
        {
            var m = weaponMentions[i];
            var (f, e) = tmp.TokenRange(m.Start, m.End);
            weapons[i] = new WeaponHit(f, e, m.Start, m.End, InfoOf(m.Entry));
        }

        var values = Models.Recognizers.Recognize(text, tokens, publishedAt);
        var quantities = new QuantityHit[values.Quantities.Count];
        for (int i = 0; i < quantities.Length; i++)
        {
            var q = values.Quantities[i];
            var (f, e) = tmp.TokenRange(q.Start, q.End);
            quantities[i] = new QuantityHit(f, e, q.Start, q.End, q.Value);
        }
        var dates = new DateHit[values.Dates.Count];
        for (int i = 0; i < dates.Length; i++)
        {
            var d = values.Dates[i];
            var (f, e) = tmp.TokenRange(d.Start, d.End);
            dates[i] = new DateHit(f, e, d.Start, d.End, d.Value);
        }
        var distances = new DistanceHit[values.Distances.Count];
        for (int i = 0; i < distances.Length; i++)
        {
            var d = values.Distances[i];
            var (f, e) = tmp.TokenRange(d.Start, d.End);
            distances[i] = new DistanceHit(f, e, d.Start, d.End, d.Kilometres);
        }
        return new DocumentAnalysis(text, tokens, sentences, publishedAt, places, weapons, quantities, dates, distances);
    }

    private WeaponInfo InfoOf(WeaponEntry e) => _weaponInfo.GetOrAdd(e, static e =>
        new WeaponInfo(e.Name, ToRecordCategory(e.Category), e.Origin, e.MaxRangeKm));

    internal static Records.WeaponCategory ToRecordCategory(Lexicon.WeaponCategory c)
    {
        string name = c.ToContractString();
        foreach (var v in Enum.GetValues<Records.WeaponCategory>())
            if (ContractEnumConverter<Records.WeaponCategory>.NameOf(v) == name) return v;
        return Records.WeaponCategory.Other;
    }

    private Location? RegionByName(string admin1) => _regions.GetOrAdd(admin1, n =>
    {
        foreach (var p in Models.Gazetteer.Lookup(n))
            if (p.Kind == PlaceKind.Region && p.Name == n) return p.ToLocation();
        return null;
    });
}
