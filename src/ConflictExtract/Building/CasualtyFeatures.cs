using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Records;

namespace ConflictExtract.Building;

/// <summary>
/// The features of one casualty figure for the summary's learned decision (is this figure part of the document's total?):
/// what the figure is (value, qualifier, group, where in its clause it was found), how it relates to the document's other
/// figures of its kind (rank, repeats, subsets, estimates in one sentence, the rules' own choice), and the cues of its
/// sentence (speech, another time or incident, perpetrators, a stated total). Shared by the training command and the
/// summary stage, so that both compute exactly the same numbers.
/// </summary>
/// <remarks>
/// Soldiers are not told apart from unknown groups: the summary counts every person reported killed (the contract), while
/// the atrocity totals the model learns from leave soldiers and police out, which a feature would teach it. Measured
/// without the feature, the cross-validated exact match was no lower (models/casualties/README.md).
/// </remarks>
internal static class CasualtyFeatures
{
    /// <summary>The feature names, in vector order (the model file lists them and is refused if they differ).</summary>
    public static readonly string[] Names =
    [
        "kind_killed", "log_value", "value_is_one", "qual_exact", "qual_at_least", "qual_approx", "subset", "cumulative", "additive",
        "group_civilian", "group_child", "group_other", "rule_selected", "rank", "is_max", "is_min", "ratio_to_max",
        "candidates", "distinct_values", "same_value_others", "first_of_value", "sentence_index", "first_sentence", "relative_position",
        "origin_toll", "origin_object", "origin_object_person", "origin_subject", "origin_subject_person", "origin_following",
        "origin_coordinated", "origin_subset", "speech_in_sentence", "background_cue", "perpetrator_near", "pronoun_object",
        "date_differs", "sentences_with_figures", "other_value_in_sentence", "place_differs_from_largest", "has_subset_after",
        "has_civilian_subset", "civilian_subset", "total_cue", "equals_sum_of_others", "equals_sum_of_subsets",
        "killed_and_injured_in_sentence", "past_year_in_sentence", "later_figure_larger",
    ];

    public static int Count => Names.Length;

    /// <summary>How far from a count a perpetrator noun makes the figure suspect ("killed by gunmen" is fine, "the gunmen died" is not).</summary>
    private const int PerpetratorWindow = 4;

    /// <summary>
    /// Writes the features of <paramref name="figures"/>[<paramref name="index"/>] into <paramref name="x"/>;
    /// <paramref name="figures"/> are the document's figures of one kind, in document order.
    /// </summary>
    public static void Compute(DocumentAnalysis a, IReadOnlyList<CasualtyDraft> figures, int index, HashSet<CasualtyDraft> ruleSelected,
        IReadOnlyList<CasualtyDraft> all, Span<float> x)
    {
        x.Clear();
        var c = figures[index];
        long v = c.Count.Headline ?? 0;
        int f = 0;
        x[f++] = c.Kind == CasualtyKind.Killed ? 1 : 0;
        x[f++] = (float)Math.Log(1 + v);
        x[f++] = v == 1 ? 1 : 0;
        x[f++] = c.Count.Qualifier == QuantityQualifier.Exact ? 1 : 0;
        x[f++] = c.Count.Qualifier == QuantityQualifier.AtLeast ? 1 : 0;
        x[f++] = c.Count.Qualifier is QuantityQualifier.Approximately or QuantityQualifier.Range or QuantityQualifier.AtMost ? 1 : 0;
        x[f++] = c.Subset ? 1 : 0;
        x[f++] = c.Cumulative ? 1 : 0;
        x[f++] = c.Additive ? 1 : 0;
        x[f++] = c.Group == CasualtyGroup.Civilian ? 1 : 0;
        x[f++] = c.Group == CasualtyGroup.Child ? 1 : 0;
        x[f++] = c.Group is CasualtyGroup.Unknown or CasualtyGroup.Military ? 1 : 0;
        x[f++] = ruleSelected.Contains(c) ? 1 : 0;
        f = Ranks(figures, index, v, x, f);
        int sentences = a.Sentences.Length;
        x[f++] = Math.Min(c.Sentence, 5);
        x[f++] = c.Sentence == 0 ? 1 : 0;
        x[f++] = sentences > 1 ? (float)c.Sentence / (sentences - 1) : 0;
        for (int o = 0; o <= (int)CountOrigin.Subset; o++) x[f++] = (int)c.Origin == o ? 1 : 0;
        f = SentenceCues(a, c, x, f, out bool totalCue);
        x[f++] = DateDiffers(figures, c) ? 1 : 0;
        x[f++] = DistinctSentences(figures);
        f = Relations(figures, index, v, totalCue, x, f);
        x[f++] = KilledAndInjuredInSentence(all, c) ? 1 : 0;
        x[f++] = PastYearInSentence(a, c) ? 1 : 0;
        x[f++] = LaterLarger(figures, index, v) ? 1 : 0;
        System.Diagnostics.Debug.Assert(f == Count);
    }

