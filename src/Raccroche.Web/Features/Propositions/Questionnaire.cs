using Microsoft.Extensions.Primitives;
using Raccroche.Web.Features.Communes;


namespace Raccroche.Web.Features.Propositions;

public enum TypeQuestion
{
    Nombre,
    Choix,
    Multiple,
    Commune,
}

/// <summary>One screen of the diagnostic.</summary>
public sealed record Question(string Cle, string Titre, string? Aide, TypeQuestion Type, IReadOnlyList<Terme> Options, bool Obligatoire = true);

/// <summary>
/// The diagnostic as data: a fixed list of at most eight questions, asked one per screen. Answers travel
/// in the URL (no account, nothing stored); <c>Lire</c> turns them into a <see cref="Profil"/>.
/// </summary>
public static class Questionnaire
{
    public static readonly Liste Depuis = new("depuis",
    [
        new("moins-3-mois", "Moins de 3 mois"),
        new("3-6-mois", "Entre 3 et 6 mois"),
        new("6-12-mois", "Entre 6 mois et un an"),
        new("plus-1-an", "Plus d'un an"),
    ]);

    public static readonly Liste Classes = new("classe",
    [
        new("college", "Le collège (3e ou avant)"),
        new("lycee", "Le lycée, sans avoir le bac"),
        new("cap-en-cours", "Un CAP ou un bac pro, pas terminé"),
        new("cap-bep", "J'ai un CAP ou un BEP"),
        new("bac", "J'ai le bac"),
        new("bac-plus", "J'ai fait des études après le bac"),
    ]);

    public static readonly Liste Distances = new("rayon_km",
    [
        new("5", "Pas plus de 5 km"),
        new("10", "Jusqu'à 10 km"),
        new("20", "Jusqu'à 20 km"),
        new("30", "Jusqu'à 30 km"),
        new("50", "Jusqu'à 50 km"),
        new("", "Peu importe, je peux bouger"),
    ]);

    public static readonly IReadOnlyList<Question> Questions =
    [
        new("age", "Quel âge as-tu ?", "Ton âge en années.", TypeQuestion.Nombre, []),
        new("situation", "Où en es-tu aujourd'hui ?", null, TypeQuestion.Choix, ChoixDiagnostic.SituationsJeune.Termes),
        new("depuis", "Depuis combien de temps ?", "Depuis quand tu es dans cette situation.", TypeQuestion.Choix, Depuis.Termes),
        new("classe", "Jusqu'où es-tu allé·e à l'école ?", "Ton diplôme le plus haut, ou ta dernière classe.", TypeQuestion.Choix, Classes.Termes),
        new("commune", "Où habites-tu ?", "Le nom de ta commune ou ton code postal.", TypeQuestion.Commune, []),
        new("souhait", "Qu'est-ce que tu aimerais ?", null, TypeQuestion.Choix, ChoixDiagnostic.Souhaits.Termes),
        new("besoins", "As-tu besoin d'aide pour autre chose ?", "Coche tout ce qui compte pour toi, ou rien.", TypeQuestion.Multiple, ChoixDiagnostic.Besoins.Termes, Obligatoire: false),
        new("rayon_km", "Jusqu'où peux-tu aller ?", "La distance depuis chez toi.", TypeQuestion.Choix, Distances.Termes, Obligatoire: false),
    ];

    public static string NiveauDeClasse(string classe) => classe switch
    {
        "cap-bep" => "niveau-3",
        "bac" => "niveau-4",
        "bac-plus" => "niveau-5",
        _ => "sans-diplome",
    };

    public static int MoisDepuis(string depuis) => depuis switch
    {
        "moins-3-mois" => 1,
        "3-6-mois" => 4,
        "6-12-mois" => 9,
        _ => 18,
    };

