using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Demandes;

/// <summary>What the young person typed in the "être recontacté·e" form (or an outreach tool sent).</summary>
public sealed class SaisieContact
{
    public string? Prenom { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public string? Creneau { get; set; }
    public string? Message { get; set; }
    public bool Consentement { get; set; }

    /// <summary>Honeypot ("site_web" in the API): hidden from people, filled by bots. See <see cref="Recontact.EstUnRobot"/>.</summary>
    public string? SiteWeb { get; set; }
}

public sealed record DemandeCreee(string Reference, string Structure);

/// <summary>
/// Validates a contact request, routes it to one structure (the chosen programme's, else the competent
/// mission locale or CIO) and stores it with the e-mails to send, all in one transaction.
/// </summary>
public sealed partial class Recontact(RaccrocheDbContext db, InstantaneCatalogue instantane, IOptions<CourrierOptions> mail, TimeProvider clock)
{
    public const int AgeMinimum = 16;

    public static void Valider(SaisieContact s, Profil p, Erreurs erreurs)
    {
        if (p.Age < AgeMinimum)
        {
            erreurs.Ajouter("age", "Avant 16 ans, la demande passe par ton collège, ton lycée ou le CIO : ce formulaire n'est pas pour toi.");
        }

        var prenom = s.Prenom?.Trim() ?? "";
        if (prenom.Length == 0)
        {
            erreurs.Ajouter("prenom", "Indique ton prénom.");
        }
        else if (prenom.Length > 50 || !PrenomValide().IsMatch(prenom))
        {
            erreurs.Ajouter("prenom", "Ton prénom doit faire au plus 50 caractères : des lettres, des espaces, des tirets ou des apostrophes.");
        }

        var tel = NormaliserTelephone(s.Telephone);
        var courriel = s.Courriel?.Trim();
        if (string.IsNullOrEmpty(tel) && string.IsNullOrEmpty(courriel))
        {
            erreurs.Ajouter("telephone", "Donne au moins un moyen de te joindre : un numéro de téléphone ou une adresse e-mail.");
        }

        if (!string.IsNullOrEmpty(s.Telephone) && tel is null)
        {
            erreurs.Ajouter("telephone", "Ce numéro n'est pas valide : 10 chiffres commençant par 0 (ex. 06 12 34 56 78) ou +33.");
        }

        if (!string.IsNullOrEmpty(courriel) && !Saisie.EstCourriel(courriel, 200))
        {
            erreurs.Ajouter("courriel", "Cette adresse e-mail n'est pas valide (ex. prenom@exemple.fr).");
        }

        if (ValeursFermees.Lire<Creneau>(s.Creneau) is null)
        {
            erreurs.Ajouter("creneau", "Choisis le moment où tu préfères être appelé·e.");
        }

        if (s.Message is { Length: > 1000 })
        {
            erreurs.Ajouter("message", $"Ton message est trop long ({s.Message.Length} caractères) : 1 000 au maximum.");
        }

        if (!s.Consentement)
        {
            erreurs.Ajouter("consentement", "Coche la case pour accepter que la structure reçoive ta demande.");
        }
    }

    /// <summary>"06 12-34.56 78" → "0612345678"; "+33 6 12 34 56 78" → "+33612345678"; anything else → null.</summary>
    public static string? NormaliserTelephone(string? brut)
    {
        if (string.IsNullOrWhiteSpace(brut))
        {
            return null;
        }

        var t = Regex.Replace(brut, @"[\s.\-()]", "");
        return TelephoneValide().IsMatch(t) ? t : null;
    }


    /// <summary>A bot filled the honeypot: the form and the API answer as if the request had been stored.</summary>
    public static bool EstUnRobot(SaisieContact s) => !string.IsNullOrEmpty(s.SiteWeb);

