using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Raccroche.Web.Features.Courriers;

/// <summary>
/// Mail settings (section "Mail"). With no SMTP host, messages are written as .eml files to
/// <see cref="DossierDepot"/> (development); otherwise sent through a real SMTP client.
/// </summary>
public sealed class CourrierOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Securite { get; set; } = "StartTls";
    public string? Utilisateur { get; set; }
    public string? MotDePasse { get; set; }
    public string Expediteur { get; set; } = "Raccroche <ne-pas-repondre@raccroche.invalid>";
    public string DossierDepot { get; set; } = "App_Data/mail";

    /// <summary>Where requests go when the competent structure has no e-mail address of its own.</summary>
    public string AdresseParDefaut { get; set; } = "orientation@raccroche.invalid";
    public int IntervalleSecondes { get; set; } = 10;

    /// <summary>The sender gives a message up after this many failed attempts…</summary>
    public int TentativesMax { get; set; } = 20;

    /// <summary>…or when it still fails this many days after it was written: a young person is not called back weeks later.</summary>
    public int AbandonJours { get; set; } = 7;

    /// <summary>The drop folder, absolute.</summary>
    public string Dossier(IHostEnvironment env) => Path.IsPathRooted(DossierDepot) ? DossierDepot : Path.Combine(env.ContentRootPath, DossierDepot);
}

public static class CourriersSetup
{
    /// <summary>
    /// Mail settings and the outbox sender. Outside Development and Testing a real SMTP host is required: without it
    /// messages (young people's names and phones) would pile up as files on the server's disk. Checked when the web
    /// server starts, not by the command-line verbs (migrate, retention…), which send nothing.
    /// </summary>
    public static IServiceCollection AddCourriers(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<CourrierOptions>()
            .Bind(config.GetSection("Mail"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host) || env.IsDevelopment() || env.IsEnvironment("Testing"),
                $"Mail:Host est obligatoire hors développement (environnement « {env.EnvironmentName} ») : sans serveur SMTP, les messages " +
                "seraient déposés en fichiers .eml sur le disque. Renseignez Mail:Host (variable Mail__Host), ou lancez en Development.")
            .Validate(o => o.TentativesMax >= 1 && o.AbandonJours >= 1, "Mail:TentativesMax et Mail:AbandonJours doivent valoir au moins 1.")
            .ValidateOnStart();
        services.AddScoped<Courrier>();
        if (config.GetValue("Mail:EnvoiActif", true))
        {
            services.AddHostedService<EnvoiCourriers>();
        }

        // SMS: the HTTP gateway when one is configured, the drop folder in development and tests, none elsewhere (not offered).
        services.AddOptions<SmsOptions>().Bind(config.GetSection("Sms"))
            .Validate(o => string.IsNullOrWhiteSpace(o.Passerelle) || Uri.TryCreate(o.Passerelle, UriKind.Absolute, out _), "Sms:Passerelle doit être une adresse absolue (https://…).")
            .ValidateOnStart();
        services.AddScoped<FileSms>();
        if (!string.IsNullOrWhiteSpace(config["Sms:Passerelle"]))
        {
            services.AddHttpClient<IExpediteurSms, PasserelleSms>();
        }
        else if (env.IsDevelopment() || env.IsEnvironment("Testing"))
        {
            services.AddSingleton<IExpediteurSms, DepotSms>();
        }

        if (config.GetValue("Sms:EnvoiActif", true))
        {
            services.AddHostedService<TacheSms>();
        }

        return services;
    }
}

/// <summary>
/// Sends what is due in the outbox. A failure is recorded and retried later with a growing delay, until
/// <see cref="CourrierOptions.TentativesMax"/> attempts or <see cref="CourrierOptions.AbandonJours"/> days: then the message is
/// given up, its recipient and body blanked (status, date and attempts remain as a trace).
/// </summary>
public sealed partial class Courrier(RaccrocheDbContext db, IOptions<CourrierOptions> options, IHostEnvironment env, TimeProvider clock, ILogger<Courrier> logger)
{
    private static readonly TimeSpan[] Delais = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    public static MessageSortant Preparer(string destinataire, string sujet, string corps, DateTime maintenant, int? demandeId = null) => new()
    {
        DemandeId = demandeId,
        Destinataire = destinataire,
        Sujet = sujet,
        Corps = corps,
        CreeLe = maintenant,
        ProchaineTentative = maintenant,
    };

