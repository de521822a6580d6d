using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConflictExtract.Serialization;

namespace ConflictExtract.Specs;

/// <summary>The result of one spec: whether it passes, what differs, and its counts for the measures.</summary>
internal sealed class SpecOutcome
{
    public required SpecCase Case { get; init; }

    /// <summary>Every difference between the expected and the extracted records; empty when the case passes.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    public required SpecTally Tally { get; init; }

    public required Extracted Extracted { get; init; }

    public bool Passed => Failures.Count == 0;

    /// <summary>A compact account for a failure message: the case, what differs, what was expected and what was extracted.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"spec {Case.Area}/{Case.Id}");
        if (Case.PublishedAt is DateOnly d) sb.Append(CultureInfo.InvariantCulture, $" (published {d:yyyy-MM-dd})");
        sb.AppendLine();
        sb.AppendLine("  text: " + (Case.Text.Length > 400 ? Case.Text[..400] + " [...]" : Case.Text).ReplaceLineEndings(" "));
        if (Case.Note is not null) sb.AppendLine("  note: " + Case.Note);
        if (Case.Pending is not null) sb.AppendLine("  pending: " + Case.Pending);
        foreach (var f in Failures) sb.AppendLine("  - " + f);
        sb.AppendLine("  expected:");
        var e = Case.Expect;
        if (e.Summary.Count > 0) sb.AppendLine("    summary " + string.Join(" ", e.Summary.Select(kv => $"{kv.Key}={Fmt(kv.Value)}")));
        AppendList(sb, "strike", e.Strikes);
        AppendList(sb, "casualty", e.Casualties);
        AppendList(sb, "weapon", e.Weapons);
        sb.AppendLine("  extracted:");
        sb.AppendLine($"    summary killed={Fmt(Extracted.Killed)} injured={Fmt(Extracted.Injured)}");
        foreach (var s in Extracted.Strikes) sb.AppendLine("    strike " + s);
        foreach (var c in Extracted.Casualties) sb.AppendLine("    casualty " + c);
        foreach (var w in Extracted.Weapons) sb.AppendLine("    weapon " + w);
        return sb.ToString();
    }

    private static void AppendList(StringBuilder sb, string what, IReadOnlyList<ExpectedRecord>? list)
    {
        if (list is null) return;
        if (list.Count == 0) sb.AppendLine($"    no {what}");
        for (int i = 0; i < list.Count; i++) sb.AppendLine($"    {what}[{i}] {list[i]}");
    }

    internal static string Fmt(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "null";
}

