using System.CommandLine;
using System.Text;
using ConflictExtract.Cli.Input;
using ConflictExtract.Cli.Progress;

namespace ConflictExtract.Cli;

/// <summary>The command-line tool: argument parsing and I/O only (docs/cli.md describes it).</summary>
public static class CliApp
{
    /// <summary>Exit code when every document was processed.</summary>
    public const int Ok = 0;
    /// <summary>Exit code when some document could not be read or processed; the others were written.</summary>
    public const int SomeFailed = 1;
    /// <summary>Exit code for a usage error (nothing was done).</summary>
    public const int Usage = 2;
    /// <summary>Exit code when the output could not be written (a full disk, a closed standard output).</summary>
    public const int OutputFailed = 3;

    /// <summary>The usage line printed with a usage error.</summary>
    public const string UsageLine =
        "usage: conflict-extract extract [INPUT ...] [--input-format auto|txt|jsonl] [--published YYYY-MM-DD]\n" +
        "                                [--format json|jsonl|csv|geojson|html] [--pretty] [--output PATH]\n" +
        "                                [--errors report|inline] [--threads N] [--progress | --quiet] [--stats]";

    /// <summary>Runs the tool over in-memory streams (tests, embedding); returns the exit code.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        return Run(args, new CliConsole
        {
            OpenStdin = () => new MemoryStream(new UTF8Encoding(false).GetBytes(stdin.ReadToEnd())),
            Stdout = new TextWriterStream(stdout),
            HelpOut = stdout,
            Stderr = stderr,
        });
    }

    /// <summary>Runs the tool with the given streams; returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var stderr = console.Stderr;
        int cores = Environment.ProcessorCount;

        var inputs = new Argument<string[]>("INPUT") { Arity = ArgumentArity.ZeroOrMore, Description = ".txt file (one document), .jsonl file (one document per line), or - for standard input" };
        var inputFormat = new Option<string>("--input-format") { Description = "How to read the inputs: auto (.jsonl files as JSONL, anything else and standard input as one text document), txt, or jsonl", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong("auto", "txt", "jsonl");
        var published = new Option<string?>("--published") { Description = "Publication date YYYY-MM-DD (years 1800 to 2200) for text inputs and JSONL lines without publishedAt" };
        var format = new Option<string>("--format") { Description = "json (one array), jsonl (one document per line), csv (one row per strike, ACLED's columns), geojson (strikes and launch sites), html (a review page)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "geojson", "html");
        var pretty = new Option<bool>("--pretty") { Description = "Indent json and geojson output" };
        var output = new Option<string?>("--output", "-o") { Description = "Write here (atomically: a temporary file renamed on success) instead of standard output" };
        var errors = new Option<string>("--errors") { Description = "report: a document that cannot be read is reported on standard error (exit code 1); inline: also written into json/jsonl output as an error record in its place (exit code 0)", DefaultValueFactory = _ => "report" };
        errors.AcceptOnlyFromAmong("report", "inline");
        var threads = new Option<int>("--threads") { Description = $"Threads to extract on (default: all {cores} cores). Capped at the core count, and at the number of documents for text inputs: more threads than that only wait", DefaultValueFactory = _ => cores };
        var progress = new Option<bool>("--progress") { Description = "Show progress on standard error even when it is not a terminal (a line a second)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no closing summary (errors are still reported)" };
        var stats = new Option<bool>("--stats") { Description = "Print documents, words, seconds, words per second, peak memory and GC figures to standard error" };
        var extract = new Command("extract", "Extract strike, casualty and weapon records from news text");
        extract.Arguments.Add(inputs);
        foreach (var o in new Option[] { inputFormat, published, format, pretty, output, errors, threads, progress, quiet, stats })
            extract.Options.Add(o);
        var root = new RootCommand("ConflictExtract: typed, source-grounded records from English conflict news");
        root.Subcommands.Add(extract);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
            return UsageError(stderr, parse.Errors.Select(e => e.Message));
        // --help (of the tool or of extract) and --version: the only actions; extract itself is run below.
        if (parse.Action is not null)
            return parse.Invoke(new InvocationConfiguration { Output = console.HelpOut ?? TextWriter.Null, Error = stderr });
        if (parse.CommandResult.Command != extract)
            return UsageError(stderr, args.Length == 0 ? [] : ["give a command: extract"]);

        var files = parse.GetValue(inputs) ?? [];
        // A token that looks like an option but is none is a mistake, not a file name (./-name reaches a file so named;
        // so does anything after `--`).
        int endOfOptions = Array.IndexOf(args, "--");
        var afterDashes = endOfOptions < 0 ? [] : new HashSet<string>(args[(endOfOptions + 1)..]);
        foreach (var f in files)
        {
            if (f.Length > 1 && f[0] == '-' && !afterDashes.Contains(f))
                return UsageError(stderr, [$"unknown option '{f}'"]);
        }
        if (files.Length == 0)
            return UsageError(stderr, ["give at least one INPUT (a .txt or .jsonl file, or - for standard input)"]);

        DateOnly? pub = null;
        if (parse.GetValue(published) is { } pubText)
        {
            if (!InputReader.TryParseDate(pubText, out var d, out string? why))
                return UsageError(stderr, [$"--published '{pubText}': {why}"]);
            pub = d;
        }
        var fmt = parse.GetValue(format) switch
        {
            "jsonl" => OutputFormat.Jsonl,
            "csv" => OutputFormat.Csv,
            "geojson" => OutputFormat.GeoJson,
            "html" => OutputFormat.Html,
            _ => OutputFormat.Json,
        };
        bool isPretty = parse.GetValue(pretty);
        if (isPretty && fmt is not (OutputFormat.Json or OutputFormat.GeoJson))
            return UsageError(stderr, ["--pretty applies to --format json and geojson (jsonl is one document per line)"]);
        var errorMode = parse.GetValue(errors) == "inline" ? ErrorMode.Inline : ErrorMode.Report;
        if (errorMode == ErrorMode.Inline && fmt is not (OutputFormat.Json or OutputFormat.Jsonl))
            return UsageError(stderr, ["--errors inline applies to --format json and jsonl"]);
        int dop = parse.GetValue(threads);
        if (dop <= 0)
            return UsageError(stderr, ["--threads must be positive"]);
        var inFormat = parse.GetValue(inputFormat) switch { "txt" => InputFormat.Txt, "jsonl" => InputFormat.Jsonl, _ => InputFormat.Auto };
        // More threads than cores only contend, and more than documents only wait: cap at both when the count is known.
        dop = Math.Min(dop, cores);
        if (!files.Any(f => InputReader.IsJsonl(f, inFormat))) dop = Math.Min(dop, files.Length);
        dop = Math.Max(1, dop);

        bool showProgress = parse.GetValue(progress), isQuiet = parse.GetValue(quiet);
        if (showProgress && isQuiet)
            return UsageError(stderr, ["--progress and --quiet exclude each other"]);
        var mode = isQuiet ? ProgressMode.None
            : console.StderrIsTerminal ? ProgressMode.Bar
            : showProgress ? ProgressMode.Lines
            : ProgressMode.None;

        string? outPath = parse.GetValue(output);
        if (outPath is not null && Output.OutputTarget.Check(outPath) is { } why2)
            return UsageError(stderr, [$"--output {outPath}: {why2}"]);

        var settings = new ExtractSettings(files, inFormat, pub, fmt, isPretty, outPath, parse.GetValue(stats), dop, errorMode, mode);
        return new ExtractJob(settings, console).Run();
    }

    private static int UsageError(TextWriter stderr, IEnumerable<string> messages)
    {
        foreach (var m in messages) stderr.WriteLine($"conflict-extract: {m}");
        stderr.WriteLine(UsageLine);
        return Usage;
    }
}
