
namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// Every vocabulary of the catalogue. Thématiques, types, publics, frais, modes and réseaux come from
/// the data·inclusion schema v1 (copied in Donnees/Vocabulaires); entries, levels, situations and
/// structure kinds are the dropout field's own.
/// </summary>
public static class Vocabulaire
{
    public static readonly Liste Entrees = new("entree",
    [
        new("reflechir-projet", "Réfléchir à un projet", "Faire le point, découvrir des métiers, construire un projet"),
        new("se-former", "Se former", "Reprendre une formation, préparer un diplôme, retrouver les bases"),
        new("emploi", "S'orienter vers un emploi", "Être accompagné vers un travail, un contrat, une mission"),
    ]);

    public static readonly Liste Niveaux = new("niveau",
    [
        new("sans-diplome", "Sans diplôme"),
        new("niveau-3", "Niveau 3 (CAP, BEP)"),
        new("niveau-4", "Niveau 4 (baccalauréat)"),
        new("niveau-5", "Niveau 5 (bac + 2)"),
        new("niveau-6", "Niveau 6 et plus (licence...)"),
    ]);

    public static readonly Liste Situations = new("situation",
    [
        new("scolarise-en-risque", "Scolarisé·e, en risque de décrochage"),
        new("sorti-sans-diplome", "Sorti·e de l'école sans diplôme"),
        new("en-formation-en-difficulte", "En formation ou en apprentissage, en difficulté"),
        new("diplome-sans-emploi", "Diplômé·e, sans emploi"),
        new("emploi-precaire", "Petits boulots, emploi précaire"),
        new("demandeur-emploi", "Demandeur·se d'emploi"),
        new("handicap", "En situation de handicap (RQTH)"),
        new("sous-main-de-justice", "Sous décision de justice"),
        new("refugie-demandeur-asile", "Réfugié·e ou demandeur·se d'asile"),
        new("residant-qpv", "Habitant·e d'un quartier prioritaire"),
    ]);

    public static readonly Liste TypesStructure = new("type_structure",
    [
        new("mission-locale", "Mission locale"),
        new("cio", "Centre d'information et d'orientation (CIO)"),
        new("mlds", "Mission de lutte contre le décrochage scolaire (MLDS)"),
        new("psad", "Plateforme de suivi et d'appui aux décrocheurs (PSAD)"),
        new("e2c", "École de la 2e chance"),
        new("epide", "EPIDE"),
        new("lycee", "Lycée ou établissement scolaire"),
        new("association", "Association"),
        new("service-etat", "Service de l'État"),
        new("organisme-formation", "Organisme de formation"),
        new("collectivite", "Collectivité"),
        new("autre", "Autre"),
    ]);

    /// <summary>The top level of data·inclusion thématiques (the part before "--").</summary>
    public static readonly Liste CategoriesThematiques = new("categorie",
    [
        new("choisir-un-metier", "Choisir un métier"),
        new("creer-une-entreprise", "Créer une entreprise"),
        new("difficultes-administratives-ou-juridiques", "Difficultés administratives ou juridiques"),
        new("difficultes-financieres", "Difficultés financières"),
        new("equipement-et-alimentation", "Équipement et alimentation"),
        new("famille", "Famille"),
        new("lecture-ecriture-calcul", "Lire, écrire, calculer"),
        new("logement-hebergement", "Logement et hébergement"),
        new("mobilite", "Mobilité"),
        new("numerique", "Numérique"),
        new("preparer-sa-candidature", "Préparer sa candidature"),
        new("remobilisation", "Remobilisation"),
        new("sante", "Santé"),
        new("se-former", "Se former"),
        new("souvrir-a-linternational", "S'ouvrir à l'international"),
        new("trouver-un-emploi", "Trouver un emploi"),
    ]);

    public static readonly Liste Thematiques = Charger("thematiques", "thematique");
    public static readonly Liste TypesService = Charger("types-de-services", "type");
    public static readonly Liste Publics = Charger("publics", "public");
    public static readonly Liste Frais = Charger("frais", "frais");
    public static readonly Liste ModesAccueil = Charger("modes-accueil", "mode_accueil");
    public static readonly Liste ModesMobilisation = Charger("modes-mobilisation", "mode_mobilisation");
    public static readonly Liste PersonnesMobilisatrices = Charger("personnes-mobilisatrices", "personne_mobilisatrice");
    public static readonly Liste ReseauxPorteurs = Charger("reseaux-porteurs", "reseau_porteur");

    public static string CategorieDe(string thematique)
    {
        var i = thematique.IndexOf("--", StringComparison.Ordinal);
        return i < 0 ? thematique : thematique[..i];
    }

    private static Liste Charger(string fichier, string nom)
    {
        var asm = typeof(Vocabulaire).Assembly;
        using var stream = asm.GetManifestResourceStream($"Raccroche.Vocabulary.{fichier}.json")
            ?? throw new InvalidOperationException($"Vocabulary file {fichier}.json is not embedded.");
        var items = JsonSerializer.Deserialize<List<VocabItem>>(stream)
            ?? throw new InvalidOperationException($"Vocabulary file {fichier}.json is empty.");
        return new Liste(nom, items.Select(i => new Terme(i.value, i.label, i.description)));
    }

#pragma warning disable IDE1006 // JSON field names of the data·inclusion files
    private sealed record VocabItem(string value, string label, string? description);
#pragma warning restore IDE1006
}
