using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Ressources;

/// <summary>The resource's form as typed, read back into a <see cref="Ressource"/> with a French message per field.</summary>
public sealed class SaisieRessource
{
    public static readonly Liste Formes = new("forme", [new("fichier", "Un fichier PDF déposé ici"), new("lien", "Un lien vers le site qui la publie")]);

    public string? Titre { get; set; }
    public string? Date { get; set; }
    public string? Resume { get; set; }
    public string? Nature { get; set; }
    public string? Editeur { get; set; }
    public List<string> Themes { get; set; } = [];

    /// <summary>"fichier" or "lien": the resource is one or the other.</summary>
    public string? Forme { get; set; }
    public string? Lien { get; set; }

    public static SaisieRessource De(Ressource r) => new()
    {
        Titre = r.Titre,
        Date = r.Id == 0 ? null : r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Resume = r.Resume,
        Nature = r.Id == 0 ? null : r.Nature.Code(),
        Editeur = r.Editeur,
        Themes = [.. r.Themes],
        Forme = r.Id == 0 ? null : r.Fichier is not null ? "fichier" : "lien",
        Lien = r.Lien,
    };

    /// <summary>
    /// Checks every field and, when all are right, stores the uploaded file (<paramref name="fichier"/>, if any) and writes the
    /// fields on <paramref name="r"/>; false with the messages in <paramref name="e"/>, <paramref name="r"/> untouched and
    /// nothing stored. The stored file the resource had before, if it is replaced or dropped, comes back in
    /// <c>Remplace</c> (deleted by the caller once the row is saved).
    /// </summary>
    public async Task<(bool Applique, string? Remplace)> AppliquerAsync(Ressource r, IFormFile? fichier, StockageRessources stockage, Erreurs e, CancellationToken ct)
    {
        var titre = Saisie.Ligne(e, "titre-contenu", "le titre", Titre, Ressource.LongueurTitre);
        var date = Saisie.Date(e, "date", "La date", Date);
        if (date is null && e.Pour("date") is null)
        {
            e.Ajouter("date", "Indiquez la date de publication de la ressource.");
        }

        var resume = Saisie.Requis(e, "resume", "le résumé", Resume, Ressource.LongueurResume);
        var codeNature = Saisie.Choix(e, "nature", "Type de ressource", Nature, ParametresRessources.Natures);
        if (codeNature is null && e.Pour("nature") is null)
        {
            e.Ajouter("nature", "Type de ressource : choisissez-en un (étude, guide, dossier…).");
        }

        var editeur = Saisie.Facultatif(e, "editeur", "L'éditeur", Editeur?.Replace('\n', ' '), 200);
        var themes = Saisie.Liste(e, "themes", "Thèmes", Themes, Etiquettes.Themes);
        var forme = Saisie.Choix(e, "forme", "Forme de la ressource", Forme, Formes);
        if (forme is null && e.Pour("forme") is null)
        {
            e.Ajouter("forme", "Forme de la ressource : un fichier PDF ou un lien.");
        }

        string? lien = null;
        var aFichier = fichier is { Length: > 0 } || (fichier is null && r.Fichier is not null);
        if (forme == "lien")
        {
            lien = Saisie.Url(e, "lien", "Le lien", Lien);
            if (lien is null && e.Pour("lien") is null)
            {
                e.Ajouter("lien", "Indiquez l'adresse où la ressource est publiée (https://…).");
            }

            if (fichier is { Length: > 0 })
            {
                e.Ajouter("fichier", "Vous avez choisi un lien : ne déposez pas de fichier, ou choisissez « Un fichier PDF ».");
            }
        }
        else if (forme == "fichier" && !aFichier && fichier is null)
        {
            e.Ajouter("fichier", "Choisissez le fichier PDF à déposer (20 Mo au plus).");
        }

        // The file is checked (and stored) last: a refused form stores nothing.
        if (e.Any)
        {
            if (forme == "fichier" && fichier is { Length: 0 })
            {
                e.Ajouter("fichier", "Le fichier est vide : choisissez le PDF à déposer.");
            }

            return (false, null);
        }

        string? nouveau = null;
        if (forme == "fichier" && fichier is not null)
        {
            nouveau = await stockage.EnregistrerAsync(fichier, e, "fichier", ct);
            if (nouveau is null)
            {
                return (false, null);
            }
        }

        var remplace = forme == "lien" || nouveau is not null ? r.Fichier : null;
        r.Titre = titre!;
        r.Date = date!.Value;
        r.Resume = resume!;
        r.Nature = ValeursFermees.Lire<NatureRessource>(codeNature)!.Value;
        r.Editeur = editeur;
        r.Themes = themes;
        if (forme == "lien")
        {
            (r.Lien, r.Fichier, r.FichierNom, r.FichierTaille) = (lien, null, null, null);
        }
        else if (nouveau is not null)
        {
            (r.Lien, r.Fichier, r.FichierNom, r.FichierTaille) = (null, nouveau, StockageRessources.NomPropre(fichier!.FileName), fichier.Length);
        }
        else
        {
            r.Lien = null;
        }

        r.Indexer();
        return (true, remplace);
    }
}
