
namespace Raccroche.Web.Features.Journal;

/// <summary>
/// Audit lines as CSV for French spreadsheet software (<see cref="ExportCsv"/>: BOM, semicolons, every cell quoted and
/// formula-neutralised), streamed from the database. The format is described in the README (Retention and audit).
/// </summary>
public static class JournalCsv
{
    public static readonly string[] Colonnes = ["Date (heure de Paris)", "Utilisateur", "Identifiant utilisateur", "Action", "Ressource", "Identifiant ressource", "Adresse IP", "Détail"];

    public static readonly string Entete = string.Join(';', Colonnes.Select(ExportCsv.Cellule));

    public static IActionResult Fichier(IQueryable<JournalAcces> lignes, string nomFichier) =>
        new ExportCsv<JournalAcces>(lignes.AsNoTracking().AsAsyncEnumerable(), Colonnes, Cellules, nomFichier);

    public static string Ligne(JournalAcces j) => ExportCsv.Ligne(Cellules(j));

    private static IEnumerable<string?> Cellules(JournalAcces j) =>
        [HeureParis.Tableur(j.Le), j.Utilisateur, j.UtilisateurId, j.Action, j.Ressource, j.RessourceId, j.Adresse, j.Detail];

    /// <summary>One cell (see <see cref="ExportCsv.Cellule"/>).</summary>
    public static string Cellule(string? valeur) => ExportCsv.Cellule(valeur);
}
