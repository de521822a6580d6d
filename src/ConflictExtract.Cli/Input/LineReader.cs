using System.Buffers;

namespace ConflictExtract.Cli.Input;

/// <summary>
/// Reads a byte stream line by line (lines end in <c>\n</c>, a <c>\r</c> before it is dropped) and never holds more than
/// <c>maxLineBytes</c> of one line: a longer line is read through to its end and reported by its length only, so that a
/// line of any size costs the same memory as a short one.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _chunkStart, _chunkEnd;
    private byte[] _line = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _lineLength;
    private bool _eof;
    private bool _first = true;

    public LineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = Math.Max(1, maxLineBytes);
    }

    /// <summary>Bytes consumed from the stream so far (line ends included).</summary>
    public long Position { get; private set; }

    /// <summary>The line just read, without its line end (valid until the next call).</summary>
    public ReadOnlySpan<byte> Line => _line.AsSpan(0, _lineLength);

    /// <summary>
    /// Reads the next line. Returns false at the end of the stream. <paramref name="tooLongBytes"/> is the length of a
    /// line longer than the limit (whose bytes were skipped, <see cref="Line"/> is then empty), else 0.
    /// </summary>
    public bool Next(out long tooLongBytes)
    {
        tooLongBytes = 0;
        _lineLength = 0;
        long length = 0;
        bool any = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_eof || !Fill())
                {
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            var available = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            int nl = available.IndexOf((byte)'\n');
            var part = nl >= 0 ? available[..nl] : available;
            Append(part, ref length);
            _chunkStart += nl >= 0 ? nl + 1 : part.Length;
            Position += nl >= 0 ? nl + 1 : part.Length;
            if (nl >= 0) break;
        }
        if (length > _maxLineBytes)
        {
            tooLongBytes = length;
            _lineLength = 0;
            return true;
        }
        if (_lineLength > 0 && _line[_lineLength - 1] == (byte)'\r') _lineLength--;
        if (_first)
        {
            _first = false;
            if (Line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _line.AsSpan(3, _lineLength - 3).CopyTo(_line);
                _lineLength -= 3;
            }
        }
        return true;
    }

    private void Append(ReadOnlySpan<byte> part, ref long length)
    {
        length += part.Length;
        if (length > _maxLineBytes) return; // too long: count it, keep nothing more
        if (_lineLength + part.Length > _line.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)_line.Length * 2, _lineLength + part.Length), Math.Max(_maxLineBytes, _lineLength + part.Length)));
            _line.AsSpan(0, _lineLength).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_line);
            _line = bigger;
        }
        part.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += part.Length;
    }

    private bool Fill()
    {
        int n = _stream.Read(_chunk, 0, _chunk.Length);
        if (n <= 0) { _eof = true; return false; }
        _chunkStart = 0;
        _chunkEnd = n;
        return true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
        if (_line.Length > 0) ArrayPool<byte>.Shared.Return(_line);
        _chunk = [];
        _line = [];
    }
}
