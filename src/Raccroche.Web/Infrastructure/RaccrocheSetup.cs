using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;
using Raccroche.Web.Donnees.Initiales;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;
using Scalar.AspNetCore;

namespace Raccroche.Web.Infrastructure;

public static class RaccrocheSetup
{
    public static WebApplicationBuilder AddRaccroche(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.ProtegerEspacePro();
        }).AddMvcOptions(o => o.Filters.Add<IndisponibiliteBaseFilter>());
        services.AddHttpContextAccessor();
        services.AddTelemetrie(builder.Configuration, builder.Environment);

        // French text as UTF-8 rather than &#xE9; entities or \u00e9 escapes: lighter pages and JSON.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Pages shrink about 5× (the orientation results page: 14.5 KB, 3.0 KB with Brotli), CSS 3×.
        // Safe over HTTPS (BREACH): the only secret in a body, the antiforgery token, is encrypted
        // afresh for every response.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes.Union(["text/javascript", "application/problem+json", "image/svg+xml"])];
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Raccroche API";
            doc.Info.Description = "Répertoire des dispositifs de raccrochage (16-25 ans) : recherche, fiches, structures et communes.";
            return Task.CompletedTask;
        }));
        services.AddBaseDeDonnees(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddScoped<DonneesInitiales>();
        services.AddSingleton(TimeProvider.System);

        // Several instances on one database: each background job runs where its lease is held.
        services.AddSingleton<InstanceCourante>();
        services.AddScoped<BauxTaches>();
        services.Configure<CarteOptions>(builder.Configuration.GetSection("Map"));
        services.AddLimitesDebit(builder.Configuration);
        services.AddMandataire(builder.Configuration);

        // Stopping (SIGTERM from systemd): Kestrel stops accepting, in-flight requests and the jobs' current batch get
        // this long to finish (Hote:DelaiArretSecondes, 30 by default) before the process exits.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hote:DelaiArretSecondes", 30)));

        // Outside development the console gets one JSON object per line (what journald and log shippers index), unless
        // Logging:Console:FormatterName says otherwise. Messages are templates with counts and ids, never a young
        // person's name, phone or e-mail (a test scans a run's logs for them); scopes (request paths carry personal
        // link tokens) stay out.
        if (!builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = false;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    public static WebApplication UseRaccroche(this WebApplication app)
    {
        // First: everything after it (HTTPS redirection, HSTS, limits, the audit trail) sees the client's address and
        // scheme as the trusted proxy forwarded them (Mandataire).
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur/500",
            StatusCodeSelector = ProblemDetailsExceptionHandler.Statut,
        });
        app.UseEntetesSecurite(app.Configuration);
        if (!app.Environment.IsDevelopment())
        {
            // Behind a TLS-terminating proxy the request is HTTPS when X-Forwarded-Proto says so (from a trusted proxy):
            // no redirection loop, HSTS sent. The health probes come from the proxy itself over plain HTTP.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments(Features.Sante.SanteApi.Prefixe), https =>
            {
                https.UseHsts();
                https.UseHttpsRedirection();
            });
        }

        app.UseResponseCompression();

        // Empty error responses: ProblemDetails for the API, the French error page for the site.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), site => site.UseStatusCodePagesWithReExecute("/erreur/{0}"));

        // Plain static files from wwwroot (with asp-append-version hashes): MapStaticAssets' build
        // manifest does not follow the app into the test host, which then served empty files.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRouting();
        app.UseCors();                                // only endpoints that name a policy (RequireCors) answer other origins
        app.UseLimitesDebit();
        app.UseAuthentication();
        app.UseSessionsVerifiees();
        app.UseAuthorization();
        app.UseEnvoisTropVolumineux();
        return app;
    }

    public static WebApplication MapOpenApiEtDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Raccroche API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }

    /// <summary>Applies migrations and seeds when configured to (always in development), then builds the search index.</summary>
    public static async Task PreparerBaseAsync(this WebApplication app)
    {
        var migrate = app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment());
        if (migrate)
        {
            await MigrerEtAmorcerAsync(app.Services);
        }

        var instantane = app.Services.GetRequiredService<InstantaneCatalogue>();
        try
        {
            await ProtectionCles.ProtegerSecretsExistantsAsync(app.Services);
            await instantane.ReconstruireAsync();

            // Reading the national catalogue through EF allocates about 3 GB and peaks near 850 MB resident; the GC keeps
            // that memory committed for later. Once, before the first request: compact and give it back (890 -> 340 MB).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception ex) when (!migrate)
        {
            throw new InvalidOperationException(
                "The database is not ready. Run the 'migrate' command first (dotnet Raccroche.Web.dll migrate).", ex);
        }
    }

    public static async Task MigrerEtAmorcerAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        // Files written before their search key existed get it once, right after the migration that added the column
        // (not at every start: it reads the whole table).
        var enAttente = await db.Database.GetPendingMigrationsAsync(ct);
        var cleAjoutee = enAttente.Any(m => m.EndsWith("_SuiviRepartitionListes", StringComparison.Ordinal));
        var sexeAjoute = enAttente.Any(m => m.EndsWith("_ResultatsDispositifs", StringComparison.Ordinal));
        await db.Database.MigrateAsync(ct);
        if (cleAjoutee)
        {
            await Features.Decrocheurs.ImportSiei.CompleterNomsRechercheAsync(db, ct);
        }

        // The same for the sex and the school of origin (the programmes' outcomes and the feedback to schools), from the frozen rows.
        if (sexeAjoute)
        {
            await Features.Decrocheurs.ImportSiei.CompleterSexesEtablissementsAsync(db, ct);
        }

        await scope.ServiceProvider.GetRequiredService<DonneesInitiales>().SeedAsync(ct);

        // Split roles on PostgreSQL (decision 0025): every table a migration added is granted to the app's role, the
        // audit trail stays insert-only for it.
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>()["Database:RoleApplication"] is { Length: > 0 } role && db.Database.IsNpgsql())
        {
            await Features.Journal.DroitsJournal.AppliquerAsync(db, role, scope.ServiceProvider.GetRequiredService<IConfiguration>()["Database:RolePurge"], ct);
        }
    }
}

