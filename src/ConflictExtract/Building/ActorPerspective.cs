using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Building;

/// <summary>
/// Whose side a document speaks from, for the catalogue's context aliases ("the enemy", "the occupiers": Russian forces
/// in a Ukrainian official text, Ukrainian forces in a Russian one). A text calls the attacker "the enemy" from the side
/// attacked, so the places it names decide first (the side whose places it names most, not counting places fired from);
/// then the sides that speak in it ("the Russian Defence Ministry said"). An alias whose readings all name one actor
/// ("the Kyiv regime") needs no perspective.
/// </summary>
internal sealed class ActorPerspective(Dictionary<string, int> placeCountries, List<string> speakers)
{
    /// <summary>Counts the document's places by country and notes the sides that speak.</summary>
    public void Fill(DocumentAnalysis a, List<ActorMention> mentions)
    {
        foreach (var p in a.Places)
        {
            if (a.Has(p.First - 1, Cue.From) || a.Has(p.First - 1, Cue.Article) && a.Has(p.First - 2, Cue.From)) continue;
            placeCountries[p.Location.Country] = placeCountries.GetValueOrDefault(p.Location.Country) + 1;
        }
        foreach (var m in mentions)
        {
            if (m.Form == ActorMentionForm.ContextAlias || m.Actor.Country is not { } country) continue;
            if ((m.Has(ActorMentionFlags.Institution) || a.Has(m.EndToken, Cue.SpeechVerb)) && !speakers.Contains(country)) speakers.Add(country);
        }
    }

    /// <summary>The actor <paramref name="m"/> names in this document, or null when a context alias cannot be read.</summary>
    public ActorEntry? Resolve(in ActorMention m)
    {
        if (m.Form != ActorMentionForm.ContextAlias) return m.Actor;
        var readings = m.Readings;
        if (readings.Count == 0) return null;
        bool one = true;
        for (int i = 1; i < readings.Count; i++) one &= ReferenceEquals(readings[i].Actor, readings[0].Actor);
        if (one) return readings[0].Actor;
        ActorEntry? best = null;
        int bestN = 0;
        for (int i = 0; i < readings.Count; i++)
        {
            int n = placeCountries.GetValueOrDefault(readings[i].Perspective);
            if (n > bestN) { bestN = n; best = readings[i].Actor; }
        }
        if (best is not null) return best;
        foreach (var side in speakers)
            for (int i = 0; i < readings.Count; i++)
                if (readings[i].Perspective == side) return readings[i].Actor;
        return null;
    }
}
