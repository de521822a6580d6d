using System.Collections.Concurrent;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>Runs the stages over one document: tokens, sentences, places, weapons, values, records. Holds only immutable models; thread-safe.</summary>
internal sealed class DocumentPipeline(ModelSet models)
{
    private readonly ConcurrentDictionary<WeaponEntry, WeaponInfo> _weaponInfo = new();
    private readonly ConcurrentDictionary<string, Location?> _regions = new(StringComparer.Ordinal);

    public ModelSet Models { get; } = models;

    /// <summary><see cref="RegionByName"/> as one delegate, made on first use, not one per document.</summary>
    private Func<string, Location?>? _regionByName;

    private readonly Lazy<TransliterationIndex> _variants = new(() => new TransliterationIndex(models.Gazetteer), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builds the transliteration index now instead of at the first unmatched place-like word.</summary>
    internal void LoadLazyModels() => _ = _variants.Value;

    public ExtractionResult Run(string text, ExtractionOptions options, ExtractionRun run)
    {
        // The document's work memory is the thread's, lent until its records are built.
        var scratch = DocumentScratch.Rent();
        int n = scratch.Tokenize(text);
        run.ThrowIfCancelled();
        SentenceSplitter.Split(text, scratch.Tokens.AsSpan(0, n), scratch.Sentences); // empty when lent
        run.ThrowIfCancelled();
        var analysis = Analyze(text, scratch.Tokens, n, scratch.Sentences, options.PublishedAt, scratch, run);
        run.ThrowIfCancelled();
        var result = RecordBuilder.Build(analysis, options, _regionByName ??= RegionByName);
        analysis.Release(); // not in a finally: after a fault the memory is simply not reused
        return result;
    }

    internal DocumentAnalysis Analyze(string text, Token[] tokens, Sentence[] sentences, DateOnly? publishedAt) =>
        Analyze(text, tokens, tokens.Length, [.. sentences], publishedAt, DocumentScratch.Rent(), ExtractionRun.Default(text.Length));

    /// <summary>The analysis of the first <paramref name="tokenCount"/> tokens of <paramref name="tokenArray"/>, which it keeps.</summary>
    private DocumentAnalysis Analyze(string text, Token[] tokenArray, int tokenCount, List<Sentence> sentenceList, DateOnly? publishedAt, DocumentScratch scratch, ExtractionRun run)
    {
        var sentences = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentenceList);
        ReadOnlySpan<Token> tokens = tokenArray.AsSpan(0, tokenCount);
        var placeMentions = scratch.PlaceMentions; // empty when lent, as is the tagger's list
        Models.Places.FindInto(text, tokens, sentences, placeMentions);
        int placeCount = placeMentions.Count;
        var places = scratch.PlaceHits(placeCount);
        for (int i = 0; i < placeCount; i++)
        {
            var p = placeMentions[i];
            places[i] = new PlaceHit(p.FirstToken, p.EndToken, p.Start, p.End, p.Location, p.Location.Kind == PlaceKind.Region);
        }

        run.ThrowIfCancelled();
        var weaponMentions = Models.Weapons.Find(text, tokens);
        run.ThrowIfCancelled();
        var tagged = scratch.Tagged;
        var hints = scratch.Hints(tokenCount).AsSpan(0, tokenCount);
        EntityTagger.HintsInto(tokens, placeMentions, weaponMentions, hints);
        Models.Tagger.TagInto(text, tokens, sentences, hints, tagged, run.Cancellation);
        run.ThrowIfCancelled();
        var taggedSpans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tagged);
        var weapons = new WeaponHit[weaponMentions.Count];
        for (int i = 0; i < weapons.Length; i++)
        {
            var m = weaponMentions[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, m.Start, m.End);
            weapons[i] = new WeaponHit(f, e, m.Start, m.End, InfoOf(m.Entry));
        }

