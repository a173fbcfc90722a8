using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>
/// A partner organisation of the fight against dropout (an association, a network, a State service, an institution…): what
/// it does, where, how to reach it at the structure's own addresses, and the catalogue's structures and programmes it runs
/// or works with. Distinct from the catalogue's <see cref="Structure"/> (a place a young person goes to): a partner is who
/// professionals work with. Written by the observatory's editors and moderated as every editorial content
/// (<see cref="ContenuModere"/>, decision 0023).
/// </summary>
public sealed class Partenaire : ContenuModere
{
    public const int LongueurNom = 200;
    public const int LongueurPresentation = 600;
    public const int LongueurActions = 10000;

    public required string Nom { get; set; }
    public NaturePartenaire Nature { get; set; }

    /// <summary>What the partner is, in a few lines: the list and the search results show it.</summary>
    public required string Presentation { get; set; }

    /// <summary>Its actions against dropout, in Markdown rendered without raw HTML (<see cref="Markdown"/>).</summary>
    public string? Actions { get; set; }

    /// <summary>Département codes; empty: the whole region.</summary>
    public List<string> Territoire { get; set; } = [];
    public string? SiteWeb { get; set; }

    // The structure's own contacts: a generic address and switchboard, never a person's.
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public string? Adresse { get; set; }

    // A named contact person, kept only with their consent (the date it was recorded) and shown to signed-in professionals only.
    public string? ContactNom { get; set; }
    public string? ContactFonction { get; set; }
    public string? ContactCourriel { get; set; }
    public string? ContactTelephone { get; set; }
    public DateTime? ContactConsentementLe { get; set; }

    public List<Dispositif> DispositifsLies { get; set; } = [];
    public List<Structure> StructuresLiees { get; set; } = [];

    /// <summary>The French search key of the name, presentation and actions (<see cref="TexteFrancais.CleRecherche"/>).</summary>
    public string CleRecherche { get; set; } = "";

    public string Slug => TexteFrancais.Slug(Nom);

    public bool AContactNomme => ContactNom is not null && ContactConsentementLe is not null;

    /// <summary>Recomputes what is derived from the typed fields.</summary>
    public void Indexer() => CleRecherche = TexteFrancais.CleRecherche($"{Nom} {Presentation} {Actions}");
}

/// <summary>What kind of organisation a partner is (the list's filter).</summary>
public enum NaturePartenaire
{
    [Valeur("association", "Association")] Association,
    [Valeur("reseau", "Réseau")] Reseau,
    [Valeur("service-etat", "Service de l'État")] ServiceEtat,
    [Valeur("institution", "Institution")] Institution,
    [Valeur("collectivite", "Collectivité")] Collectivite,
    [Valeur("etablissement", "Établissement de formation")] Etablissement,
    [Valeur("entreprise", "Entreprise")] Entreprise,
}

internal sealed class PartenaireConfiguration : IEntityTypeConfiguration<Partenaire>
{
    public void Configure(EntityTypeBuilder<Partenaire> b)
    {
        b.ToTable("Partenaires");
        b.ConfigurerModeration();
        b.Ignore(p => p.Slug);
        b.Ignore(p => p.AContactNomme);
        b.HasIndex(p => new { p.Statut, p.Nom });
        b.Property(p => p.Nom).HasMaxLength(Partenaire.LongueurNom);
        b.Property(p => p.Nature).HasMaxLength(20);
        b.Property(p => p.Presentation).HasMaxLength(Partenaire.LongueurPresentation);
        b.Property(p => p.Actions).HasMaxLength(Partenaire.LongueurActions);
        b.Property(p => p.SiteWeb).HasMaxLength(500);
        b.Property(p => p.Courriel).HasMaxLength(200);
        b.Property(p => p.Telephone).HasMaxLength(30);
        b.Property(p => p.Adresse).HasMaxLength(300);
        b.Property(p => p.ContactNom).HasMaxLength(100);
        b.Property(p => p.ContactFonction).HasMaxLength(150);
        b.Property(p => p.ContactCourriel).HasMaxLength(200);
        b.Property(p => p.ContactTelephone).HasMaxLength(30);
        b.HasMany(p => p.DispositifsLies).WithMany().UsingEntity("PartenaireDispositifs");
        b.HasMany(p => p.StructuresLiees).WithMany().UsingEntity("PartenaireStructures");
    }
}
