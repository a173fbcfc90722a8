using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Bench;

/// <summary>
/// Query (b) in PostgreSQL on the same data, in the manner of the national data·inclusion API's
/// service search (zone of eligibility against the commune, distance to the places, French text
/// search on stored tsvectors): here French full text on name + summary + description with a GIN
/// index, and a haversine in SQL with a bounding-box prefilter on a (latitude, longitude) index,
/// PostGIS not being installed.
/// </summary>
internal static class PostgresBench
{
    public const string Base = "raccroche_bench";

    /// <summary>
    /// (b) in SQL. Same semantics as the index: every query word must match (plainto_tsquery is an
    /// AND), age and level filters where the programme sets them, zone covering the commune, and a
    /// programme with places kept only if one is within the radius (one without places is kept).
    /// Ordered by ts_rank then distance; the total comes from a window count over the matches.
    /// </summary>
    public const string RequeteB = """
        WITH proches AS (
            SELECT dl."DispositifsId" AS id,
                   min(2 * 6371.0088 * asin(least(1, sqrt(
                       power(sin(radians(l."Latitude" - @lat) / 2), 2) +
                       cos(radians(@lat)) * cos(radians(l."Latitude")) *
                       power(sin(radians(l."Longitude" - @lon) / 2), 2))))) AS km
            FROM "Lieux" l
            JOIN "DispositifLieux" dl ON dl."LieuxId" = l."Id"
            WHERE l."Latitude" BETWEEN @lat_min AND @lat_max
              AND l."Longitude" BETWEEN @lon_min AND @lon_max
            GROUP BY dl."DispositifsId"
        ),
        resultats AS (
            SELECT d."Id", d."Nom", ts_rank(d.recherche, q.tsq) AS rang, p.km
            FROM "Dispositifs" d
            CROSS JOIN plainto_tsquery('french', @texte) AS q(tsq)
            LEFT JOIN proches p ON p.id = d."Id"
            WHERE d.recherche @@ q.tsq
              AND NOT d."Suspendu"
              AND (d."AgeMin" IS NULL OR d."AgeMin" <= @age)
              AND (d."AgeMax" IS NULL OR d."AgeMax" >= @age)
              AND (cardinality(d."Niveaux") = 0 OR @niveau = ANY (d."Niveaux"))
              AND CASE d."ZoneType"
                    WHEN 'France' THEN true
                    WHEN 'Region' THEN @region = ANY (d."ZoneCodes")
                    WHEN 'Departements' THEN @departement = ANY (d."ZoneCodes")
                    WHEN 'Epci' THEN coalesce(@epci = ANY (d."ZoneCodes"), false)
                    WHEN 'Communes' THEN @commune = ANY (d."ZoneCodes")
                    ELSE false
                  END
              AND (p.km <= @rayon
                   OR (p.id IS NULL AND NOT EXISTS (SELECT 1 FROM "DispositifLieux" x WHERE x."DispositifsId" = d."Id")))
        )
        SELECT "Id", "Nom", rang, km, count(*) OVER () AS total
        FROM resultats
        ORDER BY rang DESC, km NULLS LAST, "Id"
        LIMIT 20
        """;

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var fichier = o.Requis("db");
        var pg = o.Requis("pg");
        var n = o.Entier("n", 1000);
        var seed = o.Entier("seed", 7);
        Mesure.Machine();

        var sw = Stopwatch.StartNew();
        var (communes, dispositifs, structures) = await Catalogue.ToutAsync(fichier);

        Console.WriteLine($"Read from SQLite in {sw.ElapsedMilliseconds} ms: {communes.Count:N0} communes, {structures.Count:N0} structures, {dispositifs.Count:N0} programmes");

        var builder = new NpgsqlConnectionStringBuilder(pg) { Database = Base, IncludeErrorDetail = true };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        if (o.Texte("reutiliser") == "true" && await ExisteAsync(pg))
        {
            Console.WriteLine($"Database {Base} reused as it is (--reutiliser): it must come from the same file {fichier}.");
        }
        else
        {
            await ChargerAsync(pg, builder.ConnectionString, source, communes, structures, dispositifs);
        }

        // The same parameter sets as (b) in process, timed in process here too for a like-for-like ratio.
        var annuaire = new RepertoireCommunes(communes);
        var index = CatalogueIndex.Construire(dispositifs, annuaire, 1);
        dispositifs = null!;
        structures = null!;
        var jeux = JeuRequete.Tirer(n, seed, communes);
        var echauffement = JeuRequete.Tirer(200, seed + 1000, communes);
        foreach (var j in echauffement.Concat(echauffement).Concat(echauffement))
        {
            index.Rechercher(j.Complete());
        }

