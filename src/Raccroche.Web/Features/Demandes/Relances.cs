using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Demandes;

/// <summary>
/// Requests left without any status change for 10 days: one reminder e-mail per structure listing their
/// references (no personal data), at most once per stall.
/// </summary>
public sealed class Relances(RaccrocheDbContext db, Recontact recontact, Comptes.Invitations liens, TimeProvider clock)
{
    public const int JoursSansAction = 10;
    public const int ReferencesParCourrier = 100;

    public async Task<int> EnvoyerAsync(CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var limite = maintenant.AddDays(-JoursSansAction);
        var enAttente = await db.DemandesContact
            .Where(d => d.ClotureLe == null && d.AnonymiseeLe == null && d.DernierMouvementLe < limite && (d.RelanceLe == null || d.RelanceLe < d.DernierMouvementLe))
            .Include(d => d.Structure)
            .ToListAsync(ct);
        foreach (var parStructure in enAttente.GroupBy(d => d.StructureId))
        {
            var s = parStructure.First().Structure!;
            // The list is capped: a thousand stalled requests would not fit in a message (Corps: 20,000 characters) nor be read.
            var refs = string.Join("\n", parStructure.OrderBy(d => d.CreeLe).Take(ReferencesParCourrier).Select(d => $"- {d.Reference}, reçue le {HeureParis.Date(d.CreeLe)}"));
            if (parStructure.Count() > ReferencesParCourrier)
            {
                refs += $"\n… et {parStructure.Count() - ReferencesParCourrier} autre(s), à retrouver dans votre espace.";
            }

            db.MessagesSortants.Add(Courrier.Preparer(s.Courriel ?? recontact.AdresseParDefaut,
                $"{parStructure.Count()} demande(s) sans action depuis {JoursSansAction} jours – {s.Nom}",
                $"Bonjour,\n\nCes demandes attendent une action depuis plus de {JoursSansAction} jours :\n{refs}\n\n" +
                $"Un jeune qui attend risque de décrocher à nouveau. Ouvrez votre espace : {liens.UrlPublique}/pro/demandes\n\nL'équipe Raccroche", maintenant));
            foreach (var d in parStructure)
            {
                d.RelanceLe = maintenant;
            }
        }

        await db.SaveChangesAsync(ct);
        return enAttente.Count;
    }
}

/// <summary>Checks for stalled requests every <c>Relances:IntervalleMinutes</c> (an hour by default), from start-up.</summary>
public sealed class RelancesPeriodiques(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<RelancesPeriodiques> logger)
    : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Reminder";

    protected override TimeSpan Intervalle => TimeSpan.FromMinutes(config.GetValue("Relances:IntervalleMinutes", 60));

    protected override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Relances>().EnvoyerAsync(ct);
}
