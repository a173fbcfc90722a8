using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy (nginx terminating TLS) the socket's peer is the proxy: the client's address and scheme come in
/// X-Forwarded-For and X-Forwarded-Proto. They are believed only when the sender is one of the trusted proxies of the
/// configuration (<c>Mandataire:Adresses</c>, addresses, and <c>Mandataire:Reseaux</c>, CIDR networks); from anyone else
/// the headers are ignored, so a client cannot choose its own address for the limits or the audit trail. Nothing is
/// trusted by default, not even loopback: a local nginx is listed as 127.0.0.1 (and ::1).
/// </summary>
public static class Mandataire
{
    public static IServiceCollection AddMandataire(this IServiceCollection services, IConfiguration config)
    {
        var adresses = Lire(config, "Mandataire:Adresses");
        var reseaux = Lire(config, "Mandataire:Reseaux");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Every hop from the right that is a trusted proxy is unwound; the first untrusted one is the client.
            o.ForwardLimit = null;
            foreach (var a in adresses)
            {
                o.KnownProxies.Add(IPAddress.TryParse(a, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"Mandataire:Adresses: '{a}' is not an IP address."));
            }

            foreach (var r in reseaux)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(r, out var reseau)
                    ? reseau
                    : throw new InvalidOperationException($"Mandataire:Reseaux: '{r}' is not a CIDR network (such as 10.0.0.0/24)."));
            }
        });

        // Behind a TLS-terminating proxy the app itself listens on plain HTTP: the redirection cannot discover the public
        // HTTPS port from its own bindings, so it is configured (Https:Port, 443 in production). Without it a plain HTTP
        // request is served as it came (the redirection logs that it found no port), as before.
        if (config.GetValue<int?>("Https:Port") is { } port)
        {
            services.AddHttpsRedirection(o => o.HttpsPort = port);
        }
        return services;
    }

    private static string[] Lire(IConfiguration config, string cle)
    {
        var section = config.GetSection(cle);
        // A list in JSON (["10.0.0.1", …]) or one string separated by commas or semicolons (an environment variable).
        var valeurs = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return [.. valeurs.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
