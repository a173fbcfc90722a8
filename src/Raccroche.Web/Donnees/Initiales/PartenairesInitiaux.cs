using System.Text.Json.Serialization;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Partenaires;
using Raccroche.Web.Features.Ressources;

namespace Raccroche.Web.Donnees.Initiales;

/// <summary>
/// The seed of the partners' directory and the resources library (<c>partenaires.json</c>, embedded): the partners of the seed
/// pages' forum and a few link resources, in our own words, with structure-level contacts only (no person is named). Related
/// programmes and structures are named by their catalogue slug; an unknown one stops the seeding (a test reads the file).
/// </summary>
public sealed class PartenairesInitiaux
{
    public const string Auteur = "Observatoire (données initiales)";

    [JsonPropertyName("partenaires")] public List<PartenaireInitial> Partenaires { get; init; } = [];
    [JsonPropertyName("ressources")] public List<RessourceInitiale> Ressources { get; init; } = [];

    public static PartenairesInitiaux Embarques()
    {
        using var flux = typeof(PartenairesInitiaux).Assembly.GetManifestResourceStream("Raccroche.Seed.partenaires.json")
            ?? throw new InvalidOperationException("partenaires.json is not embedded.");
        return JsonSerializer.Deserialize<PartenairesInitiaux>(flux) ?? throw new InvalidOperationException("partenaires.json is empty.");
    }

    /// <summary>The seed as published entities, dated <paramref name="maintenant"/>.</summary>
    public (List<Partenaire> Partenaires, List<Ressource> Ressources) Construire(
        IReadOnlyDictionary<string, Features.Catalogue.Dispositif> dispositifs, IReadOnlyDictionary<string, Features.Catalogue.Structure> structures, DateTime maintenant)
    {
        T Trouver<T>(IReadOnlyDictionary<string, T> table, string slug, string ou) =>
            table.TryGetValue(slug, out var x) ? x : throw new InvalidOperationException($"partenaires.json, {ou}: unknown catalogue slug '{slug}'.");

        var partenaires = Partenaires.Select(p =>
        {
            var partenaire = new Partenaire
            {
                Nom = p.Nom,
                Nature = ValeursFermees.Lire<NaturePartenaire>(p.Nature) ?? throw new InvalidOperationException($"partenaires.json, {p.Nom}: unknown kind '{p.Nature}'."),
                Presentation = p.Presentation,
                Actions = p.Actions,
                Territoire = [.. p.Territoire],
                SiteWeb = p.SiteWeb,
                Courriel = p.Courriel,
                Telephone = p.Telephone,
                Adresse = p.Adresse,
                DispositifsLies = [.. p.Dispositifs.Select(s => Trouver(dispositifs, s, p.Nom))],
                StructuresLiees = [.. p.Structures.Select(s => Trouver(structures, s, p.Nom))],
                Auteur = Auteur,
            };
            Publier(partenaire, maintenant);
            partenaire.Indexer();
            return partenaire;
        }).ToList();

        var ressources = Ressources.Select(r =>
        {
            var ressource = new Ressource
            {
                Titre = r.Titre,
                Date = r.Date,
                Resume = r.Resume,
                Nature = ValeursFermees.Lire<NatureRessource>(r.Nature) ?? throw new InvalidOperationException($"partenaires.json, {r.Titre}: unknown kind '{r.Nature}'."),
                Editeur = r.Editeur,
                Themes = [.. r.Themes],
                Lien = r.Lien,
                Auteur = Auteur,
            };
            Publier(ressource, maintenant);
            ressource.Indexer();
            return ressource;
        }).ToList();

        return (partenaires, ressources);
    }

    private static void Publier(ContenuModere c, DateTime maintenant)
    {
        c.Statut = StatutModeration.Publiee;
        c.CreeLe = maintenant;
        c.ModifieeLe = maintenant;
        c.PublieLe = maintenant;
        c.DecisionLe = maintenant;
        c.DecisionPar = Auteur;
    }
}

public sealed class PartenaireInitial
{
    [JsonPropertyName("nom")] public required string Nom { get; init; }
    [JsonPropertyName("nature")] public required string Nature { get; init; }
    [JsonPropertyName("presentation")] public required string Presentation { get; init; }
    [JsonPropertyName("actions")] public string? Actions { get; init; }
    [JsonPropertyName("territoire")] public List<string> Territoire { get; init; } = [];
    [JsonPropertyName("site_web")] public string? SiteWeb { get; init; }
    [JsonPropertyName("courriel")] public string? Courriel { get; init; }
    [JsonPropertyName("telephone")] public string? Telephone { get; init; }
    [JsonPropertyName("adresse")] public string? Adresse { get; init; }
    [JsonPropertyName("dispositifs")] public List<string> Dispositifs { get; init; } = [];
    [JsonPropertyName("structures")] public List<string> Structures { get; init; } = [];
}

/// <summary>A seeded resource: a link (the seed has no files to upload).</summary>
public sealed class RessourceInitiale
{
    [JsonPropertyName("titre")] public required string Titre { get; init; }
    [JsonPropertyName("date")] public DateOnly Date { get; init; }
    [JsonPropertyName("nature")] public required string Nature { get; init; }
    [JsonPropertyName("editeur")] public string? Editeur { get; init; }
    [JsonPropertyName("resume")] public required string Resume { get; init; }
    [JsonPropertyName("themes")] public List<string> Themes { get; init; } = [];
    [JsonPropertyName("lien")] public required string Lien { get; init; }
}
