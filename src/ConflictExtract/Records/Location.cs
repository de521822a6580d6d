namespace ConflictExtract.Records;

/// <summary>What kind of place a location is.</summary>
public enum PlaceKind
{
    /// <summary>A country.</summary>
    Country,
    /// <summary>A first-level region (oblast, krai, province).</summary>
    Region,
    /// <summary>A city.</summary>
    City,
    /// <summary>A town.</summary>
    Town,
    /// <summary>A village.</summary>
    Village,
    /// <summary>A named facility.</summary>
    Facility,
    /// <summary>Anything else (district, river, area).</summary>
    Other,
}

/// <summary>A geocoded place.</summary>
/// <param name="Name">Canonical English name as news spells it ("Kyiv", "Kharkiv Oblast").</param>
/// <param name="Kind">Kind of place.</param>
/// <param name="Admin1">First-level region ("Kharkiv Oblast"); for a region, its own name; null for a country.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Latitude">Latitude, or null.</param>
/// <param name="Longitude">Longitude, or null.</param>
public sealed record Location(string Name, PlaceKind Kind, string? Admin1, string Country, double? Latitude, double? Longitude);