        Thread.Sleep(200);
        Console.WriteLine();
        Console.WriteLine($"(b) in process — {Mesure.Charge()}");
        var memoire = Mesure.Chronometrer("(b) in-process index", jeux, j => index.Rechercher(j.Complete()).Total);

        // A prepared statement switches to a generic plan after five runs, and the generic plan of this
        // query (bounding box and text unknown) takes seconds on common words. Python stacks such as the
        // data·inclusion API send literal queries, planned each time: force custom plans to match them.
        await using var connexion = await source.OpenConnectionAsync();
        await ExecuterAsync(connexion, "SET plan_cache_mode = force_custom_plan");
        await using var cmd = new NpgsqlCommand(RequeteB, connexion);
        var p = new Dictionary<string, NpgsqlParameter>
        {
            ["texte"] = new("texte", NpgsqlDbType.Text),
            ["lat"] = new("lat", NpgsqlDbType.Double),
            ["lon"] = new("lon", NpgsqlDbType.Double),
            ["lat_min"] = new("lat_min", NpgsqlDbType.Double),
            ["lat_max"] = new("lat_max", NpgsqlDbType.Double),
            ["lon_min"] = new("lon_min", NpgsqlDbType.Double),
            ["lon_max"] = new("lon_max", NpgsqlDbType.Double),
            ["age"] = new("age", NpgsqlDbType.Integer),
            ["niveau"] = new("niveau", NpgsqlDbType.Text),
            ["region"] = new("region", NpgsqlDbType.Text),
            ["departement"] = new("departement", NpgsqlDbType.Text),
            ["epci"] = new("epci", NpgsqlDbType.Text),
            ["commune"] = new("commune", NpgsqlDbType.Text),
            ["rayon"] = new("rayon", NpgsqlDbType.Double),
        };
        foreach (var parametre in p.Values)
        {
            cmd.Parameters.Add(parametre);
        }

        await cmd.PrepareAsync();

        int ExecuterB(JeuRequete j)
        {
            var c = j.Commune;
            var dLat = JeuRequete.RayonKm / 111.19;
            var dLon = JeuRequete.RayonKm / (111.19 * Math.Cos(c.Latitude * Math.PI / 180));
            p["texte"].Value = j.Texte;
            p["lat"].Value = c.Latitude;
            p["lon"].Value = c.Longitude;
            p["lat_min"].Value = c.Latitude - dLat;
            p["lat_max"].Value = c.Latitude + dLat;
            p["lon_min"].Value = c.Longitude - dLon;
            p["lon_max"].Value = c.Longitude + dLon;
            p["age"].Value = j.Age;
            p["niveau"].Value = j.Niveau;
            p["region"].Value = c.Region;
            p["departement"].Value = c.Departement;
            p["epci"].Value = (object?)c.Epci ?? DBNull.Value;
            p["commune"].Value = c.CodeInsee;
            p["rayon"].Value = JeuRequete.RayonKm;
            using var r = cmd.ExecuteReader();
            var total = 0;
            while (r.Read())
            {
                total = (int)r.GetInt64(4);
            }

            return total;
        }

        foreach (var j in echauffement)
        {
            ExecuterB(j);
        }

        Console.WriteLine($"(b) PostgreSQL — {Mesure.Charge()}");
        var sql = Mesure.Chronometrer("(b) PostgreSQL 15 ('french' full text + haversine)", jeux, ExecuterB);

        Console.WriteLine();
        Console.WriteLine(Serie.EnTete);
        Console.WriteLine(memoire.Ligne());
        Console.WriteLine(sql.Ligne() + " ← \"other processes\" includes the PostgreSQL server here");
        Console.WriteLine();
        Console.WriteLine($"Ratio PostgreSQL / in process: p50 ×{sql.P(0.5) / memoire.P(0.5):F1}, p99 ×{sql.P(0.99) / memoire.P(0.99):F1}, mean ×{sql.Moyenne / memoire.Moyenne:F1}");
        Console.WriteLine($"After measuring: {Mesure.Charge()}");

