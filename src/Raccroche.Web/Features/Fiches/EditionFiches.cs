using System.Data;
using System.Data.Common;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// The life of a sheet's revisions: one open revision (draft or submitted) per sheet, saved again and
/// again, submitted, then published onto the live entity or sent back with a comment; the author is
/// told by e-mail either way. Callers check who may act (<see cref="Habilitations"/>), and every write
/// carries its owner in its own query as well (the member's structure, the validator's territory): a
/// check that a caller forgot, or a sheet that moved in between, matches no row. Every change happens
/// in one transaction.
/// </summary>
public sealed class EditionFiches(RaccrocheDbContext db, Habilitations h, TimeProvider clock, IConfiguration config, InstantaneCatalogue instantane)
{
    public const string CommentaireConfirmation = "Fiche confirmée à jour, sans modification.";

    /// <summary>Microseconds: PostgreSQL keeps no more, and the draft's timestamp is its version in the form.</summary>
    private DateTime Maintenant
    {
        get
        {
            var t = clock.GetUtcNow().UtcDateTime;
            return new DateTime(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
        }
    }

    public DateOnly Aujourdhui => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Reviewed more than 6 months ago: members see a reminder (after 12 months the public sheet says "à vérifier").</summary>
    public bool ARevoir(DateOnly dateMaj) => dateMaj < Aujourdhui.AddMonths(-6);

    private string UrlPublique => AdressePublique.UrlPublique(config);

    /// <summary>The member's structure, or null for anyone who edits none (whose writes then match no row).</summary>
    private int? StructureDuMembre => h.EstDeStructure ? h.StructureId : null;

    /// <summary>The member's sheet of this type and id, tracked, with its places; null when it is not theirs.</summary>
    private async Task<(Structure? Structure, Dispositif? Dispositif)> FicheDuMembreAsync(TypeFiche type, int cibleId, CancellationToken ct)
    {
        var membre = StructureDuMembre;
        return type == TypeFiche.Structure
            ? (await db.Structures.Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == cibleId && x.Id == membre, ct), null)
            : (null, await db.Dispositifs.Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == cibleId && x.StructureId == membre, ct));
    }

    /// <summary>The revisions the signed-in person may decide on: all for the regional administrator, their territory's for a coordinator.</summary>
    private async Task<IQueryable<RevisionFiche>> DecidablesAsync(CancellationToken ct)
    {
        if (h.EstAdminRegional)
        {
            return db.RevisionsFiche;
        }

        var territoire = h.EstCoordinateur ? (await h.StructuresDuTerritoireAsync(ct)).ToList() : [];
        return db.RevisionsFiche.Where(r => territoire.Contains(r.StructureId));
    }

    public Task<Structure?> StructureAsync(int id, CancellationToken ct) =>
        db.Structures.AsNoTracking().Include(s => s.Lieux).FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Dispositif?> DispositifAsync(int id, CancellationToken ct) =>
        db.Dispositifs.AsNoTracking().Include(d => d.Lieux).FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>The structure that owns a sheet, or null when the sheet does not exist.</summary>
    public async Task<int?> StructureDeAsync(TypeFiche type, int cibleId, CancellationToken ct) => type switch
    {
        TypeFiche.Structure => await db.Structures.Where(s => s.Id == cibleId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct),
        TypeFiche.Dispositif => await db.Dispositifs.Where(d => d.Id == cibleId).Select(d => (int?)d.StructureId).FirstOrDefaultAsync(ct),
        _ => null,
    };

    public Task<RevisionFiche?> OuverteAsync(TypeFiche type, int cibleId, CancellationToken ct) =>
        Ouvertes(type, cibleId).AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(ct);

    private IQueryable<RevisionFiche> Ouvertes(TypeFiche type, int cibleId) =>
        db.RevisionsFiche.Where(r => r.Type == type && r.CibleId == cibleId && (r.Statut == StatutRevision.Brouillon || r.Statut == StatutRevision.Soumise));

    /// <summary>
    /// Saves the sheet's draft (creating it when there is none), and submits it when asked; succeeds with the open revision.
    /// <paramref name="version"/> is the draft's timestamp when the form was shown (0 for a new draft): someone else's save in
    /// between, or a revision already submitted, is a <see cref="Refus.Conflit"/>. The transaction is serializable so that two
    /// first saves cannot open two drafts of one sheet. The sheet and its draft are read with the member's structure in the
    /// query: someone else's sheet is <see cref="Refus.Interdit"/> (the page answers 404).
    /// </summary>
    public async Task<Resultat<RevisionFiche>> EnregistrerAsync(
        TypeFiche type, int cibleId, string contenu, long version, bool soumettre, CancellationToken ct)
    {
        if (contenu.Length > ContenuFiche.TailleMax)
        {
            return Resultat<RevisionFiche>.Echec("description", $"La fiche est trop longue au total pour être enregistrée : {ARaccourcir(type)}.");
        }

        try
        {
            return await db.EnTransactionAsync(async tx =>
            {
                var membre = StructureDuMembre;
                if (membre is not { } structureId || await StructureDeAsync(type, cibleId, ct) != structureId)
                {
                    return Resultat<RevisionFiche>.Echec("etat", "Cette fiche n'est pas celle de votre structure.", Refus.Interdit);
                }

                var ouverte = await Ouvertes(type, cibleId).Where(r => r.StructureId == structureId).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
                if (ouverte?.Statut == StatutRevision.Soumise)
                {
                    return Resultat<RevisionFiche>.Echec("etat", "Une modification de cette fiche est déjà soumise à validation : attendez la décision, ou retirez-la de la validation pour la changer.", Refus.Conflit);
                }

                if ((ouverte?.ModifieeLe.Ticks ?? 0) != version)
                {
                    return Conflit(ouverte);
                }

                var maintenant = Maintenant;
                if (ouverte is null)
                {
                    ouverte = new RevisionFiche
                    {
                        Type = type,
                        CibleId = cibleId,
                        StructureId = structureId,
                        Contenu = contenu,
                        Auteur = Court(h.Nom, 100),
                        CreeLe = maintenant,
                    };
                    db.RevisionsFiche.Add(ouverte);
                }

                ouverte.Contenu = contenu;
                ouverte.AuteurId = h.UtilisateurId;
                ouverte.Auteur = Court(h.Nom, 100);
                ouverte.ModifieeLe = maintenant;
                if (soumettre)
                {
                    ouverte.Statut = StatutRevision.Soumise;
                    ouverte.SoumiseLe = maintenant;
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return Resultat<RevisionFiche>.Succes(ouverte);
            }, ct, IsolationLevel.Serializable);
        }
        catch (Exception ex) when (EstConflitDeTransaction(ex))
        {
            db.ChangeTracker.Clear();
            return Conflit(await OuverteAsync(type, cibleId, ct));
        }
    }

    /// <summary>What to shorten when the whole sheet is too long to be saved.</summary>
    private static string ARaccourcir(TypeFiche type) => type == TypeFiche.Structure
        ? "raccourcissez la présentation ou les horaires"
        : "raccourcissez la description ou les conditions d'accès";

    /// <summary>Someone else's save (or a publication, or a drop) came between the form and this save.</summary>
    private static Resultat<RevisionFiche> Conflit(RevisionFiche? ouverte) => Resultat<RevisionFiche>.Echec("etat", ouverte is null
        ? "Le brouillon de cette fiche a été publié ou abandonné entre-temps. Vos changements ne sont pas enregistrés : enregistrez à nouveau pour ouvrir un nouveau brouillon avec eux."
        : $"Le brouillon a été modifié entre-temps par {ouverte.Auteur} (le {HeureParis.Horodatage(ouverte.ModifieeLe)}). Vos changements ne sont pas enregistrés : enregistrez à nouveau pour remplacer sa version par la vôtre, ou rechargez la page pour voir la sienne.",
        Refus.Conflit);

    /// <summary>A submitted revision goes back to draft at its structure's request (to change it before the decision).</summary>
    public async Task<Resultat> RetirerAsync(int revisionId, CancellationToken ct) =>
        await db.RevisionsFiche
            .Where(r => r.Id == revisionId && r.StructureId == StructureDuMembre && r.Statut == StatutRevision.Soumise)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Statut, StatutRevision.Brouillon).SetProperty(r => r.ModifieeLe, Maintenant), ct) == 1
            ? Resultat.Succes()
            : await InchangeeAsync(revisionId, "Cette modification n'est plus soumise à validation : rien n'a changé.", ct);

    /// <summary>Drops a draft: it never reached the live sheet, so nothing of the sheet's history is lost.</summary>
    public async Task<Resultat> AbandonnerAsync(int revisionId, CancellationToken ct) =>
        await db.RevisionsFiche
            .Where(r => r.Id == revisionId && r.StructureId == StructureDuMembre && r.Statut == StatutRevision.Brouillon)
            .ExecuteDeleteAsync(ct) == 1
            ? Resultat.Succes()
            : await InchangeeAsync(revisionId, "Ce brouillon a été soumis, publié ou abandonné entre-temps : rien n'a changé.", ct);

    /// <summary>Why a member's write on a revision matched no row: not their structure's (or gone), or its status moved on.</summary>
    private async Task<Resultat> InchangeeAsync(int revisionId, string messageConflit, CancellationToken ct) =>
        await db.RevisionsFiche.AnyAsync(r => r.Id == revisionId && r.StructureId == StructureDuMembre, ct)
            ? Resultat.Echec("etat", messageConflit, Refus.Conflit)
            : Resultat.Echec("etat", "Cette modification n'est pas celle de votre structure.", Refus.Interdit);

    /// <summary>
    /// Publishes a submitted revision: its content replaces the live sheet (the live version is kept in
    /// <see cref="RevisionFiche.Avant"/>), the review date becomes today, the previously published revision is archived
    /// and the author is told. The status is claimed first, so two validators
    /// clicking together publish once; and only the version the validator saw (<paramref name="version"/>, the revision's
    /// <see cref="RevisionFiche.ModifieeLe"/> ticks when the page was shown), so a revision withdrawn and changed since is refused (<see cref="Refus.Conflit"/>, as is one already decided; one
    /// outside the validator's territory is <see cref="Refus.Interdit"/>).
    /// </summary>
    public async Task<Resultat> PublierAsync(int revisionId, long version, string? commentaire, CancellationToken ct)
    {
        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var decidables = await DecidablesAsync(ct);
        return await db.EnTransactionAsync(async tx =>
        {
            if (await ReclamerAsync(decidables, revisionId, vue, StatutRevision.Publiee, commentaire, maintenant, ct) == 0)
            {
                return await RefusAsync(decidables, revisionId, vue, ct);
            }

            var r = await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId, ct);
            var avant = await AppliquerAsync(r.Type, r.CibleId ?? 0, r.Contenu, ct);
            if (avant is null)
            {
                await tx.RollbackAsync(ct);
                return Resultat.Echec("commentaire", "Cette fiche n'existe plus dans le répertoire : la modification ne peut pas être publiée.", Refus.Conflit);
            }

            r.Avant = avant.Length <= ContenuFiche.TailleMax ? avant : null;
            await ArchiverPrecedentesAsync(r.Type, r.CibleId, r.Id, ct);
            var nom = NomDe(r.Type, r.Contenu);
            await PrevenirAuteurAsync(r, $"Fiche publiée : {nom}",
                $"Bonjour,\n\nVotre modification de la fiche « {nom} » a été validée par {h.Nom} et publiée.\n" +
                (commentaire is null ? "" : $"\nCommentaire : {commentaire}\n") +
                $"\nHistorique de la fiche : {UrlPublique}/pro/fiches/{r.Type.Code()}/{r.CibleId}/historique\n\nL'équipe Raccroche", maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>
    /// Claims a submitted revision for a decision, in one UPDATE whose WHERE holds the validator's reach, the submitted status
    /// and the version they saw: of two validators clicking together, one claims it (1 row), the other gets 0.
    /// </summary>
    private Task<int> ReclamerAsync(IQueryable<RevisionFiche> decidables, int revisionId, DateTime vue, StatutRevision decision, string? commentaire, DateTime maintenant, CancellationToken ct) =>
        decidables.Where(r => r.Id == revisionId && r.Statut == StatutRevision.Soumise && r.ModifieeLe == vue)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Statut, decision)
                .SetProperty(r => r.DecisionLe, maintenant)
                .SetProperty(r => r.DecisionPar, Court(h.Nom, 100))
                .SetProperty(r => r.Commentaire, commentaire), ct);

    /// <summary>
    /// Why a decision could not claim the revision: outside the validator's territory, changed since the validator's page
    /// showed it (withdrawn, edited, submitted again: its timestamp moved), or already decided.
    /// </summary>
    private async Task<Resultat> RefusAsync(IQueryable<RevisionFiche> decidables, int revisionId, DateTime vue, CancellationToken ct)
    {
        var actuelle = await decidables.AsNoTracking().Where(r => r.Id == revisionId).Select(r => new { r.Statut, r.ModifieeLe }).FirstOrDefaultAsync(ct);
        if (actuelle is null)
        {
            return Resultat.Echec("commentaire", "Cette modification n'est pas dans votre territoire.", Refus.Interdit);
        }

        return Resultat.Echec("commentaire", actuelle.ModifieeLe != vue
            ? "Cette modification a été modifiée entre-temps par la structure : rien n'a été publié ni renvoyé. Relisez la version actuelle ci-dessous avant de décider."
            : "Cette modification a déjà été traitée.", Refus.Conflit);
    }

    /// <summary>Sends a submitted revision back to draft with the validator's comment, and tells the author.</summary>
    public async Task<Resultat> RenvoyerAsync(int revisionId, long version, string commentaire, CancellationToken ct)
    {
        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var decidables = await DecidablesAsync(ct);
        return await db.EnTransactionAsync(async tx =>
        {
            if (await ReclamerAsync(decidables, revisionId, vue, StatutRevision.Brouillon, commentaire, maintenant, ct) == 0)
            {
                return await RefusAsync(decidables, revisionId, vue, ct);
            }

            var r = await db.RevisionsFiche.AsNoTracking().SingleAsync(x => x.Id == revisionId, ct);
            var nom = NomDe(r.Type, r.Contenu);
            await PrevenirAuteurAsync(r, $"Fiche à reprendre : {nom}",
                $"Bonjour,\n\n{h.Nom} vous renvoie en brouillon votre modification de la fiche « {nom} », avec ce commentaire :\n\n{commentaire}\n\n" +
                $"Reprenez-la puis soumettez-la à nouveau : {UrlPublique}/pro/fiches/{r.Type.Code()}/{r.CibleId}\n\nL'équipe Raccroche", maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>
    /// Records that a member checked the sheet and found it right: a published revision whose content is the live
    /// sheet unchanged (so the review shows in the history), and today as review date. No validation is needed
    /// since nothing public changes. <see cref="Refus.Interdit"/> when the sheet is not the member's structure's.
    /// </summary>
    public async Task<Resultat> ConfirmerAsync(TypeFiche type, int cibleId, CancellationToken ct)
    {
        var maintenant = Maintenant;
        return await db.EnTransactionAsync(async tx =>
        {
            string contenu;
            int structureId;
            switch (await FicheDuMembreAsync(type, cibleId, ct))
            {
                case (Structure s, _):
                    contenu = ContenuFiche.Serialiser(ContenuStructure.De(s));
                    structureId = s.Id;
                    s.DateMaj = Aujourdhui;
                    break;
                case (_, Dispositif d):
                    contenu = ContenuFiche.Serialiser(ContenuDispositif.De(d));
                    structureId = d.StructureId;
                    d.DateMaj = Aujourdhui;
                    break;
                default:
                    return Resultat.Echec("fiche", "Cette fiche n'est pas celle de votre structure.", Refus.Interdit);
            }

            await ArchiverPrecedentesAsync(type, cibleId, 0, ct);
            if (contenu.Length <= ContenuFiche.TailleMax)
            {
                db.RevisionsFiche.Add(new RevisionFiche
                {
                    Type = type,
                    CibleId = cibleId,
                    StructureId = structureId,
                    Statut = StatutRevision.Publiee,
                    Contenu = contenu,
                    Avant = contenu,
                    AuteurId = h.UtilisateurId,
                    Auteur = Court(h.Nom, 100),
                    CreeLe = maintenant,
                    ModifieeLe = maintenant,
                    DecisionLe = maintenant,
                    DecisionPar = Court(h.Nom, 100),
                    Commentaire = CommentaireConfirmation,
                });
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>The live sheet as revision content (what a new draft starts from, what a diff compares with).</summary>
    public async Task<string?> ContenuActuelAsync(TypeFiche type, int cibleId, CancellationToken ct) => type switch
    {
        TypeFiche.Structure => await StructureAsync(cibleId, ct) is { } s ? ContenuFiche.Serialiser(ContenuStructure.De(s)) : null,
        TypeFiche.Dispositif => await DispositifAsync(cibleId, ct) is { } d ? ContenuFiche.Serialiser(ContenuDispositif.De(d)) : null,
        _ => null,
    };

    /// <summary>
    /// What each revision changes: for a published or archived one, from the version it replaced; for a draft or a
    /// submitted one, from the live sheet as it is now (what publishing would change).
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<Ecart>>> EcartsAsync(IReadOnlyCollection<RevisionFiche> revisions, CancellationToken ct)
    {
        var actuels = new Dictionary<(TypeFiche, int), string?>();
        foreach (var r in revisions.Where(r => r.Avant is null || r.Statut is StatutRevision.Brouillon or StatutRevision.Soumise))
        {
            var cle = (r.Type, r.CibleId ?? 0);
            if (!actuels.ContainsKey(cle))
            {
                actuels[cle] = await ContenuActuelAsync(r.Type, r.CibleId ?? 0, ct);
            }
        }

        var paires = revisions.ToDictionary(r => r.Id, r => (
            Avant: r.Statut is StatutRevision.Publiee or StatutRevision.Archivee && r.Avant is not null ? r.Avant : actuels[(r.Type, r.CibleId ?? 0)],
            Apres: r.Contenu,
            r.Type));
        var ids = paires.Values.Where(p => p.Type == TypeFiche.Dispositif)
            .SelectMany(p => new[] { p.Avant, p.Apres })
            .Where(j => j is not null)
            .SelectMany(j => ContenuFiche.Lire<ContenuDispositif>(j!).Lieux)
            .Distinct().ToList();
        var noms = ids.Count == 0 ? [] : await db.Lieux.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Nom, ct);
        return paires.ToDictionary(kv => kv.Key, kv => Ecarts.Comparer(
            kv.Value.Avant is null ? [] : Champs(kv.Value.Type, kv.Value.Avant, noms),
            Champs(kv.Value.Type, kv.Value.Apres, noms)));
    }

    public IReadOnlyList<ChampFiche> Champs(TypeFiche type, string contenu, IReadOnlyDictionary<int, string> nomsLieux) =>
        type == TypeFiche.Structure
            ? ContenuFiche.Champs(ContenuFiche.Lire<ContenuStructure>(contenu))
            : ContenuFiche.Champs(ContenuFiche.Lire<ContenuDispositif>(contenu), nomsLieux, instantane.Communes);

    public static string NomDe(TypeFiche type, string contenu) => type == TypeFiche.Structure
        ? ContenuFiche.Lire<ContenuStructure>(contenu).Nom
        : ContenuFiche.Lire<ContenuDispositif>(contenu).Nom;

    /// <summary>Applies a content to the tracked live entity; returns the version it replaced, or null when the sheet is gone.</summary>
    private async Task<string?> AppliquerAsync(TypeFiche type, int cibleId, string contenu, CancellationToken ct)
    {
        if (type == TypeFiche.Structure)
        {
            var s = await db.Structures.Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == cibleId, ct);
            if (s is null)
            {
                return null;
            }

            var avant = ContenuFiche.Serialiser(ContenuStructure.De(s));
            ContenuFiche.Lire<ContenuStructure>(contenu).Appliquer(s);
            s.DateMaj = Aujourdhui;

            // An imported sheet its structure publishes becomes the structure's: imports no longer write it (decision 0026).
            if (s.SourceDonnees is not null && s.RepriseLe is null)
            {
                s.RepriseLe = new DateTimeOffset(Maintenant, TimeSpan.Zero);
            }

            return avant;
        }

        var d = await db.Dispositifs.Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == cibleId, ct);
        if (d is null)
        {
            return null;
        }

        var avantD = ContenuFiche.Serialiser(ContenuDispositif.De(d));
        var possibles = await db.Lieux.Where(l => l.StructureId == d.StructureId).ToListAsync(ct);
        ContenuFiche.Lire<ContenuDispositif>(contenu).Appliquer(d, [.. possibles.UnionBy(d.Lieux, l => l.Id)]);
        d.DateMaj = Aujourdhui;
        return avantD;
    }

    private Task ArchiverPrecedentesAsync(TypeFiche type, int? cibleId, int sauf, CancellationToken ct) =>
        db.RevisionsFiche.Where(x => x.Type == type && x.CibleId == cibleId && x.Statut == StatutRevision.Publiee && x.Id != sauf)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutRevision.Archivee), ct);

    private async Task PrevenirAuteurAsync(RevisionFiche r, string sujet, string corps, DateTime maintenant, CancellationToken ct)
    {
        var courriel = r.AuteurId is null ? null : await db.Users.Where(u => u.Id == r.AuteurId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (courriel is not null)
        {
            db.MessagesSortants.Add(Courrier.Preparer(courriel, sujet, corps, maintenant));
        }
    }

    private static string Court(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>PostgreSQL's serialization failure (40001) or deadlock (40P01): another save of the same sheet won.</summary>
    private static bool EstConflitDeTransaction(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }
}
