namespace Raccroche.Tests.Integration;

/// <summary>
/// The work lists' SQL (<see cref="ListeDossiers"/>) on both databases, over a fixed, varied set of case files of two
/// PSADs with different deadlines: each flag's predicate selects exactly the files <see cref="Drapeaux.Calculer"/> flags,
/// each filter selects what it says, the sort is priority then arrival, the tab counts and the coordinator's counts match
/// the same figures computed in C#. Dates sit around every threshold and around midnight in Paris.
/// </summary>
public abstract class ListeDossiersTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Aujourdhui = new(2026, 11, 20);
    private static readonly string[] Noms = ["Lefèvre-Dupont", "MARTIN", "Çelik", "N'Diaye", "Dupont", "Gaël", "Öztürk"];
    private static readonly string[] Prenoms = ["Élise", "Noa", "Zoé", "Chloé", "Inès", "Timéo"];
    private static readonly string[] Formations = ["CAP Cuisine", "Bac pro Électricité", "2de générale"];
    private static readonly string?[] Niveaux = [null, "infra-3", "3", "4"];
    private static readonly (string Nom, string Code)[] Communes = [("Thiers", "63430"), ("Riom", "63300"), ("Saint-Étienne", "42218")];
    private static readonly int[] Jours = [0, 1, 6, 7, 8, 9, 10, 11, 14, 15, 16, 20, 21, 22, 29, 30, 31, 44, 45, 46, 60, 61, 90, 200];

    private readonly List<JeuneSuivi> _dossiers = [];
    private Dictionary<int, ReglagesSuivi> _reglages = [];
    private List<int> _psads = [];
    private int _structureA, _structureB, _livraison1, _livraison2;
    private HashSet<int> _surLivraison2 = [];

    public async Task InitializeAsync()
    {
        await using var db = f.CreateDbContext();
        _structureA = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _structureB = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        var x = new Psad { Code = "tl" + Guid.NewGuid().ToString("N")[..12], Nom = "PSAD liste X", Territoire = ["63"], Partenaires = [new() { StructureId = _structureA }, new() { StructureId = _structureB }] };
        var y = new Psad
        {
            Code = "tly" + Guid.NewGuid().ToString("N")[..12],
            Nom = "PSAD liste Y",
            Territoire = ["42"],
            Reglages = new() { DelaiPremiereTentativeJours = 7, DelaiEntretienJours = 10, DelaiSolutionJours = 30, SansNouvellesJours = 10 },
        };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();
        _psads = [x.Id, y.Id];
        _reglages = new() { [x.Id] = x.Reglages, [y.Id] = y.Reglages };
        var l1 = new Livraison { PsadId = x.Id, Mois = new(2026, 10, 1), NomFichier = "octobre.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = DateTime.UtcNow };
        var l2 = new Livraison { PsadId = x.Id, Mois = new(2026, 11, 1), NomFichier = "novembre.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = DateTime.UtcNow };
        db.Livraisons.AddRange(l1, l2);
        await db.SaveChangesAsync();
        (_livraison1, _livraison2) = (l1.Id, l2.Id);

        // A fixed seed: the same files on every run and on both databases.
        var r = new Random(20261120);
        DateTime Instant(int joursAvant) => HeureParis.DebutDuJour(Aujourdhui.AddDays(-joursAvant)).AddMinutes(r.Next(4) switch { 0 => 0, 1 => 1439, _ => r.Next(1440) });
        DateOnly Bord(int ans) => Drapeaux.NeAvant(Aujourdhui, ans).AddDays(r.Next(-1, 2));
        var statuts = ValeursFermees.Toutes<StatutDossier>().ToArray();
        for (var i = 0; i < 480; i++)
        {
            var (commune, code) = Communes[r.Next(Communes.Length)];
            var nom = Noms[r.Next(Noms.Length)];
            var prenom = Prenoms[r.Next(Prenoms.Length)];
            var statut = statuts[r.Next(statuts.Length)];
            var tentatives = r.Next(3) == 0 ? 0 : r.Next(1, 4);
            var j = new JeuneSuivi
            {
                PsadId = _psads[i % 2],
                Ine = string.Create(CultureInfo.InvariantCulture, $"{i:D10}{(char)('A' + (i % 26))}"),
                Nom = nom,
                Prenom = prenom,
                NomNaissance = r.Next(5) == 0 ? "Mézière" : null,
                NomRecherche = null,
                DateNaissance = r.Next(8) switch
                {
                    0 => null,
                    1 => Bord(16),
                    2 => Bord(18),
                    3 => Bord(21),
                    _ => Aujourdhui.AddYears(-16 - r.Next(0, 9)).AddDays(-r.Next(0, 365)),
                },
                Commune = commune,
                CodeInsee = code,
                DateSortie = r.Next(5) switch { 0 => null, 1 => Aujourdhui.AddMonths(-6).AddDays(r.Next(-1, 2)), _ => Aujourdhui.AddDays(-r.Next(0, 400)) },
                Formation = r.Next(4) == 0 ? null : Formations[r.Next(Formations.Length)],
                NiveauFormation = Niveaux[r.Next(Niveaux.Length)],
                RappelDemandeLe = r.Next(6) == 0 ? Instant(3) : null,
                Statut = statut,
                NombreTentatives = tentatives,
                ArriveLe = Instant(Jours[r.Next(Jours.Length)]),
                StatutDepuis = Instant(Jours[r.Next(Jours.Length)]),
                DerniereActionLe = r.Next(3) == 0 ? null : Instant(Jours[r.Next(Jours.Length)]),
                CreeLe = DateTime.UtcNow,
                StructureId = r.Next(3) switch { 0 => null, 1 => _structureA, _ => _structureB },
                ReferentId = r.Next(3) == 0 ? "referent-1" : null,
                PremiereLivraisonId = l1.Id,
                DerniereLivraisonId = l1.Id,
                AnonymiseLe = i % 97 == 5 ? DateTime.UtcNow : null,
                SortiSansSolutionLe = r.Next(7) == 0 ? Instant(20) : null,
            };
            j.NomRecherche = ImportSiei.NomRecherche(j.Nom, j.NomNaissance, j.Prenom);

            // Reminders: some files had their two already, some asked not to be contacted (without drawing from r: the rest stays as it was).
            j.Relances = i % 11 == 3 ? RelancesSuivi.Maximum : i % 11 == 4 ? 1 : 0;
            j.NePasContacterLe = i % 13 == 6 ? HeureParis.DebutDuJour(Aujourdhui.AddDays(-2)) : null;
            _dossiers.Add(j);
        }

        db.JeunesSuivis.AddRange(_dossiers);
        await db.SaveChangesAsync();
        _surLivraison2 = _dossiers.Where(d => d.Id % 3 == 0).Select(d => d.Id).ToHashSet();
        db.SituationsSiei.AddRange(_surLivraison2.Select((id, n) => new SituationSiei { LivraisonId = l2.Id, JeuneSuiviId = id, Ligne = n + 2, Issue = IssueSituation.Rapproche, Contenu = "{}" }));
        db.SituationsSiei.AddRange(_dossiers.Select((d, n) => new SituationSiei { LivraisonId = l1.Id, JeuneSuiviId = d.Id, Ligne = n + 2, Issue = IssueSituation.Nouveau, Contenu = "{}" }));
        db.SituationsSiei.Add(new SituationSiei { LivraisonId = l2.Id, Ligne = 999, Issue = IssueSituation.AArbitrer, Contenu = "{}" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IEnumerable<JeuneSuivi> Visibles => _dossiers.Where(d => d.AnonymiseLe is null);

    private Drapeaux DrapeauxDe(JeuneSuivi d) => Drapeaux.Calculer(d, Aujourdhui, _reglages[d.PsadId]);

    private async Task<List<int>> IdsAsync(FiltresDossiers filtres)
    {
        await using var db = f.CreateDbContext();
        var liste = new ListeDossiers(db);
        return await liste.Filtrer(AccesSuivi.Traites(db, _psads, [], null), filtres, Aujourdhui, _reglages).Select(j => j.Id).OrderBy(i => i).ToListAsync();
    }

    private List<int> Attendus(Func<JeuneSuivi, bool> garder) => [.. Visibles.Where(garder).Select(d => d.Id).Order()];

    [Fact]
    public async Task EveryFlagPredicate_SelectsExactlyTheFilesDrapeauxFlags()
    {
        var attendus = new Dictionary<FiltreDrapeau, Func<Drapeaux, bool>>
        {
            [FiltreDrapeau.ATraiter] = d => d.ATraiter,
            [FiltreDrapeau.ARecontacter] = d => d.ARecontacter,
            [FiltreDrapeau.EnRetard] = d => d.EnRetard,
            [FiltreDrapeau.SansNouvelles] = d => d.SansNouvellesDepuis is not null,
            [FiltreDrapeau.Prioritaire] = d => d.Prioritaire,
            [FiltreDrapeau.ObligationFormation] = d => d.Priorites.Contains(Drapeaux.MineurObligation),
            [FiltreDrapeau.SortieRecente] = d => d.Priorites.Contains(Drapeaux.SortieRecente),
            [FiltreDrapeau.Rappel] = d => d.Priorites.Contains(Drapeaux.Rappel),
            [FiltreDrapeau.RelanceProposee] = d => d.RelanceProposee,
            [FiltreDrapeau.SortiSansSolution] = d => d.Priorites.Contains(Drapeaux.SortiSansSolution),
        };
        Assert.Equal(ValeursFermees.Toutes<FiltreDrapeau>().Count(), attendus.Count);
        foreach (var (drapeau, garder) in attendus)
        {
            var attendu = Attendus(d => garder(DrapeauxDe(d)));
            Assert.True(attendu.Count > 0 && attendu.Count < Visibles.Count(), $"{drapeau}: the set should flag some files and not all ({attendu.Count})");
            Assert.True(attendu.SequenceEqual(await IdsAsync(new() { Drapeau = drapeau })), $"{drapeau}: SQL and Drapeaux.Calculer disagree");
        }
    }

    [Fact]
    public async Task EachFilter_SelectsWhatItSays_AndTheyCombine()
    {
        int Age(JeuneSuivi d) => Drapeaux.Age(d.DateNaissance!.Value, Aujourdhui);
        var cas = new List<(string Nom, FiltresDossiers Filtres, Func<JeuneSuivi, bool> Garder)>
        {
            ("statut", new() { Statut = StatutDossier.Joint }, d => d.Statut == StatutDossier.Joint),
            ("moins de 18", new() { Age = TrancheAge.Moins18 }, d => d.DateNaissance is not null && Age(d) < 18),
            ("18 et plus", new() { Age = TrancheAge.Plus18 }, d => d.DateNaissance is not null && Age(d) >= 18),
            ("18-20", new() { Age = TrancheAge.De18A20 }, d => d.DateNaissance is not null && Age(d) is >= 18 and <= 20),
            ("21 et plus", new() { Age = TrancheAge.Plus21 }, d => d.DateNaissance is not null && Age(d) >= 21),
            ("formation", new() { Formation = "Bac pro Électricité" }, d => d.Formation == "Bac pro Électricité"),
            ("niveau", new() { Niveau = "infra-3" }, d => d.NiveauFormation == "infra-3"),
            ("livraison", new() { LivraisonId = _livraison2 }, d => _surLivraison2.Contains(d.Id)),
            ("livraison 1", new() { LivraisonId = _livraison1 }, d => true),
            ("commune", new() { Commune = "Saint-Étienne" }, d => d.Commune == "Saint-Étienne"),
            ("code INSEE", new() { Commune = "63300" }, d => d.CodeInsee == "63300"),
            ("structure", new() { StructureId = _structureA }, d => d.StructureId == _structureA),
            ("sans structure", new() { SansStructure = true }, d => d.StructureId is null),
            ("référent", new() { ReferentId = "referent-1" }, d => d.ReferentId == "referent-1"),
            ("nom sans accent ni casse", new() { Recherche = "lefevre" }, d => d.Nom == "Lefèvre-Dupont"),
            ("nom et prénom dans le désordre", new() { Recherche = "élise DUPONT" }, d => d.Nom is "Lefèvre-Dupont" or "Dupont" && d.Prenom == "Élise"),
            ("nom de naissance", new() { Recherche = "meziere" }, d => d.NomNaissance == "Mézière"),
            ("apostrophe", new() { Recherche = "n diaye" }, d => d.Nom == "N'Diaye"),
            ("INE", new() { Recherche = _dossiers[7].Ine!.ToLowerInvariant() }, d => d.Id == _dossiers[7].Id && d.AnonymiseLe is null),
            ("combinés", new() { Age = TrancheAge.Moins18, StructureId = _structureB, Drapeau = FiltreDrapeau.Prioritaire, Commune = "Thiers" },
                d => d.Commune == "Thiers" && d.DateNaissance is not null && Age(d) < 18 && d.StructureId == _structureB && DrapeauxDe(d).Prioritaire),
        };
        foreach (var (nom, filtres, garder) in cas)
        {
            var attendu = Attendus(garder);
            Assert.True(attendu.Count > 0, $"{nom}: the set should hold such files");
            Assert.True(attendu.SequenceEqual(await IdsAsync(filtres)), $"{nom}: expected {attendu.Count} files, got others");
        }

        // An anonymised file is out of every list, even searched by its old INE.
        var anonyme = _dossiers.First(d => d.AnonymiseLe is not null);
        Assert.Empty(await IdsAsync(new() { Recherche = anonyme.Ine }));
    }

    [Fact]
    public async Task AFileWrittenBeforeTheSearchKeyExisted_IsFoundByName_OnceTheStartupStepFillsTheKey()
    {
        int id;
        await using (var db = f.CreateDbContext())
        {
            var ancien = new JeuneSuivi
            {
                PsadId = _psads[0],
                Nom = "Vérochain-Lubac",
                Prenom = "Maëlys",
                Statut = StatutDossier.AContacter,
                CreeLe = DateTime.UtcNow,
                ArriveLe = DateTime.UtcNow,
                StatutDepuis = DateTime.UtcNow,
                PremiereLivraisonId = _livraison1,
                DerniereLivraisonId = _livraison1,
            };
            db.JeunesSuivis.Add(ancien);
            await db.SaveChangesAsync();
            id = ancien.Id;
        }

        Assert.Empty(await IdsAsync(new() { Recherche = "verochain maelys" }));
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await ImportSiei.CompleterNomsRechercheAsync(db) >= 1);
            Assert.Equal(0, await ImportSiei.CompleterNomsRechercheAsync(db)); // nothing left: running it again does nothing
        }

        Assert.Equal([id], await IdsAsync(new() { Recherche = "verochain maelys" }));
        await using var lecture = f.CreateDbContext();
        var anonyme = _dossiers.First(d => d.AnonymiseLe is not null);
        Assert.Equal(anonyme.NomRecherche, await lecture.JeunesSuivis.Where(j => j.Id == anonyme.Id).Select(j => j.NomRecherche).SingleAsync());
    }

    [Fact]
    public async Task Tabs_CountAndSort_ByPriorityThenArrival_FiftyAPage()
    {
        await using var db = f.CreateDbContext();
        var liste = new ListeDossiers(db);
        var visibles = AccesSuivi.Traites(db, _psads, [], null);
        // The status tabs (the check-ins' tab has its own test).
        var statuts = ValeursFermees.Toutes<Onglet>().Where(o => o != Onglet.PointsSuivi).ToList();
        foreach (var onglet in statuts)
        {
            var attendu = Visibles.Where(d => ListeDossiers.Dans(onglet, d.Statut, d.NombreTentatives == 0))
                .OrderBy(d => DrapeauxDe(d).Prioritaire ? 0 : 1).ThenBy(d => d.ArriveLe).ThenBy(d => d.Id).Select(d => d.Id).ToList();
            var tout = await liste.Tout(visibles, _reglages, new(), onglet, Aujourdhui).Select(l => l.Dossier.Id).ToListAsync();
            Assert.Equal(attendu, tout);

            var page1 = await liste.ChargerAsync(visibles, _reglages, new(), onglet, 1, Aujourdhui);
            Assert.Equal(attendu.Count, page1.Total);
            Assert.Equal(attendu.Take(ListeDossiers.ParPage), page1.Lignes.Select(l => l.Dossier.Id));
            Assert.All(page1.Lignes, l => Assert.Equal(l.Dossier.StructureId is null, l.Structure is null));
            var page2 = await liste.ChargerAsync(visibles, _reglages, new(), onglet, 2, Aujourdhui);
            Assert.Equal(attendu.Skip(ListeDossiers.ParPage).Take(ListeDossiers.ParPage), page2.Lignes.Select(l => l.Dossier.Id));
            foreach (var o in statuts)
            {
                Assert.Equal(Visibles.Count(d => ListeDossiers.Dans(o, d.Statut, d.NombreTentatives == 0)), page1.Comptes[o]);
            }

            Assert.Equal(0, page1.Comptes[Onglet.PointsSuivi]);
        }

        // Counts follow the filters.
        var filtre = await liste.ChargerAsync(visibles, _reglages, new() { Drapeau = FiltreDrapeau.EnRetard }, Onglet.ATraiter, 1, Aujourdhui);
        Assert.Equal(Visibles.Count(d => d.NombreTentatives == 0 && d.Statut is StatutDossier.AAttribuer or StatutDossier.AContacter && DrapeauxDe(d).EnRetard), filtre.Total);
    }

    [Fact]
    public async Task CheckInsTab_ListsTheFilesWithACheckInDue_OldestDueFirst_AndPointsSuiviDusCountsThem()
    {
        // Check-ins on some files: due long ago, due today, to come, done, cancelled; one on an anonymised file.
        var cas = new (int Jours, bool Fait, bool Annule)[] { (40, false, false), (0, false, false), (-3, false, false), (10, true, false), (12, false, true), (5, false, false), (25, false, false) };
        var portee = Visibles.Where(d => CycleDossier.EstFinal(d.Statut) || d.Statut == StatutDossier.EnSolution).Take(cas.Length * 2).ToList();
        var anonyme = _dossiers.First(d => d.AnonymiseLe is not null);
        await using (var ecriture = f.CreateDbContext())
        {
            var i = 0;
            foreach (var d in portee.Append(anonyme))
            {
                var solution = new SolutionSuivi { JeuneSuiviId = d.Id, HorsCatalogue = "CAP", Type = TypeSolution.FormationInitiale, Statut = StatutSolution.Entree, CreeLe = DateTime.UtcNow, StatutDepuis = DateTime.UtcNow, Auteur = "test" };
                ecriture.SolutionsSuivi.Add(solution);
                await ecriture.SaveChangesAsync();
                var (jours, fait, annule) = d == anonyme ? (0, false, false) : cas[i++ % cas.Length];
                ecriture.PointsSuivi.Add(new PointSuivi
                {
                    JeuneSuiviId = d.Id,
                    SolutionId = solution.Id,
                    Mois = 1,
                    Echeance = Aujourdhui.AddDays(-jours),
                    FaitLe = fait ? DateTime.UtcNow : null,
                    Constat = fait ? ConstatSuivi.ToujoursEnSolution : null,
                    AnnuleLe = annule ? DateTime.UtcNow : null,
                });
                // A second check-in, to come, on every other file: it changes neither the count of files nor their order.
                if (i % 2 == 0)
                {
                    ecriture.PointsSuivi.Add(new PointSuivi { JeuneSuiviId = d.Id, SolutionId = solution.Id, Mois = 3, Echeance = Aujourdhui.AddMonths(2) });
                }
            }

            await ecriture.SaveChangesAsync();
        }

        await using var db = f.CreateDbContext();
        var points = await db.PointsSuivi.AsNoTracking().Where(p => portee.Select(d => d.Id).Contains(p.JeuneSuiviId)).ToListAsync();
        var dus = points.Where(p => p.FaitLe is null && p.AnnuleLe is null && p.Echeance <= Aujourdhui).ToList();
        var attendu = dus.GroupBy(p => p.JeuneSuiviId).OrderBy(g => g.Min(p => p.Echeance)).ThenBy(g => g.Key).Select(g => g.Key).ToList();
        Assert.True(attendu.Count >= 4, $"{attendu.Count} files with a check-in due");

        var liste = new ListeDossiers(db);
        var visibles = AccesSuivi.Traites(db, _psads, [], null);
        Assert.Equal(attendu, await liste.Tout(visibles, _reglages, new(), Onglet.PointsSuivi, Aujourdhui).Select(l => l.Dossier.Id).ToListAsync());
        var page = await liste.ChargerAsync(visibles, _reglages, new(), Onglet.PointsSuivi, 1, Aujourdhui);
        Assert.Equal(attendu.Count, page.Total);
        Assert.Equal(attendu.Count, page.Comptes[Onglet.PointsSuivi]);
        Assert.Equal(attendu, page.Lignes.Select(l => l.Dossier.Id));

        // The digest's count: check-ins (not files) due among the given files; the anonymised file's is left out.
        Assert.Equal(dus.Count, await PointsSuivi.DusAsync(db, visibles, Aujourdhui));
        Assert.Equal(dus.Count, await PointsSuivi.DusAsync(db, db.JeunesSuivis.Where(j => _psads.Contains(j.PsadId)), Aujourdhui));
        Assert.Equal(dus.Count(p => p.Echeance <= Aujourdhui.AddDays(-30)), await PointsSuivi.DusAsync(db, visibles, Aujourdhui.AddDays(-30)));

        // Counts follow the filters.
        var structure = await liste.ChargerAsync(visibles, _reglages, new() { StructureId = _structureA }, Onglet.PointsSuivi, 1, Aujourdhui);
        Assert.Equal(attendu.Count(id => _dossiers.Single(d => d.Id == id).StructureId == _structureA), structure.Total);
    }

    [Fact]
    public async Task CoordinatorCounts_PerStatusStructureAgeing_LateUnassignedAndToArbitrate()
    {
        await using var db = f.CreateDbContext();
        var t = await new ListeDossiers(db).CompterAsync(AccesSuivi.Traites(db, _psads, [], null), _reglages, _psads, Aujourdhui);
        foreach (var s in ValeursFermees.Toutes<StatutDossier>())
        {
            Assert.Equal(Visibles.Count(d => d.Statut == s), t.ParStatut[s]);
        }

        var ouverts = Visibles.Where(d => !CycleDossier.EstFinal(d.Statut)).ToList();
        int Tranche(JeuneSuivi d) => (Aujourdhui.DayNumber - HeureParis.Jour(d.StatutDepuis).DayNumber) switch { <= 14 => 0, <= 30 => 1, <= 60 => 2, _ => 3 };
        Assert.Equal(Enumerable.Range(0, 4).Select(i => ouverts.Count(d => Tranche(d) == i)), t.Anciennete);
        Assert.Equal(ouverts.Count(d => DrapeauxDe(d).EnRetard), t.EnRetard);
        Assert.Equal(Visibles.Count(d => DrapeauxDe(d).SansNouvellesDepuis is not null), t.SansNouvelles);
        Assert.Equal(Visibles.Count(d => d.Statut == StatutDossier.AAttribuer), t.NonAttribues);
        Assert.Equal(1, t.AArbitrer);
        Assert.Equal(ouverts.Count, t.Ouverts);

        var a = t.ParStructure.Single(s => s.Id == _structureA);
        Assert.True(a.Partenaire);
        Assert.Equal(ouverts.Count(d => d.StructureId == _structureA), a.Ouverts);
        Assert.Equal(ouverts.Count(d => d.StructureId == _structureA && DrapeauxDe(d).EnRetard), a.EnRetard);
        var aucune = t.ParStructure.Single(s => s.Id is null);
        Assert.Equal(ouverts.Count(d => d.StructureId is null), aucune.Ouverts);
        Assert.Equal(ouverts.Count, t.ParStructure.Sum(s => s.Ouverts));
    }

    [Fact]
    public async Task AReferentsList_HoldsTheirStructuresFilesOnly()
    {
        await using var db = f.CreateDbContext();
        var r = await new ListeDossiers(db).ChargerAsync(AccesSuivi.Traites(db, [], _psads, _structureB), _reglages, new(), Onglet.EnCours, 1, Aujourdhui);
        Assert.Equal(Visibles.Count(d => d.StructureId == _structureB && ListeDossiers.Dans(Onglet.EnCours, d.Statut, d.NombreTentatives == 0)), r.Total);
        Assert.All(r.Lignes, l => Assert.Equal(_structureB, l.Dossier.StructureId));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ListeDossiersSqliteTests(SqliteAppFactory f) : ListeDossiersTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ListeDossiersPostgresTests(PostgresAppFactory f) : ListeDossiersTests(f);
