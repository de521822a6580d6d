using ConflictExtract.Records;

namespace ConflictExtract.Lexicon;

/// <summary>One gazetteer entry: a populated place, a first-level region or a country.</summary>
/// <param name="Name">Canonical English name as news spells it ("Kyiv", "Zaporizhzhia", "Kharkiv Oblast").</param>
/// <param name="Kind">Country, region, city, town or village.</param>
/// <param name="Admin1">First-level region in contract form ("Kharkiv Oblast"); a region's own name; null for a country.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Latitude">Latitude, or NaN when unknown (countries).</param>
/// <param name="Longitude">Longitude, or NaN when unknown.</param>
/// <param name="Population">Population as GeoNames gives it (0 when unknown).</param>
/// <param name="GeoNameId">GeoNames id, or 0 for entries made by hand (Russian regions, countries, Donbas).</param>
/// <param name="IsAdminCenter">True for a national or first-level capital (GeoNames PPLC/PPLA).</param>
public sealed record Place(string Name, PlaceKind Kind, string? Admin1, string Country, double Latitude, double Longitude,
    int Population, int GeoNameId, bool IsAdminCenter)
{
    /// <summary>The contract value for this place.</summary>
    public Location ToLocation() => new(Name, Kind, Admin1, Country,
        double.IsNaN(Latitude) ? null : Math.Round(Latitude, 4),
        double.IsNaN(Longitude) ? null : Math.Round(Longitude, 4));
}

/// <summary>A place found in text: characters [<see cref="Start"/>, <see cref="End"/>) name <see cref="Location"/>.</summary>
/// <param name="Start">Start offset (UTF-16) of the mention.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Location">The resolved place.</param>
/// <param name="Place">The gazetteer entry it was resolved to.</param>
/// <param name="FirstToken">First token of the mention.</param>
/// <param name="EndToken">Exclusive end token of the mention.</param>
/// <param name="Confidence">Rough confidence in [0, 1]: 0.9 for regions, countries and cities, lower for villages chosen among namesakes.</param>
internal readonly record struct PlaceMention(int Start, int End, Location Location, Place Place, int FirstToken, int EndToken, float Confidence);
