using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ConflictExtract.Records;

/// <summary>A span of the input: UTF-16 offsets, <c>End</c> exclusive; <c>Text == input[Start..End]</c>.</summary>
public sealed record Evidence(int Start, int End, string Text)
{
    /// <summary>Builds evidence from <paramref name="input"/>, copying the characters.</summary>
    public static Evidence Of(string input, int start, int end) => new(start, end, input[start..end]);
}

/// <summary>Kind of casualty.</summary>
public enum CasualtyKind
{
    /// <summary>Killed, dead, died.</summary>
    Killed,
    /// <summary>Injured, wounded, hurt.</summary>
    Injured,
    /// <summary>Missing.</summary>
    Missing,
}

/// <summary>Who the casualties were.</summary>
public enum CasualtyGroup
{
    /// <summary>Not stated.</summary>
    Unknown,
    /// <summary>Civilians, residents.</summary>
    Civilian,
    /// <summary>Children.</summary>
    Child,
    /// <summary>Soldiers, fighters, servicemen.</summary>
    Military,
}

/// <summary>Weapon category, per the contract.</summary>
public enum WeaponCategory
{
    /// <summary>ballistic-missile</summary>
    BallisticMissile,
    /// <summary>cruise-missile</summary>
    CruiseMissile,
    /// <summary>hypersonic-missile</summary>
    HypersonicMissile,
    /// <summary>anti-ship-missile</summary>
    AntiShipMissile,
    /// <summary>air-defence-missile</summary>
    AirDefenceMissile,
    /// <summary>guided-bomb</summary>
    GuidedBomb,
    /// <summary>attack-drone</summary>
    AttackDrone,
    /// <summary>recon-drone</summary>
    ReconDrone,
    /// <summary>rocket-artillery</summary>
    RocketArtillery,
    /// <summary>artillery</summary>
    Artillery,
    /// <summary>aircraft</summary>
    Aircraft,
    /// <summary>other</summary>
    Other,
}

/// <summary>Category of a strike's target.</summary>
public enum TargetCategory
{
    /// <summary>Military.</summary>
    Military,
    /// <summary>Energy.</summary>
    Energy,
    /// <summary>Industrial.</summary>
    Industrial,
    /// <summary>Transport.</summary>
    Transport,
    /// <summary>Residential.</summary>
    Residential,
    /// <summary>Civilian infrastructure (hospital, school, market...).</summary>
    CivilianInfrastructure,
    /// <summary>Government.</summary>
    Government,
    /// <summary>Other.</summary>
    Other,
}

/// <summary>A weapon system named in the document, with its catalogue facts.</summary>
public sealed record WeaponSystem(
    string Id,
    string Name,
    ImmutableArray<string> Mentions,
    WeaponCategory Category,
    string? Origin,
    int? MaxRangeKm,
    ImmutableArray<Evidence> Evidence);

/// <summary>One attack on one place, as reported.</summary>
/// <remarks>
/// <see cref="AttackerName"/> is the attacking side as the actor catalogue names it ("Russian forces", "Hamas"), or an
/// unlisted group as the text names it; null when the text does not say. It is the last parameter (added after the others)
/// but is written right after <see cref="Attacker"/> in the contract JSON: the properties up to it carry
/// <c>JsonPropertyOrder(-1)</c>.
/// </remarks>
public sealed record StrikeEvent(
    [property: JsonPropertyOrder(-1)] string Id,
    [property: JsonPropertyOrder(-1)] DateRange? Date,
    [property: JsonPropertyOrder(-1)] Location? Location,
    [property: JsonPropertyOrder(-1)] string? Attacker,
    string? Target,
    TargetCategory? TargetCategory,
    ImmutableArray<string> WeaponIds,
    WeaponCategory? WeaponCategory,
    Quantity? MunitionCount,
    Quantity? Intercepted,
    Location? LaunchSite,
    ImmutableArray<string> CasualtyIds,
    double Confidence,
    ImmutableArray<Evidence> Evidence,
    [property: JsonPropertyOrder(-1)] string? AttackerName = null);

/// <summary>
/// A report of people killed, injured or missing. <see cref="PartOf"/> is the id of the casualty this one is a subset of
/// ("20 killed, including 5 children": the children's record), else null.
/// </summary>
public sealed record Casualty(
    string Id,
    CasualtyKind Kind,
    Quantity Count,
    CasualtyGroup Group,
    string? StrikeId,
    string? PartOf,
    DateRange? Date,
    Location? Location,
    ImmutableArray<Evidence> Evidence);

/// <summary>The document's totals, counted as a human coder would.</summary>
public sealed record Summary(Quantity? Killed, Quantity? Injured);

/// <summary>Entity types, per the contract.</summary>
public enum EntityType
{
    /// <summary>Place.</summary>
    LOC,
    /// <summary>Organisation.</summary>
    ORG,
    /// <summary>Person.</summary>
    PER,
    /// <summary>Nationality or group ("North Korean").</summary>
    NORP,
    /// <summary>Weapon.</summary>
    WEAPON,
    /// <summary>Date expression.</summary>
    DATE,
    /// <summary>Count.</summary>
    QUANTITY,
    /// <summary>Target of an attack.</summary>
    TARGET,
}

/// <summary>A tagged span, for debugging and visualisation.</summary>
public sealed record Entity(EntityType Type, string Text, int Start, int End);

/// <summary>Everything extracted from one document. Immutable.</summary>
public sealed record ExtractionResult(
    [property: JsonPropertyOrder(-1)] string? DocumentId,
    [property: JsonPropertyOrder(-1)] DateOnly? PublishedAt,
    ImmutableArray<WeaponSystem> Weapons,
    ImmutableArray<StrikeEvent> Strikes,
    ImmutableArray<Casualty> Casualties,
    Summary Summary,
    ImmutableArray<Entity> Entities)
{
    /// <summary>Schema version of the JSON contract.</summary>
    [JsonPropertyOrder(-2)]
    public int SchemaVersion => 1;

    /// <summary>
    /// How the result was made, when the work was cut short (a per-document budget spent) or a model was unavailable:
    /// the values found are right, some may be missing. Empty for almost every document. Not part of the JSON contract.
    /// </summary>
    [JsonIgnore]
    public ImmutableArray<ExtractionDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// Null when the document was extracted. In a batch run in <see cref="BatchErrorMode.Report"/> mode (the default), a
    /// document that could not be (null text, too large, invalid fields) gives a result with its id, empty record lists
    /// and the reason here, instead of ending the batch. Not part of the JSON contract (a tool reports it its own way).
    /// </summary>
    [JsonIgnore]
    public ExtractionError? Error { get; init; }

    /// <summary>An empty result.</summary>
    public static ExtractionResult Empty(string? documentId, DateOnly? publishedAt) =>
        new(documentId, publishedAt, [], [], [], new Summary(null, null), []);
}
