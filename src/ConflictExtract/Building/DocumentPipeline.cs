using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Building;

/// <summary>Runs the stages over one document. Holds only immutable models; thread-safe.</summary>
internal sealed class DocumentPipeline(ModelSet models)
{
    public ModelSet Models { get; } = models;

    public ExtractionResult Run(string text, ExtractionOptions options)
    {
        var analysis = new DocumentAnalysis(text, [], [], options.PublishedAt, [], [], [], [], []);
        return RecordBuilder.Build(analysis, options, _ => null);
    }
}
