using ConflictExtract.Lexicon;
using ConflictExtract.Recognizers;
using ConflictExtract.Tagging;

namespace ConflictExtract;

/// <summary>
/// The knowledge an extractor uses: the gazetteer, the weapon and actor catalogues and the recognizers.
/// Loaded once from the package's embedded resources (no file-system access); immutable and safe to share.
/// </summary>
public sealed class ModelSet
{
    private static readonly Lazy<ModelSet> DefaultSet = new(() => new ModelSet(Gazetteer.Default, WeaponCatalogue.Default, EntityTagger.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates a model set from loaded parts (for example a gazetteer loaded with <see cref="Gazetteer.Load"/>), with the embedded actor catalogue.</summary>
    public ModelSet(Gazetteer gazetteer, WeaponCatalogue weapons, EntityTagger tagger)
        : this(gazetteer, weapons, tagger, ActorCatalogue.Default)
    {
    }

    /// <summary>Creates a model set from loaded parts, among them an actor catalogue loaded with <see cref="ActorCatalogue.Load"/>.</summary>
    public ModelSet(Gazetteer gazetteer, WeaponCatalogue weapons, EntityTagger tagger, ActorCatalogue actors)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(weapons);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(actors);
        Gazetteer = gazetteer;
        Weapons = weapons;
        Tagger = tagger;
        Actors = actors;
        Places = new PlaceFinder(gazetteer);
        Recognizers = new RecognizerLayer();
    }

    /// <summary>The models embedded in the package.</summary>
    public static ModelSet Default => DefaultSet.Value;

    /// <summary>The place table.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The weapon catalogue.</summary>
    public WeaponCatalogue Weapons { get; }

    /// <summary>The actor catalogue (state forces and non-state groups; the contract's attackerName).</summary>
    public ActorCatalogue Actors { get; }

    /// <summary>The trained entity tagger (LOC, ORG, PER, NORP, WEAPON).</summary>
    public EntityTagger Tagger { get; }

    /// <summary>Finds and geocodes place mentions.</summary>
    internal PlaceFinder Places { get; }

    /// <summary>Numbers, dates and distances.</summary>
    internal RecognizerLayer Recognizers { get; }
}
