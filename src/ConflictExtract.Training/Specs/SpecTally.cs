using System.Globalization;
using System.Text;

namespace ConflictExtract.Specs;

/// <summary>True positives, false positives and false negatives of one record type.</summary>
internal sealed class Prf
{
    public int Tp { get; set; }

    public int Fp { get; set; }

    public int Fn { get; set; }

    public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

    public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public bool Any => Tp + Fp + Fn > 0;

    public void Add(Prf o)
    {
        Tp += o.Tp;
        Fp += o.Fp;
        Fn += o.Fn;
    }
}

/// <summary>Additive counts of one or more spec outcomes: record matches and slot agreements.</summary>
internal sealed class SpecTally
{
    public Prf Strikes { get; } = new();

    public Prf Casualties { get; } = new();

    public Prf Weapons { get; } = new();

    /// <summary>(agreeing, compared) per slot: "strike.admin1", "casualty.date", "summary.killed", ...</summary>
    public SortedDictionary<string, (int Hit, int Total)> Slots { get; } = new(StringComparer.Ordinal);

    public void Slot(string name, bool ok)
    {
        var (h, n) = Slots.GetValueOrDefault(name);
        Slots[name] = (h + (ok ? 1 : 0), n + 1);
    }

    public void Add(SpecTally o)
    {
        Strikes.Add(o.Strikes);
        Casualties.Add(o.Casualties);
        Weapons.Add(o.Weapons);
        foreach (var (k, (h, n)) in o.Slots)
        {
            var (h0, n0) = Slots.GetValueOrDefault(k);
            Slots[k] = (h0 + h, n0 + n);
        }
    }
}

/// <summary>The measures table of a set of outcomes, per spec file and overall.</summary>
internal static class SpecReport
{
    private static readonly string[] HeadlineSlots =
        ["strike.admin1", "strike.date", "summary.killed", "summary.injured", "strike.attacker", "strike.attackerName"];

    public static string Table(IReadOnlyList<SpecOutcome> outcomes)
    {
        var groups = outcomes.GroupBy(o => o.Case.Area).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Items: (IReadOnlyList<SpecOutcome>)g.ToList())).ToList();
        groups.Add(("all", outcomes));
        var sb = new StringBuilder();

        sb.AppendLine("Cases");
        var rows = new List<string[]> { new[] { "file", "cases", "pass", "pending", "fail", "pending now passing" } };
        foreach (var (name, items) in groups)
        {
            rows.Add([name, N(items.Count), N(items.Count(o => o.Passed)), N(items.Count(o => o.Case.Pending is not null)),
                N(items.Count(o => !o.Passed && o.Case.Pending is null)), N(items.Count(o => o.Passed && o.Case.Pending is not null))]);
        }
        Render(sb, rows);

        sb.AppendLine().AppendLine("Measures (accuracies over matched records whose expected slot is written; summary over cases that expect it)");
        rows = [["file", "strike P", "strike R", "strike F1", "admin1", "date", "casualty P", "casualty R", "casualty F1",
            "killed EM", "injured EM", "attacker", "attackerName", "weapon F1"]];
        foreach (var (name, items) in groups)
        {
            var t = Sum(items);
            var row = new List<string> { name };
            row.AddRange(PrfCells(t.Strikes));
            row.Add(Acc(t, "strike.admin1"));
            row.Add(Acc(t, "strike.date"));
            row.AddRange(PrfCells(t.Casualties));
            row.Add(Acc(t, "summary.killed"));
            row.Add(Acc(t, "summary.injured"));
            row.Add(Acc(t, "strike.attacker"));
            row.Add(Acc(t, "strike.attackerName"));
            row.Add(t.Weapons.Any ? F(t.Weapons.F1) + $" ({t.Weapons.Tp}/{t.Weapons.Tp + t.Weapons.Fn}, fp {t.Weapons.Fp})" : "-");
            rows.Add([.. row]);
        }
        Render(sb, rows);

        var all = Sum(outcomes);
        var other = all.Slots.Keys.Where(k => Array.IndexOf(HeadlineSlots, k) < 0).ToList();
        if (other.Count > 0)
        {
            sb.AppendLine().AppendLine("Other slots (all files)");
            rows = [["slot", "accuracy"]];
            foreach (var k in other) rows.Add([k, Acc(all, k)]);
            Render(sb, rows);
        }

        var reasons = outcomes.SelectMany(o => o.Case.PendingReasons.Select(r => (Reason: r, o.Case.Area)))
            .GroupBy(x => x.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (reasons.Count > 0)
        {
            sb.AppendLine().AppendLine("Pending by reason (a case may carry several)");
            rows = [["reason", "cases", "files"]];
            foreach (var g in reasons)
            {
                rows.Add([g.Key, N(g.Count()), string.Join(", ", g.GroupBy(x => x.Area).OrderBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => $"{a.Key} {a.Count()}"))]);
            }
            Render(sb, rows);
        }
        return sb.ToString();
    }

    private static SpecTally Sum(IEnumerable<SpecOutcome> items)
    {
        var t = new SpecTally();
        foreach (var o in items) t.Add(o.Tally);
        return t;
    }

    private static string[] PrfCells(Prf p) =>
        p.Any ? [F(p.Precision), F(p.Recall), F(p.F1) + $" ({p.Tp}/{p.Tp + p.Fn}, fp {p.Fp})"] : ["-", "-", "-"];

    private static string Acc(SpecTally t, string slot) =>
        t.Slots.TryGetValue(slot, out var v) && v.Total > 0 ? $"{F((double)v.Hit / v.Total)} ({v.Hit}/{v.Total})" : "-";

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A markdown table with aligned columns.</summary>
    private static void Render(StringBuilder sb, List<string[]> rows)
    {
        int cols = rows.Max(r => r.Length);
        var width = new int[cols];
        foreach (var r in rows)
            for (int i = 0; i < r.Length; i++) width[i] = Math.Max(width[i], r[i].Length);
        for (int ri = 0; ri < rows.Count; ri++)
        {
            var r = rows[ri];
            sb.Append('|');
            for (int i = 0; i < cols; i++) sb.Append(' ').Append((i < r.Length ? r[i] : "").PadRight(width[i])).Append(" |");
            sb.AppendLine();
            if (ri == 0)
            {
                sb.Append('|');
                for (int i = 0; i < cols; i++) sb.Append(new string('-', width[i] + 2)).Append('|');
                sb.AppendLine();
            }
        }
    }
}
