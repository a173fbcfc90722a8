using System.Security.Cryptography;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// A first message, or a reminder (counted: <see cref="RelancesSuivi.Maximum"/> per file at most), or the question of a
/// check-in after a solution (a <c>PointSuivi</c>: its link asks "tu y es toujours ?").
/// </summary>
public enum NatureMessage
{
    [Valeur("premier", "Premier message")] Premier,
    [Valeur("relance", "Relance")] Relance,
    [Valeur("point-suivi", "Point de suivi")] PointSuivi,
}

/// <summary>
/// A PSAD's message texts: "tu" to the young person, "vous" to the legal guardian, a first message and a reminder for each.
/// Placeholders: <c>{prenom}</c> (the young person's first name), <c>{structure}</c>, <c>{lien}</c> (the personal link, required).
/// Empty means the default text, written to fit one SMS.
/// </summary>
public sealed class ModelesMessages
{
    public string? Jeune { get; set; }
    public string? JeuneRelance { get; set; }
    public string? Responsable { get; set; }
    public string? ResponsableRelance { get; set; }

    /// <summary>The check-in question after a solution, to the young person only.</summary>
    public string? PointSuivi { get; set; }

    public const int Max = 480;
    public const string Prenom = "{prenom}", Structure = "{structure}", Lien = "{lien}";

    public static readonly IReadOnlyList<ChampModele> Champs =
    [
        new("modeleJeune", "Premier message au jeune (tutoiement)", DestinataireContact.Jeune, NatureMessage.Premier, m => m.Jeune, (m, v) => m.Jeune = v,
            "Bonjour {prenom}, ici {structure}. Formation, emploi : on peut t'aider. Réponds ici : {lien}"),
        new("modeleJeuneRelance", "Relance au jeune (tutoiement)", DestinataireContact.Jeune, NatureMessage.Relance, m => m.JeuneRelance, (m, v) => m.JeuneRelance = v,
            "{prenom}, c'est encore {structure}. On est toujours là pour t'aider. Un clic pour répondre : {lien}"),
        new("modeleResponsable", "Premier message au responsable légal (vouvoiement)", DestinataireContact.ResponsableLegal, NatureMessage.Premier, m => m.Responsable, (m, v) => m.Responsable = v,
            "Bonjour, ici {structure}. Nous pouvons aider {prenom} à trouver une formation. Répondez ici : {lien}"),
        new("modeleResponsableRelance", "Relance au responsable légal (vouvoiement)", DestinataireContact.ResponsableLegal, NatureMessage.Relance, m => m.ResponsableRelance, (m, v) => m.ResponsableRelance = v,
            "Bonjour, ici {structure}. Nous restons disponibles pour {prenom}. Répondez en un clic : {lien}"),
        new("modelePointSuivi", "Point de suivi après une solution, au jeune (tutoiement)", DestinataireContact.Jeune, NatureMessage.PointSuivi, m => m.PointSuivi, (m, v) => m.PointSuivi = v,
            "{prenom}, ici {structure}. Tu es toujours en formation ou en emploi ? Réponds en un clic : {lien}"),
    ];

    public static ChampModele Champ(DestinataireContact a, NatureMessage n) => Champs.First(c => c.Destinataire == a && c.Nature == n);

    /// <summary>The text for this recipient and kind: the PSAD's own, or the default.</summary>
    public string Texte(DestinataireContact a, NatureMessage n) => Champ(a, n) is var c && c.Lire(this) is { Length: > 0 } t ? t : c.Defaut;

    /// <summary>The message as sent: placeholders replaced, spaces tidied when the first name is unknown.</summary>
    public static string Remplir(string modele, string? prenom, string structure, string lien) =>
        modele.Replace(Prenom, prenom ?? "", StringComparison.Ordinal).Replace(Structure, structure, StringComparison.Ordinal).Replace(Lien, lien, StringComparison.Ordinal)
            .Replace("  ", " ", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).TrimStart(',', ' ');

