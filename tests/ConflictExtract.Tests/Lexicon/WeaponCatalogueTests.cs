using ConflictExtract.Records;
using System.Text;
using ConflictExtract.Lexicon;

namespace ConflictExtract.Tests.Lexicon;

public class WeaponCatalogueTests
{
    private static readonly WeaponCatalogue Cat = WeaponCatalogue.Default;

    private static List<(string Text, string Name)> Find(string text)
    {
        var result = new List<(string, string)>();
        foreach (var m in Cat.Find(text, WeaponTestTokens.Tokenize(text)))
            result.Add((text[m.Start..m.End], m.Entry.Name));
        return result;
    }

    private static void AssertFinds(string text, params string[] expected)
    {
        var got = Find(text);
        var names = got.ConvertAll(g => g.Name);
        Assert.Equal(expected, names);
    }

    [Fact]
    public void DefaultIsEmbeddedAndLarge()
    {
        var names = typeof(WeaponCatalogue).Assembly.GetManifestResourceNames();
        Assert.NotNull(WeaponCatalogue.FindResourceName(names));
        Assert.True(Cat.Count >= 150, $"only {Cat.Count} systems");
        Assert.True(Cat.AliasCount > Cat.Count * 2);
    }

    [Fact]
    public void EveryEntryIsValid()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Cat.Entries)
        {
            Assert.True(seen.Add(e.Name), e.Name);
            Assert.True(WeaponCategories.TryParse(e.CategoryName, out var c) && c == e.Category, e.Name);
            Assert.True(e.Origin is null || (e.Origin.Length == 2 && e.Origin.ToUpperInvariant() == e.Origin), e.Name);
            Assert.True(e.MaxRangeKm is null or > 0, e.Name);
            Assert.True(Cat.TryGet(e.Name, out var back) && ReferenceEquals(back, e), e.Name);
            foreach (var a in e.Aliases) Assert.True(Cat.TryGet(a, out var ba) && ReferenceEquals(ba, e), a);
        }
    }

    [Theory]
    [InlineData("Kh-101", "Kh-101")]
    [InlineData("X-101", "Kh-101")]
    [InlineData("kh101", "Kh-101")]
    [InlineData("Х-101", "Kh-101")]
    [InlineData("Kh-555", "Kh-555")]
    [InlineData("X-555", "Kh-555")]
    [InlineData("Geran-2", "Shahed-136")]
    [InlineData("Shahed", "Shahed-136")]
    [InlineData("Geran-1", "Shahed-131")]
    [InlineData("Shahed-238", "Shahed-238")]
    [InlineData("9K720", "Iskander-M")]
    [InlineData("9M723", "Iskander-M")]
    [InlineData("Iskander", "Iskander-M")]
    [InlineData("9M728", "Iskander-K")]
    [InlineData("Hwasong-11Ga", "KN-23")]
    [InlineData("Hwasong-11", "KN-23")]
    [InlineData("KN-24", "KN-24")]
    [InlineData("Kh-47M2", "Kinzhal")]
    [InlineData("Kh-47M2 Kinzhal", "Kinzhal")]
    [InlineData("3M-14", "Kalibr")]
    [InlineData("3M14", "Kalibr")]
    [InlineData("OTR-21", "Tochka-U")]
    [InlineData("C-300", "S-300")]
    [InlineData("C-400", "S-400")]
    [InlineData("BM-21", "Grad")]
    [InlineData("BM-27", "Uragan")]
    [InlineData("BM-30", "Smerch")]
    [InlineData("9K515", "Tornado-S")]
    [InlineData("KAB-500", "KAB")]
    [InlineData("FAB-1500", "FAB-1500")]
    [InlineData("UMPK", "UMPK")]
    [InlineData("Lancet-3", "Lancet")]
    [InlineData("Orlan-10", "Orlan-10")]
    [InlineData("ZALA", "ZALA")]
    [InlineData("MGM-140", "ATACMS")]
    [InlineData("SCALP-EG", "Storm Shadow")]
    [InlineData("SCALP", "Storm Shadow")]
    [InlineData("M142", "HIMARS")]
    [InlineData("M31", "GMLRS")]
    [InlineData("R-360", "Neptune")]
    [InlineData("MIM-104", "Patriot")]
    [InlineData("PAC-3", "Patriot")]
    [InlineData("IRIS-T SLM", "IRIS-T")]
    [InlineData("NASAMS", "NASAMS")]
    [InlineData("TB2", "Bayraktar TB2")]
    [InlineData("Kh-22", "Kh-22")]
    [InlineData("X-32", "Kh-32")]
    [InlineData("X-59", "Kh-59")]
    [InlineData("Kh-31P", "Kh-31")]
    [InlineData("P-800", "Oniks")]
    [InlineData("3M22", "Zircon")]
    [InlineData("Tu-22M3", "Tu-22M3")]
    [InlineData("Tu-95MS", "Tu-95MS")]
    [InlineData("MiG-31K", "MiG-31K")]
    [InlineData("Solntsepyok", "TOS-1A")]
    [InlineData("2S19", "2S19 Msta-S")]
    [InlineData("Zulfiqar", "Zolfaghar")]
    [InlineData("Burqan-2", "Burkan-2H")]
    [InlineData("David's Sling", "David's Sling")]
    [InlineData("Mark 84", "Mk-84")]
    [InlineData("Молнія", "Molniya")]
    public void TryGetResolvesAliasesAndTransliterations(string alias, string canonical)
    {
        Assert.True(Cat.TryGet(alias, out var e), alias);
        Assert.Equal(canonical, e.Name);
    }

    [Fact]
    public void EntriesCarryContractFacts()
    {
        Assert.True(Cat.TryGet("KN-23", out var kn));
        Assert.Equal(WeaponCategory.BallisticMissile, kn.Category);
        Assert.Equal("ballistic-missile", kn.CategoryName);
        Assert.Equal("KP", kn.Origin);
        Assert.NotNull(kn.MaxRangeKm);
        Assert.True(Cat.TryGet("Geran-2", out var sh));
        Assert.Equal(("attack-drone", "IR"), (sh.CategoryName, sh.Origin));
        Assert.True(Cat.TryGet("Kinzhal", out var kz));
        Assert.Equal("hypersonic-missile", kz.CategoryName);
        Assert.True(Cat.TryGet("Storm Shadow", out var ss));
        Assert.Equal(("cruise-missile", "GB"), (ss.CategoryName, ss.Origin));
        Assert.False(Cat.TryGet("missile", out _));
        Assert.False(Cat.TryGet("", out _));
    }

    [Fact]
    public void SlashWithNumberOnlyPartGivesTwoMentions()
    {
        const string text = "Russia has fired North Korean KN-23/24 missiles at Zaporizhzhia since December.";
        var ms = Cat.Find(text, WeaponTestTokens.Tokenize(text));
        Assert.Equal(2, ms.Count);
        Assert.Equal("KN-23", ms[0].Entry.Name);
        Assert.Equal("KN-23", text[ms[0].Start..ms[0].End]);
        Assert.Equal("KN-24", ms[1].Entry.Name);
        Assert.Equal("KN-23/24", text[ms[1].Start..ms[1].End]);
    }

    [Fact]
    public void SlashWithFullDesignationsGivesEachPartItsSpan()
    {
        Assert.Equal([("Kh-101", "Kh-101"), ("Kh-555", "Kh-555")], Find("Bombers released Kh-101/Kh-555 cruise missiles over the Caspian Sea."));
        Assert.Equal([("X-101", "Kh-101"), ("X-555", "Kh-555")], Find("The air force reported X-101/X-555 launches."));
        Assert.Equal([("Shahed-136", "Shahed-136"), ("Shahed-136/131", "Shahed-131")], Find("Overnight 30 Shahed-136/131 drones flew towards Odesa."));
        Assert.Equal([("S-300", "S-300"), ("S-300/400", "S-400")], Find("Kharkiv was hit by S-300/400 missiles."));
        Assert.Equal([("Iskander-M", "Iskander-M"), ("KN-23", "KN-23")], Find("Two Iskander-M/KN-23 missiles were launched from Kursk."));
        Assert.Equal([("Kh-22", "Kh-22"), ("Kh-22/32", "Kh-32")], Find("Tu-22M3 bombers fired Kh-22/32 missiles.").GetRange(1, 2));
        Assert.Equal([("Storm Shadow", "Storm Shadow"), ("SCALP", "Storm Shadow")], Find("Ukraine fired Storm Shadow/SCALP missiles at the port."));
    }

    [Fact]
    public void FindsCommonNewsForms()
    {
        AssertFinds("Ukraine's air force said 40 Shahed drones were shot down overnight.", "Shahed-136");
        AssertFinds("Russian forces launched Geran-2 drones at the city.", "Shahed-136");
        AssertFinds("A X-101 missile was intercepted over Kyiv.", "Kh-101");
        AssertFinds("S-300 missiles struck a residential building in Kharkiv.", "S-300");
        AssertFinds("Moscow fired two Iskander-M ballistic missiles at Dnipro.", "Iskander-M");
        AssertFinds("Britain supplied Storm Shadow cruise missiles to Kyiv.", "Storm Shadow");
        AssertFinds("Ukraine has received more HIMARS from the United States.", "HIMARS");
        AssertFinds("Russia shelled the village with Grads on Tuesday.", "Grad");
        AssertFinds("Russian Grad rockets hit Kherson.", "Grad");
        AssertFinds("Shaheds and Kalibrs were launched at the grid.", "Shahed-136", "Kalibr");
        AssertFinds("Two Kinzhal hypersonic missiles were fired from MiG-31K jets.", "Kinzhal", "MiG-31K");
        AssertFinds("Kyiv said Patriot systems intercepted all 6 Kinzhal missiles.", "Patriot", "Kinzhal");
        AssertFinds("Lancet loitering munitions destroyed a howitzer.", "Lancet");
        AssertFinds("The Houthis fired a Palestine-2 missile at Israel; Arrow 3 intercepted it.", "Palestine-2", "Arrow");
        AssertFinds("Hezbollah launched Burkan rockets at the border post.", "Burkan");
        AssertFinds("Iran fired Kheibar Shekan and Fattah-1 missiles at Israel.", "Kheibar Shekan", "Fattah-1");
        AssertFinds("Iron Dome and David's Sling intercepted the Fajr-5 rockets.", "Iron Dome", "David's Sling", "Fajr-5");
        AssertFinds("Ukrainian drones hit the Tu-95MS and Tu-22M3 bombers.", "Tu-95MS", "Tu-22M3");
        AssertFinds("FAB-500 bombs with UMPK kits fell on Kharkiv.", "FAB-500", "UMPK");
        AssertFinds("An Iskander-K cruise missile hit the port.", "Iskander-K");
        AssertFinds("The Long Neptune missile hit a refinery.", "Long Neptune");
        AssertFinds("Su-34 jets dropped KAB-500 bombs.", "Su-34", "KAB");
        AssertFinds("The Kinzhal’s range is classified.", "Kinzhal");
        AssertFinds("Russia launched 50 Shahed-type drones and HIMARS-launched rockets hit a depot.", "Shahed-136", "HIMARS");
        Assert.Equal([("Shahed", "Shahed-136")], Find("Shahed-type drones attacked Sumy."));
    }

    [Fact]
    public void OffsetsAreExact()
    {
        const string text = "On Monday, Russia launched 3M-14 Kalibr missiles and Kh-101s.";
        var ms = Cat.Find(text, WeaponTestTokens.Tokenize(text));
        Assert.Equal(3, ms.Count);
        Assert.Equal("3M-14", text[ms[0].Start..ms[0].End]);
        Assert.Equal(text.IndexOf("3M-14", StringComparison.Ordinal), ms[0].Start);
        Assert.Equal("Kalibr", text[ms[1].Start..ms[1].End]);
        Assert.Equal("Kh-101s", text[ms[2].Start..ms[2].End]);
        Assert.Equal("Kh-101", ms[2].Entry.Name);
    }

    [Theory]
    [InlineData("He described himself as a patriot of his country.")]
    [InlineData("Thousands attended the Neptune festival in Odesa.")]
    [InlineData("A tornado hit the town on Sunday.")]
    [InlineData("Tornado warnings were issued across the state.")]
    [InlineData("She is a grad student in Lviv.")]
    [InlineData("He described himself as a Patriot. Missiles fell later.")]
    [InlineData("The Arrow of Time is a famous book.")]
    [InlineData("The Quds Force commander met officials in Beirut.")]
    [InlineData("The Qassam Brigades fired rockets towards Ashkelon.")]
    [InlineData("Al-Quds Brigades said it had attacked the convoy.")]
    [InlineData("Mr Caesar spoke to reporters.")]
    [InlineData("a lancet was found in the hospital bin.")]
    [InlineData("General Abdel Fattah al-Burhan said drone strikes hit Port Sudan.")]
    [InlineData("Iskander said the missile strike was a warning.")]
    [InlineData("Mr Nasr told reporters that rockets had landed nearby.")]
    public void AmbiguousWordsNeedEvidence(string text)
    {
        var found = Find(text);
        // "Qassam Brigades fired rockets" must not produce a Qassam rocket either.
        Assert.Empty(found);
    }

    [Fact]
    public void AmbiguousWordsMatchWithEvidence()
    {
        AssertFinds("Ukraine used a Neptune missile against the cruiser.", "Neptune");
        AssertFinds("Russia fired Tornado multiple rocket launchers at Sumy.", "Tornado-S");
        AssertFinds("Germany will send another Patriot battery.", "Patriot");
        AssertFinds("Hamas fired Qassam rockets at Sderot.", "Qassam");
        AssertFinds("Caesar howitzers shelled Russian positions.", "Caesar");
        AssertFinds("The Houthis launched a Quds-4 cruise missile.", "Quds");
    }

    [Fact]
    public void TranslatedAndUkrainianNamesMatchWithEvidence()
    {
        AssertFinds("Occupiers shelled two villages from \"Hurricane\" launchers overnight.", "Uragan");
        AssertFinds("The army said Russian forces fired Hrads at Nikopol.", "Grad");
        AssertFinds("A Russian Caliber missile was shot down over Vinnytsia.", "Kalibr");
        AssertFinds("The Dagger hypersonic missile is launched from a MiG-31K.", "Kinzhal", "MiG-31K");
        Assert.Empty(Find("The hurricane hit the coast on Sunday."));
        Assert.Empty(Find("Hurricane Milton made landfall in Florida."));
        Assert.Empty(Find("The rifle's caliber is 7.62 mm."));
    }

    [Fact]
    public void OddInputNeverThrows()
    {
        Assert.Empty(Cat.Find("", []));
        Assert.Empty(Cat.Find("Kh-101", []));
        Assert.Empty(Cat.Find("Kh-101", [new ConflictExtract.Text.Token(3, 50, ConflictExtract.Text.TokenKind.Word, 0)]));
        foreach (var s in new[] { "\0\u0001\u0002", "\ud800Kh-101\udc00", "////", "Kh-/", "/24", "KN-23//24//", new string('/', 1000) })
            _ = Cat.Find(s, WeaponTestTokens.Tokenize(s));
        var sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) sb.Append("Shahed-136/131 Grad ").Append(i).Append(' ');
        string huge = sb.ToString();
        var ms = Cat.Find(huge, WeaponTestTokens.Tokenize(huge));
        Assert.Equal(40000, ms.Count);
        // A very long slash chain does not overflow the key buffer.
        string chain = "Kh-" + string.Join('/', Enumerable.Range(0, 300));
        _ = Cat.Find(chain, WeaponTestTokens.Tokenize(chain));
    }

    [Fact]
    public void FindIsThreadSafeAndDeterministic()
    {
        const string text = "Russia launched 12 Shahed drones, two Kh-101/Kh-555 missiles and KN-23/24 missiles; Patriot systems intercepted most.";
        var tokens = WeaponTestTokens.Tokenize(text);
        var expected = Cat.Find(text, tokens);
        Parallel.For(0, 64, _ =>
        {
            var got = Cat.Find(text, WeaponTestTokens.Tokenize(text));
            Assert.Equal(expected, got);
        });
        Assert.Equal(6, expected.Count);
    }

    [Fact]
    public void LoadReadsACustomTableAndRejectsBadOnes()
    {
        const string good = "name\taliases\tcategory\torigin\tmaxRangeKm\tsource\tambiguous\n# comment\nWidget-1\tW-1|Gizmo\tattack-drone\tUA\t100\ttest\tGizmo\n";
        var cat = WeaponCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(good)));
        Assert.Equal(1, cat.Count);
        Assert.True(cat.TryGet("w1", out var e));
        Assert.Equal(100, e.MaxRangeKm);
        Assert.Equal(["Gizmo"], e.AmbiguousAliases);
        const string text = "the gizmo works; W-1 drones attacked.";
        Assert.Single(cat.Find(text, WeaponTestTokens.Tokenize(text)));

        const string bad = "name\taliases\tcategory\torigin\tmaxRangeKm\tsource\tambiguous\nA-1\tB\tmissile\tru\tfar\tx\tC\nA-2\tB\tartillery\tUA\t\tx\t\n";
        var ex = Assert.Throws<InvalidDataException>(() => WeaponCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(bad))));
        Assert.Contains("collides", ex.Message);
        Assert.Contains("unknown category", ex.Message);
    }
}
