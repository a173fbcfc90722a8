using System.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Infrastructure;

public sealed class TelemetrieOptions
{
    public const string Section = "Telemetrie";

    /// <summary>The OTLP/HTTP collector's base address (http://collecteur:4318/); none: nothing is exported over OTLP.</summary>
    public string? Otlp { get; set; }

    /// <summary>Between two exports of the metrics over OTLP.</summary>
    public int IntervalleMetriquesMs { get; set; } = 60_000;

    /// <summary>Whether <c>/metrics</c> answers in the Prometheus text format (keep it off the public side of the proxy).</summary>
    public bool Prometheus { get; set; }
}

/// <summary>
/// OpenTelemetry, off by default (decision 0027): with <c>Telemetrie:Otlp</c> the metrics (requests' rate and latency by
/// route, the jobs' runs and failures, the outbox's backlog, the catalogue index's age, the runtime) and the traces
/// (requests, jobs, PostgreSQL commands) go to an OTLP/HTTP collector; with <c>Telemetrie:Prometheus</c> the metrics are
/// also scraped at <c>/metrics</c>. No personal data leaves: spans keep the route template (<c>/r/{jeton}</c>), never the
/// path or the query string, and no job or metric carries a name, a phone or an address.
/// </summary>
public static class TelemetrieSetup
{
    public static IServiceCollection AddTelemetrie(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var options = config.GetSection(TelemetrieOptions.Section).Get<TelemetrieOptions>() ?? new();
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(options.Otlp) && (!Uri.TryCreate(options.Otlp, UriKind.Absolute, out otlp) || otlp.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"Telemetrie:Otlp ({options.Otlp}) must be an absolute http(s) address, such as http://collecteur:4318/.");
        }

        if (otlp is null && !options.Prometheus)
        {
            return services; // no Mesures either: the jobs then measure nothing and the queues count no backlog
        }

        services.AddSingleton<Mesures>();

        var ot = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("raccroche", serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}")
                .AddAttributes([new("deployment.environment.name", env.EnvironmentName)]))
            .WithMetrics(m =>
            {
                m.AddMeter(Mesures.Nom).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (otlp is not null)
                {
                    m.AddOtlpExporter((exportateur, lecteur) =>
                    {
                        exportateur.Protocol = OtlpExportProtocol.HttpProtobuf;
                        exportateur.Endpoint = new Uri(otlp, "v1/metrics");
                        lecteur.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = Math.Max(100, options.IntervalleMetriquesMs);
                    });
                }

                if (options.Prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (otlp is not null)
        {
            ot.WithTracing(t => t
                .AddSource(Mesures.Nom, "Npgsql")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments(Features.Sante.SanteApi.Prefixe);
                    o.RecordException = false;

                    // The path and the query may hold a personal link's token or what someone searched: the span keeps the
                    // route template (http.route) and the method only.
                    o.EnrichWithHttpRequest = (span, _) =>
                    {
                        span.SetTag("url.path", null);
                        span.SetTag("url.query", null);
                    };
                    o.EnrichWithHttpResponse = (span, reponse) =>
                    {
                        var route = (reponse.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                        span.DisplayName = $"{reponse.HttpContext.Request.Method} {(route is null ? "" : "/" + route.TrimStart('/'))}".TrimEnd();
                        span.SetTag("url.path", null);
                    };
                })
                .AddOtlpExporter(o =>
                {
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.Endpoint = new Uri(otlp, "v1/traces");
                }));
        }

        return services;
    }

    /// <summary>The catalogue index's age as a gauge, and <c>/metrics</c> when Prometheus is on.</summary>
    public static WebApplication MapTelemetrie(this WebApplication app)
    {
        if (app.Services.GetService<Mesures>() is not { } mesures)
        {
            return app;
        }

        var catalogue = app.Services.GetRequiredService<InstantaneCatalogue>();
        mesures.Meter.CreateObservableGauge("raccroche.catalogue.age_index",
            () => catalogue.ConstruitLe is var t and > 0 ? [new Measurement<double>((DateTime.UtcNow.Ticks - t) / (double)TimeSpan.TicksPerSecond)] : Array.Empty<Measurement<double>>(),
            "s", "Time since the catalogue index served by this instance was built.");
        if (app.Configuration.GetValue($"{TelemetrieOptions.Section}:Prometheus", false))
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }
}
