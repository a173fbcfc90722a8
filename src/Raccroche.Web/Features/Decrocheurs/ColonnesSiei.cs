
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The fields a SIEI/RIO list may hold (arrêté du 15 octobre 2020), and nothing else.</summary>
public enum ChampSiei
{
    Ine,
    Nom,
    NomNaissance,
    Prenom,
    DateNaissance,
    Sexe,
    LieuNaissance,
    Adresse,
    CodePostal,
    Commune,
    CodeInsee,
    Telephone,
    Telephone2,
    Courriel,
    ResponsableNom,
    ResponsablePrenom,
    ResponsableLien,
    ResponsableTelephone,
    ResponsableCourriel,
    EtablissementUai,
    EtablissementNom,
    EtablissementCommune,
    SystemeFormation,
    Formation,
    NiveauFormation,
    Mef,
    Classe,
    DateEntree,
    DateSortie,
    MotifSortie,
    Diplomes,
    ConnuMissionLocale,
}

/// <summary>What the header line of a file says: which column holds which field, what is ignored, what is refused.</summary>
public sealed record EnTetesSiei(
    IReadOnlyDictionary<ChampSiei, int> Colonnes,
    IReadOnlyList<string> Ignorees,
    IReadOnlyList<string> Erreurs)
{
    public bool Valides => Erreurs.Count == 0;

    /// <summary>Every non-empty column of the header line, in order, with what became of it (the import page's mapping table).</summary>
    public IReadOnlyList<ColonneLue> ParColonne { get; init; } = [];
}

/// <summary>How a column was read: by the PSAD's saved mapping, by an alias, not at all, or refused (forbidden data).</summary>
public enum OrigineColonne
{
    Correspondance,
    Alias,
    NonReconnue,
    Interdite,
}

/// <summary>One column of the header line: its position (0-based), its header as typed and normalised, and the field it holds (null: ignored).</summary>
public sealed record ColonneLue(int Index, string Entete, string Normalise, ChampSiei? Champ, OrigineColonne Origine);

/// <summary>
/// Recognises the columns of a SIEI list by their header, whatever the case, accents, spaces or
/// punctuation, with the names the tools of the field use (RIO exports, spreadsheets retyped by a
/// CIO). A column about health, disability, nationality, offences or family situation refuses the
/// whole file: the law does not allow that data here, so it must not be stored even by mistake.
/// </summary>
public static class ColonnesSiei
{
    private static readonly Dictionary<string, ChampSiei> Alias = Construire(new()
    {
        [ChampSiei.Ine] = ["ine", "identifiant national eleve", "numero ine", "n ine", "ine eleve", "identifiant ine"],
        [ChampSiei.Nom] = ["nom", "nom d usage", "nom usage", "nom usuel", "nom eleve", "nom du jeune", "nom de famille"],
        [ChampSiei.NomNaissance] = ["nom de naissance", "nom naissance", "nom patronymique"],
        [ChampSiei.Prenom] = ["prenom", "prenom 1", "premier prenom", "prenom usuel", "prenom eleve", "prenom du jeune"],
        [ChampSiei.DateNaissance] = ["date de naissance", "date naissance", "ne le", "ne e le", "nee le", "ddn"],
        [ChampSiei.Sexe] = ["sexe", "genre"],
        [ChampSiei.LieuNaissance] = ["lieu de naissance", "lieu naissance", "commune de naissance", "ville de naissance"],
        [ChampSiei.Adresse] = ["adresse", "adresse postale", "adresse 1", "adresse ligne 1", "voie"],
        [ChampSiei.CodePostal] = ["code postal", "cp", "code postal residence"],
        [ChampSiei.Commune] = ["commune", "ville", "commune de residence", "libelle commune", "commune residence"],
        [ChampSiei.CodeInsee] = ["code insee", "insee", "code commune", "code commune insee", "commune insee", "code insee commune", "code insee residence"],
        [ChampSiei.Telephone] = ["telephone", "tel", "telephone portable", "portable", "mobile", "telephone 1", "tel 1", "telephone jeune", "telephone eleve"],
        [ChampSiei.Telephone2] = ["telephone 2", "tel 2", "telephone fixe", "fixe", "autre telephone"],
        [ChampSiei.Courriel] = ["courriel", "email", "e mail", "mail", "adresse electronique", "adresse mail", "adresse e mail", "courriel jeune"],
        [ChampSiei.ResponsableNom] = ["nom responsable legal", "responsable legal nom", "nom du responsable legal", "nom representant legal", "nom responsable", "responsable legal"],
        [ChampSiei.ResponsablePrenom] = ["prenom responsable legal", "responsable legal prenom", "prenom du responsable legal", "prenom representant legal", "prenom responsable"],
        [ChampSiei.ResponsableLien] = ["lien responsable legal", "lien de parente", "lien avec le jeune", "qualite responsable legal", "lien responsable"],
        [ChampSiei.ResponsableTelephone] = ["telephone responsable legal", "tel responsable legal", "telephone responsable", "tel responsable", "telephone representant legal"],
        [ChampSiei.ResponsableCourriel] = ["courriel responsable legal", "email responsable legal", "mail responsable legal", "courriel responsable", "email responsable", "mail responsable"],
        [ChampSiei.EtablissementUai] = ["uai", "rne", "code uai", "uai etablissement", "uai dernier etablissement", "code rne", "uai origine"],
        [ChampSiei.EtablissementNom] = ["etablissement", "nom etablissement", "dernier etablissement", "libelle etablissement", "etablissement origine", "nom dernier etablissement"],
        [ChampSiei.EtablissementCommune] = ["commune etablissement", "ville etablissement", "commune dernier etablissement"],
        [ChampSiei.SystemeFormation] = ["systeme de formation", "systeme formation", "systeme", "voie de formation", "statut formation"],
        [ChampSiei.Formation] = ["derniere formation", "formation", "libelle formation", "libelle mef", "formation suivie", "diplome prepare"],
        [ChampSiei.NiveauFormation] = ["niveau", "niveau formation", "niveau de formation", "niveau derniere formation"],
        [ChampSiei.Mef] = ["mef", "code mef", "mef derniere formation"],
        [ChampSiei.Classe] = ["classe", "division", "derniere classe"],
        [ChampSiei.DateEntree] = ["date d entree", "date entree", "entree le", "date d entree formation"],
        [ChampSiei.DateSortie] = ["date de sortie", "date sortie", "sortie le", "date de fin", "date d abandon"],
        [ChampSiei.MotifSortie] = ["motif de sortie", "motif sortie", "motif", "raison de sortie"],
        [ChampSiei.Diplomes] = ["diplomes obtenus", "diplomes", "diplome obtenu", "diplome", "dernier diplome obtenu"],
        [ChampSiei.ConnuMissionLocale] = ["accompagnement mission locale", "connu mission locale", "suivi mission locale", "connu ml", "suivi ml", "accompagnement ml", "connu de la mission locale"],
    });

