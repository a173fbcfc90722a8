using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Journal;
using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Demandes;

/// <summary>
/// The life of a request or referral in the receiving structure's inbox: statuses move forward,
/// closing ones (entré·e, réorienté·e, sans suite) are final; a re-referral creates the new request
/// for the other programme's structure. Every change is one transaction with its audit line.
/// </summary>
public sealed class Traitement(RaccrocheDbContext db, Tracabilite journal, Habilitations h, Recontact recontact, Invitations invitations, TimeProvider clock)
{
    private static readonly StatutDemande[] Ordre = [StatutDemande.Nouvelle, StatutDemande.PriseEnCharge, StatutDemande.JeuneContacte, StatutDemande.RendezVous, StatutDemande.Entre];

    public static bool EstClos(StatutDemande statut) => statut is StatutDemande.Entre or StatutDemande.Reoriente or StatutDemande.SansSuite;

    /// <summary>Statuses the request can move to from where it is.</summary>
    public static IEnumerable<StatutDemande> Suivants(StatutDemande statut) => EstClos(statut) ? [] :
        ValeursFermees.Toutes<StatutDemande>().Where(t => t is StatutDemande.Reoriente or StatutDemande.SansSuite || Array.IndexOf(Ordre, t) > Array.IndexOf(Ordre, statut));