    /// <summary>The answers carried by a POST body's hidden fields (the contact form: no answer in its URL).</summary>
    public static Reponses Lire(IFormCollection formulaire, RepertoireCommunes communes) =>
        Lire(new QueryCollection(formulaire.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase)), communes);

    /// <summary>The answers given so far, validated. Unknown or malformed values are reported per question.</summary>
    public static Reponses Lire(IQueryCollection query, RepertoireCommunes communes)
    {
        var r = new Reponses();
        string? Val(string cle) => query.TryGetValue(cle, out var v) ? v.ToString().Trim() : null;

        if (Val("age") is { Length: > 0 } age)
        {
            if (int.TryParse(age, out var a) && a is >= 10 and <= 99)
            {
                r.Age = a;
            }
            else
            {
                r.Erreurs["age"] = "Indique ton âge avec un nombre, par exemple 17.";
            }
        }

        // A campaign tag travels with the answers; a malformed one is dropped silently (it only counts).
        r.Campagne = Val("campagne")?.ToUpperInvariant() is { } camp && Campagnes.Campagne.CodeValide(camp) ? camp : null;
        r.Situation = Choix(Val("situation"), ChoixDiagnostic.SituationsJeune, "situation", r);
        r.Depuis = Choix(Val("depuis"), Depuis, "depuis", r);
        r.Classe = Choix(Val("classe"), Classes, "classe", r);
        r.Souhait = Choix(Val("souhait"), ChoixDiagnostic.Souhaits, "souhait", r);

        if (Val("code_commune") is { Length: > 0 } code)
        {
            r.Commune = communes.ParCode(code.ToUpperInvariant());
            if (r.Commune is null)
            {
                r.Erreurs["commune"] = "Cette commune est inconnue. Écris son nom ou son code postal.";
            }
        }
        else if (Val("commune") is { Length: > 0 } saisie)
        {
            var res = communes.ResoudreSaisie(saisie, out var message, tutoiement: true);
            r.Commune = res.Commune;
            if (message is not null)
            {
                r.Erreurs["commune"] = message;
            }

            if (saisie.Length <= RepertoireCommunes.LongueurMaxSaisie)
            {
                r.SaisieCommune = saisie;
                r.Homonymes = res.Commune is null ? res.Candidats : r.Homonymes;
            }
        }

        if (query.TryGetValue("besoins", out StringValues besoins))
        {
            r.BesoinsRepondu = true;
            foreach (var b in besoins.Where(b => !string.IsNullOrEmpty(b) && b != "aucun"))
            {
                if (ChoixDiagnostic.Besoins.Contient(b!))
                {
                    r.Besoins.Add(b!);
                }
                else
                {
                    r.Erreurs["besoins"] = "Une des réponses n'est pas dans la liste.";
                }
            }
        }

        if (query.ContainsKey("rayon_km"))
        {
            r.RayonRepondu = true;
            var rayon = Val("rayon_km");
            if (!string.IsNullOrEmpty(rayon))
            {
                if (Distances.Contient(rayon))
                {
                    r.RayonKm = int.Parse(rayon, System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    r.Erreurs["rayon_km"] = "Choisis une distance dans la liste.";
                }
            }
        }

        return r;
    }

    private static string? Choix(string? valeur, Liste liste, string cle, Reponses r)
    {
        if (string.IsNullOrEmpty(valeur))
        {
            return null;
        }

        if (liste.Contient(valeur))
        {
            return valeur;
        }

        r.Erreurs[cle] = "Choisis une des réponses proposées.";
        return null;
    }
}

/// <summary>The diagnostic's answers so far.</summary>
public sealed class Reponses
{
    public int? Age { get; set; }
    public string? Campagne { get; set; }
    public string? Situation { get; set; }
    public string? Depuis { get; set; }
    public string? Classe { get; set; }
    public Commune? Commune { get; set; }
    public string? SaisieCommune { get; set; }
    public List<Commune> Homonymes { get; set; } = [];
    public string? Souhait { get; set; }
    public List<string> Besoins { get; } = [];
    public bool BesoinsRepondu { get; set; }
    public int? RayonKm { get; set; }
    public bool RayonRepondu { get; set; }
    public Dictionary<string, string> Erreurs { get; } = [];

    public bool EstRepondu(string cle) => cle switch
    {
        "age" => Age is not null,
        "situation" => Situation is not null,
        "depuis" => Depuis is not null,
        "classe" => Classe is not null,
        "commune" => Commune is not null,
        "souhait" => Souhait is not null,
        "besoins" => BesoinsRepondu,
        "rayon_km" => RayonRepondu,
        _ => false,
    };

    /// <summary>Index of the first question not answered (or answered wrongly); Questions.Count when all are done.</summary>
    public int PremiereManquante()
    {
        for (var i = 0; i < Questionnaire.Questions.Count; i++)
        {
            var q = Questionnaire.Questions[i];
            if (Erreurs.ContainsKey(q.Cle) || !EstRepondu(q.Cle))
            {
                return i;
            }
        }

        return Questionnaire.Questions.Count;
    }

    public Profil? EnProfil() => Age is { } age && Commune is { } c
        ? new Profil
        {
            Age = age,
            Commune = c,
            Situation = Situation == "sorti-sans-diplome" && Classe is "cap-bep" or "bac" or "bac-plus" ? "diplome-sans-emploi" : Situation,
            DepuisMois = Depuis is null ? null : Questionnaire.MoisDepuis(Depuis),
            Niveau = Classe is null ? null : Questionnaire.NiveauDeClasse(Classe),
            Souhait = Souhait,
            Besoins = Besoins,
            RayonKm = RayonKm,
        }
        : null;

    /// <summary>The answers as query-string pairs (commune by its code), for hidden fields and links.</summary>
    public List<KeyValuePair<string, string>> EnParametres(string? sauf = null)
    {
        var l = new List<KeyValuePair<string, string>>();
        void Ajouter(string k, string? v)
        {
            if (v is not null && k != sauf && !(sauf == "commune" && k == "code_commune"))
            {
                l.Add(new(k, v));
            }
        }

        Ajouter("campagne", Campagne);
        Ajouter("age", Age?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Ajouter("situation", Situation);
        Ajouter("depuis", Depuis);
        Ajouter("classe", Classe);
        Ajouter("code_commune", Commune?.CodeInsee);
        Ajouter("souhait", Souhait);
        if (BesoinsRepondu && sauf != "besoins")
        {
            l.AddRange(Besoins.Count == 0 ? [new("besoins", "aucun")] : Besoins.Select(b => new KeyValuePair<string, string>("besoins", b)));
        }

        if (RayonRepondu)
        {
            Ajouter("rayon_km", RayonKm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return l;
    }
}
