namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>What a check-in found: the young person is still in their solution, moved to another one, left it without one, or could not be reached.</summary>
public enum ConstatSuivi
{
    [Valeur("toujours-en-solution", "Toujours en solution")] ToujoursEnSolution,
    [Valeur("a-change", "A changé de solution")] AChange,
    [Valeur("sorti-sans-solution", "Sorti·e sans solution")] SortiSansSolution,
    [Valeur("injoignable", "Injoignable")] Injoignable,
}

/// <summary>
/// A check-in after a solution the young person entered: due <see cref="Mois"/> months after the entry
/// (<see cref="SolutionSuivi.EntreeLe"/>), done once, by the young person through their personal link or by a référent.
/// The outcomes of the catalogue's programmes are counted from these rows.
/// </summary>
public sealed class PointSuivi
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }

    /// <summary>The solution entered that this check-in follows.</summary>
    public long SolutionId { get; set; }

    /// <summary>Months after the entry (1, 3, 6 and 12 unless the PSAD chose others).</summary>
    public int Mois { get; set; }
    public DateOnly Echeance { get; set; }

    public DateTime? FaitLe { get; set; }
    public ConstatSuivi? Constat { get; set; }

    /// <summary>The young person answered through their personal link (otherwise a référent recorded it: <see cref="Auteur"/>).</summary>
    public bool ParJeune { get; set; }
    public string? Auteur { get; set; }

    /// <summary>For <see cref="ConstatSuivi.AChange"/>: the kind of solution the young person is in now.</summary>
    public TypeSolution? NouveauType { get; set; }

    /// <summary>A few words (where, what), as typed, shown inert; erased with the identity.</summary>
    public string? Precision { get; set; }

    /// <summary>When a later event made this check-in pointless (the young person left without a solution, the file was transferred or cancelled).</summary>
    public DateTime? AnnuleLe { get; set; }

    public const int PrecisionMax = 200;

    /// <summary>Still in a solution (the same or another one): a positive exit at that date.</summary>
    public static bool Positif(ConstatSuivi? c) => c is ConstatSuivi.ToujoursEnSolution or ConstatSuivi.AChange;
}

internal sealed class PointSuiviConfiguration : IEntityTypeConfiguration<PointSuivi>
{
    public void Configure(EntityTypeBuilder<PointSuivi> b)
    {
        b.HasIndex(p => new { p.JeuneSuiviId, p.Mois });
        b.HasIndex(p => new { p.SolutionId, p.Mois }).IsUnique();

        // The check-ins due: the work lists and the weekly digest read open ones by date.
        b.HasIndex(p => p.Echeance).HasFilter("\"FaitLe\" IS NULL AND \"AnnuleLe\" IS NULL");
        b.Property(p => p.Constat).HasMaxLength(30);
        b.Property(p => p.NouveauType).HasMaxLength(40);
        b.Property(p => p.Auteur).HasMaxLength(256);
        b.Property(p => p.Precision).HasMaxLength(PointSuivi.PrecisionMax);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(p => p.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SolutionSuivi>().WithMany().HasForeignKey(p => p.SolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