    /// <summary>Checks the texts typed in the form (one per field code); null with errors when one is wrong.</summary>
    public static ModelesMessages? Lire(IReadOnlyDictionary<string, string?> saisie, Erreurs erreurs)
    {
        var m = new ModelesMessages();
        foreach (var c in Champs)
        {
            var texte = saisie.GetValueOrDefault(c.Code)?.Trim();
            if (string.IsNullOrEmpty(texte) || texte == c.Defaut)
            {
                continue;
            }

            if (texte.Length > Max)
            {
                erreurs.Ajouter(c.Code, $"{c.Libelle} : {Max} caractères au plus ({texte.Length} saisis).");
            }
            else if (!texte.Contains(Lien, StringComparison.Ordinal))
            {
                erreurs.Ajouter(c.Code, $"{c.Libelle} : le texte doit contenir {Lien}, le lien personnel où le jeune répond.");
            }
            else if (System.Text.RegularExpressions.Regex.Matches(texte, @"\{[^}]*\}").Select(x => x.Value).FirstOrDefault(x => x is not (Prenom or Structure or Lien)) is { } inconnu)
            {
                erreurs.Ajouter(c.Code, $"{c.Libelle} : {inconnu} n'est pas un champ connu (seuls {Prenom}, {Structure} et {Lien} le sont).");
            }
            else
            {
                c.Ecrire(m, texte);
            }
        }

        return erreurs.Any ? null : m;
    }
}

public sealed record ChampModele(string Code, string Libelle, DestinataireContact Destinataire, NatureMessage Nature, Func<ModelesMessages, string?> Lire, Action<ModelesMessages, string?> Ecrire, string Defaut);

/// <summary>What the young person (or their guardian) answered through the personal link.</summary>
public enum ChoixReponse
{
    [Valeur("rappel", "Je veux être rappelé·e")] Rappel,
    [Valeur("rendez-vous", "Je veux un rendez-vous")] RendezVous,
    [Valeur("deja-en-solution", "Je suis déjà en formation, en emploi ou accompagné·e")] DejaEnSolution,
    [Valeur("ne-pas-contacter", "Je ne veux pas être contacté·e")] NePasContacter,
}

/// <summary>When to call back.</summary>
public enum MomentRappel
{
    [Valeur("matin", "Le matin (9 h – 12 h)")] Matin,
    [Valeur("midi", "À midi (12 h – 14 h)")] Midi,
    [Valeur("apres-midi", "L'après-midi (14 h – 17 h)")] ApresMidi,
    [Valeur("fin-de-journee", "En fin de journée (17 h – 19 h)")] FinDeJournee,
}

/// <summary>The half-days a young person can come to a rendez-vous (a request: the structure proposes the time).</summary>
public enum DemiJournee
{
    [Valeur("lundi-matin", "Lundi matin")] LundiMatin,
    [Valeur("lundi-apres-midi", "Lundi après-midi")] LundiApresMidi,
    [Valeur("mardi-matin", "Mardi matin")] MardiMatin,
    [Valeur("mardi-apres-midi", "Mardi après-midi")] MardiApresMidi,
    [Valeur("mercredi-matin", "Mercredi matin")] MercrediMatin,
    [Valeur("mercredi-apres-midi", "Mercredi après-midi")] MercrediApresMidi,
    [Valeur("jeudi-matin", "Jeudi matin")] JeudiMatin,
    [Valeur("jeudi-apres-midi", "Jeudi après-midi")] JeudiApresMidi,
    [Valeur("vendredi-matin", "Vendredi matin")] VendrediMatin,
    [Valeur("vendredi-apres-midi", "Vendredi après-midi")] VendrediApresMidi,
}

/// <summary>"Déjà en formation / en emploi / accompagné·e", as the young person says it (recorded as a <see cref="PriseEnCharge"/>).</summary>
public enum SituationDeclaree
{
    [Valeur("formation", "En formation (lycée, CFA, formation professionnelle…)")] Formation,
    [Valeur("emploi", "En emploi")] Emploi,
    [Valeur("accompagnement", "Accompagné·e par une structure (mission locale, France Travail, E2C…)")] Accompagnement,
}

