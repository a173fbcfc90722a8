
using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Diagnostic;

/// <summary>
/// What is kept of completed diagnostics: counts per day, département, age band, situation and wish.
/// No answer is stored with anything that could single out a young person.
/// </summary>
public sealed class StatistiqueDiagnostic
{
    public int Id { get; set; }
    public DateOnly Jour { get; set; }
    public required string Departement { get; set; }
    public required string TrancheAge { get; set; }
    public required string Situation { get; set; }
    public required string Souhait { get; set; }
    public int Nombre { get; set; }

    public static string Tranche(int age) => age switch
    {
        < 16 => "moins-de-16",
        <= 18 => "16-18",
        <= 21 => "19-21",
        <= 25 => "22-25",
        _ => "plus-de-25",
    };

    /// <summary>Adds one to the matching counter (an UPDATE, or an INSERT the first time; a lost insert race retries as an UPDATE).</summary>
    public static async Task CompterAsync(RaccrocheDbContext db, Profil p, DateOnly jour, CancellationToken ct)
    {
        var dep = p.Commune.Departement;
        var tranche = Tranche(p.Age);
        var situation = p.Situation ?? "inconnue";
        var souhait = p.Souhait ?? "inconnu";
        for (var essai = 0; essai < 2; essai++)
        {
            var n = await db.StatistiquesDiagnostic
                .Where(s => s.Jour == jour && s.Departement == dep && s.TrancheAge == tranche && s.Situation == situation && s.Souhait == souhait)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Nombre, x => x.Nombre + 1), ct);
            if (n > 0)
            {
                return;
            }

            try
            {
                db.StatistiquesDiagnostic.Add(new StatistiqueDiagnostic { Jour = jour, Departement = dep, TrancheAge = tranche, Situation = situation, Souhait = souhait, Nombre = 1 });
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // someone inserted the same counter meanwhile: update it instead
            }
        }
    }
}
