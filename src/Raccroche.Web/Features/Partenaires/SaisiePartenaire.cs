using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>The partner's form as typed, read back into a <see cref="Partenaire"/> with a French message per field.</summary>
public sealed class SaisiePartenaire
{
    public string? Nom { get; set; }
    public string? Nature { get; set; }
    public string? Presentation { get; set; }
    public string? Actions { get; set; }
    public string? Territoire { get; set; }
    public string? SiteWeb { get; set; }
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public string? Adresse { get; set; }
    public string? ContactNom { get; set; }
    public string? ContactFonction { get; set; }
    public string? ContactCourriel { get; set; }
    public string? ContactTelephone { get; set; }
    public bool ContactConsentement { get; set; }
    public string? Dispositifs { get; set; }
    public string? Structures { get; set; }

    public static SaisiePartenaire De(Partenaire p) => new()
    {
        Nom = p.Nom,
        Nature = p.Id == 0 ? null : p.Nature.Code(),
        Presentation = p.Presentation,
        Actions = p.Actions,
        Territoire = string.Join(", ", p.Territoire),
        SiteWeb = p.SiteWeb,
        Courriel = p.Courriel,
        Telephone = p.Telephone,
        Adresse = p.Adresse,
        ContactNom = p.ContactNom,
        ContactFonction = p.ContactFonction,
        ContactCourriel = p.ContactCourriel,
        ContactTelephone = p.ContactTelephone,
        ContactConsentement = p.ContactConsentementLe is not null,
        Dispositifs = string.Join(", ", p.DispositifsLies.Select(d => d.Id)),
        Structures = string.Join(", ", p.StructuresLiees.Select(s => s.Id)),
    };

    /// <summary>
    /// Checks every field and, when all are right, writes them on <paramref name="p"/> (tracked: the related sheets are read
    /// from <paramref name="db"/>); false with the messages in <paramref name="e"/>, <paramref name="p"/> untouched.
    /// <paramref name="maintenant"/> dates a consent given now.
    /// </summary>
    public async Task<bool> AppliquerAsync(Partenaire p, RaccrocheDbContext db, Erreurs e, DateTime maintenant, CancellationToken ct)
    {
        var nom = Saisie.Ligne(e, "nom-partenaire", "le nom du partenaire", Nom, Partenaire.LongueurNom);
        var codeNature = Saisie.Choix(e, "nature", "Type de partenaire", Nature, ParametresPartenaires.Natures);
        if (codeNature is null && e.Pour("nature") is null)
        {
            e.Ajouter("nature", "Type de partenaire : choisissez-en un (association, réseau, service de l'État…).");
        }

        var presentation = Saisie.Requis(e, "presentation", "la présentation", Presentation, Partenaire.LongueurPresentation);
        var actions = Saisie.Facultatif(e, "actions", "Les actions", Actions, Partenaire.LongueurActions);
        var territoire = Etiquettes.LireTerritoire(e, "territoire", Territoire);
        var site = Saisie.Url(e, "site-web", "Le site web", SiteWeb);
        var courriel = Saisie.Courriel(e, "courriel", "L'e-mail de la structure", Courriel);
        var telephone = Saisie.Telephone(e, "telephone", "Le téléphone de la structure", Telephone);
        var adresse = Saisie.Facultatif(e, "adresse", "L'adresse", Adresse, 300);

        var contactNom = Saisie.Facultatif(e, "contact-nom", "Le nom de la personne", ContactNom?.Replace('\n', ' '), 100);
        var contactFonction = Saisie.Facultatif(e, "contact-fonction", "Sa fonction", ContactFonction?.Replace('\n', ' '), 150);
        var contactCourriel = Saisie.Courriel(e, "contact-courriel", "Son e-mail", ContactCourriel);
        var contactTelephone = Saisie.Telephone(e, "contact-telephone", "Son téléphone", ContactTelephone);
        var contactSaisi = contactNom is not null || contactFonction is not null || contactCourriel is not null || contactTelephone is not null;
        if (contactSaisi && contactNom is null && e.Pour("contact-nom") is null)
        {
            e.Ajouter("contact-nom", "Indiquez le nom de la personne à contacter, ou videz ses autres champs.");
        }

        if (contactSaisi && !ContactConsentement)
        {
            e.Ajouter("contact-consentement", "Cochez la case si la personne a accepté d'être nommée ; sans son accord, videz les champs de la personne et gardez les contacts de la structure.");
        }

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

        p.Nom = nom!;
        p.Nature = ValeursFermees.Lire<NaturePartenaire>(codeNature)!.Value;
        p.Presentation = presentation!;
        p.Actions = actions;
        p.Territoire = territoire!;
        p.SiteWeb = site;
        p.Courriel = courriel;
        p.Telephone = telephone;
        p.Adresse = adresse;
        p.ContactNom = contactNom;
        p.ContactFonction = contactSaisi ? contactFonction : null;
        p.ContactCourriel = contactSaisi ? contactCourriel : null;
        p.ContactTelephone = contactSaisi ? contactTelephone : null;

        // The consent keeps the day it was first recorded; without a named person there is nothing to consent to.
        p.ContactConsentementLe = contactSaisi ? p.ContactConsentementLe ?? maintenant : null;
        p.DispositifsLies.Clear();
        p.DispositifsLies.AddRange(dispositifs.OrderBy(d => idsDispositifs!.IndexOf(d.Id)));
        p.StructuresLiees.Clear();
        p.StructuresLiees.AddRange(structures.OrderBy(s => idsStructures!.IndexOf(s.Id)));
        p.Indexer();
        return true;
    }
}
