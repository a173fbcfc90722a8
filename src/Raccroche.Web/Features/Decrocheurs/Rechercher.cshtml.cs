using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// "Je suis ce jeune" (<c>/pro/decrocheurs/rechercher</c>): a référent whose structure does not handle a young person of the
/// PSAD finds them by INE, or by name, first name and birth date together (never by name alone), then declares they follow
/// them too. The search and what it found are recorded.
/// </summary>
public sealed class RechercherModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    public sealed record Trouve(int Id, string Nom, string? Commune, string? Structure);

    public IReadOnlyList<Trouve>? Resultats { get; private set; }
    public Erreurs Erreurs { get; } = new();

    [BindProperty(SupportsGet = true, Name = "ine")] public string? Ine { get; set; }
    [BindProperty(SupportsGet = true, Name = "nom")] public string? Nom { get; set; }
    [BindProperty(SupportsGet = true, Name = "prenom")] public string? Prenom { get; set; }
    [BindProperty(SupportsGet = true, Name = "naissance")] public string? Naissance { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await acces.PsadsReferentAsync(ct)).Count == 0)
        {
            return NotFound();
        }

        var lu = ValeursSiei.Ine(Ine);
        var ine = lu.Valeur;
        var nom = Saisie.Nettoyer(Nom);
        var prenom = Saisie.Nettoyer(Prenom);
        var naissance = Saisie.Nettoyer(Naissance);
        if (lu.Erreur is { } erreurIne)
        {
            Erreurs.Ajouter("ine", erreurIne);
            return Page();
        }

        if (ine is null && nom is null && prenom is null && naissance is null)
        {
            return Page();
        }

        DateOnly? date = null;
        if (ine is null)
        {
            if (nom is null || prenom is null || naissance is null)
            {
                Erreurs.Ajouter("nom", "Sans INE, indiquez le nom, le prénom et la date de naissance : on ne cherche jamais sur le nom seul.");
            }

            if (naissance is not null)
            {
                var jour = ValeursSiei.Date(naissance);
                date = jour.Valeur;
                if (jour.Erreur is { } e)
                {
                    Erreurs.Ajouter("naissance", e);
                }
            }
        }

        if (Erreurs.Any)
        {
            return Page();
        }

        var q = await acces.DossiersDeclarablesAsync(ct);
        if (ine is not null)
        {
            q = q.Where(j => j.Ine == ine);
        }
        else
        {
            var cleNom = Rapprochement.Cle(nom);
            var clePrenom = Rapprochement.Cle(prenom);
            var candidats = await q.Where(j => j.DateNaissance == date).Select(j => new { j.Id, j.Nom, j.NomNaissance, j.Prenom }).ToListAsync(ct);
            var ids = candidats.Where(c => (Rapprochement.Cle(c.Nom) == cleNom || Rapprochement.Cle(c.NomNaissance) == cleNom) && Rapprochement.Cle(c.Prenom) == clePrenom).Select(c => c.Id).ToList();
            q = q.Where(j => ids.Contains(j.Id));
        }

        Resultats = [.. (await q.Take(10).Select(j => new { j.Id, j.Prenom, j.Nom, j.Commune, Structure = db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstOrDefault() }).ToListAsync(ct))
            .Select(j => new Trouve(j.Id, $"{j.Prenom} {j.Nom?.ToUpperInvariant()}".Trim(), j.Commune, j.Structure))];
        await journal.EcrireAsync(Tracabilite.Lecture, "dossiers-suivi", "recherche",
            $"recherche « je suis ce jeune » par {(ine is not null ? "INE" : "nom, prénom et date de naissance")} : {Resultats.Count} résultat(s) {string.Join(", ", Resultats.Select(r => r.Id))}", ct: ct);
        return Page();
    }
}
