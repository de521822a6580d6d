using System.Runtime.InteropServices;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// A write-only stream over a Unix file descriptor (standard output) that calls write(2) itself. Not a FileStream: on a
/// descriptor that is a regular file, FileStream writes at its own cached offset (pwrite), which leaves the offset the
/// descriptor shares with the shell untouched, so that the next command writing to the same file (<c>{ tool; echo;
/// } &gt; out</c>) writes over our output. Not Console.OpenStandardOutput() either: its writes treat EPIPE as success,
/// so output cut off by a closed pipe would look complete. Errors are thrown as IOException whose HResult is errno.
/// </summary>
internal sealed partial class DescriptorStream(int fd) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            byte* p = start;
            nint left = buffer.Length;
            while (left > 0)
            {
                nint n = SysWrite(fd, p, left);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == 4 /* EINTR */) continue;
                    throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
                }
                p += n;
                left -= n;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SysWrite(int fd, byte* buffer, nint count);
}
