namespace Raccroche.Web.Commun;

/// <summary>
/// The site's public address (App:UrlPublique) for every absolute link we hand out: e-mails, posters,
/// QR codes. Never built from the request's Host header, which any client can forge.
/// </summary>
public static class AdressePublique
{
    public const string Cle = "App:UrlPublique";

    public static string UrlPublique(this IConfiguration config) => (config[Cle] ?? "http://localhost:5080").TrimEnd('/');
}
