using System.Text.Json;

namespace ConflictExtract.Building;

/// <summary>
/// The summary's learned decision, read from <c>models/casualties/model.json</c>: a boosted tree ensemble (or a linear
/// model) trained by the <c>casualties</c> training command with Microsoft.ML, scored here without it. A figure is part of
/// the document's total when its score is above zero (the trainers' own decision threshold). Immutable and thread-safe.
/// </summary>
internal sealed class CountModel
{
    /// <summary>The format tag a model file must carry.</summary>
    public const string Format = "conflictextract-casualty-model/1";

    private const string ResourceName = "ConflictExtract.Models.casualties.model.json";

    private static readonly Lazy<CountModel?> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Tree[] _trees;
    private readonly float[] _weights;
    private readonly float _bias;

    private CountModel(string kind, Tree[] trees, float[] weights, float bias)
    {
        Kind = kind;
        _trees = trees;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The model embedded in the package, or null when the package carries none (the rules then decide).</summary>
    public static CountModel? Default => Embedded.Value;

    /// <summary>"trees" or "linear".</summary>
    public string Kind { get; }

    /// <summary>One regression tree: node i tests feature[i] ≤ threshold[i]; a negative child ~k is leaf k.</summary>
    private sealed record Tree(float Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaf);

    /// <summary>The raw score of a feature vector (above zero: the figure counts).</summary>
    public float Score(ReadOnlySpan<float> x)
    {
        float s = _bias;
        if (_trees.Length == 0)
        {
            for (int i = 0; i < _weights.Length; i++) s += _weights[i] * x[i];
            return s;
        }
        foreach (var t in _trees)
        {
            int node = t.Feature.Length == 0 ? ~0 : 0; // a tree of one leaf has no node
            while (node >= 0) node = x[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node];
            s += t.Weight * t.Leaf[~node];
        }
        return s;
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a casualty model of this format, or its features are not <see cref="CasualtyFeatures.Names"/>.</exception>
    public static CountModel Load(Stream stream)
    {
        try
        {
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format) throw new InvalidDataException($"not a {Format} file");
            var names = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToArray();
            if (!names.SequenceEqual(CasualtyFeatures.Names))
                throw new InvalidDataException("the model was trained on other features than the library computes: train it again");
            string kind = root.GetProperty("kind").GetString() ?? "";
            float bias = root.GetProperty("bias").GetSingle();
            if (kind == "linear")
                return new CountModel(kind, [], Floats(root.GetProperty("weights")), bias);
            if (kind != "trees") throw new InvalidDataException($"unknown model kind \"{kind}\"");
            var trees = root.GetProperty("trees").EnumerateArray().Select(t => Checked(new Tree(t.GetProperty("weight").GetSingle(),
                Ints(t.GetProperty("feature")), Floats(t.GetProperty("threshold")), Ints(t.GetProperty("left")), Ints(t.GetProperty("right")),
                Floats(t.GetProperty("leaf"))), names.Length)).ToArray();
            return new CountModel(kind, trees, [], bias);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("malformed casualty model: " + e.Message, e);
        }
    }

    /// <summary>A tree whose every index is in range and whose every path ends in a leaf (no loop: children come after their node).</summary>
    private static Tree Checked(Tree t, int featureCount)
    {
        int nodes = t.Feature.Length;
        if (t.Threshold.Length != nodes || t.Left.Length != nodes || t.Right.Length != nodes) throw new InvalidDataException("tree arrays differ in length");
        for (int i = 0; i < nodes; i++)
        {
            if ((uint)t.Feature[i] >= (uint)featureCount) throw new InvalidDataException("tree feature out of range");
            foreach (int child in (ReadOnlySpan<int>)[t.Left[i], t.Right[i]])
                if (child >= 0 ? child <= i || child >= nodes : ~child >= t.Leaf.Length) throw new InvalidDataException("tree child out of range");
        }
        if (nodes == 0 && t.Leaf.Length == 0) throw new InvalidDataException("empty tree");
        return t;
    }

    private static float[] Floats(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetSingle())];

    private static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];

    private static CountModel? LoadEmbedded()
    {
        var asm = typeof(CountModel).Assembly;
        string? name = Array.Find(asm.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == ResourceName);
        if (name is null) return null;
        using var s = asm.GetManifestResourceStream(name)!;
        return Load(s);
    }
}
