using System.CommandLine;
using System.Globalization;

namespace ConflictExtract.Cli;

/// <summary>The command-line tool: argument parsing and I/O only (see the contract in shared/contract/cli.md).</summary>
public static class CliApp
{
    /// <summary>Exit code when every document was processed.</summary>
    public const int Ok = 0;
    /// <summary>Exit code when some document could not be read or processed; the others were written.</summary>
    public const int SomeFailed = 1;
    /// <summary>Exit code for a usage error.</summary>
    public const int Usage = 2;

    /// <summary>Runs the tool with the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("INPUT") { Arity = ArgumentArity.ZeroOrMore, Description = ".txt file (one document), .jsonl file (one document per line), or - for standard input" };
        var published = new Option<string?>("--published") { Description = "Publication date YYYY-MM-DD for .txt inputs and .jsonl lines without publishedAt" };
        var format = new Option<string>("--format") { Description = "json (one array) or jsonl (one document per line)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "Write here (atomically) instead of standard output" };
        var stats = new Option<bool>("--stats") { Description = "Print documents, words, seconds, words per second and peak memory to standard error" };
        var threads = new Option<int>("--threads") { Description = "Documents processed at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var extract = new Command("extract", "Extract strike, casualty and weapon records from news text");
        extract.Arguments.Add(inputs);
        extract.Options.Add(published);
        extract.Options.Add(format);
        extract.Options.Add(output);
        extract.Options.Add(stats);
        extract.Options.Add(threads);
        var root = new RootCommand("ConflictExtract: typed, source-grounded records from English conflict news");
        root.Subcommands.Add(extract);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"conflict-extract: {e.Message}");
            stderr.WriteLine("usage: conflict-extract extract [INPUT ...] [--published YYYY-MM-DD] [--format json|jsonl] [--output PATH] [--stats]");
            return Usage;
        }
        if (parse.CommandResult.Command != extract)
        {
            // --help / --version, or no command.
            if (args.Length == 0)
            {
                stderr.WriteLine("usage: conflict-extract extract [INPUT ...] [--published YYYY-MM-DD] [--format json|jsonl] [--output PATH] [--stats]");
                return Usage;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        var files = parse.GetValue(inputs) ?? [];
        if (files.Length == 0)
        {
            stderr.WriteLine("conflict-extract: give at least one INPUT (a .txt or .jsonl file, or - for standard input)");
            return Usage;
        }
        DateOnly? pub = null;
        string? pubText = parse.GetValue(published);
        if (pubText is not null)
        {
            if (!DateOnly.TryParseExact(pubText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                stderr.WriteLine($"conflict-extract: --published '{pubText}' is not a date of the form YYYY-MM-DD");
                return Usage;
            }
            pub = d;
        }
        int dop = parse.GetValue(threads);
        if (dop <= 0)
        {
            stderr.WriteLine("conflict-extract: --threads must be positive");
            return Usage;
        }
        var job = new ExtractJob(files, pub, parse.GetValue(format) == "jsonl", parse.GetValue(output), parse.GetValue(stats), dop, stdin, stdout, stderr);
        return job.Run();
    }
}
