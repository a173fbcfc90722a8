using Microsoft.EntityFrameworkCore.Migrations;

namespace Raccroche.Web.Donnees.Migrations;

/// <summary>
/// Data carried over by the SecuriteDonnees migration (kept here so that a regenerated migration only needs to call it
/// again at the end of its Up): the requests' commune and département from what is known, the outbox's status, and the
/// link of each mail to the request it repeats. A request whose commune cannot be found stays without one: its
/// structure's members see it, coordinators do not.
/// </summary>
public static class RepriseSecuriteDonnees
{
    private const string Statuts = """UPDATE "MessagesSortants" SET "Statut" = CASE WHEN "EnvoyeLe" IS NULL THEN 'en-attente' ELSE 'envoye' END;""";

    /// <summary>The département from the commune directory, else from the code itself (97x for overseas).</summary>
    private const string Departements = """
        UPDATE "DemandesContact" SET "Departement" = (SELECT c."Departement" FROM "Communes" c WHERE c."CodeInsee" = "DemandesContact"."CodeCommune")
        WHERE "CodeCommune" IS NOT NULL;
        UPDATE "DemandesContact" SET "Departement" = CASE WHEN substr("CodeCommune", 1, 2) = '97' THEN substr("CodeCommune", 1, 3) ELSE substr("CodeCommune", 1, 2) END
        WHERE "Departement" IS NULL AND "CodeCommune" IS NOT NULL;
        """;

    public static void Sqlite(MigrationBuilder m)
    {
        m.Sql(Statuts);

        // The young person's answers hold the commune; an anonymised request keeps only {"departement":"63"}.
        m.Sql("""
            UPDATE "DemandesContact" SET "CodeCommune" = upper(json_extract("Reponses", '$.code_commune'))
            WHERE json_valid("Reponses") AND json_type("Reponses", '$.code_commune') = 'text' AND length(json_extract("Reponses", '$.code_commune')) = 5;
            """);
        m.Sql(Departements);
        m.Sql("""
            UPDATE "DemandesContact" SET "Departement" = upper(json_extract("Reponses", '$.departement'))
            WHERE "Departement" IS NULL AND json_valid("Reponses") AND json_type("Reponses", '$.departement') = 'text' AND length(json_extract("Reponses", '$.departement')) IN (2, 3);
            """);

        // Mails about one request quote its reference (RC- and 6 characters) in their subject.
        m.Sql("""
            UPDATE "MessagesSortants" SET "DemandeId" = (SELECT d."Id" FROM "DemandesContact" d WHERE d."Reference" = substr("MessagesSortants"."Sujet", instr("MessagesSortants"."Sujet", 'RC-'), 9))
            WHERE instr("Sujet", 'RC-') > 0;
            """);
    }

    public static void Postgres(MigrationBuilder m)
    {
        m.Sql(Statuts);
        m.Sql("""
            UPDATE "DemandesContact" SET "CodeCommune" = upper(substring("Reponses" from '"code_commune":"([0-9AaBb]{5})"'))
            WHERE "Reponses" ~ '"code_commune":"[0-9AaBb]{5}"';
            """);
        m.Sql(Departements);
        m.Sql("""
            UPDATE "DemandesContact" SET "Departement" = upper(substring("Reponses" from '"departement":"([0-9AaBb]{2,3})"'))
            WHERE "Departement" IS NULL AND "Reponses" ~ '"departement":"[0-9AaBb]{2,3}"';
            """);
        m.Sql("""
            UPDATE "MessagesSortants" SET "DemandeId" = (SELECT d."Id" FROM "DemandesContact" d WHERE d."Reference" = substr("MessagesSortants"."Sujet", strpos("MessagesSortants"."Sujet", 'RC-'), 9))
            WHERE strpos("Sujet", 'RC-') > 0;
            """);
    }
}