        var values = scratch.Values; // empty when lent
        run.ThrowIfCancelled();
        Models.Recognizers.RecognizeInto(text, tokens, publishedAt, values.Quantities, values.Dates, values.Distances, run);
        run.ThrowIfCancelled();
        var quantities = scratch.QuantityHits(values.Quantities.Count);
        for (int i = 0; i < values.Quantities.Count; i++)
        {
            var q = values.Quantities[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, q.Start, q.End);
            quantities[i] = new QuantityHit(f, e, q.Start, q.End, q.Value);
        }
        var dates = scratch.DateHits(values.Dates.Count);
        for (int i = 0; i < values.Dates.Count; i++)
        {
            var d = values.Dates[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, d.Start, d.End);
            dates[i] = new DateHit(f, e, d.Start, d.End, d.Value);
        }
        var distances = scratch.DistanceHits(values.Distances.Count);
        for (int i = 0; i < values.Distances.Count; i++)
        {
            var d = values.Distances[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, d.Start, d.End);
            distances[i] = new DistanceHit(f, e, d.Start, d.End, d.Kilometres);
        }
        if (AddVariantSpellings(text, tokens, places.AsSpan(0, placeCount), weapons, taggedSpans, scratch) is { } added)
        {
            places = scratch.GrowPlaceHits(placeCount + added.Count); // the places so far, with room after them
            added.CopyTo(places, placeCount);
            placeCount += added.Count;
            places.AsSpan(0, placeCount).Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
        weapons = AddUnlistedWeapons(text, tokens, weapons, taggedSpans);
        var analysis = new DocumentAnalysis(text, tokenArray, tokenCount, sentenceList, publishedAt, (places, placeCount), weapons,
            (quantities, values.Quantities.Count), (dates, values.Dates.Count), (distances, values.Distances.Count), tagged, scratch);
        values.Clear(); // copied into the hits
        return analysis;
    }

    private static readonly WordSet VariantLeads = new("in", "near", "on", "shelled", "attacked", "hit", "struck", "shelling", "bombed", "targeted", "at");
    private static readonly WordSet VariantIntro = new("the", "city", "town", "village", "settlement", "of", "center", "centre", "outskirts", "liberated", "occupied", "urban-type", "private", "sector");
    private static readonly WordSet NotPlaces = new(
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "Armed", "Forces", "Ukraine", "Russia",
        "Russian", "Ukrainian", "Defense", "Defence", "Ministry", "General", "Staff", "Army", "Air", "Force", "Navy", "Council", "Headquarters");

    // Per token, in marks: TaggedLoc (a one-word LOC span of the tagger), Covered (inside a place or weapon found).
    private const byte TaggedLoc = 1, Covered = 2;

