using System.Net.Http.Headers;

namespace Raccroche.Web.Features.Courriers;

/// <summary>
/// SMS settings (section "Sms"). With a gateway URL (<see cref="Passerelle"/>) each SMS is posted to it; without one, in
/// Development and Testing, each SMS is written as a text file to <see cref="DossierDepot"/>; elsewhere SMS are not offered.
/// </summary>
public sealed class SmsOptions
{
    /// <summary>The HTTP gateway's URL (POST); empty: no gateway.</summary>
    public string? Passerelle { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>.</summary>
    public string? Jeton { get; set; }

    /// <summary>The request body; <c>{numero}</c> and <c>{texte}</c> are replaced by the E.164 number and the text, JSON-escaped.</summary>
    public string ModeleCorps { get; set; } = """{"to":"{numero}","text":"{texte}"}""";
    public string TypeContenu { get; set; } = "application/json";
    public int DelaiSecondes { get; set; } = 10;
    public string DossierDepot { get; set; } = "App_Data/sms";
    public int IntervalleSecondes { get; set; } = 15;
    public int TentativesMax { get; set; } = 10;
    public int AbandonJours { get; set; } = 3;

    public string Dossier(IHostEnvironment env) => Path.IsPathRooted(DossierDepot) ? DossierDepot : Path.Combine(env.ContentRootPath, DossierDepot);
}

/// <summary>An SMS waiting to be sent (outbox, like <see cref="MessageSortant"/>); once sent or given up, its number and text are blanked.</summary>
public sealed class SmsSortant
{
    public long Id { get; set; }
    public StatutMessage Statut { get; set; } = StatutMessage.EnAttente;
    public required string Numero { get; set; }
    public required string Texte { get; set; }
    public DateTime CreeLe { get; set; }
    public int Tentatives { get; set; }

    /// <summary>When it may be sent; a claim pushes it forward by <see cref="FileSms.Bail"/> so that two senders never send it twice.</summary>
    public DateTime ProchaineTentative { get; set; }
    public DateTime? EnvoyeLe { get; set; }
    public DateTime? AbandonneLe { get; set; }
    public string? DerniereErreur { get; set; }

    public const int TexteMax = 640;
}

internal sealed class SmsSortantConfiguration : IEntityTypeConfiguration<SmsSortant>
{
    public void Configure(EntityTypeBuilder<SmsSortant> b)
    {
        b.HasIndex(m => new { m.Statut, m.ProchaineTentative });
        b.Property(m => m.Statut).HasMaxLength(20);
        b.Property(m => m.Numero).HasMaxLength(20);
        b.Property(m => m.Texte).HasMaxLength(SmsSortant.TexteMax);
        b.Property(m => m.DerniereErreur).HasMaxLength(500);
    }
}

/// <summary>Hands one SMS to whatever carries it; throws when it was not accepted (the queue retries).</summary>
public interface IExpediteurSms
{
    Task EnvoyerAsync(string numero, string texte, CancellationToken ct);
}

/// <summary>Posts each SMS to the configured HTTP gateway (bearer token, body from <see cref="SmsOptions.ModeleCorps"/>); a non-2xx answer or a timeout is a failure.</summary>
public sealed class PasserelleSms(HttpClient http, IOptions<SmsOptions> options) : IExpediteurSms
{
    public async Task EnvoyerAsync(string numero, string texte, CancellationToken ct)
    {
        var o = options.Value;
        var corps = o.ModeleCorps.Replace("{numero}", Json(numero), StringComparison.Ordinal).Replace("{texte}", Json(texte), StringComparison.Ordinal);
        using var requete = new HttpRequestMessage(HttpMethod.Post, o.Passerelle) { Content = new StringContent(corps, Encoding.UTF8, o.TypeContenu) };
        if (!string.IsNullOrEmpty(o.Jeton))
        {
            requete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Jeton);
        }

        using var delai = CancellationTokenSource.CreateLinkedTokenSource(ct);
        delai.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.DelaiSecondes)));
        HttpResponseMessage reponse;
        try
        {
            reponse = await http.SendAsync(requete, delai.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"la passerelle SMS n'a pas répondu en {o.DelaiSecondes} s");
        }

        using (reponse)
        {
            if (!reponse.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"la passerelle SMS a répondu {(int)reponse.StatusCode}");
            }
        }
    }

    /// <summary>The inside of a JSON string (the template holds the quotes).</summary>
    private static string Json(string valeur) => JsonSerializer.Serialize(valeur)[1..^1];
}

/// <summary>Development: each SMS becomes a text file in the drop folder (number and text, whole).</summary>
public sealed class DepotSms(IOptions<SmsOptions> options, IHostEnvironment env, TimeProvider clock) : IExpediteurSms
{
    public async Task EnvoyerAsync(string numero, string texte, CancellationToken ct)
    {
        var dossier = options.Value.Dossier(env);
        System.IO.Directory.CreateDirectory(dossier);
        var nom = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.txt";
        await File.WriteAllTextAsync(Path.Combine(dossier, nom), $"À : {numero}\n\n{texte}\n", ct);
    }
}

/// <summary>
/// The SMS queue: what the case files queue, sent by <see cref="TacheSms"/> through <see cref="IExpediteurSms"/>. Each SMS is
/// claimed by one UPDATE (its next attempt pushed forward) before it is sent, so two instances never send it twice; a failure
/// is recorded and retried with a growing delay, then given up. Never sent at night (20:00-08:00, Paris): it waits for the morning.
/// </summary>
public sealed class FileSms(RaccrocheDbContext db, IServiceProvider services, IOptions<SmsOptions> options, TimeProvider clock, ILogger<FileSms> logger)
{
    public static readonly TimeSpan Bail = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan[] Delais = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>Whether an SMS can be sent at all (a gateway, or the drop folder in development).</summary>
    public bool Disponible => services.GetService<IExpediteurSms>() is not null;

