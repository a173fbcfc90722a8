namespace Raccroche.Tests.Integration;

/// <summary>
/// Dispatch by the PSAD's rules at import, the "hors territoire" rows offered for transfer, and transfers between PSADs
/// (accept, refuse, automatic acceptance after ten days, only the target's coordinators answer, mails without personal
/// data), on both databases. Each test builds its own PSADs (unique codes).
/// </summary>
public abstract class RepartitionTransfertsTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);
    private readonly Dictionary<string, HttpClient> _c = [];
    private string _x = "", _y = "";
    private int _idX, _idY, _ml, _cio;
    private CompteTest _coordX = null!, _coordY = null!;
    private List<JeuneFictif> _jeunes = [];

    public async Task InitializeAsync()
    {
        await using var db = f.CreateDbContext();
        _ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _cio = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        _x = "trx" + Guid.NewGuid().ToString("N")[..12];
        _y = "try" + Guid.NewGuid().ToString("N")[..12];
        var x = new Psad { Code = _x, Nom = "PSAD X " + _x, Territoire = ["63"], Partenaires = [new() { StructureId = _ml }, new() { StructureId = _cio }] };
        var y = new Psad { Code = _y, Nom = "PSAD Y " + _y, Territoire = ["03185"] };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();
        (_idX, _idY) = (x.Id, y.Id);
        db.ReglesRepartition.AddRange(
            new RegleRepartition { PsadId = _idX, Ordre = 1, Critere = CritereRepartition.ObligationFormation, StructureId = _cio },
            new RegleRepartition { PsadId = _idX, Ordre = 2, Critere = CritereRepartition.Tous, StructureId = _ml });
        await db.SaveChangesAsync();

        var referent = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        _coordX = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        _coordY = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-lyon");
        var region = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        using (var scope = f.Services.CreateScope())
        {
            var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
            Assert.True((await equipe.AccorderAsync(_idX, _coordX.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(_idY, _coordY.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(_idX, referent.Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
        }

        // A minor (rule 1 → CIO), an adult (rule 2 → mission locale), an adult living in Montluçon (outside X: Y's commune).
        var j = ListeSieiSynthetique.Jeunes(3, Math.Abs(_x.GetHashCode()) % 90 + 10, Novembre);
        _jeunes = [j[0] with { Naissance = new(2009, 6, 1) }, j[1] with { Naissance = new(2007, 6, 1) }, j[2] with { Naissance = new(2007, 6, 1), Commune = "Montluçon", CodeInsee = "03185" }];
        _c["anonyme"] = Pro.Client(f);
        _c["referent"] = await Pro.ConnecterAsync(f, referent);
        _c["x"] = await Pro.ConnecterAsync(f, _coordX);
        _c["y"] = await Pro.ConnecterAsync(f, _coordY);
        _c["region"] = await Pro.ConnecterAsync(f, region);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RapportSiei> ImporterAsync(bool essai)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportSiei>()
            .ExecuterAsync(_x, Novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(_jeunes)), "liste.csv", essai, false, "test");
    }

    private async Task<Dictionary<string, JeuneSuivi>> DossiersAsync(int psad)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == psad).ToDictionaryAsync(j => j.Ine!);
    }

    private async Task<int> DemanderAsync(int dossier)
    {
        var r = await Pro.PosterAsync(_c["x"], $"/pro/decrocheurs/{dossier}", new() { ["PsadCible"] = _y, ["MotifTransfert"] = "Déménagement." });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        return await db.TransfertsSuivi.Where(t => t.JeuneSuiviId == dossier).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    /// <summary>A post with a valid antiforgery token taken from a page the account may open.</summary>
    private static async Task<HttpResponseMessage> ForcerAsync(HttpClient c, string pageJeton, string url, Dictionary<string, string> champs)
    {
        var page = await Pro.PageAsync(c, pageJeton);
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await c.PostAsync(url, new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", jeton)]));
    }

    [Fact]
    public async Task Import_DispatchesByTheRules_AndLeavesOutOfTerritoryRowsUndispatched_OfferedForTransfer()
    {
        var essai = await ImporterAsync(true);
        Assert.Contains(essai.Apercu, a => a.Detail is { } d && d.Contains("(règle 1 : 17 ans, obligation de formation)", StringComparison.Ordinal));
        Assert.Contains(essai.Apercu, a => a.Detail is { } d && d.Contains("hors territoire : transfert à proposer à la PSAD", StringComparison.Ordinal));
        Assert.True((await ImporterAsync(false)).Importe);

        var d = await DossiersAsync(_idX);
        var (mineur, majeur, ailleurs) = (d[_jeunes[0].Ine], d[_jeunes[1].Ine], d[_jeunes[2].Ine]);
        Assert.Equal((_cio, StatutDossier.AContacter), (mineur.StructureId, mineur.Statut));
        Assert.Equal((_ml, StatutDossier.AContacter), (majeur.StructureId, majeur.Statut));
        Assert.Equal((null, StatutDossier.AAttribuer), (ailleurs.StructureId, ailleurs.Statut));
        await using (var db = f.CreateDbContext())
        {
            var evenement = await db.EvenementsDossier.Where(e => e.JeuneSuiviId == mineur.Id && e.Nature == NatureEvenement.Attribution).Select(e => e.Detail).SingleAsync();
            Assert.StartsWith("répartition automatique : règle 1 (17 ans, obligation de formation)", evenement);
            Assert.False(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == ailleurs.Id && e.Nature == NatureEvenement.Attribution));
        }

        var page = (await Pro.PageAsync(_c["x"], $"/pro/decrocheurs/{ailleurs.Id}")).Body!.TextContent;
        Assert.Contains("Hors territoire", page);
        Assert.Contains("Transfert proposé à la PSAD", page);
        var liste = (await Pro.PageAsync(_c["x"], "/pro/decrocheurs/transferts")).Body!.TextContent;
        Assert.Contains(_jeunes[2].Nom.ToUpperInvariant(), liste);
        Assert.DoesNotContain(_jeunes[0].Nom.ToUpperInvariant(), liste);
        Assert.Contains("1 dossier(s) hors territoire", (await Pro.PageAsync(_c["x"], "/pro/decrocheurs")).Body!.TextContent);
    }

    [Fact]
    public async Task ARowSettledAsAFileOfItsOwn_IsDispatchedByTheRules_LikeAnImportedRow()
    {
        Assert.True((await ImporterAsync(false)).Importe);
        var majeur = (await DossiersAsync(_idX))[_jeunes[1].Ine];
        long situation;
        await using (var db = f.CreateDbContext())
        {
            // A minor whose names and birth date are close to the adult's file: the import would have queued the row.
            var ligne = new SituationSiei
            {
                LivraisonId = majeur.PremiereLivraisonId,
                Ligne = 40,
                Issue = IssueSituation.AArbitrer,
                Raison = "mêmes noms, date de naissance proche",
                Candidats = [majeur.Id],
                Contenu = JsonSerializer.Serialize(new LigneSiei { Ligne = 40, Nom = majeur.Nom, Prenom = majeur.Prenom, DateNaissance = new(2009, 6, 2), Commune = "Clermont-Ferrand", CodeInsee = "63113" }),
            };
            db.SituationsSiei.Add(ligne);
            await db.SaveChangesAsync();
            situation = ligne.Id;
        }

        var r = await Pro.PosterAsync(_c["x"], "/pro/decrocheurs/arbitrages", new() { ["SituationId"] = situation.ToString(CultureInfo.InvariantCulture) }, "/pro/decrocheurs/arbitrages?handler=Separer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        await using var lecture = f.CreateDbContext();
        var nouveau = await lecture.SituationsSiei.Where(s => s.Id == situation).Select(s => s.JeuneSuiviId).SingleAsync();
        var dossier = await lecture.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == nouveau);
        Assert.Equal((_cio, StatutDossier.AContacter), (dossier.StructureId, dossier.Statut));
        var evenement = await lecture.EvenementsDossier.Where(e => e.JeuneSuiviId == dossier.Id && e.Nature == NatureEvenement.Attribution).Select(e => e.Detail).SingleAsync();
        Assert.StartsWith("répartition automatique : règle 1 (17 ans, obligation de formation)", evenement);
    }

    [Fact]
    public async Task Transfer_AcceptedByTheTarget_EndsTheSourceTransferred_GivesTheTargetAFile_AndTellsBothSidesWithoutNames()
    {
        Assert.True((await ImporterAsync(false)).Importe);
        var source = (await DossiersAsync(_idX))[_jeunes[2].Ine];
        var t = await DemanderAsync(source.Id);

        // Only the target's coordinators may answer: the source, a référent and the regional administrator get 404.
        var champs = new Dictionary<string, string> { ["TransfertId"] = t.ToString(CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.NotFound, (await ForcerAsync(_c["x"], "/pro/decrocheurs", "/pro/decrocheurs/transferts?handler=Accepter", champs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForcerAsync(_c["referent"], "/pro/decrocheurs", "/pro/decrocheurs/transferts?handler=Accepter", champs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForcerAsync(_c["region"], "/pro/decrocheurs/equipe", "/pro/decrocheurs/transferts?handler=Accepter", champs)).StatusCode);
        Assert.Equal(StatutTransfert.Demande, await StatutAsync(t));

        var recus = (await Pro.PageAsync(_c["y"], "/pro/decrocheurs/transferts")).Body!.TextContent;
        Assert.Contains($"Demande n° {t}", recus);
        Assert.DoesNotContain(_jeunes[2].Nom.ToUpperInvariant(), recus); // first name and initial only before an answer
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c["y"], "/pro/decrocheurs/transferts", champs, "/pro/decrocheurs/transferts?handler=Accepter")).StatusCode);

        Assert.Equal(StatutTransfert.Accepte, await StatutAsync(t));
        Assert.Equal(StatutDossier.Transfere, (await DossiersAsync(_idX))[_jeunes[2].Ine].Statut);
        var cible = (await DossiersAsync(_idY))[_jeunes[2].Ine];
        Assert.Equal((StatutDossier.AAttribuer, _jeunes[2].Nom, "03185"), (cible.Statut, cible.Nom, cible.CodeInsee));
        await using var db = f.CreateDbContext();
        Assert.Contains(await db.EvenementsDossier.Where(e => e.JeuneSuiviId == cible.Id).Select(e => e.Detail).ToListAsync(), e => e.Contains($"demande n° {t}", StringComparison.Ordinal));
        Assert.Empty(await db.SituationsSiei.Where(s => s.JeuneSuiviId == cible.Id).ToListAsync()); // the snapshots stay with the source
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "transfert-suivi" && j.RessourceId == t.ToString(CultureInfo.InvariantCulture) && j.Action == Tracabilite.Modification));
        await MailsSansDonneesAsync(db, t, 1, 2);
    }

    [Fact]
    public async Task Transfer_WithOnlyANearMatchInTheTarget_MakesANewFile_AndTellsTheTargetWhichFileIsClose()
    {
        Assert.True((await ImporterAsync(false)).Importe);
        var source = (await DossiersAsync(_idX))[_jeunes[2].Ine];
        int proche;
        await using (var db = f.CreateDbContext())
        {
            // Same names in Y, birth day and month swapped, another INE: doubtful, so never merged.
            var j = new JeuneSuivi
            {
                PsadId = _idY,
                Ine = "0000" + _y[..7].ToUpperInvariant(),
                Nom = source.Nom,
                Prenom = source.Prenom,
                DateNaissance = new(2007, 1, 6),
                CodeInsee = "03185",
                Commune = "Montluçon",
                PremiereLivraisonId = source.PremiereLivraisonId,
                DerniereLivraisonId = source.DerniereLivraisonId,
                CreeLe = DateTime.UtcNow,
                ArriveLe = DateTime.UtcNow,
                StatutDepuis = DateTime.UtcNow,
                Statut = StatutDossier.AContacter,
            };
            db.JeunesSuivis.Add(j);
            await db.SaveChangesAsync();
            proche = j.Id;
        }

        var t = await DemanderAsync(source.Id);
        var champs = new Dictionary<string, string> { ["TransfertId"] = t.ToString(CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c["y"], "/pro/decrocheurs/transferts", champs, "/pro/decrocheurs/transferts?handler=Accepter")).StatusCode);

        var cible = (await DossiersAsync(_idY))[_jeunes[2].Ine];
        Assert.NotEqual(proche, cible.Id);
        await using var lecture = f.CreateDbContext();
        Assert.Contains(await lecture.EvenementsDossier.Where(e => e.JeuneSuiviId == cible.Id).Select(e => e.Detail).ToListAsync(),
            e => e.StartsWith($"à vérifier : proche du ou des dossiers n° {proche} de cette PSAD", StringComparison.Ordinal));
        var mails = await lecture.MessagesSortants.Where(m => m.Sujet == "Un dossier de suivi vous a été transféré" && m.Corps.Contains($"n° {t} ")).Select(m => m.Corps).ToListAsync();
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Contains($"dossiers proches existent déjà chez vous (n° {proche})", m));
        Assert.All(mails, m => Assert.DoesNotContain(source.Nom!, m, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Transfer_RefusedWithAReason_KeepsTheSourceFile_AndARefusalWithoutReasonIsRefused()
    {
        Assert.True((await ImporterAsync(false)).Importe);
        var source = (await DossiersAsync(_idX))[_jeunes[2].Ine];
        var t = await DemanderAsync(source.Id);
        var id = t.ToString(CultureInfo.InvariantCulture);
        var sans = await Pro.PosterAsync(_c["y"], "/pro/decrocheurs/transferts", new() { ["TransfertId"] = id, ["MotifRefus"] = "" });
        Assert.Equal(HttpStatusCode.OK, sans.StatusCode);
        Assert.Contains("Indiquez pourquoi vous refusez ce transfert.", await sans.Content.ReadAsStringAsync());
        Assert.Equal(StatutTransfert.Demande, await StatutAsync(t));

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c["y"], "/pro/decrocheurs/transferts", new() { ["TransfertId"] = id, ["MotifRefus"] = "Le jeune n'habite pas chez nous." })).StatusCode);
        Assert.Equal(StatutTransfert.Refuse, await StatutAsync(t));
        var apres = (await DossiersAsync(_idX))[_jeunes[2].Ine];
        Assert.Equal(StatutDossier.AAttribuer, apres.Statut);
        Assert.False((await DossiersAsync(_idY)).ContainsKey(_jeunes[2].Ine));
        Assert.Contains("transfert refusé", (await Pro.PageAsync(_c["x"], $"/pro/decrocheurs/{source.Id}")).Body!.TextContent);
        await using var db = f.CreateDbContext();
        await MailsSansDonneesAsync(db, t, 1, 1);
    }

    [Fact]
    public async Task Transfer_UnansweredForTenDays_IsAcceptedAutomatically_AndNotBefore()
    {
        Assert.True((await ImporterAsync(false)).Importe);
        var d = await DossiersAsync(_idX);
        var ancien = await DemanderAsync(d[_jeunes[2].Ine].Id);
        var recent = await DemanderAsync(d[_jeunes[1].Ine].Id);
        var maintenant = DateTime.UtcNow;
        await using (var db = f.CreateDbContext())
        {
            await db.TransfertsSuivi.Where(t => t.Id == ancien).ExecuteUpdateAsync(u => u.SetProperty(t => t.DemandeLe, maintenant.AddDays(-10).AddMinutes(-1)));
            await db.TransfertsSuivi.Where(t => t.Id == recent).ExecuteUpdateAsync(u => u.SetProperty(t => t.DemandeLe, maintenant.AddDays(-9)));
        }

        using (var scope = f.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<TransfertsSuivi>().AccepterEchusAsync(maintenant) >= 1);
        }

        Assert.Equal(StatutTransfert.AccepteAutomatiquement, await StatutAsync(ancien));
        Assert.Equal(StatutTransfert.Demande, await StatutAsync(recent));
        Assert.Equal(StatutDossier.Transfere, (await DossiersAsync(_idX))[_jeunes[2].Ine].Statut);
        Assert.True((await DossiersAsync(_idY)).ContainsKey(_jeunes[2].Ine));

        // Ten more days: the second goes too; a second pass finds nothing of ours.
        using (var scope = f.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TransfertsSuivi>().AccepterEchusAsync(maintenant.AddDays(2));
        }

        Assert.Equal(StatutTransfert.AccepteAutomatiquement, await StatutAsync(recent));
    }

    [Fact]
    public async Task RepartitionAndTransfertsPages_AreForCoordinatorsOnly()
    {
        var ecarts = new List<string>();
        foreach (var url in new[] { "/pro/decrocheurs/repartition", "/pro/decrocheurs/transferts" })
        {
            foreach (var (qui, c) in _c)
            {
                var r = await c.GetAsync(url);
                var attendu = qui is "x" or "y" ? HttpStatusCode.OK : qui == "anonyme" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
                if (r.StatusCode != attendu)
                {
                    ecarts.Add($"{url} × {qui}: {(int)r.StatusCode}");
                }
            }
        }

        Assert.Empty(ecarts);
    }

    [Fact]
    public async Task RepartitionPage_AddsChecksMovesAndDeletesRules_Audited()
    {
        var url = $"/pro/decrocheurs/repartition?psad={_x}";
        var faux = await Pro.PosterAsync(_c["x"], url, new() { ["Critere"] = "commune", ["Codes"] = "631", ["StructureId"] = _ml.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, faux.StatusCode);
        Assert.Contains("pas un code INSEE de commune", (await Pro.Html(faux)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c["x"], url, new() { ["Critere"] = "commune", ["Codes"] = "63113, 63300", ["StructureId"] = _ml.ToString(CultureInfo.InvariantCulture) })).StatusCode);

        await using var db = f.CreateDbContext();
        var regles = await db.ReglesRepartition.Where(r => r.PsadId == _idX).OrderBy(r => r.Ordre).ToListAsync();
        Assert.Equal([CritereRepartition.ObligationFormation, CritereRepartition.Tous, CritereRepartition.Commune], regles.Select(r => r.Critere));
        var nouvelle = regles[2].Id.ToString(CultureInfo.InvariantCulture);
        var monter = await Pro.PosterAsync(_c["x"], url, new() { ["RegleId"] = nouvelle }, "/pro/decrocheurs/repartition?handler=Monter");
        Assert.Equal(HttpStatusCode.Redirect, monter.StatusCode);
        db.ChangeTracker.Clear();
        Assert.Equal([CritereRepartition.ObligationFormation, CritereRepartition.Commune, CritereRepartition.Tous],
            await db.ReglesRepartition.Where(r => r.PsadId == _idX).OrderBy(r => r.Ordre).Select(r => r.Critere).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c["x"], url, new() { ["RegleId"] = nouvelle }, "/pro/decrocheurs/repartition?handler=Supprimer")).StatusCode);
        Assert.Equal(2, await db.ReglesRepartition.CountAsync(r => r.PsadId == _idX));
        Assert.Equal(3, await db.Journal.CountAsync(j => j.Ressource == "regle-repartition" && j.RessourceId == _x));

        // Another PSAD's coordinator cannot touch X's rules.
        Assert.Equal(HttpStatusCode.NotFound, (await ForcerAsync(_c["y"], "/pro/decrocheurs/repartition", "/pro/decrocheurs/repartition?handler=Supprimer",
            new() { ["psad"] = _x, ["RegleId"] = regles[0].Id.ToString(CultureInfo.InvariantCulture) })).StatusCode);
    }

    private async Task<StatutTransfert> StatutAsync(int id)
    {
        await using var db = f.CreateDbContext();
        return await db.TransfertsSuivi.Where(t => t.Id == id).Select(t => t.Statut).SingleAsync();
    }

    /// <summary>The mails about transfer <paramref name="t"/>: as many as expected per side, each with the link and without the young person's name, INE or commune.</summary>
    private async Task MailsSansDonneesAsync(RaccrocheDbContext db, int t, int versX, int versY)
    {
        var mails = await db.MessagesSortants.Where(m => m.Corps.Contains($"n° {t} ") || m.Corps.Contains($"n° {t})") || m.Corps.Contains($"n° {t}.")).ToListAsync();
        Assert.Equal(versX, mails.Count(m => m.Destinataire == _coordX.Courriel));
        Assert.Equal(versY, mails.Count(m => m.Destinataire == _coordY.Courriel));
        var jeune = _jeunes[2];
        foreach (var m in mails)
        {
            Assert.Contains("/pro/decrocheurs/transferts", m.Corps);
            foreach (var donnee in new[] { jeune.Nom, jeune.Prenom, jeune.Ine, jeune.Commune, jeune.Telephone })
            {
                Assert.DoesNotContain(donnee, m.Corps + m.Sujet, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RepartitionTransfertsSqliteTests(SqliteAppFactory f) : RepartitionTransfertsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class RepartitionTransfertsPostgresTests(PostgresAppFactory f) : RepartitionTransfertsTests(f);
