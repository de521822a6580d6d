using System.Text;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Tests.Lexicon;

public class ActorCatalogueTests
{
    private static readonly ActorCatalogue Cat = ActorCatalogue.Default;

    private sealed record Found(string Text, string Actor, ActorMentionForm Form, ActorMentionFlags Flags, string? Head, ActorMention Mention);

    private static List<Found> Find(string text)
    {
        var tokens = TestTokens.Tokenize(text);
        var result = new List<Found>();
        foreach (var m in Cat.Find(text, tokens))
        {
            string? head = m.HeadToken >= 0 ? text.Substring(tokens[m.HeadToken].Start, tokens[m.HeadToken].Length) : null;
            result.Add(new Found(text[m.Start..m.End], m.Actor.Name, m.Form, m.Flags, head, m));
        }
        return result;
    }

    private static List<string> Names(string text) => Find(text).ConvertAll(f => f.Actor);

    private static Found Single(string text, string actor)
    {
        var all = Find(text).FindAll(f => f.Actor == actor);
        Assert.True(all.Count == 1, $"expected one mention of {actor} in \"{text}\", got: {string.Join("; ", Find(text).Select(f => $"{f.Text}->{f.Actor}"))}");
        return all[0];
    }

    // ---- the table ----

    [Fact]
    public void DefaultIsEmbeddedAndLoaded()
    {
        Assert.NotNull(ActorCatalogue.FindResourceName(typeof(ActorCatalogue).Assembly.GetManifestResourceNames()));
        Assert.True(Cat.Count >= 80, $"only {Cat.Count} actors");
        Assert.True(Cat.KeyCount > Cat.Count * 5, $"only {Cat.KeyCount} keys");
        Assert.Same(Cat, ModelSet.Default.Actors);
    }

    /// <summary>The canonical names and countries the record layer reports (the project's actor list).</summary>
    [Theory]
    [InlineData("Russian forces", "state", "RU")]
    [InlineData("Ukrainian forces", "state", "UA")]
    [InlineData("Israel Defense Forces", "state", "IL")]
    [InlineData("Sudanese Armed Forces", "state", "SD")]
    [InlineData("Syrian government forces", "state", "SY")]
    [InlineData("Myanmar military", "state", "MM")]
    [InlineData("Nigerian military", "state", "NG")]
    [InlineData("Ethiopian National Defense Force", "state", "ET")]
    [InlineData("Turkish forces", "state", "TR")]
    [InlineData("Azerbaijani forces", "state", "AZ")]
    [InlineData("Armenian forces", "state", "AM")]
    [InlineData("Iranian forces", "state", "IR")]
    [InlineData("United States forces", "state", "US")]
    [InlineData("Saudi-led coalition", "state", "SA")]
    [InlineData("Pakistani forces", "state", "PK")]
    [InlineData("Indian forces", "state", "IN")]
    [InlineData("Iraqi forces", "state", "IQ")]
    [InlineData("Afghan forces", "state", "AF")]
    [InlineData("Malian forces", "state", "ML")]
    [InlineData("Burkinabe forces", "state", "BF")]
    [InlineData("Congolese armed forces", "state", "CD")]
    [InlineData("Somali forces", "state", "SO")]
    [InlineData("Cameroonian forces", "state", "CM")]
    [InlineData("Hamas", "non-state", "PS")]
    [InlineData("Palestinian Islamic Jihad", "non-state", "PS")]
    [InlineData("Hezbollah", "non-state", "LB")]
    [InlineData("Houthis", "non-state", "YE")]
    [InlineData("Rapid Support Forces", "non-state", "SD")]
    [InlineData("Islamic State", "non-state", null)]
    [InlineData("Islamic State West Africa Province", "non-state", "NG")]
    [InlineData("Islamic State Khorasan Province", "non-state", "AF")]
    [InlineData("Islamic State Sahel Province", "non-state", "ML")]
    [InlineData("al-Shabaab", "non-state", "SO")]
    [InlineData("Taliban", "non-state", "AF")]
    [InlineData("Tehrik-i-Taliban Pakistan", "non-state", "PK")]
    [InlineData("Boko Haram", "non-state", "NG")]
    [InlineData("JNIM", "non-state", "ML")]
    [InlineData("M23", "non-state", "CD")]
    [InlineData("Allied Democratic Forces", "non-state", "CD")]
    [InlineData("CODECO", "non-state", "CD")]
    [InlineData("Wagner Group", "non-state", "RU")]
    [InlineData("Africa Corps", "non-state", "RU")]
    [InlineData("Arakan Army", "non-state", "MM")]
    [InlineData("Hay'at Tahrir al-Sham", "non-state", "SY")]
    [InlineData("PKK", "non-state", "TR")]
    [InlineData("al-Qaeda in the Arabian Peninsula", "non-state", "YE")]
    [InlineData("Fano", "non-state", "ET")]
    [InlineData("Tigray Defence Forces", "non-state", "ET")]
    [InlineData("Baloch Liberation Army", "non-state", "PK")]
    public void CanonicalActorsAreListed(string name, string kind, string? country)
    {
        Assert.True(Cat.TryGetByName(name, out var e), name);
        Assert.Equal(kind, e.KindName);
        Assert.Equal(country, e.Country);
        Assert.NotEmpty(e.Sources);
    }

