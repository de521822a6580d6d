namespace ConflictExtract.Lexicon;

/// <summary>The contract's weapon categories (see the WeaponSystem section of the extraction contract).</summary>
public enum WeaponCategory : byte
{
    /// <summary>"other": tanks, anti-tank weapons, anything not below.</summary>
    Other,
    /// <summary>"ballistic-missile".</summary>
    BallisticMissile,
    /// <summary>"cruise-missile".</summary>
    CruiseMissile,
    /// <summary>"hypersonic-missile".</summary>
    HypersonicMissile,
    /// <summary>"anti-ship-missile".</summary>
    AntiShipMissile,
    /// <summary>"air-defence-missile".</summary>
    AirDefenceMissile,
    /// <summary>"guided-bomb".</summary>
    GuidedBomb,
    /// <summary>"attack-drone".</summary>
    AttackDrone,
    /// <summary>"recon-drone".</summary>
    ReconDrone,
    /// <summary>"rocket-artillery".</summary>
    RocketArtillery,
    /// <summary>"artillery".</summary>
    Artillery,
    /// <summary>"aircraft".</summary>
    Aircraft,
}

/// <summary>Conversions between <see cref="WeaponCategory"/> and the contract's strings.</summary>
public static class WeaponCategories
{
    private static readonly string[] Names =
    [
        "other", "ballistic-missile", "cruise-missile", "hypersonic-missile", "anti-ship-missile",
        "air-defence-missile", "guided-bomb", "attack-drone", "recon-drone", "rocket-artillery",
        "artillery", "aircraft",
    ];

    /// <summary>The contract string ("ballistic-missile", ...); "other" for an undefined value.</summary>
    public static string ToContractString(this WeaponCategory category)
    {
        int i = (int)category;
        return (uint)i < (uint)Names.Length ? Names[i] : "other";
    }

    /// <summary>Parses a contract string (exact, lower case); false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out WeaponCategory category)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (s.SequenceEqual(Names[i]))
            {
                category = (WeaponCategory)i;
                return true;
            }
        }
        category = WeaponCategory.Other;
        return false;
    }
}
