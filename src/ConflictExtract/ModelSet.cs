using ConflictExtract.Lexicon;
using ConflictExtract.Recognizers;

namespace ConflictExtract;

/// <summary>
/// The knowledge an extractor uses: the gazetteer, the weapon catalogue and the recognizers.
/// Loaded once from the package's embedded resources (no file-system access); immutable and safe to share.
/// </summary>
public sealed class ModelSet
{
    private static readonly Lazy<ModelSet> DefaultSet = new(() => new ModelSet(Gazetteer.Default, WeaponCatalogue.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates a model set from loaded parts (for example a gazetteer loaded with <see cref="Gazetteer.Load"/>).</summary>
    public ModelSet(Gazetteer gazetteer, WeaponCatalogue weapons)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(weapons);
        Gazetteer = gazetteer;
        Weapons = weapons;
        Places = new PlaceFinder(gazetteer);
        Recognizers = new RecognizerLayer();
    }

    /// <summary>The models embedded in the package.</summary>
    public static ModelSet Default => DefaultSet.Value;

    /// <summary>The place table.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The weapon catalogue.</summary>
    public WeaponCatalogue Weapons { get; }

    /// <summary>Finds and geocodes place mentions.</summary>
    public PlaceFinder Places { get; }

    /// <summary>Numbers, dates and distances.</summary>
    public RecognizerLayer Recognizers { get; }
}
