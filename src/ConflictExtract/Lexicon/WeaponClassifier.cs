using ConflictExtract.Records;
using ConflictExtract.Text;

namespace ConflictExtract.Lexicon;

/// <summary>A generic weapon phrase ("ballistic missiles", "shelling") found in text, with its contract category.</summary>
/// <param name="Start">Start offset (UTF-16, inclusive).</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Category">The category the phrase implies.</param>
internal readonly record struct WeaponClassMention(int Start, int End, WeaponCategory Category);

/// <summary>
/// Maps generic weapon phrases to a contract category, for a strike's <c>weaponCategory</c> when no
/// catalogue system is named. A generic phrase is never a WeaponSystem.
/// </summary>
/// <remarks>
/// Choices: "air strike", "airstrike", "air raid", "warplane", "bomber", "helicopter", "barrel bomb" → aircraft
/// (the aircraft is the weapon that is known); "bomb", "aerial bomb", "guided bomb", "glide bomb" → guided-bomb
/// (in the wars covered most reported aerial bombs are guided: KAB/UMPK, JDAM, GBU-39); "car bomb",
/// "roadside bomb", "IED" → other; "drone", "UAV", "FPV", "kamikaze drone", "naval drone" → attack-drone;
/// "reconnaissance/surveillance drone" → recon-drone; "rockets", "MLRS" → rocket-artillery; "shelling",
/// "shells", "artillery", "mortar", "howitzer" → artillery; a bare "missile" has no category.
/// </remarks>
internal static class WeaponClassifier
{
    private static readonly (string Phrase, WeaponCategory Category)[] Table =
    [
        ("ballistic missile", WeaponCategory.BallisticMissile),
        ("short-range ballistic missile", WeaponCategory.BallisticMissile),
        ("medium-range ballistic missile", WeaponCategory.BallisticMissile),
        ("intercontinental ballistic missile", WeaponCategory.BallisticMissile),
        ("SRBM", WeaponCategory.BallisticMissile),
        ("MRBM", WeaponCategory.BallisticMissile),
        ("ICBM", WeaponCategory.BallisticMissile),
        ("cruise missile", WeaponCategory.CruiseMissile),
        ("hypersonic missile", WeaponCategory.HypersonicMissile),
        ("hypersonic ballistic missile", WeaponCategory.HypersonicMissile),
        ("anti-ship missile", WeaponCategory.AntiShipMissile),
        ("anti-ship cruise missile", WeaponCategory.AntiShipMissile),
        ("surface-to-air missile", WeaponCategory.AirDefenceMissile),
        ("air defence missile", WeaponCategory.AirDefenceMissile),
        ("air defense missile", WeaponCategory.AirDefenceMissile),
        ("anti-aircraft missile", WeaponCategory.AirDefenceMissile),
        ("interceptor", WeaponCategory.AirDefenceMissile),
        ("interceptor missile", WeaponCategory.AirDefenceMissile),
        ("glide bomb", WeaponCategory.GuidedBomb),
        ("guided bomb", WeaponCategory.GuidedBomb),
        ("guided aerial bomb", WeaponCategory.GuidedBomb),
        ("aerial bomb", WeaponCategory.GuidedBomb),
        ("bomb", WeaponCategory.GuidedBomb),
        ("precision-guided munition", WeaponCategory.GuidedBomb),
        ("car bomb", WeaponCategory.Other),
        ("roadside bomb", WeaponCategory.Other),
        ("IED", WeaponCategory.Other),
        ("improvised explosive device", WeaponCategory.Other),
        ("barrel bomb", WeaponCategory.Aircraft),
        ("drone", WeaponCategory.AttackDrone),
        ("attack drone", WeaponCategory.AttackDrone),
        ("kamikaze drone", WeaponCategory.AttackDrone),
        ("suicide drone", WeaponCategory.AttackDrone),
        ("strike drone", WeaponCategory.AttackDrone),
        ("long-range drone", WeaponCategory.AttackDrone),
        ("one-way attack drone", WeaponCategory.AttackDrone),
        ("loitering munition", WeaponCategory.AttackDrone),
        ("FPV", WeaponCategory.AttackDrone),
        ("FPV drone", WeaponCategory.AttackDrone),
        ("quadcopter", WeaponCategory.AttackDrone),
        ("naval drone", WeaponCategory.AttackDrone),
        ("sea drone", WeaponCategory.AttackDrone),
        ("UAV", WeaponCategory.AttackDrone),
        ("unmanned aerial vehicle", WeaponCategory.AttackDrone),
        ("reconnaissance drone", WeaponCategory.ReconDrone),
        ("surveillance drone", WeaponCategory.ReconDrone),
        ("reconnaissance UAV", WeaponCategory.ReconDrone),
        ("rocket", WeaponCategory.RocketArtillery),
        ("rocket fire", WeaponCategory.RocketArtillery),
        ("MLRS", WeaponCategory.RocketArtillery),
        ("multiple rocket launcher", WeaponCategory.RocketArtillery),
        ("multiple launch rocket system", WeaponCategory.RocketArtillery),
        ("multiple-launch rocket system", WeaponCategory.RocketArtillery),
        ("rocket launcher", WeaponCategory.RocketArtillery),
        ("shelling", WeaponCategory.Artillery),
        ("shelled", WeaponCategory.Artillery),
        ("shell", WeaponCategory.Artillery),
        ("artillery", WeaponCategory.Artillery),
        ("artillery fire", WeaponCategory.Artillery),
        ("artillery shell", WeaponCategory.Artillery),
        ("mortar", WeaponCategory.Artillery),
        ("mortar fire", WeaponCategory.Artillery),
        ("mortar shell", WeaponCategory.Artillery),
        ("howitzer", WeaponCategory.Artillery),
        ("tank fire", WeaponCategory.Other),
        ("air strike", WeaponCategory.Aircraft),
        ("airstrike", WeaponCategory.Aircraft),
        ("air raid", WeaponCategory.Aircraft),
        ("aerial bombardment", WeaponCategory.Aircraft),
        ("warplane", WeaponCategory.Aircraft),
        ("fighter jet", WeaponCategory.Aircraft),
        ("bomber", WeaponCategory.Aircraft),
        ("suicide bomber", WeaponCategory.Other),
        ("helicopter", WeaponCategory.Aircraft),
        ("helicopter gunship", WeaponCategory.Aircraft),
    ];