    /// <summary>
    /// A claimed message is not due again before this: if the instance that claimed it dies between sending and recording,
    /// another sends it once more after this delay, under the same Message-Id (see <see cref="EnvoyerAsync"/>).
    /// </summary>
    public static readonly TimeSpan Bail = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Sends every due message (50 at most); returns how many were sent. Each message is claimed by one conditional UPDATE
    /// (its next attempt pushed forward by <see cref="Bail"/>) before it is sent, so two senders never send it both.
    /// </summary>
    public async Task<int> EnvoyerEnAttenteAsync(CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var dus = await db.MessagesSortants.AsNoTracking()
            .Where(m => m.EnvoyeLe == null && m.Statut == StatutMessage.EnAttente && m.ProchaineTentative <= maintenant)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.ProchaineTentative })
            .Take(50)
            .ToListAsync(ct);
        var envoyes = 0;
        foreach (var du in dus)
        {
            var reclame = await db.MessagesSortants
                .Where(m => m.Id == du.Id && m.EnvoyeLe == null && m.Statut == StatutMessage.EnAttente && m.ProchaineTentative == du.ProchaineTentative)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProchaineTentative, maintenant + Bail), ct);
            if (reclame == 0)
            {
                continue; // another sender has it
            }

            var m = await db.MessagesSortants.FirstAsync(x => x.Id == du.Id, ct);
            try
            {
                await EnvoyerAsync(m, ct);
                m.EnvoyeLe = clock.GetUtcNow().UtcDateTime;
                m.Statut = StatutMessage.Envoye;
                m.DerniereErreur = null;
                envoyes++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                m.Tentatives++;
                // SMTP replies quote the recipient ("550 <x@y>: unknown"): neither the row nor the log keeps it.
                var erreur = SansAdresses($"{ex.GetType().Name}: {ex.Message}");
                m.DerniereErreur = erreur.Length > 1000 ? erreur[..1000] : erreur;
                m.ProchaineTentative = maintenant + Delais[Math.Min(m.Tentatives - 1, Delais.Length - 1)];
                if (m.Tentatives >= options.Value.TentativesMax || maintenant >= m.CreeLe.AddDays(options.Value.AbandonJours))
                {
                    Abandonner(m, maintenant);
                    logger.LogError("Mail {Id} given up after {Attempts} attempts ({Erreur}); its recipient and body are erased", m.Id, m.Tentatives, erreur);
                }
                else
                {
                    logger.LogWarning("Mail {Id} not sent (attempt {Attempt}, {Erreur}); retry at {Next}", m.Id, m.Tentatives, erreur, m.ProchaineTentative);
                }
            }

            // Recorded whatever the caller's token says: the message left (or failed), its row must say so.
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }

        return envoyes;
    }

    /// <summary>Any e-mail address in a text (an SMTP reply, an exception message) becomes "[adresse]".</summary>
    public static string SansAdresses(string texte) => AdresseRegex().Replace(texte, "[adresse]");

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial System.Text.RegularExpressions.Regex AdresseRegex();

    /// <summary>Gives a message up: what it repeated of a request goes, the fact that it failed stays.</summary>
    public static void Abandonner(MessageSortant m, DateTime maintenant)
    {
        m.Statut = StatutMessage.Abandonne;
        m.AbandonneLe = maintenant;
        m.Destinataire = "";
        m.Corps = "";

        // SMTP errors often quote the recipient's address.
        m.DerniereErreur = m.DerniereErreur is null ? null : "(effacé)";
    }

    private async Task EnvoyerAsync(MessageSortant m, CancellationToken ct)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.Expediteur));
        mime.To.Add(MailboxAddress.Parse(m.Destinataire));
        mime.Subject = m.Sujet;
        // Stable for the message's life: a copy sent again after a crash (see Bail) carries the same id, and a receiving server can drop it.
        mime.MessageId = $"raccroche-{m.Id}@raccroche.invalid";
        mime.Body = new TextPart("plain") { Text = m.Corps };

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var dossier = o.Dossier(env);
            System.IO.Directory.CreateDirectory(dossier);
            await mime.WriteToAsync(Path.Combine(dossier, $"{m.CreeLe:yyyyMMdd-HHmmss}-{m.Id}.eml"), ct);
            return;
        }

        using var smtp = new SmtpClient();
        smtp.Timeout = 15_000;
        var securite = Enum.TryParse<SecureSocketOptions>(o.Securite, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(o.Host, o.Port, securite, ct);
        if (!string.IsNullOrEmpty(o.Utilisateur))
        {
            await smtp.AuthenticateAsync(o.Utilisateur, o.MotDePasse ?? "", ct);
        }

        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

/// <summary>Runs the outbox every <see cref="CourrierOptions.IntervalleSecondes"/> (at least one second), from start-up.</summary>
public sealed class EnvoiCourriers(IServiceScopeFactory scopes, IOptions<CourrierOptions> options, TimeProvider clock, ILogger<EnvoiCourriers> logger)
    : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Outbox";

    protected override TimeSpan Intervalle => TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalleSecondes));

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync(ct);
        if (services.GetService<Mesures>() is { } mesures)
        {
            var db = services.GetRequiredService<RaccrocheDbContext>();
            mesures.Relever(Mesures.Niveaux.Courriers, await db.MessagesSortants.LongCountAsync(m => m.Statut == StatutMessage.EnAttente, ct));
        }
    }
}
