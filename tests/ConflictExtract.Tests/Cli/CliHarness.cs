using System.Text;
using System.Text.Json;
using ConflictExtract.Cli;

namespace ConflictExtract.Tests.Cli;

/// <summary>Runs the tool in this process over in-memory streams.</summary>
internal static class CliHarness
{
    public sealed record Result(int Code, string Out, string Err);

    public static Result Run(string[] args, string stdin = "", bool terminal = false)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var help = new StringWriter();
        int code = CliApp.Run(args, new CliConsole
        {
            OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            Stdout = stdout,
            Stderr = stderr,
            HelpOut = help,
            StderrIsTerminal = terminal,
        });
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()) + help, stderr.ToString());
    }

    public static string Line(object? id, string? text, string? pub = "2024-03-20")
    {
        var d = new Dictionary<string, object?> { ["id"] = id, ["text"] = text, ["publishedAt"] = pub };
        return JsonSerializer.Serialize(d);
    }

    public static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
