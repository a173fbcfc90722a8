using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// The programme form as typed: strings only, so that any input is shown back with a French message
/// naming the field, never rejected by model binding. <see cref="Valider"/> turns it into a content.
/// </summary>
public sealed class SaisieDispositif
{
    public string? Nom { get; set; }
    public string? Resume { get; set; }
    public string? Description { get; set; }
    public List<string> Entrees { get; set; } = [];
    public List<string> Thematiques { get; set; } = [];
    public string? TypeService { get; set; }
    public List<string> Publics { get; set; } = [];
    public string? AgeMin { get; set; }
    public string? AgeMax { get; set; }
    public List<string> Niveaux { get; set; } = [];
    public List<string> Situations { get; set; } = [];
    public string? ConditionsAcces { get; set; }
    public string? DureeSemaines { get; set; }
    public string? HeuresHebdo { get; set; }
    public string? Internat { get; set; }
    public string? Remunere { get; set; }
    public string? RemunerationDetail { get; set; }
    public string? Frais { get; set; }
    public string? EntreePermanente { get; set; }
    public string? Capacite { get; set; }
    public List<string> ModesMobilisation { get; set; } = [];
    public List<string> PersonnesMobilisatrices { get; set; } = [];
    public bool PrescriptionProfessionnel { get; set; }
    public string? LienMobilisation { get; set; }
    public string? ZoneType { get; set; }
    public string? ZoneCodes { get; set; }
    public List<string> Lieux { get; set; } = [];
    public bool Suspendu { get; set; }

    public static SaisieDispositif De(ContenuDispositif c) => new()
    {
        Nom = c.Nom,
        Resume = c.Resume,
        Description = c.Description,
        Entrees = [.. c.Entrees],
        Thematiques = [.. c.Thematiques],
        TypeService = c.TypeService,
        Publics = [.. c.Publics],
        AgeMin = Saisie.Texte(c.AgeMin),
        AgeMax = Saisie.Texte(c.AgeMax),
        Niveaux = [.. c.Niveaux],
        Situations = [.. c.Situations],
        ConditionsAcces = c.ConditionsAcces,
        DureeSemaines = Saisie.Texte(c.DureeSemaines),
        HeuresHebdo = Saisie.Texte(c.HeuresHebdo),
        Internat = Saisie.Texte(c.Internat),
        Remunere = Saisie.Texte(c.Remunere),
        RemunerationDetail = c.RemunerationDetail,
        Frais = c.Frais,
        EntreePermanente = Saisie.Texte(c.EntreePermanente),
        Capacite = Saisie.Texte(c.Capacite),
        ModesMobilisation = [.. c.ModesMobilisation],
        PersonnesMobilisatrices = [.. c.PersonnesMobilisatrices],
        PrescriptionProfessionnel = c.PrescriptionProfessionnel,
        LienMobilisation = c.LienMobilisation,
        ZoneType = c.ZoneType.ToString(),
        ZoneCodes = string.Join(", ", c.ZoneCodes),
        Lieux = [.. c.Lieux.Select(i => i.ToString(CultureInfo.InvariantCulture))],
        Suspendu = c.Suspendu,
    };

