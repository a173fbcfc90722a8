using System.Linq.Expressions;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Moderation;

/// <summary>
/// A kind of editorial content, for the moderation's messages and links: its name ("actualité"), the editing page of one
/// content (<c>/pro/veille/edition</c>, followed by its id) and how to read its title.
/// </summary>
public sealed record GenreContenu<T>(string Nom, string CheminEdition, Expression<Func<T, string>> Intitule) where T : ContenuModere;

/// <summary>
/// The moderation of editorial contents, shared by every kind (news items, events, and whatever the observatory publishes
/// next). Editors (<see cref="Roles.Editeur"/>) write, publish and take back any content, and decide on proposals; members
/// of a structure write drafts for their structure and propose them, then wait for the decision (by e-mail either way).
/// As for the sheets (<c>EditionFiches</c>), every change of status is one UPDATE whose WHERE holds who may act, the status
/// the change starts from and the version the page showed: two editors clicking together decide once, a content changed
/// since the page was shown is refused ("modifié entre-temps"), someone else's content is not found.
/// </summary>
public sealed class ModerationContenus(RaccrocheDbContext db, Habilitations h, TimeProvider clock, IConfiguration config)
{
    /// <summary>Microseconds: PostgreSQL keeps no more, and the timestamp is the version in the forms.</summary>
    public DateTime Maintenant
    {
        get
        {
            var t = clock.GetUtcNow().UtcDateTime;
            return new DateTime(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
        }
    }

    public bool EstEditeur => h.EstEditeur;

    /// <summary>Editors and members of a structure write contents; nobody else reaches the editing pages.</summary>
    public bool PeutRediger => h.EstEditeur || h.EstDeStructure;

    /// <summary>The member's structure, or null for anyone who writes for none (whose writes then match no row).</summary>
    public int? StructureDuMembre => h.EstDeStructure ? h.StructureId : null;

    /// <summary>The contents the signed-in person sees in the professional space: all for an editor, their structure's for a member.</summary>
    public IQueryable<T> Visibles<T>() where T : ContenuModere
    {
        if (h.EstEditeur)
        {
            return db.Set<T>();
        }

        var structure = StructureDuMembre;
        return db.Set<T>().Where(c => structure != null && c.StructureId == structure);
    }

    /// <summary>An editor changes any content; a member only their structure's drafts (a proposal waits for its decision).</summary>
    public bool PeutModifier(ContenuModere c) =>
        h.EstEditeur || (c.Id == 0 ? PeutRediger : StructureDuMembre is { } s && c.StructureId == s && c.Statut == StatutModeration.Brouillon);

    /// <summary>Forgets what the unit of work tracks (a page shows the content again as it is now, after a refusal).</summary>
    public void Oublier() => db.ChangeTracker.Clear();

    /// <summary>Fills in a new content's author and status (a member's is for their structure) and adds it to the context.</summary>
    public void Ajouter<T>(T contenu) where T : ContenuModere
    {
        var maintenant = Maintenant;
        contenu.Statut = StatutModeration.Brouillon;
        contenu.AuteurId = h.UtilisateurId;
        contenu.Auteur = Court(h.Nom, 100);
        contenu.CreeLe = maintenant;
        contenu.ModifieeLe = maintenant;
        if (!h.EstEditeur)
        {
            contenu.StructureId = StructureDuMembre;
        }

        db.Set<T>().Add(contenu);
    }

    /// <summary>
    /// Saves a content the form changed: a new one (<see cref="Ajouter"/>) or one read through <see cref="Visibles"/>, tracked.
    /// <paramref name="version"/> is its <see cref="ContenuModere.ModifieeLe"/> when the form was shown: someone else's save
    /// since, or in the meantime, is a <see cref="Refus.Conflit"/> and nothing is written.
    /// </summary>
    public async Task<Resultat> EnregistrerAsync(ContenuModere contenu, long version, CancellationToken ct)
    {
        if (!PeutModifier(contenu))
        {
            return Introuvable;
        }

        var entree = db.Entry(contenu);
        if (entree.State != EntityState.Added)
        {
            if (contenu.ModifieeLe.Ticks != version)
            {
                return Modifie(contenu);
            }

            // The UPDATE's WHERE then holds the version shown: a save that slipped in between matches no row.
            entree.Property(c => c.ModifieeLe).OriginalValue = new DateTime(version, DateTimeKind.Utc);
        }

        contenu.ModifieeLe = Maintenant;
        try
        {
            await db.SaveChangesAsync(ct);
            return Resultat.Succes();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Resultat.Echec("etat", "Ce contenu a été modifié entre-temps par quelqu'un d'autre. Vos changements ne sont pas enregistrés : rechargez la page pour voir sa version.", Refus.Conflit);
        }
    }

    /// <summary>A member proposes their structure's draft; the editors are told by e-mail.</summary>
    public async Task<Resultat> ProposerAsync<T>(GenreContenu<T> genre, int id, long version, CancellationToken ct) where T : ContenuModere
    {
        var structure = StructureDuMembre;
        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        return await db.EnTransactionAsync(async tx =>
        {
            var n = await db.Set<T>()
                .Where(c => c.Id == id && structure != null && c.StructureId == structure && c.Statut == StatutModeration.Brouillon && c.ModifieeLe == vue)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Statut, StatutModeration.Proposee)
                    .SetProperty(c => c.ProposeLe, maintenant)
                    .SetProperty(c => c.ModifieeLe, maintenant), ct);
            if (n == 0)
            {
                return await RefusAsync<T>(id, ct);
            }

            var titre = await db.Set<T>().Where(c => c.Id == id).Select(genre.Intitule).SingleAsync(ct);
            var nomStructure = await db.Structures.Where(s => s.Id == structure).Select(s => s.Nom).SingleAsync(ct);
            var editeurs = await db.Users.Where(u => u.Role == Roles.Editeur && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
            foreach (var courriel in editeurs)
            {
                db.MessagesSortants.Add(Courrier.Preparer(courriel, Court($"Proposition à examiner : {titre}", 300),
                    $"Bonjour,\n\n{nomStructure} propose un contenu ({genre.Nom}) : « {titre} ».\n\nPubliez-la ou renvoyez-la avec un commentaire : {Lien(genre, id)}\n\nL'équipe Raccroche",
                    maintenant));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>The member takes their proposal back to draft (to change it before the decision).</summary>
    public async Task<Resultat> RetirerPropositionAsync<T>(int id, long version, CancellationToken ct) where T : ContenuModere
    {
        var structure = StructureDuMembre;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var maintenant = Maintenant;
        return await db.Set<T>()
            .Where(c => c.Id == id && structure != null && c.StructureId == structure && c.Statut == StatutModeration.Proposee && c.ModifieeLe == vue)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Statut, StatutModeration.Brouillon).SetProperty(c => c.ModifieeLe, maintenant), ct) == 1
            ? Resultat.Succes()
            : await RefusAsync<T>(id, ct);
    }

    /// <summary>
    /// An editor publishes a draft or a proposal (the first publication date is kept when it was published before); the
    /// author of a proposal is told by e-mail.
    /// </summary>
    public async Task<Resultat> PublierAsync<T>(GenreContenu<T> genre, int id, long version, CancellationToken ct) where T : ContenuModere
    {
        if (!h.EstEditeur)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var nom = Court(h.Nom, 100);
        return await db.EnTransactionAsync(async tx =>
        {
            var avant = await db.Set<T>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Statut, c.AuteurId }).FirstOrDefaultAsync(ct);
            var n = avant is null || avant.Statut == StatutModeration.Publiee ? 0 : await db.Set<T>()
                .Where(c => c.Id == id && c.Statut == avant.Statut && c.ModifieeLe == vue)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Statut, StatutModeration.Publiee)
                    .SetProperty(c => c.PublieLe, c => c.PublieLe ?? maintenant)
                    .SetProperty(c => c.DecisionLe, maintenant)
                    .SetProperty(c => c.DecisionPar, nom)
                    .SetProperty(c => c.Commentaire, (string?)null)
                    .SetProperty(c => c.ModifieeLe, maintenant), ct);
            if (n == 0)
            {
                return await RefusAsync<T>(id, ct);
            }

            if (avant!.Statut == StatutModeration.Proposee)
            {
                var titre = await db.Set<T>().Where(c => c.Id == id).Select(genre.Intitule).SingleAsync(ct);
                await PrevenirAuteurAsync(avant.AuteurId, $"Proposition publiée : {titre}",
                    $"Bonjour,\n\nVotre proposition « {titre} » a été publiée par {nom}.\n\n{Lien(genre, id)}\n\nL'équipe Raccroche", maintenant, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>An editor sends a proposal back to its structure's draft with a comment; the author is told by e-mail.</summary>
    public async Task<Resultat> RenvoyerAsync<T>(GenreContenu<T> genre, int id, long version, string commentaire, CancellationToken ct) where T : ContenuModere
    {
        if (!h.EstEditeur)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var nom = Court(h.Nom, 100);
        return await db.EnTransactionAsync(async tx =>
        {
            var n = await db.Set<T>()
                .Where(c => c.Id == id && c.Statut == StatutModeration.Proposee && c.ModifieeLe == vue)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Statut, StatutModeration.Brouillon)
                    .SetProperty(c => c.DecisionLe, maintenant)
                    .SetProperty(c => c.DecisionPar, nom)
                    .SetProperty(c => c.Commentaire, commentaire)
                    .SetProperty(c => c.ModifieeLe, maintenant), ct);
            if (n == 0)
            {
                return await RefusAsync<T>(id, ct);
            }

            var lu = await db.Set<T>().AsNoTracking().Where(c => c.Id == id).Select(c => c.AuteurId).SingleAsync(ct);
            var titre = await db.Set<T>().Where(c => c.Id == id).Select(genre.Intitule).SingleAsync(ct);
            await PrevenirAuteurAsync(lu, $"Proposition à reprendre : {titre}",
                $"Bonjour,\n\n{nom} vous renvoie votre proposition « {titre} », avec ce commentaire :\n\n{commentaire}\n\n" +
                $"Reprenez-la puis proposez-la à nouveau : {Lien(genre, id)}\n\nL'équipe Raccroche", maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        }, ct);
    }

    /// <summary>An editor takes a published content back to draft: it leaves the public pages and the feeds at once.</summary>
    public async Task<Resultat> DepublierAsync<T>(int id, long version, CancellationToken ct) where T : ContenuModere
    {
        if (!h.EstEditeur)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var vue = new DateTime(version, DateTimeKind.Utc);
        var nom = Court(h.Nom, 100);
        return await db.Set<T>()
            .Where(c => c.Id == id && c.Statut == StatutModeration.Publiee && c.ModifieeLe == vue)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Statut, StatutModeration.Brouillon)
                .SetProperty(c => c.DecisionLe, maintenant)
                .SetProperty(c => c.DecisionPar, nom)
                .SetProperty(c => c.ModifieeLe, maintenant), ct) == 1
            ? Resultat.Succes()
            : await RefusAsync<T>(id, ct);
    }