/// <summary>
/// A message sent from a case file (by a référent, or as an automatic reminder) and its personal link: the link's token is
/// stored hashed (SHA-256), valid <see cref="ValiditeLien"/>, answered once. The text itself is only in the outbox.
/// </summary>
public sealed class MessageJeune
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public DateTime EnvoyeLe { get; set; }
    public CanalContact Canal { get; set; }
    public DestinataireContact Destinataire { get; set; }
    public NatureMessage Nature { get; set; }

    /// <summary>Sent as a reminder (counted in <see cref="JeuneSuivi.Relances"/>), by the job or on the file's proposal.</summary>
    public bool Relance { get; set; }
    public required string Auteur { get; set; }

    /// <summary>SHA-256 of the link's token, hexadecimal: the token itself is never stored.</summary>
    public required string EmpreinteLien { get; set; }
    public DateTime LienExpireLe { get; set; }
    public DateTime? ReponduLe { get; set; }
    public ChoixReponse? Reponse { get; set; }

    /// <summary>Call-back times or half-days chosen (codes of <see cref="MomentRappel"/> or <see cref="DemiJournee"/>).</summary>
    public List<string> Creneaux { get; set; } = [];

    /// <summary>"What and where" for <see cref="ChoixReponse.DejaEnSolution"/> (its <see cref="SituationDeclaree"/> code first), as typed, shown inert.</summary>
    public string? Precision { get; set; }

    /// <summary>The check-in this message asks about (<see cref="NatureMessage.PointSuivi"/>): its link records that check-in, nothing else.</summary>
    public long? PointSuiviId { get; set; }

    public static readonly TimeSpan ValiditeLien = TimeSpan.FromDays(30);
    public const int PrecisionMax = PriseEnCharge.OrganismeMax;
}

internal sealed class MessageJeuneConfiguration : IEntityTypeConfiguration<MessageJeune>
{
    public void Configure(EntityTypeBuilder<MessageJeune> b)
    {
        b.HasIndex(m => m.EmpreinteLien).IsUnique();
        b.HasIndex(m => new { m.JeuneSuiviId, m.EnvoyeLe });
        b.Property(m => m.Canal).HasMaxLength(20);
        b.Property(m => m.Destinataire).HasMaxLength(20);
        b.Property(m => m.Nature).HasMaxLength(20);
        b.Property(m => m.Reponse).HasMaxLength(20);
        b.Property(m => m.Auteur).HasMaxLength(256);
        b.Property(m => m.EmpreinteLien).HasMaxLength(64);
        b.Property(m => m.Precision).HasMaxLength(200);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(m => m.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PointSuivi>().WithMany().HasForeignKey(m => m.PointSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The personal link: a random token of 128 bits in the URL (<c>/r/{jeton}</c>), its SHA-256 in the database.</summary>
public static class LienPersonnel
{
    public const string Chemin = "/r/";

    public static string NouveauJeton() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Empreinte(string jeton) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jeton)));

    /// <summary>A token as we make them (22 URL-safe characters); anything else is not looked up.</summary>
    public static bool Forme(string? jeton) => jeton is { Length: 22 } && jeton.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] octets) => Convert.ToBase64String(octets).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Where a file can be written to, from its latest livraison: the young person's and the guardian's number and e-mail.</summary>
public sealed record Coordonnees(string? Telephone, string? Courriel, string? TelephoneResponsable, string? CourrielResponsable)
{
    public static readonly Coordonnees Aucune = new(null, null, null, null);

    public string? Adresse(DestinataireContact a, CanalContact c) => (a, c) switch
    {
        (DestinataireContact.Jeune, CanalContact.Sms) => Telephone,
        (DestinataireContact.Jeune, CanalContact.Courriel) => Courriel,
        (DestinataireContact.ResponsableLegal, CanalContact.Sms) => TelephoneResponsable,
        (DestinataireContact.ResponsableLegal, CanalContact.Courriel) => CourrielResponsable,
        _ => null,
    };

