using ConflictExtract.Analysis;
using ConflictExtract.Building;
using ConflictExtract.Languages;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Pipeline;

/// <summary>
/// Builds an <see cref="ExtractionPipeline"/>: the default stages in order (<see cref="UseDefaultStages"/>), then any
/// replaced, inserted or removed by name. Mutable and single-threaded; the pipeline it builds is immutable.
/// </summary>
internal sealed class ExtractionPipelineBuilder(ModelSet models)
{
    private readonly List<IStage> _stages = [];

    public ModelSet Models { get; } = models;

    /// <summary>The language the stages read (English unless set).</summary>
    public LanguagePack Language { get; set; } = LanguagePack.English;

    /// <summary>The stages so far, in order.</summary>
    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The analysis stages, then the record stages.</summary>
    public ExtractionPipelineBuilder UseDefaultStages()
    {
        _stages.AddRange([
            new TokenizeStage(), new CueStage(), new PlaceStage(), new WeaponSystemStage(), new GenericWeaponStage(),
            new TagStage(), new ValueStage(), new VariantSpellingPass(), new UnlistedWeaponPass(), new SealStage(),
            new FrameStage(), new WeaponRecordStage(), new CasualtyStage(), new SceneStage(), new StrikeStage(), new LinkStage(),
            new MergeStage(), new SummaryStage(), new EmitStage(),
        ]);
        return this;
    }

    /// <summary>Adds <paramref name="stage"/> at the end.</summary>
    public ExtractionPipelineBuilder Use(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Replaces the stage named <paramref name="name"/>.</summary>
    public ExtractionPipelineBuilder Replace(string name, IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages[IndexOf(name)] = stage;
        return this;
    }

    /// <summary>Inserts <paramref name="stage"/> before the stage named <paramref name="name"/>.</summary>
    public ExtractionPipelineBuilder InsertBefore(string name, IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Insert(IndexOf(name), stage);
        return this;
    }

    /// <summary>Removes the stage named <paramref name="name"/>.</summary>
    public ExtractionPipelineBuilder Remove(string name)
    {
        _stages.RemoveAt(IndexOf(name));
        return this;
    }

    private int IndexOf(string name)
    {
        int i = _stages.FindIndex(s => s.Name == name);
        return i >= 0 ? i : throw new ArgumentException($"no stage is named \"{name}\"", nameof(name));
    }

    public ExtractionPipeline Build() => new(Models, Language, [.. _stages]);

    /// <summary>The default pipeline over <paramref name="models"/>.</summary>
    public static ExtractionPipeline Default(ModelSet models) => new ExtractionPipelineBuilder(models).UseDefaultStages().Build();
}
