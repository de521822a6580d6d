namespace ConflictExtract;

/// <summary>
/// The knowledge an extractor uses: gazetteer, weapon catalogue, tagger weights and recognizers.
/// Loaded once from the package's embedded resources; immutable and safe to share.
/// </summary>
public sealed class ModelSet
{
    private static readonly Lazy<ModelSet> DefaultSet = new(() => new ModelSet(), LazyThreadSafetyMode.ExecutionAndPublication);

    private ModelSet() { }

    /// <summary>The models embedded in the package.</summary>
    public static ModelSet Default => DefaultSet.Value;
}
