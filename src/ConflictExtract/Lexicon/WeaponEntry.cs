using ConflictExtract.Records;
namespace ConflictExtract.Lexicon;

/// <summary>
/// One weapon system of the catalogue (models/weapons/weapons.tsv).
/// </summary>
/// <param name="Name">Canonical designation as the contract reports it ("Shahed-136", "Kh-101", "KN-23").</param>
/// <param name="Category">The contract category.</param>
/// <param name="Origin">ISO 3166-1 alpha-2 code of the maker's country (Soviet designs: RU), or null when not one country.</param>
/// <param name="MaxRangeKm">Maximum range in km from the catalogue's source, or null.</param>
/// <param name="Aliases">Other names and transliterations, as written in the catalogue.</param>
/// <param name="Source">Where the range and facts come from.</param>
public sealed record WeaponEntry(
    string Name,
    WeaponCategory Category,
    string? Origin,
    int? MaxRangeKm,
    IReadOnlyList<string> Aliases,
    string Source)
{
    /// <summary>The category as the contract string ("ballistic-missile", ...).</summary>
    public string CategoryName => Category.ToContractString();

    /// <summary>Aliases (or the name) that are ordinary words and match only with evidence (capitalised, weapon word nearby).</summary>
    public IReadOnlyList<string> AmbiguousAliases { get; init; } = [];
}

/// <summary>A catalogue weapon found in text: characters [<see cref="Start"/>, <see cref="End"/>) of the input.</summary>
/// <param name="Start">Start offset (UTF-16, inclusive).</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Entry">The catalogue entry.</param>
internal readonly record struct WeaponMention(int Start, int End, WeaponEntry Entry);
