
namespace Raccroche.Web.Features.Decrocheurs;

internal sealed class PsadConfiguration : IEntityTypeConfiguration<Psad>
{
    public void Configure(EntityTypeBuilder<Psad> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(20);
        b.Property(p => p.Nom).HasMaxLength(150);
        b.HasMany(p => p.Partenaires).WithOne().HasForeignKey(x => x.PsadId).OnDelete(DeleteBehavior.Cascade);
        b.ComplexProperty(p => p.Reglages, r => r.Property(x => x.MoisPointsSuivi).HasMaxLength(40));
        b.ComplexProperty(p => p.Modeles, m =>
        {
            m.Property(x => x.Jeune).HasMaxLength(ModelesMessages.Max);
            m.Property(x => x.JeuneRelance).HasMaxLength(ModelesMessages.Max);
            m.Property(x => x.Responsable).HasMaxLength(ModelesMessages.Max);
            m.Property(x => x.ResponsableRelance).HasMaxLength(ModelesMessages.Max);
            m.Property(x => x.PointSuivi).HasMaxLength(ModelesMessages.Max);
        });
        b.ComplexProperty(p => p.EnTete, e =>
        {
            e.Property(x => x.Adresse).HasMaxLength(EnTeteLettres.AdresseMax);
            e.Property(x => x.Telephone).HasMaxLength(30);
            e.Property(x => x.Courriel).HasMaxLength(200);
            e.Property(x => x.ConseilDepartemental).HasMaxLength(EnTeteLettres.AdresseMax);
        });
    }
}

