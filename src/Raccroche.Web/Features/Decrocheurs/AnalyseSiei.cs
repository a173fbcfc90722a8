
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>One faulty value: the line of the file, the field (as the file names it), and what is wrong, in French.</summary>
public sealed record ErreurSiei(int Ligne, string Champ, string Message);

/// <summary>A row of a SIEI list, read and checked: what SIEI sent, typed.</summary>
public sealed record LigneSiei
{
    public int Ligne { get; init; }
    public string? Ine { get; init; }
    public string? Nom { get; init; }
    public string? NomNaissance { get; init; }
    public string? Prenom { get; init; }
    public DateOnly? DateNaissance { get; init; }
    public string? Sexe { get; init; }
    public string? LieuNaissance { get; init; }
    public string? Adresse { get; init; }
    public string? CodePostal { get; init; }
    public string? Commune { get; init; }
    public string? CodeInsee { get; init; }
    public string? Telephone { get; init; }
    public string? Telephone2 { get; init; }
    public string? Courriel { get; init; }
    public string? ResponsableNom { get; init; }
    public string? ResponsablePrenom { get; init; }
    public string? ResponsableLien { get; init; }
    public string? ResponsableTelephone { get; init; }
    public string? ResponsableCourriel { get; init; }
    public string? EtablissementUai { get; init; }
    public string? EtablissementNom { get; init; }
    public string? EtablissementCommune { get; init; }
    public string? SystemeFormation { get; init; }
    public string? Formation { get; init; }
    public string? NiveauFormation { get; init; }
    public string? Mef { get; init; }
    public string? Classe { get; init; }
    public DateOnly? DateEntree { get; init; }
    public DateOnly? DateSortie { get; init; }
    public string? MotifSortie { get; init; }
    public string? Diplomes { get; init; }
    public bool? ConnuMissionLocale { get; init; }
}

/// <summary>The rows of a file: the good ones typed, the faulty ones with every message (a row can have several).</summary>
public sealed record ResultatAnalyse(IReadOnlyList<LigneSiei> Lignes, IReadOnlyList<ErreurSiei> Erreurs, IReadOnlyList<int> MoinsDe16Ans)
{
    public ISet<int> LignesEnErreur { get; } = Erreurs.Select(e => e.Ligne).ToHashSet();
}

/// <summary>
/// Checks every row of a SIEI list against the fields it may hold. A row is kept only when every
/// value it gives is readable and the identity, commune and exit date are there; young people under
/// 16 at the date of the list are reported and never kept (SIEI covers 16 and over).
/// </summary>
public static class AnalyseSiei
{
    public static ResultatAnalyse Analyser(Tableau tableau, EnTetesSiei entetes, DateOnly dateListe)
    {
        var lignes = new List<LigneSiei>(tableau.Lignes.Count);
        var erreurs = new List<ErreurSiei>();
        var mineurs16 = new List<int>();
        foreach (var l in tableau.Lignes)
        {
            var avant = erreurs.Count;
            var ligne = Lire(l, entetes, tableau.EnTetes, erreurs);
            if (ligne.DateNaissance is { } n)
            {
                var age = Age(n, dateListe);
                if (age < 16)
                {
                    mineurs16.Add(l.Numero);
                    erreurs.Add(new ErreurSiei(l.Numero, Nom(entetes, tableau.EnTetes, ChampSiei.DateNaissance),
                        $"Moins de 16 ans à la date de la liste ({age} ans) : hors du champ du SIEI, la ligne n'est pas importée et rien n'en est gardé."));
                }
                else if (n > dateListe || age > 30)
                {
                    erreurs.Add(new ErreurSiei(l.Numero, Nom(entetes, tableau.EnTetes, ChampSiei.DateNaissance), $"Date de naissance invraisemblable ({n:dd/MM/yyyy}) : vérifiez-la."));
                }
            }

            if (ligne.DateSortie is { } s && (s > dateListe || (ligne.DateNaissance is { } nn && s <= nn)))
            {
                erreurs.Add(new ErreurSiei(l.Numero, Nom(entetes, tableau.EnTetes, ChampSiei.DateSortie),
                    s > dateListe ? $"La date de sortie ({s:dd/MM/yyyy}) est postérieure à la date de la liste." : "La date de sortie précède la date de naissance."));
            }

            if (ligne.Ine is null && (ligne.Nom is null || ligne.Prenom is null || ligne.DateNaissance is null))
            {
                erreurs.Add(new ErreurSiei(l.Numero, "INE", "Sans INE, il faut le nom, le prénom et la date de naissance pour identifier le jeune."));
            }

            if (ligne.Commune is null && ligne.CodeInsee is null)
            {
                erreurs.Add(new ErreurSiei(l.Numero, "commune", "La commune de résidence (ou son code INSEE) manque."));
            }

            if (ligne.DateSortie is null && !erreurs.Skip(avant).Any(e => e.Champ == Nom(entetes, tableau.EnTetes, ChampSiei.DateSortie)))
            {
                erreurs.Add(new ErreurSiei(l.Numero, Nom(entetes, tableau.EnTetes, ChampSiei.DateSortie), "La date de sortie manque."));
            }

            if (erreurs.Count == avant)
            {
                lignes.Add(ligne);
            }
        }

        return new ResultatAnalyse(lignes, erreurs, mineurs16);
    }