    /// <summary>Deletes a draft (never a proposal waiting for its decision, nor a published content): an editor's any, a member's their structure's.</summary>
    public async Task<Resultat> SupprimerAsync<T>(int id, CancellationToken ct) where T : ContenuModere =>
        await Visibles<T>().Where(c => c.Id == id && c.Statut == StatutModeration.Brouillon).ExecuteDeleteAsync(ct) == 1
            ? Resultat.Succes()
            : await RefusAsync<T>(id, ct);

    /// <summary>Why a change matched no row: not the person's to change (or gone), or changed since the page showed it.</summary>
    private async Task<Resultat> RefusAsync<T>(int id, CancellationToken ct) where T : ContenuModere
    {
        var actuel = await Visibles<T>().AsNoTracking().Where(c => c.Id == id).FirstOrDefaultAsync(ct);
        return actuel is null ? Introuvable : Modifie(actuel);
    }

    private static Resultat Modifie(ContenuModere actuel) => Resultat.Echec("etat",
        $"Ce contenu a changé entre-temps (état : {actuel.Statut.Libelle().ToLowerInvariant()}, le {HeureParis.Horodatage(actuel.ModifieeLe)}) : rien n'a été fait. Relisez-le ci-dessous avant d'agir.",
        Refus.Conflit);

    private static Resultat Introuvable => Resultat.Echec("etat", "Ce contenu n'existe pas ou ne vous est pas accessible.", Refus.Interdit);

    private string Lien<T>(GenreContenu<T> genre, int id) where T : ContenuModere => $"{AdressePublique.UrlPublique(config)}{genre.CheminEdition}/{id}";

    private async Task PrevenirAuteurAsync(string? auteurId, string sujet, string corps, DateTime maintenant, CancellationToken ct)
    {
        var courriel = auteurId is null ? null : await db.Users.Where(u => u.Id == auteurId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (courriel is not null)
        {
            db.MessagesSortants.Add(Courrier.Preparer(courriel, Court(sujet, 300), corps, maintenant));
        }
    }

    private static string Court(string s, int max) => s.Length <= max ? s : s[..max];
}
