using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// The Data Protection key ring (it protects session cookies, antiforgery tokens and the
/// authenticator keys) lives in the database so that instances share it, and each key is encrypted
/// there with the certificate named by <c>DataProtection:Certificat</c> (a PKCS#12 file) and
/// <c>DataProtection:MotDePasse</c>. A copy of the database without the certificate opens nothing.
/// In Development and Testing a missing file is created as a self-signed certificate; elsewhere the
/// web server refuses to start without one (<see cref="Verifier"/>); command-line verbs, which use no
/// key, still run.
/// </summary>
public static class ProtectionCles
{
    public const string CleCertificat = "DataProtection:Certificat";
    public const string CleMotDePasse = "DataProtection:MotDePasse";
    public const string ClePrecedents = "DataProtection:CertificatsPrecedents";
    public const string CleMotDePassePrecedents = "DataProtection:MotDePassePrecedents";

    public static void Configurer(IDataProtectionBuilder builder, IConfiguration config, IHostEnvironment env)
    {
        builder.SetApplicationName("Raccroche").PersistKeysToDbContext<RaccrocheDbContext>();
        var chemin = Chemin(config, env);
        if (chemin is null)
        {
            return;
        }

        if (!File.Exists(chemin) && PeutCreer(env))
        {
            Creer(chemin, config[CleMotDePasse]);
        }

        if (File.Exists(chemin))
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(chemin, config[CleMotDePasse]));
        }

        // After a renewal, the keys still encrypted with the previous certificates must stay readable.
        var precedents = (config[ClePrecedents] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => X509CertificateLoader.LoadPkcs12FromFile(Path.IsPathRooted(p) ? p : Path.Combine(env.ContentRootPath, p), config[CleMotDePassePrecedents] ?? config[CleMotDePasse]))
            .ToArray();
        if (precedents.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate(precedents);
        }
    }

    /// <summary>Outside Development and Testing the web server needs the certificate: a clear message rather than keys in clear.</summary>
    public static void Verifier(IConfiguration config, IHostEnvironment env)
    {
        if (PeutCreer(env))
        {
            return;
        }

        var chemin = Chemin(config, env);
        if (chemin is null || !File.Exists(chemin))
        {
            throw new InvalidOperationException(
                $"{CleCertificat} must name a PKCS#12 certificate file (with {CleMotDePasse} if it has a password): " +
                "it encrypts the Data Protection keys stored in the database. " +
                (chemin is null ? "The setting is missing." : $"No file at {chemin}.") +
                " See README, section Configuration.");
        }
    }

    private static bool PeutCreer(IHostEnvironment env) => env.IsDevelopment() || env.IsEnvironment("Testing");

    private static string? Chemin(IConfiguration config, IHostEnvironment env)
    {
        var chemin = config[CleCertificat];
        if (string.IsNullOrWhiteSpace(chemin))
        {
            return PeutCreer(env) ? Path.Combine(env.ContentRootPath, "App_Data", "protection-cles.pfx") : null;
        }

        return Path.IsPathRooted(chemin) ? chemin : Path.Combine(env.ContentRootPath, chemin);
    }

    private static void Creer(string chemin, string? motDePasse)
    {
        using var rsa = RSA.Create(3072);
        var demande = new CertificateRequest("CN=Raccroche Data Protection (local)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificat = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
        var temporaire = chemin + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporaire, certificat.Export(X509ContentType.Pkcs12, motDePasse));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporaire, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two test hosts starting at once must not both write it: the first one wins.
            File.Move(temporaire, chemin, overwrite: false);
        }
        catch (IOException) when (File.Exists(chemin))
        {
            File.Delete(temporaire);
        }
    }

    /// <summary>
    /// The migration step (<c>migrate</c>: one process, before any instance starts) prepares the key ring: what an older
    /// version stored in clear is protected (<see cref="ProtegerSecretsExistantsAsync"/>), and a key is created when none
    /// is in force. Otherwise two instances started together on an empty ring each create a key of their own, and since an
    /// instance reads the ring again only once a day, neither reads the other's cookies, antiforgery tokens and
    /// authenticator keys until then. Without a certificate nothing is done (no key is ever stored in clear): false.
    /// </summary>
    public static async Task<bool> PreparerClesAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor is null)
        {
            return false;
        }

        await ProtegerSecretsExistantsAsync(services, ct);
        // Protecting anything resolves the ring's default key, which creates one when none is in force.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Raccroche.PreparationCles").Protect([0]);
        return true;
    }

    /// <summary>
    /// At start-up, brings what an older version stored in clear under protection, so that the rules
    /// above hold for existing accounts too: with a certificate configured and no encrypted key in force,
    /// a new (encrypted) key becomes the default at once; authenticator keys stored in clear, or
    /// protected by a key that sits in clear in the database, are protected again with the current key;
    /// recovery codes stored in clear are hashed. Each step looks at what is stored, so it is idempotent.
    /// </summary>
    public static async Task ProtegerSecretsExistantsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RaccrocheDbContext>();
        var cles = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync(ct);
        var enClair = cles.Where(x => !x.Contains("EncryptedData", StringComparison.Ordinal))
            .Select(x => Guid.TryParse(XElement.Parse(x).Attribute("id")?.Value, out var g) ? g : Guid.Empty).ToHashSet();
        if (enClair.Count > 0 && sp.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor is not null)
        {
            var gestion = sp.GetRequiredService<IKeyManager>();
            var maintenant = DateTimeOffset.UtcNow;
            var chiffreeEnVigueur = gestion.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= maintenant && k.ExpirationDate > maintenant && !enClair.Contains(k.KeyId));
            if (!chiffreeEnVigueur)
            {
                gestion.CreateNewKey(maintenant.AddSeconds(-1), maintenant.AddDays(90));
            }
        }

        var protecteur = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(StockageComptes.But);
        var jetons = await db.Set<IdentityUserToken<string>>()
            .Where(t => t.LoginProvider == "[AspNetUserStore]" && (t.Name == "AuthenticatorKey" || t.Name == "RecoveryCodes")).ToListAsync(ct);
        foreach (var t in jetons.Where(t => !string.IsNullOrEmpty(t.Value)))
        {
            if (t.Name == "AuthenticatorKey")
            {
                var p = StockageComptes.PrefixeCleProtegee;
                if (!t.Value!.StartsWith(p, StringComparison.Ordinal))
                {
                    t.Value = p + protecteur.Protect(t.Value);
                }
                else if (enClair.Contains(CleDuMessage(t.Value[p.Length..])))
                {
                    try
                    {
                        t.Value = p + protecteur.Protect(protecteur.Unprotect(t.Value[p.Length..]));
                    }
                    catch (CryptographicException)
                    {
                        // Unreadable already: nothing to protect; the account will enrol again.
                    }
                }
            }
            else
            {
                t.Value = string.Join(';', t.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.StartsWith(StockageComptes.PrefixeCodeHache, StringComparison.Ordinal) ? c : StockageComptes.Hacher(c)));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A Data Protection payload starts with a 4-byte magic number, then the id of the key that protected it.</summary>
    private static Guid CleDuMessage(string protege)
    {
        try
        {
            var octets = WebEncoders.Base64UrlDecode(protege);
            return octets.Length >= 20 ? new Guid(octets.AsSpan(4, 16)) : Guid.Empty;
        }
        catch (FormatException)
        {
            return Guid.Empty;
        }
    }
}
