using System.Runtime.InteropServices;
using ConflictExtract.Cli;
using ConflictExtract.Cli.Output;

// SIGTERM and Ctrl-C (SIGINT): remove the temporary output file of a run in progress, then end as the signal would.
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

return CliApp.Run(args, CliConsole.ForProcess());

static void Stop(PosixSignalContext context)
{
    OutputTarget.AbortAll();
    context.Cancel = true;
    int signal = context.Signal switch { PosixSignal.SIGINT => 2, PosixSignal.SIGHUP => 1, _ => 15 };
    Environment.Exit(128 + signal);
}