    /// <summary>
    /// Stores the request and its e-mails. The form and the API both come here, so they share the
    /// honeypot (checked first, before any validation: a bot learns nothing) and the rules.
    /// </summary>
    public async Task<Resultat<DemandeCreee>> CreerAsync(SaisieContact s, Profil p, int? dispositifId, CancellationToken ct = default, string? campagne = null)
    {
        if (EstUnRobot(s))
        {
            return Resultat<DemandeCreee>.Succes(new DemandeCreee(NouvelleReference(), Appariement.PointsEntree(p, instantane.Annuaire).FirstOrDefault()?.Structure.Nom ?? "la mission locale"));
        }

        var erreurs = new Erreurs();
        Valider(s, p, erreurs);
        var structureCampagne = campagne is null ? null
            : await db.Campagnes.Where(c => c.Code == campagne).Select(c => c.StructureId).FirstOrDefaultAsync(ct);
        var structureId = dispositifId is { } id
            ? await db.Dispositifs.Where(d => d.Id == id).Select(d => (int?)d.StructureId).FirstOrDefaultAsync(ct)
            : structureCampagne ?? Appariement.PointsEntree(p, instantane.Annuaire).Select(pe => (int?)pe.Structure.Id).FirstOrDefault();
        if (dispositifId is not null && structureId is null)
        {
            erreurs.Ajouter("dispositif", "Ce dispositif n'existe pas ou plus.");
        }
        else if (structureId is null)
        {
            erreurs.Ajouter("code_commune", "Aucune structure ne couvre encore ta commune : contacte la mission locale ou le CIO le plus proche.");
        }

        if (erreurs.Any)
        {
            return Resultat<DemandeCreee>.Echec(erreurs);
        }

        var structure = await db.Structures.AsNoTracking().FirstAsync(x => x.Id == structureId, ct);
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var demande = new DemandeContact
        {
            Reference = NouvelleReference(),
            CreeLe = maintenant,
            Prenom = s.Prenom!.Trim(),
            Telephone = NormaliserTelephone(s.Telephone),
            Courriel = string.IsNullOrWhiteSpace(s.Courriel) ? null : s.Courriel.Trim(),
            Creneau = ValeursFermees.Lire<Creneau>(s.Creneau)!.Value,
            Message = string.IsNullOrWhiteSpace(s.Message) ? null : s.Message.Trim(),
            ConsentementLe = maintenant,
            DernierMouvementLe = maintenant,
            Age = p.Age,
            Situation = p.Situation,
            StructureId = structure.Id,
            DispositifId = dispositifId,
            CodeCommune = p.Commune.CodeInsee,
            Departement = p.Commune.Departement,
            Reponses = JsonSerializer.Serialize(new
            {
                age = p.Age,
                code_commune = p.Commune.CodeInsee,
                commune = p.Commune.Nom,
                situation = p.Situation,
                depuis_mois = p.DepuisMois,
                niveau = p.Niveau,
                souhait = p.Souhait,
                besoins = p.Besoins,
                rayon_km = p.RayonKm,
            }),
        };

        return await db.EnTransactionAsync(async tx =>
        {
            db.DemandesContact.Add(demande);
            await db.SaveChangesAsync(ct);
            var dispositif = dispositifId is null ? null : await db.Dispositifs.AsNoTracking().Where(d => d.Id == dispositifId).Select(d => d.Nom).FirstAsync(ct);
            db.MessagesSortants.Add(Courrier.Preparer(structure.Courriel ?? mail.Value.AdresseParDefaut,
                $"Demande de contact {demande.Reference} – {p.Commune.Nom}", CorpsStructure(demande, p, structure, dispositif), maintenant, demande.Id));
            if (demande.Courriel is { } c && !await AccuseRecentAsync(c, maintenant, ct))
            {
                db.MessagesSortants.Add(Courrier.Preparer(c, DebutSujetAccuse + demande.Reference + FinSujetAccuse, CorpsAccuse(demande, structure), maintenant, demande.Id));
            }

            await db.SaveChangesAsync(ct);
            if (campagne is not null)
            {
                await Campagnes.Compteurs.DemandeAsync(db, campagne, ct);
            }

            await tx.CommitAsync(ct);
            return Resultat<DemandeCreee>.Succes(new DemandeCreee(demande.Reference, structure.Nom));
        }, ct);
    }