    private static readonly PhraseMatcher<WeaponCategory> Matcher = Build();

    private static PhraseMatcher<WeaponCategory> Build()
    {
        var phrases = new List<(string, WeaponCategory)>(Table.Length * 2);
        foreach (var (p, c) in Table) phrases.Add((p, c));
        foreach (var (p, c) in Table) phrases.Add((p + "s", c));
        return new PhraseMatcher<WeaponCategory>(phrases);
    }

    /// <summary>The category of a generic phrase in any case or spacing ("Ballistic missiles", "air-strike"), or null.</summary>
    public static WeaponCategory? CategoryOf(ReadOnlySpan<char> phrase)
    {
        Span<char> buf = stackalloc char[128];
        int n = LexiconKey.Append(phrase, buf);
        if (n <= 0) return null;
        return Matcher.TryGet(buf[..n], out var c) ? c : null;
    }

    /// <summary>The category of a generic phrase, or null.</summary>
    public static WeaponCategory? CategoryOf(string? phrase) => phrase is null ? null : CategoryOf(phrase.AsSpan());

    /// <summary>All generic weapon phrases in <paramref name="text"/>, longest match first, in text order. Never throws on odd input.</summary>
    public static IReadOnlyList<WeaponClassMention> Find(string text, ReadOnlySpan<Token> tokens)
    {
        if (string.IsNullOrEmpty(text) || tokens.IsEmpty) return [];
        foreach (var t in tokens)
            if ((uint)t.Start > (uint)text.Length || (uint)t.Length > (uint)(text.Length - t.Start)) return [];
        List<WeaponClassMention>? result = null;
        int i = 0;
        while (i < tokens.Length)
        {
            if (tokens[i].Kind == TokenKind.Word && Matcher.TryMatchAt(text, tokens, i, tokens.Length, out var m))
            {
                (result ??= []).Add(new WeaponClassMention(m.Start, m.End, m.Value));
                i = m.EndToken;
            }
            else i++;
        }
        return result ?? [];
    }
}
