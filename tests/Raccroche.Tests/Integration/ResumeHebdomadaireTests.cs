using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The weekly digest of the follow-up, on both databases, under a fake clock: the counts each référent, structure and
/// coordinator receive over hand-made files, no mail for a recipient whose counts are all zero, each link opening a list of
/// exactly the counted files, once a week whatever the runs, restarts and instances, nothing personal in the mail as the SMTP
/// server receives it, and the job running on its own when switched on. Each test owns its PSADs, structures and accounts,
/// and a Monday of its own (the week's record is global).
/// </summary>
public abstract partial class ResumeHebdomadaireTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);
    private readonly string _marque = Guid.NewGuid().ToString("N")[..10];
    private List<JeuneFictif> _jeunes = [];
    private FicheTest _s1 = null!, _s2 = null!, _s3 = null!;
    private string _adresseS1 = "", _adresseS3 = "";
    private int _p, _q;
    private CompteTest _r1 = null!, _r1b = null!, _r0 = null!, _r2 = null!, _c = null!, _cq = null!;

    /// <summary>The files by role in the test (see <see cref="PreparerAsync"/>).</summary>
    private readonly Dictionary<string, int> _f = [];

    public async Task InitializeAsync()
    {
        // P: partners S1 (with a generic address) and S2 (without). Q: partner S3 (with an address), no file at all.
        _s1 = await FicheTest.CreerAsync(f);
        _s2 = await FicheTest.CreerAsync(f);
        _s3 = await FicheTest.CreerAsync(f);
        (_adresseS1, _adresseS3) = ($"s1-{_marque}@structure.test", $"s3-{_marque}@structure.test");
        await using var db = f.CreateDbContext();
        await db.Structures.Where(s => s.Id == _s1.StructureId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Courriel, _adresseS1));
        await db.Structures.Where(s => s.Id == _s3.StructureId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Courriel, _adresseS3));
        var p = new Psad { Code = "tr" + _marque, Nom = "PSAD résumé P", Territoire = ["63"], Partenaires = [new() { StructureId = _s1.StructureId }, new() { StructureId = _s2.StructureId }] };
        var q = new Psad { Code = "tq" + _marque, Nom = "PSAD résumé Q", Territoire = ["03"], Partenaires = [new() { StructureId = _s3.StructureId }] };
        db.Psads.AddRange(p, q);
        await db.SaveChangesAsync();
        (_p, _q) = (p.Id, q.Id);

        _r1 = await Pro.CreerCompteAsync(f, Roles.MembreStructure, _s1.StructureSlug);
        _r1b = await Pro.CreerCompteAsync(f, Roles.MembreStructure, _s1.StructureSlug);
        _r0 = await Pro.CreerCompteAsync(f, Roles.MembreStructure, _s1.StructureSlug);
        _r2 = await Pro.CreerCompteAsync(f, Roles.MembreStructure, _s2.StructureSlug);
        _c = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        _cq = await Pro.CreerCompteAsync(f, Roles.MembreStructure, _s3.StructureSlug);
        using var scope = f.Services.CreateScope();
        var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
        Assert.True((await equipe.AccorderAsync(_p, _c.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        Assert.True((await equipe.AccorderAsync(_q, _cq.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        foreach (var r in new[] { _r1, _r1b, _r0, _r2 })
        {
            Assert.True((await equipe.AccorderAsync(_p, r.Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
        }

        _jeunes = ListeSieiSynthetique.Jeunes(8, 31, Novembre);
        var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
            .ExecuterAsync(p.Code, Novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(_jeunes)), "liste.csv", false, false, "test");
        Assert.True(rapport.Importe, rapport.Resume());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The Monday of a test: <paramref name="semaines"/> weeks after the current one (each test its own weeks: 1, 2, 3-4, 6, 8).</summary>
    private static DateOnly Lundi(int semaines) => ResumeHebdomadaire.Semaine(HeureParis.Jour(DateTime.UtcNow)).AddDays(7 * semaines);

    private static DateTime A(DateOnly jour, int heure, int minute = 0) => HeureParis.Utc(jour.ToDateTime(new TimeOnly(heure, minute)));

    /// <summary>
    /// Hand-made files, dated from <paramref name="lundi"/>: each one counted by some measures and not others.
    /// <list type="bullet">
    /// <item>a-traiter: S1, R1, "à contacter", nothing done, arrived 3 days ago.</item>
    /// <item>relance: S1, R1, "contact en cours", silent 10 days (the reminder delay is 7).</item>
    /// <item>rappel: S1, no référent, "contact en cours", the young person asked to be called back (a priority).</item>
    /// <item>mineur: S1, R1b, "joint", 17 years old (a priority), arrived 40 days ago: the entretien proposé is late.</item>
    /// <item>s2: S2, R2, "à contacter", nothing done 20 days after arrival: to handle, and a reminder proposed.</item>
    /// <item>libre: no structure, "à attribuer".</item>
    /// <item>clos: S1, R1, closed as a positive exit, recent exit and a call-back asked, a check-in due: counted only there.</item>
    /// <item>anonyme: S1, R1, "à contacter", anonymised: counted nowhere.</item>
    /// </list>
    /// </summary>
    private async Task PreparerAsync(DateOnly lundi)
    {
        await using var db = f.CreateDbContext();
        var ids = await db.JeunesSuivis.Where(j => j.PsadId == _p).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync();
        Assert.Equal(8, ids.Count);
        string[] noms = ["a-traiter", "relance", "rappel", "mineur", "s2", "libre", "clos", "anonyme"];
        for (var i = 0; i < noms.Length; i++)
        {
            _f[noms[i]] = ids[i];
        }

        var jour = HeureParis.DebutDuJour(lundi);
        await db.JeunesSuivis.Where(j => j.PsadId == _p).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.DateNaissance, lundi.AddYears(-20))
            .SetProperty(j => j.DateSortie, lundi.AddYears(-2))
            .SetProperty(j => j.ArriveLe, jour.AddDays(-3))
            .SetProperty(j => j.StatutDepuis, jour.AddDays(-3))
            .SetProperty(j => j.DerniereActionLe, jour.AddDays(-1))
            .SetProperty(j => j.StructureId, _s1.StructureId)
            .SetProperty(j => j.ReferentId, _r1.Id)
            .SetProperty(j => j.Statut, StatutDossier.AContacter)
            .SetProperty(j => j.NombreTentatives, 0));

        Task Ecrire(string nom, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JeuneSuivi>> u) =>
            db.JeunesSuivis.Where(j => j.Id == _f[nom]).ExecuteUpdateAsync(u);

        await Ecrire("relance", u => u.SetProperty(j => j.Statut, StatutDossier.ContactEnCours).SetProperty(j => j.NombreTentatives, 1).SetProperty(j => j.DerniereActionLe, jour.AddDays(-10)));
        await Ecrire("rappel", u => u.SetProperty(j => j.Statut, StatutDossier.ContactEnCours).SetProperty(j => j.NombreTentatives, 1).SetProperty(j => j.ReferentId, (string?)null)
            .SetProperty(j => j.RappelDemandeLe, jour.AddDays(-2)));
        await Ecrire("mineur", u => u.SetProperty(j => j.Statut, StatutDossier.Joint).SetProperty(j => j.NombreTentatives, 1).SetProperty(j => j.ReferentId, _r1b.Id)
            .SetProperty(j => j.DateNaissance, lundi.AddYears(-17).AddDays(-10)).SetProperty(j => j.ArriveLe, jour.AddDays(-40)));
        await Ecrire("s2", u => u.SetProperty(j => j.StructureId, _s2.StructureId).SetProperty(j => j.ReferentId, _r2.Id).SetProperty(j => j.ArriveLe, jour.AddDays(-20)));
        await Ecrire("libre", u => u.SetProperty(j => j.StructureId, (int?)null).SetProperty(j => j.ReferentId, (string?)null).SetProperty(j => j.Statut, StatutDossier.AAttribuer));
        await Ecrire("clos", u => u.SetProperty(j => j.Statut, StatutDossier.Cloture).SetProperty(j => j.MotifCloture, MotifCloture.SortiePositive).SetProperty(j => j.ClotureLe, jour.AddDays(-1))
            .SetProperty(j => j.DateSortie, lundi.AddDays(-30)).SetProperty(j => j.RappelDemandeLe, jour.AddDays(-2)));

        // The closed positive exit has its 1-month check-in due since Saturday (and its 3-month one to come): a check-in due.
        var solution = new SolutionSuivi { JeuneSuiviId = _f["clos"], Type = TypeSolution.Apprentissage, Statut = StatutSolution.Entree, EntreeLe = lundi.AddMonths(-1).AddDays(-2), CreeLe = jour.AddDays(-40), StatutDepuis = jour.AddDays(-32), Auteur = "test" };
        db.SolutionsSuivi.Add(solution);
        await db.SaveChangesAsync();
        db.PointsSuivi.AddRange(
            new PointSuivi { JeuneSuiviId = _f["clos"], SolutionId = solution.Id, Mois = 1, Echeance = lundi.AddDays(-2) },
            new PointSuivi { JeuneSuiviId = _f["clos"], SolutionId = solution.Id, Mois = 3, Echeance = lundi.AddMonths(2) });
        await db.SaveChangesAsync();
        var anonyme = await db.JeunesSuivis.SingleAsync(j => j.Id == _f["anonyme"]);
        ConservationSuivi.Anonymiser(anonyme, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private WebApplicationFactory<Program> App(TimeProvider horloge, params (string Cle, string Valeur)[] reglages) =>
        f.WithWebHostBuilder(b =>
        {
            foreach (var (cle, valeur) in reglages)
            {
                b.UseSetting(cle, valeur);
            }

            b.ConfigureTestServices(s => s.AddSingleton(horloge));
        });

    private static async Task<BilanResume?> ExecuterAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResumeHebdomadaire>().ExecuterAsync();
    }

    private async Task<List<string>> CorpsAsync(string adresse)
    {
        await using var db = f.CreateDbContext();
        return await db.MessagesSortants.Where(m => m.Destinataire == adresse).OrderBy(m => m.Id).Select(m => m.Corps).ToListAsync();
    }

    /// <summary>One count line of a mail: the number and its link (none for zero).</summary>
    private sealed record Ligne(int Nombre, string? Lien);

    [GeneratedRegex(@"^- (\d+) (.+?)(?: : (\S+))?$")]
    private static partial Regex LigneRegex();

    /// <summary>The sections of a digest (title → measure → line).</summary>
    private static Dictionary<string, Dictionary<MesureResume, Ligne>> Lire(string corps)
    {
        var sections = new Dictionary<string, Dictionary<MesureResume, Ligne>>();
        Dictionary<MesureResume, Ligne>? courante = null;
        foreach (var l in corps.Split('\n'))
        {
            if (LigneRegex().Match(l) is { Success: true } m)
            {
                var mesure = ValeursFermees.Toutes<MesureResume>().Single(x => x.Libelle() == m.Groups[2].Value);
                courante!.Add(mesure, new Ligne(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[3].Success ? m.Groups[3].Value : null));
            }
            else if (l.EndsWith(" :", StringComparison.Ordinal))
            {
                sections[l[..^2]] = courante = [];
            }
        }

        return sections;
    }

    private static Dictionary<MesureResume, int> Comptes(Dictionary<MesureResume, Ligne> section) => section.ToDictionary(s => s.Key, s => s.Value.Nombre);

    private static Dictionary<MesureResume, int> Attendu(int prioritaires, int aTraiter, int aRecontacter, int rappels, int obligation, int? aAttribuer = null, int points = 0)
    {
        var d = new Dictionary<MesureResume, int>
        {
            [MesureResume.Prioritaires] = prioritaires,
            [MesureResume.ATraiter] = aTraiter,
            [MesureResume.ARecontacter] = aRecontacter,
            [MesureResume.Rappels] = rappels,
            [MesureResume.PointsSuivi] = points,
            [MesureResume.EtapesObligation] = obligation,
        };
        if (aAttribuer is { } n)
        {
            d[MesureResume.AAttribuer] = n;
        }

        return d;
    }

    private static Dictionary<MesureResume, Ligne> Section(Dictionary<string, Dictionary<MesureResume, Ligne>> mail, string fin) =>
        Assert.Single(mail, s => s.Key.EndsWith(fin, StringComparison.Ordinal)).Value;

    [Fact]
    public async Task Digest_GivesEachReferentStructureAndCoordinatorTheirCounts_AndNoMailWhenAllAreZero()
    {
        var lundi = Lundi(1);
        await PreparerAsync(lundi);
        await using var app = App(new HorlogeFixe(new DateTimeOffset(A(lundi, 8), TimeSpan.Zero)));
        var bilan = await ExecuterAsync(app);
        Assert.NotNull(bilan);
        Assert.Equal(lundi, bilan.Semaine);
        Assert.True(bilan.StructuresSansAdresse >= 1, "S2 has no generic address");

        var r1 = Lire(Assert.Single(await CorpsAsync(_r1.Courriel)));
        Assert.Equal(Attendu(0, 1, 1, 0, 0, points: 1), Comptes(Section(r1, "les dossiers qui vous sont confiés")));
        Assert.Equal(Attendu(2, 1, 1, 1, 1, points: 1), Comptes(Section(r1, $"les dossiers de votre structure ({(await NomAsync(_s1))})")));
        Assert.Equal(2, r1.Count);

        var r1b = Lire(Assert.Single(await CorpsAsync(_r1b.Courriel)));
        Assert.Equal(Attendu(1, 0, 0, 0, 1), Comptes(Section(r1b, "les dossiers qui vous sont confiés")));

        // Nothing assigned to R0 by name: that section is left out, the structure's remains.
        var r0 = Lire(Assert.Single(await CorpsAsync(_r0.Courriel)));
        Assert.Equal([$"PSAD tr{_marque} – PSAD résumé P, les dossiers de votre structure ({await NomAsync(_s1)})"], r0.Keys);

        var r2 = Lire(Assert.Single(await CorpsAsync(_r2.Courriel)));
        Assert.Equal(Attendu(0, 1, 1, 0, 0), Comptes(Section(r2, "les dossiers qui vous sont confiés")));
        Assert.Equal(Attendu(0, 1, 1, 0, 0), Comptes(Section(r2, "les dossiers de votre structure (" + await NomAsync(_s2) + ")")));

        var coordination = Lire(Assert.Single(await CorpsAsync(_c.Courriel)));
        Assert.Equal(Attendu(2, 3, 2, 1, 1, aAttribuer: 1, points: 1), Comptes(Assert.Single(coordination).Value));

        var s1 = Lire(Assert.Single(await CorpsAsync(_adresseS1)));
        Assert.Equal(Attendu(2, 1, 1, 1, 1, points: 1), Comptes(Section(s1, $"les dossiers de {await NomAsync(_s1)}")));

        // Q has no file: neither its coordinator nor its partner S3 gets a mail; S2 has no address.
        Assert.Empty(await CorpsAsync(_cq.Courriel));
        Assert.Empty(await CorpsAsync(_adresseS3));
        await using var db = f.CreateDbContext();
        var sujet = await db.MessagesSortants.Where(m => m.Destinataire == _c.Courriel).Select(m => m.Sujet).SingleAsync();
        Assert.Equal($"Suivi des décrocheurs : votre récapitulatif de la semaine du {HeureParis.Date(lundi)}", sujet);
        Assert.Equal(bilan.Courriels, (await db.ResumesEnvoyes.SingleAsync(r => r.Semaine == lundi)).Courriels);
    }

    private async Task<string> NomAsync(FicheTest s)
    {
        await using var db = f.CreateDbContext();
        return await db.Structures.Where(x => x.Id == s.StructureId).Select(x => x.Nom).SingleAsync();
    }

    [GeneratedRegex(@"^/pro/decrocheurs/(\d+)")]
    private static partial Regex LienDossierRegex();

    /// <summary>The files a list shows (the work list or the OF list: one link per file in its table).</summary>
    private static async Task<List<int>> DossiersListesAsync(HttpClient client, string lien)
    {
        var url = new Uri(lien).PathAndQuery;
        var page = await Pro.PageAsync(client, url);
        Assert.Null(page.QuerySelector(".error-summary"));
        return [.. page.QuerySelectorAll("table.data a[href]").Select(a => LienDossierRegex().Match(a.GetAttribute("href")!)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order()];
    }

    [Fact]
    public async Task Digest_EachLink_OpensAListOfExactlyTheCountedFiles()
    {
        var lundi = Lundi(2);
        await PreparerAsync(lundi);
        var horloge = new HorlogeFixe(new DateTimeOffset(A(lundi, 8), TimeSpan.Zero));
        await using var app = App(horloge);
        Assert.NotNull(await ExecuterAsync(app));
        async Task<HttpClient> Connecter(CompteTest compte) =>
            await Pro.ConnecterAsync(app, compte, app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true }), horloge);
        List<int> Ids(params string[] noms) => [.. noms.Select(n => _f[n]).Order()];

        // R1: their own files, then their structure's.
        var r1 = Lire(Assert.Single(await CorpsAsync(_r1.Courriel)));
        var attendus = new Dictionary<(string Section, MesureResume Mesure), List<int>>
        {
            [("confiés", MesureResume.ATraiter)] = Ids("a-traiter"),
            [("confiés", MesureResume.ARecontacter)] = Ids("relance"),
            [("confiés", MesureResume.PointsSuivi)] = Ids("clos"),
            [("structure", MesureResume.PointsSuivi)] = Ids("clos"),
            [("structure", MesureResume.Prioritaires)] = Ids("rappel", "mineur"),
            [("structure", MesureResume.ATraiter)] = Ids("a-traiter"),
            [("structure", MesureResume.ARecontacter)] = Ids("relance"),
            [("structure", MesureResume.Rappels)] = Ids("rappel"),
            [("structure", MesureResume.EtapesObligation)] = Ids("mineur"),
        };
        var client = await Connecter(_r1);
        var liens = 0;
        foreach (var (titre, section) in r1)
        {
            var cle = titre.EndsWith("qui vous sont confiés", StringComparison.Ordinal) ? "confiés" : "structure";
            foreach (var (mesure, ligne) in section.Where(s => s.Value.Nombre > 0))
            {
                var montres = await DossiersListesAsync(client, ligne.Lien!);
                Assert.True(attendus[(cle, mesure)].SequenceEqual(montres), $"{cle} {mesure}: {string.Join(",", montres)} for {ligne.Lien}");
                Assert.Equal(ligne.Nombre, montres.Count);
                liens++;
            }
        }

        Assert.Equal(attendus.Count, liens);

        // The coordinator: every file of the PSAD, the unassigned one included.
        var coordination = Assert.Single(Lire(Assert.Single(await CorpsAsync(_c.Courriel)))).Value;
        var attendusPsad = new Dictionary<MesureResume, List<int>>
        {
            [MesureResume.Prioritaires] = Ids("rappel", "mineur"),
            [MesureResume.ATraiter] = Ids("a-traiter", "s2", "libre"),
            [MesureResume.ARecontacter] = Ids("relance", "s2"),
            [MesureResume.Rappels] = Ids("rappel"),
            [MesureResume.EtapesObligation] = Ids("mineur"),
            [MesureResume.AAttribuer] = Ids("libre"),
            [MesureResume.PointsSuivi] = Ids("clos"),
        };
        var coordinateur = await Connecter(_c);
        foreach (var (mesure, ids) in attendusPsad)
        {
            Assert.Equal(ids, await DossiersListesAsync(coordinateur, coordination[mesure].Lien!));
        }

        // The structure's mail, opened by one of its référents.
        var s1 = Assert.Single(Lire(Assert.Single(await CorpsAsync(_adresseS1)))).Value;
        var r0 = await Connecter(_r0);
        Assert.Equal(Ids("rappel", "mineur"), await DossiersListesAsync(r0, s1[MesureResume.Prioritaires].Lien!));
        Assert.Equal(Ids("mineur"), await DossiersListesAsync(r0, s1[MesureResume.EtapesObligation].Lien!));
    }

    [Fact]
    public async Task Digest_IsWrittenOncePerWeek_ThroughRestartsAndTwoInstancesAtOnce_OnlyFromTheConfiguredMoment()
    {
        var lundi = Lundi(3);
        await PreparerAsync(lundi);
        var horloge = new HorlogeFixe(new DateTimeOffset(A(lundi.AddDays(-1), 12), TimeSpan.Zero));
        await using (var tot = App(horloge))
        {
            // Sunday, then Monday before 07:00 Paris: not due.
            Assert.Null(await ExecuterAsync(tot));
            horloge.Maintenant = new DateTimeOffset(A(lundi, 6, 59), TimeSpan.Zero);
            Assert.Null(await ExecuterAsync(tot));
        }

        await using (var db = f.CreateDbContext())
        {
            Assert.False(await db.ResumesEnvoyes.AnyAsync(r => r.Semaine == lundi));
        }

        // Two instances at 07:00 exactly, at once: one writes the week, the other nothing.
        horloge.Maintenant = new DateTimeOffset(A(lundi, 7), TimeSpan.Zero);
        await using var une = App(horloge);
        await using var autre = App(horloge);
        var bilans = await Task.WhenAll(ExecuterAsync(une), ExecuterAsync(autre));
        Assert.Single(bilans, b => b is not null);
        Assert.Single(await CorpsAsync(_r1.Courriel));

        // The same instance later that day, a restarted one, and the rest of the week: nothing more.
        horloge.Maintenant = new DateTimeOffset(A(lundi, 15), TimeSpan.Zero);
        Assert.Null(await ExecuterAsync(une));
        await using (var redemarree = App(horloge))
        {
            Assert.Null(await ExecuterAsync(redemarree));
            horloge.Maintenant = new DateTimeOffset(A(lundi.AddDays(1), 8), TimeSpan.Zero);
            Assert.Null(await ExecuterAsync(redemarree));
        }

        Assert.Single(await CorpsAsync(_r1.Courriel));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(1, await db.ResumesEnvoyes.CountAsync(r => r.Semaine == lundi));
        }

        // The next Monday is a new week (here with Wednesday 18:30 configured instead: Monday is no longer the day).
        var mercredi = lundi.AddDays(9);
        horloge.Maintenant = new DateTimeOffset(A(lundi.AddDays(7), 8), TimeSpan.Zero);
        await using var reglee = App(horloge, ("ResumeHebdomadaire:Jour", "Wednesday"), ("ResumeHebdomadaire:Heure", "18:30"));
        Assert.Null(await ExecuterAsync(reglee));
        horloge.Maintenant = new DateTimeOffset(A(mercredi, 18, 29), TimeSpan.Zero);
        Assert.Null(await ExecuterAsync(reglee));
        horloge.Maintenant = new DateTimeOffset(A(mercredi, 18, 30), TimeSpan.Zero);
        Assert.Equal(lundi.AddDays(7), (await ExecuterAsync(reglee))?.Semaine);
        Assert.Equal(2, (await CorpsAsync(_r1.Courriel)).Count);
    }

    [Fact]
    public async Task Digest_AsTheSmtpServerReceivesIt_HoldsNoNameNorIneNorAnythingPersonal()
    {
        var lundi = Lundi(6);
        await PreparerAsync(lundi);
        await using (var app = App(new HorlogeFixe(new DateTimeOffset(A(lundi, 8), TimeSpan.Zero))))
        {
            Assert.NotNull(await ExecuterAsync(app));
        }

        await using var smtp = new SmtpTestServer();
        var adresses = new[] { _r1.Courriel, _r1b.Courriel, _r0.Courriel, _r2.Courriel, _c.Courriel, _adresseS1 };
        // The outbox's sender at the same clock (the mails are due from the fake Monday on).
        await using (var envoi = App(new HorlogeFixe(new DateTimeOffset(A(lundi, 8, 5), TimeSpan.Zero)),
            ("Mail:Host", "127.0.0.1"), ("Mail:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Mail:Securite", "None")))
        {
            using var scope = envoi.Services.CreateScope();
            for (var i = 0; i < 20 && await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync() > 0; i++)
            {
            }
        }

        var recus = smtp.Recus.Where(m => adresses.Any(a => m.To.ToString().Contains(a, StringComparison.Ordinal))).ToList();
        Assert.Equal(adresses.Length, recus.Count);
        await using var db = f.CreateDbContext();
        var dossiers = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == _p && j.AnonymiseLe == null).ToListAsync();
        var interdits = _jeunes.SelectMany(j => new[] { j.Ine, j.Nom, j.Nom.ToUpperInvariant(), j.Telephone, j.Naissance.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) })
            .Concat(dossiers.SelectMany(d => new[] { d.Ine, d.Nom, d.Prenom, d.Commune, d.CodeInsee, d.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }))
            .Where(x => !string.IsNullOrEmpty(x)).Distinct().ToList();
        foreach (var m in recus)
        {
            var texte = m.Subject + "\n" + m.TextBody;
            Assert.Contains("ne contient que des nombres", texte);
            // As whole words: an account id in a link may hold digits that happen to spell a commune code inside it.
            Assert.All(interdits, x => Assert.DoesNotMatch($@"(?<!\w){Regex.Escape(x!)}(?!\w)", texte));
            // No file number either: the links carry filters, never a file.
            Assert.DoesNotMatch(@"/pro/decrocheurs/\d", texte);
        }
    }

    [Fact]
    public async Task TheJob_SwitchedOn_WritesTheWeeksDigestOnItsOwn_AndTestHostsHaveItOff()
    {
        Assert.DoesNotContain(f.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is TacheResumeHebdomadaire);
        var lundi = Lundi(8);
        await PreparerAsync(lundi);
        await using var app = App(new HorlogeFixe(new DateTimeOffset(A(lundi, 9), TimeSpan.Zero)), (ReglagesDeTest.ResumeHebdomadaire, "true"));
        Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is TacheResumeHebdomadaire);
        var limite = DateTime.UtcNow.AddSeconds(30);
        var ecrit = false;
        while (!ecrit && DateTime.UtcNow < limite)
        {
            await Task.Delay(100);
            await using var db = f.CreateDbContext();
            ecrit = await db.ResumesEnvoyes.AnyAsync(r => r.Semaine == lundi);
        }

        Assert.True(ecrit, "the job did not write the week's digest within 30 s of start-up");
        Assert.Single(await CorpsAsync(_c.Courriel));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResumeHebdomadaireSqliteTests(SqliteAppFactory f) : ResumeHebdomadaireTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ResumeHebdomadairePostgresTests(PostgresAppFactory f) : ResumeHebdomadaireTests(f);
