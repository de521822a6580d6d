using System.Globalization;
using System.Text;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Training;

/// <summary>
/// Builds models/gazetteer/places.bin from the GeoNames extracts in ../shared/data/geonames.
/// See models/gazetteer/README.md for what goes in and the kind/name rules.
/// </summary>
public sealed class GazetteerCommand : ITrainingCommand
{
    public string Name => "gazetteer";

    public string Help => "--data <geonames dir> --out <models/gazetteer>: build the place table (places.bin, NOTICE, README.md)";

    // Contract names of the Ukrainian first-level regions by GeoNames admin1 code.
    internal static readonly Dictionary<string, string> UaAdmin1 = new(StringComparer.Ordinal)
    {
        ["01"] = "Cherkasy Oblast", ["02"] = "Chernihiv Oblast", ["03"] = "Chernivtsi Oblast",
        ["04"] = "Dnipropetrovsk Oblast", ["05"] = "Donetsk Oblast", ["06"] = "Ivano-Frankivsk Oblast",
        ["07"] = "Kharkiv Oblast", ["08"] = "Kherson Oblast", ["09"] = "Khmelnytskyi Oblast",
        ["10"] = "Kirovohrad Oblast", ["11"] = "Crimea", ["12"] = "Kyiv", ["13"] = "Kyiv Oblast",
        ["14"] = "Luhansk Oblast", ["15"] = "Lviv Oblast", ["16"] = "Mykolaiv Oblast",
        ["17"] = "Odesa Oblast", ["18"] = "Poltava Oblast", ["19"] = "Rivne Oblast",
        ["20"] = "Sevastopol", ["21"] = "Sumy Oblast", ["22"] = "Ternopil Oblast",
        ["23"] = "Vinnytsia Oblast", ["24"] = "Volyn Oblast", ["25"] = "Zakarpattia Oblast",
        ["26"] = "Zaporizhzhia Oblast", ["27"] = "Zhytomyr Oblast",
    };

    // Russian regions named in contract form: code -> (name, stem, capital city geonameid for coordinates/stems).
    private static readonly Dictionary<string, (string Name, string Stem)> RuAdmin1 = new(StringComparer.Ordinal)
    {
        ["09"] = ("Belgorod Oblast", "Belgorod"), ["10"] = ("Bryansk Oblast", "Bryansk"),
        ["41"] = ("Kursk Oblast", "Kursk"), ["86"] = ("Voronezh Oblast", "Voronezh"),
        ["61"] = ("Rostov Oblast", "Rostov"), ["38"] = ("Krasnodar Krai", "Krasnodar"),
        ["48"] = ("Moscow", "Moscow City"), ["47"] = ("Moscow Oblast", "Moscow"),
    };

    // Extra region stems ("<stem> region") that the data does not give.
    private static readonly Dictionary<string, string[]> ExtraStems = new(StringComparer.Ordinal)
    {
        ["04"] = ["Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Dnepr"],
        ["10"] = ["Kirovohrad", "Kirovograd", "Kropyvnytskyi"],
        ["11"] = ["Crimea", "Crimean"],
        ["13"] = ["Kyiv", "Kiev"],
        ["24"] = ["Volyn", "Volhynia", "Volyn'"],
        ["25"] = ["Zakarpattia", "Zakarpattya", "Transcarpathia", "Transcarpathian"],
        ["26"] = ["Zaporizhzhia", "Zaporozhye", "Zaporizhia"],
        ["16"] = ["Mykolaiv", "Nikolaev", "Nikolayev"],
        ["17"] = ["Odesa", "Odessa"],
        ["14"] = ["Luhansk", "Lugansk"],
        ["09"] = ["Khmelnytskyi", "Khmelnitsky", "Khmelnytsky"],
    };

    // Extra full names (standalone) for regions: admin1 code -> names.
    private static readonly Dictionary<string, string[]> ExtraRegionNames = new(StringComparer.Ordinal)
    {
        ["05"] = ["DPR", "Donetsk People's Republic", "Donetsk Oblast"],
        ["14"] = ["LPR", "Luhansk People's Republic", "Lugansk People's Republic"],
        ["11"] = ["Crimea", "Crimean Peninsula", "Autonomous Republic of Crimea"],
        ["12"] = ["Kyiv City", "Kiev City"],
        ["20"] = ["Sevastopol City"],
    };

