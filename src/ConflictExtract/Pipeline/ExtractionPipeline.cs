using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConflictExtract.Analysis;
using ConflictExtract.Languages;
using ConflictExtract.Lexicon;
using ConflictExtract.Records;

namespace ConflictExtract.Pipeline;

/// <summary>
/// An ordered list of <see cref="IStage"/>s over one set of models and one language, made by an
/// <see cref="ExtractionPipelineBuilder"/>. Immutable after construction and safe to share between threads: per-document
/// memory is the calling thread's <see cref="Workspace"/>, and the caches here (weapon facts, regions by name, the
/// transliteration index) are filled once and read concurrently.
/// </summary>
internal sealed class ExtractionPipeline
{
    private readonly ConcurrentDictionary<WeaponEntry, WeaponInfo> _weaponInfo = new();
    private readonly ConcurrentDictionary<string, Location?> _regions = new(StringComparer.Ordinal);
    private readonly Lazy<TransliterationIndex> _variants;

    internal ExtractionPipeline(ModelSet models, LanguagePack language, ImmutableArray<IStage> stages)
    {
        Models = models;
        Language = language;
        Stages = stages;
        _variants = new(() => new TransliterationIndex(models.Gazetteer), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ModelSet Models { get; }
    public LanguagePack Language { get; }
    public ImmutableArray<IStage> Stages { get; }

    /// <summary>The transliteration fallback's index of the gazetteer, built at first need.</summary>
    public TransliterationIndex Variants => _variants.Value;

    /// <summary>Builds now what is otherwise built at first need (the transliteration index).</summary>
    public void LoadLazyModels() => _ = _variants.Value;

    /// <summary>Runs every stage over one document on the calling thread, with the call's state (no cancellation, default budgets).</summary>
    public ExtractionResult Run(string text, ExtractionOptions options) => Run(text, options, new ExtractionRun(CancellationToken.None, options, text.Length));

    /// <summary>Runs every stage over one document on the calling thread.</summary>
    /// <exception cref="OperationCanceledException">The run's token was cancelled; checked between stages and inside long loops.</exception>
    public ExtractionResult Run(string text, ExtractionOptions options, ExtractionRun run)
    {
        using var lease = Workspace.Rent(this);
        var doc = lease.Work.Context;
        doc.Begin(text, options, run);
        foreach (var stage in Stages)
        {
            run.ThrowIfCancelled();
            stage.Run(doc);
        }
        var result = doc.Result ?? throw new InvalidOperationException("the pipeline has no emit stage");
        lease.Work.Complete();
        return result;
    }

    /// <summary>
    /// Runs the analysis stages (up to and including the seal) on the calling thread and hands over the work memory that
    /// holds the analysis: for benchmarks and tests that look at one stage. Disposing the lease gives the memory back.
    /// </summary>
    internal AnalysisLease Analyze(string text, ExtractionOptions options)
    {
        var lease = Workspace.Rent(this);
        var doc = lease.Work.Context;
        doc.Begin(text, options, ExtractionRun.Default(text.Length));
        int i = 0;
        while (i < Stages.Length && Stages[i] is not Analysis.SealStage) Stages[i++].Run(doc);
        if (i < Stages.Length) Stages[i++].Run(doc);
        lease.Work.Complete();
        return new AnalysisLease(lease, i);
    }

    /// <summary>An analysed document's work memory, lent to a caller; the record stages can be run over it again and again.</summary>
    internal sealed class AnalysisLease(Workspace.Lease lease, int firstRecordStage) : IDisposable
    {
        public DocumentAnalysis Analysis => lease.Work.Context.Analysis;

        /// <summary>Runs the record stages over the analysis (their memory emptied first) and returns the result.</summary>
        public ExtractionResult BuildRecords()
        {
            var work = lease.Work;
            work.ClearRecordStages();
            var stages = work.Pipeline.Stages;
            for (int i = firstRecordStage; i < stages.Length; i++) stages[i].Run(work.Context);
            return work.Context.Result ?? throw new InvalidOperationException("the pipeline has no emit stage");
        }

        public void Dispose() => lease.Dispose();
    }

    /// <summary>The weapon facts the record stages read, one object per catalogue entry.</summary>
    public WeaponInfo InfoOf(WeaponEntry e) => _weaponInfo.GetOrAdd(e, static e => new WeaponInfo(e.Name, e.Category, e.Origin, e.MaxRangeKm));

    /// <summary>The first-level region named <paramref name="admin1"/> ("Kharkiv Oblast"), or null.</summary>
    public Location? RegionByName(string admin1) => _regions.GetOrAdd(admin1, static (n, models) =>
    {
        foreach (var p in models.Gazetteer.Lookup(n))
            if (p.Kind == PlaceKind.Region && p.Name == n) return p.ToLocation();
        return null;
    }, Models);
}