/// <summary>Any unhandled failure becomes a ProblemDetails for the API and the error page for the site.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The answer's status for a failure: 413 for a body over its limit, 503 for the database gone, else 500.</summary>
    public static int Statut(Exception e) =>
        DemandeTropVolumineuse.Est(e) ? StatusCodes.Status413PayloadTooLarge
        : Transactions.EstPassagere(e) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware already set it (StatusCodeSelector); the API's answer says the same.
        var statut = Statut(exception);
        switch (statut)
        {
            case StatusCodes.Status413PayloadTooLarge:
                logger.LogWarning("Request body over its limit on {Path}", context.Request.Path);
                break;
            case StatusCodes.Status503ServiceUnavailable:
                logger.LogWarning(exception, "Database unavailable beyond the retries on {Path}", context.Request.Path);
                context.Response.Headers.RetryAfter = "10";
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
                break;
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        context.Response.StatusCode = statut;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = statut,
                Title = statut switch
                {
                    StatusCodes.Status413PayloadTooLarge => "Requête trop volumineuse",
                    StatusCodes.Status503ServiceUnavailable => "Service momentanément indisponible",
                    _ => "Erreur interne",
                },
                Detail = statut switch
                {
                    StatusCodes.Status413PayloadTooLarge => "Le corps de la requête dépasse la taille permise. Envoyez seulement les champs documentés.",
                    StatusCodes.Status503ServiceUnavailable => "La base de données ne répond pas : rien n'a été enregistré. Réessayez dans quelques secondes.",
                    _ => "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez dans un instant.",
                },
            },
        });
    }
}
