using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Who holds a role in a PSAD's follow-up. The regional administrator names the coordinators (any professional account);
/// a coordinator names the référents, who must be members of one of the PSAD's partner structures. Every grant and removal
/// is audited.
/// </summary>
public sealed class EquipeSuivi(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock)
{
    public sealed record Membre(int HabilitationId, string UtilisateurId, string Nom, string Courriel, string? Structure, RoleSuivi Role, bool PeutExporter);

    public async Task<IReadOnlyList<Membre>> MembresAsync(int psadId, CancellationToken ct = default) =>
        (await db.HabilitationsSuivi.AsNoTracking().Where(h => h.PsadId == psadId)
            .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => new { h, u.NomAffiche, u.Email, Structure = u.Structure != null ? u.Structure.Nom : null })
            .ToListAsync(ct))
        .OrderBy(x => x.h.Role).ThenBy(x => x.NomAffiche, StringComparer.Create(new("fr-FR"), true))
        .Select(x => new Membre(x.h.Id, x.h.UtilisateurId, x.NomAffiche, x.Email ?? "", x.Structure, x.h.Role, x.h.PeutExporter)).ToList();

    /// <summary>
    /// Gives <paramref name="role"/> in the PSAD to the account with this e-mail address. <paramref name="parAdminRegional"/>:
    /// only the regional administrator (or the command line) may name coordinators.
    /// </summary>
    public async Task<Resultat> AccorderAsync(int psadId, string? courriel, RoleSuivi? role, bool peutExporter, bool parAdminRegional, string auteur, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var adresse = Saisie.Courriel(erreurs, "courriel", "L'adresse e-mail", courriel);
        if (role is null)
        {
            erreurs.Ajouter("role", "Choisissez le rôle à donner.");
        }
        else if (role == RoleSuivi.CoordinateurPsad && !parAdminRegional)
        {
            erreurs.Ajouter("role", "Seul l'administrateur régional nomme les coordinateurs PSAD.");
        }

        if (erreurs.Any || adresse is null)
        {
            if (adresse is null && !erreurs.Any)
            {
                erreurs.Ajouter("courriel", "Indiquez l'adresse e-mail du compte.");
            }

            return Resultat.Echec(erreurs);
        }

        var normalise = adresse.ToUpperInvariant();
        var compte = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalise).Select(u => new { u.Id, u.StructureId, u.NomAffiche }).FirstOrDefaultAsync(ct);
        if (compte is null)
        {
            erreurs.Ajouter("courriel", "Aucun compte professionnel n'a cette adresse : invitez d'abord la personne.");
            return Resultat.Echec(erreurs);
        }

        if (role == RoleSuivi.ReferentSuivi && (compte.StructureId is null
                || !await db.Set<PartenairePsad>().AnyAsync(p => p.PsadId == psadId && p.StructureId == compte.StructureId, ct)))
        {
            erreurs.Ajouter("courriel", "Un référent de suivi est membre d'une structure partenaire de la PSAD : ce compte ne l'est pas.");
            return Resultat.Echec(erreurs);
        }

        var existante = await db.HabilitationsSuivi.FirstOrDefaultAsync(h => h.UtilisateurId == compte.Id && h.PsadId == psadId && h.Role == role, ct);
        if (existante is not null)
        {
            existante.PeutExporter = peutExporter;
        }
        else
        {
            db.HabilitationsSuivi.Add(new HabilitationSuivi
            {
                UtilisateurId = compte.Id,
                PsadId = psadId,
                Role = role!.Value,
                PeutExporter = peutExporter,
                AccordeeLe = clock.GetUtcNow().UtcDateTime,
                AccordeePar = auteur,
            });
        }

        journal.Ajouter(Tracabilite.Modification, "habilitation-suivi", compte.Id,
            $"{role!.Value.Libelle()} de la PSAD {psadId}{(peutExporter ? ", avec export" : "")}", auteur);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes();
    }

    /// <summary>Removes a role; a coordinator may remove référents only.</summary>
    public async Task<bool> RetirerAsync(int psadId, int habilitationId, bool parAdminRegional, string auteur, CancellationToken ct = default)
    {
        var q = db.HabilitationsSuivi.Where(h => h.Id == habilitationId && h.PsadId == psadId);
        if (!parAdminRegional)
        {
            q = q.Where(h => h.Role == RoleSuivi.ReferentSuivi);
        }

        var h = await q.AsNoTracking().FirstOrDefaultAsync(ct);
        if (h is null || await q.ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        await journal.EcrireAsync(Tracabilite.Modification, "habilitation-suivi", h.UtilisateurId, $"retrait : {h.Role.Libelle()} de la PSAD {psadId}", auteur, ct);
        return true;
    }
}
