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

    /// <summary>How many rows the preview holds at most: the page shows those; the counts and errors cover every row.</summary>
    public const int ApercuMaximum = 500;

    /// <summary>
    /// One line per row of the file, the first <see cref="ApercuMaximum"/> only, for the preview page (not in the command
    /// line's JSON report): fewer than <see cref="Lignes"/> when the file has more rows.
    /// </summary>
    [JsonIgnore] public IReadOnlyList<ApercuLigne> Apercu { get; init; } = [];

    /// <summary>Every column of the header line and the field it was read as (the page's mapping table); empty when the file was unreadable.</summary>
    [JsonIgnore] public IReadOnlyList<ColonneLue> Colonnes { get; init; } = [];

    /// <summary>Refused because of the header line (a mapping may fix it), not because of the rows or the file.</summary>
    [JsonIgnore] public bool EnTeteRefusee { get; init; }

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

    // correspondance: a column mapping chosen for this file (normalised header → field, null: ignored); it wins over the
    // PSAD's saved one, which wins over the aliases. avancement: told the phase and rows done at each phase boundary and
    // about every 5 % of the rows.
    public async Task<RapportSiei> ExecuterAsync(string codePsad, DateOnly? mois, Stream fichier, string nomFichier, bool essai, bool ignorerInvalides, string? auteur,
        IReadOnlyDictionary<string, ChampSiei?>? correspondance = null, IProgress<AvancementImport>? avancement = null, CancellationToken ct = default)
    {
        var psad = await db.Psads.AsNoTracking().FirstOrDefaultAsync(p => p.Code == codePsad, ct);
        if (psad is null)
        {
            return new RapportSiei { Essai = essai, Refus = $"aucune PSAD n'a le code « {codePsad} » (la commande « psad --liste » les donne)." };
        }

        avancement?.Report(new AvancementImport(PhaseImport.Lecture, 0, 0));
        Tableau? tableau;
        string empreinte;
        try
        {
            (tableau, empreinte) = await LireAsync(fichier, ct);
        }
        catch (FichierIlisibleException e)
        {
            return new RapportSiei { Essai = essai, Refus = e.Message, Erreurs = [new ErreurRapport(0, "fichier", e.Message)] };
        }

        var mapping = await db.CorrespondancesColonnes.AsNoTracking().Where(c => c.PsadId == psad.Id).ToDictionaryAsync(c => c.Entete, c => c.Champ, StringComparer.Ordinal, ct);
        foreach (var (entete, champ) in correspondance ?? new Dictionary<string, ChampSiei?>())
        {
            mapping[ColonnesSiei.Normaliser(entete)] = champ;
        }

        var entetes = ColonnesSiei.Reconnaitre(tableau.EnTetes, mapping);
        if (!entetes.Valides)
        {
            return new RapportSiei
            {
                Essai = essai,
                Colonnes = entetes.ParColonne,
                EnTeteRefusee = true,
                Lignes = tableau.Lignes.Count,
                Refus = "la ligne d'en-tête ne convient pas.",
                Erreurs = [.. entetes.Erreurs.Select(e => new ErreurRapport(1, "en-tête", e))],
            };
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var moisListe = mois ?? new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);
        var dateListe = DateListe(moisListe, aujourdhui);
        var nombreLignes = tableau.Lignes.Count;
        avancement?.Report(new AvancementImport(PhaseImport.Analyse, 0, nombreLignes));
        var analyse = AnalyseSiei.Analyser(tableau, entetes, dateListe);
        avancement?.Report(new AvancementImport(PhaseImport.Analyse, nombreLignes, nombreLignes));
        var erreurs = analyse.Erreurs.Select(e => new ErreurRapport(e.Ligne, e.Champ, e.Message)).ToList();

        // The raw cells are no longer needed (the typed rows keep what they use): an async method's locals live until it
        // returns, so the table is let go here rather than held through the matching and the writes.
        tableau = null;
        var deja = await db.Livraisons.AsNoTracking().Where(l => l.PsadId == psad.Id && l.EmpreinteFichier == empreinte).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (deja is not null)
        {
            return new RapportSiei { Essai = essai, DejaImporte = true, LivraisonId = deja, Lignes = nombreLignes };
        }

        // Who is already followed, and who was on the previous list.
        List<PersonneConnue>? connus = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == psad.Id)
            .Select(j => new PersonneConnue(j.Id, j.Ine, j.Nom, j.NomNaissance, j.Prenom, j.DateNaissance, j.LieuNaissance)).ToListAsync(ct);
        var precedente = await db.Livraisons.AsNoTracking().Where(l => l.PsadId == psad.Id).OrderByDescending(l => l.Mois).ThenByDescending(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        var surPrecedente = precedente is null ? [] : (await db.SituationsSiei.AsNoTracking()
            .Where(s => s.LivraisonId == precedente && s.JeuneSuiviId != null).Select(s => s.JeuneSuiviId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

        Rapprochement? rapprochement = new(connus);

        // Dispatch (Repartition): where each new or matched row would go by the PSAD's territory and rules.
        var repartition = await ContexteRepartition.ChargerAsync(db, psad.Id, ct);
        var nomsStructures = await db.Structures.AsNoTracking().Where(s => repartition.Partenaires.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Nom, ct);
        var destinations = new Dictionary<int, Destination>();
        var nouveaux = new Dictionary<int, JeuneSuivi>();
        var situations = new List<LigneRapprochee>(analyse.Lignes.Count);
        var vus = new HashSet<int>();
        var sorties = new Dictionary<int, DateOnly>();
        var formations = new Dictionary<int, (string? Libelle, string? Niveau)>();
        var identites = new Dictionary<int, (string? Sexe, string? Uai)>();
        var aArbitrer = 0;
        var prochainTemporaire = -1;
        var pas = AvancementImport.Pas(analyse.Lignes.Count);
        avancement?.Report(new AvancementImport(PhaseImport.Rapprochement, 0, analyse.Lignes.Count));
        foreach (var ligne in analyse.Lignes)
        {
            if (situations.Count % pas == 0 && situations.Count > 0)
            {
                avancement?.Report(new AvancementImport(PhaseImport.Rapprochement, situations.Count, analyse.Lignes.Count));
            }

            var c = rapprochement!.Chercher(ligne);
            int? personne = null;
            switch (c.Issue)
            {
                case IssueRapprochement.Nouveau:
                    var id = prochainTemporaire--;
                    var j = Nouveau(psad.Id, ligne, maintenant, destinations[id] = repartition.Decider(ligne, dateListe));
                    nouveaux[id] = j;
                    rapprochement.Ajouter(new PersonneConnue(id, j.Ine, j.Nom, j.NomNaissance, j.Prenom, j.DateNaissance, j.LieuNaissance));
                    personne = id;
                    break;
                case IssueRapprochement.Rapproche:
                    personne = c.PersonneId;
                    destinations[c.PersonneId!.Value] = repartition.Decider(ligne, dateListe);
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

                if (ligne.Formation is not null || ligne.NiveauFormation is not null)
                {
                    formations[p] = (ligne.Formation, ligne.NiveauFormation);
                }

                if (ligne.Sexe is not null || ligne.EtablissementUai is not null)
                {
                    identites[p] = (ligne.Sexe, ligne.EtablissementUai);
                }
            }

            situations.Add(new LigneRapprochee(ligne,
                c.Issue switch { IssueRapprochement.Nouveau => IssueSituation.Nouveau, IssueRapprochement.Rapproche => IssueSituation.Rapproche, _ => IssueSituation.AArbitrer },
                c.Raison.Length == 0 ? null : c.Raison, c.Candidats, personne));
        }

        avancement?.Report(new AvancementImport(PhaseImport.Rapprochement, situations.Count, analyse.Lignes.Count));

        // The matcher's index and the known people are not needed for the writes.
        rapprochement = null;
        connus = null;
        var existantsVus = vus.Where(p => p > 0).ToHashSet();

        // Only the first rows are previewed (the page shows those; every error stays in the report). Rows and errors both come
        // in line order, so the first ApercuMaximum of each hold the first ApercuMaximum of both.
        var apercu = situations.Take(RapportSiei.ApercuMaximum).Select(x => new ApercuLigne(x.Ligne.Ligne,
                x.Issue switch { IssueSituation.Nouveau => "à créer", IssueSituation.Rapproche => "rapproché", _ => "à arbitrer" },
                $"{x.Ligne.Prenom} {x.Ligne.Nom?.ToUpperInvariant()}".Trim() is { Length: > 0 } n ? n : x.Ligne.Ine,
                x.Issue == IssueSituation.Nouveau && x.Personne is { } p && destinations.TryGetValue(p, out var dest)
                    ? string.Join(" ; ", new[] { x.Raison, dest.Resume(s => nomsStructures.GetValueOrDefault(s, "structure")) }.Where(t => t is not null))
                    : x.Raison))
            .Concat(erreurs.GroupBy(e => e.Ligne).Take(RapportSiei.ApercuMaximum).Select(g => new ApercuLigne(g.Key, "en erreur", null, string.Join(" ; ", g.Select(e => $"{e.Champ} : {e.Message}")))))
            .OrderBy(a => a.Ligne).Take(RapportSiei.ApercuMaximum).ToList();
        var rapport = new RapportSiei
        {
            Essai = essai,
            Lignes = nombreLignes,
            Nouveaux = nouveaux.Count,
            Rapproches = existantsVus.Count,
            ToujoursPresents = existantsVus.Count(surPrecedente.Contains),
            Reapparus = precedente is null ? 0 : existantsVus.Count(p => !surPrecedente.Contains(p)),
            Absents = surPrecedente.Count(p => !existantsVus.Contains(p)),
            AArbitrer = aArbitrer,
            Ignores = analyse.LignesEnErreur.Count,
            Erreurs = erreurs,
            ColonnesIgnorees = entetes.Ignorees,
            Colonnes = entetes.ParColonne,
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

        avancement?.Report(new AvancementImport(PhaseImport.Ecriture, 0, situations.Count));
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

            // Tens of thousands of rows: written in bulk (COPY, prepared INSERT), not tracked, in this transaction.
            await InsertionEnMasse.InsererAsync(db, [.. nouveaux.Values], cles: true, ct);
            db.EvenementsDossier.AddRange(nouveaux.Where(x => x.Value.StructureId is not null)
                .Select(x => Reparti(x.Value.Id, destinations[x.Key].Choix!, nomsStructures, maintenant)));
            int? Reel(int? id) => id is < 0 ? nouveaux[id.Value].Id : id;

            // The people already followed: this livraison is their latest, with its exit date (grouped: few distinct dates).
            foreach (var parDate in existantsVus.GroupBy(p => sorties.TryGetValue(p, out var d) ? d : (DateOnly?)null))
            {
                foreach (var lot in parDate.Chunk(Lot))
                {
                    var requete = db.JeunesSuivis.Where(j => EF.Parameter(lot).Contains(j.Id));
                    await (parDate.Key is { } sortie
                        ? requete.ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereLivraisonId, livraison.Id).SetProperty(j => j.DateSortie, sortie), ct)
                        : requete.ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereLivraisonId, livraison.Id), ct));
                }
            }

            // The last training of each person already followed, as the latest list gives it (grouped: few distinct trainings).
            foreach (var parFormation in formations.Where(x => x.Key > 0).GroupBy(x => x.Value, x => x.Key))
            {
                foreach (var lot in parFormation.Chunk(Lot))
                {
                    await db.JeunesSuivis.Where(j => EF.Parameter(lot).Contains(j.Id)).ExecuteUpdateAsync(u => u
                        .SetProperty(j => j.Formation, parFormation.Key.Libelle)
                        .SetProperty(j => j.NiveauFormation, parFormation.Key.Niveau), ct);
                }
            }

            // The sex and the school of origin of each person already followed, as the latest list gives them (a value the list
            // leaves empty keeps the one known); written only where it changes, grouped (two sexes, a few hundred schools).
            await CompleterIdentitesAsync(psad.Id, identites, ct);

            // A closed file reopens when its young person dropped out again: back on a list after being absent from the previous
            // one, or listed with an exit later than the closure. Still listed as before, they stay closed: SIEI keeps listing
            // a young person until their situation changes there, and a file closed "déjà accompagné·e ailleurs" or "sans
            // besoin" must not come back every month (no double handling).
            foreach (var lot in existantsVus.Chunk(Lot))
            {
                var fermes = await db.JeunesSuivis.Where(j => EF.Parameter(lot).Contains(j.Id) && j.Statut == StatutDossier.Cloture).Select(j => new { j.Id, j.ClotureLe }).ToListAsync(ct);
                var rouverts = fermes.Where(f => !surPrecedente.Contains(f.Id)
                        || (sorties.TryGetValue(f.Id, out var sortie) && f.ClotureLe is { } le && sortie > HeureParis.Jour(le)))
                    .Select(f => f.Id).ToList();
                if (rouverts.Count == 0)
                {
                    continue;
                }

                // Dropped out again (CycleDossier.Rouvrir): the obligation de formation's clock starts over; check-ins after the
                // solution left behind have no object any more.
                await db.JeunesSuivis.Where(j => EF.Parameter(rouverts).Contains(j.Id)).ExecuteUpdateAsync(u =>
                {
                    CycleDossier.Rouvrir(u, maintenant);
                    u.SetProperty(j => j.Version, j => j.Version + 1);
                }, ct);
                await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(p => EF.Parameter(rouverts).Contains(p.JeuneSuiviId)), maintenant, ct);
                db.EvenementsDossier.AddRange(rouverts.Select(id => new EvenementDossier
                {
                    JeuneSuiviId = id,
                    Quand = maintenant,
                    Nature = NatureEvenement.Reouverture,
                    Auteur = auteur ?? "import",
                    Detail = $"de nouveau sur la livraison SIEI {moisListe:yyyy-MM} : dossier rouvert",
                }));

                // Reopened files are dispatched again by the rules (none matching: they keep their former structure, if any).
                foreach (var parStructure in rouverts.Where(id => destinations.GetValueOrDefault(id)?.Choix is not null).GroupBy(id => destinations[id].Choix!.StructureId))
                {
                    var ids = parStructure.ToList();
                    await db.JeunesSuivis.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(u => u
                        .SetProperty(j => j.StructureId, parStructure.Key).SetProperty(j => j.ReferentId, (string?)null).SetProperty(j => j.Statut, StatutDossier.AContacter), ct);
                    db.EvenementsDossier.AddRange(ids.Select(id => Reparti(id, destinations[id].Choix!, nomsStructures, maintenant)));
                }
            }

            // Each row's frozen snapshot is made as it is written, never all held at once.
            await InsertionEnMasse.InsererAsync(db, situations.Select(x => new SituationSiei
            {
                LivraisonId = livraison.Id,
                JeuneSuiviId = Reel(x.Personne),
                Ligne = x.Ligne.Ligne,
                Issue = x.Issue,
                Raison = x.Raison,
                Candidats = [.. x.Candidats.Select(c => Reel(c)!.Value)],
                Contenu = Instantane(x.Ligne),
            }), cles: false, ct);
            journal.Ajouter(Tracabilite.Creation, "livraison", livraison.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"livraison SIEI {moisListe:yyyy-MM} de la PSAD {psad.Code} : {rapport.Lignes} ligne(s), {rapport.Nouveaux} nouveau(x), {rapport.Rapproches} rapproché(s), {rapport.AArbitrer} à arbitrer, {rapport.Ignores} écartée(s)",
                auteur);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return livraison.Id;
        });

        db.ChangeTracker.Clear();
        avancement?.Report(new AvancementImport(PhaseImport.Ecriture, situations.Count, situations.Count));
        return rapport with { Importe = true, LivraisonId = livraisonId };
    }

    /// <summary>
    /// The file's table and its SHA-256, the bytes dropped once hashed and parsed (in their own method: they would otherwise
    /// stay referenced by the import's state machine until it ends).
    /// </summary>
    private static async Task<(Tableau Tableau, string Empreinte)> LireAsync(Stream fichier, CancellationToken ct)
    {
        var octets = await LecteurTableau.OctetsAsync(fichier, ct);
        return (LecteurTableau.Lire(octets), Convert.ToHexString(SHA256.HashData(octets)));
    }

    /// <summary>Ids per UPDATE … WHERE id IN (one array or JSON parameter on both databases, not one parameter per id).</summary>
    private const int Lot = 5_000;

    /// <summary>
    /// The frozen snapshot of a row, as stored in <see cref="SituationSiei.Contenu"/>: the default serializer's JSON without
    /// the absent fields (the pages read it back with the default serializer), from source-generated code.
    /// </summary>
    public static string Instantane(LigneSiei ligne) => JsonSerializer.Serialize(ligne, InstantaneSieiJson.Default.LigneSiei);

    /// <summary>A row once matched: what the preview shows and what the import writes (the person may be a new file's temporary id, below 0).</summary>
    private sealed record LigneRapprochee(LigneSiei Ligne, IssueSituation Issue, string? Raison, IReadOnlyList<int> Candidats, int? Personne);

    /// <summary>The day a livraison of <paramref name="mois"/> stands for (ages and flags read on it): its last day, or today for the current month.</summary>
    internal static DateOnly DateListe(DateOnly mois, DateOnly aujourdhui)
    {
        var finMois = mois.AddMonths(1).AddDays(-1);
        return finMois < aujourdhui ? finMois : aujourdhui;
    }

    /// <summary>The history line of a file the rules dispatched.</summary>
    internal static EvenementDossier Reparti(int id, ChoixRepartition choix, Dictionary<int, string> structures, DateTime maintenant) => new()
    {
        JeuneSuiviId = id,
        Quand = maintenant,
        Nature = NatureEvenement.Attribution,
        Auteur = "import",
        Detail = $"{choix.Detail} : {structures.GetValueOrDefault(choix.StructureId, "structure")}",
    };

    /// <summary>
    /// A new file from a row; with the row's <paramref name="destination"/> (<see cref="ContexteRepartition.Decider(LigneSiei, DateOnly)"/>),
    /// a file a rule dispatched goes to its structure, "à contacter".
    /// </summary>
    internal static JeuneSuivi Nouveau(int psad, LigneSiei l, DateTime maintenant, Destination? destination = null) => new()
    {
        StructureId = destination?.Choix?.StructureId,
        Statut = destination?.Choix is null ? StatutDossier.AAttribuer : StatutDossier.AContacter,
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
        NomRecherche = NomRecherche(l.Nom, l.NomNaissance, l.Prenom),
        Formation = l.Formation,
        NiveauFormation = l.NiveauFormation,
        Sexe = l.Sexe,
        EtablissementUai = l.EtablissementUai,
    };

    /// <summary>Writes the sex and the UAI the list gives to the files already followed whose stored values differ (never erases one with an empty cell).</summary>
    private async Task CompleterIdentitesAsync(int psadId, Dictionary<int, (string? Sexe, string? Uai)> lues, CancellationToken ct)
    {
        var existants = lues.Where(x => x.Key > 0).ToDictionary(x => x.Key, x => x.Value);
        if (existants.Count == 0)
        {
            return;
        }

        var connus = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == psadId && j.AnonymiseLe == null)
            .Select(j => new { j.Id, j.Sexe, j.EtablissementUai }).ToListAsync(ct);
        var changes = connus.Where(j => existants.ContainsKey(j.Id))
            .Select(j => (j.Id, Avant: (j.Sexe, j.EtablissementUai), Apres: (existants[j.Id].Sexe ?? j.Sexe, existants[j.Id].Uai ?? j.EtablissementUai)))
            .Where(x => x.Avant != x.Apres);
        foreach (var parValeurs in changes.GroupBy(x => x.Apres, x => x.Id))
        {
            foreach (var lot in parValeurs.Chunk(Lot))
            {
                await db.JeunesSuivis.Where(j => EF.Parameter(lot).Contains(j.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Sexe, parValeurs.Key.Item1)
                    .SetProperty(j => j.EtablissementUai, parValeurs.Key.Item2), ct);
            }
        }
    }

    /// <summary>
    /// Fills <see cref="JeuneSuivi.Sexe"/> and <see cref="JeuneSuivi.EtablissementUai"/> for files written before they existed,
    /// from the latest of their frozen SIEI rows that gives each (start-up calls it once, right after the migration that added
    /// the columns), by batches of files in id order. Anonymised files have no rows left and are not read; a file already
    /// filled keeps its values, so running it again changes nothing. Returns the files it filled.
    /// </summary>
    public static async Task<int> CompleterSexesEtablissementsAsync(RaccrocheDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        var apres = 0;
        while (true)
        {
            var lot = await db.JeunesSuivis.AsNoTracking().Where(j => j.Id > apres && j.AnonymiseLe == null).OrderBy(j => j.Id).Take(1_000)
                .Select(j => new { j.Id, j.Sexe, j.EtablissementUai }).ToListAsync(ct);
            if (lot.Count == 0)
            {
                return total;
            }

            apres = lot[^1].Id;
            var aLire = lot.Where(j => j.Sexe is null || j.EtablissementUai is null).Select(j => j.Id).ToList();
            var lignes = await (from s in db.SituationsSiei.AsNoTracking()
                                join l in db.Livraisons on s.LivraisonId equals l.Id
                                where s.JeuneSuiviId != null && aLire.Contains(s.JeuneSuiviId.Value)
                                select new { Jeune = s.JeuneSuiviId!.Value, l.Mois, s.LivraisonId, s.Contenu }).ToListAsync(ct);
            var valeurs = new List<(int Id, string? Sexe, string? Uai)>();
            foreach (var parJeune in lignes.GroupBy(x => x.Jeune))
            {
                var lues = parJeune.OrderByDescending(x => x.Mois).ThenByDescending(x => x.LivraisonId)
                    .Select(x => JsonSerializer.Deserialize(x.Contenu, InstantaneSieiJson.Default.LigneSiei)).OfType<LigneSiei>().ToList();
                var j = lot.First(x => x.Id == parJeune.Key);
                var sexe = j.Sexe ?? lues.Select(l => l.Sexe).FirstOrDefault(v => v is not null);
                var uai = j.EtablissementUai ?? lues.Select(l => l.EtablissementUai).FirstOrDefault(v => v is not null);
                if (sexe != j.Sexe || uai != j.EtablissementUai)
                {
                    valeurs.Add((j.Id, sexe, uai));
                }
            }

            // One UPDATE per pair of values in the batch (two sexes, a few schools), not one per file.
            foreach (var parValeurs in valeurs.GroupBy(v => (v.Sexe, v.Uai), v => v.Id))
            {
                var ids = parValeurs.ToList();
                await db.JeunesSuivis.Where(x => EF.Parameter(ids).Contains(x.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.Sexe, parValeurs.Key.Sexe).SetProperty(x => x.EtablissementUai, parValeurs.Key.Uai), ct);
            }

            total += valeurs.Count;
        }
    }

    /// <summary>
    /// Fills <see cref="JeuneSuivi.NomRecherche"/> for files written before it existed (the list's name search reads only it),
    /// by batches, once the migration adding it has run (start-up calls it then only); files already filled or anonymised are
    /// left alone, so running it again does nothing.
    /// </summary>
    public static async Task<int> CompleterNomsRechercheAsync(RaccrocheDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var lot = await db.JeunesSuivis.Where(j => j.NomRecherche == null && j.AnonymiseLe == null && (j.Nom != null || j.NomNaissance != null || j.Prenom != null))
                .OrderBy(j => j.Id).Take(1_000).ToListAsync(ct);
            foreach (var j in lot)
            {
                // A file whose names fold to nothing gets an empty key, so that it is not read again.
                j.NomRecherche = NomRecherche(j.Nom, j.NomNaissance, j.Prenom) ?? "";
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += lot.Count;
            if (lot.Count < 1_000)
            {
                return total;
            }
        }
    }

    /// <summary>The folded names a list searches (<see cref="JeuneSuivi.NomRecherche"/>): "Lefèvre-Dupont", "Élise" → "LEFEVRE DUPONT ELISE".</summary>
    public static string? NomRecherche(string? nom, string? nomNaissance, string? prenom) =>
        string.Join(' ', new[] { nom, nomNaissance, prenom }.Select(Rapprochement.Cle).Where(c => c.Length > 0).Distinct()) is { Length: > 0 } c ? c : null;
}

/// <summary>
/// Source-generated serialization of the frozen rows: the default options, except that absent fields (null) are not
/// written (a list fills a third of the fields: the snapshot is less than half as long, read back the same).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LigneSiei))]
internal sealed partial class InstantaneSieiJson : JsonSerializerContext;