/// <summary>
/// Scores a spec against an extraction, matching records as ../shared/eval/score.py does: weapons by
/// designation (one name's tokens contain the other's), casualties by kind and headline number, strikes by
/// place (names folded over transliteration variants; admin1 when the expected place is a region) with dates
/// that agree, one-to-one and greedily in passes. Every slot an expected record writes must then agree, and a
/// list the spec gives must have no extra record.
/// </summary>
internal static partial class SpecScorer
{
    /// <summary>Extracts the case's text and scores the result's contract JSON.</summary>
    public static SpecOutcome Run(ConflictExtractor extractor, SpecCase c)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var result = extractor.Extract(c.Text, new ExtractionOptions { PublishedAt = c.PublishedAt, DocumentId = c.Id, IncludeEntities = false });
        using var doc = JsonDocument.Parse(ExtractionJson.Serialize(result));
        return Score(c, doc.RootElement);
    }

    /// <summary>Scores a case against an extracted schema-1 document.</summary>
    public static SpecOutcome Score(SpecCase c, JsonElement extractedDocument)
    {
        var x = Extracted.Read(extractedDocument);
        var fails = new List<string>();
        var tally = new SpecTally();
        var e = c.Expect;

        foreach (var (key, want) in e.Summary)
        {
            double? got = key == "killed" ? x.Killed : x.Injured;
            bool ok = (want ?? 0) == (got ?? 0);
            tally.Slot(key == "killed" ? "summary.killed" : "summary.injured", ok);
            if (!ok) fails.Add($"summary.{key}: expected {SpecOutcome.Fmt(want)}, extracted {SpecOutcome.Fmt(got)}");
        }

        var strikePairs = e.Strikes is null ? null : MatchStrikes(e.Strikes, x.Strikes);
        var casualtyPairs = e.Casualties is null ? null : MatchCasualties(e.Casualties, x.Casualties);
        var weaponPairs = e.Weapons is null ? null : Match(e.Weapons, x.Weapons, (g, p) => SameWeapon(g.Str("name"), p.Name));

        if (e.Strikes is not null && strikePairs is not null)
        {
            Tally(tally.Strikes, "strike", e.Strikes, x.Strikes, strikePairs, fails, s => s.ToString());
            foreach (var (gi, pi) in strikePairs)
                CheckStrike(gi, e.Strikes[gi], x.Strikes[pi], tally, fails);
        }
        if (e.Casualties is not null && casualtyPairs is not null)
        {
            Tally(tally.Casualties, "casualty", e.Casualties, x.Casualties, casualtyPairs, fails, s => s.ToString());
            foreach (var (gi, pi) in casualtyPairs)
                CheckCasualty(gi, e.Casualties[gi], x.Casualties[pi], x, strikePairs, casualtyPairs, tally, fails);
        }
        if (e.Weapons is not null && weaponPairs is not null)
        {
            Tally(tally.Weapons, "weapon", e.Weapons, x.Weapons, weaponPairs, fails, s => s.ToString());
            foreach (var (gi, pi) in weaponPairs)
            {
                var g = e.Weapons[gi];
                var p = x.Weapons[pi];
                string w = $"weapons[{gi}] {g.Str("name")}";
                SlotStr(g, "category", p.Category, w, "weapon", tally, fails);
                SlotStr(g, "origin", p.Origin, w, "weapon", tally, fails);
                SlotNum(g, "maxRangeKm", p.MaxRangeKm, w, "weapon", tally, fails);
            }
        }
        return new SpecOutcome { Case = c, Failures = fails, Tally = tally, Extracted = x };
    }

    private static void Tally<T>(Prf prf, string what, IReadOnlyList<ExpectedRecord> gold, IReadOnlyList<T> pred,
        List<(int G, int P)> pairs, List<string> fails, Func<T, string> show)
    {
        var mg = pairs.Select(p => p.G).ToHashSet();
        var mp = pairs.Select(p => p.P).ToHashSet();
        prf.Tp += pairs.Count;
        for (int i = 0; i < gold.Count; i++)
        {
            if (mg.Contains(i)) continue;
            prf.Fn++;
            fails.Add($"missing {what}[{i}] {gold[i]}");
        }
        for (int i = 0; i < pred.Count; i++)
        {
            if (mp.Contains(i)) continue;
            prf.Fp++;
            fails.Add($"extra {what} {show(pred[i])}");
        }
    }

    private static void CheckStrike(int gi, ExpectedRecord g, XStrike p, SpecTally t, List<string> fails)
    {
        string w = $"strikes[{gi}] {g.Str("place") ?? g.Str("admin1") ?? g.Str("country") ?? "(any place)"}";
        SlotPlace(g, "admin1", p.Place?.Admin1, w, "strike", t, fails);
        SlotStr(g, "country", p.Place?.Country, w, "strike", t, fails);
        SlotStr(g, "date", p.DateStart, w, "strike", t, fails);
        SlotStr(g, "dateEnd", p.DateEnd, w, "strike", t, fails);
        SlotStr(g, "datePrecision", p.DatePrecision, w, "strike", t, fails);
        SlotStr(g, "attacker", p.Attacker, w, "strike", t, fails);
        SlotStr(g, "attackerName", p.AttackerName, w, "strike", t, fails, ignoreCase: true);
        SlotStr(g, "targetCategory", p.TargetCategory, w, "strike", t, fails);
        SlotStr(g, "weaponCategory", p.WeaponCategory, w, "strike", t, fails);
        SlotNum(g, "munitions", p.Munitions, w, "strike", t, fails);
        SlotNum(g, "intercepted", p.Intercepted, w, "strike", t, fails);
        if (g.Slots.TryGetValue("launchSite", out var ls))
        {
            string? want = ls.ValueKind == JsonValueKind.String ? ls.GetString() : null;
            bool ok = want is null
                ? p.LaunchSite is null
                : p.LaunchSite is not null && (PlaceKey(want) == PlaceKey(p.LaunchSite.Name) || PlaceKey(want) == PlaceKey(p.LaunchSite.Admin1));
            t.Slot("strike.launchSite", ok);
            if (!ok) fails.Add($"{w}: launchSite expected {want ?? "null"}, extracted {p.LaunchSite?.ToString() ?? "null"}");
        }
        if (g.Slots.TryGetValue("weapons", out var ws))
        {
            // Every name listed must be linked; an empty list means no weapon may be linked.
            var want = ws.EnumerateArray().Select(v => v.GetString()!).ToList();
            var pairs = Match(want, p.WeaponNames, SameWeapon);
            bool ok = want.Count == 0 ? p.WeaponNames.Count == 0 : pairs.Count == want.Count;
            t.Slot("strike.weapons", ok);
            if (!ok) fails.Add($"{w}: weapons expected [{string.Join(", ", want)}], extracted [{string.Join(", ", p.WeaponNames)}]");
        }
    }

    private static void CheckCasualty(int gi, ExpectedRecord g, XCasualty p, Extracted x, List<(int G, int P)>? strikePairs,
        List<(int G, int P)> casualtyPairs, SpecTally t, List<string> fails)
    {
        string w = $"casualties[{gi}] {g.Str("kind")} {SpecOutcome.Fmt(g.Num("count"))}";
        SlotStr(g, "qualifier", p.Qualifier, w, "casualty", t, fails);
        SlotStr(g, "group", p.Group, w, "casualty", t, fails);
        if (g.Has("place"))
        {
            bool ok = PlaceKey(g.Str("place")) == PlaceKey(p.Place?.Name);
            t.Slot("casualty.place", ok);
            if (!ok) fails.Add($"{w}: place expected {g.Str("place")}, extracted {p.Place?.ToString() ?? "null"}");
        }
        SlotPlace(g, "admin1", p.Place?.Admin1, w, "casualty", t, fails);
        SlotStr(g, "date", p.DateStart, w, "casualty", t, fails);
        SlotStr(g, "dateEnd", p.DateEnd, w, "casualty", t, fails);
        if (g.Has("partOf"))
        {
            string? want = null;
            bool ok;
            if (g.Num("partOf") is double idx)
            {
                int pi = PredOf(casualtyPairs, (int)idx);
                want = pi < 0 ? null : x.Casualties[pi].Id;
                ok = want is not null && want == p.PartOf;
                want = pi < 0 ? $"casualties[{(int)idx}] (not extracted)" : $"{want} (casualties[{(int)idx}])";
            }
            else ok = p.PartOf is null;
            t.Slot("casualty.partOf", ok);
            if (!ok) fails.Add($"{w}: partOf expected {want ?? "null"}, extracted {p.PartOf ?? "null"}");
        }
        if (g.Has("strike"))
        {
            string? want = null;
            bool ok;
            if (g.Num("strike") is double idx)
            {
                int pi = PredOf(strikePairs, (int)idx);
                want = pi < 0 ? null : x.Strikes[pi].Id;
                ok = want is not null && want == p.StrikeId;
                want = pi < 0 ? $"strikes[{(int)idx}] (not extracted)" : $"{want} (strikes[{(int)idx}])";
            }
            else ok = p.StrikeId is null;
            t.Slot("casualty.strike", ok);
            if (!ok) fails.Add($"{w}: strike expected {want ?? "null"}, extracted {p.StrikeId ?? "null"}");
        }
    }

    /// <summary>The extracted record paired with expected record <paramref name="g"/>, or -1.</summary>
    private static int PredOf(List<(int G, int P)>? pairs, int g)
    {
        foreach (var (pg, pp) in pairs ?? []) if (pg == g) return pp;
        return -1;
    }

    private static void SlotStr(ExpectedRecord g, string slot, string? got, string where, string type, SpecTally t, List<string> fails, bool ignoreCase = false)
    {
        if (!g.Has(slot)) return;
        string? want = g.Str(slot);
        bool ok = string.Equals(want, got, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        t.Slot($"{type}.{slot}", ok);
        if (!ok) fails.Add($"{where}: {slot} expected {want ?? "null"}, extracted {got ?? "null"}");
    }

    private static void SlotPlace(ExpectedRecord g, string slot, string? got, string where, string type, SpecTally t, List<string> fails)
    {
        if (!g.Has(slot)) return;
        string? want = g.Str(slot);
        bool ok = want is null ? got is null : PlaceKey(want) == PlaceKey(got);
        t.Slot($"{type}.{slot}", ok);
        if (!ok) fails.Add($"{where}: {slot} expected {want ?? "null"}, extracted {got ?? "null"}");
    }

    private static void SlotNum(ExpectedRecord g, string slot, double? got, string where, string type, SpecTally t, List<string> fails)
    {
        if (!g.Has(slot)) return;
        double? want = g.Num(slot);
        bool ok = want == got;
        t.Slot($"{type}.{slot}", ok);
        if (!ok) fails.Add($"{where}: {slot} expected {SpecOutcome.Fmt(want)}, extracted {SpecOutcome.Fmt(got)}");
    }

    // ---- matching (score.py's rules) ----

    private static List<(int G, int P)> MatchStrikes(IReadOnlyList<ExpectedRecord> gold, IReadOnlyList<XStrike> pred) =>
        Match(gold, pred,
            (g, p) => SamePlace(g, p.Place) && g.Has("date") && g.Str("date") == p.DateStart,
            (g, p) => SamePlace(g, p.Place) && Overlaps(g, p.DateStart, p.DateEnd));

    private static List<(int G, int P)> MatchCasualties(IReadOnlyList<ExpectedRecord> gold, IReadOnlyList<XCasualty> pred)
    {
        bool Same(ExpectedRecord g, XCasualty p) => g.Str("kind") == p.Kind && g.Num("count") == p.Count;
        return Match(gold, pred,
            (g, p) => Same(g, p) && (g.Has("place") || g.Has("admin1")) && SamePlace(g, p.Place),
            Same);
    }

    /// <summary>
    /// Whether an extracted place is the expected one: by name when the spec names the place; by admin1 when
    /// it gives only a region (the region itself, or any place in it, as score.py's region rule); by country
    /// when it gives only a country; any place when it gives none.
    /// </summary>
    internal static bool SamePlace(ExpectedRecord g, XPlace? p)
    {
        if (g.Str("place") is string name) return p is not null && PlaceKey(name) == PlaceKey(p.Name);
        if (g.Str("admin1") is string a1)
            return p is not null && (PlaceKey(a1) == PlaceKey(p.Name) || PlaceKey(a1) == PlaceKey(p.Admin1));
        if (g.Str("country") is string cc) return p is not null && string.Equals(cc, p.Country, StringComparison.OrdinalIgnoreCase);
        return true;
    }

    private static bool Overlaps(ExpectedRecord g, string? start, string? end)
    {
        string? gs = g.Str("date");
        if (gs is null || start is null) return true;
        string ge = g.Str("dateEnd") ?? gs;
        end ??= start;
        return string.CompareOrdinal(gs, end) <= 0 && string.CompareOrdinal(start, ge) <= 0;
    }

    /// <summary>One-to-one greedy matching in passes: the first predicate pairs what it can, later ones what is left.</summary>
    internal static List<(int G, int P)> Match<TG, TP>(IReadOnlyList<TG> gold, IReadOnlyList<TP> pred, params Func<TG, TP, bool>[] oks)
    {
        var pairs = new List<(int, int)>();
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        foreach (var ok in oks)
        {
            for (int gi = 0; gi < gold.Count; gi++)
            {
                if (usedG.Contains(gi)) continue;
                for (int pi = 0; pi < pred.Count; pi++)
                {
                    if (usedP.Contains(pi) || !ok(gold[gi], pred[pi])) continue;
                    pairs.Add((gi, pi));
                    usedG.Add(gi);
                    usedP.Add(pi);
                    break;
                }
            }
        }
        return pairs;
    }

    /// <summary>score.py's placekey: case, accents, punctuation, y/i and doubled letters folded.</summary>
    internal static string PlaceKey(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s.Normalize(NormalizationForm.FormKD))
        {
            if (ch > 127) continue;
            char c = char.ToLowerInvariant(ch);
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9'))) continue;
            if (c == 'y') c = 'i';
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>score.py's same_weapon: one designation's tokens contain the other's ("M142 HIMARS" and "HIMARS"; not S-300 and S-400).</summary>
    internal static bool SameWeapon(string? a, string? b)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        return ta.Count > 0 && tb.Count > 0 && (ta.IsSubsetOf(tb) || tb.IsSubsetOf(ta) || Norm(a) == Norm(b));
    }

    private static HashSet<string> Tokens(string? s) =>
        WordRun().Matches((s ?? "").ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string Norm(string? s) => NonWord().Replace((s ?? "").ToLowerInvariant(), "");

    [GeneratedRegex("[0-9a-z]+")]
    private static partial Regex WordRun();

    [GeneratedRegex("[^0-9a-z]")]
    private static partial Regex NonWord();
}
