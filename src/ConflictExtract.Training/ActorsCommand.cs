using System.Globalization;
using System.Text;
using ConflictExtract.Lexicon;
using ConflictExtract.Text;

namespace ConflictExtract.Training;

/// <summary>
/// Checks models/actors/actors.tsv (hand-kept; the library embeds it as is): the table's rules, ISO codes, and that every
/// name, alias, adjective, state name and context alias is found as its actor by <see cref="ActorCatalogue.Find"/> in a
/// sentence of its own. Prints a summary; exits 1 on any problem. There is nothing to build.
/// </summary>
public sealed class ActorsCommand : ITrainingCommand
{
    public string Name => "actors";

    public string Help => "[--source models/actors/actors.tsv] [--list]: check the actor catalogue, print its summary (--list: every key and its form)";

    public int Run(string[] args)
    {
        string source = "models/actors/actors.tsv";
        bool list = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length: source = args[++i]; break;
                case "--list": list = true; break;
                default:
                    Console.Error.WriteLine($"actors: unknown argument '{args[i]}'\n  {Help}");
                    return 2;
            }
        }
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"actors: {source} not found");
            return 1;
        }

        var errors = new List<string>();
        List<ActorCatalogue.Row> rows;
        using (var reader = new StreamReader(source, Encoding.UTF8))
            rows = ActorCatalogue.Parse(reader, errors);
        foreach (var row in rows)
        {
            var e = row.Entry;
            if (e.Country is { } c && !IsIsoRegion(c)) errors.Add($"line {row.Line}: {e.Name}: '{c}' is not an ISO 3166-1 alpha-2 code");
            foreach (var ctx in e.ContextAliases)
                if (!IsIsoRegion(ctx.Perspective)) errors.Add($"line {row.Line}: {e.Name}: perspective '{ctx.Perspective}' is not an ISO 3166-1 alpha-2 code");
        }
        foreach (var row in rows)
        {
            // Spellings that differ only in case, spaces, hyphens or apostrophes are one key: the later one adds nothing.
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in row.Entry.Aliases.Concat(row.Entry.Adjectives).Concat(row.Entry.StateNames).Prepend(row.Entry.Name))
            {
                string k = LexiconKey.Of(p);
                if (!keys.TryAdd(k, p)) Console.WriteLine($"note: line {row.Line}: {row.Entry.Name}: '{p}' is the same key as '{keys[k]}'");
            }
        }
        foreach (var e in errors) Console.Error.WriteLine("error: " + e);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"actors: {errors.Count} error(s) in {source}");
            return 1;
        }

        ActorCatalogue catalogue;
        using (var fs = File.OpenRead(source)) catalogue = ActorCatalogue.Load(fs);

        int state = 0, nonState = 0, noCountry = 0, aliases = 0, adjectives = 0, stateNames = 0, context = 0, ambiguous = 0;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var acronyms = new List<string>();
        foreach (var row in rows)
        {
            var e = row.Entry;
            if (e.Kind == ActorKind.State) state++;
            else nonState++;
            if (e.Country is null) noCountry++;
            else countries.Add(e.Country);
            aliases += e.Aliases.Count;
            adjectives += e.Adjectives.Count;
            stateNames += e.StateNames.Count;
            context += e.ContextAliases.Count;
            ambiguous += e.AmbiguousAliases.Count;
            foreach (var p in row.Phrases)
                if (p.Form != ActorCatalogue.KeyForm.Adjective && IsShortAcronym(p.Text)) acronyms.Add(p.Text);
        }
        Console.WriteLine($"{source}: {catalogue.Count} actors ({state} state, {nonState} non-state), {countries.Count} countries, {noCountry} with no country");
        Console.WriteLine($"  {aliases} aliases, {adjectives} adjectives, {stateNames} state names, {context} context readings, {catalogue.KeyCount} distinct keys");
        Console.WriteLine($"  {ambiguous} ambiguous aliases (need a head noun or a cue): {string.Join(", ", rows.SelectMany(r => r.Entry.AmbiguousAliases))}");
        Console.WriteLine($"  {acronyms.Count} capitals-only acronyms: {string.Join(", ", acronyms)}");

        int checkedPhrases = 0, failures = 0;
        foreach (var row in rows)
        {
            foreach (var p in row.Phrases)
            {
                checkedPhrases++;
                string sentence = Frame(p, row.Entry);
                if (!FindsItself(catalogue, sentence, p.Text, row.Entry, null, out string got))
                {
                    failures++;
                    Console.Error.WriteLine($"error: line {row.Line}: '{p.Text}' ({p.Form}) is not found as {row.Entry.Name} in \"{sentence}\": {got}");
                }
                if (list) Console.WriteLine($"  {row.Entry.Name,-40} {p.Form,-10} {p.Text}");
            }
            foreach (var ctx in row.Context)
            {
                checkedPhrases++;
                string sentence = $"{ctx.Phrase} attacked the town.";
                if (!FindsItself(catalogue, sentence, ctx.Phrase, row.Entry, ctx.Perspective, out string got))
                {
                    failures++;
                    Console.Error.WriteLine($"error: line {row.Line}: context '{ctx.Phrase}' ({ctx.Perspective}) is not found as {row.Entry.Name}: {got}");
                }
                if (list) Console.WriteLine($"  {row.Entry.Name,-40} {"Context",-10} {ctx.Perspective}:{ctx.Phrase}");
            }
        }
        Console.WriteLine($"self-test: {checkedPhrases} phrases, each in a sentence of its own: {checkedPhrases - failures} found as their actor, {failures} not");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>A sentence in which the phrase must name its actor: an adjective gets a head noun, an ambiguous alias a cue.</summary>
    private static string Frame(ActorCatalogue.Phrase p, ActorEntry e) => p.Form switch
    {
        ActorCatalogue.KeyForm.Adjective => $"{p.Text} forces attacked the town.",
        _ when p.Ambiguous => $"{p.Text} attacked the town near {e.Cues[0]}.",
        _ => $"{p.Text} attacked the town.",
    };

    private static bool FindsItself(ActorCatalogue catalogue, string sentence, string phrase, ActorEntry entry, string? perspective, out string got)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var mentions = catalogue.Find(sentence, tokens);
        var sb = new StringBuilder();
        foreach (var m in mentions)
        {
            sb.Append($"[{sentence[m.Start..m.End]} -> {m.Actor.Name} {m.Form}] ");
            if (m.Start != 0 || m.End < phrase.Length) continue;
            var actor = perspective is null ? m.Actor : m.ResolveFor(perspective);
            if (ReferenceEquals(actor, entry) || actor?.Name == entry.Name)
            {
                got = sb.ToString();
                return true;
            }
        }
        got = sb.Length == 0 ? "no mention" : sb.ToString();
        return false;
    }

    private static bool IsShortAcronym(string s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters is > 0 and <= 3;
    }

    private static bool IsIsoRegion(string code)
    {
        try
        {
            var r = new RegionInfo(code);
            return string.Equals(r.TwoLetterISORegionName, code, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
