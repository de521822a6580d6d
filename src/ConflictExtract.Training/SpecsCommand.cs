using ConflictExtract.Specs;

namespace ConflictExtract.Training;

/// <summary>
/// Runs the golden specs (tests/Specs/English/*.json) through the extractor and prints the measures table:
/// cases, passing and pending per file, strike and casualty precision/recall/F1, slot accuracies and summary
/// exact match. The scoring is the test project's (the same source files, compiled into both).
/// </summary>
public sealed class SpecsCommand : ITrainingCommand
{
    public string Name => "specs";

    public string Help => "[DIR=tests/Specs/English] [--file NAME] [--failures|--unexpected] [--unpend]: score the golden specs, print the measures table; --unpend removes the pending mark of every case that passes now (never adds one)";

    public int Run(string[] args)
    {
        string? dir = null;
        string? file = null;
        bool failures = false, unexpected = false, unpend = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--failures": failures = true; break;
                case "--unexpected": unexpected = true; break;
                case "--unpend": unpend = true; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && dir is null: dir = a; break;
                default:
                    Console.Error.WriteLine($"specs: unknown argument '{args[i]}'\n  {Help}");
                    return 2;
            }
        }
        dir ??= "tests/Specs/English";
        IReadOnlyList<SpecCase> cases;
        try
        {
            cases = SpecLoader.LoadDirectory(dir);
        }
        catch (SpecFormatException e)
        {
            Console.Error.WriteLine("specs: " + e.Message);
            return 1;
        }
        if (file is not null) cases = cases.Where(c => string.Equals(c.Area, file, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cases.Count == 0)
        {
            Console.Error.WriteLine($"specs: no cases under {dir}");
            return 1;
        }

        var extractor = ConflictExtractor.Default;
        var outcomes = cases.Select(c => SpecScorer.Run(extractor, c)).ToList();
        foreach (var o in outcomes)
        {
            bool wrong = o.Passed == (o.Case.Pending is not null);
            if (o.Passed && o.Case.Pending is not null && (failures || unexpected))
                Console.WriteLine($"spec {o.Case.Area}/{o.Case.Id} passes now: remove its pending mark ('{o.Case.Pending}')\n");
            else if (!o.Passed && (failures || (unexpected && wrong)))
                Console.WriteLine(o.Describe());
        }
        if (unpend)
        {
            int removed = Unpend(dir, outcomes.Where(o => o.Passed && o.Case.Pending is not null).Select(o => (o.Case.Area, o.Case.Id)));
            Console.WriteLine($"specs: removed {removed} pending mark(s) of cases that pass now");
            return 0;
        }
        Console.WriteLine($"specs: {dir}{(file is null ? "" : " (" + file + ")")}");
        Console.WriteLine(SpecReport.Table(outcomes));
        int broken = outcomes.Count(o => o.Passed == (o.Case.Pending is not null));
        if (broken > 0) Console.WriteLine($"{broken} case(s) disagree with their pending mark (failing without one, or passing with one)");
        return broken > 0 ? 1 : 0;
    }

    /// <summary>
    /// Removes the <c>"pending"</c> line of each given case from its file, keeping every other byte: the case's object is
    /// found by its <c>"id"</c> line and its pending line is the first one after it before the next case.
    /// </summary>
    private static int Unpend(string dir, IEnumerable<(string Area, string Id)> cases)
    {
        int removed = 0;
        foreach (var group in cases.GroupBy(c => c.Area))
        {
            string path = Path.Combine(dir, group.Key + ".json");
            var lines = File.ReadAllLines(path).ToList();
            foreach (var (_, id) in group)
            {
                int at = lines.FindIndex(l => l.Trim().StartsWith($"\"id\": \"{id}\"", StringComparison.Ordinal));
                for (int k = at + 1; at >= 0 && k < lines.Count && !lines[k].Trim().StartsWith("\"id\":", StringComparison.Ordinal); k++)
                {
                    if (!lines[k].Trim().StartsWith("\"pending\":", StringComparison.Ordinal)) continue;
                    lines.RemoveAt(k);
                    removed++;
                    break;
                }
            }
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }
        return removed;
    }
}
