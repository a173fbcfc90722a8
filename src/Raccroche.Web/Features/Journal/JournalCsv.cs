using Microsoft.Net.Http.Headers;

namespace Raccroche.Web.Features.Journal;

/// <summary>
/// Audit lines as CSV for French spreadsheet software: UTF-8 with a byte order mark (or accents come
/// out garbled), semicolons, CRLF, every cell (header included) between double quotes with inner quotes
/// doubled (RFC 4180), no "sep=" line (Excel then ignores the byte order mark). Rows are streamed from
/// the database as they are read, so a large export never sits in memory. The format is described in
/// the README (Retention and audit).
/// </summary>
public sealed class JournalCsv(IQueryable<JournalAcces> lignes, string nomFichier) : IActionResult
{
    public static readonly string[] Colonnes = ["Date (heure de Paris)", "Utilisateur", "Identifiant utilisateur", "Action", "Ressource", "Identifiant ressource", "Adresse IP", "Détail"];

    public static readonly string Entete = string.Join(';', Colonnes.Select(Cellule));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = nomFichier }.ToString();
        response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(Entete + "\r\n");
        await foreach (var j in lignes.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(Ligne(j));
        }
    }

    public static string Ligne(JournalAcces j) => string.Join(';',
        Cellule(HeureParis.Tableur(j.Le)),
        Cellule(j.Utilisateur),
        Cellule(j.UtilisateurId),
        Cellule(j.Action),
        Cellule(j.Ressource),
        Cellule(j.RessourceId),
        Cellule(j.Adresse),
        Cellule(j.Detail)) + "\r\n";

    /// <summary>
    /// One cell, always quoted. Any cell a spreadsheet would run as a formula (starting with = + - @, a tab
    /// or a carriage return) gets a leading apostrophe, whatever its column: audit lines carry text typed
    /// by others (names, e-mails, details). Inside the quotes, a line break or a semicolon is plain text.
    /// </summary>
    public static string Cellule(string? valeur)
    {
        valeur ??= "";
        if (valeur.Length > 0 && valeur[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            valeur = "'" + valeur;
        }

        return "\"" + valeur.Replace("\"", "\"\"") + "\"";
    }
}
