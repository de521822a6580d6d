namespace ConflictExtract.Tagging;

/// <summary>The entity types the <see cref="EntityTagger"/> finds.</summary>
internal enum EntityLabel : byte
{
    /// <summary>No entity.</summary>
    None = 0,
    /// <summary>A place: country, region, city, village, river ("Kharkiv", "Donetsk region").</summary>
    Loc = 1,
    /// <summary>An organisation or armed unit ("Defence Ministry", "OSCE", "the 93rd Brigade").</summary>
    Org = 2,
    /// <summary>A person ("Volodymyr Zelensky").</summary>
    Per = 3,
    /// <summary>A nationality, religious or political group ("Russian", "North Korean").</summary>
    Norp = 4,
    /// <summary>A weapon system or model ("Kh-101", "Shahed-136", "HIMARS").</summary>
    Weapon = 5,
}

/// <summary>
/// Per-token facts from the lexicons that the tagger may use as features. The pipeline passes one value per token
/// (for example from <see cref="Lexicon.PlaceFinder"/> and <see cref="Lexicon.WeaponCatalogue"/>), or none at all.
/// </summary>
[Flags]
internal enum TaggerHints : byte
{
    /// <summary>No hint.</summary>
    None = 0,
    /// <summary>The first token of a place mention.</summary>
    PlaceBegin = 1,
    /// <summary>A later token of a place mention.</summary>
    PlaceInside = 2,
    /// <summary>The first token of a catalogue weapon mention.</summary>
    WeaponBegin = 4,
    /// <summary>A later token of a catalogue weapon mention.</summary>
    WeaponInside = 8,
}

/// <summary>
/// One entity found by <see cref="EntityTagger"/>: characters [<paramref name="Start"/>, <paramref name="End"/>) of the text,
/// tokens [<paramref name="FirstToken"/>, <paramref name="EndToken"/>), the type and the mean per-token probability.
/// </summary>
/// <param name="Start">Start offset (UTF-16) in the text.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">Index one past the last token.</param>
/// <param name="Label">The entity type.</param>
/// <param name="Score">Mean probability of the chosen tags over the span's tokens, in (0, 1].</param>
internal readonly record struct TaggedSpan(int Start, int End, int FirstToken, int EndToken, EntityLabel Label, float Score);
