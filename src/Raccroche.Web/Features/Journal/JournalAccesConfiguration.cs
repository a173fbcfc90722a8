
namespace Raccroche.Web.Features.Journal;

internal sealed class JournalAccesConfiguration : IEntityTypeConfiguration<JournalAcces>
{
    public void Configure(EntityTypeBuilder<JournalAcces> b)
    {
        b.ToTable("JournalAcces");
        b.HasIndex(j => j.Le);
        b.HasIndex(j => new { j.Ressource, j.RessourceId });
        b.HasIndex(j => j.UtilisateurId);
        b.Property(j => j.UtilisateurId).HasMaxLength(450);
        b.Property(j => j.Utilisateur).HasMaxLength(256);
        b.Property(j => j.Action).HasMaxLength(40);
        b.Property(j => j.Ressource).HasMaxLength(40);
        // An invitation's line names it by its address (up to 256 characters, as an account's e-mail).
        b.Property(j => j.RessourceId).HasMaxLength(256);
        b.Property(j => j.Adresse).HasMaxLength(64);
        b.Property(j => j.Detail).HasMaxLength(500);
        b.HasIndex(j => j.Rang).IsUnique();
        b.Property(j => j.Empreinte).HasMaxLength(64);
        b.Property(j => j.EmpreintePrecedente).HasMaxLength(64);
    }
}
