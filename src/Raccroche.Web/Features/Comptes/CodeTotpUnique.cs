using System.Security.Cryptography;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of drift either way),
/// each accepted once: the last accepted step is kept per account and only a later step passes. The
/// step is claimed by a conditional UPDATE, so two requests racing with one code cannot both win.
/// </summary>
public sealed class CodeTotpUnique(RaccrocheDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<Utilisateur>
{
    public const string Nom = "TotpUnique";

    public Task<string> GenerateAsync(string purpose, UserManager<Utilisateur> manager, Utilisateur user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Utilisateur> manager, Utilisateur user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Utilisateur> manager, Utilisateur user)
    {
        var cle = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(cle) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var octets = Base32(cle);
        var maintenant = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        long? pas = null;
        for (var decalage = -1; decalage <= 1; decalage++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Calculer(octets, maintenant + decalage)), Encoding.ASCII.GetBytes(code)))
            {
                pas = maintenant + decalage;
            }
        }

        if (pas is not { } p)
        {
            return false;
        }

        // The step lives in EtatsConnexion, not on the user row, which Identity saves whole from stale copies.
        await EtatConnexion.AssurerAsync(db, user.Id);
        var pris = await db.EtatsConnexion.Where(e => e.UtilisateurId == user.Id && (e.DernierPasTotp == null || e.DernierPasTotp < p))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DernierPasTotp, p));
        return pris == 1;
    }

    /// <summary>The code of one time step.</summary>
    public static string Calculer(byte[] cle, long pas)
    {
        Span<byte> compteur = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(compteur, pas);
        var hash = HMACSHA1.HashData(cle, compteur);
        var o = hash[^1] & 0x0f;
        var binaire = ((hash[o] & 0x7f) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (binaire % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var octets = new List<byte>(s.Length * 5 / 8);
        int tampon = 0, bits = 0;
        foreach (var c in s.ToUpperInvariant())
        {
            var v = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                continue;
            }

            tampon = (tampon << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                octets.Add((byte)(tampon >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. octets];
    }
}
