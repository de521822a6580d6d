using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConflictExtract.Tests.Cli;

/// <summary>
/// Runs the built tool as a separate process (for what only a process shows: signals, exit codes, closed descriptors,
/// memory limits). CE_TEST_CLI_DLL points the tests at another build of the tool, to check that a test fails on it.
/// </summary>
internal static class CliProcess
{
    public static string Dll
    {
        get
        {
            string dll = Environment.GetEnvironmentVariable("CE_TEST_CLI_DLL") ?? Path.Combine(AppContext.BaseDirectory, "conflict-extract.dll");
            Assert.True(File.Exists(dll), dll);
            return dll;
        }
    }

    public sealed record Result(int Code, string Out, string Err, bool TimedOut);

    /// <summary>Runs <c>dotnet conflict-extract.dll ARGS</c>; a non-null <paramref name="shell"/> runs it through
    /// <c>bash -c</c> with that text after the command (redirections such as <c>&lt;&amp;-</c>).</summary>
    public static Result Run(string[] args, string? stdin = null, string? shell = null, IDictionary<string, string>? env = null,
        string? workingDirectory = null, int timeoutSeconds = 120, bool wrap = false)
    {
        ProcessStartInfo psi;
        if (shell is null)
        {
            psi = new ProcessStartInfo("dotnet");
            psi.ArgumentList.Add(Dll);
            foreach (var a in args) psi.ArgumentList.Add(a);
        }
        else
        {
            psi = new ProcessStartInfo("bash");
            psi.ArgumentList.Add("-c");
            // wrap: "(dotnet ... SHELL", so that SHELL can close the group and redirect it whole.
            psi.ArgumentList.Add((wrap ? "(dotnet " : "exec dotnet ") + Quote(Dll) + " " + string.Join(' ', args.Select(Quote)) + " " + shell);
        }
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = stdin is not null;
        psi.UseShellExecute = false;
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        bool exited = p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds));
        if (!exited) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return new Result(exited ? p.ExitCode : -1, stdout.Result, stderr.Result, !exited);
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    public static void Signal(Process p, int signal) => Assert.Equal(0, SysKill(p.Id, signal));
}