    /// <summary>Words that mark a column the law excludes from a SIEI list (arrêté du 15 octobre 2020).</summary>
    private static readonly (string Mot, string Categorie)[] Interdits =
    [
        ("sante", "la santé"), ("medical", "la santé"), ("pathologie", "la santé"), ("handicap", "la santé ou le handicap"),
        ("mdph", "la santé ou le handicap"), ("rqth", "la santé ou le handicap"), ("nationalite", "la nationalité"),
        ("infraction", "les infractions"), ("condamnation", "les infractions"), ("casier", "les infractions"),
        ("judiciaire", "les infractions"), ("situation familiale", "la situation familiale"), ("situation de famille", "la situation familiale"),
        ("religion", "les convictions"), ("origine ethnique", "l'origine"),
    ];

    /// <summary>"Date de naissance", "DATE_NAISSANCE", "date-de-naissance " → "date de naissance".</summary>
    public static string Normaliser(string? entete)
    {
        var decompose = (entete ?? "").Trim().Trim('\uFEFF').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decompose.Length);
        var espace = false;
        foreach (var c in decompose)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (espace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                espace = false;
            }
            else
            {
                espace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads the header line; a mapping saved for the PSAD (header → field, or null: "ignorer") wins over the aliases.
    /// A column about forbidden data is refused whatever the mapping says.
    /// </summary>
    public static EnTetesSiei Reconnaitre(IReadOnlyList<string> entetes, IReadOnlyDictionary<string, ChampSiei?>? correspondance = null)
    {
        var colonnes = new Dictionary<ChampSiei, int>();
        var ignorees = new List<string>();
        var erreurs = new List<string>();
        var parColonne = new List<ColonneLue>();
        var propres = new Dictionary<string, ChampSiei?>(StringComparer.Ordinal);
        foreach (var (entete, valeur) in correspondance ?? new Dictionary<string, ChampSiei?>())
        {
            propres[Normaliser(entete)] = valeur;
        }
        for (var i = 0; i < entetes.Count; i++)
        {
            var brut = entetes[i].Trim().Trim('\uFEFF');
            var n = Normaliser(brut);
            if (n.Length == 0)
            {
                continue;
            }

            if (Interdits.FirstOrDefault(x => (" " + n).Contains(" " + x.Mot, StringComparison.Ordinal)) is { Mot: not null } interdit)
            {
                erreurs.Add($"La colonne « {brut} » (colonne {i + 1}) porte sur {interdit.Categorie} : une liste SIEI ne peut pas contenir ces données. Retirez cette colonne du fichier avant de l'importer.");
                parColonne.Add(new ColonneLue(i, brut, n, null, OrigineColonne.Interdite));
                continue;
            }

            ChampSiei champ;
            if (propres.TryGetValue(n, out var choisi))
            {
                parColonne.Add(new ColonneLue(i, brut, n, choisi, OrigineColonne.Correspondance));
                if (choisi is null)
                {
                    ignorees.Add(brut);
                    continue;
                }

                champ = choisi.Value;
            }
            else if (Alias.TryGetValue(n, out champ))
            {
                parColonne.Add(new ColonneLue(i, brut, n, champ, OrigineColonne.Alias));
            }
            else
            {
                parColonne.Add(new ColonneLue(i, brut, n, null, OrigineColonne.NonReconnue));
                ignorees.Add(brut);
                continue;
            }

            if (!colonnes.TryAdd(champ, i))
            {
                erreurs.Add($"Les colonnes {colonnes[champ] + 1} et {i + 1} désignent toutes deux « {Libelle(champ)} » : gardez-en une seule.");
            }
        }

        var identite = colonnes.ContainsKey(ChampSiei.Ine)
            || (colonnes.ContainsKey(ChampSiei.Nom) && colonnes.ContainsKey(ChampSiei.Prenom) && colonnes.ContainsKey(ChampSiei.DateNaissance));
        if (colonnes.Count == 0)
        {
            erreurs.Add("Aucune colonne reconnue dans la première ligne : elle doit porter les intitulés (INE, nom, prénom, date de naissance, commune, date de sortie…).");
        }
        else
        {
            if (!identite)
            {
                erreurs.Add("Il faut une colonne « INE », ou les trois colonnes « nom », « prénom » et « date de naissance ».");
            }

            if (!colonnes.ContainsKey(ChampSiei.Commune) && !colonnes.ContainsKey(ChampSiei.CodeInsee))
            {
                erreurs.Add("Il faut une colonne « commune » ou « code INSEE » (commune de résidence).");
            }

            if (!colonnes.ContainsKey(ChampSiei.DateSortie))
            {
                erreurs.Add("Il faut une colonne « date de sortie ».");
            }
        }

        return new EnTetesSiei(colonnes, ignorees, erreurs) { ParColonne = parColonne };
    }

    public static string Libelle(ChampSiei champ) => champ switch
    {
        ChampSiei.Ine => "INE",
        ChampSiei.Nom => "nom",
        ChampSiei.NomNaissance => "nom de naissance",
        ChampSiei.Prenom => "prénom",
        ChampSiei.DateNaissance => "date de naissance",
        ChampSiei.Sexe => "sexe",
        ChampSiei.LieuNaissance => "lieu de naissance",
        ChampSiei.Adresse => "adresse",
        ChampSiei.CodePostal => "code postal",
        ChampSiei.Commune => "commune",
        ChampSiei.CodeInsee => "code INSEE",
        ChampSiei.Telephone => "téléphone",
        ChampSiei.Telephone2 => "second téléphone",
        ChampSiei.Courriel => "courriel",
        ChampSiei.ResponsableNom => "nom du responsable légal",
        ChampSiei.ResponsablePrenom => "prénom du responsable légal",
        ChampSiei.ResponsableLien => "lien du responsable légal",
        ChampSiei.ResponsableTelephone => "téléphone du responsable légal",
        ChampSiei.ResponsableCourriel => "courriel du responsable légal",
        ChampSiei.EtablissementUai => "UAI du dernier établissement",
        ChampSiei.EtablissementNom => "dernier établissement",
        ChampSiei.EtablissementCommune => "commune du dernier établissement",
        ChampSiei.SystemeFormation => "système de formation",
        ChampSiei.Formation => "dernière formation",
        ChampSiei.NiveauFormation => "niveau de formation",
        ChampSiei.Mef => "code MEF",
        ChampSiei.Classe => "classe",
        ChampSiei.DateEntree => "date d'entrée",
        ChampSiei.DateSortie => "date de sortie",
        ChampSiei.MotifSortie => "motif de sortie",
        ChampSiei.Diplomes => "diplômes obtenus",
        ChampSiei.ConnuMissionLocale => "accompagnement mission locale connu",
        _ => champ.ToString(),
    };

    private static Dictionary<string, ChampSiei> Construire(Dictionary<ChampSiei, string[]> parChamp)
    {
        var d = new Dictionary<string, ChampSiei>(StringComparer.Ordinal);
        foreach (var (champ, noms) in parChamp)
        {
            foreach (var nom in noms)
            {
                d.Add(Normaliser(nom), champ);
            }
        }

        return d;
    }
}
