using ConflictExtract.Records;

namespace ConflictExtract.Tests.Building;

public class TaggerIntegrationTests : ExtractorTestBase
{
    [Fact]
    public void UnlistedDesignationBecomesAWeaponWithItsNounsCategory()
    {
        var r = Run("Russia struck Dnipro with a new Kh-999 cruise missile on Tuesday.");
        var w = Assert.Single(r.Weapons);
        Assert.Equal("Kh-999", w.Name);
        Assert.Equal(WeaponCategory.CruiseMissile, w.Category);
        Assert.Null(w.Origin);
        Assert.Equal(w.Id, Assert.Single(Assert.Single(r.Strikes).WeaponIds));
    }

    [Fact]
    public void EntitiesCarryPeopleOrganisationsAndNationalities()
    {
        var r = Run("President Volodymyr Zelensky said North Korean troops fought near Kursk, according to the Defence Ministry.");
        Assert.Contains(r.Entities, e => e.Type == EntityType.PER && e.Text == "Volodymyr Zelensky");
        Assert.Contains(r.Entities, e => e.Type == EntityType.NORP && e.Text == "North Korean");
        Assert.Contains(r.Entities, e => e.Type == EntityType.ORG && e.Text == "Defence Ministry");
        Assert.Contains(r.Entities, e => e.Type == EntityType.LOC && e.Text == "Kursk");
    }

    [Fact]
    public void TargetIsAnEntityAndEvidence()
    {
        var r = Run("A drone hit an oil refinery in Ryazan on Friday.");
        var t = Assert.Single(r.Entities, e => e.Type == EntityType.TARGET);
        Assert.Equal("oil refinery", t.Text);
        Assert.Contains(Assert.Single(r.Strikes).Evidence, e => e.Text == "oil refinery");
    }

    [Fact]
    public void ACommonWordIsNotAWeapon()
    {
        var r = Run("A storm hit the port of Odesa, and the grad students were evacuated.");
        Assert.Empty(r.Weapons);
    }
}
