using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Pipeline;
using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>
/// Links: each casualty takes its sentence's date, the place struck nearest its count and the strike at that place (else
/// the sentence's first strike, else the place of the sentence before unless a new topic opens); a launch site named in a
/// sentence of its own goes to the strikes it is about.
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
        ApplyLaunchSites(a, doc.Frames, records);
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

    /// <summary>
    /// A launch site named in a sentence without strikes of its own ("The missiles were launched from the Belgorod region")
    /// goes to the strikes it is about, among those of the <see cref="LaunchAnaphoraSentences"/> sentences before it: those
    /// of the systems it names, else those of the nearest sentence with strikes, when it names a weapon. A sentence's own
    /// strikes took theirs from their own words (the strike stage). Strikes are in sentence order here, so each site looks
    /// at a window of them only.
    /// </summary>
    private static void ApplyLaunchSites(DocumentAnalysis a, SentenceFrames frames, RecordDrafts records)
    {
        var strikes = records.Strikes;
        foreach (var site in records.LaunchSites)
        {
            int ls = a.SentenceOf(a.TokenAtOrAfter(site.Start));
            int from = FirstStrikeFrom(strikes, Math.Max(0, ls - LaunchAnaphoraSentences)), to = FirstStrikeFrom(strikes, ls);
            if (from == to || to < strikes.Count && strikes[to].Sentence == ls || !frames[ls].WeaponWord) continue;
            var sent = a.Sentences[ls];
            bool given = false;
            foreach (var h in a.WeaponsIn(sent.FirstToken, sent.EndToken))
                for (int i = from; i < to; i++)
                    if (strikes[i].LaunchSite is null && HasWeapon(strikes[i], h.Weapon.Name)) { Give(a, strikes[i], site); given = true; }
            if (given) continue;
            int last = strikes[to - 1].Sentence; // the nearest sentence before with strikes
            for (int i = to - 1; i >= from && strikes[i].Sentence == last; i--)
                if (strikes[i].LaunchSite is null) Give(a, strikes[i], site);
        }
    }

    /// <summary>A launch site refers back to the strikes of at most this many sentences before it.</summary>
    private const int LaunchAnaphoraSentences = 3;

    /// <summary>The index of the first strike of sentence <paramref name="sentence"/> or later (strikes in sentence order).</summary>
    private static int FirstStrikeFrom(List<StrikeDraft> strikes, int sentence)
    {
        int lo = 0, hi = strikes.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (strikes[mid].Sentence < sentence) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool HasWeapon(StrikeDraft s, string name)
    {
        foreach (var w in s.Weapons)
            if (w.Info.Name == name) return true;
        return false;
    }

    private static void Give(DocumentAnalysis a, StrikeDraft s, LaunchSite site)
    {
        s.LaunchSite = site.Location;
        s.Evidence.Add(Evidence.Of(a.Text, site.Start, site.End));
    }
}