internal sealed class PartenairePsadConfiguration : IEntityTypeConfiguration<PartenairePsad>
{
    public void Configure(EntityTypeBuilder<PartenairePsad> b)
    {
        b.HasKey(x => new { x.PsadId, x.StructureId });
        b.HasOne(x => x.Structure).WithMany().HasForeignKey(x => x.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LivraisonConfiguration : IEntityTypeConfiguration<Livraison>
{
    public void Configure(EntityTypeBuilder<Livraison> b)
    {
        b.HasIndex(l => new { l.PsadId, l.EmpreinteFichier }).IsUnique();
        b.HasIndex(l => new { l.PsadId, l.Mois });
        b.Property(l => l.NomFichier).HasMaxLength(200);
        b.Property(l => l.EmpreinteFichier).HasMaxLength(64);
        b.Property(l => l.ImporteePar).HasMaxLength(256);
        b.HasOne<Psad>().WithMany().HasForeignKey(l => l.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JeuneSuiviConfiguration : IEntityTypeConfiguration<JeuneSuivi>
{
    public void Configure(EntityTypeBuilder<JeuneSuivi> b)
    {
        b.HasIndex(j => new { j.PsadId, j.Ine });
        b.HasIndex(j => new { j.PsadId, j.DateNaissance });
        b.Property(j => j.Ine).HasMaxLength(11);
        b.Property(j => j.Nom).HasMaxLength(100);
        b.Property(j => j.NomNaissance).HasMaxLength(100);
        b.Property(j => j.Prenom).HasMaxLength(100);
        b.Property(j => j.LieuNaissance).HasMaxLength(100);
        b.Property(j => j.CodeInsee).HasMaxLength(5);
        b.Property(j => j.Commune).HasMaxLength(100);
        b.Property(j => j.NomRecherche).HasMaxLength(310);
        b.Property(j => j.Formation).HasMaxLength(200);
        b.Property(j => j.NiveauFormation).HasMaxLength(10);
        b.Property(j => j.Sexe).HasMaxLength(1);
        b.Property(j => j.EtablissementUai).HasMaxLength(8);
        b.HasOne<Psad>().WithMany().HasForeignKey(j => j.PsadId).OnDelete(DeleteBehavior.Cascade);

        // The work lists filter by PSAD, structure and status, then sort by dates.
        b.HasIndex(j => new { j.PsadId, j.Statut, j.StatutDepuis });
        b.HasIndex(j => new { j.PsadId, j.StructureId, j.Statut });
        b.HasIndex(j => new { j.PsadId, j.NomRecherche });
        b.HasIndex(j => new { j.PsadId, j.ArriveLe });

        // The tab counts, the coordinator's counts, every filter and the page's sort read only these columns of the files still
        // identified: PostgreSQL answers them from this index alone (an index-only scan, with the INCLUDE columns) instead of
        // visiting one heap block per file of the PSAD; only the page's 50 files are then read whole. SQLite has no INCLUDE
        // and keeps the key columns only. Measured in docs/benchmarks.md (coordinator list p95 148 → 28 ms at 1,000,000 files).
        b.HasIndex(j => new { j.PsadId, j.Statut, j.NombreTentatives }, "IX_JeunesSuivis_Listes")
            .HasFilter("\"AnonymiseLe\" IS NULL")
            .IncludeProperties(j => new
            {
                j.StructureId,
                j.ReferentId,
                j.DateNaissance,
                j.DateSortie,
                j.RappelDemandeLe,
                j.SortiSansSolutionLe,
                j.ArriveLe,
                j.StatutDepuis,
                j.DerniereActionLe,
                j.CodeInsee,
                j.Commune,
                j.Formation,
                j.NiveauFormation,
                j.Ine,
                j.NomRecherche,
                j.Id,
            });
        b.Property(j => j.Statut).HasMaxLength(20);
        b.Property(j => j.MotifCloture).HasMaxLength(30);
        b.Property(j => j.MotifAnnulation).HasMaxLength(20);
        b.Property(j => j.PrecisionCloture).HasMaxLength(300);
        b.Property(j => j.ReferentId).HasMaxLength(450);
        b.Property(j => j.Version).IsConcurrencyToken();
        b.Property(j => j.ObligationStatut).HasMaxLength(20);
        b.Property(j => j.ObligationForme).HasMaxLength(20);
        b.Property(j => j.ObligationFixeePar).HasMaxLength(256);
        b.Property(j => j.ConvocationPar).HasMaxLength(256);
        b.Property(j => j.TransmissionPar).HasMaxLength(256);
        b.HasOne<Catalogue.Structure>().WithMany().HasForeignKey(j => j.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SituationSieiConfiguration : IEntityTypeConfiguration<SituationSiei>
{
    public void Configure(EntityTypeBuilder<SituationSiei> b)
    {
        b.HasIndex(s => new { s.LivraisonId, s.JeuneSuiviId });
        b.HasIndex(s => s.JeuneSuiviId);
        b.Property(s => s.Issue).HasMaxLength(20);
        b.Property(s => s.Raison).HasMaxLength(200);
        b.Property(s => s.Contenu).HasMaxLength(8000);
        b.Property(s => s.ArbitreePar).HasMaxLength(256);
        b.HasOne<Livraison>().WithMany().HasForeignKey(s => s.LivraisonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(s => s.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HabilitationSuiviConfiguration : IEntityTypeConfiguration<HabilitationSuivi>
{
    public void Configure(EntityTypeBuilder<HabilitationSuivi> b)
    {
        b.HasIndex(h => new { h.UtilisateurId, h.PsadId, h.Role }).IsUnique();
        b.HasIndex(h => new { h.PsadId, h.Role });
        b.Property(h => h.UtilisateurId).HasMaxLength(450);
        b.Property(h => h.Role).HasMaxLength(20);
        b.Property(h => h.AccordeePar).HasMaxLength(256);
        b.HasOne<Comptes.Utilisateur>().WithMany().HasForeignKey(h => h.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Psad>().WithMany().HasForeignKey(h => h.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuiviDeclareConfiguration : IEntityTypeConfiguration<SuiviDeclare>
{
    public void Configure(EntityTypeBuilder<SuiviDeclare> b)
    {
        b.HasKey(s => new { s.UtilisateurId, s.JeuneSuiviId });
        b.Property(s => s.UtilisateurId).HasMaxLength(450);
        b.HasOne<Comptes.Utilisateur>().WithMany().HasForeignKey(s => s.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(s => s.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TentativeContactConfiguration : IEntityTypeConfiguration<TentativeContact>
{
    public void Configure(EntityTypeBuilder<TentativeContact> b)
    {
        b.HasIndex(t => new { t.JeuneSuiviId, t.Quand });
        b.Property(t => t.Canal).HasMaxLength(20);
        b.Property(t => t.Destinataire).HasMaxLength(20);
        b.Property(t => t.Issue).HasMaxLength(20);
        b.Property(t => t.Auteur).HasMaxLength(256);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(t => t.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvenementDossierConfiguration : IEntityTypeConfiguration<EvenementDossier>
{
    public void Configure(EntityTypeBuilder<EvenementDossier> b)
    {
        b.HasIndex(e => new { e.JeuneSuiviId, e.Quand });
        b.Property(e => e.Nature).HasMaxLength(20);
        b.Property(e => e.Auteur).HasMaxLength(256);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(e => e.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepotSieiConfiguration : IEntityTypeConfiguration<DepotSiei>
{
    public void Configure(EntityTypeBuilder<DepotSiei> b)
    {
        b.HasIndex(d => d.DeposeLe);
        b.HasIndex(d => d.Etat);
        b.Property(d => d.DemandePar).HasMaxLength(200);
        b.Property(d => d.UtilisateurId).HasMaxLength(450);
        b.Property(d => d.NomFichier).HasMaxLength(200);
        b.HasOne<Psad>().WithMany().HasForeignKey(d => d.PsadId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comptes.Utilisateur>().WithMany().HasForeignKey(d => d.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntretienSituationConfiguration : IEntityTypeConfiguration<EntretienSituation>
{
    public void Configure(EntityTypeBuilder<EntretienSituation> b)
    {
        b.HasIndex(e => e.JeuneSuiviId);
        b.Property(e => e.Mode).HasMaxLength(20);
        b.Property(e => e.Situation).HasMaxLength(40);
        b.Property(e => e.Niveau).HasMaxLength(20);
        b.Property(e => e.Contraintes).HasMaxLength(EntretienSituation.ContraintesMax);
        b.Property(e => e.Commentaire).HasMaxLength(EntretienSituation.CommentaireMax);
        b.Property(e => e.Auteur).HasMaxLength(256);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(e => e.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SolutionSuiviConfiguration : IEntityTypeConfiguration<SolutionSuivi>
{
    public void Configure(EntityTypeBuilder<SolutionSuivi> b)
    {
        b.HasIndex(s => s.JeuneSuiviId);
        b.HasIndex(s => s.DispositifId);
        b.Property(s => s.HorsCatalogue).HasMaxLength(SolutionSuivi.HorsCatalogueMax);
        b.Property(s => s.Type).HasMaxLength(40);
        b.Property(s => s.Statut).HasMaxLength(30);
        b.Property(s => s.Auteur).HasMaxLength(256);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(s => s.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Catalogue.Dispositif>().WithMany().HasForeignKey(s => s.DispositifId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CorrespondanceColonneConfiguration : IEntityTypeConfiguration<CorrespondanceColonne>
{
    public void Configure(EntityTypeBuilder<CorrespondanceColonne> b)
    {
        b.HasKey(c => new { c.PsadId, c.Entete });
        b.Property(c => c.Entete).HasMaxLength(200);
        b.Property(c => c.Champ).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ModifieePar).HasMaxLength(256);
        b.HasOne<Psad>().WithMany().HasForeignKey(c => c.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriseEnChargeConfiguration : IEntityTypeConfiguration<PriseEnCharge>
{
    public void Configure(EntityTypeBuilder<PriseEnCharge> b)
    {
        b.HasIndex(p => p.JeuneSuiviId);
        b.Property(p => p.Nature).HasMaxLength(40);
        b.Property(p => p.Source).HasMaxLength(30);
        b.Property(p => p.Organisme).HasMaxLength(PriseEnCharge.OrganismeMax);
        b.Property(p => p.Auteur).HasMaxLength(256);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(p => p.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SolutionSuivi>().WithMany().HasForeignKey(p => p.SolutionId).OnDelete(DeleteBehavior.SetNull);
    }
}
