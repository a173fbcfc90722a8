using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>What an import (or its dry run) found; the JSON names are the contract of <c>import-siei --rapport</c>.</summary>
public sealed record RapportSiei
{
    [JsonPropertyName("lignes")] public int Lignes { get; init; }
    [JsonPropertyName("nouveaux")] public int Nouveaux { get; init; }
    [JsonPropertyName("rapproches")] public int Rapproches { get; init; }
    [JsonPropertyName("toujours_presents")] public int ToujoursPresents { get; init; }
    [JsonPropertyName("a_arbitrer")] public int AArbitrer { get; init; }
    [JsonPropertyName("absents")] public int Absents { get; init; }
    [JsonPropertyName("reapparus")] public int Reapparus { get; init; }
    [JsonPropertyName("ignores")] public int Ignores { get; init; }
    [JsonPropertyName("erreurs")] public IReadOnlyList<ErreurRapport> Erreurs { get; init; } = [];
    [JsonPropertyName("colonnes_ignorees")] public IReadOnlyList<string> ColonnesIgnorees { get; init; } = [];
    [JsonPropertyName("essai")] public bool Essai { get; init; }
    [JsonPropertyName("importe")] public bool Importe { get; init; }
    [JsonPropertyName("deja_importe")] public bool DejaImporte { get; init; }
    [JsonPropertyName("livraison")] public int? LivraisonId { get; init; }

    /// <summary>One line per row of the file, for the preview page (not in the command line's JSON report).</summary>
    [JsonIgnore] public IReadOnlyList<ApercuLigne> Apercu { get; init; } = [];

    /// <summary>Refused: nothing written, and why, in one sentence.</summary>
    [JsonPropertyName("refus")] public string? Refus { get; init; }