    // Common English names and aliases of countries beyond countryInfo's name.
    private static readonly Dictionary<string, string[]> CountryAliases = new(StringComparer.Ordinal)
    {
        ["RU"] = ["Russian Federation"], ["US"] = ["United States of America", "USA", "US", "U.S.", "U.S.A.", "America"],
        ["GB"] = ["Britain", "Great Britain", "UK", "U.K."], ["KP"] = ["DPRK"], ["KR"] = ["Republic of Korea"],
        ["IR"] = ["Islamic Republic of Iran"], ["NL"] = ["Netherlands", "Holland"], ["PS"] = ["Palestine"],
        ["CZ"] = ["Czech Republic"], ["TR"] = ["Turkey", "Türkiye", "Turkiye"], ["MK"] = ["Macedonia"],
        ["CD"] = ["DR Congo", "DRC"], ["CI"] = ["Cote d'Ivoire"], ["SZ"] = ["Swaziland"], ["MM"] = ["Burma"],
        ["AE"] = ["UAE"], ["BY"] = ["Byelorussia"], ["MD"] = ["Moldavia"], ["SY"] = ["Syrian Arab Republic"],
    };

    // Canonical-name overrides (chosen name -> news form) for the few the rules get wrong.
    private static readonly Dictionary<string, string> NameOverrides = new(StringComparer.Ordinal)
    {
        ["Kiev"] = "Kyiv", ["Odessa"] = "Odesa", ["Zaporizhzhya"] = "Zaporizhzhia", ["Mykolayiv"] = "Mykolaiv",
        ["Avdiyivka"] = "Avdiivka", ["Sebastopol"] = "Sevastopol",
    };

    private static readonly string[] RegionWords = ["oblast", "oblast'", "oblast’", "region", "province", "krai", "kray", "oblasti", "obl."];

