using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Links: each casualty takes its sentence's date, the place struck nearest its count and the strike at that place (else
/// the sentence's first strike, else the place of the sentence before unless a new topic opens); launch sites named with
/// a launch verb go to the strikes that have none, when those strikes' weapons were launched.
/// </summary>
internal sealed class LinkStage : IStage
{
    public string Name => StageNames.Links;

    public void Run(DocumentContext doc)
    {
        var a = doc.Analysis;
        var scenes = doc.Scenes;
        var records = doc.Records;
        int nextStrike = 0, nextCasualty = 0;
        for (int si = 0; si < a.Sentences.Length; si++)
        {
            int firstStrike = nextStrike;
            while (nextStrike < records.Strikes.Count && records.Strikes[nextStrike].Sentence == si) nextStrike++;
            var strikesHere = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(records.Strikes)[firstStrike..nextStrike];
            var scene = scenes[si];
            if (scene.LaunchVerb)
                foreach (var ls in scenes.LaunchesOf(si)) records.LaunchSites.Add(new LaunchSite(ls.Location, ls.Start, ls.EndChar));
            for (; nextCasualty < records.Casualties.Count && records.Casualties[nextCasualty].Sentence == si; nextCasualty++)
                Link(a, records.Casualties[nextCasualty], scene, scenes.PlacesOf(si), strikesHere, a.Sentences[si]);
        }
        ApplyLaunchSites(a, records);
    }

    private static void Link(DocumentAnalysis a, CasualtyDraft c, SentenceScene scene, ReadOnlySpan<PlaceHit> places, ReadOnlySpan<StrikeDraft> strikesHere, Sentence s)
    {
        c.Date ??= scene.Date;
        if (c.Cumulative) return;
        PlaceHit? nearest = null;
        int bestDist = int.MaxValue;
        foreach (var p in places)
        {
            int d = Math.Abs(p.First - c.CountToken);
            if (d < bestDist) { bestDist = d; nearest = p; }
        }
        if (nearest is { } np)
        {
            c.Location = np.Location;
            foreach (var x in strikesHere)
                if (ReferenceEquals(x.Location, np.Location)) { c.Strike = x; break; }
        }
        else if (strikesHere.Length > 0)
        {
            c.Location = strikesHere[0].Location;
            c.Strike = strikesHere[0];
        }
        else if (scene.PreviousPlace is not null && !StartsNewTopic(a, s))
        {
            c.Location = scene.PreviousPlace; // "... the death toll rose to 13": the place of the sentence before
        }
        c.Strike?.Casualties.Add(c);
    }

    /// <summary>"Separately, ..." / "Elsewhere, ..." / a paragraph opening "In ...": a new event.</summary>
    private static bool StartsNewTopic(DocumentAnalysis a, Sentence s) =>
        a.Has(s.FirstToken, Cue.TopicShift) || a.Tokens[s.FirstToken].Has(TokenFlags.ParagraphBefore) && a.Has(s.FirstToken, Cue.In);

    private static void ApplyLaunchSites(DocumentAnalysis a, RecordDrafts records)
    {
        if (records.LaunchSites.Count == 0) return;
        var site = records.LaunchSites[0];
        foreach (var s in records.Strikes)
        {
            if (s.LaunchSite is not null) continue;
            if (records.Weapons.Count > 0 && s.Weapons.Count == 0) continue; // a launch site belongs to the strikes of the weapons it launched
            s.LaunchSite = site.Location;
            s.Evidence.Add(Evidence.Of(a.Text, site.Start, site.End));
        }
    }
}
