using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// Imports external indicator values (CSV, ';' or ',', UTF-8 with or without BOM) for the observatory's context figures.
/// Every line is checked first (territory, period, number, source and licence, cells that look like spreadsheet formulas);
/// with any error nothing is written, unless the caller asks to leave the faulty lines out. A value already held for the
/// same (indicator, territory, period) is replaced. The whole import is one transaction with its audit line.
/// </summary>
public sealed partial class ImportValeursExternes(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock)
{
    public const int LongueurCode = 60, LongueurLibelle = 300;

    /// <summary>The region's code (Auvergne-Rhône-Alpes, INSEE code 84).</summary>
    public const string Region = "84";

    /// <summary>A file larger than this is refused: external tables are a few thousand lines at most.</summary>
    public const int TailleMaximale = 2 * 1024 * 1024;

    private static readonly string[] Colonnes = ["indicateur", "libelle", "territoire", "periode", "valeur", "unite", "source", "licence"];

    public async Task<RapportValeursExternes> ExecuterAsync(string contenu, bool essai, bool ignorerErreurs, string auteur, CancellationToken ct = default)
    {
        var rapport = new RapportValeursExternes();
        var lignes = contenu.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var premiere = lignes.FirstOrDefault() ?? "";
        var separateur = premiere.Count(c => c == ';') >= premiere.Count(c => c == ',') ? ';' : ',';
        var entetes = Csv.Champs(premiere, separateur).Select(ColonnesSiei.Normaliser).ToList();
        var index = Colonnes.ToDictionary(c => c, c => entetes.IndexOf(c));
        var manquantes = Colonnes.Where(c => c != "libelle" && index[c] < 0).ToList();
        if (manquantes.Count > 0)
        {
            rapport.Erreurs.Add(new ErreurValeur(1, "en-tête", $"Colonne(s) manquante(s) : {string.Join(", ", manquantes)}. Il faut : {string.Join(", ", Colonnes)}."));
            return rapport;
        }

        var psads = (await db.Psads.AsNoTracking().Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var libellesConnus = await db.ValeursExternes.AsNoTracking().GroupBy(v => v.Indicateur)
            .Select(g => new { g.Key, Libelle = g.Max(v => v.Libelle) }).ToDictionaryAsync(x => x.Key, x => x.Libelle!, ct);
        var vues = new Dictionary<(string, string, string), int>();
        for (var n = 1; n < lignes.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(lignes[n]))
            {
                continue;
            }

            var numero = n + 1;
            var champs = Csv.Champs(lignes[n], separateur);
            string Lire(string colonne) => index[colonne] is >= 0 and var i ? (champs.ElementAtOrDefault(i) ?? "").Trim() : "";
            var erreurs = new List<ErreurValeur>();
            void Erreur(string champ, string message) => erreurs.Add(new ErreurValeur(numero, champ, message));

            foreach (var colonne in Colonnes)
            {
                if (ResembleFormule(Lire(colonne)))
                {
                    Erreur(colonne, "La cellule ressemble à une formule de tableur (elle commence par « = », « + », « - » ou « @ ») : écrivez la valeur elle-même.");
                }
            }

            if (erreurs.Count > 0)
            {
                rapport.Erreurs.AddRange(erreurs);
                continue;
            }

            var indicateur = Lire("indicateur").ToLowerInvariant();
            if (indicateur.Length > LongueurCode || !CodeIndicateur().IsMatch(indicateur))
            {
                Erreur("indicateur", $"Code d'indicateur « {Lire("indicateur")} » invalide : lettres minuscules sans accent, chiffres et tirets, {LongueurCode} caractères au plus (ex. sortants-precoces).");
            }

            var libelle = Lire("libelle");
            if (libelle.Length == 0 && !libellesConnus.TryGetValue(indicateur, out libelle!))
            {
                libelle = "";
                Erreur("libelle", $"Libellé manquant : l'indicateur « {indicateur} » est nouveau, donnez son libellé en français.");
            }
            else if (libelle.Length > LongueurLibelle)
            {
                Erreur("libelle", $"Libellé trop long : {LongueurLibelle} caractères au plus.");
            }

            // A PSAD's code first (the PSAD of a département may share its code: the same text either way).
            var territoire = Lire("territoire").ToUpperInvariant();
            if (territoire.Length == 1 && char.IsAsciiDigit(territoire[0]))
            {
                territoire = "0" + territoire; // spreadsheets drop the leading zero of Ain, Allier...
            }

            var psad = psads.FirstOrDefault(p => string.Equals(p, Lire("territoire"), StringComparison.OrdinalIgnoreCase));
            if (psad is not null)
            {
                territoire = psad;
            }
            else if (territoire != Region && !Departements.Existe(territoire))
            {
                Erreur("territoire", $"Territoire « {Lire("territoire")} » inconnu : écrivez 84 pour la région, un code de département (ex. 63) ou le code d'une PSAD.");
            }

            var periode = Lire("periode").ToUpperInvariant();
            if (!PeriodeValide(periode))
            {
                Erreur("periode", $"Période « {Lire("periode")} » invalide : écrivez AAAA (2024), AAAA-MM (2024-09) ou AAAA-T1 à AAAA-T4.");
            }

            var texteValeur = Lire("valeur").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
            if (!decimal.TryParse(texteValeur, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var valeur) || Math.Abs(valeur) >= 100_000_000_000_000m)
            {
                Erreur("valeur", $"Valeur « {Lire("valeur")} » illisible : un nombre est attendu, avec une virgule ou un point décimal (ex. 7,6).");
            }
            else if (valeur.Scale > 4)
            {
                // The column keeps four decimals: a fifth would be rounded by one database and not the other.
                Erreur("valeur", $"Valeur « {Lire("valeur")} » trop précise : quatre chiffres après la virgule au plus.");
            }

            foreach (var (colonne, nom, longueur) in new[] { ("unite", "L'unité", LongueurCode), ("source", "La source", LongueurLibelle), ("licence", "La licence", LongueurLibelle) })
            {
                if (Lire(colonne).Length == 0)
                {
                    Erreur(colonne, $"{nom} manque : chaque valeur doit être publiée avec son unité, sa source et sa licence.");
                }
                else if (Lire(colonne).Length > longueur)
                {
                    Erreur(colonne, $"{nom} est trop longue : {longueur} caractères au plus.");
                }
            }

            if (erreurs.Count == 0 && vues.TryGetValue((indicateur, territoire, periode), out var deja))
            {
                Erreur("periode", $"Cette valeur (indicateur {indicateur}, territoire {territoire}, période {periode}) est déjà donnée ligne {deja}.");
            }

            if (erreurs.Count > 0)
            {
                rapport.Erreurs.AddRange(erreurs);
                continue;
            }

            vues[(indicateur, territoire, periode)] = numero;
            libellesConnus.TryAdd(indicateur, libelle);
            rapport.Valeurs.Add(new ValeurLue(numero, indicateur, libelle, territoire, periode, valeur, Lire("unite"), Lire("source"), Lire("licence")));
        }

        var indicateurs = rapport.Valeurs.Select(v => v.Indicateur).Distinct().ToList();
        var existantes = await db.ValeursExternes.AsNoTracking().Where(v => indicateurs.Contains(v.Indicateur)).Select(v => new { v.Indicateur, v.Territoire, v.Periode }).ToListAsync(ct);
        var parCle = existantes.Select(v => (v.Indicateur, v.Territoire, v.Periode)).ToHashSet();
        rapport.Remplacees = rapport.Valeurs.Count(v => parCle.Contains((v.Indicateur, v.Territoire, v.Periode)));
        if (essai || rapport.Valeurs.Count == 0 || (rapport.Erreurs.Count > 0 && !ignorerErreurs))
        {
            return rapport;
        }

        return await db.EnTransactionAsync(async tx =>
        {
            // Read again in the transaction: an attempt retried after a broken connection starts from an empty change tracker.
            var lues = await db.ValeursExternes.Where(v => indicateurs.Contains(v.Indicateur)).ToListAsync(ct);
            var aRemplacer = lues.ToDictionary(v => (v.Indicateur, v.Territoire, v.Periode));
            var maintenant = clock.GetUtcNow().UtcDateTime;
            foreach (var v in rapport.Valeurs)
            {
                if (!aRemplacer.TryGetValue((v.Indicateur, v.Territoire, v.Periode), out var e))
                {
                    e = new ValeurExterne { Indicateur = v.Indicateur, Libelle = v.Libelle, Territoire = v.Territoire, Periode = v.Periode, Unite = v.Unite, Source = v.Source, Licence = v.Licence, ImporteePar = auteur };
                    db.ValeursExternes.Add(e);
                }

                (e.Libelle, e.Valeur, e.Unite, e.Source, e.Licence, e.ImporteeLe, e.ImporteePar) = (v.Libelle, v.Valeur, v.Unite, v.Source, v.Licence, maintenant, auteur);
            }

            // The latest label wins for the whole indicator: one code, one label.
            foreach (var e in lues)
            {
                e.Libelle = rapport.Valeurs.LastOrDefault(v => v.Indicateur == e.Indicateur)?.Libelle ?? e.Libelle;
            }

            journal.Ajouter(Tracabilite.Creation, "valeurs-externes", null,
                $"{rapport.Valeurs.Count} valeur(s) importée(s) dont {rapport.Remplacees} remplacée(s), indicateur(s) {string.Join(", ", indicateurs)}" +
                (rapport.Erreurs.Count > 0 ? $" ; {rapport.LignesEnErreur} ligne(s) en erreur écartée(s)" : ""), auteur);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            rapport.Importe = true;
            return rapport;
        }, ct);
    }