    public string Resume() => Refus is not null
        ? $"Refusé : {Refus}"
        : DejaImporte
            ? $"Ce fichier a déjà été importé (livraison {LivraisonId}) : rien n'a changé."
            : $"{(Essai ? "Essai (rien n'est écrit)" : Importe ? $"Livraison {LivraisonId} importée" : "Non importé")} : {Lignes} ligne(s), {Nouveaux} nouveau(x), " +
              $"{Rapproches} rapproché(s) dont {ToujoursPresents} toujours présent(s) et {Reapparus} réapparu(s), {AArbitrer} à arbitrer, " +
              $"{Absents} absent(s) depuis la livraison précédente, {Ignores} ligne(s) écartée(s), {Erreurs.Count} erreur(s).";
}

/// <summary>What the import does with one row: "à créer", "rapproché" (of an existing file), "à arbitrer" or "en erreur".</summary>
public sealed record ApercuLigne(int Ligne, string Issue, string? Jeune, string? Detail);

public sealed record ErreurRapport(
    [property: JsonPropertyName("ligne")] int Ligne,
    [property: JsonPropertyName("champ")] string Champ,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// Imports a SIEI list into a PSAD. Always the same path: read, check every row, recognise who is
/// already followed, compare with the previous list; then, unless it is a dry run, write everything in
/// one transaction (a crash or a kill leaves nothing half-written). A file with faulty rows is refused
/// unless the coordinator chose to leave them out; they stay listed in the livraison's report (line,
/// field, message, never the values). The same file twice changes nothing the second time.
/// </summary>
public sealed class ImportSiei(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<RapportSiei> ExecuterAsync(string codePsad, DateOnly? mois, Stream fichier, string nomFichier, bool essai, bool ignorerInvalides, string? auteur, CancellationToken ct = default)
    {
        var psad = await db.Psads.AsNoTracking().FirstOrDefaultAsync(p => p.Code == codePsad, ct);
        if (psad is null)
        {
            return new RapportSiei { Essai = essai, Refus = $"aucune PSAD n'a le code « {codePsad} » (la commande « psad --liste » les donne)." };
        }

        byte[] octets;
        Tableau tableau;
        try
        {
            using var m = new MemoryStream();
            await fichier.CopyToAsync(m, ct);
            octets = m.ToArray();
            tableau = LecteurTableau.Lire(new MemoryStream(octets));
        }
        catch (FichierIlisibleException e)
        {
            return new RapportSiei { Essai = essai, Refus = e.Message, Erreurs = [new ErreurRapport(0, "fichier", e.Message)] };
        }

        var entetes = ColonnesSiei.Reconnaitre(tableau.EnTetes);
        if (!entetes.Valides)
        {
            return new RapportSiei
            {
                Essai = essai,
                Lignes = tableau.Lignes.Count,
                Refus = "la ligne d'en-tête ne convient pas.",
                Erreurs = [.. entetes.Erreurs.Select(e => new ErreurRapport(1, "en-tête", e))],
            };
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var moisListe = mois ?? new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);
        var finMois = moisListe.AddMonths(1).AddDays(-1);
        var analyse = AnalyseSiei.Analyser(tableau, entetes, finMois < aujourdhui ? finMois : aujourdhui);
        var erreurs = analyse.Erreurs.Select(e => new ErreurRapport(e.Ligne, e.Champ, e.Message)).ToList();

        var empreinte = Convert.ToHexString(SHA256.HashData(octets));
        var deja = await db.Livraisons.AsNoTracking().Where(l => l.PsadId == psad.Id && l.EmpreinteFichier == empreinte).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (deja is not null)
        {
            return new RapportSiei { Essai = essai, DejaImporte = true, LivraisonId = deja, Lignes = tableau.Lignes.Count };
        }

        // Who is already followed, and who was on the previous list.
        var connus = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == psad.Id)
            .Select(j => new PersonneConnue(j.Id, j.Ine, j.Nom, j.NomNaissance, j.Prenom, j.DateNaissance, j.LieuNaissance)).ToListAsync(ct);
        var precedente = await db.Livraisons.AsNoTracking().Where(l => l.PsadId == psad.Id).OrderByDescending(l => l.Mois).ThenByDescending(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        var surPrecedente = precedente is null ? [] : (await db.SituationsSiei.AsNoTracking()
            .Where(s => s.LivraisonId == precedente && s.JeuneSuiviId != null).Select(s => s.JeuneSuiviId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

        var rapprochement = new Rapprochement(connus);
        var nouveaux = new Dictionary<int, JeuneSuivi>();
        var situations = new List<(SituationSiei Situation, int? Personne)>();
        var vus = new HashSet<int>();
        var sorties = new Dictionary<int, DateOnly>();
        var aArbitrer = 0;
        var prochainTemporaire = -1;
        foreach (var ligne in analyse.Lignes)
        {
            var c = rapprochement.Chercher(ligne);
            int? personne = null;
            switch (c.Issue)
            {
                case IssueRapprochement.Nouveau:
                    var j = Nouveau(psad.Id, ligne, maintenant);
                    var id = prochainTemporaire--;
                    nouveaux[id] = j;
                    rapprochement.Ajouter(new PersonneConnue(id, j.Ine, j.Nom, j.NomNaissance, j.Prenom, j.DateNaissance, j.LieuNaissance));
                    personne = id;
                    break;
                case IssueRapprochement.Rapproche:
                    personne = c.PersonneId;
                    break;
                default:
                    aArbitrer++;
                    break;
            }

            if (personne is { } p)
            {
                vus.Add(p);
                if (ligne.DateSortie is { } sortie)
                {
                    sorties[p] = sortie;
                }
            }

            situations.Add((new SituationSiei
            {
                Ligne = ligne.Ligne,
                Issue = c.Issue switch { IssueRapprochement.Nouveau => IssueSituation.Nouveau, IssueRapprochement.Rapproche => IssueSituation.Rapproche, _ => IssueSituation.AArbitrer },
                Raison = c.Raison.Length == 0 ? null : c.Raison,
                Candidats = [.. c.Candidats],
                Contenu = JsonSerializer.Serialize(ligne),
            }, personne));
        }

        var existantsVus = vus.Where(p => p > 0).ToHashSet();
        var apercu = analyse.Lignes.Zip(situations, (l, x) => new ApercuLigne(x.Situation.Ligne,
                x.Situation.Issue switch { IssueSituation.Nouveau => "à créer", IssueSituation.Rapproche => "rapproché", _ => "à arbitrer" },
                $"{l.Prenom} {l.Nom?.ToUpperInvariant()}".Trim() is { Length: > 0 } n ? n : l.Ine,
                x.Situation.Raison))
            .Concat(erreurs.GroupBy(e => e.Ligne).Select(g => new ApercuLigne(g.Key, "en erreur", null, string.Join(" ; ", g.Select(e => $"{e.Champ} : {e.Message}")))))
            .OrderBy(a => a.Ligne).ToList();
        var rapport = new RapportSiei
        {
            Essai = essai,
            Lignes = tableau.Lignes.Count,
            Nouveaux = nouveaux.Count,
            Rapproches = existantsVus.Count,
            ToujoursPresents = existantsVus.Count(surPrecedente.Contains),
            Reapparus = precedente is null ? 0 : existantsVus.Count(p => !surPrecedente.Contains(p)),
            Absents = surPrecedente.Count(p => !existantsVus.Contains(p)),
            AArbitrer = aArbitrer,
            Ignores = analyse.LignesEnErreur.Count,
            Erreurs = erreurs,
            ColonnesIgnorees = entetes.Ignorees,
            Apercu = apercu,
        };

        if (erreurs.Count > 0 && !ignorerInvalides)
        {
            return rapport with
            {
                Refus = essai ? null : $"{analyse.LignesEnErreur.Count} ligne(s) en erreur : corrigez le fichier, ou importez en écartant explicitement ces lignes.",
            };
        }

        if (essai)
        {
            return rapport;
        }

        var strategie = db.Database.CreateExecutionStrategy();
        var livraisonId = await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var livraison = new Livraison
            {
                PsadId = psad.Id,
                Mois = moisListe,
                NomFichier = Path.GetFileName(nomFichier) is { Length: > 0 and <= 200 } n ? n : "liste",
                EmpreinteFichier = empreinte,
                ImporteeLe = maintenant,
                ImporteePar = auteur,
                Lignes = rapport.Lignes,
                Nouveaux = rapport.Nouveaux,
                Rapproches = rapport.Rapproches,
                AArbitrer = rapport.AArbitrer,
                Absents = rapport.Absents,
                Reapparus = rapport.Reapparus,
                Ignores = rapport.Ignores,
                Erreurs = JsonSerializer.Serialize(erreurs),
            };
            db.Livraisons.Add(livraison);
            await db.SaveChangesAsync(ct);
            foreach (var j in nouveaux.Values)
            {
                j.PremiereLivraisonId = j.DerniereLivraisonId = livraison.Id;
            }

            db.JeunesSuivis.AddRange(nouveaux.Values);
            await db.SaveChangesAsync(ct);
            int? Reel(int? id) => id is < 0 ? nouveaux[id.Value].Id : id;
            foreach (var lot in existantsVus.Chunk(500))
            {
                await db.JeunesSuivis.Where(j => lot.Contains(j.Id)).ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereLivraisonId, livraison.Id), ct);
            }

            // The latest exit date of each person already followed (grouped: few distinct dates).
            foreach (var parDate in sorties.Where(x => x.Key > 0).GroupBy(x => x.Value, x => x.Key))
            {
                foreach (var lot in parDate.Chunk(500))
                {
                    await db.JeunesSuivis.Where(j => lot.Contains(j.Id)).ExecuteUpdateAsync(u => u.SetProperty(j => j.DateSortie, parDate.Key), ct);
                }
            }

            // A closed file reopens when its young person dropped out again: back on a list after being absent from the previous
            // one, or listed with an exit later than the closure. Still listed as before, they stay closed: SIEI keeps listing
            // a young person until their situation changes there, and a file closed "déjà accompagné·e ailleurs" or "sans
            // besoin" must not come back every month (no double handling).
            foreach (var lot in existantsVus.Chunk(500))
            {
                var fermes = await db.JeunesSuivis.Where(j => lot.Contains(j.Id) && j.Statut == StatutDossier.Cloture).Select(j => new { j.Id, j.ClotureLe }).ToListAsync(ct);
                var rouverts = fermes.Where(f => !surPrecedente.Contains(f.Id)
                        || (sorties.TryGetValue(f.Id, out var sortie) && f.ClotureLe is { } le && sortie > HeureParis.Jour(le)))
                    .Select(f => f.Id).ToList();
                if (rouverts.Count == 0)
                {
                    continue;
                }

                await db.JeunesSuivis.Where(j => rouverts.Contains(j.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Statut, j => j.StructureId == null ? StatutDossier.AAttribuer : StatutDossier.AContacter)
                    .SetProperty(j => j.StatutDepuis, maintenant)
                    .SetProperty(j => j.ArriveLe, maintenant)
                    .SetProperty(j => j.NombreTentatives, 0)
                    .SetProperty(j => j.MotifCloture, (MotifCloture?)null)
                    .SetProperty(j => j.PrecisionCloture, (string?)null)
                    .SetProperty(j => j.ClotureLe, (DateTime?)null)
                    .SetProperty(j => j.Version, j => j.Version + 1), ct);
                db.EvenementsDossier.AddRange(rouverts.Select(id => new EvenementDossier
                {
                    JeuneSuiviId = id,
                    Quand = maintenant,
                    Nature = NatureEvenement.Reouverture,
                    Auteur = auteur ?? "import",
                    Detail = $"de nouveau sur la livraison SIEI {moisListe:yyyy-MM} : dossier rouvert",
                }));
            }

            foreach (var (s, personne) in situations)
            {
                s.LivraisonId = livraison.Id;
                s.JeuneSuiviId = Reel(personne);
                s.Candidats = [.. s.Candidats.Select(x => Reel(x)!.Value)];
            }

            db.SituationsSiei.AddRange(situations.Select(x => x.Situation));
            journal.Ajouter(Tracabilite.Creation, "livraison", livraison.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"livraison SIEI {moisListe:yyyy-MM} de la PSAD {psad.Code} : {rapport.Lignes} ligne(s), {rapport.Nouveaux} nouveau(x), {rapport.Rapproches} rapproché(s), {rapport.AArbitrer} à arbitrer, {rapport.Ignores} écartée(s)",
                auteur);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return livraison.Id;
        });

        db.ChangeTracker.Clear();
        return rapport with { Importe = true, LivraisonId = livraisonId };
    }

    internal static JeuneSuivi Nouveau(int psad, LigneSiei l, DateTime maintenant) => new()
    {
        PsadId = psad,
        Ine = l.Ine,
        Nom = l.Nom,
        NomNaissance = l.NomNaissance,
        Prenom = l.Prenom,
        DateNaissance = l.DateNaissance,
        LieuNaissance = l.LieuNaissance,
        CodeInsee = l.CodeInsee,
        Commune = l.Commune,
        CreeLe = maintenant,
        ArriveLe = maintenant,
        StatutDepuis = maintenant,
        DateSortie = l.DateSortie,
    };
}
