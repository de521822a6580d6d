using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// Weapon records: one per system named (catalogue or unlisted), with every mention and span, and a range stated in the
/// text ("a range of up to 650 km") for the systems named last before it.
/// </summary>
internal sealed class WeaponRecordStage : IStage
{
    public string Name => StageNames.WeaponRecords;

    public void Run(DocumentContext doc)
    {
        var a = doc.Analysis;
        var records = doc.Records;
        var byName = doc.Scratch<WeaponNames>().ByName;
        int sentence = 0;
        foreach (var h in a.Weapons)
        {
            while (sentence < a.Sentences.Length - 1 && a.Sentences[sentence].End <= h.Start) sentence++;
            if (!byName.TryGetValue(h.Weapon.Name, out var w))
            {
                w = records.NewWeapon(h.Weapon);
                byName.Add(h.Weapon.Name, w);
                records.Weapons.Add(w);
            }
            // One string per new mention or evidence span, shared by both; repeats of a name allocate nothing.
            string? text = null;
            if (!DraftLists.HasEvidence(w.Evidence, w.EvidenceKeys, h.Start, h.EndChar))
            {
                var e = Evidence.Of(a.Text, h.Start, h.EndChar);
                text = e.Text;
                DraftLists.AddEvidence(w.Evidence, ref w.EvidenceKeys, e);
            }
            DraftLists.AddMention(w, a.Text.AsSpan(h.Start, h.EndChar - h.Start), text);
            w.LastSentence = sentence;
        }
        if (a.Distances.Length > 0 && records.Weapons.Count > 0) StatedRanges(a, records.Weapons);
    }

    /// <summary>A range stated in a sentence about range belongs to the systems last named, at or before that sentence.</summary>
    private static void StatedRanges(DocumentAnalysis a, List<WeaponDraft> weapons)
    {
        foreach (var d in a.Distances)
        {
            int s = a.SentenceOf(d.First);
            var sent = a.Sentences[s];
            bool aboutRange = false;
            for (int i = sent.FirstToken; i < sent.EndToken && !aboutRange; i++) aboutRange = a.Has(i, Cue.RangeNoun);
            if (!aboutRange) continue;
            int best = -1, last = -1;
            foreach (var w in weapons)
            {
                if (w.LastSentence <= s) best = Math.Max(best, w.LastSentence);
                last = Math.Max(last, w.LastSentence);
            }
            if (best < 0) best = last;
            foreach (var w in weapons)
            {
                if (w.LastSentence != best || w.StatedRangeKm is not null) continue;
                w.StatedRangeKm = (int)Math.Round(d.Kilometres);
                w.Evidence.Add(Evidence.Of(a.Text, d.Start, d.EndChar));
                break;
            }
        }
        // A slash form ("KN-23/24") names variants of one system: they share the stated range.
        WeaponDraft? first = null;
        foreach (var w in weapons) if (w.StatedRangeKm is not null) { first = w; break; }
        if (first is null) return;
        foreach (var w in weapons)
            if (w.StatedRangeKm is null && w.Evidence.Count > 0 && first.Evidence.Count > 0 && w.Evidence[0].Start == first.Evidence[0].Start)
                w.StatedRangeKm = first.StatedRangeKm;
    }
}

/// <summary>The weapon-record stage's drafts by name.</summary>
internal sealed class WeaponNames : Scratch
{
    public WeaponNames() => ByName = NewMap<string, WeaponDraft>(StringComparer.Ordinal);

    public Dictionary<string, WeaponDraft> ByName { get; }
}
