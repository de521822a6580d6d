namespace ConflictExtract.Pipeline;

/// <summary>
/// One step of an <see cref="ExtractionPipeline"/>. The analysis stages fill the document's <see cref="DocumentContext.Work"/>
/// (tokens, places, weapons, counts, dates, cue classes) until the seal stage makes the read-only
/// <see cref="DocumentContext.Analysis"/>; the record stages read that analysis and what the stages before them left in
/// the context (<see cref="DocumentContext.Frames"/>, <see cref="DocumentContext.Records"/>) and add their own drafts or
/// decisions. A new event type or a learned decision is a new or a replaced stage.
/// <para>
/// Stages are made once per pipeline and shared by every thread: they keep no per-document state. What they need per
/// document they rent from <see cref="DocumentContext.Scratch{T}"/>, which the thread's workspace empties after the document.
/// </para>
/// </summary>
internal interface IStage
{
    /// <summary>A short name ("casualties"), for diagnostics and for replacing the stage in a builder.</summary>
    string Name { get; }

    /// <summary>Runs the stage over one document.</summary>
    void Run(DocumentContext doc);
}