    public static Coordonnees De(LigneSiei? l) => l is null ? Aucune : new(l.Telephone, l.Courriel, l.ResponsableTelephone, l.ResponsableCourriel);
}

/// <summary>What a message would be, before it is sent: shown on the file with its length.</summary>
public sealed record ApercuMessage(DestinataireContact Destinataire, CanalContact Canal, NatureMessage Nature, string Texte)
{
    public int Longueur => Gsm7.Longueur(Texte);
    public int Parties => Gsm7.Parties(Texte);
    public bool Gsm => Gsm7.Compatible(Texte);
}

/// <summary>
/// Sends messages from case files: by e-mail through the outbox, by SMS through <see cref="FileSms"/>, each with a new personal
/// link, to addresses the file holds only. One transaction: the file's guarded UPDATE (a first message moves "à contacter" to
/// "contact en cours"), the <see cref="MessageJeune"/>, the outbox row, the history line and the audit line.
/// </summary>
public sealed class MessagesJeune(RaccrocheDbContext db, AccesSuivi acces, Tracabilite journal, TimeProvider clock, IConfiguration config, FileSms sms)
{
    public const string AuteurAutomatique = "relance automatique", AuteurPointSuivi = "point de suivi automatique";

    private static Resultat Introuvable => Resultat.Echec("dossier", "Ce dossier n'existe pas ou ne vous est pas confié.", Refus.Interdit);

    public bool SmsDisponible => sms.Disponible;

    /// <summary>The contacts of the file, from the latest livraison where the young person appeared.</summary>
    public async Task<Coordonnees> CoordonneesAsync(int id, CancellationToken ct = default)
    {
        var contenu = await db.SituationsSiei.AsNoTracking().Where(x => x.JeuneSuiviId == id)
            .Join(db.Livraisons, x => x.LivraisonId, l => l.Id, (x, l) => new { l.Mois, x.Id, x.Contenu })
            .OrderByDescending(x => x.Mois).ThenByDescending(x => x.Id).Select(x => x.Contenu).FirstOrDefaultAsync(ct);
        return contenu is null ? Coordonnees.Aucune : Coordonnees.De(JsonSerializer.Deserialize<LigneSiei>(contenu));
    }

    /// <summary>The name the message is signed with: the assigned structure's, else the PSAD's.</summary>
    public async Task<string> SignatureAsync(JeuneSuivi d, CancellationToken ct = default) =>
        (d.StructureId is { } s ? await db.Structures.Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(ct) : null)
        ?? await db.Psads.Where(p => p.Id == d.PsadId).Select(p => p.Nom).FirstAsync(ct);

    /// <summary>The kind of message due: a reminder once a message has gone, else a first message.</summary>
    public async Task<NatureMessage> NatureDueAsync(int id, CancellationToken ct = default) =>
        await db.MessagesJeune.AnyAsync(m => m.JeuneSuiviId == id, ct) ? NatureMessage.Relance : NatureMessage.Premier;

    /// <summary>The text of a message, with a placeholder link of the real length (the preview on the file).</summary>
    public string Texte(ModelesMessages modeles, DestinataireContact a, NatureMessage n, string? prenom, string signature, string? jeton = null) =>
        ModelesMessages.Remplir(modeles.Texte(a, n), prenom, signature, config.UrlPublique() + LienPersonnel.Chemin + (jeton ?? new string('x', 22)));

