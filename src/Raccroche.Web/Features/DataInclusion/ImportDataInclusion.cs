using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// Imports data·inclusion files (JSON, CSV or GeoJSON; structures and/or services) into the catalogue. Every record is
/// checked first against the schema's rules and the catalogue's own limits; with one invalid record nothing is written,
/// unless the caller explicitly leaves the invalid ones out. A record is found again by its source and id: the same
/// file twice changes nothing, a newer one updates what changed, and a record a newer file of its source no longer holds
/// is flagged "plus dans la source", never deleted. A sheet its structure took over is no longer written by imports
/// (its latest imported values are kept beside it, and the differences shown). New structures that look like existing
/// ones are listed as proposed duplicates, never merged. Missions locales and CIO get an estimated competence zone
/// (<see cref="ZonesCompetence"/>). All of it in one transaction with its audit line.
/// </summary>
public sealed class ImportDataInclusion(RaccrocheDbContext db, InstantaneCatalogue catalogue, Tracabilite journal, TimeProvider clock)
{
    /// <summary>Beyond the schema: what the catalogue's columns hold.</summary>
    private static readonly Dictionary<string, int> LimitesStructure = new(StringComparer.Ordinal)
    {
        ["description"] = ChampsStructure.Description.Max,
        ["telephone"] = 30,
        ["courriel"] = 200,
        ["site_web"] = 500,
        ["adresse"] = ChampsLieu.Adresse.Max,
        ["horaires_accueil"] = ChampsLieu.Horaires.Max,
    };

    private static readonly Dictionary<string, int> LimitesService = new(StringComparer.Ordinal)
    {
        ["description"] = ChampsDispositif.Description.Max,
        ["conditions_acces"] = ChampsDispositif.ConditionsAcces.Max,
        ["lien_mobilisation"] = ChampsDispositif.LienMobilisation.Max,
        ["telephone"] = 30,
        ["courriel"] = 200,
        ["adresse"] = ChampsLieu.Adresse.Max,
        ["horaires_accueil"] = ChampsLieu.Horaires.Max,
    };

