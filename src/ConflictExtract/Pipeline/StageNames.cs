namespace ConflictExtract.Pipeline;

/// <summary>The names of the default stages, in pipeline order (for <see cref="ExtractionPipelineBuilder"/>).</summary>
internal static class StageNames
{
    public const string Tokens = "tokens";
    public const string Cues = "cues";
    public const string Places = "places";
    public const string WeaponSystems = "weapon-systems";
    public const string GenericWeapons = "generic-weapons";
    public const string Tagger = "tagger";
    public const string Values = "values";
    public const string SpellingVariants = "spelling-variants";
    public const string UnlistedWeapons = "unlisted-weapons";
    public const string Seal = "seal";
    public const string Frames = "frames";
    public const string Scenes = "scenes";
    public const string WeaponRecords = "weapon-records";
    public const string Casualties = "casualties";
    public const string Strikes = "strikes";
    public const string Links = "links";
    public const string Merge = "merge";
    public const string Summary = "summary";
    public const string Emit = "emit";
}