    /// <summary>The recipients and channels this file can be written to: addresses it holds, the guardian for a minor only.</summary>
    public IEnumerable<(DestinataireContact Destinataire, CanalContact Canal)> Possibles(JeuneSuivi d, Coordonnees c, DateOnly aujourdhui)
    {
        var mineur = d.DateNaissance is { } n && Drapeaux.Age(n, aujourdhui) < 18;
        foreach (var a in mineur ? new[] { DestinataireContact.Jeune, DestinataireContact.ResponsableLegal } : [DestinataireContact.Jeune])
        {
            foreach (var canal in SmsDisponible ? new[] { CanalContact.Sms, CanalContact.Courriel } : [CanalContact.Courriel])
            {
                if (c.Adresse(a, canal) is not null)
                {
                    yield return (a, canal);
                }
            }
        }
    }

    /// <summary>A référent's (or coordinator's) message from the file page; <paramref name="relance"/> when sent on the file's reminder proposal.</summary>
    public async Task<Resultat> EnvoyerAsync(int id, int version, DestinataireContact? destinataire, CanalContact? canal, bool relance, CancellationToken ct = default)
    {
        var dossier = await (await acces.DossiersTraitesAsync(ct)).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var erreurs = new Erreurs();
        if (destinataire is null)
        {
            erreurs.Ajouter("messageDestinataire", "Choisissez à qui écrire : le jeune ou, pour un mineur, son responsable légal.");
        }

        if (canal is not (CanalContact.Sms or CanalContact.Courriel))
        {
            erreurs.Ajouter("messageCanal", "Choisissez le canal du message : SMS ou courriel.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var cible = (await acces.DossiersTraitesAsync(ct)).Where(j => j.Id == id && j.Version == version);
        return await EnvoyerAsync(dossier, cible, destinataire!.Value, canal!.Value, relance, acces.Habilitations.Nom, ct);
    }

    /// <summary>
    /// The checks and the writes of one message. <paramref name="cible"/> is the WHERE of the file's UPDATE (its owner and version);
    /// 0 rows means someone saved in between, nothing is written. With <paramref name="point"/>, the question of that check-in
    /// (to the young person, on a file followed in a solution, closed as a positive exit included); the file's status stays.
    /// </summary>
    internal async Task<Resultat> EnvoyerAsync(JeuneSuivi dossier, IQueryable<JeuneSuivi> cible, DestinataireContact destinataire, CanalContact canal, bool relance, string auteur, CancellationToken ct, PointSuivi? point = null)
    {
        var erreurs = new Erreurs();
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var coordonnees = await CoordonneesAsync(dossier.Id, ct);
        var possibles = Possibles(dossier, coordonnees, HeureParis.Jour(maintenant)).ToList();
        if (dossier.NePasContacterLe is not null)
        {
            erreurs.Ajouter("messageDestinataire", "Le jeune a demandé à ne pas être contacté : aucun message ne part plus de ce dossier.");
        }
        else if (point is not null && (!PointsSuivi.Suivi(dossier) || destinataire != DestinataireContact.Jeune))
        {
            erreurs.Ajouter("messageDestinataire", "Un point de suivi se demande au jeune, tant que le dossier suit sa solution.");
        }
        else if (point is null && (dossier.Statut == StatutDossier.AAttribuer || CycleDossier.EstFinal(dossier.Statut)))
        {
            erreurs.Ajouter("messageDestinataire", dossier.Statut == StatutDossier.AAttribuer
                ? "Ce dossier n'est pas encore attribué : attribuez-le avant d'écrire au jeune."
                : $"Ce dossier est {dossier.Statut.Libelle().ToLowerInvariant()} : aucun message ne part plus.");
        }
        else if (relance && dossier.Relances >= RelancesSuivi.Maximum)
        {
            erreurs.Ajouter("messageDestinataire", $"Ce dossier a déjà reçu {RelancesSuivi.Maximum} relances.");
        }
        else if (!possibles.Contains((destinataire, canal)))
        {
            erreurs.Ajouter("messageCanal", destinataire == DestinataireContact.ResponsableLegal && !possibles.Any(p => p.Destinataire == destinataire)
                ? "On n'écrit au responsable légal que pour un mineur, et avec les coordonnées que le dossier contient."
                : canal == CanalContact.Sms && !SmsDisponible
                    ? "Les SMS ne sont pas configurés sur ce serveur : envoyez un courriel."
                    : $"Le dossier ne contient pas de {(canal == CanalContact.Sms ? "numéro de téléphone" : "courriel")} pour cette personne.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var psad = await db.Psads.AsNoTracking().FirstAsync(p => p.Id == dossier.PsadId, ct);
        var nature = point is null ? await NatureDueAsync(dossier.Id, ct) : NatureMessage.PointSuivi;
        var signature = await SignatureAsync(dossier, ct);
        var jeton = LienPersonnel.NouveauJeton();
        var texte = Texte(psad.Modeles, destinataire, nature, dossier.Prenom, signature, jeton);
        var adresse = coordonnees.Adresse(destinataire, canal)!;
        var apres = point is null && dossier.Statut == StatutDossier.AContacter ? StatutDossier.ContactEnCours : dossier.Statut;
        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var n = await cible.Where(j => j.NePasContacterLe == null && j.Statut == dossier.Statut && j.Relances < (relance ? RelancesSuivi.Maximum : int.MaxValue))
                .ExecuteUpdateAsync(u =>
                {
                    if (apres != dossier.Statut)
                    {
                        u.SetProperty(j => j.Statut, apres).SetProperty(j => j.StatutDepuis, maintenant);
                    }

                    if (relance)
                    {
                        u.SetProperty(j => j.Relances, j => j.Relances + 1);
                    }

                    u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1);
                }, ct);
            if (n == 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Resultat.Echec("version", DossiersSuivi.MessageConflit, Refus.Conflit);
            }

            db.MessagesJeune.Add(new MessageJeune
            {
                JeuneSuiviId = dossier.Id,
                EnvoyeLe = maintenant,
                Canal = canal,
                Destinataire = destinataire,
                Nature = nature,
                Relance = relance,
                Auteur = auteur,
                EmpreinteLien = LienPersonnel.Empreinte(jeton),
                LienExpireLe = maintenant + MessageJeune.ValiditeLien,
                PointSuiviId = point?.Id,
            });
            if (canal == CanalContact.Sms)
            {
                db.SmsSortants.Add(FileSms.Preparer(adresse, texte, maintenant));
            }
            else
            {
                db.MessagesSortants.Add(Courrier.Preparer(adresse, $"Message de {signature}",
                    texte + "\n\nCe lien est personnel : garde-le pour toi. Il est valable 30 jours.\n", maintenant));
            }

            var quoi = $"{(relance ? "relance" : point is not null ? $"point de suivi à {point.Mois} mois" : nature.Libelle().ToLowerInvariant())} par {canal.Libelle().ToLowerInvariant()} ({destinataire.Libelle().ToLowerInvariant()})";
            db.EvenementsDossier.Add(new EvenementDossier
            {
                JeuneSuiviId = dossier.Id,
                Quand = maintenant,
                Nature = NatureEvenement.Message,
                Auteur = auteur,
                Detail = quoi + (apres != dossier.Statut ? $" ; statut « {apres.Libelle()} »" : ""),
            });
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", dossier.Id.ToString(CultureInfo.InvariantCulture), "message envoyé : " + quoi,
                auteur is AuteurAutomatique or AuteurPointSuivi ? auteur : null);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        });
    }
}

