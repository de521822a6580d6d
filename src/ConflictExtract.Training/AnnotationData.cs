using System.Globalization;
using System.Text;
using ConflictExtract.Tagging;

namespace ConflictExtract.Training;

/// <summary>One headline of the UCDP file: row id, index within the ';'-separated list, the text.</summary>
internal sealed record Headline(long RowId, int Index, string Text);

/// <summary>A labelled character span of one headline or sentence.</summary>
internal readonly record struct LabelSpan(int Start, int End, EntityLabel Label);

/// <summary>Reading the UCDP CSV, the stand-off annotation file and the hand-written sentence file.</summary>
internal static class AnnotationData
{
    public static List<Headline> ReadHeadlines(string csvPath)
    {
        var result = new List<Headline>();
        using var reader = new StreamReader(csvPath, Encoding.UTF8);
        var header = ReadRecord(reader) ?? throw new InvalidDataException("empty CSV");
        int idCol = header.IndexOf("id"), hCol = header.IndexOf("source_headline");
        if (idCol < 0 || hCol < 0) throw new InvalidDataException("CSV lacks id or source_headline");
        List<string>? rec;
        while ((rec = ReadRecord(reader)) is not null)
        {
            if (rec.Count <= Math.Max(idCol, hCol)) continue;
            if (!long.TryParse(rec[idCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out long id)) continue;
            var parts = rec[hCol].Split(';');
            for (int i = 0; i < parts.Length; i++) result.Add(new Headline(id, i, parts[i]));
        }
        return result;
    }

    /// <summary>RFC 4180 record reader (quoted fields may hold commas, quotes and newlines).</summary>
    private static List<string>? ReadRecord(TextReader r)
    {
        int c = r.Peek();
        if (c < 0) return null;
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false, any = false;
        while (true)
        {
            c = r.Read();
            if (c < 0) { fields.Add(sb.ToString()); return fields; }
            any = true;
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (r.Peek() == '"') { r.Read(); sb.Append('"'); }
                    else quoted = false;
                }
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { fields.Add(sb.ToString()); return any ? fields : null; }
            else sb.Append(ch);
        }
    }

    public static string LabelName(EntityLabel l) => l switch
    {
        EntityLabel.Loc => "LOC", EntityLabel.Org => "ORG", EntityLabel.Per => "PER", EntityLabel.Norp => "NORP",
        EntityLabel.Weapon => "WEAPON", _ => "O",
    };

    public static EntityLabel ParseLabel(string s) => s.Trim().ToUpperInvariant() switch
    {
        "LOC" => EntityLabel.Loc, "ORG" => EntityLabel.Org, "PER" => EntityLabel.Per, "NORP" => EntityLabel.Norp,
        "WEAPON" => EntityLabel.Weapon, _ => throw new InvalidDataException($"unknown label '{s}'"),
    };

    /// <summary>Writes annotations.tsv: row id, headline index, start, end, label. No text.</summary>
    public static void WriteAnnotations(string path, IEnumerable<(Headline H, List<LabelSpan> Spans)> items)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.NewLine = "\n";
        w.WriteLine("# Stand-off entity annotations of the headlines in ucdp-ged-ukraine-2014-2021.csv (column source_headline, split on ';').");
        w.WriteLine("# Offsets are UTF-16 code units into one headline string, end exclusive. Built by `tagger --bootstrap`; see README.md.");
        w.WriteLine("row_id\theadline\tstart\tend\tlabel");
        foreach (var (h, spans) in items)
            foreach (var s in spans)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.RowId}\t{h.Index}\t{s.Start}\t{s.End}\t{LabelName(s.Label)}"));
    }

    public static Dictionary<(long, int), List<LabelSpan>> ReadAnnotations(string path)
    {
        var d = new Dictionary<(long, int), List<LabelSpan>>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("row_id", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new InvalidDataException($"bad annotation line: {line}");
            var key = (long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture));
            if (!d.TryGetValue(key, out var list)) d[key] = list = [];
            list.Add(new LabelSpan(int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), ParseLabel(f[4])));
        }
        return d;
    }

    /// <summary>Hand corrections: "row_id headline start end label" adds or relabels a span; label "-" deletes spans overlapping it.</summary>
    public static List<(long Row, int Index, int Start, int End, string Label)> ReadCorrections(string path)
    {
        var list = new List<(long, int, int, int, string)>();
        if (!File.Exists(path)) return list;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5) throw new InvalidDataException($"bad correction line: {raw}");
            list.Add((long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), f[4]));
        }
        return list;
    }

    /// <summary>
    /// sentences.txt: one sentence a line, entities written as [surface text](LABEL); '#' starts a comment line.
    /// Returns the plain sentence and its spans.
    /// </summary>
    public static List<(string Text, List<LabelSpan> Spans)> ReadSentences(string path)
    {
        var result = new List<(string, List<LabelSpan>)>();
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var sb = new StringBuilder();
            var spans = new List<LabelSpan>();
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] == '[')
                {
                    int close = line.IndexOf("](", i, StringComparison.Ordinal);
                    int paren = close < 0 ? -1 : line.IndexOf(')', close);
                    if (close > i && paren > close)
                    {
                        int start = sb.Length;
                        sb.Append(line, i + 1, close - i - 1);
                        spans.Add(new LabelSpan(start, sb.Length, ParseLabel(line.Substring(close + 2, paren - close - 2))));
                        i = paren + 1;
                        continue;
                    }
                }
                sb.Append(line[i++]);
            }
            result.Add((sb.ToString(), spans));
        }
        return result;
    }
}
