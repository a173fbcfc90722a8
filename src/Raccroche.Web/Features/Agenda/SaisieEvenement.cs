using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Agenda;

/// <summary>The event's form as typed (Paris dates and times), read back into an <see cref="Evenement"/> with a French message per field.</summary>
public sealed class SaisieEvenement
{
    public const string SurPlace = "sur-place";
    public const string EnLigne = "en-ligne";

    public string? Titre { get; set; }
    public string? Resume { get; set; }
    public string? DateDebut { get; set; }
    public string? HeureDebut { get; set; }
    public string? DateFin { get; set; }
    public string? HeureFin { get; set; }
    public bool JourneeEntiere { get; set; }
    public string? Lieu { get; set; } = SurPlace;
    public string? Adresse { get; set; }
    public string? Commune { get; set; }
    public string? LienEnLigne { get; set; }
    public string? Organisateur { get; set; }
    public string? Structure { get; set; }
    public string? LienInscription { get; set; }
    public List<string> Publics { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public string? Territoire { get; set; }

    public static readonly IReadOnlyList<Terme> Lieux = [new(SurPlace, "Sur place"), new(EnLigne, "En ligne")];

    public static SaisieEvenement De(Evenement e, RepertoireCommunes communes)
    {
        var nouveau = e.Id == 0 && e.Titre.Length == 0;
        var commune = e.CodeCommune is { } c ? communes.ParCode(c) : null;
        return new()
        {
            Titre = e.Titre,
            Resume = e.Resume,
            DateDebut = nouveau ? null : HeureParis.Jour(e.Debut).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            HeureDebut = nouveau || e.JourneeEntiere ? null : HeureParis.Locale(e.Debut).ToString("HH:mm", CultureInfo.InvariantCulture),
            DateFin = nouveau ? null : e.DernierJour.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            HeureFin = nouveau || e.JourneeEntiere ? null : HeureParis.Locale(e.Fin).ToString("HH:mm", CultureInfo.InvariantCulture),
            JourneeEntiere = e.JourneeEntiere,
            Lieu = e.EnLigne ? EnLigne : SurPlace,
            Adresse = e.Adresse,
            Commune = commune is null ? e.CodeCommune : RepertoireCommunes.Libelle(commune),
            LienEnLigne = e.LienEnLigne,
            Organisateur = e.Organisateur,
            Structure = e.StructureId?.ToString(CultureInfo.InvariantCulture),
            LienInscription = e.LienInscription,
            Publics = [.. e.Publics],
            Themes = [.. e.Themes],
            Territoire = string.Join(", ", e.Territoire.Where(t => commune is null || t != commune.Departement)),
        };
    }

    /// <summary>
    /// Checks every field and, when all are right, writes them on <paramref name="e"/>; false with the messages in
    /// <paramref name="erreurs"/>, <paramref name="e"/> untouched. Only an editor chooses the organising structure (a member's
    /// event is their structure's).
    /// </summary>
    public async Task<bool> AppliquerAsync(Evenement e, RaccrocheDbContext db, RepertoireCommunes communes, bool editeur, Erreurs erreurs, CancellationToken ct)
    {
        var titre = Saisie.Ligne(erreurs, "titre-contenu", "le titre", Titre, Evenement.LongueurTitre);
        var resume = Saisie.Requis(erreurs, "resume", "le résumé", Resume, Evenement.LongueurResume);
        var horaires = Horaires();

        (DateTime, DateTime)? Horaires()
        {
            var premier = Saisie.Date(erreurs, "date-debut", "La date de début", DateDebut);
            if (premier is null && erreurs.Pour("date-debut") is null)
            {
                erreurs.Ajouter("date-debut", "Indiquez la date de début de l'événement.");
            }

            var dernier = Saisie.Date(erreurs, "date-fin", "La date de fin", DateFin);
            if (JourneeEntiere)
            {
                if (premier is not { } p || erreurs.Pour("date-fin") is not null)
                {
                    return null;
                }

                var d = dernier ?? p;
                if (d < p)
                {
                    erreurs.Ajouter("date-fin", "La date de fin doit être le jour du début ou un jour suivant.");
                    return null;
                }

                return Duree(HeureParis.DebutDuJour(p), HeureParis.DebutDuJour(d.AddDays(1)));
            }

            var h1 = Saisie.Heure(erreurs, "heure-debut", "L'heure de début", HeureDebut);
            var h2 = Saisie.Heure(erreurs, "heure-fin", "L'heure de fin", HeureFin);
            if (h1 is null && erreurs.Pour("heure-debut") is null)
            {
                erreurs.Ajouter("heure-debut", "Indiquez l'heure de début (ou cochez « toute la journée »).");
            }

            if (h2 is null && erreurs.Pour("heure-fin") is null)
            {
                erreurs.Ajouter("heure-fin", "Indiquez l'heure de fin (ou cochez « toute la journée »).");
            }

            if (premier is not { } jour || h1 is not { } a || h2 is not { } b || erreurs.Pour("date-fin") is not null)
            {
                return null;
            }

            var locale1 = jour.ToDateTime(a);
            var locale2 = (dernier ?? jour).ToDateTime(b);
            if (!HeureParis.Existe(locale1))
            {
                erreurs.Ajouter("heure-debut", "Cette heure n'existe pas à Paris ce jour-là (passage à l'heure d'été) : choisissez-en une autre.");
                return null;
            }

            if (!HeureParis.Existe(locale2))
            {
                erreurs.Ajouter("heure-fin", "Cette heure n'existe pas à Paris ce jour-là (passage à l'heure d'été) : choisissez-en une autre.");
                return null;
            }

            var u1 = HeureParis.Utc(locale1);
            var u2 = HeureParis.Utc(locale2);
            if (u2 <= u1)
            {
                erreurs.Ajouter("heure-fin", "La fin doit venir après le début.");
                return null;
            }

            return Duree(u1, u2);
        }

        (DateTime, DateTime)? Duree(DateTime u1, DateTime u2)
        {
            if (u2 - u1 > TimeSpan.FromDays(366))
            {
                erreurs.Ajouter("date-fin", "Un événement dure un an au plus.");
                return null;
            }

            return (u1, u2);
        }

        string? adresse = null, codeCommune = null, lienEnLigne = null;
        Commune? commune = null;
        switch (Lieu)
        {
            case EnLigne:
                lienEnLigne = Saisie.Url(erreurs, "lien-en-ligne", "Le lien de l'événement en ligne", LienEnLigne);
                if (lienEnLigne is null && erreurs.Pour("lien-en-ligne") is null)
                {
                    erreurs.Ajouter("lien-en-ligne", "Indiquez le lien pour suivre l'événement en ligne (https://…).");
                }

                break;
            case SurPlace:
                adresse = Saisie.Facultatif(erreurs, "adresse", "L'adresse", Adresse?.Replace('\n', ' '), 300);
                var lu = communes.LireChamp(null, Commune, erreurs);
                commune = lu.Commune;
                if (commune is null && erreurs.Pour("commune") is null)
                {
                    erreurs.Ajouter("commune", "Indiquez la commune où a lieu l'événement (nom ou code postal).");
                }

                codeCommune = commune?.CodeInsee;
                break;
            default:
                erreurs.Ajouter("lieu", "Lieu : choisissez « sur place » ou « en ligne ».");
                break;
        }

        var organisateur = Saisie.Ligne(erreurs, "organisateur", "l'organisateur", Organisateur, 200);
        var lienInscription = Saisie.Url(erreurs, "lien-inscription", "Le lien d'inscription", LienInscription);
        var publics = Saisie.Liste(erreurs, "publics", "Publics", Publics, Etiquettes.Publics);
        var themes = Saisie.Liste(erreurs, "themes", "Thèmes", Themes, Etiquettes.Themes);
        if (themes.Count == 0 && erreurs.Pour("themes") is null)
        {
            erreurs.Ajouter("themes", "Thèmes : cochez-en au moins un (ils servent aux filtres de l'agenda).");
        }

        var territoire = Etiquettes.LireTerritoire(erreurs, "territoire", Territoire);
        int? structureId = e.StructureId;
        if (editeur)
        {
            var ids = LiensCatalogue.Lire(erreurs, "structure", "Structure organisatrice", "structures", Structure);
            if (ids is { Count: > 1 })
            {
                erreurs.Ajouter("structure", "Structure organisatrice : une seule fiche.");
            }
            else if (ids is { Count: 1 })
            {
                structureId = ids[0];
                if (!await db.Structures.AnyAsync(s => s.Id == ids[0], ct))
                {
                    erreurs.Ajouter("structure", LiensCatalogue.Inconnus("Structure organisatrice", ids, [])!);
                }
            }
            else if (ids is not null)
            {
                structureId = null;
            }
        }

        if (erreurs.Any)
        {
            return false;
        }

        e.Titre = titre!;
        e.Resume = resume!;
        (e.Debut, e.Fin) = horaires!.Value;
        e.JourneeEntiere = JourneeEntiere;
        e.EnLigne = Lieu == EnLigne;
        e.Adresse = adresse;
        e.CodeCommune = codeCommune;
        e.LienEnLigne = lienEnLigne;
        e.Organisateur = organisateur!;
        e.LienInscription = lienInscription;
        e.Publics = publics;
        e.Themes = themes;
        e.Territoire = [.. new[] { commune?.Departement }.OfType<string>().Concat(territoire!).Distinct()];
        e.StructureId = structureId;
        return true;
    }
}