/// <summary>
/// The reminder job's work: for each PSAD that turned automatic reminders on, between 08:00 and 20:00 Paris time, sends the
/// reminders due (<see cref="Proposee"/>) to the same person and channel as the last message, else the young person by
/// SMS, then by e-mail. Files without an address are left to the référent (the proposal stays on the file).
/// </summary>
public sealed class RelancesSuivi(RaccrocheDbContext db, MessagesJeune messages, TimeProvider clock)
{
    /// <summary>Reminders per file, at most.</summary>
    public const int Maximum = 2;

    /// <summary>
    /// A file "à contacter" past the first-attempt deadline, or "contact en cours" with no news for the PSAD's reminder delay, gets a
    /// reminder proposed, unless it had <see cref="Maximum"/> already or the young person asked not to be contacted. Days are Paris
    /// calendar days, as the other flags (<see cref="Drapeaux.Calculer"/>).
    /// </summary>
    public static bool Proposee(JeuneSuivi d, int joursDepuisArrivee, int joursSansNouvelles, ReglagesSuivi r) =>
        d.NePasContacterLe is null && d.Relances < Maximum && d.AnonymiseLe is null && d.StructureId is not null && d.Statut switch
        {
            StatutDossier.AContacter => joursDepuisArrivee > r.DelaiPremiereTentativeJours,
            StatutDossier.ContactEnCours => joursSansNouvelles >= r.DelaiRelanceJours,
            _ => false,
        };

