using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Resultats;

/// <summary>One computation of the programmes' outcomes (the nightly snapshot, decision 0020): when, over what, how long.</summary>
public sealed class CalculResultats
{
    public int Id { get; set; }
    public DateTime CalculeLe { get; set; }

    /// <summary>Pairs (programme, young person) counted: each young person once per programme proposed to them.</summary>
    public int Propositions { get; set; }

    /// <summary>Cells written (<see cref="CelluleResultats"/> rows).</summary>
    public int Cellules { get; set; }

    /// <summary>How long the aggregate query and the writes took, in milliseconds.</summary>
    public int DureeMs { get; set; }
}

/// <summary>
/// One cell of a computation: the young people to whom a programme of the catalogue was proposed (a
/// <see cref="Decrocheurs.SolutionSuivi"/> with <c>DispositifId</c>), of one PSAD, one sex, one age band and one highest
/// diploma, and what became of them. Raw counts, never shown as such: pages and exports mask them
/// (<see cref="TableauResultats"/>). Per check-in month (3, 6, 12): the check-ins done (<c>Faits</c>, "injoignable"
/// included), those that found the young person still in the programme (<c>Toujours</c>) and those that found them in
/// another solution (<c>Changes</c>).
/// </summary>
public sealed class CelluleResultats
{
    public long Id { get; set; }
    public int CalculId { get; set; }
    public int DispositifId { get; set; }
    public int PsadId { get; set; }

    /// <summary>"F", "M", or none when the lists never gave it.</summary>
    public string? Sexe { get; set; }

    /// <summary>The age reached in the year of the first proposal; none without a birth date.</summary>
    public ClasseAge? Classe { get; set; }

    /// <summary>The highest diploma of the latest entretien de situation (a <see cref="Catalogue.Vocabulaire.Niveaux"/> value); none without an entretien.</summary>
    public string? Diplome { get; set; }

    public int Proposes { get; set; }
    public int Entres { get; set; }
    public int Faits3 { get; set; }
    public int Toujours3 { get; set; }
    public int Changes3 { get; set; }
    public int Faits6 { get; set; }
    public int Toujours6 { get; set; }
    public int Changes6 { get; set; }
    public int Faits12 { get; set; }
    public int Toujours12 { get; set; }
    public int Changes12 { get; set; }
}

internal sealed class CalculResultatsConfiguration : IEntityTypeConfiguration<CalculResultats>
{
    public void Configure(EntityTypeBuilder<CalculResultats> b) => b.HasIndex(c => c.CalculeLe);
}

internal sealed class CelluleResultatsConfiguration : IEntityTypeConfiguration<CelluleResultats>
{
    public void Configure(EntityTypeBuilder<CelluleResultats> b)
    {
        b.HasIndex(r => new { r.CalculId, r.DispositifId });
        b.Property(r => r.Sexe).HasMaxLength(1);
        b.Property(r => r.Classe).HasMaxLength(10);
        b.Property(r => r.Diplome).HasMaxLength(20);
        b.HasOne<CalculResultats>().WithMany().HasForeignKey(r => r.CalculId).OnDelete(DeleteBehavior.Cascade);

        // No foreign key to the programme nor the PSAD: a snapshot is a derived copy, replaced every night; 90,000 cells
        // written at once would pay two key lookups each (and two more indexes). A programme or PSAD deleted since just has
        // no page (programmes) or reads "PSAD supprimée" (territory rows) until the next night.
    }
}