    private const string DebutSujetAccuse = "Ta demande ";
    private const string FinSujetAccuse = " est bien arrivée";

    /// <summary>
    /// At most one acknowledgement per address per 24 hours: the request is stored and routed, but
    /// someone typing another person's address again and again cannot flood that mailbox from our server.
    /// </summary>
    private Task<bool> AccuseRecentAsync(string courriel, DateTime maintenant, CancellationToken ct)
    {
        var depuis = maintenant.AddHours(-24);
        var adresse = courriel.ToLowerInvariant();
        return db.MessagesSortants.AnyAsync(m => m.CreeLe > depuis && m.Destinataire.ToLower() == adresse
            && m.Sujet.StartsWith(DebutSujetAccuse) && m.Sujet.EndsWith(FinSujetAccuse), ct);
    }

    private static string CorpsStructure(DemandeContact d, Profil p, Catalogue.Structure s, string? dispositif)
    {
        var b = new StringBuilder();
        b.AppendLine($"Bonjour,\n\nUn jeune demande à être recontacté par {s.Nom} (référence {d.Reference}).\n");
        b.AppendLine($"Prénom : {d.Prenom}");
        b.AppendLine($"Téléphone : {d.Telephone ?? "non communiqué"}");
        b.AppendLine($"E-mail : {d.Courriel ?? "non communiqué"}");
        b.AppendLine($"Moment préféré : {d.Creneau.Libelle()}");
        if (dispositif is not null)
        {
            b.AppendLine($"Dispositif qui l'intéresse : {dispositif}");
        }

        b.AppendLine($"\nSes réponses au diagnostic :\n- Âge : {p.Age} ans\n- Commune : {p.Commune.Nom} ({p.Commune.CodeInsee})");
        if (p.Situation is not null)
        {
            b.AppendLine($"- Situation : {ChoixDiagnostic.SituationsJeune.Libelle(p.Situation)}{(p.DepuisMois is { } m ? $", depuis environ {m} mois" : "")}");
        }

        if (p.Niveau is not null)
        {
            b.AppendLine($"- Niveau : {Vocabulaire.Niveaux.Libelle(p.Niveau)}");
        }

        if (p.Souhait is not null)
        {
            b.AppendLine($"- Souhait : {ChoixDiagnostic.Souhaits.Libelle(p.Souhait)}");
        }

        if (p.Besoins.Count > 0)
        {
            b.AppendLine($"- Besoins : {string.Join(", ", p.Besoins.Select(ChoixDiagnostic.Besoins.Libelle))}");
        }

        if (d.Message is not null)
        {
            b.AppendLine($"\nSon message :\n{d.Message}");
        }

        b.AppendLine("\nLe jeune a accepté que votre structure reçoive ces informations pour le recontacter. Elles seront anonymisées 12 mois après la clôture de la demande.");
        return b.ToString();
    }

    private static string CorpsAccuse(DemandeContact d, Catalogue.Structure s) =>
        $"Bonjour {d.Prenom},\n\nTa demande est bien arrivée (référence {d.Reference}). {s.Nom} va te recontacter, " +
        $"{d.Creneau.Libelle().ToLowerInvariant()} de préférence.\n\nSi tu ne veux plus être contacté·e, réponds simplement à la personne qui t'appellera.\n\nL'équipe Raccroche";

    /// <summary>8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
    public static string NouvelleReference() => "RC-" + Codes.Aleatoire(6);

    public string AdresseParDefaut => mail.Value.AdresseParDefaut;

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M} '’\-]*$")]
    private static partial Regex PrenomValide();

    [GeneratedRegex(@"^(0[1-9]\d{8}|\+33[1-9]\d{8})$")]
    private static partial Regex TelephoneValide();
}
