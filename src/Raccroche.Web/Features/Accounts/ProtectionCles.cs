using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Raccroche.Web.Data;

namespace Raccroche.Web.Features.Accounts;

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

    public static void Configurer(IDataProtectionBuilder builder, IConfiguration config, IHostEnvironment env)
    {
        builder.SetApplicationName("Raccroche").PersistKeysToDbContext<AppDbContext>();
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
            .Select(p => X509CertificateLoader.LoadPkcs12FromFile(Path.IsPathRooted(p) ? p : Path.Combine(env.ContentRootPath, p), config[CleMotDePasse]))
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
}