    /// <summary>Reads a file's bytes as UTF-8 (with or without BOM); null when they are not UTF-8.</summary>
    public static string? Texte(byte[] contenu)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(contenu).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A cell a spreadsheet would run as a formula; a plain negative number ("-1,5") is not one.</summary>
    public static bool ResembleFormule(string cellule) => cellule.Length > 0 && (cellule[0] is '=' or '@' or '\t' ||
        (cellule[0] is '+' or '-' && !(cellule.Length > 1 && (char.IsAsciiDigit(cellule[1]) || cellule[1] is ',' or '.'))));

    public static bool PeriodeValide(string periode) => Periode().Match(periode) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1950 and <= 2100;

    /// <summary>The last day a period covers, to find the latest one among years, quarters and months.</summary>
    public static DateOnly Fin(string periode)
    {
        var annee = int.Parse(periode[..4], CultureInfo.InvariantCulture);
        return periode.Length switch
        {
            4 => new DateOnly(annee, 12, 31),
            7 when periode[5] == 'T' => new DateOnly(annee, (periode[6] - '0') * 3, 1).AddMonths(1).AddDays(-1),
            _ => new DateOnly(annee, int.Parse(periode[5..], CultureInfo.InvariantCulture), 1).AddMonths(1).AddDays(-1),
        };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodeIndicateur();

    [GeneratedRegex("^([0-9]{4})(-(0[1-9]|1[0-2])|-T[1-4])?$")]
    private static partial Regex Periode();
}

public sealed record ErreurValeur(int Ligne, string Champ, string Message);

public sealed record ValeurLue(int Ligne, string Indicateur, string Libelle, string Territoire, string Periode, decimal Valeur, string Unite, string Source, string Licence);

public sealed class RapportValeursExternes
{
    public List<ErreurValeur> Erreurs { get; } = [];
    public List<ValeurLue> Valeurs { get; } = [];
    public int Remplacees { get; set; }
    public bool Importe { get; set; }
    public int LignesEnErreur => Erreurs.Select(e => e.Ligne).Distinct().Count();

    public string Resume()
    {
        var nouvelles = Valeurs.Count - Remplacees;
        if (Importe)
        {
            return $"Import terminé : {Valeurs.Count} valeur(s) enregistrée(s), {nouvelles} nouvelle(s) et {Remplacees} remplaçant une valeur déjà importée pour le même indicateur, territoire et période" +
                (Erreurs.Count > 0 ? $" ; {LignesEnErreur} ligne(s) en erreur écartée(s)." : ".");
        }

        if (Erreurs.Any(e => e.Ligne == 1))
        {
            return "Fichier refusé, rien n'a été écrit : " + Erreurs[0].Message;
        }

        return $"Vérification : {Valeurs.Count} valeur(s) prête(s) à importer ({nouvelles} nouvelle(s), {Remplacees} remplaçant une valeur déjà importée)" +
            (Erreurs.Count > 0 ? $" ; {LignesEnErreur} ligne(s) en erreur : rien ne sera écrit tant qu'elles restent, sauf si vous choisissez de les écarter." : " ; aucune erreur.");
    }
}
