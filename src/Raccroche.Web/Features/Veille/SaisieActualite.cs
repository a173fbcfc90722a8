using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Veille;

/// <summary>The news item's form as typed, read back into an <see cref="Actualite"/> with a French message per field.</summary>
public sealed class SaisieActualite
{
    public string? Titre { get; set; }
    public string? Date { get; set; }
    public string? Resume { get; set; }
    public string? Corps { get; set; }
    public string? SourceNom { get; set; }
    public string? SourceUrl { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<string> Publics { get; set; } = [];
    public string? Territoire { get; set; }
    public string? Dispositifs { get; set; }
    public string? Structures { get; set; }

    public static SaisieActualite De(Actualite a) => new()
    {
        Titre = a.Titre,
        Date = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Resume = a.Resume,
        Corps = a.Corps,
        SourceNom = a.SourceNom,
        SourceUrl = a.SourceUrl,
        Themes = [.. a.Themes],
        Publics = [.. a.Publics],
        Territoire = string.Join(", ", a.Territoire),
        Dispositifs = string.Join(", ", a.DispositifsLies.Select(d => d.Id)),
        Structures = string.Join(", ", a.StructuresLiees.Select(s => s.Id)),
    };

    /// <summary>
    /// Checks every field and, when all are right, writes them on <paramref name="a"/> (tracked: the related sheets are read
    /// from <paramref name="db"/>); false with the messages in <paramref name="e"/>, <paramref name="a"/> untouched.
    /// </summary>
    public async Task<bool> AppliquerAsync(Actualite a, RaccrocheDbContext db, Erreurs e, CancellationToken ct)
    {
        var titre = Saisie.Ligne(e, "titre-contenu", "le titre", Titre, Actualite.LongueurTitre);
        var date = Saisie.Date(e, "date", "La date", Date);
        if (date is null && e.Pour("date") is null)
        {
            e.Ajouter("date", "Indiquez la date de l'actualité (celle de sa publication par la source).");
        }

        var resume = Saisie.Requis(e, "resume", "le résumé", Resume, Actualite.LongueurResume);
        var corps = Saisie.Facultatif(e, "corps", "Le texte", Corps, Actualite.LongueurCorps);
        var sourceNom = Saisie.Facultatif(e, "source-nom", "Le nom de la source", SourceNom?.Replace('\n', ' '), 200);
        var sourceUrl = Saisie.Url(e, "source-url", "Le lien vers la source", SourceUrl);
        if (sourceUrl is not null && sourceNom is null && e.Pour("source-nom") is null)
        {
            e.Ajouter("source-nom", "Indiquez le nom de la source du lien (par exemple : Ministère du Travail).");
        }

        var themes = Saisie.Liste(e, "themes", "Thèmes", Themes, Etiquettes.Themes);
        if (themes.Count == 0 && e.Pour("themes") is null)
        {
            e.Ajouter("themes", "Thèmes : cochez-en au moins un (ils servent aux filtres et aux flux par thème).");
        }

        var publics = Saisie.Liste(e, "publics", "Publics", Publics, Etiquettes.Publics);
        var territoire = Etiquettes.LireTerritoire(e, "territoire", Territoire);
        var idsDispositifs = LiensCatalogue.Lire(e, "dispositifs", "Dispositifs liés", "dispositifs", Dispositifs);
        var idsStructures = LiensCatalogue.Lire(e, "structures", "Structures liées", "structures", Structures);
        List<Dispositif> dispositifs = [];
        List<Structure> structures = [];
        if (idsDispositifs is { Count: > 0 })
        {
            dispositifs = await db.Dispositifs.Where(d => idsDispositifs.Contains(d.Id)).ToListAsync(ct);
            if (LiensCatalogue.Inconnus("Dispositifs liés", idsDispositifs, [.. dispositifs.Select(d => d.Id)]) is { } m)
            {
                e.Ajouter("dispositifs", m);
            }
        }

        if (idsStructures is { Count: > 0 })
        {
            structures = await db.Structures.Where(s => idsStructures.Contains(s.Id)).ToListAsync(ct);
            if (LiensCatalogue.Inconnus("Structures liées", idsStructures, [.. structures.Select(s => s.Id)]) is { } m)
            {
                e.Ajouter("structures", m);
            }
        }

        if (e.Any)
        {
            return false;
        }

        a.Titre = titre!;
        a.Date = date!.Value;
        a.Resume = resume!;
        a.Corps = corps;
        a.SourceNom = sourceNom;
        a.SourceUrl = sourceUrl;
        a.Themes = themes;
        a.Publics = publics;
        a.Territoire = territoire!;
        a.DispositifsLies.Clear();
        a.DispositifsLies.AddRange(dispositifs.OrderBy(d => idsDispositifs!.IndexOf(d.Id)));
        a.StructuresLiees.Clear();
        a.StructuresLiees.AddRange(structures.OrderBy(s => idsStructures!.IndexOf(s.Id)));
        a.Indexer();
        return true;
    }
}
