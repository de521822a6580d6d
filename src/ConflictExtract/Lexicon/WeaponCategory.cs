using ConflictExtract.Records;
using ConflictExtract.Serialization;

namespace ConflictExtract.Lexicon;

/// <summary>Conversions between <see cref="WeaponCategory"/> and the contract's strings.</summary>
internal static class WeaponCategories
{
    private static readonly WeaponCategory[] Values = Enum.GetValues<WeaponCategory>();
    private static readonly string[] Names = Array.ConvertAll(Values, v => ContractEnumConverter<WeaponCategory>.NameOf(v));

    /// <summary>The contract string ("ballistic-missile", ...); "other" for an undefined value.</summary>
    public static string ToContractString(this WeaponCategory category)
    {
        int i = Array.IndexOf(Values, category);
        return i >= 0 ? Names[i] : "other";
    }

    /// <summary>Parses a contract string (exact, lower case); false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out WeaponCategory category)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (s.SequenceEqual(Names[i]))
            {
                category = Values[i];
                return true;
            }
        }
        category = WeaponCategory.Other;
        return false;
    }
}
