using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Dispositifs;

/// <summary>One of the three entries: its programmes grouped by thématique category.</summary>
public sealed class EntreeModel(InstantaneCatalogue instantane) : PageModel
{
    public Terme Entree { get; private set; } = null!;
    public List<(Terme Categorie, List<DispositifDoc> Dispositifs)> Groupes { get; private set; } = [];
    public int Total { get; private set; }

    public IActionResult OnGet(string slug)
    {
        var terme = Vocabulaire.Entrees.Termes.FirstOrDefault(t => t.Valeur == slug);
        if (terme is null)
        {
            return NotFound();
        }

        Entree = terme;
        var docs = instantane.Index.Documents.Where(d => !d.Suspendu && d.Entrees.Contains(slug)).OrderBy(d => d.Nom, StringComparer.Create(new("fr-FR"), true)).ToList();
        Total = docs.Count;
        Groupes = [.. Vocabulaire.CategoriesThematiques.Termes
            .Select(c => (c, docs.Where(d => d.Categories.FirstOrDefault() == c.Valeur).ToList()))
            .Where(g => g.Item2.Count > 0)];
        var sansTheme = docs.Where(d => d.Categories.Length == 0).ToList();
        if (sansTheme.Count > 0)
        {
            Groupes.Add((new Terme("autres", "Autres"), sansTheme));
        }

        return Page();
    }
}
