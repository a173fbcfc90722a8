using Microsoft.EntityFrameworkCore.Metadata;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Every form field accepts its validator's maximum and the database stores it (PostgreSQL refuses what is longer than
/// a column, SQLite does not: the PostgreSQL run is the one that matters); a reminder batch of a thousand requests fits.
/// </summary>
public abstract class LongueursTests(AppFactory f)
{
    /// <summary>Ends with a letter: validators trim.</summary>
    private static string Texte(int longueur) => string.Concat(Enumerable.Repeat("Texte long é ", (longueur / 13) + 1))[..(longueur - 1)] + "x";

    private static async Task AssertRedirectionAsync(HttpResponseMessage r) =>
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, (await Pro.Html(r)).QuerySelector(".error-summary")?.TextContent ?? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A valid address of exactly <paramref name="longueur"/> characters (at least 20), with a unique local part.</summary>
    private static string Adresse(int longueur)
    {
        var local = "x" + Guid.NewGuid().ToString("N")[..20];
        var reste = longueur - local.Length - "@".Length - ".fr".Length;
        var etiquettes = new List<string>();
        while (reste > 0)
        {
            var n = Math.Min(reste, 63);
            if (reste - n == 1)
            {
                n--;
            }

            etiquettes.Add(new string('d', n));
            reste -= n + 1;
        }

        var adresse = $"{local}@{string.Join('.', etiquettes)}.fr";
        if (adresse.Length < longueur)
        {
            adresse = "y" + adresse;
        }

        Assert.Equal(longueur, adresse.Length);
        return adresse;
    }

    private static string Lien(int longueur) => "https://exemple.fr/" + new string('p', longueur - "https://exemple.fr/".Length);

    [Theory]
    [InlineData(65)]
    [InlineData(256)]
    public async Task Invitation_ToAnAddressOfTheLongestAcceptedLength_IsStoredAndMailed(int longueur)
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        var courriel = Adresse(longueur);
        int structure;
        await using (var db = f.CreateDbContext())
        {
            structure = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        }

        var r = await Pro.PosterAsync(admin, "/pro/admin/comptes", new()
        {
            ["Courriel"] = courriel,
            ["Role"] = Roles.MembreStructure,
            ["StructureId"] = structure.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "/pro/admin/comptes?handler=Inviter");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var verif = f.CreateDbContext();
        Assert.True(await verif.Invitations.AnyAsync(i => i.Courriel == courriel));
        Assert.True(await verif.MessagesSortants.AnyAsync(m => m.Destinataire == courriel));
        Assert.True(await verif.Journal.AnyAsync(j => j.Ressource == "invitation" && j.RessourceId == courriel));
    }

    [Fact]
    public async Task ReminderBatch_OfAThousandStalledRequests_IsSent()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var il = DateTime.UtcNow.AddDays(-11);
        var prefixe = Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        await using (var db = f.CreateDbContext())
        {
            db.DemandesContact.AddRange(Enumerable.Range(0, 1000).Select(i => new DemandeContact
            {
                Reference = FormattableString.Invariant($"RL-{prefixe}{i:D6}"),
                CreeLe = il,
                DernierMouvementLe = il,
                Prenom = "Relance",
                Telephone = "0600000002",
                Creneau = Creneau.Matin,
                ConsentementLe = il,
                StructureId = asso.StructureId,
            }));
            await db.SaveChangesAsync();
        }

