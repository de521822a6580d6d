using System.Globalization;
using System.Text.Json;

namespace ConflictExtract.Specs;

/// <summary>
/// One golden spec: a text, its publication date and the records a careful coder would write for it
/// (the format is described in tests/Specs/README.md). Compiled into both the Training tool's
/// <c>specs</c> command and the test project, so both score alike.
/// </summary>
internal sealed class SpecCase
{
    /// <summary>The spec file's name without extension ("StrikeNotes").</summary>
    public required string Area { get; init; }

    public required string Id { get; init; }

    public required string Text { get; init; }

    public DateOnly? PublishedAt { get; init; }

    public string? Note { get; init; }

    /// <summary>Why the case fails today, as short class labels separated by ';'; null when it must pass.</summary>
    public string? Pending { get; init; }

    public required Expectation Expect { get; init; }

    /// <summary>The pending labels, trimmed; empty when the case is not pending.</summary>
    public IReadOnlyList<string> PendingReasons =>
        Pending is null ? [] : Pending.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => Id;
}

/// <summary>What a spec expects. A list that is null is not checked; an empty list means "none".</summary>
internal sealed class Expectation
{
    /// <summary>Summary keys that are set ("killed", "injured"), each with its number (null = none = 0).</summary>
    public IReadOnlyDictionary<string, double?> Summary { get; init; } = new Dictionary<string, double?>();

    public IReadOnlyList<ExpectedRecord>? Strikes { get; init; }

    public IReadOnlyList<ExpectedRecord>? Casualties { get; init; }

    public IReadOnlyList<ExpectedRecord>? Weapons { get; init; }
}

/// <summary>One expected record: the slots the spec writes (a slot written as null must be null).</summary>
internal sealed class ExpectedRecord(IReadOnlyDictionary<string, JsonElement> slots)
{
    public IReadOnlyDictionary<string, JsonElement> Slots { get; } = slots;

    public bool Has(string slot) => Slots.ContainsKey(slot);

