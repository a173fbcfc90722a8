using Raccroche.Web.Features.Agenda;
using Raccroche.Web.Features.Annuaire;
using Raccroche.Web.Features.Campagnes;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.DataInclusion;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Demandes;
using Raccroche.Web.Features.Diagnostic;
using Raccroche.Web.Features.Dispositifs;
using Raccroche.Web.Features.Fiches;
using Raccroche.Web.Features.Journal;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Observatoire;
using Raccroche.Web.Features.Partenaires;
using Raccroche.Web.Features.Ressources;
using Raccroche.Web.Features.Resultats;
using Raccroche.Web.Features.Retention;
using Raccroche.Web.Features.Sante;
using Raccroche.Web.Features.Veille;
using Raccroche.Web.Infrastructure;

// The table of contents of the application: every feature folder appears below, with the URLs it
// answers (docs/architecture.md draws how they depend on each other).
var builder = WebApplication.CreateBuilder(args);

// The quick start promises http://localhost:5080 unless ASPNETCORE_URLS (or --urls) says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var config = builder.Configuration;
builder.AddRaccroche();                               // Infrastructure: pages, JSON, OpenAPI, database, limits
builder.Services
    .AddCommunes()                                    // the official communes (/api/v1/communes)
    .AddCatalogue(config)                             // the catalogue snapshot read by every public page
    .AddCourriers(config, builder.Environment)        // the mail outbox, the SMS queue and their senders
    .AddComptes(config, builder.Environment)          // /pro/connexion, /pro/equipe, /pro/admin/comptes…
    .AddJournal()                                     // /pro/admin/journal and the audit trail
    .AddDemandes(config)                              // /pro/demandes, /pro/envoyees, /pro/orienter
    .AddFiches()                                      // /pro/fiches (and /pro/validation, which reads them)
    .AddDecrocheurs(config)                           // /pro/decrocheurs: SIEI livraisons, case files, PSAD teams, messages
    .AddObservatoire(config)                          // the Region's figures, with statistical secrecy
    .AddResultats(config)                             // /pro/resultats: the programmes' outcomes (nightly snapshot), the matcher's retention
    .AddModeration()                                  // editors publish what structures propose (veille, agenda…)
    .AddVeille()                                      // /veille, its Atom and RSS feeds, /pro/veille
    .AddAgenda()                                      // /agenda, its iCalendar files, /pro/agenda
    .AddDataInclusion()                               // the catalogue in the national data·inclusion schema: export, import, /pro/data-inclusion/import
    .AddPartenaires()                                 // /partenaires, /pro/partenaires: the partners' directory
    .AddRessources(config)                            // /ressources (PDF files stored outside wwwroot), /pro/ressources
    .AddRetention(config);                            // deletion on schedule

var app = builder.Build();

if (await LigneDeCommande.ExecuterVerbeAsync(app, args))
{
    return;
}

// The web server (not the verbs above) needs its production secrets; say which one is missing.
ProtectionCles.Verifier(app.Configuration, app.Environment);
await app.PreparerBaseAsync();

app.UseRaccroche();

// Pages (Razor Pages under Features/, one folder per URL):
//   Accueil /, /a-propos · Recherche /recherche · Dispositifs /dispositifs/{id}, /entree/{slug}
//   Annuaire /annuaire, /structures/{id} · Diagnostic /diagnostic/… · Campagnes /campagnes/{code}
//   Pro /pro · Demandes /pro/demandes, /pro/envoyees, /pro/orienter/{slug} · Chiffres /pro/chiffres
//   Fiches /pro/fiches/… · Validation /pro/validation/… · Comptes /pro/connexion… · Admin /pro/admin/comptes,
//   /pro/admin/journal (the audit trail of Journal) · Observatoire /observatoire, /observatoire/indicateurs/{code} · Reponse /r/{jeton},
//   /r/merci (the personal link of a case file's message, public) · Veille /veille, /veille/{id}, /pro/veille… · Agenda /agenda,
//   /agenda/{id}, /pro/agenda… (Moderation holds what their editing pages share) · Partenaires /partenaires,
//   /partenaires/{id}, /pro/partenaires… · Ressources /ressources, /ressources/{id}, /ressources/comprendre-le-decrochage,
//   /pro/ressources… · Resultats /pro/resultats, /pro/resultats/{id}, /pro/resultats/etablissements · DataInclusion
//   /pro/data-inclusion/import. Propositions (what fits a young person) has no page of its own.
app.MapRazorPages();
app.MapOpenApiEtDocumentation();
app.MapCampagnes();
app.MapVeille();                                      // Veille  /veille/flux.atom, /veille/flux.rss, /veille/themes/{theme}/flux.atom
app.MapAgenda();                                      // Agenda  /agenda.ics, /agenda/{id}.ics
app.MapRessources();                                  // Ressources  /ressources/{id}/fichier (a stored PDF)
app.MapSante();                                       // Sante   /sante/vivant, /sante/pret (for the reverse proxy)
app.MapTelemetrie();                                  // /metrics (Prometheus) when Telemetrie:Prometheus; OTLP export when Telemetrie:Otlp

var api = app.MapGroup("/api/v1").WithTags("v1");
api.MapDispositifsApi();                              // Dispositifs  /api/v1/dispositifs
api.MapStructuresApi();                               // Annuaire     /api/v1/structures
api.MapCommunesApi();                                 // Communes     /api/v1/communes
api.MapOrientationApi();                              // Diagnostic   /api/v1/orientation
api.MapDemandesContactApi();                          // Demandes     /api/v1/demandes-de-contact
api.MapDataInclusionApi();                            // DataInclusion /api/v1/data-inclusion/structures, /services, /doc/{vocabulaire}

app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
