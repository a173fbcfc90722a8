namespace Raccroche.Bench;

/// <summary>
/// French word lists the synthetic catalogue is written from. The vocabulary is wide on purpose
/// (about 130 trades, 45 sectors, 40 kinds of action, several hundred sentence parts) so that a
/// text search matches a realistic share of the catalogue rather than all of it or none.
/// </summary>
internal static class Lexique
{
    public static readonly string[] Metiers =
    [
        "boulanger", "pâtissier", "cuisinier", "commis de cuisine", "serveur", "barman", "plongeur", "réceptionniste",
        "mécanicien automobile", "mécanicien poids lourds", "mécanicien agricole", "mécanicien cycles", "carrossier",
        "peintre automobile", "électricien", "plombier", "chauffagiste", "frigoriste", "maçon", "menuisier", "ébéniste",
        "peintre en bâtiment", "couvreur", "charpentier", "plaquiste", "carreleur", "façadier", "solier", "serrurier",
        "métallier", "soudeur", "chaudronnier", "tuyauteur", "tourneur", "fraiseur", "usineur", "ajusteur",
        "technicien de maintenance", "agent de maintenance", "électrotechnicien", "monteur câbleur", "électronicien",
        "cariste", "préparateur de commandes", "magasinier", "agent logistique", "chauffeur livreur", "chauffeur routier",
        "conducteur de bus", "déménageur", "agent de sécurité", "agent de propreté", "agent d'entretien",
        "aide-soignant", "auxiliaire de vie", "aide à domicile", "agent de service hospitalier", "brancardier",
        "ambulancier", "auxiliaire de puériculture", "assistant maternel", "animateur", "éducateur sportif",
        "moniteur de ski", "maître-nageur", "coiffeur", "esthéticien", "barbier", "vendeur", "employé de commerce",
        "caissier", "conseiller de vente", "téléconseiller", "agent d'accueil", "secrétaire", "assistant administratif",
        "comptable", "gestionnaire de paie", "développeur web", "technicien informatique", "technicien réseau",
        "installateur fibre optique", "infographiste", "monteur vidéo", "photographe", "technicien son", "régisseur",
        "jardinier paysagiste", "agent d'espaces verts", "ouvrier agricole", "maraîcher", "viticulteur", "arboriculteur",
        "horticulteur", "bûcheron", "élagueur", "palefrenier", "soigneur animalier", "boucher", "charcutier",
        "poissonnier", "fromager", "traiteur", "chocolatier", "opérateur de production", "conducteur de ligne",
        "agent de fabrication", "conducteur d'engins", "grutier", "canalisateur", "agent de voirie", "couturier",
        "tapissier", "cordonnier", "imprimeur", "agent funéraire", "facteur", "agent de tri", "valoriste",
        "agent de déchetterie", "technicien éolien", "installateur photovoltaïque", "matelot", "mareyeur",
        "mécanicien marine", "agent d'escale", "steward", "hôte de caisse", "préparateur en pharmacie",
        "opticien", "prothésiste dentaire", "agent de restauration collective", "pizzaïolo", "crêpier",
    ];

    public static readonly string[] Secteurs =
    [
        "bâtiment", "travaux publics", "industrie", "métallurgie", "aéronautique", "automobile", "logistique",
        "transport", "commerce", "grande distribution", "hôtellerie", "restauration", "tourisme", "agriculture",
        "viticulture", "environnement", "recyclage", "énergie", "numérique", "informatique", "santé",
        "services à la personne", "petite enfance", "sport", "animation", "culture", "spectacle", "propreté",
        "sécurité", "artisanat", "métiers de bouche", "mode", "beauté", "banque", "fonction publique", "défense",
        "économie sociale et solidaire", "ferroviaire", "maritime", "nautisme", "forêt", "paysage", "plasturgie",
        "chimie", "agroalimentaire",
    ];

    /// <summary>A kind of action, the entry it belongs to, its data·inclusion type and likely thématiques.</summary>
    public sealed record Action(string Nom, string Entree, string Type, string[] Thematiques, bool AvecMetier);