    public async Task<int> ExecuterAsync(CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (!HeuresOuvrees.Ouvert(maintenant))
        {
            return 0;
        }

        var aujourdhui = HeureParis.Jour(maintenant);
        var envoyees = 0;
        var psads = await db.Psads.AsNoTracking().Where(p => p.Reglages.RelancesAutomatiques).Select(p => new { p.Id, p.Reglages }).ToListAsync(ct);
        foreach (var psad in psads)
        {
            // A rough cut in SQL (the delays' earliest bound), the exact rule in C# (the same as the flag on the lists).
            var borne = maintenant.AddDays(-Math.Min(psad.Reglages.DelaiPremiereTentativeJours, psad.Reglages.DelaiRelanceJours) + 1);
            var candidats = await db.JeunesSuivis.AsNoTracking()
                .Where(j => j.PsadId == psad.Id && j.AnonymiseLe == null && j.NePasContacterLe == null && j.Relances < RelancesSuivi.Maximum && j.StructureId != null
                    && (j.Statut == StatutDossier.AContacter || j.Statut == StatutDossier.ContactEnCours) && (j.DerniereActionLe ?? j.ArriveLe) <= borne)
                .OrderBy(j => j.Id).Take(200).ToListAsync(ct);
            foreach (var d in candidats.Where(d => Drapeaux.Calculer(d, aujourdhui, psad.Reglages).RelanceProposee))
            {
                var coordonnees = await messages.CoordonneesAsync(d.Id, ct);
                var possibles = messages.Possibles(d, coordonnees, aujourdhui).ToList();
                var dernier = await db.MessagesJeune.AsNoTracking().Where(m => m.JeuneSuiviId == d.Id).OrderByDescending(m => m.EnvoyeLe)
                    .Select(m => new { m.Destinataire, m.Canal }).FirstOrDefaultAsync(ct);
                (DestinataireContact, CanalContact)? choix = dernier is not null && possibles.Contains((dernier.Destinataire, dernier.Canal))
                    ? (dernier.Destinataire, dernier.Canal)
                    : possibles.Count > 0 ? possibles[0] : null;
                if (choix is not { } c)
                {
                    continue;
                }

                var cible = db.JeunesSuivis.Where(j => j.Id == d.Id && j.Version == d.Version && j.AnonymiseLe == null);
                if ((await messages.EnvoyerAsync(d, cible, c.Item1, c.Item2, relance: true, MessagesJeune.AuteurAutomatique, ct)).Reussi)
                {
                    envoyees++;
                }
            }
        }

        return envoyees;
    }
}

/// <summary>Automatic reminders, every <c>RelancesSuivi:IntervalleMinutes</c> (30 by default).</summary>
public sealed class TacheRelancesSuivi(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<TacheRelancesSuivi> logger) : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Follow-up reminders";

    protected override TimeSpan Intervalle => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("RelancesSuivi:IntervalleMinutes", 30)));

    protected override TimeSpan PremierDelai => TimeSpan.FromMinutes(3);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await services.GetRequiredService<RelancesSuivi>().ExecuterAsync(ct);
        if (n > 0)
        {
            logger.LogInformation("{Count} follow-up reminder(s) sent", n);
        }
    }
}
