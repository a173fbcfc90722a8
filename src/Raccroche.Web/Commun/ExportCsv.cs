using Microsoft.Net.Http.Headers;

namespace Raccroche.Web.Commun;

/// <summary>
/// CSV for French spreadsheet software, the one format of every export: UTF-8 with a byte order mark (or accents come out
/// garbled), semicolons, CRLF, every cell (header included) between double quotes with inner quotes doubled (RFC 4180),
/// no "sep=" line (Excel then ignores the byte order mark). Rows are streamed as they are read, so a large export never
/// sits in memory. Any cell a spreadsheet would run as a formula is neutralised (<see cref="ExportCsv.Cellule"/>).
/// </summary>
public sealed class ExportCsv<T>(IAsyncEnumerable<T> lignes, IReadOnlyList<string> colonnes, Func<T, IEnumerable<string?>> cellules, string nomFichier) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = nomFichier }.ToString();
        response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(ExportCsv.Ligne(colonnes));
        await foreach (var l in lignes.WithCancellation(ct))
        {
            await writer.WriteAsync(ExportCsv.Ligne(cellules(l)));
        }
    }
}

public static class ExportCsv
{
    /// <summary>One line: its cells quoted and joined by semicolons, then CRLF.</summary>
    public static string Ligne(IEnumerable<string?> cellules) => string.Join(';', cellules.Select(Cellule)) + "\r\n";

    /// <summary>
    /// One cell, always quoted. Any cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
    /// return) gets a leading apostrophe, whatever its column: exports carry text typed by others (names, e-mails, details).
    /// Inside the quotes, a line break or a semicolon is plain text.
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
