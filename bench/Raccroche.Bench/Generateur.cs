using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Commun;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Bench;

/// <summary>
/// A deterministic national-scale synthetic catalogue: 20,000 structures with 60,000 places on real
/// communes (drawn by population, so cities get more), 50,000 programmes written from the word lists
/// of <see cref="Lexique"/>. Written into a SQLite database created by the app's own migrations.
/// </summary>
internal sealed class Generateur
{
    public const int NombreStructures = 20_000;
    public const int NombreLieux = 60_000;
    public const int NombreDispositifs = 50_000;

    private static readonly DateOnly Reference = new(2026, 11, 1);

    private readonly Random _rng;
    private readonly Tirage<Commune> _parPopulation;
    private readonly Dictionary<string, Tirage<Commune>> _parDepartement;
    private readonly Dictionary<string, string[]> _departementsParRegion;

    private Generateur(int seed, List<Commune> communes)
    {
        _rng = new Random(seed);
        _parPopulation = new Tirage<Commune>(communes, c => Math.Max(c.Population ?? 0, 50));
        _parDepartement = communes.GroupBy(c => c.Departement)
            .ToDictionary(g => g.Key, g => new Tirage<Commune>([.. g], c => Math.Max(c.Population ?? 0, 50)), StringComparer.Ordinal);
        _departementsParRegion = communes.GroupBy(c => c.Region)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Departement).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var fichier = Path.GetFullPath(o.Requis("out"));
        var seed = o.Entier("seed", 42);
        var total = Stopwatch.StartNew();
        foreach (var f in new[] { fichier, fichier + "-wal", fichier + "-shm", fichier + "-journal" })
        {
            File.Delete(f);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fichier)!);
        var connexion = $"Data Source={fichier};Pooling=False";
        var sw = Stopwatch.StartNew();
        await using (var db = new SqliteRaccrocheDbContext(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>().UseSqlite(connexion).Options))
        {
            await db.Database.MigrateAsync();
        }

        Console.WriteLine($"Migrations applied: {sw.ElapsedMilliseconds} ms ({fichier})");

        sw.Restart();
        var communes = CommunesCsv.LireEmbarque();
        var g = new Generateur(seed, communes);
        var (structures, lieux, dispositifs) = g.Generer();
        Console.WriteLine($"Catalogue generated in memory: {sw.ElapsedMilliseconds} ms (seed {seed})");

        sw.Restart();
        await using (var cx = new SqliteConnection(connexion))
        {
            await cx.OpenAsync();
            await Executer(cx, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");
            await using var tx = (SqliteTransaction)await cx.BeginTransactionAsync();
            await InsererCommunes(cx, tx, communes);
            await InsererStructures(cx, tx, structures);
            await InsererLieux(cx, tx, lieux);
            var liens = await InsererDispositifs(cx, tx, dispositifs);
            await tx.CommitAsync();
            await Executer(cx, "PRAGMA foreign_keys=ON; ANALYZE;");
            Console.WriteLine($"SQLite bulk insert: {sw.ElapsedMilliseconds} ms");
            Console.WriteLine($"Communes {communes.Count:N0} · structures {structures.Count:N0} · places {lieux.Count:N0} · " +
                $"programmes {dispositifs.Count:N0} · programme-place links {liens:N0}");
        }

        Console.WriteLine($"Programme zones: {string.Join(", ", dispositifs.GroupBy(d => d.ZoneType).OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Count():N0}"))}");
        Console.WriteLine($"File: {new FileInfo(fichier).Length / 1024.0 / 1024.0:F1} MB · total {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private (List<Structure> Structures, List<Lieu> Lieux, List<Dispositif> Dispositifs) Generer()
    {
        var types = new Tirage<(string Type, double Poids)>(
        [
            ("mission-locale", 8), ("cio", 4), ("mlds", 2), ("psad", 1), ("e2c", 1), ("epide", 0.3), ("lycee", 14),
            ("association", 34), ("organisme-formation", 24), ("collectivite", 6), ("service-etat", 2), ("autre", 3.7),
        ], t => t.Poids);

        var structures = new List<Structure>(NombreStructures);
        var domiciles = new List<Commune>(NombreStructures);
        for (var i = 1; i <= NombreStructures; i++)
        {
            var home = _parPopulation.Tirer(_rng);
            var type = types.Tirer(_rng).Type;
            var nom = NomStructure(type, home);
            structures.Add(new Structure
            {
                Id = i,
                Slug = Slug($"s{i}", nom),
                Nom = nom,
                Type = type,
                ReseauPorteur = type switch
                {
                    "mission-locale" => "mission-locale",
                    "e2c" => "e2c",
                    "epide" => "epide",
                    "organisme-formation" when _rng.NextDouble() < 0.2 => "afpa",
                    _ => null,
                },
                Siret = _rng.NextDouble() < 0.7 ? _rng.NextInt64(100_000_000_00000, 999_999_999_99999).ToString(CultureInfo.InvariantCulture) : null,
                SiteWeb = _rng.NextDouble() < 0.6 ? $"https://s{i}.example.org" : null,
                Description = $"{nom} accueille les jeunes de {home.Nom} et des environs. " + Phrase(Lexique.PhrasesDescription, Contexte()),
                Courriel = _rng.NextDouble() < 0.7 ? $"contact@s{i}.example.org" : null,
                Telephone = _rng.NextDouble() < 0.8 ? $"0{_rng.Next(1, 6)} {_rng.Next(10, 99)} {_rng.Next(10, 99)} {_rng.Next(10, 99)} {_rng.Next(10, 99)}" : null,
                ZoneType = type is "mission-locale" && home.Epci is not null ? ZoneType.Epci : ZoneType.Departements,
                ZoneCodes = type is "mission-locale" && home.Epci is not null ? [home.Epci] : [home.Departement],
                DateMaj = Reference.AddDays(-_rng.Next(0, 700)),
            });
            domiciles.Add(home);
        }

        // Every structure has one place; the other 40,000 go to structures drawn by kind (missions
        // locales and training bodies have many sites), in the structure's own département.
        var parStructure = new Tirage<Structure>(structures, s => s.Type switch
        {
            "mission-locale" => 10,
            "organisme-formation" => 4,
            "association" => 2,
            "cio" => 2,
            _ => 1,
        });
        var lieuxParStructure = structures.Select(_ => 1).ToArray();
        for (var i = structures.Count; i < NombreLieux; i++)
        {
            lieuxParStructure[parStructure.Tirer(_rng).Id - 1]++;
        }

        var lieux = new List<Lieu>(NombreLieux);
        var communesDesLieux = new Dictionary<int, Commune>();
        for (var s = 0; s < structures.Count; s++)
        {
            var structure = structures[s];
            for (var k = 0; k < lieuxParStructure[s]; k++)
            {
                var commune = k == 0 ? domiciles[s] : _parDepartement[domiciles[s].Departement].Tirer(_rng);
                var approchee = _rng.NextDouble() < 0.3;
                var id = lieux.Count + 1;
                var nom = k == 0 ? structure.Nom : $"{structure.Nom} – antenne de {commune.Nom}";
                var lieu = new Lieu
                {
                    Id = id,
                    Slug = Slug($"l{id}", nom),
                    StructureId = structure.Id,
                    Nom = nom.Length > 200 ? nom[..200] : nom,
                    Adresse = $"{_rng.Next(1, 120)} rue {Choisir(Lexique.NomsPropres)}",
                    CodePostal = commune.ListeCodesPostaux().FirstOrDefault(),
                    CodeInsee = commune.CodeInsee,
                    Latitude = commune.Latitude + (approchee ? 0 : (_rng.NextDouble() - 0.5) * 0.03),
                    Longitude = commune.Longitude + (approchee ? 0 : (_rng.NextDouble() - 0.5) * 0.04),
                    PositionApprochee = approchee,
                    Horaires = _rng.NextDouble() < 0.6 ? "Du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h" : null,
                    AccessiblePmr = _rng.NextDouble() < 0.7 ? _rng.NextDouble() < 0.8 : null,
                };
                structure.Lieux.Add(lieu);
                lieux.Add(lieu);
                communesDesLieux[id] = commune;
            }
        }

        var porteurs = new Tirage<Structure>(structures, s => s.Type switch
        {
            "mission-locale" => 5,
            "organisme-formation" => 4,
            "e2c" or "epide" => 4,
            "association" => 2,
            "lycee" => 1.5,
            _ => 1,
        });
        var modes = Vocabulaire.ModesMobilisation.Termes.Select(t => t.Valeur).ToArray();
        var personnes = Vocabulaire.PersonnesMobilisatrices.Termes.Select(t => t.Valeur).ToArray();
        var thematiques = Vocabulaire.Thematiques.Termes.Select(t => t.Valeur).ToArray();
        if (Lexique.Actions.SelectMany(a => a.Thematiques).FirstOrDefault(t => !Vocabulaire.Thematiques.Contient(t)) is { } inconnue)
        {
            throw new InvalidOperationException($"Unknown thématique in the word lists: {inconnue}");
        }

        var dispositifs = new List<Dispositif>(NombreDispositifs);
        for (var i = 1; i <= NombreDispositifs; i++)
        {
            var structure = porteurs.Tirer(_rng);
            var home = domiciles[structure.Id - 1];
            var action = Choisir(Lexique.Actions);
            var ctx = Contexte();
            var nom = NomDispositif(action, ctx, home);
            var resume = Phrase(Lexique.PhrasesResume, ctx);
            // 5 to 10 different sentences: about 800 characters, like the seed catalogue's descriptions (849 on average).
            var description = new StringBuilder();
            foreach (var modele in Lexique.PhrasesDescription.OrderBy(_ => _rng.Next()).Take(_rng.Next(5, 11)))
            {
                description.Append(Phrase([modele], ctx)).Append(' ');
            }

            var lieuxDuDispositif = new List<Lieu>();
            if (_rng.NextDouble() >= 0.06)
            {
                var n = Math.Min(structure.Lieux.Count, 1 + (_rng.NextDouble() < 0.35 ? _rng.Next(1, 4) : 0));
                lieuxDuDispositif.AddRange(structure.Lieux.OrderBy(_ => _rng.Next()).Take(n));
            }

            var (zoneType, zoneCodes) = Zone(home, lieuxDuDispositif.Select(l => communesDesLieux[l.Id]));
            var entrees = new List<string> { action.Entree };
            if (_rng.NextDouble() < 0.25)
            {
                entrees.Add(Choisir(Vocabulaire.Entrees.Termes).Valeur);
            }

            var them = new List<string>(action.Thematiques.Take(_rng.Next(1, action.Thematiques.Length + 1)));
            if (_rng.NextDouble() < 0.3)
            {
                them.Add(Choisir(thematiques));
            }

            var (ageMin, ageMax) = Ages();
            dispositifs.Add(new Dispositif
            {
                Id = i,
                Slug = Slug($"d{i}", nom),
                Nom = nom,
                Resume = resume.Length > 300 ? resume[..300] : resume,
                Description = description.ToString().Trim(),
                Entrees = [.. entrees.Distinct()],
                Thematiques = [.. them.Distinct()],
                TypeService = _rng.NextDouble() < 0.9 ? action.Type : null,
                Publics = _rng.NextDouble() < 0.8 ? ["jeunes"] : ["jeunes", Choisir(["demandeurs-emploi", "personnes-en-situation-de-handicap", "residents-qpv-frr", "personnes-exilees"])],
                AgeMin = ageMin,
                AgeMax = ageMax,
                Niveaux = Niveaux(),
                Situations = Situations(),
                ConditionsAcces = _rng.NextDouble() < 0.5 ? "Orientation par un professionnel (mission locale, CIO, France Travail) et entretien préalable." : null,
                DureeSemaines = _rng.NextDouble() < 0.7 ? _rng.Next(1, 53) : null,
                HeuresHebdo = _rng.NextDouble() < 0.6 ? _rng.Next(10, 36) : null,
                Internat = Booleen(0.05, 0.7),
                Remunere = Booleen(0.3, 0.5),
                RemunerationDetail = null,
                Frais = _rng.NextDouble() switch
                {
                    < 0.85 => "gratuit",
                    < 0.9 => "payant",
                    _ => null,
                },
                EntreePermanente = Booleen(0.45, 0.35),
                Capacite = _rng.NextDouble() < 0.5 ? _rng.Next(6, 40) : null,
                ModesMobilisation = [.. modes.Where(_ => _rng.NextDouble() < 0.4)],
                PersonnesMobilisatrices = _rng.NextDouble() < 0.7 ? ["professionnels", "usagers"] : [.. personnes.Take(1)],
                PrescriptionProfessionnel = _rng.NextDouble() < 0.4,
                LienMobilisation = null,
                ZoneType = zoneType,
                ZoneCodes = zoneCodes,
                StructureId = structure.Id,
                Lieux = lieuxDuDispositif,
                DateMaj = Reference.AddDays(-_rng.Next(0, 700)),
                Source = "synthetique",
                Suspendu = _rng.NextDouble() < 0.02,
            });
        }

        return (structures, lieux, dispositifs);
    }

    private (ZoneType, List<string>) Zone(Commune home, IEnumerable<Commune> communesDesLieux)
    {
        var r = _rng.NextDouble();
        if (r < 0.45)
        {
            var deps = new List<string> { home.Departement };
            if (_rng.NextDouble() < 0.1 && _departementsParRegion.TryGetValue(home.Region, out var voisins) && voisins.Length > 1)
            {
                deps.Add(Choisir(voisins));
            }

            return (ZoneType.Departements, [.. deps.Distinct()]);
        }

        if (r < 0.70)
        {
            return (ZoneType.Region, [home.Region]);
        }

        if (r < 0.80 && home.Epci is not null)
        {
            return (ZoneType.Epci, [home.Epci]);
        }

        if (r < 0.90)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal) { home.CodeInsee };
            codes.UnionWith(communesDesLieux.Select(c => c.CodeInsee));
            var n = _rng.Next(3, 13);
            for (var k = 0; k < n; k++)
            {
                codes.Add(_parDepartement[home.Departement].Tirer(_rng).CodeInsee);
            }

            return (ZoneType.Communes, [.. codes.Order(StringComparer.Ordinal)]);
        }

        if (r < 0.95)
        {
            return (ZoneType.France, []);
        }

        return (ZoneType.Departements, [home.Departement]);
    }

    private Dictionary<string, string> Contexte()
    {
        var c1 = Choisir(Lexique.Competences);
        string c2;
        do
        {
            c2 = Choisir(Lexique.Competences);
        }
        while (c2 == c1);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metier"] = Choisir(Lexique.Metiers),
            ["secteur"] = Choisir(Lexique.Secteurs),
            ["competence"] = c1,
            ["competence2"] = c2,
            ["public"] = Choisir(Lexique.Publics),
            ["lieu"] = Choisir(Lexique.Lieux),
            ["semaines"] = _rng.Next(2, 40).ToString(CultureInfo.InvariantCulture),
            ["heures"] = _rng.Next(15, 36).ToString(CultureInfo.InvariantCulture),
        };
    }

    private string Phrase(string[] modeles, Dictionary<string, string> ctx)
    {
        var s = Choisir(modeles);
        foreach (var (k, v) in ctx)
        {
            s = s.Replace("{" + k + "}", v, StringComparison.Ordinal);
        }

        return s;
    }

    private string NomDispositif(Lexique.Action action, Dictionary<string, string> ctx, Commune home)
    {
        var nom = action.AvecMetier
            ? _rng.NextDouble() switch
            {
                < 0.5 => $"{action.Nom} {ctx["metier"]}",
                < 0.85 => $"{action.Nom} – secteur {ctx["secteur"]}",
                _ => $"{action.Nom} « {Choisir(Lexique.MotsAssociation)} »",
            }
            : _rng.NextDouble() < 0.7 ? action.Nom : $"{action.Nom} « {Choisir(Lexique.MotsAssociation)} »";
        var suffixe = _rng.NextDouble() switch
        {
            < 0.2 => $" à {home.Nom}",
            < 0.3 => $" – {Departements.Nom(home.Departement) ?? home.Departement}",
            _ => "",
        };
        var n = nom + suffixe;
        return n.Length > 200 ? n[..200] : n;
    }

    private string NomStructure(string type, Commune c) => type switch
    {
        "mission-locale" => $"Mission locale de {c.Nom}",
        "cio" => $"CIO de {c.Nom}",
        "mlds" => $"MLDS – bassin de {c.Nom}",
        "psad" => $"PSAD {Departements.Nom(c.Departement) ?? c.Departement}",
        "e2c" => $"École de la 2e chance de {c.Nom}",
        "epide" => $"Centre EPIDE de {c.Nom}",
        "lycee" => $"Lycée professionnel {Choisir(Lexique.NomsPropres)} – {c.Nom}",
        "association" => $"{Choisir(Lexique.MotsAssociation)} {c.Nom}",
        "organisme-formation" => _rng.NextDouble() < 0.3 ? $"GRETA {Departements.Nom(c.Departement) ?? c.Departement}" : $"Institut de formation {Choisir(Lexique.Secteurs)} de {c.Nom}",
        "collectivite" => _rng.NextDouble() < 0.7 ? $"Ville de {c.Nom}" : $"Conseil départemental {Departements.Nom(c.Departement) ?? c.Departement}",
        "service-etat" => $"Service jeunesse et sports {Departements.Nom(c.Departement) ?? c.Departement}",
        _ => $"Point information jeunesse de {c.Nom}",
    };

    private (int?, int?) Ages() => _rng.NextDouble() switch
    {
        < 0.60 => (16, 25),
        < 0.70 => (16, 29),
        < 0.78 => (15, 25),
        < 0.85 => (18, 25),
        < 0.90 => (16, 18),
        < 0.93 => (18, 30),
        < 0.96 => (null, 25),
        _ => (null, null),
    };

    private List<string> Niveaux() => _rng.NextDouble() switch
    {
        < 0.35 => [],
        < 0.65 => ["sans-diplome"],
        < 0.85 => ["sans-diplome", "niveau-3"],
        < 0.95 => ["sans-diplome", "niveau-3", "niveau-4"],
        _ => ["niveau-4", "niveau-5"],
    };

    private List<string> Situations()
    {
        if (_rng.NextDouble() < 0.5)
        {
            return [];
        }

        var n = _rng.Next(1, 4);
        return [.. Vocabulaire.Situations.Termes.Select(t => t.Valeur).OrderBy(_ => _rng.Next()).Take(n)];
    }

    private bool? Booleen(double vrai, double faux)
    {
        var r = _rng.NextDouble();
        return r < vrai ? true : r < vrai + faux ? false : null;
    }

    private T Choisir<T>(IReadOnlyList<T> liste) => liste[_rng.Next(liste.Count)];

    private static string Slug(string prefixe, string nom)
    {
        var s = string.Join('-', TexteFrancais.Replier(nom).Replace('\'', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var slug = prefixe + "-" + s;
        return slug.Length > 120 ? slug[..120].TrimEnd('-') : slug;
    }

    // ---- Bulk writes: one prepared command per table, in one transaction --------------------------

    private static async Task Executer(SqliteConnection cx, string sql)
    {
        await using var cmd = cx.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Preparer(SqliteConnection cx, SqliteTransaction tx, string table, params string[] colonnes)
    {
        var cmd = cx.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", colonnes.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", colonnes.Select(c => "$" + c))})";
        foreach (var c in colonnes)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + c, null));
        }

        cmd.Prepare();
        return cmd;
    }

    private static async Task Inserer(SqliteCommand cmd, params object?[] valeurs)
    {
        for (var i = 0; i < valeurs.Length; i++)
        {
            cmd.Parameters[i].Value = valeurs[i] ?? DBNull.Value;
        }

        await cmd.ExecuteNonQueryAsync();
    }

    private static string Json(List<string> l) => JsonSerializer.Serialize(l);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task InsererCommunes(SqliteConnection cx, SqliteTransaction tx, List<Commune> communes)
    {
        await using var cmd = Preparer(cx, tx, "Communes", "CodeInsee", "Nom", "CodesPostaux", "Departement", "Region", "Epci",
            "Population", "Latitude", "Longitude", "PositionEstimee");
        foreach (var c in communes)
        {
            await Inserer(cmd, c.CodeInsee, c.Nom, c.CodesPostaux, c.Departement, c.Region, c.Epci, c.Population, c.Latitude, c.Longitude, c.PositionEstimee);
        }
    }

    private static async Task InsererStructures(SqliteConnection cx, SqliteTransaction tx, List<Structure> structures)
    {
        await using var cmd = Preparer(cx, tx, "Structures", "Id", "Slug", "Nom", "Type", "ReseauPorteur", "Siret", "SiteWeb",
            "Description", "Courriel", "Telephone", "ZoneType", "ZoneCodes", "DateMaj");
        foreach (var s in structures)
        {
            await Inserer(cmd, s.Id, s.Slug, s.Nom, s.Type, s.ReseauPorteur, s.Siret, s.SiteWeb, s.Description, s.Courriel,
                s.Telephone, s.ZoneType.ToString(), Json(s.ZoneCodes), Date(s.DateMaj));
        }
    }

    private static async Task InsererLieux(SqliteConnection cx, SqliteTransaction tx, List<Lieu> lieux)
    {
        await using var cmd = Preparer(cx, tx, "Lieux", "Id", "Slug", "StructureId", "Nom", "Adresse", "CodePostal", "CodeInsee",
            "Latitude", "Longitude", "PositionApprochee", "Horaires", "AccessiblePmr", "Telephone", "Courriel");
        foreach (var l in lieux)
        {
            await Inserer(cmd, l.Id, l.Slug, l.StructureId, l.Nom, l.Adresse, l.CodePostal, l.CodeInsee, l.Latitude, l.Longitude,
                l.PositionApprochee, l.Horaires, l.AccessiblePmr, l.Telephone, l.Courriel);
        }
    }

    private static async Task<int> InsererDispositifs(SqliteConnection cx, SqliteTransaction tx, List<Dispositif> dispositifs)
    {
        await using var cmd = Preparer(cx, tx, "Dispositifs", "Id", "Slug", "Nom", "Resume", "Description", "Entrees", "Thematiques",
            "TypeService", "Publics", "AgeMin", "AgeMax", "Niveaux", "Situations", "ConditionsAcces", "DureeSemaines", "HeuresHebdo",
            "Internat", "Remunere", "RemunerationDetail", "Frais", "EntreePermanente", "Capacite", "ModesMobilisation",
            "PersonnesMobilisatrices", "PrescriptionProfessionnel", "LienMobilisation", "ZoneType", "ZoneCodes", "StructureId",
            "DateMaj", "Source", "Suspendu");
        await using var lien = Preparer(cx, tx, "DispositifLieux", "DispositifsId", "LieuxId");
        var liens = 0;
        foreach (var d in dispositifs)
        {
            await Inserer(cmd, d.Id, d.Slug, d.Nom, d.Resume, d.Description, Json(d.Entrees), Json(d.Thematiques), d.TypeService,
                Json(d.Publics), d.AgeMin, d.AgeMax, Json(d.Niveaux), Json(d.Situations), d.ConditionsAcces, d.DureeSemaines,
                d.HeuresHebdo, d.Internat, d.Remunere, d.RemunerationDetail, d.Frais, d.EntreePermanente, d.Capacite,
                Json(d.ModesMobilisation), Json(d.PersonnesMobilisatrices), d.PrescriptionProfessionnel, d.LienMobilisation,
                d.ZoneType.ToString(), Json(d.ZoneCodes), d.StructureId, Date(d.DateMaj), d.Source, d.Suspendu);
            foreach (var l in d.Lieux)
            {
                await Inserer(lien, d.Id, l.Id);
                liens++;
            }
        }

        return liens;
    }
}

/// <summary>Weighted draw with replacement (cumulative weights, binary search).</summary>
internal sealed class Tirage<T>
{
    private readonly T[] _items;
    private readonly double[] _cumul;

    public Tirage(IReadOnlyList<T> items, Func<T, double> poids)
    {
        _items = [.. items];
        _cumul = new double[_items.Length];
        var s = 0.0;
        for (var i = 0; i < _items.Length; i++)
        {
            s += poids(_items[i]);
            _cumul[i] = s;
        }
    }

    public T Tirer(Random rng)
    {
        var x = rng.NextDouble() * _cumul[^1];
        var i = Array.BinarySearch(_cumul, x);
        return _items[Math.Min(i < 0 ? ~i : i, _items.Length - 1)];
    }
}
