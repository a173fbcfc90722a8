using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Demandes;

internal sealed class DemandeContactConfiguration : IEntityTypeConfiguration<DemandeContact>
{
    public void Configure(EntityTypeBuilder<DemandeContact> b)
    {
        // The outbox (Courriers) knows a request only by its id: the link is declared here, on the side that owns it.
        b.HasMany<MessageSortant>().WithOne().HasForeignKey(m => m.DemandeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.Reference).IsUnique();
        b.HasIndex(d => new { d.StructureId, d.CreeLe });
        b.Property(d => d.Reference).HasMaxLength(12);
        b.Property(d => d.Prenom).HasMaxLength(50);
        b.Property(d => d.Telephone).HasMaxLength(20);
        b.Property(d => d.Courriel).HasMaxLength(200);
        b.Property(d => d.Creneau).HasMaxLength(20);
        b.Property(d => d.Message).HasMaxLength(1000);
        b.Property(d => d.Reponses).HasMaxLength(2000);
        // Two status changes taken on the same state (two "réorienté·e" clicks): the second finds the status changed and fails.
        b.Property(d => d.Statut).HasMaxLength(30).IsConcurrencyToken();
        b.HasOne(d => d.Structure).WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.StructureOrigine).WithMany().HasForeignKey(d => d.StructureOrigineId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.StructureOrigineId, d.CreeLe });
        b.HasIndex(d => d.ClotureLe);
        b.Property(d => d.Origine).HasMaxLength(20);
        b.Property(d => d.EmetteurId).HasMaxLength(450);
        b.Property(d => d.Emetteur).HasMaxLength(100);
        b.Property(d => d.Situation).HasMaxLength(40);
        b.Property(d => d.MotifSansSuite).HasMaxLength(40);
        b.Property(d => d.CodeCommune).HasMaxLength(5);
        b.Property(d => d.Departement).HasMaxLength(3);
        b.HasIndex(d => d.Departement);
        b.HasIndex(d => d.CodeCommune);
    }
}

internal sealed class SuiviDemandeConfiguration : IEntityTypeConfiguration<SuiviDemande>
{
    public void Configure(EntityTypeBuilder<SuiviDemande> b)
    {
        b.HasIndex(s => new { s.DemandeId, s.Le });
        b.Property(s => s.Statut).HasMaxLength(30);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.AuteurId).HasMaxLength(450);
        b.Property(s => s.Auteur).HasMaxLength(100);
        b.HasOne<DemandeContact>().WithMany(d => d.Suivi).HasForeignKey(s => s.DemandeId).OnDelete(DeleteBehavior.Cascade);
    }
}
