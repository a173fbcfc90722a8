using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Ressources;

/// <summary>
/// A publication of the library (a study, a guide, the key-elements dossier…): a dated summary in our own words, and either a
/// PDF stored by the application (<see cref="StockageRessources"/>, outside wwwroot) or a link to where it is published.
/// Written by the observatory's editors and moderated as every editorial content (<see cref="ContenuModere"/>, decision 0023).
/// </summary>
public sealed class Ressource : ContenuModere
{
    public const int LongueurTitre = 200;
    public const int LongueurResume = 1000;

    public required string Titre { get; set; }

    /// <summary>The day it was published (by its author).</summary>
    public DateOnly Date { get; set; }
    public required string Resume { get; set; }
    public NatureRessource Nature { get; set; }

    /// <summary>Who published it (an observatory, a ministry, a network…).</summary>
    public string? Editeur { get; set; }
    public List<string> Themes { get; set; } = [];

    /// <summary>Where it is published, when it is a link (then there is no file).</summary>
    public string? Lien { get; set; }

    /// <summary>The stored file's name in the resources folder (a random name, never the uploaded one), when it is a file.</summary>
    public string? Fichier { get; set; }

    /// <summary>The uploaded file's name, cleaned, offered again when the file is downloaded.</summary>
    public string? FichierNom { get; set; }
    public long? FichierTaille { get; set; }

    /// <summary>The French search key of the title, summary and publisher (<see cref="TexteFrancais.CleRecherche"/>).</summary>
    public string CleRecherche { get; set; } = "";

    public string Slug => TexteFrancais.Slug(Titre);

    /// <summary>Recomputes what is derived from the typed fields.</summary>
    public void Indexer() => CleRecherche = TexteFrancais.CleRecherche($"{Titre} {Resume} {Editeur}");
}

/// <summary>What kind of publication a resource is (the list's filter).</summary>
public enum NatureRessource
{
    [Valeur("etude", "Étude")] Etude,
    [Valeur("chiffres", "Chiffres clés")] Chiffres,
    [Valeur("guide", "Guide")] Guide,
    [Valeur("dossier", "Dossier")] Dossier,
    [Valeur("texte-officiel", "Texte officiel")] TexteOfficiel,
    [Valeur("outil", "Outil")] Outil,
}

internal sealed class RessourceConfiguration : IEntityTypeConfiguration<Ressource>
{
    public void Configure(EntityTypeBuilder<Ressource> b)
    {
        b.ToTable("Ressources");
        b.ConfigurerModeration();
        b.Ignore(r => r.Slug);
        b.HasIndex(r => new { r.Statut, r.Date });
        b.Property(r => r.Titre).HasMaxLength(Ressource.LongueurTitre);
        b.Property(r => r.Resume).HasMaxLength(Ressource.LongueurResume);
        b.Property(r => r.Nature).HasMaxLength(20);
        b.Property(r => r.Editeur).HasMaxLength(200);
        b.Property(r => r.Lien).HasMaxLength(500);
        b.Property(r => r.Fichier).HasMaxLength(50);
        b.Property(r => r.FichierNom).HasMaxLength(200);
    }
}