    public async Task<RapportDI> ExecuterAsync(IReadOnlyList<(string Nom, Stream Flux)> fichiers, bool essai, bool ignorerInvalides, string auteur, CancellationToken ct = default)
    {
        var rapport = new RapportDI { Essai = essai };
        var aujourdhui = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var communes = catalogue.Communes;

        // 1. Read and check every record.
        var structures = new List<EnregistrementDI>();
        var services = new List<EnregistrementDI>();
        var vus = new HashSet<(string, string, string)>();
        var vusParSource = new Dictionary<(string Genre, string Source), HashSet<string>>();
        foreach (var (nom, flux) in fichiers)
        {
            foreach (var lu in FormatsDI.Lire(flux, nom))
            {
                if (lu.Enregistrement is not { } r)
                {
                    rapport.Enregistrements += lu.Rang > 0 ? 1 : 0;
                    rapport.Invalides.Add(new InvalideDI(lu.Rang > 0 ? $"{nom} n° {lu.Rang}" : nom, "fichier", lu.Erreur ?? "Illisible."));
                    if (lu.Rang == 0)
                    {
                        rapport.Refus = $"Le fichier {nom} n'a pas pu être lu : {lu.Erreur}";
                    }

                    continue;
                }

                rapport.Enregistrements++;
                var id = r.Texte("id") is { Length: > 0 } i ? i : $"{nom} n° {lu.Rang}";
                var erreurs = r.Erreurs(aujourdhui).ToList();
                var limites = r.Schema == SchemaDI.Service ? LimitesService : LimitesStructure;
                foreach (var (champ, max) in limites)
                {
                    if (r[champ] is string s && s.Length > max && erreurs.All(e => e.Champ != champ))
                    {
                        erreurs.Add((champ, $"Trop long pour le catalogue : {s.Length} caractères, {max} au plus."));
                    }
                }

                var source = r.Texte("source") ?? "";
                if (erreurs.Count == 0 && !vus.Add((r.Schema.Nom, source, id)))
                {
                    erreurs.Add(("id", $"Identifiant en double dans les fichiers : « {id} »."));
                }

                if (r.Texte("source") is { Length: > 0 } src && r.Texte("id") is { Length: > 0 } rid)
                {
                    var cle = (r.Schema.Nom, src);
                    if (!vusParSource.TryGetValue(cle, out var ids))
                    {
                        vusParSource[cle] = ids = new HashSet<string>(StringComparer.Ordinal);
                    }

                    ids.Add(rid);
                }

                if (erreurs.Count > 0)
                {
                    rapport.Invalides.AddRange(erreurs.Select(e => new InvalideDI(id, e.Champ, e.Message)));
                    rapport.Lignes.Add(new LigneRapportDI(id, r.Schema.Nom, r.Texte("nom") ?? "", StatutImport.Invalide, null));
                    continue;
                }

                (r.Schema == SchemaDI.Service ? services : structures).Add(r);
            }
        }

        if (rapport.Refus is not null)
        {
            return rapport;
        }

        // 2. What each valid record becomes.
        var sources = structures.Concat(services).Select(r => r.Texte("source")!).Distinct().ToList();
        var existantes = await db.Structures.Include(s => s.Lieux)
            .Where(s => s.SourceDonnees != null && sources.Contains(s.SourceDonnees)).AsSplitQuery().ToListAsync(ct);
        var parCle = existantes.ToDictionary(s => (s.SourceDonnees!, s.IdSource!));
        var dispositifsExistants = await db.Dispositifs.Include(d => d.Lieux)
            .Where(d => d.SourceDonnees != null && sources.Contains(d.SourceDonnees)).AsSplitQuery().ToListAsync(ct);
        var dispositifsParCle = dispositifsExistants.ToDictionary(d => (d.SourceDonnees!, d.IdSource!));
        var structuresDuFichier = structures.Select(r => (r.Texte("source")!, r.Id)).ToHashSet();

        var nouvelles = new List<EnregistrementDI>();
        foreach (var r in structures)
        {
            var statut = !parCle.TryGetValue((r.Texte("source")!, r.Id), out var e) ? StatutImport.ACreer
                : e.ValeursImportees == r.Empreinte() && !e.PlusDansLaSource ? StatutImport.Inchange : StatutImport.AMettreAJour;
            Compter(rapport, statut);
            rapport.Lignes.Add(new LigneRapportDI(r.Id, "structure", r.Texte("nom")!, statut, DateMaj(r)));
            if (statut == StatutImport.ACreer)
            {
                nouvelles.Add(r);
            }
        }

        var servicesValides = new List<EnregistrementDI>();
        foreach (var r in services)
        {
            var cleStructure = (r.Texte("source")!, r.Texte("structure_id")!);
            if (!structuresDuFichier.Contains(cleStructure) && !parCle.ContainsKey(cleStructure))
            {
                rapport.Invalides.Add(new InvalideDI(r.Id, "structure_id", $"La structure « {r.Texte("structure_id")} » n'est ni dans les fichiers ni déjà importée de la même source."));
                rapport.Lignes.Add(new LigneRapportDI(r.Id, "service", r.Texte("nom")!, StatutImport.Invalide, null));
                continue;
            }

            var statut = !dispositifsParCle.TryGetValue((r.Texte("source")!, r.Id), out var e) ? StatutImport.ACreer
                : e.ValeursImportees == r.Empreinte() && !e.PlusDansLaSource ? StatutImport.Inchange : StatutImport.AMettreAJour;
            Compter(rapport, statut);
            rapport.Lignes.Add(new LigneRapportDI(r.Id, "service", r.Texte("nom")!, statut, DateMaj(r)));
            servicesValides.Add(r);
        }

        await Doublons.ProposerAsync(db, nouvelles, communes, rapport, ct);

        // Records a newer file of their source no longer holds.
        var absentes = existantes.Where(s => !s.PlusDansLaSource && vusParSource.TryGetValue(("structure", s.SourceDonnees!), out var ids) && !ids.Contains(s.IdSource!)).ToList();
        var absents = dispositifsExistants.Where(d => !d.PlusDansLaSource && vusParSource.TryGetValue(("service", d.SourceDonnees!), out var ids) && !ids.Contains(d.IdSource!)).ToList();
        rapport.PlusDansLaSource = absentes.Count + absents.Count;

        if (essai || (rapport.Invalides.Count > 0 && !ignorerInvalides) || structures.Count + servicesValides.Count == 0)
        {
            return rapport;
        }

        // 3. Write, all at once.
        // Inside the execution strategy (PostgreSQL retries a unit of work broken by a lost connection).
        await db.EnTransactionAsync(async tx =>
        {
            var slugs = (await db.Structures.Select(s => s.Slug).ToListAsync(ct)).Concat(await db.Lieux.Select(l => l.Slug).ToListAsync(ct))
                .Concat(await db.Dispositifs.Select(d => d.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var r in structures)
            {
                var cle = (r.Texte("source")!, r.Id);
                if (!parCle.TryGetValue(cle, out var s))
                {
                    s = new Structure { Slug = Unique(slugs, r.Id), Nom = "", Type = "autre", SourceDonnees = cle.Item1, IdSource = cle.Item2 };
                    db.Structures.Add(s);
                    parCle[cle] = s;
                }
                else if (s.ValeursImportees == r.Empreinte() && !s.PlusDansLaSource)
                {
                    continue;
                }

                Appliquer(s, r, communes, slugs);
            }

            foreach (var s in absentes)
            {
                s.PlusDansLaSource = true;
            }

            foreach (var r in servicesValides)
            {
                var cle = (r.Texte("source")!, r.Id);
                var structure = parCle[(cle.Item1, r.Texte("structure_id")!)];
                if (!dispositifsParCle.TryGetValue(cle, out var d))
                {
                    d = new Dispositif { Slug = Unique(slugs, r.Id), Nom = "", Resume = "", SourceDonnees = cle.Item1, IdSource = cle.Item2 };
                    db.Dispositifs.Add(d);
                }
                else if (d.ValeursImportees == r.Empreinte() && !d.PlusDansLaSource)
                {
                    continue;
                }

                AppliquerService(d, structure, r, communes, slugs);
            }

            foreach (var d in absents)
            {
                d.PlusDansLaSource = true;
            }

            await db.SaveChangesAsync(ct);
            await ZonesCompetence.EstimerAsync(db, communes, ct);
            journal.Ajouter(Tracabilite.Creation, "data-inclusion", null,
                $"Import data·inclusion ({string.Join(", ", sources)}) : {rapport.Crees} créé(s), {rapport.MisAJour} mis à jour, {rapport.Inchanges} inchangé(s), " +
                $"{rapport.EnregistrementsInvalides} invalide(s) écarté(s), {rapport.PlusDansLaSource} plus dans la source", auteur);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }, ct);
        rapport.Importe = true;
        return rapport;
    }

    private static void Compter(RapportDI r, StatutImport s)
    {
        switch (s)
        {
            case StatutImport.ACreer: r.Crees++; break;
            case StatutImport.AMettreAJour: r.MisAJour++; break;
            case StatutImport.Inchange: r.Inchanges++; break;
        }
    }

    private static DateOnly? DateMaj(EnregistrementDI r) => DateOnly.TryParseExact(r.Texte("date_maj"), "yyyy-MM-dd", out var d) ? d : null;

    private static string Unique(HashSet<string> slugs, string id)
    {
        var baseSlug = TexteFrancais.Slug(id);
        baseSlug = baseSlug.Length > 110 ? baseSlug[..110] : baseSlug;
        var slug = baseSlug;
        for (var n = 2; !slugs.Add(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }

    /// <summary>Writes an imported structure (never the fields of a sheet its structure took over: only the source's latest values).</summary>
    private static void Appliquer(Structure s, EnregistrementDI r, RepertoireCommunes communes, HashSet<string> slugs)
    {
        s.ValeursImportees = r.Empreinte();
        s.PlusDansLaSource = false;
        if (s.RepriseLe is not null)
        {
            return;
        }

        var reseaux = r.Liste("reseaux_porteurs");
        s.Nom = r.Texte("nom")!;
        s.Type = CorrespondanceDI.TypeDe(reseaux, s.Nom);
        s.ReseauPorteur = reseaux.FirstOrDefault();
        s.Siret = r.Texte("siret");
        s.SiteWeb = r.Texte("site_web");
        s.Description = r.Texte("description") ?? "";
        s.Courriel = r.Texte("courriel");
        s.Telephone = r.Texte("telephone");
        s.DateMaj = DateMaj(r)!.Value;
        var lieu = Lieu(r, s.Nom, communes);
        var existant = s.Lieux.OrderBy(l => l.Id).FirstOrDefault();
        if (lieu is null)
        {
            s.Lieux.Clear();
        }
        else if (existant is null)
        {
            lieu.Slug = Unique(slugs, s.Slug + "-lieu");
            s.Lieux.Add(lieu);
        }
        else
        {
            (existant.Nom, existant.Adresse, existant.CodePostal, existant.CodeInsee, existant.Latitude, existant.Longitude, existant.PositionApprochee, existant.Horaires) =
                (lieu.Nom, lieu.Adresse, lieu.CodePostal, lieu.CodeInsee, lieu.Latitude, lieu.Longitude, lieu.PositionApprochee, lieu.Horaires);
        }

        // Missions locales and CIO: estimated below, from every office of the same kind; the others serve their commune.
        if (s.Type is "mission-locale" or "cio")
        {
            s.ZoneEstimee = true;
            if (s.ZoneType != ZoneType.Communes)
            {
                (s.ZoneType, s.ZoneCodes) = (ZoneType.Communes, lieu is null ? [] : [lieu.CodeInsee]);
            }
        }
        else
        {
            s.ZoneEstimee = false;
            (s.ZoneType, s.ZoneCodes) = lieu is null ? (ZoneType.Communes, new List<string>()) : (ZoneType.Communes, [lieu.CodeInsee]);
        }
    }

    private static void AppliquerService(Dispositif d, Structure s, EnregistrementDI r, RepertoireCommunes communes, HashSet<string> slugs)
    {
        d.ValeursImportees = r.Empreinte();
        d.PlusDansLaSource = false;
        if (s.RepriseLe is not null && d.Id != 0)
        {
            return;
        }

        d.Structure = s;
        d.Nom = r.Texte("nom")!;
        var description = r.Texte("description")!;
        d.Description = description;
        d.Resume = Resume(description);
        d.TypeService = r.Texte("type");
        d.Thematiques = r.Liste("thematiques");
        d.Publics = r.Liste("publics");
        d.ConditionsAcces = r.Texte("conditions_acces");
        d.Frais = r.Texte("frais");
        d.ModesMobilisation = r.Liste("modes_mobilisation");
        d.PersonnesMobilisatrices = r.Liste("mobilisable_par");
        d.LienMobilisation = r.Texte("lien_mobilisation");
        d.DureeSemaines = r.Entier("nombre_semaines") is { } n and <= int.MaxValue ? (int)n : null;
        d.HeuresHebdo = r.Nombre("volume_horaire_hebdomadaire") is { } h and <= 168 ? (int)Math.Round(h) : null;
        d.DateMaj = DateMaj(r)!.Value;
        d.Source = r.Texte("lien_source") is { Length: <= 500 } lien ? lien : null;
        (d.ZoneType, d.ZoneCodes) = Zone(r.Liste("zone_eligibilite"));
        d.Lieux.Clear();
        if (Lieu(r, d.Nom, communes) is { } lieu)
        {
            var meme = s.Lieux.FirstOrDefault(l => l.CodeInsee == lieu.CodeInsee && l.Adresse == lieu.Adresse);
            if (meme is null)
            {
                lieu.Slug = Unique(slugs, d.Slug + "-lieu");
                lieu.Nom = s.Nom.Length > 0 ? s.Nom : d.Nom;
                s.Lieux.Add(lieu);
                meme = lieu;
            }

            d.Lieux.Add(meme);
        }
    }

    /// <summary>The sheet's summary: the description's first sentence, within the summary's limit.</summary>
    private static string Resume(string description)
    {
        var premiere = description.Split(". ", 2)[0].Trim();
        var max = ChampsDispositif.Resume.Max;
        return premiere.Length <= max ? premiere : premiere[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>The schema's codes as a zone of the catalogue: "france", départements, EPCI or communes (the kind of the first code when they are mixed).</summary>
    public static (ZoneType, List<string>) Zone(List<string> codes)
    {
        if (codes.Count == 0 || codes.Contains("france") || codes.Contains("99100"))
        {
            return (ZoneType.France, []);
        }

        static ZoneType Genre(string c) => c.Length switch { 9 => ZoneType.Epci, 5 => ZoneType.Communes, _ => ZoneType.Departements };
        var genre = Genre(codes[0]);
        return (genre, codes.Where(c => Genre(c) == genre).Distinct().ToList());
    }

    /// <summary>The record's place, its commune resolved (arrondissements and merged communes included); null without one.</summary>
    private static Lieu? Lieu(EnregistrementDI r, string nom, RepertoireCommunes communes)
    {
        var lat = r.Nombre("latitude");
        var lon = r.Nombre("longitude");
        var commune = CommuneDe(r.Texte("code_insee"), r.Texte("code_postal"), r.Texte("commune"), lat, lon, communes);
        if (commune is null)
        {
            return null;
        }

        var adresse = string.Join(", ", new[] { r.Texte("adresse"), r.Texte("complement_adresse") }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()));
        var position = lat is { } la && lon is { } lo && la is >= -90 and <= 90 && lo is >= -180 and <= 180;
        return new Lieu
        {
            Slug = "",
            Nom = nom,
            Adresse = adresse.Length == 0 ? null : adresse.Length > ChampsLieu.Adresse.Max ? adresse[..ChampsLieu.Adresse.Max] : adresse,
            CodePostal = r.Texte("code_postal"),
            CodeInsee = commune.CodeInsee,
            Latitude = position ? lat!.Value : commune.Latitude,
            Longitude = position ? lon!.Value : commune.Longitude,
            PositionApprochee = !position,
            Horaires = r.Texte("horaires_accueil"),
        };
    }

    /// <summary>
    /// The current commune of a record: its code when the commune file has it; a Lyon, Marseille or Paris arrondissement's
    /// city; else, for a commune merged since, the commune of its postcode (the nearest one when the postcode has several).
    /// </summary>
    public static Commune? CommuneDe(string? codeInsee, string? codePostal, string? nom, double? lat, double? lon, RepertoireCommunes communes)
    {
        if (communes.ParCode(codeInsee) is { } c)
        {
            return c;
        }

        var ville = codeInsee switch
        {
            { Length: 5 } x when x.StartsWith("6938", StringComparison.Ordinal) => "69123",
            { Length: 5 } x when x.StartsWith("132", StringComparison.Ordinal) => "13055",
            { Length: 5 } x when x.StartsWith("751", StringComparison.Ordinal) => "75056",
            _ => null,
        };
        if (communes.ParCode(ville) is { } v)
        {
            return v;
        }

        var candidates = communes.ParCodePostal(codePostal);
        if (candidates.Count == 0)
        {
            return null;
        }

        if (nom is not null && candidates.FirstOrDefault(x => RepertoireCommunes.CleNom(x.Nom) == RepertoireCommunes.CleNom(nom)) is { } parNom)
        {
            return parNom;
        }

        return lat is { } la && lon is { } lo
            ? candidates.MinBy(x => Distances.DistanceKm(la, lo, x.Latitude, x.Longitude))
            : candidates[0];
    }
}
