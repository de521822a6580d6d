using ConflictExtract.Cli.Input;
using ConflictExtract.Records;

namespace ConflictExtract.Cli.Output;

/// <summary>One input document after extraction: its result (and, for JSON, the result already serialized on the
/// thread that extracted it), or the error that stopped it.</summary>
internal sealed record Processed(Item Item, ExtractionResult? Result, byte[]? Json, InputError? Error)
{
    /// <summary>What the library reported about the document (a date-fallback budget spent, say): written to standard error.</summary>
    public System.Collections.Immutable.ImmutableArray<ExtractionDiagnostic> Diagnostics { get; init; } = [];
}

/// <summary>Writes results in one output format. Called on one thread, in input order.</summary>
internal abstract class ResultWriter(Stream output)
{
    protected Stream Output { get; } = output;

    /// <summary>Whether <see cref="Processed.Json"/> should be filled (compact or indented) where the document was extracted.</summary>
    public virtual bool WantsJson => false;

    /// <summary>Whether an error is written into the output as a record (<c>--errors inline</c>).</summary>
    public bool InlineErrors { get; init; }

    public virtual void Begin() { }

    public abstract void WriteResult(Processed document);

    /// <summary>Writes an error record; only called when <see cref="InlineErrors"/> is set.</summary>
    public virtual void WriteError(Processed document) { }

    public virtual void End() { }
}

/// <summary>Facts about one strike that several formats write, from the public records only.</summary>
internal static class StrikeFacts
{
    /// <summary>
    /// People killed (or injured) in the strike: the sum of the headline counts of its linked casualties of that kind,
    /// never more than the document's summary for that kind (which does not add a subset to its whole or a figure
    /// reported twice). Null when none is linked.
    /// </summary>
    public static long? Count(ExtractionResult result, StrikeEvent strike, CasualtyKind kind)
    {
        long? sum = null;
        foreach (var id in strike.CasualtyIds)
        {
            foreach (var c in result.Casualties)
            {
                if (c.Id != id || c.Kind != kind) continue;
                if (c.Count.Headline is { } n) sum = (sum ?? 0) + n;
            }
        }
        var cap = (kind == CasualtyKind.Killed ? result.Summary.Killed : kind == CasualtyKind.Injured ? result.Summary.Injured : null)?.Headline;
        if (sum is { } s && cap is { } m && s > m) return m;
        return sum;
    }

    /// <summary>The names of the strike's weapons (catalogue designations), or its weapon category when none is named.</summary>
    public static string? Weapons(ExtractionResult result, StrikeEvent strike)
    {
        var names = new List<string>();
        foreach (var id in strike.WeaponIds)
            foreach (var w in result.Weapons)
                if (w.Id == id) names.Add(w.Name);
        if (names.Count > 0) return string.Join("; ", names);
        return strike.WeaponCategory is { } c ? Names.Of(c) : null;
    }

    /// <summary>The strike's weapon category, or its first named weapon's.</summary>
    public static WeaponCategory? Category(ExtractionResult result, StrikeEvent strike)
    {
        if (strike.WeaponCategory is { } c) return c;
        foreach (var id in strike.WeaponIds)
            foreach (var w in result.Weapons)
                if (w.Id == id) return w.Category;
        return null;
    }

    /// <summary>How far a note reaches past its evidence for the sentence around it, each way.</summary>
    private const int NoteReach = 400;

    /// <summary>
    /// ACLED's notes: the sentence or sentences that hold the record's evidence, read out of the document's text (the
    /// evidence spans are a record's words only: "Crimea … hit … Kherson"). A sentence end is '.', '!', '?' before a
    /// space or a line break; at most <see cref="NoteReach"/> characters either way, else the evidence text itself.
    /// </summary>
    public static string Notes(string? text, IReadOnlyList<Evidence> evidence)
    {
        if (text is null || evidence.Count == 0) return EvidenceText(evidence);
        int start = int.MaxValue, end = 0;
        foreach (var e in evidence)
        {
            start = Math.Min(start, e.Start);
            end = Math.Max(end, e.End);
        }
        if (start < 0 || end > text.Length || start >= end) return EvidenceText(evidence);
        int from = start;
        while (from > 0 && start - from < NoteReach && !IsSentenceEnd(text, from - 1)) from--;
        int to = end;
        while (to < text.Length && to - end < NoteReach && !IsSentenceEnd(text, to - 1)) to++;
        if (start - from >= NoteReach || to - end >= NoteReach) return EvidenceText(evidence);
        return text[from..to].Trim();
    }

    /// <summary>Whether a sentence ends at <paramref name="i"/>: a terminal mark before white space (or the text's end), or a line break.</summary>
    private static bool IsSentenceEnd(string text, int i) =>
        text[i] is '\n' or '\r'
        || text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));

    /// <summary>The evidence as text: the spans not inside another, in text order, joined by " … ".</summary>
    public static string EvidenceText(IReadOnlyList<Evidence> evidence)
    {
        var kept = new List<Evidence>();
        foreach (var e in evidence.OrderBy(e => e.Start).ThenByDescending(e => e.End))
        {
            if (kept.Count > 0 && kept[^1].Start <= e.Start && e.End <= kept[^1].End) continue;
            kept.Add(e);
        }
        return string.Join(" … ", kept.Select(e => e.Text));
    }
}

/// <summary>The contract's spelling of enum values ("ballistic-missile", "at-least").</summary>
internal static class Names
{
    public static string Of<T>(T value) where T : struct, Enum => Serialization.ContractEnumConverter<T>.NameOf(value);
}
