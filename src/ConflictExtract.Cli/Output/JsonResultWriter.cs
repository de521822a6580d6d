using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// <c>--format json</c> (one array) and <c>--format jsonl</c> (one document per line), compact or, for json with
/// <c>--pretty</c>, indented by two spaces. An error record (<c>--errors inline</c>) takes the place of the document:
/// <c>{"schemaVersion":1,"documentId":"x","error":{"kind":"bad-json","message":"..."}}</c>.
/// </summary>
internal sealed class JsonResultWriter(Stream output, bool lines, bool pretty) : ResultWriter(output)
{
    internal static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    internal static readonly JsonWriterOptions PrettyOptions = new() { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private bool _first = true;

    public override bool WantsJson => true;

    /// <summary>Whether the documents are written indented (the extracting thread serializes them so).</summary>
    public bool Pretty => pretty;

    public override void Begin()
    {
        if (!lines) Output.WriteByte((byte)'[');
    }

    public override void WriteResult(Processed document) => WriteObject(document.Json!);

    public override void WriteError(Processed document)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, pretty ? PrettyOptions : CompactOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            if (document.Item.DocumentId is { } id) w.WriteString("documentId", id); else w.WriteNull("documentId");
            w.WriteStartObject("error");
            w.WriteString("kind", document.Error!.Kind);
            w.WriteString("message", document.Error.Message);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        WriteObject(buffer.ToArray());
    }

    private void WriteObject(byte[] json)
    {
        if (lines)
        {
            Output.Write(json);
            Output.WriteByte((byte)'\n');
            return;
        }
        if (!_first) Output.WriteByte((byte)',');
        _first = false;
        if (!pretty)
        {
            Output.Write(json);
            return;
        }
        // Nest the indented document one level into the array. JSON strings hold no raw line breaks, so every '\n'
        // in the bytes is the writer's own.
        Output.Write("\n  "u8);
        int start = 0;
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\n') continue;
            Output.Write(json, start, i + 1 - start);
            Output.Write("  "u8);
            start = i + 1;
        }
        Output.Write(json, start, json.Length - start);
    }

    public override void End()
    {
        if (lines) return;
        if (pretty && !_first) Output.WriteByte((byte)'\n');
        Output.Write("]\n"u8);
    }
}
