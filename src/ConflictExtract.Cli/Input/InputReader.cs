using System.Globalization;
using System.Text;

namespace ConflictExtract.Cli.Input;

/// <summary>How an input is read.</summary>
internal enum InputFormat
{
    /// <summary>By extension: <c>.jsonl</c> is JSONL, anything else one text document; standard input is text.</summary>
    Auto,
    /// <summary>The whole input is one document.</summary>
    Txt,
    /// <summary>One JSON document per line.</summary>
    Jsonl,
}

/// <summary>A document read from an input, or the error that stopped it being read, with where it came from.</summary>
/// <param name="Document">The document, or null when it could not be read.</param>
/// <param name="Location">Where it is, for messages: a path, <c>-</c>, or <c>path:line</c>.</param>
/// <param name="DocumentId">Its id when known (also for an error record).</param>
/// <param name="Error">Why it could not be read, or null.</param>
/// <param name="InputIndex">Which input it came from.</param>
/// <param name="Position">Bytes of that input read up to the end of this document (for progress).</param>
internal sealed record Item(DocumentInput? Document, string Location, string? DocumentId, InputError? Error, int InputIndex, long Position);

/// <summary>
/// Reads the inputs in order. Memory is bounded per document: text beyond the document limit is counted, not kept, and
/// a JSONL line that cannot hold a document within the limit is skipped while it is read. Every document is validated
/// here (text present, within the limit, dates in the library's range), so that the extractor is never handed one it
/// would refuse.
/// </summary>
internal sealed class InputReader(IReadOnlyList<string> inputs, InputFormat format, DateOnly? published, int maxTextLength, Func<Stream> openStdin)
{
    /// <summary>Bytes a JSON string may take per UTF-16 code unit at most (<c>\uXXXX</c>).</summary>
    private const int MaxJsonBytesPerChar = 6;

    /// <summary>Room for the other fields of a line (id, publishedAt, unknown fields) beyond the text's longest form.</summary>
    private const int LineOverhead = 1 << 16;

    /// <summary>The longest JSONL line that can hold a document within the limit; longer ones are skipped unread.</summary>
    public long MaxLineBytes => (long)MaxJsonBytesPerChar * maxTextLength + LineOverhead;

    public static bool IsJsonl(string input, InputFormat format) => format switch
    {
        InputFormat.Jsonl => true,
        InputFormat.Txt => false,
        _ => input != "-" && input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase),
    };

    public IEnumerable<Item> ReadAll()
    {
        for (int index = 0; index < inputs.Count; index++)
        {
            string input = inputs[index];
            if (IsJsonl(input, format))
            {
                foreach (var item in ReadJsonl(input, index)) yield return item;
            }
            else yield return ReadText(input, index);
        }
    }

    private Stream Open(string input) => input == "-"
        ? openStdin()
        : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private Item ReadText(string input, int index)
    {
        string id = input == "-" ? "stdin" : Path.GetFileNameWithoutExtension(input);
        Stream stream;
        try { stream = Open(input); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new Item(null, input, id, new InputError(InputError.Unreadable, $"cannot read: {e.Message}"), index, 0);
        }
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
            var text = new StringBuilder();
            var buffer = new char[1 << 15];
            long total = 0;
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += n;
                if (total <= maxTextLength) text.Append(buffer, 0, n);
                else text.Clear(); // too large: count the rest, keep nothing
            }
            long position = stream.CanSeek ? stream.Position : 0;
            if (total > maxTextLength)
                return new Item(null, input, id, TooLarge(total), index, position);
            return new Item(new DocumentInput(id, text.ToString(), published), input, id, null, index, position);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new Item(null, input, id, new InputError(InputError.Unreadable, $"cannot read: {e.Message}"), index, 0);
        }
    }

    private InputError TooLarge(long length) => new(InputError.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"the document has {length:N0} characters; the limit is {maxTextLength:N0}"));

    private IEnumerable<Item> ReadJsonl(string input, int index)
    {
        LineReader? lines = null;
        InputError? openError = null;
        try { lines = new LineReader(Open(input), MaxLineBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            openError = new InputError(InputError.Unreadable, $"cannot read: {e.Message}");
        }
        if (lines is null)
        {
            yield return new Item(null, input, null, openError, index, 0);
            yield break;
        }
        using (lines)
        {
            int lineNo = 0;
            while (true)
            {
                bool more;
                long tooLong;
                InputError? readError = null;
                try { more = lines.Next(out tooLong); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    more = false;
                    tooLong = 0;
                    readError = new InputError(InputError.Unreadable, $"cannot read: {e.Message}");
                }
                if (readError is not null)
                {
                    yield return new Item(null, $"{input}:{lineNo + 1}", null, readError, index, lines.Position);
                    yield break;
                }
                if (!more) yield break;
                lineNo++;
                string location = $"{input}:{lineNo}";
                if (tooLong > 0)
                {
                    yield return new Item(null, location, null, new InputError(InputError.TooLarge, string.Create(CultureInfo.InvariantCulture,
                        $"the line has {tooLong:N0} bytes, more than a document within the limit of {maxTextLength:N0} characters can take; skipped unread")), index, lines.Position);
                    continue;
                }
                if (IsBlank(lines.Line)) continue;
                yield return ParseLine(lines.Line, location, index, lines.Position);
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    private Item ParseLine(ReadOnlySpan<byte> line, string location, int index, long position)
    {
        var (id, text, pubText, error) = JsonlDocument.Parse(line);
        if (error is not null) return new Item(null, location, id, error, index, position);
        if (text!.Length > maxTextLength) return new Item(null, location, id, TooLarge(text.Length), index, position);
        DateOnly? pub = published;
        if (pubText is not null)
        {
            if (!TryParseDate(pubText, out var d, out string? why))
                return new Item(null, location, id, new InputError(InputError.InvalidDate, $"invalid publishedAt '{pubText}': {why}"), index, position);
            pub = d;
        }
        return new Item(new DocumentInput(id, text, pub), location, id, null, index, position);
    }

    /// <summary>Parses YYYY-MM-DD and checks it against the library's own range for <c>PublishedAt</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? why)
    {
        why = null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            why = "expected a date YYYY-MM-DD";
            return false;
        }
        try
        {
            new ExtractionOptions { PublishedAt = date }.Validate();
            return true;
        }
        catch (ArgumentOutOfRangeException e)
        {
            string m = e.Message;
            int cut = m.IndexOf(" (Parameter", StringComparison.Ordinal);
            why = (cut >= 0 ? m[..cut] : m).TrimEnd('.');
            return false;
        }
    }
}