    /// <summary>A new SMS for the queue (the caller adds it in its own transaction); queued at night, it leaves at 08:00.</summary>
    public static SmsSortant Preparer(string numero, string texte, DateTime maintenant) => new()
    {
        Numero = numero,
        Texte = texte.Length > SmsSortant.TexteMax ? texte[..SmsSortant.TexteMax] : texte,
        CreeLe = maintenant,
        ProchaineTentative = HeuresOuvrees.Prochaine(maintenant),
    };

    public async Task<int> EnvoyerEnAttenteAsync(CancellationToken ct = default)
    {
        var expediteur = services.GetService<IExpediteurSms>();
        if (expediteur is null)
        {
            return 0;
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var dus = await db.SmsSortants.AsNoTracking()
            .Where(m => m.Statut == StatutMessage.EnAttente && m.ProchaineTentative <= maintenant)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.ProchaineTentative }).Take(50).ToListAsync(ct);
        var envoyes = 0;
        foreach (var du in dus)
        {
            var reclame = await db.SmsSortants.Where(m => m.Id == du.Id && m.Statut == StatutMessage.EnAttente && m.ProchaineTentative == du.ProchaineTentative)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProchaineTentative, maintenant + Bail), ct);
            if (reclame == 0)
            {
                continue;
            }

            var sms = await db.SmsSortants.FirstAsync(m => m.Id == du.Id, ct);
            try
            {
                await expediteur.EnvoyerAsync(sms.Numero, sms.Texte, ct);
                sms.Statut = StatutMessage.Envoye;
                sms.EnvoyeLe = clock.GetUtcNow().UtcDateTime;
                sms.DerniereErreur = null;

                // Sent: the number and the text have no use any more.
                sms.Numero = "";
                sms.Texte = "";
                envoyes++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                sms.Tentatives++;
                var erreur = $"{ex.GetType().Name}: {ex.Message}";
                sms.DerniereErreur = erreur.Length > 500 ? erreur[..500] : erreur;
                sms.ProchaineTentative = HeuresOuvrees.Prochaine(maintenant + Delais[Math.Min(sms.Tentatives - 1, Delais.Length - 1)]);
                if (sms.Tentatives >= options.Value.TentativesMax || maintenant >= sms.CreeLe.AddDays(options.Value.AbandonJours))
                {
                    sms.Statut = StatutMessage.Abandonne;
                    sms.AbandonneLe = maintenant;
                    sms.Numero = "";
                    sms.Texte = "";
                    logger.LogError("SMS {Id} given up after {Attempts} attempts ({Erreur})", sms.Id, sms.Tentatives, sms.DerniereErreur);
                }
                else
                {
                    logger.LogWarning("SMS {Id} not sent (attempt {Attempt}, {Erreur}); retry at {Next}", sms.Id, sms.Tentatives, sms.DerniereErreur, sms.ProchaineTentative);
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return envoyes;
    }
}

/// <summary>Messages to young people and their families leave between 08:00 and 20:00, Paris time.</summary>
public static class HeuresOuvrees
{
    public const int Debut = 8, Fin = 20;

    public static bool Ouvert(DateTime utc) => HeureParis.Locale(utc).Hour is >= Debut and < Fin;

    /// <summary><paramref name="utc"/> itself in the day, else the next 08:00 in Paris.</summary>
    public static DateTime Prochaine(DateTime utc)
    {
        if (Ouvert(utc))
        {
            return utc;
        }

        var locale = HeureParis.Locale(utc);
        var jour = DateOnly.FromDateTime(locale.Hour >= Fin ? locale.AddDays(1) : locale);
        return HeureParis.Utc(jour.ToDateTime(new TimeOnly(Debut, 0)));
    }
}

/// <summary>Sends the SMS queue every <see cref="SmsOptions.IntervalleSecondes"/>.</summary>
public sealed class TacheSms(IServiceScopeFactory scopes, IOptions<SmsOptions> options, TimeProvider clock, ILogger<TacheSms> logger) : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "SMS";

    protected override TimeSpan Intervalle => TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalleSecondes));

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<FileSms>().EnvoyerEnAttenteAsync(ct);
        if (services.GetService<Mesures>() is { } mesures)
        {
            var db = services.GetRequiredService<RaccrocheDbContext>();
            mesures.Relever(Mesures.Niveaux.Sms, await db.SmsSortants.LongCountAsync(m => m.Statut == StatutMessage.EnAttente, ct));
        }
    }
}

/// <summary>The length of an SMS: GSM-7 when every character is in the GSM 03.38 alphabet (160 per SMS), else UCS-2 (70).</summary>
public static class Gsm7
{
    private const string Base = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static bool Compatible(string texte) => texte.All(c => Base.Contains(c) || Extension.Contains(c));

    /// <summary>Characters as the network counts them (an extension character counts twice in GSM-7).</summary>
    public static int Longueur(string texte) => Compatible(texte) ? texte.Sum(c => Extension.Contains(c) ? 2 : 1) : texte.Length;

    /// <summary>How many SMS the text takes (concatenated parts carry a header: 153 or 67 characters each).</summary>
    public static int Parties(string texte)
    {
        var n = Longueur(texte);
        var (seul, partie) = Compatible(texte) ? (160, 153) : (70, 67);
        return n <= seul ? 1 : (n + partie - 1) / partie;
    }

    /// <summary>The characters that force UCS-2, for the template editor's hint.</summary>
    public static string HorsAlphabet(string texte) => string.Concat(texte.Where(c => !Base.Contains(c) && !Extension.Contains(c)).Distinct());
}