    public async Task<Resultat> ChangerStatutAsync(DemandeContact d, StatutDemande? statut, string? note, MotifSansSuite? motif, int? dispositifId, CancellationToken ct = default)
    {
        if (!h.PeutTraiter(d))
        {
            return Resultat.Echec("statut", "Seule la structure destinataire peut faire avancer cette demande.", Refus.Interdit);
        }

        var erreurs = new Erreurs();
        if (statut is null || !Suivants(d.Statut).Contains(statut.Value))
        {
            erreurs.Ajouter("statut", EstClos(d.Statut) ? "Cette demande est close : son statut ne change plus." : "Choisissez l'étape suivante dans la liste.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 500 })
        {
            erreurs.Ajouter("note", $"La note est trop longue ({note.Length} caractères) : 500 au maximum.");
        }

        if (statut == StatutDemande.SansSuite && motif is null)
        {
            erreurs.Ajouter("motif", "Indiquez pourquoi la demande est sans suite.");
        }

        Dispositif? vers = null;
        if (statut == StatutDemande.Reoriente)
        {
            vers = dispositifId is { } id ? await db.Dispositifs.FirstOrDefaultAsync(x => x.Id == id && !x.Suspendu, ct) : null;
            if (vers is null)
            {
                erreurs.Ajouter("dispositif", "Choisissez le dispositif vers lequel vous réorientez le jeune.");
            }
            else if (d.DispositifId == vers.Id)
            {
                erreurs.Ajouter("dispositif", "Choisissez un autre dispositif que celui de la demande.");
            }
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        // Read before the transaction, so that an attempt retried after a broken connection decides from the same state.
        var ancien = d.Statut;
        var proprietaire = h.StructureId;
        var premierContact = statut is StatutDemande.JeuneContacte or StatutDemande.RendezVous or StatutDemande.Entre && d.PremierContactLe is null
            ? maintenant : d.PremierContactLe;
        var clos = EstClos(statut!.Value);
        var cloture = clos ? maintenant : d.ClotureLe;
        var motifFinal = clos ? (statut == StatutDemande.SansSuite ? motif : null) : d.MotifSansSuite;
        return await db.EnTransactionAsync(async tx =>
        {
            try
            {
                // The receiving structure and the status this decision was taken on are in the WHERE of the UPDATE:
                // a request of another structure, or one whose status changed meanwhile, is not touched (of two
                // "réorienté·e" sent together exactly one creates the new request).
                db.Entry(d).State = EntityState.Detached;
                var modifiees = await db.DemandesContact
                    .Where(x => x.Id == d.Id && x.StructureId == proprietaire && x.Statut == ancien)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(x => x.Statut, statut.Value)
                        .SetProperty(x => x.DernierMouvementLe, maintenant)
                        .SetProperty(x => x.PremierContactLe, premierContact)
                        .SetProperty(x => x.ClotureLe, cloture)
                        .SetProperty(x => x.MotifSansSuite, motifFinal), ct);
                if (modifiees == 0)
                {
                    throw new DbUpdateConcurrencyException("The request changed (or is not this structure's) since the decision was taken.");
                }

                (d.Statut, d.DernierMouvementLe, d.PremierContactLe, d.ClotureLe, d.MotifSansSuite) = (statut.Value, maintenant, premierContact, cloture, motifFinal);
                db.SuivisDemande.Add(new SuiviDemande { DemandeId = d.Id, Le = maintenant, Statut = statut.Value, Note = note, AuteurId = h.UtilisateurId, Auteur = h.Nom });
                journal.Ajouter(Tracabilite.Modification, "demande", d.Reference, $"statut → {statut.Value.Code()}{(motif is { } m ? $" ({m.Code()})" : "")}");
                if (vers is not null)
                {
                    var suite = Copier(d, vers, maintenant);
                    if (suite.CodeCommune is null)
                    {
                        (suite.CodeCommune, suite.Departement) = await CommuneDuDispositifAsync(vers, ct);
                    }

                    db.DemandesContact.Add(suite);
                    await db.SaveChangesAsync(ct);
                    d.SuiteId = suite.Id;
                    await db.DemandesContact.Where(x => x.Id == d.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SuiteId, suite.Id), ct);
                    journal.Ajouter(Tracabilite.Creation, "demande", suite.Reference, $"réorientation de {d.Reference}");
                    await NotifierAsync(suite, vers.StructureId, maintenant, ct);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return Resultat.Succes();
            }
            catch (DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return Resultat.Echec("statut", "Le statut de cette demande a été changé entre-temps par quelqu'un d'autre : rien n'a été enregistré. Vérifiez son état actuel ci-dessous avant de recommencer.", Refus.Conflit);
            }
        }, ct);
    }

    /// <summary>"Orienter un jeune": a professional refers a young person to a programme, with the young person's agreement.</summary>
    public async Task<Resultat<DemandeContact>> OrienterAsync(Dispositif vers, SaisieOrientation s, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        Valider(s, erreurs);
        if (erreurs.Any)
        {
            return Resultat<DemandeContact>.Echec(erreurs);
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var d = new DemandeContact
        {
            Reference = Recontact.NouvelleReference(),
            CreeLe = maintenant,
            DernierMouvementLe = maintenant,
            Origine = OrigineDemande.Professionnel,
            Prenom = s.Prenom!.Trim(),
            Telephone = Recontact.NormaliserTelephone(s.Telephone),
            Courriel = string.IsNullOrWhiteSpace(s.Courriel) ? null : s.Courriel.Trim(),
            Creneau = Creneau.Indifferent,
            Message = string.IsNullOrWhiteSpace(s.Message) ? null : s.Message.Trim(),
            ConsentementLe = maintenant,
            Age = s.Age,
            Situation = s.Situation,
            StructureId = vers.StructureId,
            DispositifId = vers.Id,
            StructureOrigineId = h.EstDeStructure ? h.StructureId : null,
            EmetteurId = h.UtilisateurId,
            Emetteur = h.Nom,
        };
        (d.CodeCommune, d.Departement) = await CommuneDuDispositifAsync(vers, ct);
        return await db.EnTransactionAsync(async tx =>
        {
            db.DemandesContact.Add(d);
            journal.Ajouter(Tracabilite.Creation, "demande", d.Reference, $"orientation vers {vers.Slug}");
            await db.SaveChangesAsync(ct);
            await NotifierAsync(d, vers.StructureId, maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat<DemandeContact>.Succes(d);
        }, ct);
    }

    public static void Valider(SaisieOrientation s, Erreurs erreurs)
    {
        var prenom = s.Prenom?.Trim() ?? "";
        if (prenom.Length is 0 or > 50)
        {
            erreurs.Ajouter("prenom", "Indiquez le prénom du jeune (50 caractères au plus).");
        }

        var tel = Recontact.NormaliserTelephone(s.Telephone);
        if (!string.IsNullOrWhiteSpace(s.Telephone) && tel is null)
        {
            erreurs.Ajouter("telephone", "Numéro non valable : 10 chiffres commençant par 0, ou +33.");
        }

        var courriel = s.Courriel?.Trim();
        if (!string.IsNullOrEmpty(courriel) && !Saisie.EstCourriel(courriel, 200))
        {
            erreurs.Ajouter("courriel", "Adresse e-mail non valable (ex. prenom@exemple.fr).");
        }

        if (tel is null && string.IsNullOrEmpty(courriel) && !erreurs.Any)
        {
            erreurs.Ajouter("telephone", "Indiquez au moins un moyen de joindre le jeune : téléphone ou e-mail.");
        }

        if (s.Age is null or < 14 or > 30)
        {
            erreurs.Ajouter("age", "Indiquez l'âge du jeune, entre 14 et 30 ans.");
        }

        if (s.Situation is not null && !ChoixDiagnostic.SituationsJeune.Contient(s.Situation))
        {
            erreurs.Ajouter("situation", "Choisissez la situation dans la liste.");
        }

        if (s.Message is { Length: > 1000 })
        {
            erreurs.Ajouter("message", $"Le message est trop long ({s.Message.Length} caractères) : 1 000 au maximum.");
        }

        if (!s.Accord)
        {
            erreurs.Ajouter("accord", "Cochez la case : le jeune doit avoir accepté que ses coordonnées soient transmises.");
        }
    }

    private DemandeContact Copier(DemandeContact d, Dispositif vers, DateTime maintenant) => new()
    {
        Reference = Recontact.NouvelleReference(),
        CreeLe = maintenant,
        DernierMouvementLe = maintenant,
        Origine = OrigineDemande.Reorientation,
        Prenom = d.Prenom,
        Telephone = d.Telephone,
        Courriel = d.Courriel,
        Creneau = d.Creneau,
        Message = d.Message,
        ConsentementLe = d.ConsentementLe,
        Reponses = d.Reponses,
        CodeCommune = d.CodeCommune,
        Departement = d.Departement,
        Age = d.Age,
        Situation = d.Situation,
        StructureId = vers.StructureId,
        DispositifId = vers.Id,
        StructureOrigineId = d.StructureId,
        EmetteurId = h.UtilisateurId,
        Emetteur = h.Nom,
    };

    /// <summary>
    /// Where a professional's referral is routed for (the young person's commune is not asked): the programme's first
    /// place, else the receiving structure's first place; (null, null) when neither has one.
    /// </summary>
    private async Task<(string? CodeCommune, string? Departement)> CommuneDuDispositifAsync(Dispositif vers, CancellationToken ct)
    {
        var code = await db.Dispositifs.Where(x => x.Id == vers.Id).SelectMany(x => x.Lieux).OrderBy(l => l.Id).Select(l => l.CodeInsee).FirstOrDefaultAsync(ct)
            ?? await db.Lieux.Where(l => l.StructureId == vers.StructureId).OrderBy(l => l.Id).Select(l => l.CodeInsee).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return (null, null);
        }

        var departement = await db.Communes.Where(c => c.CodeInsee == code).Select(c => c.Departement).FirstOrDefaultAsync(ct);
        return (code, departement ?? Communes.Departements.DeCommune(code));
    }

    /// <summary>The receiving structure gets an e-mail with the reference and the inbox link: no personal data leaves the platform.</summary>
    private async Task NotifierAsync(DemandeContact d, int structureId, DateTime maintenant, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == structureId).Select(x => new { x.Nom, x.Courriel }).FirstAsync(ct);
        var destinataire = s.Courriel ?? recontact.AdresseParDefaut;
        db.MessagesSortants.Add(Courrier.Preparer(destinataire, $"Nouvelle orientation {d.Reference} pour {s.Nom}",
            $"Bonjour,\n\nUn professionnel vous oriente un jeune (référence {d.Reference}).\n" +
            $"Consultez la demande dans votre espace : {invitations.UrlPublique}/pro/demandes\n\n" +
            "Pour protéger ses données, ses coordonnées ne figurent pas dans ce message.\n\nL'équipe Raccroche", maintenant, d.Id));
    }
}

/// <summary>What a professional types in "Orienter un jeune".</summary>
public sealed class SaisieOrientation
{
    public string? Prenom { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public int? Age { get; set; }
    public string? Situation { get; set; }
    public string? Message { get; set; }
    public bool Accord { get; set; }
}
