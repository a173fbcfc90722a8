using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Donnees.Initiales;

/// <summary>Fills an empty database with the communes, the seed catalogue, the PSAD, the news watch, the partners and the resources. Does nothing on a filled one.</summary>
public sealed class DonneesInitiales(RaccrocheDbContext db, ILogger<DonneesInitiales> logger, TimeProvider clock, IConfiguration config)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!await db.Communes.AnyAsync(ct))
        {
            var communes = CommunesCsv.LireEmbarque();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var lot in communes.Chunk(5000))
            {
                db.Communes.AddRange(lot);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            db.ChangeTracker.AutoDetectChangesEnabled = true;
            logger.LogInformation("Seeded {Count} communes", communes.Count);
        }

        if (!await db.Dispositifs.AnyAsync(ct) && !await db.Structures.AnyAsync(ct))
        {
            var seed = CatalogueInitial.Embarque();
            var codes = seed.Structures.SelectMany(s => s.Lieux).Select(l => l.CodeInsee).Distinct().ToList();
            var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).ToDictionaryAsync(c => c.CodeInsee, ct);
            await db.EnTransactionAsync(async tx =>
            {
                var (structures, dispositifs) = Construire(seed, communes);
                db.Structures.AddRange(structures);
                db.Dispositifs.AddRange(dispositifs);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Seeded {Structures} structures and {Dispositifs} programmes", structures.Count, dispositifs.Count);
            }, ct);
        }

        if (!await db.Psads.AnyAsync(ct))
        {
            var psads = await PsadsAsync(ct);
            db.Psads.AddRange(psads);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded {Psads} PSAD", psads.Count);
        }

        // The news watch and the agenda, once both are empty (a fresh install, or the first start after their migration).
        if (!await db.Actualites.AnyAsync(ct) && !await db.Evenements.AnyAsync(ct))
        {
            var seed = VeilleInitiale.Embarquee();
            var slugsD = seed.Actualites.SelectMany(a => a.Dispositifs).Distinct().ToList();
            var slugsS = seed.Actualites.SelectMany(a => a.Structures).Concat(seed.Evenements.Select(e => e.Structure).OfType<string>()).Distinct().ToList();
            var dispositifs = await db.Dispositifs.Where(d => slugsD.Contains(d.Slug)).ToDictionaryAsync(d => d.Slug, ct);
            var structures = await db.Structures.Where(s => slugsS.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, ct);
            var codes = seed.Evenements.Select(e => e.CodeCommune).Distinct().ToList();
            var departements = await db.Communes.Where(c => codes.Contains(c.CodeInsee)).ToDictionaryAsync(c => c.CodeInsee, c => c.Departement, ct);
            var maintenant = clock.GetUtcNow().UtcDateTime;
            maintenant = new DateTime(maintenant.Ticks - (maintenant.Ticks % 10), DateTimeKind.Utc);
            var (actualites, evenements) = seed.Construire(dispositifs, structures, c => departements.GetValueOrDefault(c),
                new Uri(AdressePublique.UrlPublique(config)).Host, maintenant);
            await db.EnTransactionAsync(async tx =>
            {
                db.Actualites.AddRange(actualites);
                db.Evenements.AddRange(evenements);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Seeded {Actualites} news items and {Evenements} events", actualites.Count, evenements.Count);
            }, ct);
        }

        // The partners and the resources, once both are empty (a fresh install, or the first start after their migration).
        if (!await db.Partenaires.AnyAsync(ct) && !await db.Ressources.AnyAsync(ct))
        {
            var seed = PartenairesInitiaux.Embarques();
            var slugsD = seed.Partenaires.SelectMany(p => p.Dispositifs).Distinct().ToList();
            var slugsS = seed.Partenaires.SelectMany(p => p.Structures).Distinct().ToList();
            var dispositifs = await db.Dispositifs.Where(d => slugsD.Contains(d.Slug)).ToDictionaryAsync(d => d.Slug, ct);
            var structures = await db.Structures.Where(s => slugsS.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, ct);
            var maintenant = clock.GetUtcNow().UtcDateTime;
            maintenant = new DateTime(maintenant.Ticks - (maintenant.Ticks % 10), DateTimeKind.Utc);
            var (partenaires, ressources) = seed.Construire(dispositifs, structures, maintenant);
            await db.EnTransactionAsync(async tx =>
            {
                db.Partenaires.AddRange(partenaires);
                db.Ressources.AddRange(ressources);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Seeded {Partenaires} partners and {Ressources} resources", partenaires.Count, ressources.Count);
            }, ct);
        }
    }

    /// <summary>
    /// One PSAD per département that has a PSAD structure in the catalogue, its territory that
    /// département, its partners the CIO, MLDS and missions locales whose competence covers it.
    /// </summary>
    private async Task<List<Features.Decrocheurs.Psad>> PsadsAsync(CancellationToken ct)
    {
        var structures = await db.Structures.AsNoTracking()
            .Where(x => x.Type == "psad" || x.Type == "cio" || x.Type == "mlds" || x.Type == "mission-locale")
            .Select(x => new { x.Id, x.Slug, x.Nom, x.Type, x.ZoneType, x.ZoneCodes }).ToListAsync(ct);
        var codesCommunes = structures.Where(x => x.ZoneType == ZoneType.Communes).SelectMany(x => x.ZoneCodes).Distinct().ToList();
        var departementsDesCommunes = await db.Communes.AsNoTracking()
            .Where(c => codesCommunes.Contains(c.CodeInsee))
            .ToDictionaryAsync(c => c.CodeInsee, c => c.Departement, ct);
        bool Couvre(ZoneType type, List<string> codes, string departement) => type switch
        {
            ZoneType.Departements => codes.Contains(departement),
            ZoneType.Communes => codes.Any(c => departementsDesCommunes.GetValueOrDefault(c) == departement),
            _ => false,
        };

        return [.. structures.Where(x => x.Type == "psad" && x.ZoneType == ZoneType.Departements && x.ZoneCodes.Count == 1)
            .OrderBy(x => x.ZoneCodes[0], StringComparer.Ordinal)
            .Select(x => new Features.Decrocheurs.Psad
            {
                Code = x.ZoneCodes[0],
                Nom = x.Nom.Replace(" (réseau départemental)", "", StringComparison.Ordinal),
                Territoire = [x.ZoneCodes[0]],
                Partenaires = [.. structures.Where(p => p.Type != "psad" && Couvre(p.ZoneType, p.ZoneCodes, x.ZoneCodes[0]))
                    .Select(p => new Features.Decrocheurs.PartenairePsad { StructureId = p.Id })],
            })];
    }

    /// <summary>Maps the seed file to entities; throws on a dangling reference or an unknown commune.</summary>
    public static (List<Structure> Structures, List<Dispositif> Dispositifs) Construire(
        CatalogueInitial seed, IReadOnlyDictionary<string, Commune> communes)
    {
        var lieux = new Dictionary<string, Lieu>(StringComparer.Ordinal);
        var structures = new Dictionary<string, Structure>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var s in seed.Structures)
        {
            var structure = Champ.Copier(s, new Structure
            {
                Slug = s.Id,
                Nom = s.Nom,
                Type = s.Type,
                ReseauPorteur = s.ReseauPorteur,
                ZoneType = s.ZoneCompetence.ZoneType,
                ZoneCodes = s.ZoneCompetence.Codes,
                DateMaj = today,
            }, ChampsStructure.Tous);
            foreach (var l in s.Lieux)
            {
                if (!communes.TryGetValue(l.CodeInsee, out var commune))
                {
                    throw new InvalidOperationException($"Seed place '{l.Id}': unknown commune code {l.CodeInsee}.");
                }

                var lieu = Champ.Copier(l, new Lieu
                {
                    Slug = l.Id,
                    Nom = l.Nom,
                    CodeInsee = l.CodeInsee,
                    Latitude = l.Latitude ?? commune.Latitude,
                    Longitude = l.Longitude ?? commune.Longitude,
                    PositionApprochee = l.Latitude is null,
                }, ChampsLieu.Tous);
                structure.Lieux.Add(lieu);
                lieux.Add(l.Id, lieu);
            }

            structures.Add(s.Id, structure);
        }

        var dispositifs = seed.Dispositifs.Select(d => Champ.Copier(d, new Dispositif
        {
            Slug = d.Id,
            Nom = d.Nom,
            Resume = d.Resume,
            Structure = structures.TryGetValue(d.Structure, out var st) ? st
                : throw new InvalidOperationException($"Seed programme '{d.Id}': unknown structure '{d.Structure}'."),
            Lieux = d.Lieux.Select(id => lieux.TryGetValue(id, out var l) ? l
                : throw new InvalidOperationException($"Seed programme '{d.Id}': unknown place '{id}'.")).ToList(),
            DateMaj = d.DateMaj,
            Source = d.Source,
        }, ChampsDispositif.Tous)).ToList();

        return ([.. structures.Values], dispositifs);
    }
}
