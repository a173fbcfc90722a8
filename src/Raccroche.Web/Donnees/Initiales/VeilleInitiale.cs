using System.Text.Json.Serialization;
using Raccroche.Web.Features.Agenda;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Donnees.Initiales;

/// <summary>
/// The seed of the news watch and the agenda (<c>veille.json</c>, embedded): items and events written in our own words from
/// the facts of the seed pages' "Veille" blocks, so that /veille and its feeds are not empty on a fresh install. Related
/// programmes and structures are named by their catalogue slug; an unknown one stops the seeding (a test reads the file).
/// </summary>
public sealed class VeilleInitiale
{
    public const string Auteur = "Observatoire (données initiales)";

    [JsonPropertyName("actualites")] public List<ActualiteInitiale> Actualites { get; init; } = [];
    [JsonPropertyName("evenements")] public List<EvenementInitial> Evenements { get; init; } = [];

    public static VeilleInitiale Embarquee()
    {
        using var flux = typeof(VeilleInitiale).Assembly.GetManifestResourceStream("Raccroche.Seed.veille.json")
            ?? throw new InvalidOperationException("veille.json is not embedded.");
        return JsonSerializer.Deserialize<VeilleInitiale>(flux) ?? throw new InvalidOperationException("veille.json is empty.");
    }

    /// <summary>The seed as published entities, dated <paramref name="maintenant"/>; <paramref name="departementDe"/> gives an event's commune's département.</summary>
    public (List<Actualite> Actualites, List<Evenement> Evenements) Construire(
        IReadOnlyDictionary<string, Features.Catalogue.Dispositif> dispositifs, IReadOnlyDictionary<string, Features.Catalogue.Structure> structures,
        Func<string, string?> departementDe, string hote, DateTime maintenant)
    {
        T Trouver<T>(IReadOnlyDictionary<string, T> table, string slug, string ou) =>
            table.TryGetValue(slug, out var x) ? x : throw new InvalidOperationException($"veille.json, {ou}: unknown catalogue slug '{slug}'.");

        var actualites = Actualites.Select(a =>
        {
            var actualite = new Actualite
            {
                Titre = a.Titre,
                Date = a.Date,
                Resume = a.Resume,
                Corps = a.Corps,
                SourceNom = a.SourceNom,
                SourceUrl = a.SourceUrl,
                Themes = [.. a.Themes],
                Publics = [.. a.Publics],
                Territoire = [.. a.Territoire],
                DispositifsLies = [.. a.Dispositifs.Select(s => Trouver(dispositifs, s, a.Titre))],
                StructuresLiees = [.. a.Structures.Select(s => Trouver(structures, s, a.Titre))],
                Auteur = Auteur,
            };
            Publier(actualite, maintenant);
            actualite.Indexer();
            return actualite;
        }).ToList();

        var evenements = Evenements.Select((e, i) =>
        {
            var structure = e.Structure is { } s ? Trouver(structures, s, e.Titre) : null;
            var evenement = new Evenement
            {
                Titre = e.Titre,
                Resume = e.Resume,
                JourneeEntiere = true,
                Debut = HeureParis.DebutDuJour(e.PremierJour),
                Fin = HeureParis.DebutDuJour(e.DernierJour.AddDays(1)),
                CodeCommune = e.CodeCommune,
                Adresse = e.Adresse,
                Organisateur = e.Organisateur,
                StructureId = structure?.Id,
                Publics = [.. e.Publics],
                Themes = [.. e.Themes],
                Territoire = [.. new[] { departementDe(e.CodeCommune) ?? throw new InvalidOperationException($"veille.json, {e.Titre}: unknown commune {e.CodeCommune}.") }],
                Uid = $"initial-{i + 1}-{e.PremierJour:yyyyMMdd}@{hote}",
                Auteur = Auteur,
            };
            Publier(evenement, maintenant);
            return evenement;
        }).ToList();

        return (actualites, evenements);
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

public sealed class ActualiteInitiale
{
    [JsonPropertyName("titre")] public required string Titre { get; init; }
    [JsonPropertyName("date")] public DateOnly Date { get; init; }
    [JsonPropertyName("resume")] public required string Resume { get; init; }
    [JsonPropertyName("corps")] public string? Corps { get; init; }
    [JsonPropertyName("source_nom")] public string? SourceNom { get; init; }
    [JsonPropertyName("source_url")] public string? SourceUrl { get; init; }
    [JsonPropertyName("themes")] public List<string> Themes { get; init; } = [];
    [JsonPropertyName("publics")] public List<string> Publics { get; init; } = [];
    [JsonPropertyName("territoire")] public List<string> Territoire { get; init; } = [];
    [JsonPropertyName("dispositifs")] public List<string> Dispositifs { get; init; } = [];
    [JsonPropertyName("structures")] public List<string> Structures { get; init; } = [];
}

/// <summary>A seeded event: all-day (the seed pages give days, not always hours), on site.</summary>
public sealed class EvenementInitial
{
    [JsonPropertyName("titre")] public required string Titre { get; init; }
    [JsonPropertyName("resume")] public required string Resume { get; init; }
    [JsonPropertyName("premier_jour")] public DateOnly PremierJour { get; init; }
    [JsonPropertyName("dernier_jour")] public DateOnly DernierJour { get; init; }
    [JsonPropertyName("code_commune")] public required string CodeCommune { get; init; }
    [JsonPropertyName("adresse")] public string? Adresse { get; init; }
    [JsonPropertyName("organisateur")] public required string Organisateur { get; init; }
    [JsonPropertyName("structure")] public string? Structure { get; init; }
    [JsonPropertyName("publics")] public List<string> Publics { get; init; } = [];
    [JsonPropertyName("themes")] public List<string> Themes { get; init; } = [];
}