        using var scope = f.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<Relances>().EnvoyerAsync() >= 1000);
        await using var verif = f.CreateDbContext();
        Assert.Equal(0, await verif.DemandesContact.CountAsync(d => d.StructureId == asso.StructureId && d.RelanceLe == null));
        var mail = await verif.MessagesSortants.Where(m => m.Sujet.Contains(asso.Nom) && m.Sujet.Contains("sans action")).SingleAsync();
        Assert.StartsWith("1000 demande(s)", mail.Sujet);
        Assert.Contains("et 900 autre(s)", mail.Corps);
    }

    [Fact]
    public async Task ContactForm_AtEveryFieldsMaximum_IsStored()
    {
        var prenom = new string('é', 50);
        var courriel = Adresse(200);
        var message = Texte(1000);
        var r = await Soumission.EnvoyerAsync(Pro.Client(f), "/diagnostic/recontact?age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=", new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = prenom,
            ["Saisie.Telephone"] = "+33 6 12 34 56 78",
            ["Saisie.Courriel"] = courriel,
            ["Saisie.Creneau"] = "apres-midi",
            ["Saisie.Message"] = message,
            ["Saisie.Consentement"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        var d = await db.DemandesContact.SingleAsync(x => x.Courriel == courriel);
        Assert.Equal((prenom, message), (d.Prenom, d.Message));
    }

    [Fact]
    public async Task ReferralStatusAndClosingReason_AtTheirMaximum_AreStored()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var emetteur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var receveur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));
        var courriel = Adresse(200);
        var r = await Pro.PosterAsync(emetteur, $"/pro/orienter/{asso.Slug63}", new()
        {
            ["Saisie.Prenom"] = new string('Z', 50),
            ["Saisie.Telephone"] = "+33 6 12 34 56 78",
            ["Saisie.Courriel"] = courriel,
            ["Saisie.Age"] = "30",
            ["Saisie.Situation"] = "sorti-sans-diplome",
            ["Saisie.Message"] = Texte(1000),
            ["Saisie.Accord"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        int id;
        await using (var db = f.CreateDbContext())
        {
            id = await db.DemandesContact.Where(d => d.Courriel == courriel).Select(d => d.Id).SingleAsync();
        }

        var motif = ValeursFermees.Toutes<MotifSansSuite>().MaxBy(t => t.Code().Length);
        r = await Pro.PosterAsync(receveur, $"/pro/demandes/{id}", new() { ["Statut"] = StatutDemande.SansSuite.Code(), ["Motif"] = motif.Code(), ["Note"] = Texte(500) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var verif = f.CreateDbContext();
        var d = await verif.DemandesContact.Include(x => x.Suivi).SingleAsync(x => x.Id == id);
        Assert.Equal(motif, d.MotifSansSuite);
        Assert.Equal(500, d.Suivi.Single().Note!.Length);
    }

    [Fact]
    public async Task SheetEditorsAndValidation_AtEveryFieldsMaximum_ArePublished()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var coord = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["63"]));

        var structure = await Formulaire.LireAsync(membre, $"/pro/fiches/structure/{fiche.StructureId}");
        var courriel = Adresse(200);
        structure.Mettre("Saisie.Nom", "S" + Texte(199)).Mettre("Saisie.Description", Texte(4000)).Mettre("Saisie.SiteWeb", Lien(500))
            .Mettre("Saisie.Courriel", courriel).Mettre("Saisie.Telephone", "+33 (0)4 73 00 00 00 ........0")
            .Mettre("Saisie.Siret", "123 456 789 00012")
            .Mettre("Saisie.Lieux[0].Nom", "L" + Texte(199)).Mettre("Saisie.Lieux[0].Adresse", Texte(300)).Mettre("Saisie.Lieux[0].CodePostal", "63000")
            .Mettre("Saisie.Lieux[0].Horaires", Texte(500)).Mettre("Saisie.Lieux[0].Telephone", "04 73 00 00 00 ............ 12")
            .Mettre("Saisie.Lieux[0].Courriel", Adresse(200));
        var r = await structure.EnvoyerAsync(membre, "Soumettre");
        await AssertRedirectionAsync(r);

        var dispositif = await Formulaire.LireAsync(membre, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        dispositif.Mettre("Saisie.Nom", "D" + Texte(199)).Mettre("Saisie.Resume", Texte(300)).Mettre("Saisie.Description", Texte(8000))
            .Mettre("Saisie.ConditionsAcces", Texte(2000)).Mettre("Saisie.RemunerationDetail", Texte(500)).Mettre("Saisie.LienMobilisation", Lien(500));
        r = await dispositif.EnvoyerAsync(membre, "Soumettre");
        await AssertRedirectionAsync(r);

        await using var db = f.CreateDbContext();
        foreach (var revision in await db.RevisionsFiche.Where(x => x.StructureId == fiche.StructureId && x.Statut == StatutRevision.Soumise).Select(x => x.Id).ToListAsync())
        {
            var decision = await Formulaire.LireAsync(coord, $"/pro/validation/{revision}", "main form[method=post]");
            decision.Mettre("Commentaire", Texte(1000));
            r = await decision.EnvoyerAsync(coord, "Publier");
            Assert.Equal("/pro/validation?fait=publiee", r.Headers.Location?.OriginalString);
        }

        var s = await db.Structures.Include(x => x.Lieux).SingleAsync(x => x.Id == fiche.StructureId);
        Assert.Equal((200, 4000, 500, courriel, 30, "12345678900012"), (s.Nom.Length, s.Description.Length, s.SiteWeb!.Length, s.Courriel, s.Telephone!.Length, s.Siret));
        var l = s.Lieux.Single();
        Assert.Equal((200, 300, 500, 30, 200), (l.Nom.Length, l.Adresse!.Length, l.Horaires!.Length, l.Telephone!.Length, l.Courriel!.Length));
        var d = await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId);
        Assert.Equal((200, 300, 8000, 2000, 500, 500), (d.Nom.Length, d.Resume.Length, d.Description.Length, d.ConditionsAcces!.Length, d.RemunerationDetail!.Length, d.LienMobilisation!.Length));
    }

    /// <summary>
    /// The limits the validators apply (Recontact, Suivi, Saisies, Comptes, Fiches), against the columns: a longer
    /// validator limit than its column would let PostgreSQL refuse a value the form accepted (a 500).
    /// </summary>
    public static TheoryData<Type, string, int> Limites => new()
    {
        { typeof(DemandeContact), nameof(DemandeContact.Prenom), 50 },
        { typeof(DemandeContact), nameof(DemandeContact.Courriel), 200 },
        { typeof(DemandeContact), nameof(DemandeContact.Message), 1000 },
        { typeof(DemandeContact), nameof(DemandeContact.Telephone), 12 },
        { typeof(SuiviDemande), nameof(SuiviDemande.Note), 500 },
        { typeof(DemandeContact), nameof(DemandeContact.MotifSansSuite), 15 },
        { typeof(Invitation), nameof(Invitation.Courriel), 256 },
        { typeof(MessageSortant), nameof(MessageSortant.Destinataire), 256 },
        { typeof(JournalAcces), nameof(JournalAcces.RessourceId), 256 },
        { typeof(Utilisateur), nameof(Utilisateur.NomAffiche), 100 },
        { typeof(Structure), nameof(Structure.Nom), 200 },
        { typeof(Structure), nameof(Structure.Description), 4000 },
        { typeof(Structure), nameof(Structure.SiteWeb), 500 },
        { typeof(Structure), nameof(Structure.Courriel), 200 },
        { typeof(Structure), nameof(Structure.Telephone), 30 },
        { typeof(Structure), nameof(Structure.Siret), 14 },
        { typeof(Lieu), nameof(Lieu.Nom), 200 },
        { typeof(Lieu), nameof(Lieu.Adresse), 300 },
        { typeof(Lieu), nameof(Lieu.CodePostal), 5 },
        { typeof(Lieu), nameof(Lieu.Horaires), 500 },
        { typeof(Lieu), nameof(Lieu.Telephone), 30 },
        { typeof(Lieu), nameof(Lieu.Courriel), 200 },
        { typeof(Dispositif), nameof(Dispositif.Nom), 200 },
        { typeof(Dispositif), nameof(Dispositif.Resume), 300 },
        { typeof(Dispositif), nameof(Dispositif.Description), 8000 },
        { typeof(Dispositif), nameof(Dispositif.ConditionsAcces), 2000 },
        { typeof(Dispositif), nameof(Dispositif.RemunerationDetail), 500 },
        { typeof(Dispositif), nameof(Dispositif.LienMobilisation), 500 },
        { typeof(RevisionFiche), nameof(RevisionFiche.Commentaire), 1000 },
        { typeof(RevisionFiche), nameof(RevisionFiche.Contenu), ContenuFiche.TailleMax },
    };

    [Theory]
    [MemberData(nameof(Limites))]
    public void ValidatorLimit_FitsTheColumn(Type entite, string propriete, int limite)
    {
        using var db = f.CreateDbContext();
        IEntityType type = db.Model.FindEntityType(entite)!;
        var colonne = type.FindProperty(propriete)!.GetMaxLength();
        Assert.True(colonne is null || colonne >= limite, $"{entite.Name}.{propriete}: column {colonne}, validator {limite}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LongueursSqliteTests(SqliteAppFactory f) : LongueursTests(f);

[Collection(PostgresCollection.Name)]
public sealed class LongueursPostgresTests(PostgresAppFactory f) : LongueursTests(f);
