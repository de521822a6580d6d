namespace ConflictExtract.Pipeline;

/// <summary>
/// A thread's working memory for one document of one pipeline: the <see cref="DocumentContext"/> and every stage's
/// <see cref="Scratch"/>. Rented for a document with <c>using var work = Workspace.Rent(pipeline)</c> and given back by
/// <see cref="Lease.Dispose"/>: when the document completed, every scratch is emptied and the workspace is kept for the
/// thread's next document, unless one of its parts grew past <see cref="KeepUpTo"/> (a huge document); after a fault it is
/// dropped, never reused half-way. A rent on a thread whose workspace is in use (a nested extraction) gets a new one.
/// </summary>
internal sealed class Workspace
{
    /// <summary>The size policy of all kept memory: a workspace with a part larger than this (items) is not kept.</summary>
    public const int KeepUpTo = 1 << 16;

    [ThreadStatic] private static Workspace? t_free;

    private readonly List<Scratch> _scratch = [];
    private bool _completed;

    private Workspace(ExtractionPipeline pipeline)
    {
        Pipeline = pipeline;
        Context = new DocumentContext(this);
    }

    /// <summary>The pipeline this memory serves.</summary>
    public ExtractionPipeline Pipeline { get; }

    /// <summary>The context of the document being extracted.</summary>
    public DocumentContext Context { get; }

    /// <summary>This thread's kept workspace for <paramref name="pipeline"/>, or a new one.</summary>
    public static Lease Rent(ExtractionPipeline pipeline)
    {
        var w = t_free;
        if (w is not null && ReferenceEquals(w.Pipeline, pipeline)) t_free = null;
        else w = new Workspace(pipeline);
        w._completed = false;
        return new Lease(w);
    }

    /// <summary>Marks the document as extracted: the workspace may be kept when given back.</summary>
    public void Complete() => _completed = true;

    /// <summary>The scratch of type <typeparamref name="T"/>, made on first use and kept with the workspace.</summary>
    public T Scratch<T>() where T : Scratch, new()
    {
        foreach (var s in _scratch)
            if (s is T t) return t;
        var made = new T();
        _scratch.Add(made);
        return made;
    }

    /// <summary>Empties every scratch but the analysis stages' (for running the record stages again over one analysis).</summary>
    internal void ClearRecordStages()
    {
        foreach (var s in _scratch)
            if (s is not Analysis.AnalysisScratch) s.Clear();
        Context.Result = null;
    }

    private void Return()
    {
        Context.Clear();
        if (!_completed) return;
        int largest = 0;
        foreach (var s in _scratch) largest = Math.Max(largest, s.Size);
        foreach (var s in _scratch) s.Clear();
        if (largest <= KeepUpTo) t_free = this;
    }

    /// <summary>A rented workspace; disposing it gives the workspace back.</summary>
    public readonly struct Lease(Workspace work) : IDisposable
    {
        public Workspace Work { get; } = work;

        public void Dispose() => Work.Return();
    }
}
