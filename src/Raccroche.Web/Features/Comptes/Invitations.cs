using System.Security.Cryptography;
using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Invitations by e-mail: a random token in the link (only its hash is stored), valid 7 days, used once.</summary>
public sealed class Invitations(RaccrocheDbContext db, TimeProvider clock, IConfiguration config)
{
    public static readonly TimeSpan Validite = TimeSpan.FromDays(7);

    public string UrlPublique => AdressePublique.UrlPublique(config);

    /// <summary>Adds the invitation and its e-mail to the context (the caller saves) and returns the link.</summary>
    public string Creer(string courriel, string role, int? structureId, IReadOnlyList<string> territoire, string? inviteParId, string? structureNom = null)
    {
        var jeton = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var maintenant = clock.GetUtcNow().UtcDateTime;
        db.Invitations.Add(new Invitation
        {
            Courriel = courriel,
            Role = role,
            StructureId = structureId,
            Territoire = [.. territoire],
            JetonHash = Hacher(jeton),
            CreeLe = maintenant,
            ExpireLe = maintenant + Validite,
            InviteParId = inviteParId,
        });
        var lien = $"{UrlPublique}/pro/invitation/{jeton}";
        var pour = structureNom is null ? "" : $" pour {structureNom}";
        db.MessagesSortants.Add(Courrier.Preparer(courriel, "Votre accès à l'espace professionnel Raccroche",
            $"Bonjour,\n\nVous êtes invité·e à rejoindre l'espace professionnel de Raccroche ({Roles.Libelle(role).ToLowerInvariant()}{pour}).\n\n" +
            $"Pour créer votre accès, ouvrez ce lien (valable 7 jours, une seule fois) :\n{lien}\n\n" +
            "Vous choisirez un mot de passe puis configurerez une application d'authentification (double facteur obligatoire).\n\n" +
            "Si vous n'attendiez pas cette invitation, ignorez ce message.\n\nL'équipe Raccroche", maintenant));
        return lien;
    }

    /// <summary>The pending invitation for this token, or null when unknown, used or expired.</summary>
    public Task<Invitation?> TrouverAsync(string? jeton, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(jeton) || jeton.Length > 100)
        {
            return Task.FromResult<Invitation?>(null);
        }

        var hash = Hacher(jeton);
        var maintenant = clock.GetUtcNow().UtcDateTime;
        return db.Invitations.Include(i => i.Structure)
            .FirstOrDefaultAsync(i => i.JetonHash == hash && i.AccepteeLe == null && i.ExpireLe > maintenant, ct);
    }

    private static string Hacher(string jeton) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jeton)));
}