    public int Run(string[] args)
    {
        string data = "../shared/data/geonames", outDir = "models/gazetteer";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--data") data = args[i + 1];
            else if (args[i] == "--out") outDir = args[i + 1];
            else { Console.Error.WriteLine($"unknown option {args[i]}"); return 2; }
        }
        var b = new GazetteerBuilder();
        Build(b, data);
        Directory.CreateDirectory(outDir);
        string bin = Path.Combine(outDir, "places.bin");
        using (var fs = File.Create(bin)) b.Write(fs);
        File.WriteAllText(Path.Combine(outDir, "NOTICE.txt"), Notice);
        File.WriteAllText(Path.Combine(outDir, "README.md"), Readme);
        Console.WriteLine($"places {b.PlaceCount}, keys {b.KeyCount}, {new FileInfo(bin).Length} bytes -> {bin}");
        return 0;
    }

    internal static void Build(GazetteerBuilder b, string data)
    {
        var admin1Ascii = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(data, "admin1CodesASCII.txt")))
        {
            var f = line.Split('\t');
            if (f.Length >= 3) admin1Ascii[f[0]] = f[2].Replace("'", "");
        }
        string? Admin1Of(string cc, string code)
        {
            if (cc == "UA") return UaAdmin1.GetValueOrDefault(code);
            if (cc == "RU" && RuAdmin1.TryGetValue(code, out var ru)) return ru.Name;
            return admin1Ascii.GetValueOrDefault(cc + "." + code);
        }

        // Ukraine: populated places and first-level regions.
        NewerNames = ReadRows(Path.Combine(data, "cities15000.txt")).Where(r => r.Country == "UA").ToDictionary(r => r.Id, r => r.Name);
        var uaRows = ReadRows(Path.Combine(data, "UA.txt"));
        var capitals = new Dictionary<string, Row>(StringComparer.Ordinal);
        // Cities of 50,000+ that city districts (PPLX) fold into.
        var bigCities = uaRows.Where(r => r.Class == "P" && r.Code != "PPLX" && r.Population >= 50_000).ToList();
        foreach (var r in uaRows)
        {
            if (r.Class != "P") continue;
            string name = UkrainianName(r);
            var kind = KindOf(r);
            string? a1 = Admin1Of("UA", r.Admin1);
            if (r.Code is "PPLA" or "PPLC") capitals[r.Code == "PPLC" ? "13" : r.Admin1] = r;
            var variants = LatinVariants(r, name, allowAccents: true);
            if (r.Code == "PPLX")
            {
                // A section of a city ("Kirovskyi" district of Donetsk): the location is the city it lies in, when one of
                // 50,000+ is within 20 km; the district's names stay as variants, with no population of their own.
                Row? parent = null;
                double bestKm = 20;
                foreach (var c in bigCities)
                {
                    double km = Km(r.Lat, r.Lon, c.Lat, c.Lon);
                    if (km < bestKm) { bestKm = km; parent = c; }
                }
                if (parent is null) { b.Add(name, PlaceKind.Other, a1, "UA", r.Lat, r.Lon, 0, r.Id, false, variants, []); continue; }
                b.Add(UkrainianName(parent), KindOf(parent), Admin1Of("UA", parent.Admin1), "UA", parent.Lat, parent.Lon, 0, parent.Id, false, variants, []);
                continue;
            }
            b.Add(name, kind, a1, "UA", r.Lat, r.Lon, r.Population, r.Id, r.Code is "PPLA" or "PPLC", variants, []);
        }
        foreach (var r in uaRows)
        {
            if (r.Code != "ADM1") continue;
            string name = UaAdmin1[r.Admin1];
            // Kyiv city and Sevastopol: the bare name is the city, so the region keeps only "Kyiv City" etc.
            var full = r.Admin1 is "12" or "20" ? new List<string>() : new List<string> { name };
            var stems = new List<string>();
            if (name.EndsWith(" Oblast", StringComparison.Ordinal)) stems.Add(name[..^7]);
            if (r.Admin1 is not ("12" or "20"))
            {
                foreach (var alt in Alternates(r).Append(r.Name).Append(r.AsciiName))
                {
                    if (!IsLatin(alt, true)) continue;
                    string? word = RegionWords.FirstOrDefault(w => alt.EndsWith(" " + w, StringComparison.OrdinalIgnoreCase));
                    if (word != null)
                    {
                        full.Add(alt);
                        stems.Add(alt[..^(word.Length + 1)]);
                    }
                    else if (!alt.Contains(' ')) stems.Add(alt);
                }
                if (capitals.TryGetValue(r.Admin1, out var cap))
                {
                    stems.Add(UkrainianName(cap));
                    stems.AddRange(LatinVariants(cap, cap.Name, true));
                }
            }
            if (ExtraStems.TryGetValue(r.Admin1, out var es)) stems.AddRange(es);
            if (ExtraRegionNames.TryGetValue(r.Admin1, out var en)) full.AddRange(en);
            b.Add(name, PlaceKind.Region, name, "UA", r.Lat, r.Lon, r.Population, r.Id, false, full, stems);
        }
        // Raions (districts, current ADM2 and historical ADM2H): kind Other, named only with "Raion"/"district".
        foreach (var r in uaRows)
        {
            if (r.Code is not ("ADM2" or "ADM2H") || !UaAdmin1.TryGetValue(r.Admin1, out var a1)) continue;
            string? suffix = r.Name.EndsWith(" Raion", StringComparison.Ordinal) ? " Raion" : r.Name.EndsWith(" Rayon", StringComparison.Ordinal) ? " Rayon" : null;
            if (suffix is null) continue;
            string bas = FixLatin(r.Name[..^suffix.Length]);
            var names = new List<string>();
            foreach (var alt in Alternates(r).Append(r.Name).Append(bas + " Raion"))
            {
                if (!IsLatin(alt, true)) continue;
                foreach (var w in (string[])[" Raion", " Rayon", " raion", " rayon", " rajon", " District", " district"])
                {
                    if (!alt.EndsWith(w, StringComparison.Ordinal)) continue;
                    string b0 = alt[..^w.Length];
                    names.Add(b0 + " Raion"); names.Add(b0 + " Rayon"); names.Add(b0 + " district");
                }
            }
            b.Add(bas + " Raion", PlaceKind.Other, a1, "UA", r.Lat, r.Lon, r.Population, r.Id, false, names, []);
        }

        // Donbas: the two eastern oblasts together; a region with no admin1.
        b.Add("Donbas", PlaceKind.Region, null, "UA", 48.0, 38.5, 0, 0, false, ["Donbas", "Donbass", "Donets Basin"], ["Donbas", "Donbass"]);

        // World places of 15,000+ (not Ukraine: UA.txt is newer and complete), then the Russian border towns.
        var seen = new HashSet<int>();
        var ruCapitals = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var r in ReadRows(Path.Combine(data, "cities15000.txt")).Concat(ReadRows(Path.Combine(data, "RU_border_cities5000_2018.txt"))))
        {
            if (r.Country == "UA" || !seen.Add(r.Id)) continue;
            // Outside the former USSR news writes the plain ASCII form ("Khan Yunis", not "Khān Yūnis"), as the contract
            // asks for admin1 names.
            string primary = r.Country is "RU" or "BY" or "MD" || r.AsciiName.Length == 0 ? r.Name : r.AsciiName;
            string name = NameOverrides.GetValueOrDefault(primary, primary);
            if (r.Country == "RU" && (r.Code is "PPLA" or "PPLC")) ruCapitals[r.Code == "PPLC" ? "47" : r.Admin1] = r;
            bool accents = r.Country is "RU" or "BY" or "MD" or "PL";
            b.Add(name, KindOf(r), Admin1Of(r.Country, r.Admin1), r.Country, r.Lat, r.Lon, r.Population, r.Id,
                r.Code is "PPLA" or "PPLC", LatinVariants(r, name, accents), []);
        }
        foreach (var (code, (name, stem)) in RuAdmin1)
        {
            var stems = new List<string> { stem };
            double lat = double.NaN, lon = double.NaN;
            string capKey = code == "48" ? "47" : code;
            if (ruCapitals.TryGetValue(capKey, out var cap))
            {
                lat = cap.Lat; lon = cap.Lon;
                if (code != "48") stems.AddRange(LatinVariants(cap, cap.Name, true));
            }
            var full = new List<string> { name };
            if (name.EndsWith(" Oblast", StringComparison.Ordinal)) full.Add(name[..^7] + "skaya Oblast");
            b.Add(name, PlaceKind.Region, name, "RU", lat, lon, 0, 0, false, full, stems);
        }

        // Countries.
        foreach (var line in File.ReadLines(Path.Combine(data, "countryInfo.txt")))
        {
            if (line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length < 9) continue;
            string iso = f[0], name = f[4].Trim();
            if (name.StartsWith("The ", StringComparison.Ordinal)) name = name[4..];
            var v = new List<string> { name, f[4].Trim() };
            if (CountryAliases.TryGetValue(iso, out var al)) v.AddRange(al);
            int.TryParse(f[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out int pop);
            b.Add(name, PlaceKind.Country, null, iso, double.NaN, double.NaN, pop, 0, false, v, []);
        }
    }

    private static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        return 6371 * Math.Sqrt(dLat * dLat + dLon * dLon);
    }

    internal static PlaceKind KindOf(Row r)
    {
        if (r.Code is "PPLC" or "PPLA" || r.Population >= 100_000) return PlaceKind.City;
        if (r.Population >= 10_000) return PlaceKind.Town;
        return PlaceKind.Village;
    }

    internal sealed record Row(int Id, string Name, string AsciiName, string Alternates, double Lat, double Lon,
        string Class, string Code, string Country, string Admin1, int Population);

    internal static List<Row> ReadRows(string path)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 15) continue;
            rows.Add(new Row(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3],
                double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
                f[6], f[7], f[8], f[10], long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out long p) ? (int)Math.Min(p, int.MaxValue) : 0));
        }
        return rows;
    }

    private static IEnumerable<string> Alternates(Row r) =>
        r.Alternates.Length == 0 ? [] : r.Alternates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Latin-script variant names of a row; all-caps codes (IEV) and one- or two-letter names are dropped.</summary>
    private static List<string> LatinVariants(Row r, string canonical, bool allowAccents)
    {
        var list = new List<string> { canonical, r.Name, r.AsciiName };
        if (r.Country is "UA" or "RU")
        {
            // Russian-style spellings that Russian-sourced news uses (Gorlovka, Yelenovka, Marganets, Krasnopolye),
            // made from the Russian Cyrillic names when the data lacks them.
            foreach (var alt in Alternates(r))
            {
                if (!IsCyrillic(alt) || alt.AsSpan().IndexOfAny("іїєґІЇЄҐўЎ") >= 0) continue;
                list.Add(RussianTranslit(alt, news: true));
                list.Add(RussianTranslit(alt, news: false));
            }
        }
        foreach (var alt in Alternates(r))
        {
            if (alt.Length < 3 || !IsLatin(alt, allowAccents)) continue;
            if (alt.Length <= 4 && alt.All(c => !char.IsLetter(c) || char.IsUpper(c))) continue;
            list.Add(alt);
        }
        // Short adjectival endings news also writes: Pervomaiskyi → Pervomaisky, Pervomaiskiy.
        int count = list.Count;
        for (int i = 0; i < count; i++)
        {
            string v = list[i];
            foreach (var end in (string[])["skyi", "skyy", "skiy", "skii", "s'kyy", "s’kyy", "s'kyi", "s’kyi"])
            {
                if (!v.EndsWith(end, StringComparison.Ordinal)) continue;
                string stem = v[..^end.Length];
                list.Add(stem + "sky"); list.Add(stem + "skiy"); list.Add(stem + "skyi");
                break;
            }
        }
        return list;
    }

    private static bool IsLatin(string s, bool allowAccents)
    {
        bool letter = false;
        foreach (char c in s)
        {
            if (c < 128) { if (char.IsLetter(c)) letter = true; else if (!(c is ' ' or '-' or '\'' or '.' or '`')) return false; }
            else if (c is '’' or '‘' or 'ʼ' or '”') continue;
            else if (!allowAccents || c > 0x24F || !char.IsLetter(c)) return false;
        }
        return letter;
    }

    /// <summary>
    /// The English news spelling of a Ukrainian place: the national (KMU 2010) transliteration of its Ukrainian
    /// Cyrillic name when the data gives one that agrees with the GeoNames name, else the GeoNames name with the same
    /// rules applied to its Latin letters (ya/yu/ye → ia/iu/ie inside a word, -ayi- → -ai-); a small override table last.
    /// </summary>
    /// <summary>GeoNames names of Ukrainian places in cities15000.txt (a newer dump whose primary names mostly follow news spelling), by id.</summary>
    internal static Dictionary<int, string> NewerNames = [];

    internal static string UkrainianName(Row r)
    {
        if (NewerNames.TryGetValue(r.Id, out var newer))
        {
            string n = FixLatin(newer);
            return NameOverrides.GetValueOrDefault(n, n);
        }
        string primary = r.Name;
        string pk = LexiconKey.Of(primary);
        var latinKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alt in Alternates(r)) if (IsLatin(alt, true)) latinKeys.Add(LexiconKey.Of(alt));
        string? best = null;
        int bestScore = int.MinValue;
        foreach (var alt in Alternates(r))
        {
            if (!IsCyrillic(alt) || LooksRussian(alt)) continue;
            string t = Translit(alt);
            if (Skeleton(t) != Skeleton(primary) && Skeleton(t) != Skeleton(r.AsciiName)) continue;
            string tk = LexiconKey.Of(t);
            // Ukrainian spelling (і ї є ґ, or a soft sign before k: "-ськ", "-цьк") first, then one the data also spells
            // in Latin letters, then the closest to the GeoNames name.
            bool ukrainian = alt.AsSpan().IndexOfAny("іїєґІЇЄҐ") >= 0 || alt.Contains("ьк", StringComparison.Ordinal);
            int score = (ukrainian ? 2 : 0) + (latinKeys.Contains(tk) ? 4 : 0) - 3 * Distance(tk, pk);
            if (score > bestScore) { best = t; bestScore = score; }
        }
        string name = best ?? FixLatin(primary);
        return NameOverrides.GetValueOrDefault(name, name);
    }

    /// <summary>Russian (or Belarusian) spellings: letters Ukrainian lacks, or Russian endings (-ск, -цк, -ое, -ый, -ая).</summary>
    private static bool LooksRussian(string s)
    {
        if (s.AsSpan().IndexOfAny("ыэёъўЫЭЁЪЎ") >= 0) return true;
        foreach (var w in s.Split(' ', '-'))
        {
            string l = w.ToLowerInvariant();
            if (l.Length < 3) continue;
            if (l.EndsWith("ск", StringComparison.Ordinal) && !l.EndsWith("ськ", StringComparison.Ordinal)) return true;
            if (l.EndsWith("цк", StringComparison.Ordinal)) return true;
            if (l.EndsWith("ое", StringComparison.Ordinal) || l.EndsWith("ый", StringComparison.Ordinal) || l.EndsWith("ая", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int prev = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    private static bool IsCyrillic(string s)
    {
        bool any = false;
        foreach (char c in s)
        {
            if (c is >= '\u0400' and <= '\u04FF') any = true;
            else if (!(c is ' ' or '-' or '\'' or '’' or 'ʼ' or '`')) return false;
        }
        return any;
    }

    private static string Skeleton(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in LexiconKey.Of(s))
        {
            char k = c == 'g' ? 'h' : c;
            if ("aeiouyj".Contains(k)) continue;
            if (sb.Length > 0 && sb[^1] == k) continue;
            sb.Append(k);
        }
        return sb.ToString();
    }

    internal static string Translit(string cyr)
    {
        var sb = new StringBuilder(cyr.Length * 2);
        for (int i = 0; i < cyr.Length; i++)
        {
            char c = cyr[i];
            char lc = char.ToLowerInvariant(c);
            bool initial = i == 0 || !char.IsLetter(cyr[i - 1]) && cyr[i - 1] is not ('\'' or '’' or 'ʼ');
            string t = lc switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => (i > 0 && char.ToLowerInvariant(cyr[i - 1]) == 'з') ? "gh" : "h",
                'ґ' => "g", 'д' => "d", 'е' => "e", 'є' => initial ? "ye" : "ie", 'ж' => "zh", 'з' => "z", 'и' => "y",
                'і' => "i", 'ї' => initial ? "yi" : "i", 'й' => initial ? "y" : "i", 'к' => "k", 'л' => "l", 'м' => "m",
                'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
                'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ь' => "", 'ю' => initial ? "yu" : "iu",
                'я' => initial ? "ya" : "ia", '\'' or '’' or 'ʼ' or '`' => "",
                _ => lc.ToString(),
            };
            if (t.Length == 0) continue;
            if (char.IsUpper(c)) t = char.ToUpperInvariant(t[0]) + t[1..];
            sb.Append(t);
        }
        return sb.ToString();
    }

    /// <summary>Russian romanisation: BGN-like (Yelenovka, Krasnopolye, Krasnyy) or the plainer news form (Elenovka, Krasny).</summary>
    internal static string RussianTranslit(string cyr, bool news)
    {
        var sb = new StringBuilder(cyr.Length * 2);
        for (int i = 0; i < cyr.Length; i++)
        {
            char c = cyr[i];
            char lc = char.ToLowerInvariant(c);
            char prev = i > 0 ? char.ToLowerInvariant(cyr[i - 1]) : ' ';
            char next = i + 1 < cyr.Length ? char.ToLowerInvariant(cyr[i + 1]) : ' ';
            bool initial = !char.IsLetter(prev);
            bool afterVowel = "аеёиоуыэюяъь".Contains(prev);
            bool wordEnd = !char.IsLetter(next);
            string t = lc switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d",
                'е' => initial ? (news ? "ye" : "e") : afterVowel ? "ye" : "e", 'ё' => "yo", 'ж' => "zh", 'з' => "z",
                'и' => news && next == 'й' && (i + 2 >= cyr.Length || !char.IsLetter(cyr[i + 2])) ? "y" : "i",
                'й' => news && wordEnd && prev is 'ы' or 'и' ? "" : "y", 'к' => "k", 'л' => "l", 'м' => "m",
                'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
                'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' or 'ь' => "", 'ы' => "y",
                'э' => "e", 'ю' => "yu", 'я' => "ya", '\'' or '’' or 'ʼ' or '`' => "",
                'і' => "i", 'ї' => "yi", 'є' => "ye", 'ґ' => "g",
                _ => lc.ToString(),
            };
            if (t.Length == 0) continue;
            if (char.IsUpper(c)) t = char.ToUpperInvariant(t[0]) + t[1..];
            sb.Append(t);
        }
        return sb.ToString();
    }

    private static string FixLatin(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) if (c is not ('\'' or '’' or '`' or 'ʼ' or '”')) sb.Append(c);
        string t = sb.ToString();
        // Russian-style names (Bogoyavlenskoye, Gorelovskiy) keep their y's; only Ukrainian-looking ones get ia/iu/ie.
        if (t.EndsWith("oye", StringComparison.Ordinal) || t.EndsWith("iy", StringComparison.Ordinal) || t.EndsWith("aya", StringComparison.Ordinal)
            || t.EndsWith("ovka", StringComparison.Ordinal) || t.EndsWith("evka", StringComparison.Ordinal) || t.EndsWith("yevo", StringComparison.Ordinal)) return t;
        var o = new StringBuilder(t.Length);
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            bool inner = i > 0 && char.IsLetter(t[i - 1]);
            char next = i + 1 < t.Length ? t[i + 1] : '\0';
            if (c == 'y' && inner && next is 'a' or 'u' or 'e') { o.Append('i'); continue; }
            if (c == 'y' && inner && next == 'i' && "aeiou".Contains(t[i - 1])) continue;
            if (c == 'y' && inner && t[i - 1] == 'y' && (i + 1 == t.Length || !char.IsLetter(next))) { o.Append('i'); continue; }
            o.Append(c);
        }
        return o.ToString();
    }

    private const string Notice = """
        models/gazetteer/places.bin is derived from GeoNames (https://www.geonames.org/),
        licensed under the Creative Commons Attribution 4.0 License
        (https://creativecommons.org/licenses/by/4.0/). The data is provided "as is" without
        warranty. Changes: selection of Ukrainian populated places and regions, Russian
        border towns, world places of 15,000+ and countries; canonical English names chosen
        by transliteration rules; region names rewritten to the ConflictExtract contract form.
        """;

    private const string Readme = """
        # Gazetteer (places.bin)

        Built from GeoNames (CC BY 4.0, see NOTICE.txt) by

            dotnet run --project src/ConflictExtract.Training -c Release -- gazetteer --data ../shared/data/geonames --out models/gazetteer

        Contents: every Ukrainian populated place (UA.txt class P; a city section, PPLX, points to the city of
        50,000+ within 20 km that contains it, with population 0, so "Kirovsky" district resolves to Donetsk), the raions (ADM2 and historical ADM2H, kind
        "other", named only as "Nikopol Raion" / "Nikopol district"), and the 27 first-level regions
        (UA.txt ADM1; Crimea and Sevastopol carry country UA), "Donbas" (a region without admin1),
        the Russian border towns (RU_border_cities5000_2018.txt), the world's places of 15,000+
        (cities15000.txt, Ukraine skipped), the contract's Russian regions (Belgorod Oblast, Kursk Oblast,
        Bryansk Oblast, Voronezh Oblast, Rostov Oblast, Krasnodar Krai, Moscow, Moscow Oblast; centre =
        their capital) and the countries of countryInfo.txt (plus common aliases: USA, UK, DPRK...).

        Per place: canonical English name, kind, admin1 (contract form), ISO country, lat/lon, population,
        GeoNames id; per name key (LexiconKey form) the places it names, each either as a full name or as a
        region stem (a word that names a region only next to "region"/"oblast": "Kharkiv region").

        - Name: for Ukraine the national (KMU 2010) transliteration of the Ukrainian Cyrillic alternate name
          when it agrees with the GeoNames name (Zaporizhzhya → Zaporizhzhia, Mykolayiv → Mykolaiv,
          Avdiyivka → Avdiivka), else the GeoNames name with ya/yu/ye → ia/iu/ie inside words; a small override
          table. Elsewhere the GeoNames name.
        - Variants: every Latin-script alternate name (Kiev, Kharkov, Zaporozhye, Artemivsk...), not all-caps codes.
        - Kind: country / region; city = PPLC or PPLA or population ≥ 100,000; town = population ≥ 10,000; else village.
        - Admin1: Ukraine and the listed Russian regions in contract form ("Kharkiv Oblast", Kyiv city → "Kyiv");
          elsewhere GeoNames' ASCII admin1 name (apostrophes removed).

        Library: `ConflictExtract.Lexicon.Gazetteer` (`Default`, `Load(Stream)`, `Lookup`, `Resolve`, `TryMatchAt`,
        `FindAll`) reads this file from the embedded resource; `PlaceFinder.Find(text, tokens, sentences)` turns token
        spans into `PlaceMention`s: region phrases ("the Kharkiv region", "Donetsk and Luhansk regions", "regions of
        Poltava, Donetsk, and Dnipro", "Kharkiv Oblast"), "DPR"/"LPR" → Donetsk/Luhansk Oblast, "Donbas" → region
        Donbas (admin1 null), raions ("Nikopol district"); namesakes resolved by regions named in the text, then
        population; villages need a locative ("in", "near", "village of") or their region named; stop-listed words,
        names after a first name or title, and names before "said" are not places; "the Dnipro"/"Dnipro River" are
        skipped (no rivers in the table).

        Format (little-endian, GZip): "CEGZ" v1; string table; places (name, kind, admin1, country, lat, lon,
        population, id, flags); sorted ASCII keys with posting lists (place index × 2 + stem bit).
        """;
}