        Console.WriteLine();
        Console.WriteLine("The 10 slowest (b) queries in SQL (time SQL / in process, total SQL / in process):");
        var lentes = Enumerable.Range(0, jeux.Count).OrderByDescending(i => sql.DureesMs[i]).Take(10).ToList();
        foreach (var i in lentes)
        {
            var j = jeux[i];
            Console.WriteLine($"  {sql.DureesMs[i],9:F1} ms / {memoire.DureesMs[i],6:F2} ms  « {j.Texte} » {j.Commune.Nom} ({j.Commune.CodeInsee}) {j.Age} y {j.Niveau} — " +
                $"total {sql.Totaux[i]:N0} / {memoire.Totaux[i]:N0}");
        }

        await Plan(connexion, jeux[lentes[0]]);
        return 0;
    }

    private static async Task ChargerAsync(string pg, string connexion, NpgsqlDataSource source, List<Commune> communes,
        List<Structure> structures, List<Dispositif> dispositifs)
    {
        var sw = Stopwatch.StartNew();
        await RecreerBaseAsync(pg);
        sw.Restart();
        await using (var ctx = new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>()
            .UseNpgsql(connexion, x => x.MigrationsHistoryTable("__ef_migrations_history")).Options))
        {
            await ctx.Database.MigrateAsync();
        }

        Console.WriteLine($"Database {Base} recreated, the app's PostgreSQL migrations applied: {sw.ElapsedMilliseconds} ms");

        await using (var cx = await source.OpenConnectionAsync())
        {
            sw.Restart();
            await CopierAsync(cx, communes, structures, dispositifs);
            Console.WriteLine($"Binary COPY: {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            await ExecuterAsync(cx, """
                ALTER TABLE "Dispositifs" ADD COLUMN recherche tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('french', "Nom"), 'A') ||
                    setweight(to_tsvector('french', "Resume"), 'B') ||
                    setweight(to_tsvector('french', "Description"), 'C')) STORED;
                CREATE INDEX ix_dispositifs_recherche ON "Dispositifs" USING gin (recherche);
                CREATE INDEX ix_lieux_lat_lon ON "Lieux" ("Latitude", "Longitude");
                """);
            await ExecuterAsync(cx, "VACUUM ANALYZE");
            Console.WriteLine($"Stored 'french' tsvector + GIN index + (lat, lon) index + VACUUM ANALYZE: {sw.ElapsedMilliseconds} ms");
            await using var taille = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database())), pg_size_pretty(pg_relation_size('ix_dispositifs_recherche'))", cx);
            await using (var r = await taille.ExecuteReaderAsync())
            {
                await r.ReadAsync();
                Console.WriteLine($"Database size: {r.GetString(0)}; GIN index: {r.GetString(1)}");
            }
        }
    }

    private static async Task<bool> ExisteAsync(string pg)
    {
        var admin = new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false };
        await using var cx = new NpgsqlConnection(admin.ConnectionString);
        await cx.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{Base}'", cx);
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    private static async Task RecreerBaseAsync(string pg)
    {
        var admin = new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false };
        await using var cx = new NpgsqlConnection(admin.ConnectionString);
        await cx.OpenAsync();
        await ExecuterAsync(cx, $"DROP DATABASE IF EXISTS {Base} WITH (FORCE)");
        await ExecuterAsync(cx, $"CREATE DATABASE {Base} TEMPLATE template0 ENCODING 'UTF8'");
    }

    private static async Task ExecuterAsync(NpgsqlConnection cx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, cx) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task Plan(NpgsqlConnection cx, JeuRequete j)
    {
        var c = j.Commune;
        var dLat = JeuRequete.RayonKm / 111.19;
        var dLon = JeuRequete.RayonKm / (111.19 * Math.Cos(c.Latitude * Math.PI / 180));
        await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + RequeteB, cx);
        cmd.Parameters.AddWithValue("texte", j.Texte);
        cmd.Parameters.AddWithValue("lat", c.Latitude);
        cmd.Parameters.AddWithValue("lon", c.Longitude);
        cmd.Parameters.AddWithValue("lat_min", c.Latitude - dLat);
        cmd.Parameters.AddWithValue("lat_max", c.Latitude + dLat);
        cmd.Parameters.AddWithValue("lon_min", c.Longitude - dLon);
        cmd.Parameters.AddWithValue("lon_max", c.Longitude + dLon);
        cmd.Parameters.AddWithValue("age", j.Age);
        cmd.Parameters.AddWithValue("niveau", j.Niveau);
        cmd.Parameters.AddWithValue("region", c.Region);
        cmd.Parameters.AddWithValue("departement", c.Departement);
        cmd.Parameters.Add(new NpgsqlParameter("epci", NpgsqlDbType.Text) { Value = (object?)c.Epci ?? DBNull.Value });
        cmd.Parameters.AddWithValue("commune", c.CodeInsee);
        cmd.Parameters.AddWithValue("rayon", JeuRequete.RayonKm);
        Console.WriteLine();
        Console.WriteLine($"Plan for \"{j.Texte}\" around {c.Nom} ({c.CodeInsee}):");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            Console.WriteLine("    " + r.GetString(0));
        }
    }

    private static async Task CopierAsync(NpgsqlConnection cx, List<Commune> communes, List<Structure> structures, List<Dispositif> dispositifs)
    {
        await using (var w = await cx.BeginBinaryImportAsync("""
            COPY "Communes" ("CodeInsee", "Nom", "CodesPostaux", "Departement", "Region", "Epci", "Population", "Latitude", "Longitude", "PositionEstimee") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in communes)
            {
                await w.StartRowAsync();
                await w.WriteAsync(c.CodeInsee, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.Nom, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.CodesPostaux, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.Departement, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.Region, NpgsqlDbType.Varchar);
                await Ecrire(w, c.Epci, NpgsqlDbType.Varchar);
                await Ecrire(w, c.Population, NpgsqlDbType.Integer);
                await w.WriteAsync(c.Latitude, NpgsqlDbType.Double);
                await w.WriteAsync(c.Longitude, NpgsqlDbType.Double);
                await w.WriteAsync(c.PositionEstimee, NpgsqlDbType.Boolean);
            }

            await w.CompleteAsync();
        }

        await using (var w = await cx.BeginBinaryImportAsync("""
            COPY "Structures" ("Id", "Slug", "Nom", "Type", "ReseauPorteur", "Siret", "SiteWeb", "Description", "Courriel", "Telephone", "ZoneType", "ZoneCodes", "DateMaj") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var s in structures)
            {
                await w.StartRowAsync();
                await w.WriteAsync(s.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(s.Slug, NpgsqlDbType.Varchar);
                await w.WriteAsync(s.Nom, NpgsqlDbType.Varchar);
                await w.WriteAsync(s.Type, NpgsqlDbType.Varchar);
                await Ecrire(w, s.ReseauPorteur, NpgsqlDbType.Varchar);
                await Ecrire(w, s.Siret, NpgsqlDbType.Varchar);
                await Ecrire(w, s.SiteWeb, NpgsqlDbType.Varchar);
                await w.WriteAsync(s.Description, NpgsqlDbType.Varchar);
                await Ecrire(w, s.Courriel, NpgsqlDbType.Varchar);
                await Ecrire(w, s.Telephone, NpgsqlDbType.Varchar);
                await w.WriteAsync(s.ZoneType.ToString(), NpgsqlDbType.Varchar);
                await w.WriteAsync(s.ZoneCodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await w.WriteAsync(s.DateMaj, NpgsqlDbType.Date);
            }

            await w.CompleteAsync();
        }

        await using (var w = await cx.BeginBinaryImportAsync("""
            COPY "Lieux" ("Id", "Slug", "StructureId", "Nom", "Adresse", "CodePostal", "CodeInsee", "Latitude", "Longitude", "PositionApprochee", "Horaires", "AccessiblePmr", "Telephone", "Courriel") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var l in structures.SelectMany(s => s.Lieux).OrderBy(l => l.Id))
            {
                await w.StartRowAsync();
                await w.WriteAsync(l.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(l.Slug, NpgsqlDbType.Varchar);
                await w.WriteAsync(l.StructureId, NpgsqlDbType.Integer);
                await w.WriteAsync(l.Nom, NpgsqlDbType.Varchar);
                await Ecrire(w, l.Adresse, NpgsqlDbType.Varchar);
                await Ecrire(w, l.CodePostal, NpgsqlDbType.Varchar);
                await w.WriteAsync(l.CodeInsee, NpgsqlDbType.Varchar);
                await w.WriteAsync(l.Latitude, NpgsqlDbType.Double);
                await w.WriteAsync(l.Longitude, NpgsqlDbType.Double);
                await w.WriteAsync(l.PositionApprochee, NpgsqlDbType.Boolean);
                await Ecrire(w, l.Horaires, NpgsqlDbType.Varchar);
                await Ecrire(w, l.AccessiblePmr, NpgsqlDbType.Boolean);
                await Ecrire(w, l.Telephone, NpgsqlDbType.Varchar);
                await Ecrire(w, l.Courriel, NpgsqlDbType.Varchar);
            }

            await w.CompleteAsync();
        }

        await using (var w = await cx.BeginBinaryImportAsync("""
            COPY "Dispositifs" ("Id", "Slug", "Nom", "Resume", "Description", "Entrees", "Thematiques", "TypeService", "Publics", "AgeMin", "AgeMax", "Niveaux", "Situations", "ConditionsAcces", "DureeSemaines", "HeuresHebdo", "Internat", "Remunere", "RemunerationDetail", "Frais", "EntreePermanente", "Capacite", "ModesMobilisation", "PersonnesMobilisatrices", "PrescriptionProfessionnel", "LienMobilisation", "ZoneType", "ZoneCodes", "StructureId", "DateMaj", "Source", "Suspendu") FROM STDIN (FORMAT BINARY)
            """))
        {
            const NpgsqlDbType Liste = NpgsqlDbType.Array | NpgsqlDbType.Text;
            foreach (var d in dispositifs)
            {
                await w.StartRowAsync();
                await w.WriteAsync(d.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(d.Slug, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Nom, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Resume, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Description, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Entrees.ToArray(), Liste);
                await w.WriteAsync(d.Thematiques.ToArray(), Liste);
                await Ecrire(w, d.TypeService, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Publics.ToArray(), Liste);
                await Ecrire(w, d.AgeMin, NpgsqlDbType.Integer);
                await Ecrire(w, d.AgeMax, NpgsqlDbType.Integer);
                await w.WriteAsync(d.Niveaux.ToArray(), Liste);
                await w.WriteAsync(d.Situations.ToArray(), Liste);
                await Ecrire(w, d.ConditionsAcces, NpgsqlDbType.Varchar);
                await Ecrire(w, d.DureeSemaines, NpgsqlDbType.Integer);
                await Ecrire(w, d.HeuresHebdo, NpgsqlDbType.Integer);
                await Ecrire(w, d.Internat, NpgsqlDbType.Boolean);
                await Ecrire(w, d.Remunere, NpgsqlDbType.Boolean);
                await Ecrire(w, d.RemunerationDetail, NpgsqlDbType.Varchar);
                await Ecrire(w, d.Frais, NpgsqlDbType.Varchar);
                await Ecrire(w, d.EntreePermanente, NpgsqlDbType.Boolean);
                await Ecrire(w, d.Capacite, NpgsqlDbType.Integer);
                await w.WriteAsync(d.ModesMobilisation.ToArray(), Liste);
                await w.WriteAsync(d.PersonnesMobilisatrices.ToArray(), Liste);
                await w.WriteAsync(d.PrescriptionProfessionnel, NpgsqlDbType.Boolean);
                await Ecrire(w, d.LienMobilisation, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.ZoneType.ToString(), NpgsqlDbType.Varchar);
                await w.WriteAsync(d.ZoneCodes.ToArray(), Liste);
                await w.WriteAsync(d.StructureId, NpgsqlDbType.Integer);
                await w.WriteAsync(d.DateMaj, NpgsqlDbType.Date);
                await Ecrire(w, d.Source, NpgsqlDbType.Varchar);
                await w.WriteAsync(d.Suspendu, NpgsqlDbType.Boolean);
            }

            await w.CompleteAsync();
        }

        await using (var w = await cx.BeginBinaryImportAsync("""
            COPY "DispositifLieux" ("DispositifsId", "LieuxId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var d in dispositifs)
            {
                foreach (var l in d.Lieux)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(d.Id, NpgsqlDbType.Integer);
                    await w.WriteAsync(l.Id, NpgsqlDbType.Integer);
                }
            }

            await w.CompleteAsync();
        }

        // The identity columns were written explicitly: move their sequences past the copied rows.
        await ExecuterAsync(cx, """
            SELECT setval(pg_get_serial_sequence('"Structures"', 'Id'), (SELECT max("Id") FROM "Structures"));
            SELECT setval(pg_get_serial_sequence('"Lieux"', 'Id'), (SELECT max("Id") FROM "Lieux"));
            SELECT setval(pg_get_serial_sequence('"Dispositifs"', 'Id'), (SELECT max("Id") FROM "Dispositifs"));
            """);
    }

    private static async Task Ecrire(NpgsqlBinaryImporter w, string? valeur, NpgsqlDbType type)
    {
        if (valeur is null)
        {
            await w.WriteNullAsync();
        }
        else
        {
            await w.WriteAsync(valeur, type);
        }
    }

    private static async Task Ecrire<T>(NpgsqlBinaryImporter w, T? valeur, NpgsqlDbType type) where T : struct
    {
        if (valeur is { } v)
        {
            await w.WriteAsync(v, type);
        }
        else
        {
            await w.WriteNullAsync();
        }
    }
}
