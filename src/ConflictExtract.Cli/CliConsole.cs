using System.Runtime.InteropServices;
using System.Text;

namespace ConflictExtract.Cli;

/// <summary>The streams a run of the tool uses. <see cref="ForProcess"/> gives the real ones.</summary>
public sealed partial class CliConsole
{
    /// <summary>Opens standard input as bytes; null when standard input is closed (read as empty).</summary>
    public Func<Stream>? OpenStdin { get; init; }

    /// <summary>Standard output as bytes; null when it is closed.</summary>
    public Stream? Stdout { get; init; }

    /// <summary>Standard error (diagnostics, progress, --stats).</summary>
    public required TextWriter Stderr { get; init; }

    /// <summary>Standard output for --help text.</summary>
    public TextWriter? HelpOut { get; init; }

    /// <summary>Whether standard error is a terminal (progress is then shown unless --quiet).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>The streams of this process. A standard stream that was closed when the process started (<c>&lt;&amp;-</c>,
    /// <c>1&gt;&amp;-</c>) is reported as null: the runtime may since have reused its descriptor for a file of its own,
    /// which then carries the close-on-exec flag that an inherited descriptor never has.</summary>
    public static CliConsole ForProcess()
    {
        bool stdinOpen = InheritedOpen(0), stdoutOpen = InheritedOpen(1);
        Stream? stdout = null;
        if (stdoutOpen)
        {
            // write(2) on descriptor 1 (see DescriptorStream for why neither FileStream nor Console's stream).
            stdout = OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new Output.DescriptorStream(1);
        }
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return new CliConsole
        {
            OpenStdin = stdinOpen ? Console.OpenStandardInput : null,
            Stdout = stdout,
            Stderr = TextWriter.Synchronized(stderr),
            HelpOut = Console.Out,
            StderrIsTerminal = !Console.IsErrorRedirected,
        };
    }

    /// <summary>Whether descriptor <paramref name="fd"/> was open when the process started.</summary>
    private static bool InheritedOpen(int fd)
    {
        if (OperatingSystem.IsWindows()) return true;
        int flags = Fcntl(fd, 1 /* F_GETFD */);
        if (flags < 0) return false;           // closed
        return (flags & 1 /* FD_CLOEXEC */) == 0; // opened by this process since: the inherited one was closed
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd);
}