    /// <summary>The content, or null with the errors keyed by field id. <paramref name="lieuxPossibles"/>: the place ids that may be ticked.</summary>
    public ContenuDispositif? Valider(Erreurs e, IReadOnlySet<int> lieuxPossibles, RepertoireCommunes communes)
    {
        var nom = Saisie.Requis(e, "nom", "le nom du dispositif", Nom, ChampsDispositif.Nom.Max);
        var resume = Saisie.Requis(e, "resume", "le résumé", Resume, ChampsDispositif.Resume.Max);
        var description = Saisie.Facultatif(e, "description", "La description", Description, ChampsDispositif.Description.Max) ?? "";
        var entrees = Saisie.Liste(e, "entrees", "Entrées", Entrees, Vocabulaire.Entrees);
        if (entrees.Count == 0 && e.Pour("entrees") is null)
        {
            e.Ajouter("entrees", "Entrées : cochez au moins une entrée (réfléchir à un projet, se former ou s'orienter vers un emploi).");
        }

        var thematiques = Saisie.Liste(e, "thematiques", "Thématiques", Thematiques, Vocabulaire.Thematiques);
        var typeService = Saisie.Choix(e, "type-service", "Type de service", TypeService, Vocabulaire.TypesService);
        var publics = Saisie.Liste(e, "publics", "Publics", Publics, Vocabulaire.Publics);
        var ageMin = Saisie.Entier(e, "age-min", "L'âge minimum", AgeMin, 0, 99, "ans");
        var ageMax = Saisie.Entier(e, "age-max", "L'âge maximum", AgeMax, 0, 99, "ans");
        if (ageMin is { } a && ageMax is { } b && a > b)
        {
            e.Ajouter("age-min", $"L'âge minimum ({a} ans) doit être inférieur ou égal à l'âge maximum ({b} ans).");
        }

        var niveaux = Saisie.Liste(e, "niveaux", "Niveaux de diplôme", Niveaux, Vocabulaire.Niveaux);
        var situations = Saisie.Liste(e, "situations", "Situations", Situations, Vocabulaire.Situations);
        var conditions = Saisie.Facultatif(e, "conditions-acces", "Les conditions d'accès", ConditionsAcces, ChampsDispositif.ConditionsAcces.Max);
        var duree = Saisie.Entier(e, "duree-semaines", "La durée", DureeSemaines, 1, 520, "semaines");
        var heures = Saisie.Entier(e, "heures-hebdo", "Le nombre d'heures par semaine", HeuresHebdo, 1, 70, "heures");
        var internat = Saisie.OuiNon(e, "internat", "Internat", Internat);
        var remunere = Saisie.OuiNon(e, "remunere", "Rémunéré", Remunere);
        var detail = Saisie.Facultatif(e, "remuneration-detail", "Les précisions sur la rémunération", RemunerationDetail, ChampsDispositif.RemunerationDetail.Max);
        var frais = Saisie.Choix(e, "frais", "Coût", Frais, Vocabulaire.Frais);
        var permanente = Saisie.OuiNon(e, "entree-permanente", "Entrées", EntreePermanente);
        var capacite = Saisie.Entier(e, "capacite", "Le nombre de places", Capacite, 1, 100_000, "places");
        var modes = Saisie.Liste(e, "modes-mobilisation", "Comment le mobiliser", ModesMobilisation, Vocabulaire.ModesMobilisation);
        var personnes = Saisie.Liste(e, "personnes-mobilisatrices", "Qui peut le mobiliser", PersonnesMobilisatrices, Vocabulaire.PersonnesMobilisatrices);
        var lien = Saisie.Url(e, "lien-mobilisation", "L'adresse du service en ligne", LienMobilisation);
        var (zoneType, zoneCodes) = SaisieZone.Zone(e, ZoneType, ZoneCodes, communes);
        var lieux = new List<int>();
        foreach (var l in Lieux.Distinct())
        {
            if (int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && lieuxPossibles.Contains(id))
            {
                lieux.Add(id);
            }
            else
            {
                e.Ajouter("lieux", "Lieux : un lieu coché n'appartient pas à votre structure. Rechargez la page.");
                break;
            }
        }

        if (e.Any)
        {
            return null;
        }

        return new ContenuDispositif
        {
            Nom = nom!,
            Resume = resume!,
            Description = description,
            Entrees = entrees,
            Thematiques = thematiques,
            TypeService = typeService,
            Publics = publics,
            AgeMin = ageMin,
            AgeMax = ageMax,
            Niveaux = niveaux,
            Situations = situations,
            ConditionsAcces = conditions,
            DureeSemaines = duree,
            HeuresHebdo = heures,
            Internat = internat,
            Remunere = remunere,
            RemunerationDetail = detail,
            Frais = frais,
            EntreePermanente = permanente,
            Capacite = capacite,
            ModesMobilisation = modes,
            PersonnesMobilisatrices = personnes,
            PrescriptionProfessionnel = PrescriptionProfessionnel,
            LienMobilisation = lien,
            ZoneType = zoneType,
            ZoneCodes = zoneCodes,
            Lieux = [.. lieux.Order()],
            Suspendu = Suspendu,
        };
    }
}

/// <summary>The structure form as typed, with one block per place.</summary>
public sealed class SaisieStructure
{
    public string? Nom { get; set; }
    public string? Description { get; set; }
    public string? SiteWeb { get; set; }
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public string? Siret { get; set; }
    public List<SaisieLieu> Lieux { get; set; } = [];

