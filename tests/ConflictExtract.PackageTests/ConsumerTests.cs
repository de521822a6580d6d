using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ConflictExtract.PackageTests;

/// <summary>Packs the packages once for the tests of this class (into a temporary folder).</summary>
public sealed class PackedPackages : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("ce-consumer-").FullName;
    public string Feed => Path.Combine(Root, "feed");
    public string Repo { get; } = FindRepo();
    public string Log { get; }

    public PackedPackages()
    {
        Directory.CreateDirectory(Feed);
        var log = new StringBuilder();
        foreach (var project in new[] { "src/ConflictExtract", "src/ConflictExtract.Extensions.DependencyInjection", "src/ConflictExtract.Cli" })
        {
            var (code, output) = Shell.Run(Repo, "dotnet", "pack", project, "-c", "Release", "-o", Feed, "-nologo");
            log.AppendLine(output);
            if (code != 0) throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
        }
        Log = log.ToString();
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ConflictExtract.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (ConflictExtract.sln) was not found");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}

internal static class Shell
{
    public static (int Code, string Output) Run(string workingDirectory, string file, params string[] args) => Run(workingDirectory, null, file, args);

    public static (int Code, string Output) Run(string workingDirectory, IDictionary<string, string>? env, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The consumer is not built inside this repository's build: no MSBuild settings of ours leak into it.
        psi.Environment.Remove("MSBuildExtensionsPath");
        psi.Environment.Remove("MSBUILD_EXE_PATH");
        psi.Environment.Remove("MSBuildSDKsPath");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) { p.Kill(true); return (-1, "timed out\n" + stdout.Result + stderr.Result); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

public partial class ConsumerTests(PackedPackages packed, ITestOutputHelper output) : IClassFixture<PackedPackages>
{
    private string ReadmePath => Path.Combine(packed.Repo, "docs", "packages", "ConflictExtract.md");

    private static string Block(string markdown, string language, string? after = null)
    {
        int from = after is null ? 0 : markdown.IndexOf(after, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{after}' is in the README");
        var m = new Regex("```" + language + "\\n(.*?)```", RegexOptions.Singleline).Match(markdown, from);
        Assert.True(m.Success, $"a ```{language} block follows '{after}'");
        return m.Groups[1].Value;
    }

    [Fact]
    public void TheReadmesQuickStartRestoresBuildsWithWarningsAsErrorsAndRuns()
    {
        string readme = File.ReadAllText(ReadmePath);
        string app = Path.Combine(packed.Root, "App");
        // A fresh package cache, so that nothing already cached (vswhere above all) hides a missing step.
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packed.Root, "nuget-cache") };

        var (code, log) = Shell.Run(packed.Root, env, "dotnet", "new", "console", "--framework", "net10.0", "--no-restore", "-n", "App", "-o", app);
        Assert.True(code == 0, log);
        // The README's nuget.config, and its folder `packages` holding the placeholder vswhere (and, before publication,
        // our packages).
        File.WriteAllText(Path.Combine(app, "nuget.config"), Block(readme, "xml", "## Install"));
        string folder = Path.Combine(app, "packages");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(packed.Repo, "eng", "feed", "vswhere.2.8.4.nupkg"), Path.Combine(folder, "vswhere.2.8.4.nupkg"));
        foreach (var nupkg in Directory.GetFiles(packed.Feed, "ConflictExtract.0.1.0.nupkg"))
            File.Copy(nupkg, Path.Combine(folder, Path.GetFileName(nupkg)));

        // The README's install line, as written.
        string install = Block(readme, "sh", "## Install").Trim();
        Assert.Equal("dotnet add package ConflictExtract --version 0.1.0", install);
        (code, log) = Shell.Run(app, env, "dotnet", install.Split(' ')[1..]);
        output.WriteLine(log);
        Assert.True(code == 0, log);
        Assert.DoesNotContain("NU1603", log);
        Assert.DoesNotContain("warn", log, StringComparison.OrdinalIgnoreCase);

        File.WriteAllText(Path.Combine(app, "Program.cs"), Block(readme, "csharp", "## Quick start"));
        (code, log) = Shell.Run(app, env, "dotnet", "build", "-c", "Release", "-warnaserror", "-nologo");
        output.WriteLine(log);
        Assert.True(code == 0, log);
        Assert.Matches("\\b0 Warning\\(s\\)", log);
        Assert.DoesNotContain("NU1603", log);

        (code, log) = Shell.Run(app, env, "dotnet", "run", "-c", "Release", "--no-build");
        output.WriteLine(log);
        Assert.True(code == 0, log);
        Assert.Contains("Kharkiv (Kharkiv Oblast) attacker=RU", log);
        Assert.Contains("killed: 3, injured: 12", log);
        Assert.Contains("{\"schemaVersion\":1,", log);
        Assert.EndsWith("a1", log.TrimEnd());
    }

    [Fact]
    public void TheLibraryPackageCarriesItsOwnReadmeTheContractAndTheNotice()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Feed, "ConflictExtract.0.1.0.nupkg"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", names);
        Assert.Contains("docs/extraction-json.md", names);
        Assert.Contains("NOTICE.txt", names);
        string readme = new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.Equal(File.ReadAllText(ReadmePath), readme);
        Assert.DoesNotMatch("(?i)shared/|scripts/|benchmark|\\.ci/", readme);
        string nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<projectUrl>", nuspec);
        Assert.Contains("<releaseNotes>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        // Recognizers' NuGet.CommandLine 5.11.5 is not served everywhere: the package pins a served version, or a
        // consumer gets NU1603.
        Assert.Matches("<dependency id=\"NuGet.CommandLine\" version=\"6\\.", nuspec);
    }

    [Fact]
    public void TheToolInstallsWithTheReadmesLineAndRuns()
    {
        string readme = File.ReadAllText(Path.Combine(packed.Repo, "src", "ConflictExtract.Cli", "README.md"));
        string line = Block(readme, "sh").Split('\n')[0].Trim();
        Assert.Equal("dotnet tool install --global ConflictExtract.Cli --version 0.1.0", line);
        string tools = Path.Combine(packed.Root, "tools");
        // The same line with a tool path instead of --global (no change to the machine) and the local folder as source.
        var args = line.Split(' ')[1..].Select(a => a == "--global" ? "--tool-path" : a).ToList();
        args.Insert(args.IndexOf("--tool-path") + 1, tools);
        args.AddRange(["--add-source", packed.Feed]);
        var (code, log) = Shell.Run(packed.Root, "dotnet", [.. args]);
        output.WriteLine(log);
        Assert.True(code == 0, log);
        string sample = Path.Combine(packed.Root, "report.txt");
        File.WriteAllText(sample, "Russian missiles struck Kharkiv on Tuesday, killing three people.");
        (code, log) = Shell.Run(packed.Root, Path.Combine(tools, "conflict-extract"), "extract", sample, "--format", "csv", "--published", "2024-02-09");
        Assert.True(code == 0, log);
        Assert.StartsWith("event_id,event_date,", log);
        Assert.Contains("report:s1,2024-02-06,", log);

        using var zip = ZipFile.OpenRead(Path.Combine(packed.Feed, "ConflictExtract.Cli.0.1.0.nupkg"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var f in new[] { "README.md", "NOTICE.txt", "LICENSE", "docs/cli.md", "docs/extraction-json.md" })
            Assert.Contains(f, names);
    }

    [Fact]
    public void TheRepositoryReadmeShowsTheTestedQuickStart()
    {
        string repoReadme = File.ReadAllText(Path.Combine(packed.Repo, "README.md"));
        string package = File.ReadAllText(ReadmePath);
        Assert.Equal(Block(package, "csharp", "## Quick start"), Block(repoReadme, "csharp", "## Quick start"));
    }
}
