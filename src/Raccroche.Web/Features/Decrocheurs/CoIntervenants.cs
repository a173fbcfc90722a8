namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>Why another partner structure follows the young person too (coded: no free text about a minor shared between structures).</summary>
public enum MotifCoIntervention
{
    [Valeur("accompagnement", "La structure accompagne aussi le jeune")] Accompagnement,
    [Valeur("solution", "La structure porte la solution du jeune")] Solution,
    [Valeur("relais", "Un relais vers cette structure est en cours")] Relais,
    [Valeur("demande-du-jeune", "Le jeune l'a demandé")] DemandeDuJeune,
}

/// <summary>Why a co-intervenant stops following the file; <see cref="Transfert"/> is written by the transfer only.</summary>
public enum MotifFinCoIntervention
{
    [Valeur("fin-accompagnement", "La structure n'accompagne plus le jeune")] FinAccompagnement,
    [Valeur("erreur", "Ajoutée par erreur")] Erreur,
    [Valeur("demande-du-jeune", "Le jeune l'a demandé")] DemandeDuJeune,
    [Valeur("transfert", "Dossier transféré à une autre PSAD")] Transfert,
}

/// <summary>
/// A co-intervenant: another partner structure of the file's PSAD that also follows the young person, from
/// <see cref="DebutLe"/> until <see cref="FinLe"/>. Its référents read the file as a référent does and change nothing
/// (<see cref="PositionDossier.CoIntervenant"/>); only the assigned structure and the coordinators move the file. A row is
/// never deleted: ended, it stays as the period it covered (the history says who added and removed it).
/// </summary>
public sealed class CoIntervention
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public int StructureId { get; set; }
    public MotifCoIntervention Motif { get; set; }
    public DateTime DebutLe { get; set; }
    public required string DebutPar { get; set; }
    public DateTime? FinLe { get; set; }
    public string? FinPar { get; set; }
    public MotifFinCoIntervention? MotifFin { get; set; }

    /// <summary>The reasons offered by the removal form (the transfer ends co-interventions itself).</summary>
    public static IEnumerable<MotifFinCoIntervention> MotifsFinProposes => ValeursFermees.Toutes<MotifFinCoIntervention>().Where(m => m != MotifFinCoIntervention.Transfert);
}

internal sealed class CoInterventionConfiguration : IEntityTypeConfiguration<CoIntervention>
{
    public void Configure(EntityTypeBuilder<CoIntervention> b)
    {
        // One running co-intervention per structure and file (two référents adding it at once: the second is refused);
        // the co-followed list looks files up by the référent's structure.
        b.HasIndex(c => new { c.JeuneSuiviId, c.StructureId }).IsUnique().HasFilter("\"FinLe\" IS NULL");
        b.HasIndex(c => new { c.StructureId, c.JeuneSuiviId }).HasFilter("\"FinLe\" IS NULL");
        b.Property(c => c.Motif).HasMaxLength(30);
        b.Property(c => c.MotifFin).HasMaxLength(30);
        b.Property(c => c.DebutPar).HasMaxLength(256);
        b.Property(c => c.FinPar).HasMaxLength(256);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(c => c.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Catalogue.Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
