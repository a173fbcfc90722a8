using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// Identity's EF store, with the two-factor secrets kept unreadable at rest: the authenticator key is
/// encrypted with Data Protection (whose key ring is itself encrypted by a certificate, see
/// <see cref="ProtectionCles"/>), and recovery codes are kept as salted PBKDF2 hashes, so a copy of
/// the database yields neither.
/// </summary>
public sealed class StockageComptes(RaccrocheDbContext db, IDataProtectionProvider protection, ILogger<StockageComptes> logger, IdentityErrorDescriber? erreurs = null)
    : UserOnlyStore<Utilisateur, RaccrocheDbContext>(db, erreurs)
{
    private const string Fournisseur = "[AspNetUserStore]";
    private const string NomCle = "AuthenticatorKey";
    private const string NomCodes = "RecoveryCodes";
    private const string PrefixeCle = "dp1:";
    private const string PrefixeCode = "p1.";
    private const int Iterations = 20_000;

    public const string But = "Raccroche.CleAuthentificateur.v1";
    public const string PrefixeCleProtegee = PrefixeCle;
    public const string PrefixeCodeHache = PrefixeCode;

    private IDataProtector Protecteur => protection.CreateProtector(But);

    public override Task SetAuthenticatorKeyAsync(Utilisateur user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Fournisseur, NomCle, PrefixeCle + Protecteur.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(Utilisateur user, CancellationToken cancellationToken)
    {
        var valeur = await GetTokenAsync(user, Fournisseur, NomCle, cancellationToken);

        // A key stored before encryption came in is read as it is, and encrypted at its next reset.
        if (valeur is null || !valeur.StartsWith(PrefixeCle, StringComparison.Ordinal))
        {
            return valeur;
        }

        try
        {
            return Protecteur.Unprotect(valeur[PrefixeCle.Length..]);
        }
        catch (CryptographicException e)
        {
            // The Data Protection key that encrypted it is gone (lost certificate, purged key ring): the
            // account must set up its authenticator again; say so in the log, not with a 500.
            logger.LogError(e, "Authenticator key of account {Compte} cannot be decrypted; the account must enrol its authenticator again", user.Id);
            return null;
        }
    }

    public override Task ReplaceCodesAsync(Utilisateur user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Fournisseur, NomCodes, string.Join(';', recoveryCodes.Select(Hacher)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(Utilisateur user, string code, CancellationToken cancellationToken)
    {
        var saisi = NormaliserCode(code);
        if (saisi.Length == 0)
        {
            return false;
        }

        var codes = (await GetTokenAsync(user, Fournisseur, NomCodes, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var trouve = codes.FindIndex(c => Correspond(c, saisi));
        if (trouve < 0)
        {
            return false;
        }

        codes.RemoveAt(trouve);
        await SetTokenAsync(user, Fournisseur, NomCodes, string.Join(';', codes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(Utilisateur user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, Fournisseur, NomCodes, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Codes are shown as XXXXX-XXXXX; typed with or without the dash or spaces, in any case.</summary>
    public static string NormaliserCode(string? code) =>
        new((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hacher(string code)
    {
        var sel = RandomNumberGenerator.GetBytes(16);
        return PrefixeCode + Convert.ToBase64String(sel) + "." + Convert.ToBase64String(Deriver(NormaliserCode(code), sel));
    }

    private static bool Correspond(string stocke, string saisi)
    {
        if (!stocke.StartsWith(PrefixeCode, StringComparison.Ordinal))
        {
            // Codes generated before hashing came in: compared as they were stored.
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(NormaliserCode(stocke)), Encoding.UTF8.GetBytes(saisi));
        }

        var parts = stocke[PrefixeCode.Length..].Split('.');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), Deriver(saisi, Convert.FromBase64String(parts[0])));
    }

    private static byte[] Deriver(string code, byte[] sel) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), sel, Iterations, HashAlgorithmName.SHA256, 32);
}