    /// <summary>The slot as a string; null when absent or null.</summary>
    public string? Str(string slot) =>
        Slots.TryGetValue(slot, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The slot as a number; null when absent or null.</summary>
    public double? Num(string slot) =>
        Slots.TryGetValue(slot, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public override string ToString() =>
        "{" + string.Join(", ", Slots.Select(kv => $"{kv.Key}: {kv.Value.GetRawText()}")) + "}";
}

/// <summary>A spec file that breaks the format: the file, the case and what is wrong.</summary>
internal sealed class SpecFormatException(string message) : Exception(message);

/// <summary>Reads and validates spec files.</summary>
internal static class SpecLoader
{
    private static readonly HashSet<string> CaseKeys = ["id", "text", "publishedAt", "note", "pending", "expect"];
    private static readonly HashSet<string> ExpectKeys = ["summary", "strikes", "casualties", "weapons"];
    private static readonly HashSet<string> SummaryKeys = ["killed", "injured"];

    /// <summary>Each slot a record may write, with the JSON kinds its value may take.</summary>
    private static readonly Dictionary<string, JsonValueKind[]> StrikeSlots = new(StringComparer.Ordinal)
    {
        ["place"] = [JsonValueKind.String],
        ["admin1"] = [JsonValueKind.String, JsonValueKind.Null],
        ["country"] = [JsonValueKind.String, JsonValueKind.Null],
        ["date"] = [JsonValueKind.String, JsonValueKind.Null],
        ["dateEnd"] = [JsonValueKind.String, JsonValueKind.Null],
        ["datePrecision"] = [JsonValueKind.String, JsonValueKind.Null],
        ["attacker"] = [JsonValueKind.String, JsonValueKind.Null],
        ["attackerName"] = [JsonValueKind.String, JsonValueKind.Null],
        ["target"] = [JsonValueKind.String, JsonValueKind.Null],
        ["targetCategory"] = [JsonValueKind.String, JsonValueKind.Null],
        ["weapons"] = [JsonValueKind.Array],
        ["weaponCategory"] = [JsonValueKind.String, JsonValueKind.Null],
        ["munitions"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["intercepted"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["launchSite"] = [JsonValueKind.String, JsonValueKind.Null],
    };

    private static readonly Dictionary<string, JsonValueKind[]> CasualtySlots = new(StringComparer.Ordinal)
    {
        ["kind"] = [JsonValueKind.String],
        ["count"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["qualifier"] = [JsonValueKind.String, JsonValueKind.Null],
        ["group"] = [JsonValueKind.String, JsonValueKind.Null],
        ["partOf"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["strike"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["place"] = [JsonValueKind.String],
        ["admin1"] = [JsonValueKind.String, JsonValueKind.Null],
        ["date"] = [JsonValueKind.String, JsonValueKind.Null],
        ["dateEnd"] = [JsonValueKind.String, JsonValueKind.Null],
    };

    private static readonly Dictionary<string, JsonValueKind[]> WeaponSlots = new(StringComparer.Ordinal)
    {
        ["name"] = [JsonValueKind.String],
        ["category"] = [JsonValueKind.String, JsonValueKind.Null],
        ["origin"] = [JsonValueKind.String, JsonValueKind.Null],
        ["maxRangeKm"] = [JsonValueKind.Number, JsonValueKind.Null],
    };

    private static readonly HashSet<string> DateSlots = ["date", "dateEnd"];
    private static readonly HashSet<string> Kinds = ["killed", "injured", "missing"];

    /// <summary>Every case of every <c>*.json</c> file under <paramref name="directory"/>, files in name order; ids unique.</summary>
    public static IReadOnlyList<SpecCase> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new SpecFormatException($"spec directory '{directory}' not found");
        var all = new List<SpecCase>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var c in LoadFile(file))
            {
                if (!seen.TryAdd(c.Id, c.Area)) throw new SpecFormatException($"{c.Area}: id '{c.Id}' is also used in {seen[c.Id]}");
                all.Add(c);
            }
        }
        return all;
    }

    /// <summary>The cases of one spec file.</summary>
    public static IReadOnlyList<SpecCase> LoadFile(string path)
    {
        string area = Path.GetFileNameWithoutExtension(path);
        using var doc = Parse(File.ReadAllText(path), area);
        return Read(doc.RootElement, area);
    }

    /// <summary>The cases of one spec file's text (<paramref name="area"/> names it in errors).</summary>
    public static IReadOnlyList<SpecCase> LoadText(string json, string area)
    {
        using var doc = Parse(json, area);
        return Read(doc.RootElement, area);
    }

    private static JsonDocument Parse(string json, string area)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SpecFormatException($"{area}: not valid JSON: {e.Message}");
        }
    }

    private static List<SpecCase> Read(JsonElement root, string area)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new SpecFormatException($"{area}: the file must hold a JSON array of cases");
        var cases = new List<SpecCase>();
        int index = 0;
        foreach (var item in root.EnumerateArray())
        {
            string where = $"{area}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new SpecFormatException($"{where}: a case must be an object");
            CheckKeys(item, CaseKeys, where);
            string id = RequiredString(item, "id", where);
            where = $"{area}/{id}";
            string text = RequiredString(item, "text", where);
            DateOnly? published = null;
            if (item.TryGetProperty("publishedAt", out var p) && p.ValueKind != JsonValueKind.Null)
                published = ParseDate(p, where, "publishedAt");
            if (!item.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
                throw new SpecFormatException($"{where}: 'expect' must be an object");
            string? pending = OptionalString(item, "pending", where);
            if (pending is not null && pending.Trim().Length == 0) throw new SpecFormatException($"{where}: 'pending' must name a reason");
            cases.Add(new SpecCase
            {
                Area = area,
                Id = id,
                Text = text,
                PublishedAt = published,
                Note = OptionalString(item, "note", where),
                Pending = pending,
                Expect = ReadExpectation(expect, where),
            });
        }
        return cases;
    }

    private static Expectation ReadExpectation(JsonElement e, string where)
    {
        CheckKeys(e, ExpectKeys, where + ".expect");
        var summary = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (e.TryGetProperty("summary", out var s))
        {
            if (s.ValueKind != JsonValueKind.Object) throw new SpecFormatException($"{where}: 'summary' must be an object");
            CheckKeys(s, SummaryKeys, where + ".summary");
            foreach (var kv in s.EnumerateObject())
            {
                summary[kv.Name] = kv.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number => kv.Value.GetDouble(),
                    _ => throw new SpecFormatException($"{where}: summary.{kv.Name} must be a number or null"),
                };
            }
        }
        var strikes = ReadRecords(e, "strikes", StrikeSlots, where);
        var casualties = ReadRecords(e, "casualties", CasualtySlots, where);
        var weapons = ReadRecords(e, "weapons", WeaponSlots, where);
        if (casualties is not null)
        {
            for (int i = 0; i < casualties.Count; i++)
            {
                var c = casualties[i];
                string w = $"{where}.casualties[{i}]";
                if (!c.Has("kind") || !c.Has("count")) throw new SpecFormatException($"{w}: 'kind' and 'count' are required");
                if (!Kinds.Contains(c.Str("kind") ?? "")) throw new SpecFormatException($"{w}: kind must be killed, injured or missing");
                if (c.Num("partOf") is double po && (po != Math.Floor(po) || po < 0 || po >= casualties.Count || (int)po == i))
                    throw new SpecFormatException($"{w}: partOf must be the index of another expected casualty");
                if (c.Num("strike") is double si && (strikes is null || si != Math.Floor(si) || si < 0 || si >= strikes.Count))
                    throw new SpecFormatException($"{w}: strike must be an index into the expected strikes list");
            }
        }
        if (weapons is not null)
        {
            for (int i = 0; i < weapons.Count; i++)
                if (weapons[i].Str("name") is null) throw new SpecFormatException($"{where}.weapons[{i}]: 'name' is required");
        }
        if (strikes is not null)
        {
            for (int i = 0; i < strikes.Count; i++)
            {
                if (strikes[i].Slots.TryGetValue("weapons", out var ws) && ws.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                    throw new SpecFormatException($"{where}.strikes[{i}]: 'weapons' must be a list of names");
            }
        }
        return new Expectation { Summary = summary, Strikes = strikes, Casualties = casualties, Weapons = weapons };
    }

    private static List<ExpectedRecord>? ReadRecords(JsonElement e, string key, Dictionary<string, JsonValueKind[]> allowed, string where)
    {
        if (!e.TryGetProperty(key, out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array) throw new SpecFormatException($"{where}: '{key}' must be a list");
        var records = new List<ExpectedRecord>();
        int i = 0;
        foreach (var r in list.EnumerateArray())
        {
            string w = $"{where}.{key}[{i++}]";
            if (r.ValueKind != JsonValueKind.Object) throw new SpecFormatException($"{w}: a record must be an object");
            var slots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var kv in r.EnumerateObject())
            {
                if (!allowed.TryGetValue(kv.Name, out var kinds))
                    throw new SpecFormatException($"{w}: unknown slot '{kv.Name}' (allowed: {string.Join(", ", allowed.Keys)})");
                if (Array.IndexOf(kinds, kv.Value.ValueKind) < 0)
                    throw new SpecFormatException($"{w}: slot '{kv.Name}' may not be {kv.Value.ValueKind}");
                if (DateSlots.Contains(kv.Name) && kv.Value.ValueKind == JsonValueKind.String) ParseDate(kv.Value, w, kv.Name);
                slots[kv.Name] = kv.Value.Clone();
            }
            records.Add(new ExpectedRecord(slots));
        }
        return records;
    }

    private static void CheckKeys(JsonElement e, HashSet<string> allowed, string where)
    {
        foreach (var kv in e.EnumerateObject())
            if (!allowed.Contains(kv.Name)) throw new SpecFormatException($"{where}: unknown key '{kv.Name}'");
    }

    private static string RequiredString(JsonElement e, string key, string where) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
            ? v.GetString()!
            : throw new SpecFormatException($"{where}: '{key}' must be a non-empty string");

    private static string? OptionalString(JsonElement e, string key, string where)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new SpecFormatException($"{where}: '{key}' must be a string");
    }

    private static DateOnly ParseDate(JsonElement v, string where, string key) =>
        v.ValueKind == JsonValueKind.String &&
        DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new SpecFormatException($"{where}: '{key}' must be a date YYYY-MM-DD");
}
