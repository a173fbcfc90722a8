using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Inviting and removing accounts, shared by the structure admin's team page and the regional admin's accounts page.</summary>
public sealed class GestionComptes(RaccrocheDbContext db, Invitations invitations, Tracabilite journal, Habilitations h, TimeProvider clock)
{
    public sealed record Membre(string Id, string Nom, string Courriel, string Role, string? Structure, IReadOnlyList<string> Territoire, bool DoubleFacteur);
    public sealed record InvitationEnCours(string Courriel, string Role, string? Structure, DateTime ExpireLe);

    public async Task<IReadOnlyList<Membre>> MembresAsync(int? structureId, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (structureId is { } s)
        {
            q = q.Where(u => u.StructureId == s);
        }

        return await q.OrderBy(u => u.Email)
            .Select(u => new Membre(u.Id, u.NomAffiche, u.Email!, u.Role, u.Structure != null ? u.Structure.Nom : null, u.Territoire, u.TwoFactorEnabled))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<InvitationEnCours>> InvitationsAsync(int? structureId, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var q = db.Invitations.AsNoTracking().Where(i => i.AccepteeLe == null && i.ExpireLe > maintenant);
        if (structureId is { } s)
        {
            q = q.Where(i => i.StructureId == s);
        }

        return await q.OrderByDescending(i => i.CreeLe)
            .Select(i => new InvitationEnCours(i.Courriel, i.Role, i.Structure != null ? i.Structure.Nom : null, i.ExpireLe)).ToListAsync(ct);
    }

    /// <summary>Validates and sends an invitation; territory codes are département codes or commune INSEE codes.</summary>
    public async Task<Resultat> InviterAsync(string? courriel, string? role, int? structureId, string? territoire, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        courriel = courriel?.Trim() ?? "";
        if (!Saisie.EstCourriel(courriel, 256))
        {
            erreurs.Ajouter("courriel", "Indiquez une adresse e-mail valide (ex. prenom.nom@structure.fr).");
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedEmail == courriel.ToUpperInvariant(), ct))
        {
            erreurs.Ajouter("courriel", "Un compte existe déjà pour cette adresse.");
        }

        if (role is null || !Roles.Tous.Contains(role))
        {
            erreurs.Ajouter("role", "Choisissez un rôle dans la liste.");
        }

        string? structureNom = null;
        if (role is not null && Roles.DeStructure(role))
        {
            structureNom = structureId is { } s ? await db.Structures.Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(ct) : null;
            if (structureNom is null)
            {
                erreurs.Ajouter("structure", "Choisissez la structure du futur membre.");
            }
        }
        else
        {
            structureId = null;
        }

        var codes = (territoire ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (role == Roles.Coordinateur)
        {
            var communes = codes.Where(c => c.Length == 5).ToList();
            var connues = await db.Communes.Where(c => communes.Contains(c.CodeInsee)).Select(c => c.CodeInsee).ToListAsync(ct);
            var inconnus = codes.Where(c => !(Communes.Departements.Existe(c) || connues.Contains(c))).ToList();
            if (codes.Count == 0 || codes.Count > 50)
            {
                erreurs.Ajouter("territoire", "Indiquez le territoire : des codes de département (63, 2A…) ou des codes INSEE de communes, séparés par des virgules.");
            }
            else if (inconnus.Count > 0)
            {
                erreurs.Ajouter("territoire", $"Code(s) inconnu(s) : {string.Join(", ", inconnus)}. Utilisez des codes de département ou des codes INSEE de communes.");
            }
        }
        else
        {
            codes = [];
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        invitations.Creer(courriel, role!, structureId, codes, h.UtilisateurId, structureNom);
        journal.Ajouter(Tracabilite.Creation, "invitation", courriel, $"invitation {role}{(structureNom is null ? "" : $" – {structureNom}")}");
        await db.SaveChangesAsync(ct);
        return Resultat.Succes();
    }

    /// <summary>
    /// The structure admin removes a member of their own structure: the structure is in the WHERE of the
    /// delete, so an account of another structure is never touched. <see cref="Refus.Interdit"/> (the page answers 404)
    /// when there is no such member, or it is the signed-in admin; succeeds with the removed person's name.
    /// </summary>
    public Task<Resultat<string>> RetirerMembreAsync(string? id, int structureId, CancellationToken ct) =>
        RetirerAsync(id, db.Users.Where(u => u.StructureId == structureId), ct);

    /// <summary>The regional administrator removes any account but their own; <see cref="Refus.Interdit"/> when there is none.</summary>
    public Task<Resultat<string>> RetirerCompteAsync(string? id, CancellationToken ct) => RetirerAsync(id, db.Users, ct);

    /// <summary>Journals then deletes the account in one transaction; succeeds with the removed person's name.</summary>
    private async Task<Resultat<string>> RetirerAsync(string? id, IQueryable<Utilisateur> retirables, CancellationToken ct)
    {
        if (id is not { Length: <= 100 } || id == h.UtilisateurId)
        {
            return Introuvable;
        }

        var cible = retirables.Where(u => u.Id == id);
        var qui = await cible.Select(u => new { u.NomAffiche, u.Email }).FirstOrDefaultAsync(ct);
        if (qui is null)
        {
            return Introuvable;
        }

        return await db.EnTransactionAsync(async tx =>
        {
            journal.Ajouter(Tracabilite.Modification, "compte", id, $"compte retiré ({qui.Email})");
            await db.SaveChangesAsync(ct);

            // Its sessions, sign-in state and Identity rows go with it (cascading foreign keys). Zero rows: removed
            // (or moved) meanwhile, the journal line is rolled back and the answer is the same as when it was never there.
            if (await cible.ExecuteDeleteAsync(ct) == 0)
            {
                return Introuvable;
            }

            await tx.CommitAsync(ct);
            return Resultat<string>.Succes(qui.NomAffiche);
        }, ct);
    }

    /// <summary>No such account among those the signed-in person may remove (their own is never one of them).</summary>
    private static Resultat<string> Introuvable => Resultat<string>.Echec("compte", "Ce compte n'existe pas ou ne peut pas être retiré.", Refus.Interdit);
}