    [Fact]
    public void EveryEntryIsValidAndEveryNameLooksUpToItsEntry()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Cat.Entries)
        {
            Assert.True(seen.Add(e.Name), e.Name);
            Assert.True(e.Country is null || (e.Country.Length == 2 && e.Country.ToUpperInvariant() == e.Country), e.Name);
            Assert.NotEmpty(e.Sources);
            Assert.True(e.Kind == ActorKind.State || e.StateNames.Count == 0, e.Name);
            Assert.True(e.AmbiguousAliases.Count == 0 || e.Cues.Count > 0, e.Name);
            foreach (var a in e.Aliases.Concat(e.Adjectives).Concat(e.StateNames).Append(e.Name))
                Assert.True(Cat.TryGet(a, out var back) && ReferenceEquals(back, e), $"{a} of {e.Name}");
        }
    }

    /// <summary>Every phrase of the table is found as its actor in a sentence of its own (catches phrases the tokenizer splits apart).</summary>
    [Fact]
    public void EveryPhraseIsFoundInASentence()
    {
        var failures = new List<string>();
        foreach (var e in Cat.Entries)
        {
            foreach (var a in e.Aliases.Append(e.Name).Concat(e.StateNames))
            {
                string s = e.AmbiguousAliases.Contains(a) ? $"{a} attacked the town near {e.Cues[0]}." : $"{a} attacked the town.";
                if (!Find(s).Exists(f => f.Actor == e.Name && f.Mention.Start == 0)) failures.Add(s);
            }
            foreach (var a in e.Adjectives)
            {
                string s = $"{a} troops attacked the town.";
                if (!Find(s).Exists(f => f.Actor == e.Name && f.Mention.Start == 0)) failures.Add(s);
            }
            foreach (var c in e.ContextAliases)
            {
                string s = $"{c.Phrase} attacked the town.";
                if (!Find(s).Exists(f => f.Mention.ResolveFor(c.Perspective)?.Name == e.Name)) failures.Add(s);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TryGetFindsSpellingsButNotContextAliases()
    {
        Assert.True(Cat.TryGet("al-Shabab", out var e) && e.Name == "al-Shabaab");
        Assert.True(Cat.TryGet("AL SHABAAB", out e) && e.Name == "al-Shabaab");
        Assert.True(Cat.TryGet("Houthi", out e) && e.Name == "Houthis");
        Assert.True(Cat.TryGet("Russia", out e) && e.Name == "Russian forces");
        Assert.False(Cat.TryGet("enemy", out _));
        Assert.False(Cat.TryGet("", out _));
        Assert.False(Cat.TryGetByName("hamas", out _));
    }

    // ---- names and aliases ----

    [Theory]
    [InlineData("Russian troops", "Russian forces")]
    [InlineData("Russian army", "Russian forces")]
    [InlineData("Armed Forces of the Russian Federation", "Russian forces")]
    [InlineData("RF Armed Forces", "Russian forces")]
    [InlineData("Russian occupation forces", "Russian forces")]
    [InlineData("AFU", "Ukrainian forces")]
    [InlineData("ZSU", "Ukrainian forces")]
    [InlineData("Armed Forces of Ukraine", "Ukrainian forces")]
    [InlineData("Ukrainian military", "Ukrainian forces")]
    [InlineData("IDF", "Israel Defense Forces")]
    [InlineData("Israeli army", "Israel Defense Forces")]
    [InlineData("SAF", "Sudanese Armed Forces")]
    [InlineData("Tatmadaw", "Myanmar military")]
    [InlineData("IRGC", "Iranian forces")]
    [InlineData("FARDC", "Congolese armed forces")]
    [InlineData("FAMa", "Malian forces")]
    [InlineData("ISIS", "Islamic State")]
    [InlineData("ISIL", "Islamic State")]
    [InlineData("Daesh", "Islamic State")]
    [InlineData("ISWAP", "Islamic State West Africa Province")]
    [InlineData("ISKP", "Islamic State Khorasan Province")]
    [InlineData("IS-K", "Islamic State Khorasan Province")]
    [InlineData("ISIS-K", "Islamic State Khorasan Province")]
    [InlineData("al-Shabab", "al-Shabaab")]
    [InlineData("Al Shabaab", "al-Shabaab")]
    [InlineData("TTP", "Tehrik-i-Taliban Pakistan")]
    [InlineData("Pakistani Taliban", "Tehrik-i-Taliban Pakistan")]
    [InlineData("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan")]
    [InlineData("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM")]
    [InlineData("March 23 Movement", "M23")]
    [InlineData("Wagner mercenaries", "Wagner Group")]
    [InlineData("HTS", "Hay'at Tahrir al-Sham")]
    [InlineData("Kurdistan Workers' Party", "PKK")]
    [InlineData("AQAP", "al-Qaeda in the Arabian Peninsula")]
    [InlineData("Ansar Allah", "Houthis")]
    [InlineData("Hizbullah", "Hezbollah")]
    [InlineData("Qassam Brigades", "Hamas")]
    [InlineData("Armed Forces of the Democratic Republic of the Congo", "Congolese armed forces")]
    [InlineData("People's Liberation Army", "Chinese forces")]
    public void AliasesNameTheirActor(string alias, string actor)
    {
        string text = $"Witnesses said {alias} opened fire on the market.";
        var f = Single(text, actor);
        Assert.Equal(alias, f.Text);
        Assert.True(f.Form is ActorMentionForm.Alias or ActorMentionForm.Name, f.Form.ToString());
    }

    [Fact]
    public void TokenAndCharacterRangesPointIntoTheInput()
    {
        const string text = "On Monday the Russian armed forces shelled a village, and Houthi rebels fired drones.";
        var tokens = TestTokens.Tokenize(text);
        var mentions = Cat.Find(text, tokens);
        Assert.Equal(2, mentions.Count);
        foreach (var m in mentions)
        {
            Assert.Equal(tokens[m.FirstToken].Start, m.Start);
            Assert.Equal(tokens[m.EndToken - 1].End, m.End);
        }
        Assert.Equal("Russian armed forces", text[mentions[0].Start..mentions[0].End]);
        Assert.Equal("Houthi rebels", text[mentions[1].Start..mentions[1].End]);
        Assert.True(mentions[0].EndToken <= mentions[1].FirstToken);
    }

    // ---- case ----

    [Fact]
    public void HamasMatchesInAnyCase()
    {
        Assert.Equal(["Hamas", "Hamas", "Hamas"], Names("Hamas fighters, HAMAS fighters and hamas fighters crossed the fence."));
    }

    [Fact]
    public void IsMatchesOnlyInCapitalsAndNotInAnAllCapitalsLine()
    {
        Assert.Equal(["Islamic State"], Names("IS claimed the bombing on its news agency."));
        Assert.Equal(["Islamic State"], Names("The attack is the worst since IS fighters held the city."));
        Assert.Empty(Find("The bridge is closed and it is unclear why. Is it safe?"));
        Assert.DoesNotContain("Islamic State", Names("KHARKIV IS UNDER HEAVY FIRE"));
    }

    [Fact]
    public void MultiWordNamesNeedTheirCapitals()
    {
        Assert.Empty(Find("The preacher called for an islamic state governed by clerics."));
        Assert.Empty(Find("He wanted an Islamic state in the region."));
        Assert.Equal(["Islamic State"], Names("Islamic State fighters retreated."));
        // Lower-case "russian forces": not the alias as written, but the adjective before its head.
        var f = Single("russian forces shelled the town", "Russian forces");
        Assert.Equal(ActorMentionForm.Adjective, f.Form);
        Assert.Equal("forces", f.Head);
    }

    [Fact]
    public void AcronymsInLowerCaseAreWords()
    {
        Assert.Empty(Find("Let us know if the aa batteries arrive and the pla is approved."));
        Assert.Equal(["Chinese forces"], Names("PLA warships sailed past the island."));
    }

    // ---- adjectives and heads ----

    [Theory]
    [InlineData("Russian shelling damaged the school.", "Russian shelling")]
    [InlineData("An Israeli airstrike hit the camp.", "Israeli airstrike")]
    [InlineData("Russian cruise missiles struck the plant.", "Russian cruise missiles")]
    [InlineData("Russian Kh-101 missiles struck the plant.", "Russian Kh-101 missiles")]
    [InlineData("Ukrainian air defence shot down most of them.", "Ukrainian air defence")]
    [InlineData("Israeli fighter jets flew low over Beirut.", "Israeli fighter jets")]
    [InlineData("Tigrayan fighters entered the town.", "Tigrayan fighters")]
    [InlineData("Russian overnight attacks left the city dark.", "Russian overnight attacks")]
    public void AnAdjectiveWithAHeadIsAnActor(string text, string span)
    {
        var all = Find(text);
        Assert.Single(all);
        Assert.Equal(span, all[0].Text);
        Assert.Equal(ActorMentionForm.Adjective, all[0].Form);
        Assert.Equal(span.Split(' ')[^1], all[0].Head);
    }

    [Theory]
    [InlineData("A Russian journalist and a Russian businessman were detained.")]
    [InlineData("Russian gas flows fell as Russian exports slumped.")]
    [InlineData("The Russian was arrested at the border.")]
    [InlineData("Iranian-made drones and Russian-made shells were found.")]
    [InlineData("Russian-speaking residents of Russian-occupied towns fled.")]
    [InlineData("Syrian rebels and Russian mercenaries were spotted.")]
    public void ANationalityAloneIsNotAnActor(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void ASideNamedAsATargetIsNotAnActor()
    {
        Assert.Equal(["Russian forces"], Names("Russian troops fired on Ukrainian positions near the river."));
        Assert.Empty(Find("The drones hit Houthi targets and Ukrainian trenches."));
        var hamas = Single("Israeli jets struck Hamas positions overnight.", "Hamas");
        Assert.True(hamas.Mention.Has(ActorMentionFlags.ModifiesTarget));
        var russian = Single("A Ukrainian drone hit a Russian military base in Crimea.", "Russian forces");
        Assert.True(russian.Mention.Has(ActorMentionFlags.ModifiesTarget));
        Assert.False(Single("A Ukrainian drone hit a Russian military base in Crimea.", "Ukrainian forces").Mention.Has(ActorMentionFlags.ModifiesTarget));
    }

    [Fact]
    public void AWeaponHeadMayBeTheWeaponsOrigin()
    {
        var f = Single("Russia fired Iranian drones at Odesa.", "Iranian forces");
        Assert.True(f.Mention.Has(ActorMentionFlags.WeaponHead));
        Assert.False(Single("Russian artillery shelled the town.", "Russian forces").Mention.Has(ActorMentionFlags.WeaponHead));
        // "drone attack": the last head is the act, so the adjective is the attacker.
        Assert.False(Single("A Ukrainian drone attack hit the depot.", "Ukrainian forces").Mention.Has(ActorMentionFlags.WeaponHead));
    }

    [Fact]
    public void CoordinatedAdjectivesShareTheirHead()
    {
        var all = Find("US and British warplanes struck sites near the port.");
        Assert.Equal(["United States forces", "British forces"], all.ConvertAll(f => f.Actor));
        Assert.Equal("US", all[0].Text);
        Assert.Equal("warplanes", all[0].Head);
        Assert.Equal(ActorMentionForm.Adjective, all[0].Form);
    }

    // ---- compounds and institutions ----

    [Fact]
    public void HamasRunHealthMinistryNamesHamasAsAnInstitution()
    {
        var f = Single("The Hamas-run health ministry said 31 people died.", "Hamas");
        Assert.Equal("Hamas", f.Text);
        Assert.True(f.Mention.Has(ActorMentionFlags.Compound));
        Assert.True(f.Mention.Has(ActorMentionFlags.Institution));
        Assert.Equal("run", f.Mention.Suffix);
    }

    [Fact]
    public void LinkedAndBackedCompoundsAreFlagged()
    {
        var shabaab = Single("Al-Shabaab-linked gunmen stormed the hotel.", "al-Shabaab");
        Assert.Equal("Al-Shabaab", shabaab.Text);
        Assert.Equal("linked", shabaab.Mention.Suffix);
        var iran = Find("Iran-backed Houthi rebels fired a missile.");
        Assert.Equal(["Iranian forces", "Houthis"], iran.ConvertAll(f => f.Actor));
        Assert.True(iran[0].Mention.Has(ActorMentionFlags.Compound));
        Assert.Equal("backed", iran[0].Mention.Suffix);
        Assert.False(iran[1].Mention.Has(ActorMentionFlags.Compound));
        var isLinked = Single("Islamic State-linked cells were dismantled.", "Islamic State");
        Assert.Equal("Islamic State", isLinked.Text);
    }

    [Fact]
    public void UsLedCoalitionIsAnAliasAndUsLedStrikesACompound()
    {
        var coalition = Single("A US-led coalition strike killed two.", "United States forces");
        Assert.Equal("US-led coalition", coalition.Text);
        Assert.False(coalition.Mention.Has(ActorMentionFlags.Compound));
        var strikes = Single("US-led strikes continued overnight.", "United States forces");
        Assert.Equal("led", strikes.Mention.Suffix);
        Assert.Equal("Saudi-led coalition", Single("Saudi-led airstrikes hit Sanaa.", "Saudi-led coalition").Actor);
    }

    [Fact]
    public void TalibanGovernmentIsAnInstitutionTalibanFightersAreNot()
    {
        var gov = Single("The Taliban government rejected the report.", "Taliban");
        Assert.True(gov.Mention.Has(ActorMentionFlags.Institution));
        var fighters = Single("Taliban fighters surrounded the district.", "Taliban");
        Assert.False(fighters.Mention.Has(ActorMentionFlags.Institution));
        Assert.Equal("fighters", fighters.Head);
        var officials = Single("Ukrainian officials said the dam was hit.", "Ukrainian forces");
        Assert.True(officials.Mention.Has(ActorMentionFlags.Institution));
        var ministry = Single("The Russian Defence Ministry said its units advanced.", "Russian forces");
        Assert.True(ministry.Mention.Has(ActorMentionFlags.Institution));
    }

    // ---- era names and look-alikes ----

    [Fact]
    public void IslamicStateOfIraqIsTheWholeEraName()
    {
        var era = Single("In 2008 the Islamic State of Iraq bombed a market.", "Islamic State");
        Assert.Equal("Islamic State of Iraq", era.Text);
        var today = Single("The Islamic State in Iraq still mounts ambushes.", "Islamic State");
        Assert.Equal("Islamic State", today.Text);
        var province = Single("The Islamic State West Africa Province raided Monguno.", "Islamic State West Africa Province");
        Assert.Equal("Islamic State West Africa Province", province.Text);
        Assert.DoesNotContain("Islamic State", Names("The Islamic State West Africa Province raided Monguno."));
    }

    [Fact]
    public void WagnerTheComposerIsNotTheWagnerGroup()
    {
        // Each sentence has one of the group's cue words (Russia, Russian), so only the name or role before it refuses "Wagner".
        Assert.DoesNotContain("Wagner Group", Names("A biography of Richard Wagner sold well in Russia."));
        Assert.DoesNotContain("Wagner Group", Names("Critics praised the composer Wagner before Russian audiences."));
        Assert.Empty(Find("Wagner is performed every summer at Bayreuth."));
        var fighters = Single("Wagner fighters seized the airport.", "Wagner Group");
        Assert.True(fighters.Mention.Has(ActorMentionFlags.Ambiguous));
        var cue = Single("In Mali, Wagner was accused of killing civilians.", "Wagner Group");
        Assert.True(cue.Mention.Has(ActorMentionFlags.Ambiguous));
        Assert.False(Single("The Wagner Group denied it.", "Wagner Group").Mention.Has(ActorMentionFlags.Ambiguous));
    }

    [Fact]
    public void AmbiguousAcronymsNeedTheirConflict()
    {
        Assert.Empty(Find("Reporters Without Borders (RSF) said two journalists were detained."));
        Assert.Equal(["Rapid Support Forces"], Names("RSF fighters stormed the camp."));
        Assert.Equal(["Rapid Support Forces"], Names("The RSF shelled El Fasher again."));
        Assert.Empty(Find("The ADF sent helicopters to the floods in Queensland."));
        Assert.Equal(["Allied Democratic Forces"], Names("The ADF killed villagers near Beni."));
        Assert.Empty(Find("Traffic on the M23 was slow near Crawley."));
        Assert.Equal(["M23"], Names("M23 rebels entered Goma."));
    }

    [Fact]
    public void LookalikeGroupsAreNotTheStatesForces()
    {
        Assert.Equal(["Russian Volunteer Corps"], Names("The Russian Volunteer Corps crossed the border."));
        Assert.Equal(["Israeli settlers"], Names("Israeli settlers torched cars in the village."));
        Assert.Equal(["Rapid Support Forces"], Names("The Sudanese paramilitary Rapid Support Forces attacked."));
        Assert.Equal(["Syrian Democratic Forces"], Names("The Syrian Democratic Forces detained them."));
    }

    // ---- state names ----

    [Fact]
    public void StateNamesAreMarkedAsSuch()
    {
        var all = Find("Russia launched 40 drones at Ukraine overnight.");
        Assert.Equal(["Russian forces", "Ukrainian forces"], all.ConvertAll(f => f.Actor));
        Assert.All(all, f => Assert.Equal(ActorMentionForm.StateName, f.Form));
        var poss = Single("Russia's forces advanced near the river.", "Russian forces");
        Assert.Equal(ActorMentionForm.Adjective, poss.Form);
        Assert.True(poss.Mention.Has(ActorMentionFlags.Possessive));
        Assert.Equal("Russia's forces", poss.Text);
        Assert.Empty(Find("Russia's economy and Ukraine's harvest."));
        Assert.Empty(Find("We ate turkey at dinner."));
        Assert.Equal(["Turkish forces"], Names("Turkey struck the villages."));
    }

    // ---- context-dependent aliases ----

    [Fact]
    public void TheEnemyIsAContextAliasWithReadingsPerSide()
    {
        var f = Single("The enemy shelled the town twice.", "Russian forces");
        Assert.Equal(ActorMentionForm.ContextAlias, f.Form);
        Assert.Equal("UA", f.Mention.Perspective);
        Assert.Equal("Russian forces", f.Mention.ResolveFor("UA")?.Name);
        Assert.Equal("Ukrainian forces", f.Mention.ResolveFor("RU")?.Name);
        Assert.Null(f.Mention.ResolveFor("PS"));
        Assert.Null(f.Mention.ResolveFor(null));
        Assert.Equal("enemy", f.Text);
        Assert.Equal(ActorMentionForm.ContextAlias, Find("ENEMY DRONES OVER THE CITY")[0].Form);
    }

    [Theory]
    [InlineData("The occupiers shelled Nikopol.", "occupiers")]
    [InlineData("The invaders fired on the town.", "invaders")]
    [InlineData("Rashists attacked the village.", "Rashists")]
    [InlineData("The orcs launched drones.", "orcs")]
    public void UkrainianOfficialWordsForRussianForces(string text, string span)
    {
        var f = Find(text);
        Assert.Single(f);
        Assert.Equal(span, f[0].Text);
        Assert.Equal(ActorMentionForm.ContextAlias, f[0].Form);
        Assert.Equal("Russian forces", f[0].Mention.ResolveFor("UA")?.Name);
        Assert.Null(f[0].Mention.ResolveFor("US"));
    }

    [Fact]
    public void OccupationForcesReadDifferentlyBySide()
    {
        var f = Find("Occupation forces raided the camp at dawn.");
        Assert.Single(f);
        var readings = f[0].Mention.Readings;
        Assert.Equal(2, readings.Count);
        Assert.Equal("Russian forces", f[0].Mention.ResolveFor("UA")?.Name);
        Assert.Equal("Israel Defense Forces", f[0].Mention.ResolveFor("PS")?.Name);
        Assert.Equal("Ukrainian forces", Single("The Kyiv regime shelled Donetsk.", "Ukrainian forces").Mention.ResolveFor("RU")?.Name);
        Assert.Equal(ActorMentionForm.Name, Single("The Israel Defense Forces raided the camp.", "Israel Defense Forces").Form);
    }

    [Fact]
    public void ContextAliasesKeepTargetAndHeadFlags()
    {
        var target = Find("Our forces struck enemy positions near Bakhmut.");
        Assert.Single(target);
        Assert.True(target[0].Mention.Has(ActorMentionFlags.ModifiesTarget));
        var head = Find("Enemy drones attacked Sumy.");
        Assert.Equal("Enemy drones", head[0].Text);
        Assert.Equal("drones", head[0].Head);
    }

    // ---- robustness, loading, threads ----

    [Fact]
    public void OddInputGivesEmptyResults()
    {
        Assert.Empty(Cat.Find("", []));
        Assert.Empty(Cat.Find("Hamas", []));
        // Tokens of another, longer text: out of range, so nothing rather than a crash.
        var other = TestTokens.Tokenize("Russian forces shelled the village near the river overnight.");
        Assert.Empty(Cat.Find("Russian", other));
        var junk = "\u202E\uD800 IS- -IS ' 's -run Hamas- al- \u0000 ISIS-K/IS-K";
        var found = Cat.Find(junk, TestTokens.Tokenize(junk));
        foreach (var m in found) Assert.InRange(m.End, m.Start + 1, junk.Length);
    }

    [Fact]
    public void LoadRejectsABadTable()
    {
        const string header = "name\tkind\tcountry\taliases\tadjectives\tstate_names\tcontext\tambiguous\tcues\tsources\n";
        static InvalidDataException Bad(string tsv) =>
            Assert.Throws<InvalidDataException>(() => ActorCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(tsv))));
        Assert.Contains("collides", Bad(header + "A\tstate\tRU\tX\t\t\t\t\t\tsrc\nB\tstate\tUA\tx\t\t\t\t\t\tsrc\n").Message);
        Assert.Contains("no source", Bad(header + "A\tstate\tRU\tX\t\t\t\t\t\t\n").Message);
        Assert.Contains("kind", Bad(header + "A\tarmy\tRU\tX\t\t\t\t\t\tsrc\n").Message);
        Assert.Contains("ISO", Bad(header + "A\tstate\tRussia\tX\t\t\t\t\t\tsrc\n").Message);
        Assert.Contains("cues", Bad(header + "A\tnon-state\t\tX\t\t\t\tX\t\tsrc\n").Message);
        Assert.Contains("PERSPECTIVE", Bad(header + "A\tstate\tRU\tX\t\t\tenemy\t\t\tsrc\n").Message);
        Assert.Contains("also a name", Bad(header + "A\tstate\tRU\tenemy\t\t\t\t\t\tsrc\nB\tstate\tUA\t\t\t\tRU:enemy\t\t\tsrc\n").Message);
        Assert.Contains("duplicate", Bad(header + "A\tstate\tRU\t\t\t\t\t\t\tsrc\nA\tstate\tRU\t\t\t\t\t\t\tsrc\n").Message);
        var ok = ActorCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(header + "Blue army\tstate\tFR\tBlues\tBluish\t\tRU,UA:the foe\t\t\tsrc\n")));
        Assert.Equal(1, ok.Count);
        var set = new ModelSet(ModelSet.Default.Gazetteer, ModelSet.Default.Weapons, ModelSet.Default.Tagger, ok);
        Assert.Same(ok, set.Actors);
        const string text = "Bluish jets and the foe struck.";
        var mentions = ok.Find(text, TestTokens.Tokenize(text));
        Assert.Equal(2, mentions.Count);
        Assert.Equal(2, mentions[1].Readings.Count);
    }

    [Fact]
    public void SharedAcrossThreadsGivesTheSameMentions()
    {
        string[] texts =
        [
            "Russian forces shelled the town while Ukrainian drones hit a depot.",
            "The Hamas-run health ministry said Israeli airstrikes killed 12.",
            "Wagner fighters and FAMa troops clashed with JNIM near the border.",
            "The enemy launched 30 Shahed drones; air defence downed 25.",
            "Al-Shabaab claimed the attack; Somali forces and Kenyan troops responded.",
        ];
        string Describe(string t) => string.Join("|", Cat.Find(t, TestTokens.Tokenize(t)).Select(m => $"{m.Start}:{m.End}:{m.Actor.Name}:{m.Form}:{m.Flags}"));
        var expected = texts.Select(Describe).ToArray();
        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Describe(texts[i % texts.Length]));
        for (int i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }
}
