using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Raccroche.Web.Features.Audit;

/// <summary>
/// Audit lines as CSV for French spreadsheet software: UTF-8 with a byte order mark (or accents come
/// out garbled), semicolons, CRLF, RFC 4180 quoting. Rows are streamed from the database as they are
/// read, so a large export never sits in memory.
/// </summary>
public sealed class JournalCsv(IQueryable<JournalAcces> lignes, string nomFichier) : IActionResult
{
    public const string Entete = "Date (heure de Paris);Utilisateur;Identifiant utilisateur;Action;Ressource;Identifiant ressource;Adresse IP;Détail";

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
        HeureParis.Locale(j.Le).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Cellule(j.Utilisateur),
        Cellule(j.UtilisateurId),
        Cellule(j.Action),
        Cellule(j.Ressource),
        Cellule(j.RessourceId),
        Cellule(j.Adresse),
        Cellule(j.Detail)) + "\r\n";

    /// <summary>
    /// One cell. A value that a spreadsheet would run as a formula (= + - @, or a leading tab or carriage
    /// return) gets a leading apostrophe: audit lines carry text typed by others (names, e-mails, details).
    /// </summary>
    public static string Cellule(string? valeur)
    {
        if (string.IsNullOrEmpty(valeur))
        {
            return "";
        }

        if (valeur[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            valeur = "'" + valeur;
        }

        return valeur.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + valeur.Replace("\"", "\"\"") + "\"" : valeur;
    }
}
