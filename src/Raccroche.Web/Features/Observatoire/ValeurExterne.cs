namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// A figure published outside the platform (INSEE, DEPP...) and imported by the regional administrator, shown as context
/// next to the observatory's own figures. Stored as its source published it: never re-masked (docs/decisions/0013,
/// "When this does not apply"), always shown with its source and licence. One value per (indicator, territory, period).
/// </summary>
public sealed class ValeurExterne
{
    public int Id { get; set; }

    /// <summary>The indicator's code, e.g. "sortants-precoces" (lower case, letters, digits and dashes).</summary>
    public required string Indicateur { get; set; }
    public required string Libelle { get; set; }

    /// <summary>"84" (the region), a département code ("63") or a PSAD code.</summary>
    public required string Territoire { get; set; }

    /// <summary>"AAAA", "AAAA-MM" or "AAAA-T1"…"AAAA-T4".</summary>
    public required string Periode { get; set; }
    public decimal Valeur { get; set; }
    public required string Unite { get; set; }
    public required string Source { get; set; }
    public required string Licence { get; set; }
    public DateTime ImporteeLe { get; set; }
    public required string ImporteePar { get; set; }
}

internal sealed class ValeurExterneConfiguration : IEntityTypeConfiguration<ValeurExterne>
{
    public void Configure(EntityTypeBuilder<ValeurExterne> b)
    {
        b.ToTable("ValeursExternes");
        b.Property(v => v.Indicateur).HasMaxLength(ImportValeursExternes.LongueurCode);
        b.Property(v => v.Libelle).HasMaxLength(ImportValeursExternes.LongueurLibelle);
        b.Property(v => v.Territoire).HasMaxLength(ImportValeursExternes.LongueurCode);
        b.Property(v => v.Periode).HasMaxLength(7);
        b.Property(v => v.Valeur).HasPrecision(18, 4);
        b.Property(v => v.Unite).HasMaxLength(ImportValeursExternes.LongueurCode);
        b.Property(v => v.Source).HasMaxLength(ImportValeursExternes.LongueurLibelle);
        b.Property(v => v.Licence).HasMaxLength(ImportValeursExternes.LongueurLibelle);
        b.Property(v => v.ImporteePar).HasMaxLength(256);
        b.HasIndex(v => new { v.Indicateur, v.Territoire, v.Periode }).IsUnique();
    }
}
