using System.Globalization;
using System.Text;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Training;

/// <summary>
/// Validates models/weapons/weapons.tsv (the library embeds it as is) and cross-checks it against a
/// reference list such as ../shared/data/weapons/missiles_and_uav.csv.
/// </summary>
public sealed class WeaponsCommand : ITrainingCommand
{
    public string Name => "weapons";

    public string Help => "--source models/weapons/weapons.tsv [--check list.csv]: validate the weapon catalogue, cross-check a model list";

    public int Run(string[] args)
    {
        string source = "models/weapons/weapons.tsv";
        string? check = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length: source = args[++i]; break;
                case "--check" when i + 1 < args.Length: check = args[++i]; break;
                default:
                    Console.Error.WriteLine($"weapons: unknown argument '{args[i]}'\n  {Help}");
                    return 2;
            }
        }
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"weapons: {source} not found");
            return 1;
        }

        var errors = new List<string>();
        List<WeaponCatalogue.Row> rows;
        using (var reader = new StreamReader(source, Encoding.UTF8))
            rows = WeaponCatalogue.Parse(reader, errors);
        foreach (var row in rows)
        {
            var o = row.Entry.Origin;
            if (o is not null && !IsIsoRegion(o)) errors.Add($"line {row.Line}: {row.Entry.Name}: '{o}' is not an ISO 3166-1 alpha-2 code");
            if (row.Entry.Source.Length == 0) Console.WriteLine($"note: line {row.Line}: {row.Entry.Name} has no source");
        }
        foreach (var e in errors) Console.Error.WriteLine("error: " + e);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"weapons: {errors.Count} error(s) in {source}");
            return 1;
        }

        WeaponCatalogue catalogue;
        using (var fs = File.OpenRead(source)) catalogue = WeaponCatalogue.Load(fs);
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int ambiguous = 0, withRange = 0;
        foreach (var e in catalogue.Entries)
        {
            byCategory[e.CategoryName] = byCategory.GetValueOrDefault(e.CategoryName) + 1;
            ambiguous += e.AmbiguousAliases.Count;
            if (e.MaxRangeKm is not null) withRange++;
        }
        Console.WriteLine($"{source}: {catalogue.Count} systems, {catalogue.AliasCount} distinct name/alias keys, {ambiguous} ambiguous aliases, {withRange} with a range");
        foreach (var (k, v) in byCategory) Console.WriteLine($"  {k,-20} {v}");

        return check is null ? 0 : CrossCheck(catalogue, check);
    }

    private static bool IsIsoRegion(string code)
    {
        try
        {
            var r = new RegionInfo(code);
            return string.Equals(r.TwoLetterISORegionName, code, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static readonly Dictionary<string, string> CountryCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["russia"] = "RU", ["iran"] = "IR", ["north korea"] = "KP", ["ukraine"] = "UA", ["united states"] = "US",
    };

    private static readonly Dictionary<string, string[]> CsvCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cruise missile"] = ["cruise-missile"],
        ["ballistic missile"] = ["ballistic-missile"],
        ["surface-to-air missile"] = ["air-defence-missile"],
        ["guided bomb"] = ["guided-bomb"],
        ["UAV"] = ["attack-drone", "recon-drone"],
    };

    /// <summary>Prints, for each model of the reference CSV, the catalogue systems it names and any category or origin disagreement.</summary>
    private static int CrossCheck(WeaponCatalogue catalogue, string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"weapons: {path} not found");
            return 1;
        }
        Console.WriteLine($"cross-check against {path}:");
        int models = 0, found = 0, missing = 0, disagree = 0;
        bool first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (first) { first = false; continue; }
            var cols = SplitCsv(line);
            if (cols.Count < 3) continue;
            models++;
            string model = cols[0].Trim();
            string category = cols[1].Trim();
            string origin = cols[2].Trim();
            // "X-101/X-555 and Kalibr", "Orlan-10 and ZALA", "Shahed-136/131": split into designations.
            var parts = new List<string>();
            foreach (var chunk in model.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var slash = chunk.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                string prefix = "";
                foreach (var p in slash)
                {
                    string candidate = p;
                    if (!catalogue.TryGet(p, out _) && prefix.Length > 0) candidate = prefix + p;
                    int h = p.LastIndexOf('-');
                    if (h > 0) prefix = p[..(h + 1)];
                    parts.Add(candidate);
                }
            }
            var notes = new List<string>();
            int hits = 0;
            foreach (var p in parts)
            {
                if (!catalogue.TryGet(p, out var e) && !catalogue.TryGet(Transliterate(p), out e))
                {
                    notes.Add($"'{p}' not in catalogue");
                    continue;
                }
                hits++;
                var label = $"{p}→{e.Name}";
                if (CsvCategories.TryGetValue(category, out var allowed) && Array.IndexOf(allowed, e.CategoryName) < 0)
                    notes.Add($"{label}: category csv '{category}' vs ours '{e.CategoryName}'");
                foreach (var o in origin.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (CountryCodes.TryGetValue(o, out var code) && origin.IndexOf('/', StringComparison.Ordinal) < 0 && code != e.Origin)
                        notes.Add($"{label}: origin csv '{o}' vs ours '{e.Origin}'");
                }
                if (notes.Count == 0 || !notes[^1].StartsWith(label, StringComparison.Ordinal)) notes.Add(label + " ok");
            }
            if (hits > 0) found++;
            else missing++;
            bool bad = false;
            foreach (var n in notes) if (n.Contains(" vs ", StringComparison.Ordinal)) bad = true;
            if (bad) disagree++;
            Console.WriteLine($"  {(hits > 0 ? (bad ? "DIFF" : "ok  ") : "MISS")} {model,-40} {string.Join("; ", notes)}");
        }
        Console.WriteLine($"{models} models: {found} found, {missing} not found (generic rows such as 'Unknown UAV' are expected here), {disagree} with a disagreement");
        return 0;
    }

    /// <summary>Ukrainian transliteration: "X-" is Kh-, "C-" is S-.</summary>
    private static string Transliterate(string s) =>
        s.StartsWith("X-", StringComparison.Ordinal) ? "Kh-" + s[2..]
        : s.StartsWith("C-", StringComparison.Ordinal) ? "S-" + s[2..]
        : s;

    private static List<string> SplitCsv(string line)
    {
        var cols = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cols.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        cols.Add(sb.ToString());
        return cols;
    }
}
