using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictExtract.Records;

namespace ConflictExtract.Serialization;

/// <summary>Writes enums as the contract's strings: "at-least", "ballistic-missile", "civilian-infrastructure"; entity types stay upper case.</summary>
internal sealed class ContractEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = BuildNames();
    private static readonly JsonEncodedText[] Encoded = Array.ConvertAll(Names, n => JsonEncodedText.Encode(n));

    private static string[] BuildNames()
    {
        var names = new string[Values.Length];
        for (int i = 0; i < Values.Length; i++)
        {
            string n = Values[i].ToString();
            names[i] = typeof(T) == typeof(EntityType) ? n : Kebab(n);
        }
        return names;
    }

    internal static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The contract string of <paramref name="value"/>.</summary>
    public static string NameOf(T value) => Names[Array.IndexOf(Values, value)];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? s = reader.GetString();
        int i = Array.IndexOf(Names, s);
        if (i < 0) throw new JsonException($"'{s}' is not a valid {typeof(T).Name}.");
        return Values[i];
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        int i = Array.IndexOf(Values, value);
        writer.WriteStringValue(Encoded[i]);
    }
}

/// <summary>Source-generated serializer metadata for the contract's records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [
        typeof(ContractEnumConverter<QuantityQualifier>), typeof(ContractEnumConverter<DatePrecision>),
        typeof(ContractEnumConverter<PlaceKind>), typeof(ContractEnumConverter<CasualtyKind>),
        typeof(ContractEnumConverter<CasualtyGroup>), typeof(ContractEnumConverter<WeaponCategory>),
        typeof(ContractEnumConverter<TargetCategory>), typeof(ContractEnumConverter<EntityType>)])]
[JsonSerializable(typeof(ExtractionResult))]
[JsonSerializable(typeof(InputDocument))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>One line of a JSONL input: <c>{"id": "...", "text": "...", "publishedAt": "YYYY-MM-DD"}</c>.</summary>
internal sealed record InputDocument(string? Id, string? Text, string? PublishedAt);

/// <summary>Serializes extraction results to the JSON contract (schema version 1).</summary>
public static class ExtractionJson
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one document object.</summary>
    public static void Write(Utf8JsonWriter writer, ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(writer, result, ContractJsonContext.Default.ExtractionResult);
    }

    /// <summary>The document as one line of JSON.</summary>
    public static string Serialize(ExtractionResult result, bool indented = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Compact with { Indented = indented }))
            Write(w, result);
        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    /// <summary>Reads a document written by <see cref="Serialize"/>.</summary>
    public static ExtractionResult? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ContractJsonContext.Default.ExtractionResult);
}