    public static int Age(DateOnly naissance, DateOnly le)
    {
        var age = le.Year - naissance.Year;
        return naissance.AddYears(age) > le ? age - 1 : age;
    }

    private static LigneSiei Lire(LigneTableau l, EnTetesSiei entetes, IReadOnlyList<string> noms, List<ErreurSiei> erreurs)
    {
        string? Brut(ChampSiei c) => entetes.Colonnes.TryGetValue(c, out var i) ? l.Cellule(i) : null;
        T? Val<T>(ChampSiei c, Func<string?, Lu<T>> lire)
        {
            var lu = lire(Brut(c));
            if (lu.Erreur is { } e)
            {
                erreurs.Add(new ErreurSiei(l.Numero, Nom(entetes, noms, c), e));
            }

            return lu.Valeur;
        }

        string? Texte(ChampSiei c, int max) => Val(c, t => ValeursSiei.Texte(t, max, ColonnesSiei.Libelle(c)));
        string? NomDe(ChampSiei c) => Val(c, t => ValeursSiei.Nom(t, ColonnesSiei.Libelle(c)));

        return new LigneSiei
        {
            Ligne = l.Numero,
            Ine = Val(ChampSiei.Ine, ValeursSiei.Ine),
            Nom = NomDe(ChampSiei.Nom),
            NomNaissance = NomDe(ChampSiei.NomNaissance),
            Prenom = NomDe(ChampSiei.Prenom),
            DateNaissance = Val(ChampSiei.DateNaissance, ValeursSiei.Date),
            Sexe = Val(ChampSiei.Sexe, ValeursSiei.Sexe),
            LieuNaissance = Texte(ChampSiei.LieuNaissance, 100),
            Adresse = Texte(ChampSiei.Adresse, 200),
            CodePostal = Val(ChampSiei.CodePostal, ValeursSiei.CodePostal),
            Commune = Texte(ChampSiei.Commune, 100),
            CodeInsee = Val(ChampSiei.CodeInsee, ValeursSiei.CodeInsee),
            Telephone = Val(ChampSiei.Telephone, ValeursSiei.Telephone),
            Telephone2 = Val(ChampSiei.Telephone2, ValeursSiei.Telephone),
            Courriel = Val(ChampSiei.Courriel, ValeursSiei.Courriel),
            ResponsableNom = NomDe(ChampSiei.ResponsableNom),
            ResponsablePrenom = NomDe(ChampSiei.ResponsablePrenom),
            ResponsableLien = Texte(ChampSiei.ResponsableLien, 50),
            ResponsableTelephone = Val(ChampSiei.ResponsableTelephone, ValeursSiei.Telephone),
            ResponsableCourriel = Val(ChampSiei.ResponsableCourriel, ValeursSiei.Courriel),
            EtablissementUai = Val(ChampSiei.EtablissementUai, ValeursSiei.Uai),
            EtablissementNom = Texte(ChampSiei.EtablissementNom, 150),
            EtablissementCommune = Texte(ChampSiei.EtablissementCommune, 100),
            SystemeFormation = Val(ChampSiei.SystemeFormation, ValeursSiei.Systeme),
            Formation = Texte(ChampSiei.Formation, 200),
            NiveauFormation = Val(ChampSiei.NiveauFormation, ValeursSiei.Niveau),
            Mef = Texte(ChampSiei.Mef, 20),
            Classe = Texte(ChampSiei.Classe, 50),
            DateEntree = Val(ChampSiei.DateEntree, ValeursSiei.Date),
            DateSortie = Val(ChampSiei.DateSortie, ValeursSiei.Date),
            MotifSortie = Texte(ChampSiei.MotifSortie, 200),
            Diplomes = Texte(ChampSiei.Diplomes, 200),
            ConnuMissionLocale = Val(ChampSiei.ConnuMissionLocale, ValeursSiei.OuiNon),
        };
    }

    /// <summary>Errors name the field as the file's header does, so the coordinator finds the column.</summary>
    private static string Nom(EnTetesSiei entetes, IReadOnlyList<string> noms, ChampSiei c) =>
        entetes.Colonnes.TryGetValue(c, out var i) && i < noms.Count ? noms[i].Trim().Trim('\uFEFF') : ColonnesSiei.Libelle(c);
}
