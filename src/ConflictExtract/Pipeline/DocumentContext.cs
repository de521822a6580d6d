using ConflictExtract.Analysis;
using ConflictExtract.Building;
using ConflictExtract.Records;

namespace ConflictExtract.Pipeline;

/// <summary>
/// What the stages of one extraction share: the input, the analysis stages' memory and then the read-only analysis, the
/// sentence frames, the record drafts and finally the result. One per workspace, reused document after document.
/// </summary>
internal sealed class DocumentContext
{
    private readonly Workspace _workspace;
    private DocumentAnalysis? _analysis;

    public DocumentContext(Workspace workspace) => _workspace = workspace;

    /// <summary>The pipeline being run, with its models and shared lookups.</summary>
    public ExtractionPipeline Pipeline => _workspace.Pipeline;

    public string Text { get; private set; } = "";
    public ExtractionOptions Options { get; private set; }
    /// <summary>The call's state: its cancellation token, the date fallback's budget, the diagnostics reported.</summary>
    public ExtractionRun Run { get; private set; } = Idle;

    /// <summary>The run of a context between documents (never reported to: no stage runs then).</summary>
    private static readonly ExtractionRun Idle = ExtractionRun.Default(0);

    /// <summary>The caller's cancellation token.</summary>
    public CancellationToken Cancellation => Run.Cancellation;

    /// <summary>The analysis stages' memory (tokens, hits), filled in stage order.</summary>
    public AnalysisScratch Work => _workspace.Scratch<AnalysisScratch>();

    /// <summary>The read-only analysis, made by the seal stage; record stages read it.</summary>
    public DocumentAnalysis Analysis => _analysis ?? throw new InvalidOperationException("the analysis is sealed by its stage before record stages run");

    /// <summary>Each sentence's frame: attribution cut, agents, scene places, date (the frame stage's output).</summary>
    public SentenceFrames Frames => _workspace.Scratch<SentenceFrames>();

    /// <summary>Each sentence's scene: places struck and fired from, date, whether it reports an event (the scene stage's output).</summary>
    public SentenceScenes Scenes => _workspace.Scratch<SentenceScenes>();

    /// <summary>The record drafts: weapons, strikes, casualties, launch sites.</summary>
    public RecordDrafts Records => _workspace.Scratch<RecordDrafts>();

    /// <summary>The result, set by the emit stage.</summary>
    public ExtractionResult? Result { get; set; }

    /// <summary>A stage's own per-document memory, emptied after the document.</summary>
    public T Scratch<T>() where T : Scratch, new() => _workspace.Scratch<T>();

    public void Begin(string text, ExtractionOptions options, ExtractionRun run)
    {
        Text = text;
        Options = options;
        Run = run;
    }

    /// <summary>Seals the analysis of what the analysis stages left in <see cref="Work"/>.</summary>
    public void Seal() => _analysis = new DocumentAnalysis(Text, Options.PublishedAt, Work);

    /// <summary>Lets go of the document: its analysis is refused from now on.</summary>
    public void Clear()
    {
        _analysis?.Release();
        _analysis = null;
        Text = "";
        Options = default;
        Run = Idle;
        Result = null;
    }
}
