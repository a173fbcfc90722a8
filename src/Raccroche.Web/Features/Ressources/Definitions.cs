namespace Raccroche.Web.Features.Ressources;

/// <summary>
/// One word of the field, defined on "Comprendre le décrochage": its anchor (<c>#psad</c>), the text, the observatory's
/// indicators that count it (registry codes, <c>/observatoire/indicateurs/{code}</c>) and the catalogue's programmes that
/// act on it (seed slugs; a unit test checks both exist).
/// </summary>
public sealed record Definition(string Ancre, string Terme, string Texte, IReadOnlyList<string> Indicateurs, IReadOnlyList<string> Dispositifs, string? Attention = null);

/// <summary>The words of "Comprendre le décrochage", in reading order: first what is measured, then who acts and how.</summary>
public static class Definitions
{
    public static readonly IReadOnlyList<Definition> Toutes =
    [
        new("decrocheur", "Décrocheur, décrochage scolaire",
            "Un jeune qui quitte la formation initiale sans avoir atteint le niveau minimum de qualification, c'est-à-dire sans baccalauréat ni diplôme professionnel comme le CAP ou le BEP. Le décrochage est un processus : il commence souvent bien avant la sortie, par des absences et une perte d'intérêt, ce qui rend la prévention possible.",
            ["jeunes-reperes", "situations-signalees"], ["psad-reperage-suivi", "mlds-actions-prevention", "classe-relais"]),
        new("sortant-precoce", "Sortant précoce",
            "L'indicateur européen : la part des 18-24 ans qui ne sont ni en études ni en formation et n'ont pas dépassé le premier cycle du secondaire. C'est un taux calculé par enquête sur toute une classe d'âge (7,6 % en France en 2023), et non un nombre de jeunes repérés.",
            [], ["e2c-auvergne-rhone-alpes", "lycee-nouvelle-chance"],
            "À ne pas additionner ni comparer aux décrocheurs repérés par SIEI : les deux mesures ne comptent ni les mêmes âges, ni de la même façon. L'observatoire ne calcule pas ce taux ; il peut l'afficher en chiffre de contexte, avec sa source."),
        new("sortant-sans-diplome", "Sortant sans diplôme",
            "Un flux annuel : les jeunes qui, une année donnée, quittent le système éducatif sans aucun diplôme. Troisième mesure du phénomène, elle aussi distincte des deux autres.",
            [], ["e2c-rhone", "epide", "prepa-apprentissage"]),
        new("siei", "SIEI (système interministériel d'échange d'informations)",
            "Le croisement national des fichiers des établissements scolaires, de l'apprentissage, de l'agriculture et des missions locales, qui produit la liste des jeunes de plus de 16 ans sortis sans diplôme et sans solution connue. Depuis février 2022, les PSAD reçoivent ces listes chaque mois ; ce sont des flux, si bien qu'un même jeune peut figurer sur plusieurs listes successives.",
            ["situations-signalees", "jeunes-reperes"], ["psad-reperage-suivi"],
            "Une situation signalée n'est pas une personne : l'observatoire compte à part les lignes des listes et les jeunes distincts."),
        new("psad", "PSAD (plateforme de suivi et d'appui aux décrocheurs)",
            "Le lieu où les acteurs d'un territoire se coordonnent pour retrouver, joindre, recevoir et accompagner chaque jeune des listes SIEI. Il en existe environ 380 en France et 42 en Auvergne-Rhône-Alpes, chacune animée à deux : un directeur de CIO et une mission locale.",
            ["jeunes-reperes", "jeunes-joints", "jeunes-injoignables", "jeunes-refus"], ["psad-reperage-suivi", "cio-conseil-orientation", "mission-locale-accompagnement"]),
        new("entretien-de-situation", "Entretien de situation",
            "L'entretien structuré qui fait le point avec le jeune sur son parcours et son projet. Il précède toute entrée dans une action de la MLDS et débouche sur une proposition : retour en formation, aide à l'insertion ou action spécifique.",
            ["jeunes-joints"], ["mlds-entretien-de-situation", "cio-conseil-orientation"]),
        new("mlds", "MLDS (mission de lutte contre le décrochage scolaire)",
            "Le service de l'Éducation nationale qui repère, prévient et remédie : il participe aux PSAD et aux réseaux FoQualE, conduit les entretiens de situation avec les CIO et propose des actions pour les 16 ans et plus, comme l'accueil et la remobilisation (AAR) ou la re-préparation d'un examen échoué (MOREA).",
            ["jeunes-en-solution"], ["mlds-entretien-de-situation", "mlds-aar", "mlds-morea", "mlds-remobilisation-remise-a-niveau"]),
        new("obligation-de-formation", "Obligation de formation",
            "Depuis la rentrée 2020, tout jeune de 16 à 18 ans doit être en études, en apprentissage, en formation, en emploi, en service civique ou dans un accompagnement. La mission locale, avec le CIO, veille à ce qu'une solution soit trouvée ; si le jeune ne répond pas, elle le convoque avec son représentant légal, et si l'obligation n'est toujours pas remplie deux mois après, le dossier part au président du conseil départemental.",
            ["jeunes-en-solution", "jeunes-injoignables"], ["obligation-de-formation-16-18", "mission-locale-accompagnement"]),
        new("sortie-positive", "Sortie positive",
            "Au sens des écoles de la 2e chance : un jeune qui part vers un CDI, un CDD long, une formation qualifiante, un contrat d'apprentissage ou de professionnalisation. Le suivi pendant l'année qui suit la sortie compte : il a fait passer la part de sorties positives des E2C de 55 % à 62 %.",
            ["jeunes-en-solution"], ["e2c-rhone", "e2c-auvergne-rhone-alpes"]),
        new("e2c", "E2C (école de la 2e chance)",
            "Un centre de formation pour les 16-25 ans sortis de l'école sans qualification suffisante, admis sur leur seule motivation. Le parcours, rémunéré sous le statut de stagiaire de la formation professionnelle, alterne remise à niveau et périodes en entreprise, puis le jeune est suivi pendant douze mois après sa sortie.",
            ["jeunes-en-solution"], ["e2c-rhone", "e2c-auvergne-rhone-alpes"]),
        new("raccrochage", "Raccrochage",
            "Le retour d'un jeune décroché vers une formation, un apprentissage, un emploi ou un accompagnement. Les réseaux FoQualE coordonnent les solutions de l'Éducation nationale ; d'autres structures offrent une seconde chance au lycée ou en dehors.",
            ["jeunes-en-solution", "jeunes-deja-accompagnes"], ["foquale-objectif-formation-emploi", "lycee-nouvelle-chance", "micro-lycee-saint-marc", "ma-seconde-chance"]),
        new("neet", "NEET",
            "De l'anglais « neither in employment, education nor training » : un jeune qui n'est ni en emploi, ni en études, ni en formation. Tous les NEET ne sont pas des décrocheurs (certains ont un diplôme), et tous les décrocheurs ne restent pas NEET.",
            ["jeunes-refus"], ["contrat-engagement-jeune", "mission-locale-accompagnement", "service-civique"]),
    ];
}
