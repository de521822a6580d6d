using System.Runtime.InteropServices;
using ConflictExtract.Lexicon;
using ConflictExtract.Pipeline;
using ConflictExtract.Tagging;
using ConflictExtract.Text;

namespace ConflictExtract.Analysis;

/// <summary>Tokens over the original string (no copies) and sentences.</summary>
internal sealed class TokenizeStage : IStage
{
    public string Name => StageNames.Tokens;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        int n = w.Tokenize(doc.Text);
        SentenceSplitter.Split(doc.Text, w.Tokens.AsSpan(0, n), w.Sentences);
    }
}

/// <summary>Each token's cue classes, once per document (the rules test classes, not strings).</summary>
internal sealed class CueStage : IStage
{
    public string Name => StageNames.Cues;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var cues = w.Cues.Room(w.TokenCount);
        doc.Pipeline.Language.ClassifyAll(doc.Text, w.Tokens.AsSpan(0, w.TokenCount), cues.AsSpan(0, w.TokenCount));
    }
}

/// <summary>Places named in the text, geocoded in context by the gazetteer.</summary>
internal sealed class PlaceStage : IStage
{
    public string Name => StageNames.Places;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        doc.Pipeline.Models.Places.FindInto(doc.Text, tokens, CollectionsMarshal.AsSpan(w.Sentences), w.PlaceMentions, doc.Scratch<PlaceFinder.Work>());
        var places = w.Places.Room(w.PlaceMentions.Count);
        for (int i = 0; i < w.PlaceMentions.Count; i++)
        {
            var p = w.PlaceMentions[i];
            places[i] = new PlaceHit(p.FirstToken, p.EndToken, p.Start, p.End, p.Location);
        }
    }
}

/// <summary>Weapon systems of the catalogue (designations, aliases, transliterations).</summary>
internal sealed class WeaponSystemStage : IStage
{
    public string Name => StageNames.WeaponSystems;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        var mentions = doc.Pipeline.Models.Weapons.Find(doc.Text, tokens);
        w.WeaponMentions = mentions;
        for (int i = 0; i < mentions.Count; i++) // by index: the interface's enumerator would allocate
        {
            var m = mentions[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, m.Start, m.End);
            w.Weapons.Add(new WeaponHit(f, e, m.Start, m.End, doc.Pipeline.InfoOf(m.Entry)));
        }
    }
}

/// <summary>Generic weapon phrases ("ballistic missiles", "shelling") and the category the language gives each.</summary>
internal sealed class GenericWeaponStage : IStage
{
    public string Name => StageNames.GenericWeapons;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        var words = doc.Pipeline.Language.WeaponWords;
        int i = 0;
        while (i < tokens.Length)
        {
            if (tokens[i].Kind == TokenKind.Word && words.TryMatchAt(doc.Text, tokens, i, tokens.Length, out var m))
            {
                w.GenericWeapons.Add(new GenericWeaponHit(m.FirstToken, m.EndToken, m.Start, m.End, m.Value));
                i = m.EndToken;
            }
            else i++;
        }
    }
}

/// <summary>The trained tagger (LOC, ORG, PER, NORP, WEAPON), hinted by the places and weapons found.</summary>
internal sealed class TagStage : IStage
{
    public string Name => StageNames.Tagger;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        var hints = w.Hints.Room(w.TokenCount).AsSpan(0, w.TokenCount);
        EntityTagger.HintsInto(tokens, w.PlaceMentions, w.WeaponMentions, hints);
        doc.Pipeline.Models.Tagger.TagInto(doc.Text, tokens, CollectionsMarshal.AsSpan(w.Sentences), hints, w.Tagged, doc.Cancellation);
    }
}

/// <summary>Counts, dates (resolved against the publication date) and distances.</summary>
internal sealed class ValueStage : IStage
{
    public string Name => StageNames.Values;

    public void Run(DocumentContext doc)
    {
        var w = doc.Work;
        var tokens = w.Tokens.AsSpan(0, w.TokenCount);
        doc.Pipeline.Models.Recognizers.RecognizeInto(doc.Text, tokens, doc.Options.PublishedAt, w.QuantityMentions, w.DateMentions, w.DistanceMentions, doc.Run);
        var quantities = w.Quantities.Room(w.QuantityMentions.Count);
        for (int i = 0; i < w.QuantityMentions.Count; i++)
        {
            var q = w.QuantityMentions[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, q.Start, q.End);
            quantities[i] = new QuantityHit(f, e, q.Start, q.End, q.Value);
        }
        var dates = w.Dates.Room(w.DateMentions.Count);
        for (int i = 0; i < w.DateMentions.Count; i++)
        {
            var d = w.DateMentions[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, d.Start, d.End);
            dates[i] = new DateHit(f, e, d.Start, d.End, d.Value);
        }
        var distances = w.Distances.Room(w.DistanceMentions.Count);
        for (int i = 0; i < w.DistanceMentions.Count; i++)
        {
            var d = w.DistanceMentions[i];
            var (f, e) = DocumentAnalysis.TokenRange(tokens, d.Start, d.End);
            distances[i] = new DistanceHit(f, e, d.Start, d.End, d.Kilometres);
        }
    }
}

/// <summary>The end of the analysis: hits sorted and indexed into the read-only <see cref="DocumentAnalysis"/>.</summary>
internal sealed class SealStage : IStage
{
    public string Name => StageNames.Seal;

    public void Run(DocumentContext doc) => doc.Seal();
}