    public static readonly Action[] Actions =
    [
        new("Atelier découverte des métiers", "reflechir-projet", "atelier", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"], true),
        new("Stage de remobilisation", "reflechir-projet", "accompagnement", ["remobilisation--bien-etre-confiance-en-soi", "remobilisation--lien-social"], false),
        new("Parcours d'orientation", "reflechir-projet", "accompagnement", ["choisir-un-metier--identifier-ses-points-forts-et-ses-competences", "choisir-un-metier--confirmer-son-choix-de-metier"], true),
        new("Bilan d'orientation", "reflechir-projet", "accompagnement", ["choisir-un-metier--identifier-ses-points-forts-et-ses-competences"], false),
        new("Immersion en entreprise", "reflechir-projet", "accompagnement", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite", "choisir-un-metier--confirmer-son-choix-de-metier"], true),
        new("Service civique", "reflechir-projet", "accompagnement", ["remobilisation--benevolat-action-citoyenne"], false),
        new("Accompagnement au projet professionnel", "reflechir-projet", "accompagnement", ["choisir-un-metier--confirmer-son-choix-de-metier", "choisir-un-metier--connaitre-les-opportunites-demploi"], true),
        new("Atelier confiance en soi", "reflechir-projet", "atelier", ["remobilisation--bien-etre-confiance-en-soi"], false),
        new("Chantier éducatif", "reflechir-projet", "accompagnement", ["remobilisation--lien-social", "remobilisation--benevolat-action-citoyenne"], true),
        new("Remobilisation par le sport", "reflechir-projet", "atelier", ["remobilisation--activites-sportives-et-culturelles", "remobilisation--bien-etre-confiance-en-soi"], false),
        new("Atelier théâtre et expression", "reflechir-projet", "atelier", ["remobilisation--activites-sportives-et-culturelles"], false),
        new("Plateforme de suivi des décrocheurs", "reflechir-projet", "information", ["choisir-un-metier--confirmer-son-choix-de-metier", "se-former--trouver-sa-formation"], false),
        new("Mobilité internationale", "reflechir-projet", "accompagnement", ["souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger"], false),
        new("Formation qualifiante", "se-former", "formation", ["se-former--trouver-sa-formation"], true),
        new("Préparation au CAP", "se-former", "formation", ["se-former--trouver-sa-formation", "se-former--monter-son-dossier-de-formation"], true),
        new("Prépa apprentissage", "se-former", "formation", ["se-former--trouver-sa-formation", "preparer-sa-candidature--valoriser-ses-competences"], true),
        new("Remise à niveau", "se-former", "formation", ["lecture-ecriture-calcul--maitriser-le-francais", "lecture-ecriture-calcul--maitriser-le-calcul"], false),
        new("Savoirs de base", "se-former", "formation", ["lecture-ecriture-calcul--maitriser-le-francais", "lecture-ecriture-calcul--maitriser-le-calcul"], false),
        new("Formation préqualifiante", "se-former", "formation", ["se-former--trouver-sa-formation"], true),
        new("Titre professionnel", "se-former", "formation", ["se-former--trouver-sa-formation"], true),
        new("École de la deuxième chance", "se-former", "formation", ["se-former--trouver-sa-formation", "lecture-ecriture-calcul--maitriser-le-francais"], false),
        new("Retour en formation initiale", "se-former", "accompagnement", ["se-former--monter-son-dossier-de-formation"], false),
        new("Micro-lycée", "se-former", "formation", ["se-former--trouver-sa-formation"], false),
        new("Français langue étrangère", "se-former", "formation", ["lecture-ecriture-calcul--maitriser-le-francais"], false),
        new("Préparation au permis B", "se-former", "formation", ["mobilite--preparer-un-permis", "mobilite--financer-ma-mobilite"], false),
        new("Certification CléA", "se-former", "formation", ["lecture-ecriture-calcul--maitriser-le-francais", "numerique--maitriser-les-fondamentaux-du-numerique"], false),
        new("Initiation au numérique", "se-former", "atelier", ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"], false),
        new("Chantier d'insertion", "emploi", "accompagnement", ["trouver-un-emploi--maintien-dans-lemploi", "preparer-sa-candidature--valoriser-ses-competences"], true),
        new("Contrat d'engagement jeune", "emploi", "accompagnement", ["trouver-un-emploi--repondre-a-des-offres-demploi", "difficultes-financieres--acquerir-une-autonomie-budgetaire"], false),
        new("Parrainage vers l'emploi", "emploi", "accompagnement", ["preparer-sa-candidature--developper-son-reseau"], true),
        new("Job dating", "emploi", "information", ["trouver-un-emploi--convaincre-un-recruteur-en-entretien"], true),
        new("Accompagnement intensif vers l'emploi", "emploi", "accompagnement", ["preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi", "trouver-un-emploi--repondre-a-des-offres-demploi"], false),
        new("Entreprise d'insertion", "emploi", "accompagnement", ["trouver-un-emploi--maintien-dans-lemploi"], true),
        new("Préparation opérationnelle à l'emploi", "emploi", "formation", ["se-former--trouver-sa-formation", "trouver-un-emploi--repondre-a-des-offres-demploi"], true),
        new("Club de recherche d'emploi", "emploi", "atelier", ["preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"], false),
        new("Atelier CV et entretien", "emploi", "atelier", ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation", "trouver-un-emploi--convaincre-un-recruteur-en-entretien"], false),
        new("Apprentissage accompagné", "emploi", "accompagnement", ["se-former--trouver-sa-formation", "trouver-un-emploi--maintien-dans-lemploi"], true),
        new("Groupement d'employeurs pour l'insertion", "emploi", "accompagnement", ["trouver-un-emploi--repondre-a-des-offres-demploi"], true),
        new("Aide à la création d'activité", "emploi", "accompagnement", ["creer-une-entreprise--definir-son-projet-de-creation-dentreprise"], true),
        new("Mise en situation professionnelle", "emploi", "accompagnement", ["choisir-un-metier--confirmer-son-choix-de-metier", "preparer-sa-candidature--valoriser-ses-competences"], true),
    ];

    public static readonly string[] Publics =
    [
        "jeunes sortis du système scolaire sans diplôme", "jeunes de 16 à 25 ans", "décrocheurs scolaires",
        "jeunes suivis par la mission locale", "jeunes ni en emploi ni en formation", "jeunes des quartiers prioritaires",
        "jeunes en situation de handicap", "jeunes sous main de justice", "jeunes réfugiés", "mineurs non accompagnés",
        "jeunes en rupture familiale", "jeunes des zones rurales", "jeunes parents", "bénéficiaires du contrat d'engagement jeune",
    ];

    public static readonly string[] Competences =
    [
        "gestes et postures", "sécurité au travail", "hygiène alimentaire HACCP", "CACES", "habilitation électrique",
        "sauveteur secouriste du travail", "bureautique", "relation client", "travail en équipe", "lecture de plans",
        "savoir-être professionnel", "code de la route", "prise de parole", "gestion du budget", "anglais professionnel",
        "outils numériques", "techniques de vente", "soudure à l'arc", "tri des déchets", "conduite de chariot",
    ];

    public static readonly string[] Lieux =
    [
        "au sein de notre atelier pédagogique", "dans une entreprise partenaire", "sur un chantier école", "au centre de formation",
        "dans les locaux de la mission locale", "en plateau technique", "sur le terrain avec une équipe d'encadrants",
        "dans un restaurant d'application", "dans une ferme pédagogique", "dans un garage solidaire", "en ressourcerie",
        "dans un fablab", "au lycée professionnel", "en internat éducatif",
    ];

    public static readonly string[] PhrasesResume =
    [
        "Un parcours de {semaines} semaines pour découvrir le métier de {metier} et préparer une entrée en apprentissage.",
        "Se former au métier de {metier} dans le secteur {secteur}, avec des périodes en entreprise.",
        "Reprendre confiance et construire un projet dans le secteur {secteur}, à son rythme.",
        "Une première expérience rémunérée dans le secteur {secteur}, encadrée par des professionnels.",
        "Préparer un diplôme de {metier} avec un accompagnement renforcé et un suivi individuel.",
        "Découvrir les métiers du secteur {secteur} par des visites, des rencontres et des stages.",
        "Retrouver les bases en français, en calcul et en {competence} avant une formation.",
        "Un accompagnement vers l'emploi de {metier}, avec des mises en relation avec des employeurs.",
        "Acquérir les compétences attendues dans le secteur {secteur} : {competence}, {competence2}.",
        "Pour les {public} qui veulent reprendre une formation ou un emploi.",
    ];

    public static readonly string[] PhrasesDescription =
    [
        "Ce dispositif s'adresse aux {public} qui souhaitent s'orienter vers le secteur {secteur}.",
        "Les participants découvrent le métier de {metier} {lieu}, encadrés par des formateurs expérimentés.",
        "Le parcours alterne des temps collectifs et des entretiens individuels avec un conseiller référent.",
        "Les jeunes préparent une certification en {competence} reconnue par les employeurs du secteur {secteur}.",
        "Des périodes de mise en situation en milieu professionnel permettent de confirmer le projet de {metier}.",
        "Un accompagnement social est proposé pour lever les freins : logement, mobilité, santé, démarches administratives.",
        "L'entrée se fait après un entretien d'information collective organisé chaque mois.",
        "La formation dure {semaines} semaines, à raison de {heures} heures par semaine, {lieu}.",
        "Les stagiaires peuvent percevoir une rémunération et bénéficier d'une aide au transport.",
        "À l'issue du parcours, les jeunes sont orientés vers un contrat d'apprentissage, une formation qualifiante ou un emploi.",
        "Le programme inclut des modules de {competence} et de {competence2}.",
        "Les employeurs partenaires du secteur {secteur} participent aux jurys et proposent des offres.",
        "Une attention particulière est portée aux {public}.",
        "Les ateliers de remobilisation s'appuient sur le sport, la culture et des projets collectifs.",
        "Le suivi se poursuit six mois après la sortie pour sécuriser l'insertion professionnelle.",
        "Les candidats sont orientés par la mission locale, France Travail, le CIO ou les services sociaux.",
        "La structure met à disposition des équipements professionnels pour apprendre les gestes du métier de {metier}.",
        "Un tuteur en entreprise accompagne chaque jeune pendant les périodes d'immersion.",
        "Les compétences acquises sont valorisées par une attestation et un passeport de compétences.",
        "Le dispositif est financé par la région, l'État et le fonds social européen.",
        "Il est possible d'entrer dans le parcours tout au long de l'année, selon les places disponibles.",
        "Les jeunes travaillent leur projet professionnel et préparent leur CV et leurs entretiens.",
        "Des visites d'entreprises du secteur {secteur} et des rencontres avec des professionnels sont organisées.",
        "Le parcours prévoit une remise à niveau en français, mathématiques et {competence}.",
    ];

    public static readonly string[] NomsPropres =
    [
        "Jean Moulin", "Victor Hugo", "Louise Michel", "Jules Ferry", "Marie Curie", "Simone Veil", "Jean Jaurès",
        "Émile Zola", "Albert Camus", "Paul Langevin", "Gustave Eiffel", "Pierre Mendès France", "Rosa Parks",
        "Nelson Mandela", "Olympe de Gouges", "Jacques Prévert", "Antoine de Saint-Exupéry", "George Sand",
        "Charles de Gaulle", "Lucie Aubrac", "Germaine Tillion", "Léonard de Vinci", "Jean Monnet", "Camille Claudel",
    ];

    public static readonly string[] MotsAssociation =
    [
        "Tremplin", "Passerelle", "Rebond", "Horizon", "Cap Avenir", "Élan", "Déclic", "Envol", "Boussole",
        "Trajectoires", "Parcours", "Relais", "Ressources", "Solidarité", "Avenir Jeunes", "Nouveau Départ",
        "Atelier", "Chantiers", "Initiatives", "Insertion", "Compagnons", "Régie de quartier", "Maison des jeunes",
    ];

    /// <summary>Words people type in the search box: trades, sectors, actions, with a few prefixes and typos.</summary>
    public static readonly string[] MotsRecherche =
    [
        "cuisine", "cuisinier", "mécanique", "mécanicien", "bâtiment", "logistique", "numérique", "soudeur", "soudure",
        "apprentissage", "remobilisation", "permis", "cariste", "aide-soignant", "restauration", "vente", "commerce",
        "électricien", "plombier", "maçon", "menuisier", "coiffure", "coiffeur", "informatique", "espaces verts",
        "paysagiste", "agriculture", "boulanger", "pâtissier", "sport", "animateur", "sécurité", "propreté",
        "hôtellerie", "transport", "chauffeur", "santé", "petite enfance", "auxiliaire de vie", "CAP", "remise à niveau",
        "service civique", "chantier", "insertion", "immersion", "orientation", "décrochage", "emploi", "formation",
        "industrie", "maintenance", "environnement", "recyclage", "couvreur", "peintre", "carrossier", "boucher",
        "théâtre", "confiance", "français", "CléA", "internat", "rémunéré", "métiers", "qualifiante", "job dating",
    ];

    public static readonly string[] MotsRechercheFautes =
    [
        "mecanique", "batiment", "cuisinie", "logistiqe", "informatik", "electricien", "plombié", "patissier",
        "méca", "logist", "numéri", "boulang", "apprenti", "restau", "menuis", "soud",
    ];
}
