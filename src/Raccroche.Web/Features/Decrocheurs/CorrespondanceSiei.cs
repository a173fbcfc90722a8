using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// One line of a PSAD's saved column mapping: a header (normalised by <see cref="ColonnesSiei.Normaliser"/>) and the
/// field it holds, or none ("ignorer"). Every import of that PSAD, page or verb, reads it before the aliases.
/// </summary>
public sealed class CorrespondanceColonne
{
    public int PsadId { get; set; }
    public required string Entete { get; set; }

    /// <summary>Null: the column is ignored even if an alias would have recognised it.</summary>
    public ChampSiei? Champ { get; set; }
    public DateTime ModifieeLe { get; set; }
    public string? ModifieePar { get; set; }
}

/// <summary>
/// The import page's mapping table: reads the field chosen for each column (a select per column), checks the whole
/// (a field chosen twice, a required field missing: French messages against the columns), and turns it into the
/// header → field mapping <see cref="ColonnesSiei.Reconnaitre"/> takes.
/// </summary>
public static class CorrespondanceSiei
{
    public const string Ignorer = "ignorer";

    public static readonly JsonSerializerOptions Json = new();

    /// <summary>The select's options: "ignorer" first, then every field the law allows, by its French name.</summary>
    public static IReadOnlyList<Terme> Termes { get; } =
        [new Terme(Ignorer, "(ignorer cette colonne)"), .. Enum.GetValues<ChampSiei>().Select(c => new Terme(Code(c), ColonnesSiei.Libelle(c)))];

    public static string Code(ChampSiei? champ) => champ is { } c ? c.ToString() : Ignorer;

    /// <summary>The field a select sent back: a field's code or "ignorer"; anything else is not a choice.</summary>
    public static bool EssayerLire(string? code, out ChampSiei? champ)
    {
        champ = null;
        if (code == Ignorer)
        {
            return true;
        }

        foreach (var c in Enum.GetValues<ChampSiei>())
        {
            if (c.ToString() == code)
            {
                champ = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The mapping chosen on the page, keyed by normalised header; null when it is wrong (the messages are in
    /// <paramref name="erreurs"/>: <c>colonne-{index}</c> for one column, <c>correspondance</c> for the whole).
    /// </summary>
    public static Dictionary<string, ChampSiei?>? Lire(IReadOnlyList<ColonneLue> colonnes, IReadOnlyDictionary<string, string?> choix, Erreurs erreurs)
    {
        var resultat = new Dictionary<string, ChampSiei?>(StringComparer.Ordinal);
        var prises = new Dictionary<ChampSiei, ColonneLue>();
        foreach (var col in colonnes.Where(c => c.Origine != OrigineColonne.Interdite))
        {
            var cle = col.Index.ToString(CultureInfo.InvariantCulture);
            if (!choix.TryGetValue(cle, out var code) || !EssayerLire(code, out var champ))
            {
                erreurs.Ajouter($"colonne-{cle}", $"Choisissez le champ que contient la colonne « {col.Entete} », ou « ignorer ».");
                continue;
            }

            if (champ is { } c && !prises.TryAdd(c, col))
            {
                erreurs.Ajouter($"colonne-{cle}", $"« {ColonnesSiei.Libelle(c)} » est déjà choisi pour la colonne « {prises[c].Entete} » : un champ ne peut venir que d'une colonne.");
                continue;
            }

            // Two columns with the same header cannot be told apart by a mapping keyed by header.
            if (resultat.TryGetValue(col.Normalise, out var deja) && deja != champ)
            {
                erreurs.Ajouter($"colonne-{cle}", $"Deux colonnes s'intitulent « {col.Entete} » : donnez-leur le même choix, ou renommez l'une d'elles dans le fichier.");
                continue;
            }

            resultat[col.Normalise] = champ;
        }

        if (!prises.ContainsKey(ChampSiei.Ine) && !(prises.ContainsKey(ChampSiei.Nom) && prises.ContainsKey(ChampSiei.Prenom) && prises.ContainsKey(ChampSiei.DateNaissance)))
        {
            erreurs.Ajouter("correspondance", "Il manque l'identité : choisissez une colonne « INE », ou les trois colonnes « nom », « prénom » et « date de naissance ».");
        }

        if (!prises.ContainsKey(ChampSiei.Commune) && !prises.ContainsKey(ChampSiei.CodeInsee))
        {
            erreurs.Ajouter("correspondance", "Il manque la commune de résidence : choisissez une colonne « commune » ou « code INSEE ».");
        }

        if (!prises.ContainsKey(ChampSiei.DateSortie))
        {
            erreurs.Ajouter("correspondance", "Il manque la date de sortie : choisissez la colonne qui la contient.");
        }

        return erreurs.Any ? null : resultat;
    }

    public static string Serialiser(IReadOnlyDictionary<string, ChampSiei?> correspondance) =>
        JsonSerializer.Serialize(correspondance.ToDictionary(kv => kv.Key, kv => Code(kv.Value)), Json);

    public static Dictionary<string, ChampSiei?>? Deserialiser(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var d = new Dictionary<string, ChampSiei?>(StringComparer.Ordinal);
        foreach (var (entete, code) in JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [])
        {
            if (EssayerLire(code, out var champ))
            {
                d[entete] = champ;
            }
        }

        return d;
    }
}

/// <summary>Reads and saves a PSAD's column mapping; a save replaces the lines of the headers it names and is audited.</summary>
public sealed class CorrespondancesPsad(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock)
{
    public async Task<Dictionary<string, ChampSiei?>> LireAsync(int psadId, CancellationToken ct = default) =>
        await db.CorrespondancesColonnes.AsNoTracking().Where(c => c.PsadId == psadId).ToDictionaryAsync(c => c.Entete, c => c.Champ, StringComparer.Ordinal, ct);

    public async Task EnregistrerAsync(int psadId, IReadOnlyDictionary<string, ChampSiei?> correspondance, string? auteur, CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var entetes = correspondance.Keys.Select(ColonnesSiei.Normaliser).Where(e => e.Length is > 0 and <= 200).Distinct().ToList();
        var existantes = await db.CorrespondancesColonnes.Where(c => c.PsadId == psadId && entetes.Contains(c.Entete)).ToDictionaryAsync(c => c.Entete, ct);
        foreach (var (brut, champ) in correspondance)
        {
            var entete = ColonnesSiei.Normaliser(brut);
            if (entete.Length is 0 or > 200)
            {
                continue;
            }

            if (!existantes.TryGetValue(entete, out var ligne))
            {
                ligne = new CorrespondanceColonne { PsadId = psadId, Entete = entete };
                db.CorrespondancesColonnes.Add(ligne);
                existantes[entete] = ligne;
            }

            (ligne.Champ, ligne.ModifieeLe, ligne.ModifieePar) = (champ, maintenant, auteur);
        }

        journal.Ajouter(Tracabilite.Modification, "correspondance-siei", psadId.ToString(CultureInfo.InvariantCulture),
            "correspondance des colonnes : " + string.Join(", ", correspondance.Select(kv => $"{ColonnesSiei.Normaliser(kv.Key)} → {(kv.Value is { } c ? ColonnesSiei.Libelle(c) : CorrespondanceSiei.Ignorer)}")), auteur);
        await db.SaveChangesAsync(ct);
    }
}
