using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ConflictExtract.Cli.Input;

/// <summary>What went wrong with one input document. <see cref="Kind"/> is the stable name written in error records.</summary>
internal sealed record InputError(string Kind, string Message)
{
    public const string BadJson = "bad-json";
    public const string MissingText = "missing-text";
    public const string InvalidField = "invalid-field";
    public const string InvalidDate = "invalid-date";
    public const string TooLarge = "too-large";
    public const string Unreadable = "unreadable";
    public const string ExtractionFailed = "extraction-failed";
}

/// <summary>
/// Reads one JSONL line, <c>{"id": ..., "text": "...", "publishedAt": "YYYY-MM-DD"}</c>, with <see cref="Utf8JsonReader"/>
/// for the grammar and our own unescaping of strings, so that:
/// <list type="bullet">
/// <item>an <c>id</c> may be a string or a number (a number keeps its JSON spelling: <c>42</c> → "42");</item>
/// <item>a lone surrogate escape (<c>"\ud800"</c>, valid JSON grammar, written by Python's json module) is read as U+FFFD,
/// as are bytes that are not UTF-8, so the text the extractor sees (and every evidence span) is the text written out;</item>
/// <item>unknown fields are ignored; messages never name our types.</item>
/// </list>
/// </summary>
internal static class JsonlDocument
{
    public static (string? Id, string? Text, string? PublishedAt, InputError? Error) Parse(ReadOnlySpan<byte> line)
    {
        string? id = null, text = null, published = null;
        bool sawText = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // Read the rest so a grammar error wins over "not an object".
                while (reader.Read()) { }
                return (null, null, null, new InputError(InputError.BadJson, "bad JSON: a line must be one JSON object"));
            }
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject) break;
                // PropertyName
                string name = reader.ValueTextEquals("id"u8) ? "id" : reader.ValueTextEquals("text"u8) ? "text" : reader.ValueTextEquals("publishedAt"u8) ? "publishedAt" : "";
                reader.Read();
                switch (name)
                {
                    case "id":
                        id = reader.TokenType switch
                        {
                            JsonTokenType.String => ReadString(ref reader),
                            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                            JsonTokenType.Null => null,
                            _ => throw new FieldException("\"id\" must be a string or a number"),
                        };
                        break;
                    case "text":
                        sawText = true;
                        text = reader.TokenType switch
                        {
                            JsonTokenType.String => ReadString(ref reader),
                            JsonTokenType.Null => null,
                            _ => throw new FieldException("\"text\" must be a string"),
                        };
                        break;
                    case "publishedAt":
                        published = reader.TokenType switch
                        {
                            JsonTokenType.String => ReadString(ref reader),
                            JsonTokenType.Null => null,
                            _ => throw new FieldException("\"publishedAt\" must be a string YYYY-MM-DD or null"),
                        };
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            // Anything after the object (a second value) is a grammar error.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            return (null, null, null, new InputError(InputError.BadJson, "bad JSON: " + e.Message));
        }
        catch (FieldException e)
        {
            return (id, null, null, new InputError(InputError.InvalidField, e.Message));
        }
        if (text is null)
            return (id, null, published, new InputError(InputError.MissingText, sawText ? "\"text\" is null" : "missing \"text\""));
        return (id, text, published, null);
    }

    private sealed class FieldException(string message) : Exception(message);

    private static string ReadString(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw); // invalid UTF-8 becomes U+FFFD
    }

    /// <summary>JSON string unescaping with lone surrogates (and invalid UTF-8) replaced by U+FFFD.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        char[]? rented = null;
        Span<char> buffer = raw.Length <= 512 ? stackalloc char[raw.Length] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        int n = 0;
        int i = 0;
        while (i < raw.Length)
        {
            int bs = raw[i..].IndexOf((byte)'\\');
            var plain = bs < 0 ? raw[i..] : raw.Slice(i, bs);
            if (!plain.IsEmpty) n += Encoding.UTF8.GetChars(plain, buffer[n..]);
            if (bs < 0) break;
            i += bs + 1;
            byte e = raw[i++];
            switch (e)
            {
                case (byte)'"': buffer[n++] = '"'; break;
                case (byte)'\\': buffer[n++] = '\\'; break;
                case (byte)'/': buffer[n++] = '/'; break;
                case (byte)'b': buffer[n++] = '\b'; break;
                case (byte)'f': buffer[n++] = '\f'; break;
                case (byte)'n': buffer[n++] = '\n'; break;
                case (byte)'r': buffer[n++] = '\r'; break;
                case (byte)'t': buffer[n++] = '\t'; break;
                case (byte)'u':
                    char c = Hex4(raw.Slice(i, 4));
                    i += 4;
                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u' && char.IsLowSurrogate(Hex4(raw.Slice(i + 2, 4))))
                        {
                            buffer[n++] = c;
                            buffer[n++] = Hex4(raw.Slice(i + 2, 4));
                            i += 6;
                        }
                        else buffer[n++] = '\uFFFD';
                    }
                    else if (char.IsLowSurrogate(c)) buffer[n++] = '\uFFFD';
                    else buffer[n++] = c;
                    break;
                default:
                    throw new InvalidOperationException("the JSON reader accepted an escape it should have refused");
            }
        }
        string s = new(buffer[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return s;
    }

    private static char Hex4(ReadOnlySpan<byte> hex)
    {
        int v = 0;
        foreach (byte b in hex) v = (v << 4) + (b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10); // digits checked by the reader
        return (char)v;
    }
}
