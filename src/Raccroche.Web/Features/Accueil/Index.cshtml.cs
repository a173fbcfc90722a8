using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Accueil;

public sealed class IndexModel(InstantaneCatalogue instantane) : PageModel
{
    public int Total { get; private set; }
    public Dictionary<string, int> ParEntree { get; private set; } = [];

    public void OnGet()
    {
        var docs = instantane.Index.Documents.Where(d => !d.Suspendu).ToList();
        Total = docs.Count;
        ParEntree = docs.SelectMany(d => d.Entrees).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
    }
}
