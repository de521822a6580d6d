using System.Globalization;
using System.Net;
using System.Text;
using ConflictExtract.Records;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// <c>--format html</c>: one self-contained review page for the batch (inline style and script, a Content-Security-Policy
/// that forbids every network request). Each document is a section: its text, with every record's evidence
/// highlighted, beside a table of its records; clicking a record (or a highlight) selects it, marks its spans in the
/// text and lists them with their offsets. A highlight is one stretch of text covered by the same records, so
/// overlapping evidence (a sentence and a place inside it) shows as nested colours; each carries its offsets
/// (<c>data-start</c>, <c>data-end</c>) and the records it belongs to (<c>data-r</c>).
/// </summary>
internal sealed class HtmlResultWriter(Stream output) : ResultWriter(output)
{
    private StreamWriter? _w;
    private int _documents;

    public override void Begin()
    {
        _w = new StreamWriter(Output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _w.Write(Head);
    }

    private sealed record Span(string RecordId, string Kind, int Start, int End);

    public override void WriteResult(Processed document)
    {
        var w = _w!;
        var result = document.Result!;
        string text = document.Item.Document!.Text;
        _documents++;
        var spans = new List<Span>();
        foreach (var s in result.Strikes) foreach (var e in s.Evidence) spans.Add(new(s.Id, "strike", e.Start, e.End));
        foreach (var c in result.Casualties) foreach (var e in c.Evidence) spans.Add(new(c.Id, "casualty", e.Start, e.End));
        foreach (var x in result.Weapons) foreach (var e in x.Evidence) spans.Add(new(x.Id, "weapon", e.Start, e.End));
        spans.RemoveAll(s => s.Start < 0 || s.End > text.Length || s.End <= s.Start);

        w.Write($"<section class=\"doc\" id=\"doc-{_documents}\">\n<h2>{Esc(result.DocumentId ?? $"document {_documents}")}");
        if (result.PublishedAt is { } pub) w.Write($" <small>published {pub.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</small>");
        w.Write($" <small class=\"counts\">{Count(result.Strikes.Length, "strike")} · {Count(result.Casualties.Length, "casualty record")} · {Count(result.Weapons.Length, "weapon")}</small></h2>\n");
        w.Write("<div class=\"layout\">\n<article class=\"text\">");
        WriteText(w, text, spans);
        w.Write("</article>\n<aside>\n<table class=\"records\"><thead><tr><th>id</th><th>record</th></tr></thead><tbody>\n");
        foreach (var s in result.Strikes) Row(w, s.Id, "strike", Describe(result, s), s.Evidence);
        foreach (var c in result.Casualties) Row(w, c.Id, "casualty", Describe(c), c.Evidence);
        foreach (var x in result.Weapons) Row(w, x.Id, "weapon", Describe(x), x.Evidence);
        if (result.Strikes.Length + result.Casualties.Length + result.Weapons.Length == 0)
            w.Write("<tr class=\"none\"><td colspan=\"2\">no records</td></tr>\n");
        w.Write("</tbody></table>\n");
        w.Write($"<p class=\"summary\">summary: killed {Qty(result.Summary.Killed)}, injured {Qty(result.Summary.Injured)}</p>\n");
        w.Write("<div class=\"detail\" hidden><h3></h3><ol></ol></div>\n</aside>\n</div>\n</section>\n");
        w.Flush();
    }

    public override void End()
    {
        var w = _w!;
        if (_documents == 0) w.Write("<p class=\"empty\">No documents.</p>\n");
        w.Write(Tail);
        w.Flush();
        w.Dispose();
    }

    private static void WriteText(StreamWriter w, string text, List<Span> spans)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans) { cuts.Add(s.Start); cuts.Add(s.End); }
        int prev = -1;
        var covering = new List<Span>();
        foreach (int cut in cuts)
        {
            if (prev >= 0 && cut > prev)
            {
                covering.Clear();
                foreach (var s in spans) if (s.Start <= prev && cut <= s.End) covering.Add(s);
                string piece = Esc(text.AsSpan(prev, cut - prev));
                if (covering.Count == 0) w.Write(piece);
                else
                {
                    // The most specific record is the one a click on this stretch selects: the shortest span,
                    // and on equal spans the narrower kind (a weapon inside its strike's words, a casualty inside its strike).
                    var top = covering.MinBy(s => (s.End - s.Start) * 4 + KindRank(s.Kind))!;
                    string kinds = string.Join(' ', covering.Select(s => "k-" + s.Kind).Distinct());
                    string ids = string.Join(' ', covering.Select(s => s.RecordId).Distinct());
                    w.Write($"<mark class=\"ev {kinds}\" data-start=\"{prev}\" data-end=\"{cut}\" data-r=\"{ids}\" data-top=\"{top.RecordId}\">{piece}</mark>");
                }
            }
            prev = cut;
        }
    }

    private static int KindRank(string kind) => kind switch { "weapon" => 0, "casualty" => 1, _ => 2 };

    private static void Row(StreamWriter w, string id, string kind, string what, IReadOnlyList<Evidence> evidence)
    {
        string spans = string.Join(',', evidence.Select(e => $"{e.Start}-{e.End}"));
        w.Write($"<tr class=\"rec k-{kind}\" data-r=\"{Esc(id)}\" data-spans=\"{spans}\" tabindex=\"0\"><td>{Esc(id)}</td><td><b>{kind}</b> {Esc(what)}</td></tr>\n");
    }

    private static string Describe(ExtractionResult result, StrikeEvent s)
    {
        var parts = new List<string>();
        if (s.Location is { } l) parts.Add(l.Admin1 is { } a && a != l.Name ? $"{l.Name} ({a})" : l.Name);
        if (s.Date is { } d) parts.Add(Date(d));
        if (s.Attacker is { } att) parts.Add("by " + att);
        if (s.Target is { } t) parts.Add("target " + t);
        if (StrikeFacts.Weapons(result, s) is { } wn) parts.Add(wn);
        if (s.MunitionCount?.Headline is { } m) parts.Add($"{m} fired");
        if (s.Intercepted?.Headline is { } i) parts.Add($"{i} shot down");
        if (s.LaunchSite is { } ls) parts.Add("from " + ls.Name);
        parts.Add("confidence " + s.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }

    private static string Describe(Casualty c)
    {
        var parts = new List<string> { $"{Names.Of(c.Kind)} {Qty(c.Count)}" };
        if (c.Group != CasualtyGroup.Unknown) parts.Add(Names.Of(c.Group));
        if (c.Location is { } l) parts.Add(l.Name);
        if (c.Date is { } d) parts.Add(Date(d));
        if (c.StrikeId is { } s) parts.Add("in " + s);
        return string.Join(" · ", parts);
    }

    private static string Describe(WeaponSystem x)
    {
        var parts = new List<string> { x.Name, Names.Of(x.Category) };
        if (x.Origin is { } o) parts.Add(o);
        if (x.MaxRangeKm is { } r) parts.Add($"{r} km");
        return string.Join(" · ", parts);
    }

    private static string Date(DateRange d) => d.Start == d.End
        ? d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {d.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Qty(Quantity? q) => q switch
    {
        null => "none",
        { Qualifier: QuantityQualifier.Exact, Best: { } b } => b.ToString(CultureInfo.InvariantCulture),
        { Qualifier: QuantityQualifier.Range } => $"{q.Low}–{q.High}",
        _ => $"{Names.Of(q.Qualifier)} {q.Headline}",
    };

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Esc(ReadOnlySpan<char> s) => WebUtility.HtmlEncode(s.ToString());

    private const string Head = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ConflictExtract review</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f4; }
header { padding: 12px 20px; background: #24323f; color: #fff; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 2px 0 0; font-size: 13px; opacity: .8; }
.doc { margin: 16px 20px; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; }
.doc h2 { font-size: 16px; margin: 0 0 8px; }
.doc h2 small { font-weight: normal; color: #666; margin-left: 8px; }
.layout { display: flex; gap: 16px; align-items: flex-start; }
.text { flex: 3; white-space: pre-wrap; font-family: Georgia, serif; font-size: 16px; line-height: 1.7; }
aside { flex: 2; font-size: 13px; position: sticky; top: 8px; }
mark.ev { background: #fde7b0; border-radius: 2px; cursor: pointer; color: inherit; }
mark.ev.k-weapon { background: #cfe3ff; }
mark.ev.k-casualty { background: #ffc9c2; }
mark.ev.sel { background: #ffd400; box-shadow: 0 2px 0 #b35c00; }
table.records { border-collapse: collapse; width: 100%; }
table.records th, table.records td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #eee; }
tr.rec { cursor: pointer; }
tr.rec:hover { background: #f3f3f3; }
tr.rec.active { background: #fff3b0; }
tr.rec.k-strike td:first-child { border-left: 4px solid #e3a600; }
tr.rec.k-casualty td:first-child { border-left: 4px solid #d9482b; }
tr.rec.k-weapon td:first-child { border-left: 4px solid #2b6fd9; }
.detail { margin-top: 8px; padding: 8px; background: #fafafa; border: 1px solid #ddd; border-radius: 4px; }
.detail h3 { font-size: 13px; margin: 0 0 4px; }
.detail ol { margin: 0; padding-left: 20px; }
.detail code { color: #666; }
.summary { color: #444; }
</style>
</head>
<body>
<header><h1>ConflictExtract review</h1><p>Highlights are the evidence of each record; click a record or a highlight to see its spans.</p></header>
<main>

""";

    private const string Tail = """
</main>
<script>
(function () {
  function select(section, id) {
    section.querySelectorAll('mark.sel').forEach(function (m) { m.classList.remove('sel'); });
    section.querySelectorAll('tr.rec.active').forEach(function (r) { r.classList.remove('active'); });
    var row = section.querySelector('tr.rec[data-r="' + id + '"]');
    if (!row) return;
    row.classList.add('active');
    var marks = Array.prototype.filter.call(section.querySelectorAll('mark.ev'), function (m) {
      return m.dataset.r.split(' ').indexOf(id) >= 0;
    });
    marks.forEach(function (m) { m.classList.add('sel'); });
    var text = section.querySelector('.text').textContent;
    var detail = section.querySelector('.detail');
    detail.querySelector('h3').textContent = id + ': ' + row.dataset.spans.split(',').filter(Boolean).length + ' evidence spans';
    var list = detail.querySelector('ol');
    list.textContent = '';
    row.dataset.spans.split(',').filter(Boolean).forEach(function (p) {
      var se = p.split('-'), start = +se[0], end = +se[1];
      var li = document.createElement('li');
      var code = document.createElement('code');
      code.textContent = '[' + start + ', ' + end + ') ';
      li.appendChild(code);
      li.appendChild(document.createTextNode(text.slice(start, end)));
      list.appendChild(li);
    });
    detail.hidden = false;
    if (marks.length > 0 && marks[0].scrollIntoView) marks[0].scrollIntoView({ block: 'nearest' });
  }
  document.querySelectorAll('section.doc').forEach(function (section) {
    section.addEventListener('click', function (e) {
      var row = e.target.closest('tr.rec');
      if (row) { select(section, row.dataset.r); return; }
      var mark = e.target.closest('mark.ev');
      if (mark) select(section, mark.dataset.top);
    });
    section.addEventListener('keydown', function (e) {
      var row = e.target.closest('tr.rec');
      if (row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(section, row.dataset.r); }
    });
  });
})();
</script>
</body>
</html>

""";
}
