using System.Text.Json;

namespace ConflictExtract.Specs;

/// <summary>
/// The records of one extracted document, read from its contract JSON (as score.py reads it). A field the
/// JSON lacks (a contract field the records do not have yet, such as <c>attackerName</c> or <c>partOf</c>)
/// reads as null, so the specs can name it before the library writes it.
/// </summary>
internal sealed class Extracted
{
    public required IReadOnlyList<XStrike> Strikes { get; init; }

    public required IReadOnlyList<XCasualty> Casualties { get; init; }

    public required IReadOnlyList<XWeapon> Weapons { get; init; }

    public double? Killed { get; init; }

    public double? Injured { get; init; }

    /// <summary>Reads a schema-1 document object.</summary>
    public static Extracted Read(JsonElement doc)
    {
        var weapons = Items(doc, "weapons").Select(w => new XWeapon
        {
            Id = Str(w, "id"),
            Name = Str(w, "name"),
            Category = Str(w, "category"),
            Origin = Str(w, "origin"),
            MaxRangeKm = Num(w, "maxRangeKm"),
        }).ToList();
        var weaponName = weapons.Where(w => w.Id is not null).GroupBy(w => w.Id!).ToDictionary(g => g.Key, g => g.First().Name);
        var strikes = Items(doc, "strikes").Select(s =>
        {
            var date = Obj(s, "date");
            return new XStrike
            {
                Id = Str(s, "id"),
                Place = XPlace.Read(Obj(s, "location")),
                DateStart = Str(date, "start"),
                DateEnd = Str(date, "end"),
                DatePrecision = Str(date, "precision"),
                Attacker = Str(s, "attacker"),
                AttackerName = Str(s, "attackerName"),
                TargetCategory = Str(s, "targetCategory"),
                WeaponNames = Items(s, "weaponIds").Select(i => i.ValueKind == JsonValueKind.String && weaponName.TryGetValue(i.GetString()!, out var n) ? n : null)
                    .Where(n => n is not null).Select(n => n!).ToList(),
                WeaponCategory = Str(s, "weaponCategory"),
                Munitions = Headline(Obj(s, "munitionCount")),
                Intercepted = Headline(Obj(s, "intercepted")),
                LaunchSite = XPlace.Read(Obj(s, "launchSite")),
            };
        }).ToList();
        var casualties = Items(doc, "casualties").Select(c =>
        {
            var date = Obj(c, "date");
            var count = Obj(c, "count");
            return new XCasualty
            {
                Id = Str(c, "id"),
                Kind = Str(c, "kind"),
                Count = Headline(count),
                Qualifier = Str(count, "qualifier"),
                Group = Str(c, "group"),
                StrikeId = Str(c, "strikeId"),
                PartOf = Str(c, "partOf"),
                DateStart = Str(date, "start"),
                DateEnd = Str(date, "end"),
                Place = XPlace.Read(Obj(c, "location")),
            };
        }).ToList();
        var summary = Obj(doc, "summary");
        return new Extracted
        {
            Strikes = strikes,
            Casualties = casualties,
            Weapons = weapons,
            Killed = Headline(Obj(summary, "killed")),
            Injured = Headline(Obj(summary, "injured")),
        };
    }

    /// <summary>A quantity's headline number, as score.py takes it: best, else low, else high.</summary>
    internal static double? Headline(JsonElement? q) => Num(q, "best") ?? Num(q, "low") ?? Num(q, "high");

    internal static JsonElement? Obj(JsonElement? e, string key) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    internal static string? Str(JsonElement? e, string key) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static double? Num(JsonElement? e, string key) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static IEnumerable<JsonElement> Items(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}

/// <summary>A location as extracted (null fields when absent).</summary>
internal sealed class XPlace
{
    public string? Name { get; init; }

    public string? Kind { get; init; }

    public string? Admin1 { get; init; }

    public string? Country { get; init; }

    public static XPlace? Read(JsonElement? e) => e is null ? null : new XPlace
    {
        Name = Extracted.Str(e, "name"),
        Kind = Extracted.Str(e, "kind"),
        Admin1 = Extracted.Str(e, "admin1"),
        Country = Extracted.Str(e, "country"),
    };

    public override string ToString() => Admin1 is null || Admin1 == Name ? Name ?? "?" : $"{Name} ({Admin1})";
}

internal sealed class XStrike
{
    public string? Id { get; init; }

    public XPlace? Place { get; init; }

    public string? DateStart { get; init; }

    public string? DateEnd { get; init; }

    public string? DatePrecision { get; init; }

    public string? Attacker { get; init; }

    public string? AttackerName { get; init; }

    public string? TargetCategory { get; init; }

    public required IReadOnlyList<string> WeaponNames { get; init; }

    public string? WeaponCategory { get; init; }

    public double? Munitions { get; init; }

    public double? Intercepted { get; init; }

    public XPlace? LaunchSite { get; init; }

    public override string ToString()
    {
        var parts = new List<string> { $"{Id} {Place?.ToString() ?? "(no place)"}" };
        parts.Add(DateStart is null ? "date=null" : DateEnd is null || DateEnd == DateStart ? DateStart : $"{DateStart}..{DateEnd}");
        if (DatePrecision is not null && DatePrecision != "day") parts.Add(DatePrecision);
        parts.Add($"attacker={Attacker ?? "null"}");
        if (AttackerName is not null) parts.Add($"attackerName={AttackerName}");
        if (TargetCategory is not null) parts.Add($"target={TargetCategory}");
        if (WeaponNames.Count > 0) parts.Add($"weapons=[{string.Join(", ", WeaponNames)}]");
        if (WeaponCategory is not null) parts.Add($"weaponCategory={WeaponCategory}");
        if (Munitions is not null) parts.Add($"munitions={Munitions}");
        if (Intercepted is not null) parts.Add($"intercepted={Intercepted}");
        if (LaunchSite is not null) parts.Add($"launchSite={LaunchSite}");
        return string.Join(" ", parts);
    }
}

internal sealed class XCasualty
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public double? Count { get; init; }

    public string? Qualifier { get; init; }

    public string? Group { get; init; }

    public string? StrikeId { get; init; }

    public string? PartOf { get; init; }

    public string? DateStart { get; init; }

    public string? DateEnd { get; init; }

    public XPlace? Place { get; init; }

    public override string ToString()
    {
        var parts = new List<string> { $"{Id} {Kind} {Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}" };
        if (Qualifier is not null && Qualifier != "exact") parts.Add(Qualifier);
        if (Group is not null && Group != "unknown") parts.Add(Group);
        if (StrikeId is not null) parts.Add($"strike={StrikeId}");
        if (PartOf is not null) parts.Add($"partOf={PartOf}");
        if (DateStart is not null) parts.Add(DateEnd is null || DateEnd == DateStart ? DateStart : $"{DateStart}..{DateEnd}");
        if (Place is not null) parts.Add($"at {Place}");
        return string.Join(" ", parts);
    }
}

internal sealed class XWeapon
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Category { get; init; }

    public string? Origin { get; init; }

    public double? MaxRangeKm { get; init; }

    public override string ToString() => $"{Id} {Name} {Category} origin={Origin ?? "null"} range={MaxRangeKm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}";
}
