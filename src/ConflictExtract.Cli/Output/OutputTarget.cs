using System.Globalization;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// <c>--output PATH</c>, written atomically: into a temporary file beside the target (<c>.NAME.PID.RANDOM.tmp</c>, so
/// that the rename stays on one file system), renamed over the target only when the run completes. The temporary file
/// is held with an exclusive lock while it is written (FileShare.None, an advisory lock on Unix), so that a later run
/// can tell a stale one, left by a run that was killed, from one being written: it removes those it can lock. On SIGTERM
/// or Ctrl-C, <see cref="AbortAll"/> removes the files of the runs in progress before the process ends.
/// </summary>
internal sealed partial class OutputTarget : IDisposable
{
    private static readonly object Gate = new();
    private static readonly List<OutputTarget> Active = [];

    private readonly string _target;
    private readonly string _temp;
    private FileStream? _stream;
    private bool _done;
    private bool _direct;

    private OutputTarget(string target, string temp, FileStream stream)
    {
        _target = target;
        _temp = temp;
        _stream = stream;
    }

    public Stream Stream => _stream!;

    /// <summary>Checks the target before any work; returns the reason it cannot be written, or null.</summary>
    public static string? Check(string path)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return e.Message; }
        if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(full)) return "it is a directory";
        string? dir = Path.GetDirectoryName(full);
        if (dir is not null && File.Exists(dir)) return $"{dir} is a file, not a directory";
        return null;
    }

    /// <summary>Removes stale temporary files of earlier runs for the same target; returns how many.</summary>
    public static int RemoveStale(string target)
    {
        string full = Path.GetFullPath(target);
        string? dir = Path.GetDirectoryName(full);
        if (dir is null || !Directory.Exists(dir)) return 0;
        int removed = 0;
        string[] candidates;
        try { candidates = Directory.GetFiles(dir, "." + Path.GetFileName(full) + ".*.tmp"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        foreach (var file in candidates)
        {
            try
            {
                // A run in progress holds its file locked: opening it so fails. A file nobody holds is stale.
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return removed;
    }

    /// <summary>
    /// Creates the temporary file (and the target's directory). A target that exists and is no regular file (<c>/dev/null</c>,
    /// a named pipe, a terminal) is written directly: renaming a file over it would replace the device.
    /// </summary>
    public static OutputTarget Create(string target)
    {
        string full = Path.GetFullPath(target);
        if (File.Exists(full) && !IsRegularFile(full))
        {
            var direct = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            return new OutputTarget(full, "", direct) { _direct = true };
        }
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture,
            $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Random.Shared.Next():x8}.tmp"));
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var t = new OutputTarget(full, temp, stream);
        lock (Gate) Active.Add(t);
        return t;
    }

    /// <summary>Flushes, closes and renames the temporary file over the target. Throws on an I/O error (the temporary
    /// file is then removed by <see cref="Dispose"/>).</summary>
    public void Commit()
    {
        lock (Gate)
        {
            if (_done) throw new OperationCanceledException("the run was stopped");
            _stream!.Flush(flushToDisk: false);
            _stream.Dispose();
            _stream = null;
            if (!_direct) File.Move(_temp, _target, overwrite: true);
            _done = true;
            Active.Remove(this);
        }
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            Abort(closeStream: true);
            Active.Remove(this);
        }
    }

    private void Abort(bool closeStream)
    {
        if (_done) return;
        _done = true;
        if (_direct)
        {
            if (closeStream) { try { _stream?.Dispose(); } catch (IOException) { } _stream = null; }
            return;
        }
        if (closeStream)
        {
            try { _stream?.Dispose(); } catch (IOException) { } // a full disk fails the final flush too
            _stream = null;
        }
        try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Removes every temporary file being written (a signal stops the process). The streams stay open, as the writing
    /// thread may be inside a write: on Unix the file is unlinked and its writes go nowhere until the process ends.
    /// </summary>
    public static void AbortAll()
    {
        lock (Gate)
        {
            foreach (var t in Active) t.Abort(closeStream: false);
            Active.Clear();
        }
    }

    /// <summary>Whether <paramref name="path"/> is a regular file (stat's S_IFREG), as far as this platform tells.</summary>
    private static unsafe bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        int modeOffset = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => 24,   // struct stat: dev, ino, nlink, then mode
            System.Runtime.InteropServices.Architecture.Arm64 => 16, // dev, ino, then mode
            _ => -1,
        };
        if (modeOffset >= 0 && OperatingSystem.IsLinux())
        {
            byte* buffer = stackalloc byte[512];
            try
            {
                if (Stat(path, buffer) == 0) return (*(uint*)(buffer + modeOffset) & 0xF000) == 0x8000;
            }
            catch (EntryPointNotFoundException) { } // glibc before 2.33 exports only __xstat
        }
        return !path.StartsWith("/dev/", StringComparison.Ordinal) && !path.StartsWith("/proc/", StringComparison.Ordinal);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "stat", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* buffer);
}
