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

    public string Help => "[DIR=tests/Specs/English] [--file NAME] [--failures|--unexpected]: score the golden specs, print the measures table";

    public int Run(string[] args)
    {
        string? dir = null;
        string? file = null;
        bool failures = false, unexpected = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--failures": failures = true; break;
                case "--unexpected": unexpected = true; break;
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
        Console.WriteLine($"specs: {dir}{(file is null ? "" : " (" + file + ")")}");
        Console.WriteLine(SpecReport.Table(outcomes));
        int broken = outcomes.Count(o => o.Passed == (o.Case.Pending is not null));
        if (broken > 0) Console.WriteLine($"{broken} case(s) disagree with their pending mark (failing without one, or passing with one)");
        return broken > 0 ? 1 : 0;
    }
}
