
namespace ConflictExtract.Training;

/// <summary>A command that rebuilds one file under models/ from raw data.</summary>
public interface ITrainingCommand
{
    /// <summary>The verb on the command line ("gazetteer", "weapons", "tagger").</summary>
    string Name { get; }

    /// <summary>One line of help.</summary>
    string Help { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(string[] args);
}

internal static class Program
{
    private static int Main(string[] args)
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ITrainingCommand).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => (ITrainingCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var cmd = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (cmd is null)
        {
            Console.Error.WriteLine("usage: dotnet run --project src/ConflictExtract.Training -c Release -- <command> [options]");
            foreach (var c in commands) Console.Error.WriteLine($"  {c.Name,-12} {c.Help}");
            return 2;
        }
        return cmd.Run(args[1..]);
    }
}