    /// <summary>
    /// Capitalised words in a place position that nothing matched: try the transliteration fallback. Places of
    /// <paramref name="places"/> may be replaced by a Ukrainian namesake; the places found anew are returned (null: none).
    /// </summary>
    private List<PlaceHit>? AddVariantSpellings(string text, ReadOnlySpan<Token> tokens, Span<PlaceHit> places, WeaponHit[] weapons, ReadOnlySpan<TaggedSpan> tagged, DocumentScratch scratch)
    {
        var marks = scratch.Marks(tokens.Length);
        foreach (var t in tagged)
            if (t.Label == EntityLabel.Loc && t.EndToken - t.FirstToken == 1 && (uint)t.FirstToken < (uint)tokens.Length) marks[t.FirstToken] |= TaggedLoc;
        // A foreign namesake where the document names Ukrainian regions: prefer the Ukrainian place in one of them
        // ("Stepnoy in the Volnovakha district of the DPR" is Stepne, Donetsk Oblast, not a Russian town of that old name).
        HashSet<string>? uaRegions = null;
        foreach (var p in places)
            if (p.Location.Country == "UA" && p.Location.Admin1 is { } a1) (uaRegions ??= scratch.EmptySet(0)).Add(a1);
        if (uaRegions is not null)
        {
            for (int i = 0; i < places.Length; i++)
            {
                var p = places[i];
                if (p.Location.Country == "UA" || p.Location.Kind is PlaceKind.Country or PlaceKind.Region || p.End - p.First != 1) continue;
                var alt = _variants.Value.Resolve(tokens[p.First].Slice(text), uaRegions);
                if (alt is not null && alt.Country == "UA" && alt.Admin1 is not null && uaRegions.Contains(alt.Admin1))
                    places[i] = p with { Location = alt.ToLocation() };
            }
        }
        foreach (var p in places) for (int t = Math.Max(0, p.First); t < Math.Min(p.End, tokens.Length); t++) marks[t] |= Covered;
        foreach (var w in weapons) for (int t = Math.Max(0, w.First); t < Math.Min(w.End, tokens.Length); t++) marks[t] |= Covered;
        HashSet<string>? regions = null;
        List<PlaceHit>? added = null;
        for (int i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if ((marks[i] & Covered) != 0 || t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || t.Length < 5 || t.Has(TokenFlags.HasDigit)) continue;
            var w = t.Slice(text);
            if (NotPlaces.Contains(w)) continue;
            if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Has(TokenFlags.Capitalized)) continue; // a name: "Vladimir Putin"
            int k = i - 1, skipped = 0;
            while (k > 0 && skipped < 3 && VariantIntro.Contains(tokens[k].Slice(text)) && !tokens[k].Slice(text).Equals("of", StringComparison.Ordinal)) { k--; skipped++; }
            var lead = tokens[k].Slice(text);
            bool locative = VariantLeads.Contains(lead)
                || lead.Equals("of", StringComparison.OrdinalIgnoreCase) && k > 0 && (VariantLeads.Contains(tokens[k - 1].Slice(text)) || tokens[k - 1].Slice(text).Equals("center", StringComparison.OrdinalIgnoreCase) || tokens[k - 1].Slice(text).Equals("outskirts", StringComparison.OrdinalIgnoreCase));
            // The tagger's LOC on a word nothing else matched counts as the place position.
            if (!locative && (marks[i] & TaggedLoc) == 0) continue;
            if (regions is null)
            {
                regions = scratch.EmptySet(1);
                foreach (var p in places) if (p.Location.Admin1 is { } a) regions.Add(a);
            }
            var place = _variants.Value.Resolve(w, regions);
            if (place is null) continue;
            (added ??= []).Add(new PlaceHit(i, i + 1, t.Start, t.End, place.ToLocation(), false));
        }
        return added;
    }

    private static readonly WordMap<WeaponCategory> WeaponHeads = new(new Dictionary<string, WeaponCategory>
    {
        ["missile"] = WeaponCategory.Other, ["missiles"] = WeaponCategory.Other, ["drone"] = WeaponCategory.AttackDrone, ["drones"] = WeaponCategory.AttackDrone,
        ["rocket"] = WeaponCategory.RocketArtillery, ["rockets"] = WeaponCategory.RocketArtillery, ["bomb"] = WeaponCategory.GuidedBomb, ["bombs"] = WeaponCategory.GuidedBomb,
        ["howitzer"] = WeaponCategory.Artillery, ["howitzers"] = WeaponCategory.Artillery, ["launcher"] = WeaponCategory.RocketArtillery, ["launchers"] = WeaponCategory.RocketArtillery,
        ["uav"] = WeaponCategory.AttackDrone, ["uavs"] = WeaponCategory.AttackDrone, ["system"] = WeaponCategory.Other, ["systems"] = WeaponCategory.Other,
    });

    /// <summary>
    /// Weapons the catalogue lacks but the tagger finds: a designation ("Kh-999", "Tarkan-7") followed by a weapon noun,
    /// named by its own text, with the category its noun gives ("ballistic missile", "drone") and no origin or range.
    /// </summary>
    private WeaponHit[] AddUnlistedWeapons(string text, ReadOnlySpan<Token> tokens, WeaponHit[] weapons, ReadOnlySpan<TaggedSpan> tagged)
    {
        List<WeaponHit>? added = null;
        foreach (var t in tagged)
        {
            if (t.Label != EntityLabel.Weapon || t.Score < 0.8f || t.EndToken > tokens.Length) continue;
            bool overlaps = false;
            foreach (var w in weapons) if (w.Start < t.End && t.Start < w.EndChar) { overlaps = true; break; }
            if (overlaps) continue;
            bool designation = false;
            for (int k = t.FirstToken; k < t.EndToken; k++) designation |= tokens[k].Has(TokenFlags.HasDigit) && tokens[k].Has(TokenFlags.HasHyphen);
            int head = t.EndToken;
            while (head < tokens.Length && head < t.EndToken + 2 && (tokens[head].Slice(text) is "ballistic" or "cruise" or "hypersonic" or "guided" or "glide" or "attack" or "kamikaze" or "air-defence" or "anti-ship")) head++;
            if (!designation || head >= tokens.Length || !WeaponHeads.TryGet(tokens[head].Slice(text), out var category)) continue;
            var modifier = head > t.EndToken ? tokens[head - 1].Slice(text) : default;
            if (category == WeaponCategory.Other && (tokens[head].Slice(text) is "missile" or "missiles"))
                category = modifier is "ballistic" ? WeaponCategory.BallisticMissile : modifier is "cruise" ? WeaponCategory.CruiseMissile
                    : modifier is "hypersonic" ? WeaponCategory.HypersonicMissile : modifier is "anti-ship" ? WeaponCategory.AntiShipMissile : WeaponCategory.Other;
            string name = text[t.Start..t.End];
            (added ??= []).Add(new WeaponHit(t.FirstToken, t.EndToken, t.Start, t.End, new WeaponInfo(name, category, null, null)));
        }
        if (added is null) return weapons;
        return [.. weapons.Concat(added).OrderBy(w => w.Start)];
    }

    private WeaponInfo InfoOf(WeaponEntry e) => _weaponInfo.GetOrAdd(e, static e =>
        new WeaponInfo(e.Name, e.Category, e.Origin, e.MaxRangeKm));

    private Location? RegionByName(string admin1) => _regions.GetOrAdd(admin1, n =>
    {
        foreach (var p in Models.Gazetteer.Lookup(n))
            if (p.Kind == PlaceKind.Region && p.Name == n) return p.ToLocation();
        return null;
    });
}