    public static SaisieStructure De(ContenuStructure c) => new()
    {
        Nom = c.Nom,
        Description = c.Description,
        SiteWeb = c.SiteWeb,
        Courriel = c.Courriel,
        Telephone = c.Telephone,
        Siret = c.Siret,
        Lieux = [.. c.Lieux.Select(SaisieLieu.De)],
    };

    /// <summary>
    /// The content, or null with the errors. Places come from <paramref name="lieuxActuels"/> (the structure's, in
    /// display order): a typed block is taken only for a place of the structure, others keep their current values.
    /// </summary>
    public ContenuStructure? Valider(Erreurs e, IReadOnlyList<ContenuLieu> lieuxActuels)
    {
        var nom = Saisie.Requis(e, "nom", "le nom de la structure", Nom, ChampsStructure.Nom.Max);
        var description = Saisie.Facultatif(e, "description", "La présentation", Description, ChampsStructure.Description.Max) ?? "";
        var site = Saisie.Url(e, "site-web", "L'adresse du site internet", SiteWeb);
        var courriel = Saisie.Courriel(e, "courriel", "Le courriel", Courriel);
        var telephone = Saisie.Telephone(e, "telephone", "Le téléphone", Telephone);
        var siret = Saisie.Nettoyer(Siret)?.Replace(" ", "", StringComparison.Ordinal);
        if (siret is not null && (siret.Length != 14 || !siret.All(char.IsAsciiDigit)))
        {
            e.Ajouter("siret", "Le SIRET doit compter 14 chiffres.");
        }

        var lieux = new List<ContenuLieu>();
        foreach (var actuel in lieuxActuels)
        {
            var i = Lieux.FindIndex(l => l.Id == actuel.Id);
            lieux.Add(i < 0 ? actuel : Lieux[i].Valider(e, $"lieu-{i}", actuel));
        }

        return e.Any ? null : new ContenuStructure
        {
            Nom = nom!,
            Description = description,
            SiteWeb = site,
            Courriel = courriel,
            Telephone = telephone,
            Siret = siret,
            Lieux = lieux,
        };
    }
}

public sealed class SaisieLieu
{
    public int Id { get; set; }
    public string? Nom { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? Horaires { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public string? AccessiblePmr { get; set; }

    public static SaisieLieu De(ContenuLieu l) => new()
    {
        Id = l.Id,
        Nom = l.Nom,
        Adresse = l.Adresse,
        CodePostal = l.CodePostal,
        Horaires = l.Horaires,
        Telephone = l.Telephone,
        Courriel = l.Courriel,
        AccessiblePmr = Saisie.Texte(l.AccessiblePmr),
    };

    public ContenuLieu Valider(Erreurs e, string prefixe, ContenuLieu actuel)
    {
        var de = $" du lieu « {actuel.Nom} »";
        var nom = Saisie.Requis(e, $"{prefixe}-nom", "le nom" + de, Nom, ChampsLieu.Nom.Max);
        var adresse = Saisie.Facultatif(e, $"{prefixe}-adresse", "L'adresse" + de, Adresse, ChampsLieu.Adresse.Max);
        var cp = Saisie.Nettoyer(CodePostal)?.Replace(" ", "", StringComparison.Ordinal);
        if (cp is not null && (cp.Length != 5 || !cp.All(char.IsAsciiDigit)))
        {
            e.Ajouter($"{prefixe}-code-postal", $"Le code postal{de} doit compter 5 chiffres.");
        }

        return new ContenuLieu
        {
            Id = actuel.Id,
            Nom = nom ?? actuel.Nom,
            Adresse = adresse,
            CodePostal = cp,
            Horaires = Saisie.Facultatif(e, $"{prefixe}-horaires", "Les horaires" + de, Horaires, ChampsLieu.Horaires.Max),
            Telephone = Saisie.Telephone(e, $"{prefixe}-telephone", "Le téléphone" + de, Telephone),
            Courriel = Saisie.Courriel(e, $"{prefixe}-courriel", "Le courriel" + de, Courriel),
            AccessiblePmr = Saisie.OuiNon(e, $"{prefixe}-pmr", "Accessible en fauteuil roulant" + de, AccessiblePmr),
        };
    }
}