    private static int Ranks(IReadOnlyList<CasualtyDraft> figures, int index, long v, Span<float> x, int f)
    {
        int rank = 0, n = 0, sameOthers = 0;
        long max = 0, min = long.MaxValue;
        bool firstOfValue = true;
        int distinct = 0;
        for (int k = 0; k < figures.Count; k++)
        {
            long w = figures[k].Count.Headline ?? 0;
            n++;
            max = Math.Max(max, w);
            min = Math.Min(min, w);
            if (w > v) rank++;
            if (k != index && w == v) { sameOthers++; if (k < index) firstOfValue = false; }
            bool seen = false;
            for (int j = 0; j < k && !seen; j++) seen = (figures[j].Count.Headline ?? 0) == w;
            if (!seen) distinct++;
        }
        x[f++] = n > 1 ? (float)rank / (n - 1) : 0;
        x[f++] = v == max ? 1 : 0;
        x[f++] = n > 1 && v == min ? 1 : 0;
        x[f++] = max > 0 ? (float)v / max : 0;
        x[f++] = n;
        x[f++] = distinct;
        x[f++] = sameOthers;
        x[f++] = firstOfValue ? 1 : 0;
        return f;
    }

    private static int SentenceCues(DocumentAnalysis a, CasualtyDraft c, Span<float> x, int f, out bool total)
    {
        var s = a.Sentences[Math.Min(c.Sentence, a.Sentences.Length - 1)];
        bool speech = false, background = false, perpetrator = false;
        total = false;
        for (int i = s.FirstToken; i < s.EndToken; i++)
        {
            speech |= a.Has(i, Cue.SpeechVerb);
            background |= a.Has(i, Cue.BackgroundCue);
            total |= a.Has(i, Cue.TotalCue);
            if (Math.Abs(i - c.CountToken) <= PerpetratorWindow) perpetrator |= a.Has(i, Cue.Perpetrator);
        }
        x[f++] = speech ? 1 : 0;
        x[f++] = background ? 1 : 0;
        x[f++] = perpetrator ? 1 : 0;
        x[f++] = a.Has(c.CountToken, Cue.ObjectPronoun) ? 1 : 0;
        return f;
    }

    private static bool DateDiffers(IReadOnlyList<CasualtyDraft> figures, CasualtyDraft c)
    {
        if (c.Date is null) return false;
        foreach (var o in figures)
            if (o != c && o.Date is not null && !MergeRules.DatesCompatible(o.Date, c.Date)) return true;
        return false;
    }

    private static int DistinctSentences(IReadOnlyList<CasualtyDraft> figures)
    {
        int n = 0, last = -1;
        foreach (var o in figures)
            if (o.Sentence != last) { n++; last = o.Sentence; }
        return n;
    }

    private static int Relations(IReadOnlyList<CasualtyDraft> figures, int index, long v, bool totalCue, Span<float> x, int f)
    {
        var c = figures[index];
        bool otherValue = false, subsetAfter = false, civilianSubset = false;
        CasualtyDraft? largest = null;
        long sumOthers = 0, sumSubsets = 0;
        int others = 0, subsets = 0;
        for (int k = 0; k < figures.Count; k++)
        {
            var o = figures[k];
            long w = o.Count.Headline ?? 0;
            if (largest is null || w > (largest.Count.Headline ?? 0)) largest = o;
            if (k == index) continue;
            if (o.Sentence == c.Sentence && !o.Subset && !c.Subset && w != v) otherValue = true;
            if (o.Sentence == c.Sentence && o.Subset && k > index && !c.Subset)
            {
                subsetAfter = true;
                civilianSubset |= o.Group is CasualtyGroup.Civilian or CasualtyGroup.Child;
                sumSubsets += w;
                subsets++;
            }
            if (!o.Subset) { sumOthers += w; others++; }
        }
        x[f++] = otherValue ? 1 : 0;
        x[f++] = largest is not null && largest != c && !SameLocation(largest.Location, c.Location) ? 1 : 0;
        x[f++] = subsetAfter ? 1 : 0;
        x[f++] = civilianSubset ? 1 : 0;
        x[f++] = c.Subset && c.Group is CasualtyGroup.Civilian or CasualtyGroup.Child ? 1 : 0;
        x[f++] = totalCue ? 1 : 0;
        x[f++] = others > 1 && sumOthers == v ? 1 : 0;
        x[f++] = subsets > 1 && sumSubsets == v ? 1 : 0;
        return f;
    }

    private static bool SameLocation(Location? a, Location? b) =>
        a is null && b is null || a is not null && b is not null && a.Name == b.Name && a.Admin1 == b.Admin1;

    private static bool KilledAndInjuredInSentence(IReadOnlyList<CasualtyDraft> all, CasualtyDraft c)
    {
        foreach (var o in all)
            if (o.Sentence == c.Sentence && o.Kind != c.Kind) return true;
        return false;
    }

    /// <summary>A year before the publication year in the figure's sentence ("the 1998 slaying", "in 2014").</summary>
    private static bool PastYearInSentence(DocumentAnalysis a, CasualtyDraft c)
    {
        if (a.PublishedAt is not { } pub) return false;
        var s = a.Sentences[Math.Min(c.Sentence, a.Sentences.Length - 1)];
        for (int i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = a.Word(i);
            if (w.Length == 4 && int.TryParse(w, out int year) && year is >= 1900 && year < pub.Year) return true;
        }
        return false;
    }

    /// <summary>A later figure of the kind is larger: a toll that rose, or an update.</summary>
    private static bool LaterLarger(IReadOnlyList<CasualtyDraft> figures, int index, long v)
    {
        for (int k = index + 1; k < figures.Count; k++)
            if (!figures[k].Subset && (figures[k].Count.Headline ?? 0) > v) return true;
        return false;
    }
}
