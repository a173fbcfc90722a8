using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The check-ins' questions: between 08:00 and 20:00 Paris time, each open check-in that has come due (up to
/// <see cref="PointsSuivi.RetardMaxJours"/> days late) gets one message to the young person with its personal link, through
/// the messages' own path (<see cref="MessagesJeune"/>: the PSAD's text, SMS or e-mail, never after "ne pas contacter"), on a
/// file still followed in its solution. Only the latest check-in due of a file is asked (an earlier one left unanswered is the
/// référent's); one message per check-in, answered or not (an unanswered one stays to do on the work list).
/// </summary>
public sealed class EnvoiPointsSuivi(RaccrocheDbContext db, MessagesJeune messages, TimeProvider clock)
{
    public async Task<int> ExecuterAsync(CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (!HeuresOuvrees.Ouvert(maintenant))
        {
            return 0;
        }

        var aujourdhui = HeureParis.Jour(maintenant);
        var depuis = aujourdhui.AddDays(-PointsSuivi.RetardMaxJours);
        var candidats = await db.PointsSuivi.AsNoTracking()
            .Where(p => p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= aujourdhui && p.Echeance >= depuis
                && !db.MessagesJeune.Any(m => m.PointSuiviId == p.Id)
                && !db.PointsSuivi.Any(q => q.SolutionId == p.SolutionId && q.Mois > p.Mois && q.Echeance <= aujourdhui && q.AnnuleLe == null)
                && db.JeunesSuivis.Any(j => j.Id == p.JeuneSuiviId && j.AnonymiseLe == null && j.NePasContacterLe == null
                    && (j.Statut == StatutDossier.EnSolution || (j.Statut == StatutDossier.Cloture && j.MotifCloture == MotifCloture.SortiePositive))))
            .OrderBy(p => p.Echeance).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        var envoyes = 0;
        foreach (var point in candidats.GroupBy(p => p.JeuneSuiviId).Select(g => g.MaxBy(p => p.Mois)!))
        {
            var d = await db.JeunesSuivis.AsNoTracking().FirstAsync(j => j.Id == point.JeuneSuiviId, ct);
            var possibles = messages.Possibles(d, await messages.CoordonneesAsync(d.Id, ct), aujourdhui).Where(p => p.Destinataire == DestinataireContact.Jeune).Select(p => p.Canal).ToList();
            // The channel the young person was last written to, else SMS, then e-mail.
            var dernier = await db.MessagesJeune.AsNoTracking().Where(m => m.JeuneSuiviId == d.Id && m.Destinataire == DestinataireContact.Jeune)
                .OrderByDescending(m => m.EnvoyeLe).Select(m => (CanalContact?)m.Canal).FirstOrDefaultAsync(ct);
            CanalContact? canal = dernier is { } c && possibles.Contains(c) ? c : possibles.Count > 0 ? possibles[0] : null;
            if (canal is null)
            {
                continue;
            }

            var cible = db.JeunesSuivis.Where(j => j.Id == d.Id && j.Version == d.Version && j.AnonymiseLe == null);
            if ((await messages.EnvoyerAsync(d, cible, DestinataireContact.Jeune, canal.Value, relance: false, MessagesJeune.AuteurPointSuivi, ct, point)).Reussi)
            {
                envoyes++;
            }
        }

        return envoyes;
    }
}

/// <summary>The check-ins' questions, every <c>PointsSuivi:IntervalleMinutes</c> (60 by default).</summary>
public sealed class TachePointsSuivi(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<TachePointsSuivi> logger) : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Follow-up check-ins";

    protected override TimeSpan Intervalle => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("PointsSuivi:IntervalleMinutes", 60)));

    protected override TimeSpan PremierDelai => TimeSpan.FromMinutes(4);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await services.GetRequiredService<EnvoiPointsSuivi>().ExecuterAsync(ct);
        if (n > 0)
        {
            logger.LogInformation("{Count} follow-up check-in message(s) sent", n);
        }
    }
}
